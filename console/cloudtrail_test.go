package console

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/cloudtrail"
	"labsim/console/ui"
	"labsim/sim"
)

// asRoot is the root user of delegation-done signed in on the world of m
// (another tab of the same browser: the world is shared, the session is
// the tab's own).
func asRoot(m Model) Model {
	a := m.World.Accounts[sim.DemoAccountID]
	m.Session = sim.RootSession(a, m.Now, false)
	m.UI.Fields = nil
	return m
}

// eventRows returns the text of each row of the Event history's table.
func eventRows(t *testing.T, m Model) []string {
	t.Helper()
	var out []string
	View(m).Walk(func(n ui.Node) bool {
		if n.Tag == "tr" && len(n.Kids) > 0 && n.Kids[0].Tag == "td" {
			out = append(out, n.TextContent())
		}
		return true
	})
	return out
}

// selectedOption is the text of the selected option of a select.
func selectedOption(t *testing.T, m Model, label string) string {
	t.Helper()
	sel := find(t, m, "combobox", label)
	for _, o := range sel.Kids {
		if o.Tag == "option" && o.Has("selected") {
			return o.TextContent()
		}
	}
	return ""
}

func TestRootSeesLunasDenialsInTheEventHistory(t *testing.T) {
	// Luna, without MFA, is denied the users page; then with MFA.
	luna := asLuna(t, false)
	luna = send(luna, Navigate{Now: luna.Now, Hash: "#/iam/users"})
	luna.Session.MFAAt = luna.Now
	luna = send(luna, Navigate{Now: luna.Now, Hash: "#/iam/groups"})

	root := asRoot(luna)
	root = send(root, Navigate{Now: root.Now, Hash: "#/iam"})
	n := len(root.World.Events)
	root = send(root, Navigate{Now: root.Now, Hash: "#/cloudtrail"})
	require.Len(t, root.World.Events, n+1, "opening the history is a read through the door")
	ev := enfLastEvent(root)
	require.Equal(t, sim.LookupEventsAction, ev.Action)
	require.Equal(t, sim.Allowed, ev.Decision)

	find(t, root, "heading", "Event history")
	rows := eventRows(t, root)
	require.Contains(t, rows[0], "LookupEvents", "newest first")
	require.Contains(t, rows[0], "cloudtrail.amazonaws.com")
	all := View(root).TextContent()
	require.Contains(t, all, "ListUsers")
	require.Contains(t, all, "Explicitly denied")
	require.Contains(t, all, "AccessDenied")
	require.Contains(t, all, "203.0.113.10")
	require.Contains(t, all, "arn:aws:iam::123456789012:user/")

	// Luna's denials only.
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldUser, Value: lunaARN})
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldDecision, Value: "denied"})
	rows = eventRows(t, root)
	require.Len(t, rows, 2)
	require.Contains(t, rows[0], "ListGroups")
	require.Contains(t, rows[0], "Implicitly denied")
	require.Contains(t, rows[1], "ListUsers")
	require.Contains(t, rows[1], "Explicitly denied")
	for _, r := range rows {
		require.Contains(t, r, "Luna")
		require.Contains(t, r, "AccessDenied")
	}
	require.Equal(t, "Luna", selectedOption(t, root, "User name"))
	require.Equal(t, "Denied (explicitly or implicitly)", selectedOption(t, root, "Decision"))
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldDecision, Value: "explicit"})
	require.Len(t, eventRows(t, root), 1)
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldUser, Value: "arn:aws:iam::123456789012:root"})
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldDecision, Value: "denied"})
	require.Empty(t, eventRows(t, root))
	require.True(t, shows(root, "No events match these filters."))
	checkPseudo(t, enfPseudo(root))
}

func TestEventHistoryPagesNewestFirst(t *testing.T) {
	m := asLuna(t, true)
	// 2 × PageSize + 6 denied page loads by Luna (within the log's bound,
	// sim.MaxEvents), then root's own read.
	for range cloudtrail.PageSize + 3 {
		m = send(m, Navigate{Now: m.Now, Hash: "#/iam/users"})
		m = send(m, Navigate{Now: m.Now, Hash: "#/iam/groups"})
	}
	root := asRoot(m)
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldUser, Value: lunaARN})
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldDecision, Value: "implicit"})
	root = send(root, Navigate{Now: root.Now, Hash: "#/cloudtrail"})
	total := 2*cloudtrail.PageSize + 6
	require.True(t, shows(root, "("+strconv.Itoa(total)+")"))
	require.Len(t, eventRows(t, root), cloudtrail.PageSize)
	require.True(t, shows(root, "Page 1 of 3"))
	require.True(t, find(t, root, "button", "Previous page").Has("disabled"))
	root = press(t, root, "button", "Next page")
	root = press(t, root, "button", "Next page")
	require.True(t, shows(root, "Page 3 of 3"))
	require.Len(t, eventRows(t, root), 6)
	require.True(t, find(t, root, "button", "Next page").Has("disabled"))
	// A new filter starts at the newest events again.
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldDecision, Value: ""})
	require.True(t, shows(root, "Page 1 of"))
}

func TestEventHistoryIsDeniedToLunaWithWhy(t *testing.T) {
	m := asLuna(t, true)
	m = send(m, Navigate{Now: m.Now, Hash: "#/cloudtrail"})
	ev := enfLastEvent(m)
	require.Equal(t, sim.LookupEventsAction, ev.Action)
	require.Equal(t, sim.ImplicitlyDenied, ev.Decision)
	require.True(t, shows(m, "User: "+lunaARN+" is not authorized to perform: cloudtrail:LookupEvents "+
		"because no identity-based policy allows the cloudtrail:LookupEvents action"))
	require.False(t, shows(m, "Event time"), "nothing of the history shows")
	m = press(t, m, "button", "Why?")
	require.True(t, shows(m, "No statement allows this request"))
	checkPseudo(t, enfPseudo(m))
}

func TestEventHistorySaysWhenOlderEventsWereTrimmed(t *testing.T) {
	m := asRoot(asLuna(t, false))
	m = send(m, Navigate{Now: m.Now, Hash: "#/cloudtrail"})
	require.False(t, shows(m, "Older events are no longer kept"))
	// A bounded log keeps only its newest events (their numbers go on).
	m.World.Events = m.World.Events[len(m.World.Events)-2:]
	require.True(t, shows(m, "Older events are no longer kept: the history starts at "+
		m.World.Events[0].Time.UTC().Format("2006-01-02 15:04:05 UTC")+"."))
	require.Len(t, eventRows(t, m), 2)
}

func TestOwnPasswordChangeDeniedShowsWhy(t *testing.T) {
	m := asLuna(t, false)
	a := m.World.Accounts[sim.DemoAccountID]
	doc := `{"Version":"2012-10-17","Statement":[{"Sid":"NoOwnPassword","Effect":"Deny","Action":"iam:ChangePassword","Resource":"*"}]}`
	w, err := m.World.Do(sim.RootSession(a, m.Now, false), sim.PutUserPolicy{UserName: sim.LunaName, PolicyName: "NoOwnPassword", Document: doc}, m.Env())
	require.NoError(t, err)
	m.World = w
	m = send(m, Navigate{Now: m.Now, Hash: "#/security-credentials"})
	m, _ = enfSubmit(m, m.Now, "mfa.changePassword", map[string]string{"mfa.cp.old.password": sim.LunaPassword,
		"mfa.cp.new.password": "Luna-Next-2026!", "mfa.cp.confirm": "Luna-Next-2026!"})
	require.True(t, m.World.Accounts[sim.DemoAccountID].IAM.CheckPassword(sim.LunaName, sim.LunaPassword), "nothing changed")
	require.True(t, shows(m, "User: "+lunaARN+" is not authorized to perform: iam:ChangePassword on resource: "+lunaARN+
		" with an explicit deny in an identity-based policy"))
	m = press(t, m, "button", "Why?")
	require.True(t, shows(m, "NoOwnPassword"))
	require.True(t, shows(m, "iam:ChangePassword"))
	require.True(t, shows(m, "A Deny statement matches."))
	// Two denials are open on the page (the password's and the access
	// keys section's): each Why? has its own content id.
	var ids []string
	View(m).Walk(func(n ui.Node) bool {
		if c, _ := n.Attr("class"); c == "why-body" {
			id, _ := n.Attr("id")
			ids = append(ids, id)
		}
		return true
	})
	require.Equal(t, []string{"why-body-iam-ChangePassword", "why-body-iam-ListAccessKeys"}, ids)
	// The denial is an event root finds in the history.
	root := asRoot(m)
	root = send(root, Navigate{Now: root.Now, Hash: "#/cloudtrail"})
	root = send(root, Input{Now: root.Now, Field: cloudtrail.FieldDecision, Value: "explicit"})
	rows := eventRows(t, root)
	require.NotEmpty(t, rows)
	require.Contains(t, rows[0], "ChangePassword")
	require.Contains(t, rows[0], "Luna")
}
