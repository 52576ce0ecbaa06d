package iam

import (
	"maps"
	"strconv"
	"strings"
	"time"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// do runs an operation through the world's one door.
func do(m core.Model, op sim.Op) (core.Model, error) {
	env := m.Env()
	w, err := m.World.Do(m.Session, op, env)
	m.World = w
	return m, err
}

// iamAccount is the signed-in account's IAM state.
func iamAccount(m core.Model) iam.Account { return m.World.IAMAccount(m.Session.AccountID) }

// withErrors shows field errors on the current page (nil clears them).
func withErrors(m core.Model, errs map[string][]string) core.Model {
	m.IAM.Errors, m.IAM.ErrRoute = errs, m.UI.Route
	return m
}

// errText is a field's error on the current page, translated.
func errText(m core.Model, c i18n.Catalog, field string) string {
	if m.IAM.ErrRoute != m.UI.Route {
		return ""
	}
	e := m.IAM.Errors[field]
	if len(e) == 0 {
		return ""
	}
	return c.T(e[0], e[1:]...)
}

// fieldVals are the holes of a text field made with textField: its value,
// error and description. A password's value comes from the transient
// secrets, as the sign-up pages' do, so that a re-render (a language
// switch) keeps what was typed; it is never saved.
func fieldVals(m core.Model, c i18n.Catalog, id, name string) []ui.V {
	out := []ui.V{{K: id + ".v", S: m.Field(name)}}
	if e := errText(m, c, name); e != "" {
		out = append(out, ui.V{K: id + ".e", S: e, B: true}, ui.V{K: id + ".d", S: id + "-error"})
	}
	return out
}

// textField is a labelled input with its hint and error: holes id.v
// (value), id.e (error) and id.d (aria-describedby).
func textField(id, name, label, typ, hint string) ui.Tpl {
	kids := []ui.Tpl{
		{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: id}, {Key: "class", Val: "field-label"}}, T: label},
		{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: id}, {Key: "name", Val: name}, {Key: "type", Val: typ},
			{Key: "value", Val: "$" + id + ".v"}, {Key: "autocomplete", Val: "off"}, {Key: "spellcheck", Val: "false"},
			{Key: "aria-invalid", Val: "?" + id + ".e:true"}, {Key: "aria-describedby", Val: "$" + id + ".d"}}},
	}
	if hint != "" {
		kids = append(kids, ui.Tpl{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: hint})
	}
	kids = append(kids, ui.Tpl{If: id + ".e", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: id + "-error"},
		{Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "=" + id + ".e"})
	return ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: kids}
}

// clearPrefix forgets every field (and secret) whose name starts with p.
func clearPrefix(m core.Model, p string) core.Model {
	var names []string
	for k := range m.UI.Fields {
		if strings.HasPrefix(k, p) {
			names = append(names, k)
		}
	}
	for k := range m.Secrets {
		if strings.HasPrefix(k, p) {
			names = append(names, k)
		}
	}
	return m.ClearFields(names...)
}

// checked reports whether a checkbox field is on; unset fields take def.
func checked(m core.Model, name string, def bool) bool {
	v, ok := m.UI.Fields[name]
	if !ok {
		return def
	}
	return v == "true"
}

// fail shows an error the page has no field for as an error banner.
func fail(m core.Model, err error) (core.Model, []core.Effect) {
	m.NotifyWith("error", "iam.notice.failed", "", "error", m.Catalog().T("iam.err.code", "code", codeOf(err))+" "+m.Catalog().Err(err))
	return m, nil
}

// codeOf is an error's IAM code.
func codeOf(err error) string {
	if e, ok := awserr.As(err); ok {
		return e.Code
	}
	return "InternalFailure"
}

// nameErr turns an IAM error about a user or group name into the
// console's field message: a catalog key and its arguments.
func nameErr(err error, kind string) []string {
	e, ok := awserr.As(err)
	if !ok {
		return nil
	}
	switch e.Code {
	case awserr.ValidationError:
		if e.Param("constraint") == "length" && e.Param("value") == "" {
			return []string{"iam.err." + kind + "Empty"}
		}
		return []string{"iam.err." + kind + "Name"}
	case awserr.EntityAlreadyExists:
		return []string{"iam.err." + kind + "Exists"}
	}
	return nil
}

// age is how long ago t was, as the IAM console's lists show it.
func age(c i18n.Catalog, t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return c.T("iam.age.now")
	case d < time.Hour:
		return c.T("iam.age.minutes", "n", strconv.Itoa(int(d/time.Minute)))
	case d < 24*time.Hour:
		return c.T("iam.age.hours", "n", strconv.Itoa(int(d/time.Hour)))
	}
	return c.T("iam.age.days", "n", strconv.Itoa(int(d/(24*time.Hour))))
}

// date formats a time as the console's lists do (UTC).
func date(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// setField returns m with one ordinary field set.
func setField(m core.Model, k, v string) core.Model { return m.SetFields(k, v) }

// cloneErrs copies an error map to add to it.
func cloneErrs(e map[string][]string) map[string][]string {
	out := maps.Clone(e)
	if out == nil {
		out = map[string][]string{}
	}
	return out
}

// attachTexts are what attachChosen says and where focus goes: the
// message when the quota would be passed, the banner naming the attached
// policies and the identity (its argument name and name), and the control
// focused after.
type attachTexts struct{ limit, done, arg, name, focus string }

// attachChosen attaches the managed policies chosen in an Add permissions
// dialog (fields prefix+"p.…") to a user or group that has attached
// policies already, one door operation each (op), within IAM's quota of
// managed policies per identity, and closes the dialog with a banner.
func attachChosen(m core.Model, prefix string, attached int, op func(arn string) sim.Op, t attachTexts) (core.Model, []core.Effect) {
	arns := chosenPolicies(m, prefix+"p.")
	if attached+len(arns) > iam.MaxManagedPerIdentity {
		m.Notify("error", t.limit, "n", strconv.Itoa(iam.MaxManagedPerIdentity))
		return m, []core.Effect{core.Focus{ID: "iam-dialog-title"}}
	}
	var names []string
	for _, arn := range arns {
		next, err := do(m, op(arn))
		if err != nil {
			return fail(next, err)
		}
		m = next
		names = append(names, policyName(arn))
	}
	m = clearPrefix(m, prefix)
	m.IAM.Dialog = ""
	if len(names) > 0 {
		m.Notify("success", t.done, "policies", strings.Join(names, ", "), t.arg, t.name)
	}
	return m, []core.Effect{core.Focus{ID: t.focus}}
}
