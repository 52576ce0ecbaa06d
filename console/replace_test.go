package console

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
	"labsim/sim"
)

// Defect 4 of issue 8: every replace keeps the replaced work aside first,
// after one confirmation that says so.
func TestEveryReplaceKeepsTheWorkAsideAfterOneConfirmation(t *testing.T) {
	other := demoModel(t)
	other = click(other, "signout", "")
	export := mustEncode(t, other)
	for _, tc := range []struct {
		name, button, reason string
		// act starts the replace; the confirmation is then accepted.
		act func(m Model) Model
	}{
		{"import", "", "before-import", func(m Model) Model {
			return send(m, ImportFile{Now: t0, Name: "work.json", Size: len(export), Text: export})
		}},
		{"load world", "Load world fresh", "before-world", nil},
		{"reset", "Reset the simulator", "before-reset", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := demoModel(t)
			m = click(m, "region", "eu-west-1")
			m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
			before := mustEncode(t, m)
			if tc.act != nil {
				m = tc.act(m)
			} else {
				m = press(t, m, "button", tc.button)
			}
			dialog := find(t, m, "alertdialog", "")
			require.True(t, ui.ContainsText(dialog, "kept aside"), "the confirmation says the work is kept aside")
			require.True(t, m.Session.SignedIn(), "nothing is replaced before confirmation")
			m, fx := Update(m, Click{Now: t0, Action: attrOf(find(t, m, "button", "Confirm"), "data-action"),
				Arg: attrOf(find(t, m, "button", "Confirm"), "data-arg")})
			aside := effectsOf[SetAside](fx)
			require.Len(t, aside, 1)
			require.Equal(t, before, aside[0].Data, "the replaced work is kept aside exactly")
			require.Contains(t, aside[0].Key, ":"+tc.reason+":")
			require.False(t, m.Session.SignedIn())
			require.Len(t, m.Aside, 1)
			m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
			find(t, m, "heading", "Work kept aside")
		})
	}
}

func TestImportWaitsForConfirmationAndCancelKeepsTheWork(t *testing.T) {
	m := demoModel(t)
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	fresh, _ := start(t, map[string]string{"lang": "en"}, "")
	export := mustEncode(t, fresh)
	m = send(m, ImportFile{Now: t0, Name: "fresh.json", Size: len(export), Text: export})
	m = press(t, m, "button", "Cancel")
	require.Contains(t, m.World.Accounts, sim.DemoAccountID)
	m, fx := Update(m, Click{Now: t0, Action: "aside.import"})
	require.Empty(t, fx, "a cancelled import cannot be confirmed later")
	require.Contains(t, m.World.Accounts, sim.DemoAccountID)
}

// The list of work kept aside is bounded: the oldest copy is deleted, with
// a notice, when an eleventh would be kept.
func TestWorkKeptAsideIsBoundedToTheLastTen(t *testing.T) {
	m := demoModel(t)
	var removed []RemoveKey
	var keys []string
	for i := range MaxAside + 2 {
		now := t0.Add(time.Duration(i) * time.Minute)
		m, _ = Update(m, Click{Now: now, Action: "world", Arg: "demo"})
		var fx []Effect
		m, fx = Update(m, Click{Now: now, Action: "world", Arg: "demo"})
		for _, a := range effectsOf[SetAside](fx) {
			keys = append(keys, a.Key)
		}
		removed = append(removed, effectsOf[RemoveKey](fx)...)
	}
	require.Len(t, keys, MaxAside+2)
	require.Len(t, m.Aside, MaxAside)
	require.Equal(t, []RemoveKey{{Key: keys[0]}, {Key: keys[1]}}, removed, "the oldest go first")
	n := m.Notices[len(m.Notices)-1]
	require.Equal(t, "notice.aside.dropped", n.Key)
	require.True(t, ui.ContainsText(View(m), "Only the last 10 copies"))
}
