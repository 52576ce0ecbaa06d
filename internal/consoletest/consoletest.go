// Package consoletest drives the whole console the way the browser does,
// for the tests of the console's area packages: boot, send messages, find
// controls by role and name, press and submit them, and walk the common
// flows (a signed-in demo account, root MFA assigned). Area packages test
// through it from external test packages, since an area cannot import the
// console that composes it.
package consoletest

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/mfa"
)

// T0 is the tests' start time.
var T0 = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

// T1 is 10 s into a time step, when the MFA tests type their codes.
var T1 = T0.Add(10 * time.Second)

// Start boots a console the way the browser does.
func Start(t *testing.T, query map[string]string, saved string) (console.Model, []console.Effect) {
	t.Helper()
	return console.Update(console.Model{}, console.Init{Now: T0, Seed: [32]byte{7}, Query: query, Saved: saved,
		BrowserLang: "en-US", Storage: console.StorageStatus{Mode: "local"}})
}

// Demo boots the signed-in demo world in English.
func Demo(t *testing.T) console.Model {
	t.Helper()
	m, _ := Start(t, map[string]string{"world": "demo", "lang": "en"}, "")
	require.True(t, m.Session.SignedIn())
	return m
}

// Send delivers a message.
func Send(m console.Model, msg console.Msg) console.Model {
	m, _ = console.Update(m, msg)
	return m
}

// Click sends a Click at T0.
func Click(m console.Model, action, arg string) console.Model {
	return Send(m, console.Click{Now: T0, Action: action, Arg: arg})
}

// Find returns the element with the role and name in the model's view.
func Find(t *testing.T, m console.Model, role, name string) ui.Node {
	t.Helper()
	n, ok := ui.Find(console.View(m), role, name)
	require.True(t, ok, "no %s named %q in the view", role, name)
	return n
}

// PressAt activates a control found by role and name through its
// data-action at now, as the browser binding does.
func PressAt(t *testing.T, m console.Model, now time.Time, role, name string) (console.Model, []console.Effect) {
	t.Helper()
	n := Find(t, m, role, name)
	action, ok := n.Attr("data-action")
	require.True(t, ok, "%s %q has no data-action", role, name)
	arg, _ := n.Attr("data-arg")
	return console.Update(m, console.Click{Now: now, Action: action, Arg: arg})
}

// SubmitAt sends a form with its values at now.
func SubmitAt(m console.Model, now time.Time, form string, values map[string]string) (console.Model, []console.Effect) {
	return console.Update(m, console.Submit{Now: now, Form: form, Values: values})
}

// EffectsOf returns the effects of type T.
func EffectsOf[T console.Effect](fx []console.Effect) []T {
	var out []T
	for _, e := range fx {
		if v, ok := e.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// Pseudo returns m rendered in the pseudo-locale.
func Pseudo(m console.Model) console.Model {
	m.UI.Lang = i18n.Pseudo
	return m
}

// CheckPseudo fails when the view of m (rendered in the pseudo-locale)
// shows text or a label that does not come from a catalog.
func CheckPseudo(t *testing.T, m console.Model) {
	t.Helper()
	CheckPseudoNode(t, console.View(m), m.UI.Route)
}

// CheckPseudoNode is CheckPseudo for a part of a view.
func CheckPseudoNode(t *testing.T, root ui.Node, where string) {
	t.Helper()
	root.Walk(func(n ui.Node) bool {
		if n.Tag == "" && !n.Verbatim && strings.TrimSpace(n.Text) != "" {
			require.True(t, strings.HasPrefix(n.Text, "⟦") && strings.HasSuffix(n.Text, "⟧"),
				"text %q on %s does not come from a catalog", n.Text, where)
		}
		for _, a := range []string{"aria-label", "placeholder", "title", "alt"} {
			if v, ok := n.Attr(a); ok && n.Tag != "" {
				require.True(t, strings.HasPrefix(v, "⟦"), "%s=%q on %s does not come from a catalog", a, v, where)
			}
		}
		return true
	})
}

// CodeAt returns secret's code k steps from now's step.
func CodeAt(t *testing.T, s mfa.Secret, now time.Time, k int64) string {
	t.Helper()
	c, err := mfa.CodeAt(s, mfa.Step(now)+k)
	require.NoError(t, err)
	return c
}

// LastEvent returns the world's latest event.
func LastEvent(m console.Model) sim.Event { return m.World.Events[len(m.World.Events)-1] }

// ToMFASetup takes the demo model through My Security Credentials →
// Multi-factor authentication (MFA) → Activate MFA → Virtual MFA device
// and returns the model on the setup step (a dialog over the page) with
// the secret its "Show secret key" shows.
func ToMFASetup(t *testing.T) (console.Model, mfa.Secret) {
	t.Helper()
	m := Send(Demo(t), console.Navigate{Now: T1, Hash: "#/security-credentials"})
	m, _ = PressAt(t, m, T1, "button", "Multi-factor authentication (MFA)")
	m, _ = PressAt(t, m, T1, "button", "Activate MFA")
	m, _ = SubmitAt(m, T1, "mfa.type", map[string]string{"mfa.type": "virtual"})
	require.Equal(t, "#/security-credentials/mfa/virtual", m.UI.Route)
	shown, _ := PressAt(t, m, T1, "button", "Show secret key")
	key, ok := ui.ByID(console.View(shown), "mfa-key")
	require.True(t, ok, "the setup step shows the secret key")
	s, err := mfa.ParseSecret(key.TextContent())
	require.NoError(t, err)
	return m, s
}

// AssignedMFA returns the demo model with the root device assigned at T1,
// back on My Security Credentials.
func AssignedMFA(t *testing.T) (console.Model, mfa.Secret) {
	t.Helper()
	m, secret := ToMFASetup(t)
	m, _ = SubmitAt(m, T1, "mfa.assign", map[string]string{
		"mfa.code1": CodeAt(t, secret, T1, -1), "mfa.code2": CodeAt(t, secret, T1, 0)})
	require.Len(t, m.World.Accounts[sim.DemoAccountID].RootMFA, 1)
	m, _ = PressAt(t, m, T1, "button", "Close")
	return m, secret
}

// Press activates a control found by role and name at T0.
func Press(t *testing.T, m console.Model, role, name string) console.Model {
	t.Helper()
	m, _ = PressAt(t, m, T0, role, name)
	return m
}

// StartCheap boots a console with a cheap password hash, like the browser
// does but with the tests' cost.
func StartCheap(t *testing.T, query map[string]string) console.Model {
	t.Helper()
	m, _ := console.Update(console.Model{}, console.Init{Now: T0, Seed: [32]byte{9}, Query: query, BrowserLang: "en-US",
		Storage: console.StorageStatus{Mode: "local"}, PasswordCost: 1000})
	return m
}

// Deliver sends msg and then every Next effect's message, as the browser
// does once it has painted; it returns all effects.
func Deliver(m console.Model, msg console.Msg) (console.Model, []console.Effect) {
	m, fx := console.Update(m, msg)
	all := fx
	for {
		nexts := EffectsOf[console.Next](fx)
		if len(nexts) == 0 {
			return m, all
		}
		fx = nil
		for _, n := range nexts {
			var more []console.Effect
			m, more = console.Update(m, n.Msg)
			fx = append(fx, more...)
		}
		all = append(all, fx...)
	}
}

// PressDeliver presses a button at the model's time and delivers any
// Next work.
func PressDeliver(t *testing.T, m console.Model, role, name string) console.Model {
	t.Helper()
	n := Find(t, m, role, name)
	action, _ := n.Attr("data-action")
	arg, _ := n.Attr("data-arg")
	m, _ = Deliver(m, console.Click{Now: m.Now, Action: action, Arg: arg})
	return m
}

// AttrOf returns an attribute's value, "" when absent.
func AttrOf(n ui.Node, key string) string {
	v, _ := n.Attr(key)
	return v
}

// Description returns the text of the elements that describe the control
// (aria-describedby).
func Description(t *testing.T, m console.Model, role, name string) string {
	t.Helper()
	root := console.View(m)
	n, ok := ui.Find(root, role, name)
	require.True(t, ok, "no %s %q", role, name)
	var parts []string
	for _, id := range strings.Fields(AttrOf(n, "aria-describedby")) {
		if d, ok := ui.ByID(root, id); ok {
			parts = append(parts, strings.TrimSpace(d.TextContent()))
		}
	}
	return strings.Join(parts, " ")
}

// Shows reports whether the view shows s.
func Shows(m console.Model, s string) bool { return ui.ContainsText(console.View(m), s) }

// RequireFocusInView fails unless every Focus effect among fx names an
// element of m's view that can take focus: a control, a link, or an
// element with a tabindex (headings and alerts use tabindex="-1").
func RequireFocusInView(t *testing.T, m console.Model, fx []console.Effect) {
	t.Helper()
	root := console.View(m)
	for _, f := range EffectsOf[console.Focus](fx) {
		n, ok := ui.ByID(root, f.ID)
		require.True(t, ok, "focus target #%s is not in the view of %s", f.ID, m.UI.Route)
		switch {
		case n.Has("tabindex"):
		case n.Tag == "input" || n.Tag == "select" || n.Tag == "textarea" || n.Tag == "button":
			require.False(t, n.Has("disabled"), "focus target #%s is disabled", f.ID)
		case n.Tag == "a" && n.Has("href"):
		default:
			t.Fatalf("focus target #%s (<%s>) cannot take focus", f.ID, n.Tag)
		}
	}
}

// EffectsWithout returns the effects that are not of type T.
func EffectsWithout[T console.Effect](fx []console.Effect) []console.Effect {
	var out []console.Effect
	for _, e := range fx {
		if _, ok := e.(T); !ok {
			out = append(out, e)
		}
	}
	return out
}

// Diagnostics returns the diagnostics the console would offer for a
// crash with the report (what a student copies into a bug report).
func Diagnostics(m console.Model, report string) string {
	m, _ = console.Update(m, console.Crashed{Now: m.Now, Report: report})
	return m.Notices[len(m.Notices)-1].Diagnostics
}
