package console

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
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
