package console

import (
	"labsim/console/core"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// suStart boots a console with a cheap password hash, like the browser
// does but with tests' cost.
func suStart(t *testing.T, query map[string]string) Model {
	t.Helper()
	m, _ := Update(Model{}, Init{Now: t0, Seed: [32]byte{9}, Query: query, BrowserLang: "en-US",
		Storage: StorageStatus{Mode: "local"}, PasswordCost: 1000})
	return m
}

// suDeliver sends msg and then every Next effect's message, as the browser
// does once it has painted; it returns all effects.
func suDeliver(m Model, msg Msg) (Model, []Effect) {
	m, fx := Update(m, msg)
	all := fx
	for {
		nexts := effectsOf[Next](fx)
		if len(nexts) == 0 {
			return m, all
		}
		fx = nil
		for _, n := range nexts {
			var more []Effect
			m, more = Update(m, n.Msg)
			fx = append(fx, more...)
		}
		all = append(all, fx...)
	}
}

// suType types a value into the control found by role and label.
func suType(t *testing.T, m Model, role, label, value string) Model {
	t.Helper()
	n := find(t, m, role, label)
	name, ok := n.Attr("name")
	require.True(t, ok, "%s %q has no name", role, label)
	return send(m, Input{Now: m.Now, Field: name, Value: value})
}

// suChoose selects an option of the select found by label, by the option's
// visible text.
func suChoose(t *testing.T, m Model, label, optionText string) Model {
	t.Helper()
	sel := find(t, m, "combobox", label)
	for _, o := range sel.Kids {
		if o.Tag == "option" && strings.TrimSpace(o.TextContent()) == optionText {
			v, _ := o.Attr("value")
			name, _ := sel.Attr("name")
			return send(m, Input{Now: m.Now, Field: name, Value: v})
		}
	}
	t.Fatalf("select %q has no option %q", label, optionText)
	return m
}

// suCheck ticks (or clears) the checkbox or radio found by role and label.
func suCheck(t *testing.T, m Model, role, label string, on bool) Model {
	t.Helper()
	n := find(t, m, role, label)
	name, _ := n.Attr("name")
	v, _ := n.Attr("value")
	if role == "checkbox" {
		v = core.BoolAttr(on)
	}
	return send(m, Input{Now: m.Now, Field: name, Value: v})
}

// suFormValues collects a form's values from the rendered view, as the
// browser's submit listener does.
func suFormValues(form ui.Node) map[string]string {
	values := map[string]string{}
	form.Walk(func(n ui.Node) bool {
		name, ok := n.Attr("name")
		if !ok || n.Tag == "" {
			return true
		}
		switch n.Tag {
		case "input":
			typ, _ := n.Attr("type")
			switch typ {
			case "checkbox":
				values[name] = core.BoolAttr(n.Has("checked"))
			case "radio":
				if n.Has("checked") {
					values[name] = n.Attrs[suAttrIndex(n, "value")].Val
				}
			default:
				v, _ := n.Attr("value")
				values[name] = v
			}
		case "select":
			v := ""
			first := true
			for _, o := range n.Kids {
				if o.Tag != "option" {
					continue
				}
				ov, _ := o.Attr("value")
				if first || o.Has("selected") {
					v = ov
				}
				if o.Has("selected") {
					break
				}
				first = false
			}
			values[name] = v
		case "textarea":
			values[name] = n.TextContent()
		}
		return true
	})
	return values
}

func suAttrIndex(n ui.Node, key string) int {
	for i, a := range n.Attrs {
		if a.Key == key {
			return i
		}
	}
	return -1
}

// suSubmitFx presses the submit button named name and delivers the form
// (and any Next work).
func suSubmitFx(t *testing.T, m Model, name string) (Model, []Effect) {
	t.Helper()
	root := View(m)
	var form ui.Node
	found := false
	for _, f := range ui.FindAll(root, "form", "") {
		if _, ok := ui.Find(f, "button", name); ok {
			form, found = f, true
			break
		}
	}
	if !found {
		// Forms named by aria-labelledby have role form only with a name;
		// fall back to every <form> element.
		root.Walk(func(n ui.Node) bool {
			if n.Tag == "form" && !found {
				if _, ok := ui.Find(n, "button", name); ok {
					form, found = n, true
				}
			}
			return !found
		})
	}
	require.True(t, found, "no form with a button %q", name)
	btn, _ := ui.Find(form, "button", name)
	require.False(t, btn.Has("disabled"), "button %q is disabled", name)
	formName, _ := form.Attr("data-form")
	return suDeliver(m, Submit{Now: m.Now, Form: formName, Values: suFormValues(form)})
}

// suSubmit is submitWith without the effects.
func suSubmit(t *testing.T, m Model, name string) Model {
	t.Helper()
	m, _ = suSubmitFx(t, m, name)
	return m
}

// suPress presses a button and delivers any Next work.
func suPress(t *testing.T, m Model, role, name string) Model {
	t.Helper()
	n := find(t, m, role, name)
	action, _ := n.Attr("data-action")
	arg, _ := n.Attr("data-arg")
	m, _ = suDeliver(m, Click{Now: m.Now, Action: action, Arg: arg})
	return m
}

// suErrorOf returns the error shown for the control found by role and
// label, checking that it is announced and linked to the control.
func suErrorOf(t *testing.T, m Model, role, label string) string {
	t.Helper()
	root := View(m)
	n, ok := ui.Find(root, role, label)
	require.True(t, ok, "no %s %q", role, label)
	if role == "radio" {
		// Radio groups carry their error on the fieldset.
		name, _ := n.Attr("name")
		n, ok = ui.ByID(root, authID(name))
		require.True(t, ok)
	} else {
		require.Equal(t, "true", suAttr(n, "aria-invalid"), "%s %q is not marked invalid", role, label)
	}
	ids, _ := n.Attr("aria-describedby")
	for _, id := range strings.Fields(ids) {
		if strings.HasSuffix(id, "-error") {
			e, ok := ui.ByID(root, id)
			require.True(t, ok)
			require.Equal(t, "alert", suAttr(e, "role"))
			return strings.Join(strings.Fields(e.TextContent()), " ")
		}
	}
	t.Fatalf("%s %q has no error", role, label)
	return ""
}

// suNoError fails when the control has an error.
func suNoError(t *testing.T, m Model, role, label string) {
	t.Helper()
	n := find(t, m, role, label)
	require.NotEqual(t, "true", suAttr(n, "aria-invalid"), "%s %q is marked invalid", role, label)
}

func suAttr(n ui.Node, key string) string {
	v, _ := n.Attr(key)
	return v
}

// suText reports whether the view shows s.
func suText(m Model, s string) bool { return ui.ContainsText(View(m), s) }

// suInLang returns the model in another language.
func suInLang(m Model, l i18n.Lang) Model {
	m.UI.Lang = l
	return m
}

// suLastEvent returns the world's last event.
func suLastEvent(m Model) sim.Event { return m.World.Events[len(m.World.Events)-1] }

// requireFocusInView fails unless every Focus effect among fx names an
// element of m's view that can take focus: a control, a link, or an
// element with a tabindex (headings and alerts use tabindex="-1").
func requireFocusInView(t *testing.T, m Model, fx []Effect) {
	t.Helper()
	root := View(m)
	for _, f := range effectsOf[Focus](fx) {
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
