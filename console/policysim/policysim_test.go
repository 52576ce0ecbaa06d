package policysim_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/policysim"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/catalog/actiondata"
)

// rootAt boots delegation-done signed in as root on the simulator, in a
// language, with the action catalog delivered.
func rootAt(t *testing.T, lang string) console.Model {
	t.Helper()
	m := ct.StartCheap(t, map[string]string{"world": "delegation-done", "lang": lang})
	require.False(t, m.Session.SignedIn())
	m.Session = sim.RootSession(m.World.Accounts[sim.DemoAccountID], ct.T0, false)
	m, fx := console.Update(m, console.Navigate{Now: ct.T0, Hash: "#/policysim"})
	require.Len(t, ct.EffectsOf[console.LoadCatalog](fx), 1, "the simulator asks for the action catalog")
	require.True(t, ct.Shows(m, m.Catalog().T("policysim.catalog.loading")))
	a, err := actiondata.Load()
	require.NoError(t, err)
	return ct.Send(m, console.CatalogLoaded{Now: ct.T0, Actions: a})
}

var (
	lunaARN  = "arn:aws:iam::" + sim.DemoAccountID + ":user/Luna"
	groupARN = "arn:aws:iam::" + sim.DemoAccountID + ":group/NetworkAdmin"
)

// run submits the form with values and returns the model and the
// results' decisions by action.
func run(t *testing.T, m console.Model, values map[string]string) (console.Model, map[string]string) {
	t.Helper()
	m, _ = ct.SubmitAt(m, ct.T0, "policysim.run", values)
	out := map[string]string{}
	for _, r := range policysim.Results(m.Model) {
		out[r.Action] = policysim.DecisionWord(r.Simulation.Result.Decision)
	}
	return m, out
}

// TestSimulatorScenarioTable runs every row of the scenario's decisions
// table (shared/reference/scenario/README.md) through the page for Luna
// and checks the page shows the same decision as the policy engine.
func TestSimulatorScenarioTable(t *testing.T) {
	user := func(n string) string { return "arn:aws:iam::" + sim.DemoAccountID + ":user/" + n }
	rows := []struct {
		name, actions, resource, mfa, ip string
		want                             map[string]string
	}{
		{"VPC console", "ec2:DescribeVpcs", "*", "true", "", map[string]string{"ec2:DescribeVpcs": "allowed"}},
		{"IAM users page", "iam:ListUsers", "*", "true", "", map[string]string{"iam:ListUsers": "implicitDeny"}},
		{"S3 console", "s3:ListAllMyBuckets", "*", "true", "", map[string]string{"s3:ListAllMyBuckets": "implicitDeny"}},
		{"VPC without MFA", "ec2:DescribeVpcs", "*", "false", "", map[string]string{"ec2:DescribeVpcs": "explicitDeny"}},
		{"VPC without the MFA key", "ec2:DescribeVpcs", "*", "absent", "", map[string]string{"ec2:DescribeVpcs": "explicitDeny"}},
		{"VPC from outside", "ec2:DescribeVpcs", "*", "true", "198.51.100.7", map[string]string{"ec2:DescribeVpcs": "explicitDeny"}},
		{"own password", "iam:ChangePassword", user("Luna"), "false", "", map[string]string{"iam:ChangePassword": "allowed"}},
		{"own MFA device", "iam:CreateVirtualMFADevice", "arn:aws:iam::" + sim.DemoAccountID + ":mfa/Luna", "false", "", map[string]string{"iam:CreateVirtualMFADevice": "allowed"}},
		{"enable own MFA", "iam:EnableMFADevice", user("Luna"), "false", "", map[string]string{"iam:EnableMFADevice": "allowed"}},
		{"another user", "iam:GetUser", user("SuperUser"), "true", "", map[string]string{"iam:GetUser": "implicitDeny"}},
	}
	m0 := rootAt(t, "en")
	for _, tc := range rows {
		t.Run(tc.name, func(t *testing.T) {
			before := len(m0.World.Events)
			m, got := run(t, m0, map[string]string{policysim.FieldSource: lunaARN, policysim.FieldTyped: tc.actions,
				policysim.FieldResource: tc.resource, policysim.FieldMFA: tc.mfa, policysim.FieldIP: tc.ip})
			require.Equal(t, tc.want, got)
			// The page shows the decision in the results table.
			for a, word := range tc.want {
				row := resultRow(t, m, a)
				require.Contains(t, row, word, "row %q", row)
			}
			// The run is an event.
			require.Len(t, m.World.Events, before+1)
			ev := ct.LastEvent(m)
			require.Equal(t, "iam:SimulatePrincipalPolicy", ev.Action)
			require.Equal(t, lunaARN, ev.Resource)
			require.Equal(t, sim.Allowed, ev.Decision)
			require.Equal(t, tc.actions, ev.Detail["actions"])
		})
	}
}

// resultRow returns the text of the results row of an action.
func resultRow(t *testing.T, m console.Model, action string) string {
	t.Helper()
	v := console.View(m)
	var row string
	for _, tr := range tags(v, "tr") {
		if th := tags(tr, "th"); len(th) == 1 && th[0].TextContent() == action {
			row = tr.TextContent()
		}
	}
	require.NotEmpty(t, row, "no result row for %s", action)
	return row
}

func tags(n ui.Node, tag string) []ui.Node {
	var out []ui.Node
	for _, k := range n.Kids {
		if k.Tag == tag {
			out = append(out, k)
			continue
		}
		out = append(out, tags(k, tag)...)
	}
	return out
}

// TestSimulatorPicksActionsFromTheCatalog ticks actions by access level,
// simulates the group, and shows the deciding statement highlighted.
func TestSimulatorPicksActionsFromTheCatalog(t *testing.T) {
	m := rootAt(t, "en")
	m = ct.Send(m, console.Input{Now: ct.T0, Field: policysim.FieldService, Value: "ec2"})
	for _, level := range []string{"List (", "Read (", "Write (", "Permissions management (", "Tagging ("} {
		require.True(t, ct.Shows(m, level), "access level %s", level)
	}
	m = ct.Send(m, console.Input{Now: ct.T0, Field: policysim.FieldFilter, Value: "describevpcs"})
	box := ct.Find(t, m, "checkbox", "ec2:DescribeVpcs")
	require.False(t, box.Has("checked"))
	m = ct.Send(m, console.Input{Now: ct.T0, Field: policysim.FieldAction + "ec2:DescribeVpcs", Value: "true"})
	require.True(t, ct.Find(t, m, "checkbox", "ec2:DescribeVpcs").Has("checked"))
	// The source is chosen from the users and groups of the account.
	sourceOptions := func(m console.Model) map[string]bool {
		sel, ok := ui.ByID(console.View(m), "policysim-source")
		require.True(t, ok)
		out := map[string]bool{}
		for _, o := range tags(sel, "option") {
			out[o.TextContent()] = o.Has("selected")
		}
		return out
	}
	require.Equal(t, map[string]bool{"Choose a user or group": true, "SuperUser": false, "Luna": false, "NetworkAdmin": false}, sourceOptions(m))
	m = ct.Send(m, console.Input{Now: ct.T0, Field: policysim.FieldSource, Value: groupARN})
	require.True(t, sourceOptions(m)["NetworkAdmin"])
	m, got := run(t, m, map[string]string{policysim.FieldMFA: "true"})
	require.Equal(t, map[string]string{"ec2:DescribeVpcs": "allowed"}, got)
	ct.Find(t, m, "heading", "Results for NetworkAdmin")

	// The deciding statement, highlighted in its policy.
	m, fx := ct.PressAt(t, m, ct.T0, "button", "AmazonVPCFullAccess: AmazonVPCFullAccess")
	ct.RequireFocusInView(t, m, fx)
	hit, ok := ui.ByID(console.View(m), "policysim-hit")
	require.True(t, ok)
	require.Contains(t, hit.TextContent(), `"ec2:DescribeVpcs"`)
	require.True(t, strings.HasPrefix(strings.TrimSpace(hit.TextContent()), "{"), "the whole statement object")

	// An explicit deny highlights the Deny statement.
	m, got = run(t, m, map[string]string{policysim.FieldMFA: "false"})
	require.Equal(t, map[string]string{"ec2:DescribeVpcs": "explicitDeny"}, got)
	m, _ = ct.PressAt(t, m, ct.T0, "button", "NetworkAdminGuardrails: DenyAllExceptListedIfNoMFA")
	hit, _ = ui.ByID(console.View(m), "policysim-hit")
	require.Contains(t, hit.TextContent(), `"Sid": "DenyAllExceptListedIfNoMFA"`)
	require.True(t, ct.Shows(m, "aws:MultiFactorAuthPresent"))
	ct.CheckPseudo(t, ct.Pseudo(m))

	// Clear actions unticks everything and forgets the results.
	m, fx = ct.PressAt(t, m, ct.T0, "button", "Clear actions")
	ct.RequireFocusInView(t, m, fx)
	require.True(t, ct.Shows(m, "Actions to simulate: (none)"))
	require.False(t, ct.Find(t, m, "checkbox", "ec2:DescribeVpcs").Has("checked"))
	_, results := ui.Find(console.View(m), "heading", "Results for NetworkAdmin")
	require.False(t, results)
}

// TestSimulatorFollowsPolicyChanges detaches the guardrails (as another
// tab could) and sees the result change without running again.
func TestSimulatorFollowsPolicyChanges(t *testing.T) {
	m := rootAt(t, "en")
	m, got := run(t, m, map[string]string{policysim.FieldSource: lunaARN, policysim.FieldTyped: "ec2:DescribeVpcs", policysim.FieldMFA: "false"})
	require.Equal(t, "explicitDeny", got["ec2:DescribeVpcs"])
	w, err := m.World.Do(m.Session, sim.DetachGroupPolicy{GroupName: sim.NetworkAdminGroup, PolicyARN: sim.GuardrailsPolicyARN(sim.DemoAccountID)}, m.Env())
	require.NoError(t, err)
	m.World = w
	require.Contains(t, resultRow(t, m, "ec2:DescribeVpcs"), "allowed")
}

// TestSimulatorPastedPolicy simulates a policy attached to nobody.
func TestSimulatorPastedPolicy(t *testing.T) {
	m := rootAt(t, "en")
	values := map[string]string{policysim.FieldSource: lunaARN, policysim.FieldTyped: "s3:ListAllMyBuckets", policysim.FieldMFA: "true",
		policysim.FieldPolicy: `{"Version":"2012-10-17","Statement":[{"Sid":"TryS3","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`}
	m, got := run(t, m, values)
	require.Equal(t, "allowed", got["s3:ListAllMyBuckets"])
	require.Equal(t, "true", ct.LastEvent(m).Detail["customPolicy"])
	acct := m.World.Accounts[sim.DemoAccountID]
	u, _ := acct.IAM.User("Luna")
	require.Empty(t, u.Inline, "nothing was attached")
	require.True(t, ct.Shows(m, "New policy: TryS3"))
}

// TestSimulatorRefusesBadInput keeps what was typed and says what is
// wrong next to each field; nothing is logged.
func TestSimulatorRefusesBadInput(t *testing.T) {
	m := rootAt(t, "en")
	before := len(m.World.Events)
	m, fx := ct.SubmitAt(m, ct.T0, "policysim.run", map[string]string{policysim.FieldTyped: "ec2:Nope, vpcs",
		policysim.FieldIP: "300.1.1.1", policysim.FieldTime: "yesterday", policysim.FieldMFAAge: "-5", policysim.FieldPolicy: `{"Statement": [`})
	require.Len(t, m.World.Events, before, "an invalid run is not an event")
	require.Equal(t, []console.Focus{{ID: "policysim-source"}}, ct.EffectsOf[console.Focus](fx))
	for field, msg := range map[string]string{
		"User or group":                              "Choose a user or group to simulate.",
		"Actions by name":                            "Not an action this simulator knows: ec2:Nope, vpcs.",
		"aws:SourceIp (source IP)":                   "Enter an IP address such as 203.0.113.10, or leave it empty.",
		"aws:CurrentTime (current time)":             "Enter a time like 2026-03-01T09:00:00Z, or leave it empty.",
		"aws:MultiFactorAuthAge (seconds since MFA)": "Enter a whole number of seconds, or leave it empty.",
		"Policy document (JSON)":                     "This policy cannot be simulated:",
	} {
		require.Contains(t, ct.Description(t, m, fieldRole(field), field), msg, field)
	}
	require.Equal(t, "300.1.1.1", ct.AttrOf(ct.Find(t, m, "textbox", "aws:SourceIp (source IP)"), "value"), "nothing typed is lost")
	require.Nil(t, policysim.Results(m.Model))
}

func fieldRole(label string) string {
	if label == "User or group" {
		return "combobox"
	}
	return "textbox"
}

// TestSimulatorPageIsAuthorised denies Luna the page (no policy allows
// iam:GetContextKeysForPrincipalPolicy) and logs the denied load.
func TestSimulatorPageIsAuthorised(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		m := ct.StartCheap(t, map[string]string{"world": "delegation-done", "lang": lang})
		acct := m.World.Accounts[sim.DemoAccountID]
		u, _ := acct.IAM.User("Luna")
		m.Session = sim.UserSession(acct, u, ct.T0, true)
		m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: "#/policysim"})
		ev := ct.LastEvent(m)
		require.Equal(t, "iam:GetContextKeysForPrincipalPolicy", ev.Action)
		require.Equal(t, sim.ImplicitlyDenied, ev.Decision)
		require.True(t, ct.Shows(m, "User: "+lunaARN+" is not authorized to perform: iam:GetContextKeysForPrincipalPolicy because no identity-based policy allows the iam:GetContextKeysForPrincipalPolicy action"))
		_, form := ui.Find(console.View(m), "button", m.Catalog().T("policysim.run"))
		require.False(t, form, "no form on a denied page")
	}
}

// TestSimulatorKorean renders the results in Korean.
func TestSimulatorKorean(t *testing.T) {
	m := rootAt(t, "ko")
	m, got := run(t, m, map[string]string{policysim.FieldSource: lunaARN, policysim.FieldTyped: "ec2:DescribeVpcs, s3:ListAllMyBuckets", policysim.FieldMFA: "true"})
	require.Equal(t, map[string]string{"ec2:DescribeVpcs": "allowed", "s3:ListAllMyBuckets": "implicitDeny"}, got)
	ct.Find(t, m, "heading", "IAM 정책 시뮬레이터")
	require.Contains(t, resultRow(t, m, "ec2:DescribeVpcs"), "허용됨 (allowed)")
	require.Contains(t, resultRow(t, m, "s3:ListAllMyBuckets"), "암시적 거부 (implicitDeny)")
}
