package console

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
)

func TestWorkKeptAsideCanBeRestoredAndTheRestoreUndone(t *testing.T) {
	// A student's work…
	mine, _ := start(t, map[string]string{"world": "demo", "lang": "en"}, "")
	mine = click(mine, "region", "eu-west-1")
	saved := mustEncode(t, mine)
	// …replaced by a prepared-world link.
	m, fx := Update(Model{}, Init{Now: t0, Saved: saved, Query: map[string]string{"world": "fresh", "lang": "en"}})
	aside := effectsOf[SetAside](fx)
	require.Len(t, aside, 1)
	require.False(t, m.Session.SignedIn())

	// The next visit lists it on the Simulator page.
	later := t0.Add(time.Hour)
	m, _ = Update(Model{}, Init{Now: later, Saved: mustEncode(t, m), Query: map[string]string{"lang": "en"},
		Aside: []Aside{{Key: aside[0].Key, Size: len(aside[0].Data)}}})
	m = send(m, Navigate{Now: later, Hash: "#/simulator"})
	find(t, m, "heading", "Work kept aside")
	require.True(t, ui.ContainsText(View(m), "Replaced by a prepared world"))
	checkPseudo(t, func() Model { p := m; p.UI.Lang = "pseudo"; return p }())

	restore := find(t, m, "button", "Restore: Replaced by a prepared world (2026-11-28 09:00)")
	arg := attrOf(restore, "data-arg")
	m, fx = Update(m, Click{Now: later, Action: "aside.restore", Arg: arg})
	require.Empty(t, effectsOf[LoadAside](fx), "restoring asks for confirmation")
	find(t, m, "alertdialog", "")
	m, fx = Update(m, Click{Now: later, Action: "aside.restore", Arg: arg})
	require.Equal(t, []LoadAside{{Key: aside[0].Key}}, effectsOf[LoadAside](fx))

	// The browser delivers it: the student's work is back, and what was
	// there is kept aside in its turn.
	m, fx = Update(m, AsideLoaded{Now: later, Key: aside[0].Key, Data: aside[0].Data})
	require.True(t, m.Session.SignedIn())
	require.Equal(t, "eu-west-1", m.UI.Region)
	require.Len(t, effectsOf[SetAside](fx), 1)
	require.Equal(t, []RemoveKey{{Key: aside[0].Key}}, effectsOf[RemoveKey](fx))
	require.Len(t, m.Aside, 1)
	require.True(t, ui.ContainsText(View(m), "Replaced by a restore"))
	require.Greater(t, m.Revision, 0)
	require.NotEmpty(t, effectsOf[Save](fx))
}

func TestUnreadableWorkKeptAsideCanBeDeleted(t *testing.T) {
	m, fx := start(t, map[string]string{"lang": "en"}, "{broken")
	key := effectsOf[SetAside](fx)[0].Key
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	require.True(t, ui.ContainsText(View(m), "Could not be read"))
	// Restoring it is refused without changing anything.
	m2, _ := Update(m, AsideLoaded{Now: t0, Key: key, Data: "{broken"})
	require.Equal(t, "notice.aside.unreadable", m2.Notices[len(m2.Notices)-1].Key)
	require.Len(t, m2.Aside, 1)
	// Deleting asks first, then removes it.
	m = click(m, "aside.delete", key)
	m, fx = Update(m, Click{Now: t0, Action: "aside.delete", Arg: key})
	require.Equal(t, []RemoveKey{{Key: key}}, effectsOf[RemoveKey](fx))
	require.Empty(t, m.Aside)
	_, ok := ui.Find(View(m), "heading", "Work kept aside")
	require.False(t, ok)
}
