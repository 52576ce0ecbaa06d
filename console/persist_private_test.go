package console

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	"labsim/sim/awserr"
)

// signInLuna signs Luna in through the IAM user form of a tab.
func signInLuna(t *testing.T, tab *fakeTab) {
	t.Helper()
	tab.send(Navigate{Now: t0, Hash: "#/signin/" + sim.DemoAccountID})
	tab.send(Submit{Now: t0, Form: "signin.next", Values: map[string]string{"signin.type": "iam",
		"signin.account": sim.DemoAccountID, "signin.user": sim.LunaName, "signin.iam.password": sim.LunaPassword}})
	tab.send(Click{Now: t0, Action: "signin.iamVerify"}) // the Next after "Signing in…"
	tab.b.settle()
	require.True(t, tab.m.Session.IsIAMUser())
}

func TestPrivateWindowHasItsOwnSession(t *testing.T) {
	b := newFakeBrowser(t)
	root := b.open(1, map[string]string{"world": "delegation-done", "lang": "en"}, "")
	a := root.m.World.Accounts[sim.DemoAccountID]
	root.m.Session = sim.RootSession(a, t0, false)
	root.send(Navigate{Now: t0, Hash: "#/iam/users"})
	b.settle()
	require.True(t, storedWorld(t, b).Session.Root)

	private := b.open(2, map[string]string{"private": "1", "lang": "en"}, "#/signin")
	require.True(t, private.m.Private())
	require.False(t, private.m.Session.SignedIn(), "a private window starts signed out")
	signInLuna(t, private)
	private.send(Navigate{Now: t0, Hash: "#/iam/users"})
	b.settle()

	// The shared document keeps the root session; the root tab stays root
	// and sees Luna's denial in the shared world's log.
	require.True(t, storedWorld(t, b).Session.Root)
	require.True(t, root.m.Session.Root)
	var denied bool
	for _, ev := range root.m.World.Events {
		denied = denied || ev.Principal == "arn:aws:iam::123456789012:user/Luna" && ev.Action == "iam:ListUsers" && ev.ErrorCode == awserr.AccessDenied
	}
	require.True(t, denied, "the root tab sees Luna's denial")
	require.True(t, private.m.Session.IsIAMUser(), "the private window stays Luna's")

	// A reload of the private window keeps its own session (sessionStorage).
	private = private.reload(3)
	require.True(t, private.m.Private())
	require.Equal(t, sim.LunaName, private.m.Session.UserName)
	// Signing out there leaves the root tab signed in.
	private.send(Click{Now: t0, Action: "signout"})
	b.settle()
	require.False(t, private.m.Session.SignedIn())
	require.True(t, root.m.Session.Root)
	require.True(t, storedWorld(t, b).Session.Root)
	// An ordinary new tab gets the browser's session.
	other := b.open(4, nil, "")
	require.True(t, other.m.Session.Root)
	require.False(t, other.m.Private())
}

func TestSimulatorMenuOpensAPrivateWindow(t *testing.T) {
	m, _ := start(t, map[string]string{"world": "demo", "lang": "en"}, "")
	m = click(m, "menu", "simulator")
	link := find(t, m, "link", "Open a private window")
	for k, v := range map[string]string{"href": "./?private=1#/signin", "target": "_blank", "rel": "noopener"} {
		got, _ := link.Attr(k)
		require.Equal(t, v, got, k)
	}
}
