package console

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/mfa"
)

var t0 = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

// start boots a console the way the browser does.
func start(t *testing.T, query map[string]string, saved string) (Model, []Effect) {
	t.Helper()
	m, fx := Update(Model{}, Init{Now: t0, Seed: [32]byte{7}, Query: query, Saved: saved, BrowserLang: "en-US", Storage: StorageStatus{Mode: "local"}})
	return m, fx
}

func demoModel(t *testing.T) Model {
	t.Helper()
	m, _ := start(t, map[string]string{"world": "demo", "lang": "en"}, "")
	require.True(t, m.Session.SignedIn())
	return m
}

func send(m Model, msg Msg) Model {
	m, _ = Update(m, msg)
	return m
}

func click(m Model, action, arg string) Model {
	return send(m, Click{Now: t0, Action: action, Arg: arg})
}

// find returns the element with the role and name in the model's view.
func find(t *testing.T, m Model, role, name string) ui.Node {
	t.Helper()
	n, ok := ui.Find(View(m), role, name)
	require.True(t, ok, "no %s named %q in the view", role, name)
	return n
}

// press activates a control found by role and name through its
// data-action, as the browser binding does.
func press(t *testing.T, m Model, role, name string) Model {
	t.Helper()
	n := find(t, m, role, name)
	action, ok := n.Attr("data-action")
	require.True(t, ok, "%s %q has no data-action", role, name)
	arg, _ := n.Attr("data-arg")
	return click(m, action, arg)
}

func effectsOf[T Effect](fx []Effect) []T {
	var out []T
	for _, e := range fx {
		if v, ok := e.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// checkPseudo fails when the view of m (rendered in the pseudo-locale)
// shows text or a label that does not come from a catalog.
func checkPseudo(t *testing.T, m Model) {
	t.Helper()
	root := View(m)
	root.Walk(func(n ui.Node) bool {
		if n.Tag == "" && !n.Verbatim && strings.TrimSpace(n.Text) != "" {
			require.True(t, strings.HasPrefix(n.Text, "⟦") && strings.HasSuffix(n.Text, "⟧"),
				"text %q on %s does not come from a catalog", n.Text, m.UI.Route)
		}
		for _, a := range []string{"aria-label", "placeholder", "title", "alt"} {
			if v, ok := n.Attr(a); ok && n.Tag != "" {
				require.True(t, strings.HasPrefix(v, "⟦"), "%s=%q on %s does not come from a catalog", a, v, m.UI.Route)
			}
		}
		return true
	})
}

// mfaT1 is 10 s into a time step, when the tests type their codes.
var mfaT1 = t0.Add(10 * time.Second)

// mfaPseudo returns m rendered in the pseudo-locale.
func mfaPseudo(m Model) Model {
	m.UI.Lang = i18n.Pseudo
	return m
}

// mfaCodeAt returns secret's code k steps from now's step.
func mfaCodeAt(t *testing.T, s mfa.Secret, now time.Time, k int64) string {
	t.Helper()
	c, err := mfa.CodeAt(s, mfa.Step(now)+k)
	require.NoError(t, err)
	return c
}

// core.SubmitButton sends a form with its values at now.
func mfaSend(m Model, now time.Time, form string, values map[string]string) (Model, []Effect) {
	return Update(m, Submit{Now: now, Form: form, Values: values})
}

// mfaPress activates a control found by role and name at now.
func mfaPress(t *testing.T, m Model, now time.Time, role, name string) (Model, []Effect) {
	t.Helper()
	n := find(t, m, role, name)
	action, ok := n.Attr("data-action")
	require.True(t, ok, "%s %q has no data-action", role, name)
	arg, _ := n.Attr("data-arg")
	return Update(m, Click{Now: now, Action: action, Arg: arg})
}

// lastEvent returns the world's latest event.
func lastEvent(m Model) sim.Event { return m.World.Events[len(m.World.Events)-1] }

// toSetup takes the demo model through Activate MFA → Continue and returns
// the model on the setup step with its pending secret.
func toSetup(t *testing.T) (Model, mfa.Secret) {
	t.Helper()
	m := demoModel(t)
	m = send(m, Navigate{Now: mfaT1, Hash: "#/security-credentials"})
	m, _ = mfaPress(t, m, mfaT1, "button", "Activate MFA")
	m, _ = mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.type": "virtual"})
	require.Equal(t, "#/security-credentials/mfa/virtual", m.UI.Route)
	s, ok := m.MFAPendingSecret()
	require.True(t, ok)
	return m, s
}

// assigned returns the demo model with the root device assigned at mfaT1.
func assigned(t *testing.T) (Model, mfa.Secret) {
	t.Helper()
	m, secret := toSetup(t)
	m, _ = mfaSend(m, mfaT1, "mfa.assign", map[string]string{
		"mfa.code1": mfaCodeAt(t, secret, mfaT1, -1), "mfa.code2": mfaCodeAt(t, secret, mfaT1, 0)})
	require.Len(t, m.World.Accounts[sim.DemoAccountID].RootMFA, 1)
	m, _ = mfaPress(t, m, mfaT1, "button", "Close")
	return m, secret
}
