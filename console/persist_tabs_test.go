package console

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	"labsim/sim/mfa"
)

// authenticatorAccounts lists the account names in a world's authenticator.
func authenticatorAccounts(w sim.World) []string {
	var out []string
	for _, e := range w.Devices.Authenticator {
		out = append(out, e.Account)
	}
	slices.Sort(out)
	return out
}

func storedWorld(t *testing.T, b *fakeBrowser) Saved {
	t.Helper()
	s, err := Decode(b.kv[StorageKey])
	require.NoError(t, err)
	return s
}

func addAuthenticator(name string) Msg {
	return Submit{Now: t0, Form: "auth.key", Values: map[string]string{"auth.account": name, "auth.key": mfa.DemoSecret.Base32()}}
}

// Defect 2 of issue 8: two tabs that add authenticator accounts at the same
// moment lose none of them, whether a tab's save is refused (it read the
// other tab's save first) or both write over one version (each read before
// the other wrote).
func TestTwoTabsChangingTheWorldAtOnceLoseNothing(t *testing.T) {
	for _, race := range []bool{false, true} {
		t.Run(fmt.Sprintf("race between reading and writing %t", race), func(t *testing.T) {
			b := newFakeBrowser(t)
			a := b.open(1, map[string]string{"world": "demo", "lang": "en"}, "")
			c := b.open(2, nil, "")
			var want []string
			for round := range 6 {
				mergesBefore := a.m.Merges() + c.m.Merges()
				nameA, nameC := fmt.Sprintf("a-%d", round), fmt.Sprintf("b-%d", round)
				c.stale = race
				a.sendFirst(addAuthenticator(nameA))
				c.sendFirst(addAuthenticator(nameC))
				b.settle()
				want = append(want, nameA, nameC)
				slices.Sort(want)
				require.Equal(t, want, authenticatorAccounts(a.m.World), "round %d: tab A", round)
				require.Equal(t, want, authenticatorAccounts(c.m.World), "round %d: tab B", round)
				require.Equal(t, want, authenticatorAccounts(storedWorld(t, b).World), "round %d: storage", round)
				require.Greater(t, a.m.Merges()+c.m.Merges(), mergesBefore, "round %d: the tabs did write at once", round)
				require.NoError(t, storedWorld(t, b).World.Validate())
			}
			require.Empty(t, b.asideKeys(), "nothing needed to be set aside")
		})
	}
}

// Defect 3 of issue 8: typing in one tab is never wiped from storage by
// another tab's save.
func TestTypingInTwoTabsIsNeverWiped(t *testing.T) {
	b := newFakeBrowser(t)
	a := b.open(1, nil, "#/signup/1")
	c := b.open(2, nil, "#/signin")
	for round := range 5 {
		email := fmt.Sprintf("student%d@example.com", round)
		c.stale = round%2 == 1
		a.sendFirst(Input{Now: t0, Field: fieldSUEmail, Value: email})
		c.sendFirst(Input{Now: t0, Field: fieldSIEmail, Value: "signin" + email})
		a.sendFirst(Input{Now: t0, Field: fieldSUAccountName, Value: fmt.Sprintf("lab-%d", round)})
		b.settle()
		for _, fields := range []map[string]string{a.m.UI.Fields, c.m.UI.Fields, storedWorld(t, b).UI.Fields} {
			require.Equal(t, email, fields[fieldSUEmail], "round %d", round)
			require.Equal(t, fmt.Sprintf("lab-%d", round), fields[fieldSUAccountName], "round %d", round)
			require.Equal(t, "signin"+email, fields[fieldSIEmail], "round %d", round)
		}
	}
	require.Equal(t, "#/signup/1", a.m.UI.Route, "each tab stays on its page")
	require.Equal(t, "#/signin", c.m.UI.Route)
	// Reopening the sign-up page finds what was typed there.
	again := b.open(3, nil, "#/signup/1")
	require.Equal(t, "student4@example.com", again.m.UI.Fields[fieldSUEmail])
}

// A conflict that cannot be merged keeps both versions: this tab's, and
// the other tab's set aside, with a notice.
func TestUnmergeableChangesKeepBothVersions(t *testing.T) {
	b := newFakeBrowser(t)
	a := b.open(1, map[string]string{"world": "demo", "lang": "en"}, "")
	c := b.open(2, nil, "")
	rename := func(tab *fakeTab, name string) {
		m := tab.m
		m.World = m.World.Clone()
		acct := m.World.Accounts[sim.DemoAccountID]
		acct.Name = name
		m.World.Accounts[sim.DemoAccountID] = acct
		tab.m = m
	}
	rename(a, "name-in-a")
	rename(c, "name-in-b")
	a.sendFirst(Input{Now: t0, Field: "x", Value: "a"})
	c.sendFirst(Input{Now: t0, Field: "y", Value: "b"})
	b.settle()
	keys := b.asideKeys()
	require.Len(t, keys, 1)
	require.Contains(t, keys[0], ":conflict:")
	kept := storedWorld(t, b).World.Accounts[sim.DemoAccountID].Name
	aside, err := Decode(b.kv[keys[0]])
	require.NoError(t, err)
	require.ElementsMatch(t, []string{"name-in-a", "name-in-b"}, []string{kept, aside.World.Accounts[sim.DemoAccountID].Name},
		"both versions are kept")
	require.Contains(t, c.noticeKeys(), "notice.conflict.kept")
}

func TestMergeJSON(t *testing.T) {
	dec := func(s string) any {
		if s == "" {
			return nil
		}
		v, err := decodeAny([]byte(s))
		require.NoError(t, err)
		return v
	}
	for _, tc := range []struct {
		name, base, mine, theirs, want string
		conflicts                      int
	}{
		{"theirs only", `{"a":1}`, `{"a":1}`, `{"a":2}`, `{"a":2}`, 0},
		{"both, different keys", `{"a":1,"b":1}`, `{"a":2,"b":1}`, `{"a":1,"b":2}`, `{"a":2,"b":2}`, 0},
		{"both, one key", `{"a":1}`, `{"a":2}`, `{"a":3}`, `{"a":2}`, 1},
		{"deleted there, unchanged here", `{"a":1,"b":1}`, `{"a":1,"b":1}`, `{"a":1}`, `{"a":1}`, 0},
		{"deleted there, changed here", `{"a":1,"b":1}`, `{"a":1,"b":2}`, `{"a":1}`, `{"a":1,"b":2}`, 1},
		{"added both sides", `{"l":[]}`, `{"l":[{"id":1,"n":"a"}]}`, `{"l":[{"id":1,"n":"b"}]}`, `{"l":[{"id":1,"n":"b"},{"id":2,"n":"a"}]}`, 0},
		{"removed here, added there", `{"l":[1,2]}`, `{"l":[2]}`, `{"l":[1,2,3]}`, `{"l":[2,3]}`, 0},
		{"no base: union", ``, `{"a":1,"l":[1]}`, `{"b":2,"l":[2]}`, `{"a":1,"b":2,"l":[2,1]}`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mergeJSON(dec(tc.base), dec(tc.mine), dec(tc.theirs))
			require.JSONEq(t, tc.want, string(canonical(r.Value)))
			require.Len(t, r.Conflicts, tc.conflicts)
		})
	}
}

// Form fields are per tab: typing into the same field in two tabs keeps
// each tab's own value in that tab, also after a reload; a new tab finds
// the typing kept in the shared document.
func TestEachTabKeepsWhatWasTypedInIt(t *testing.T) {
	b := newFakeBrowser(t)
	a := b.open(1, nil, "#/signup/1")
	c := b.open(2, nil, "#/signup/1")
	a.typeInto(fieldSUEmail, "first@example.com")
	b.settle()
	require.Equal(t, "first@example.com", c.m.UI.Fields[fieldSUEmail], "a tab sees what another typed where it typed nothing")
	c.typeInto(fieldSUEmail, "second@example.com")
	b.settle()
	a.typeInto(fieldSUAccountName, "lab")
	b.settle()
	require.Equal(t, "first@example.com", a.m.UI.Fields[fieldSUEmail], "tab A keeps its own typing")
	require.Equal(t, "second@example.com", c.m.UI.Fields[fieldSUEmail], "tab B keeps its own typing")
	require.Equal(t, "lab", c.m.UI.Fields[fieldSUAccountName])
	a = a.reload(3)
	c = c.reload(4)
	b.settle()
	require.Equal(t, "first@example.com", a.m.UI.Fields[fieldSUEmail], "a reload keeps the tab's own typing")
	require.Equal(t, "second@example.com", c.m.UI.Fields[fieldSUEmail])
	require.Equal(t, "lab", c.m.UI.Fields[fieldSUAccountName])
	fresh := b.open(5, nil, "#/signup/1")
	require.Contains(t, []string{"first@example.com", "second@example.com"}, fresh.m.UI.Fields[fieldSUEmail])
	require.Equal(t, "lab", fresh.m.UI.Fields[fieldSUAccountName])
}

// A tab that changed nothing takes another tab's save as it is (the fast
// path gives what a merge would).
func TestAnUnchangedTabTakesAnotherTabsSave(t *testing.T) {
	b := newFakeBrowser(t)
	a := b.open(1, map[string]string{"world": "demo", "lang": "en"}, "")
	c := b.open(2, nil, "#/signup/1")
	require.True(t, c.m.cleanSince(c.m.persist.stored), "a tab that only loaded is clean")
	a.send(addAuthenticator("from-a"))
	b.settle()
	require.Equal(t, []string{"from-a"}, authenticatorAccounts(c.m.World))
	require.Zero(t, c.m.Merges())
	require.Contains(t, c.noticeKeys(), "notice.othertab")
	typed := send(c.m, Input{Now: t0, Field: fieldSUEmail, Value: "c@example.com"})
	require.False(t, typed.cleanSince(c.m.persist.stored), "after a change the tab's state is its own")
}

// The form fields the two-tab tests type into, named as the pages name them.
const (
	fieldSUEmail       = "signup.email"
	fieldSUAccountName = "signup.accountName"
	fieldSIEmail       = "signin.email"
)
