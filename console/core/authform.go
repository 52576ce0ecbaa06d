package core

import (
	"fmt"
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/account"
)

// infoTpl is a page's short confirmation.
var infoTpl = ui.Lazy(`<div class="alert alert-success" role="status"><p>{t $key}</p></div>`)

// AuthInfo renders the page's confirmation, if any.
func AuthInfo(m Model, c i18n.Catalog) ui.Node {
	if m.Auth.Info == "" || m.Auth.Route != m.UI.Route {
		return ui.Node{}
	}
	return infoTpl.Root(c, ui.Vals{{K: "key", S: m.Auth.Info}})
}

// AuthForm renders the controls of one page: values come from the model
// (secrets from the transient part), problems from the last submit. fields
// maps each problem field (account.Field*) to the form field it belongs to.
type AuthForm struct {
	M        Model
	C        i18n.Catalog
	Problems map[string]account.Problem // by form field name
}

// NewAuthForm maps the model's problems onto the page's form fields.
func NewAuthForm(m Model, c i18n.Catalog, fields map[string]string) AuthForm {
	f := AuthForm{M: m, C: c, Problems: map[string]account.Problem{}}
	if m.Auth.Route != m.UI.Route {
		return f
	}
	for _, p := range m.Auth.Problems {
		if name, ok := fields[p.Field]; ok {
			if _, dup := f.Problems[name]; !dup {
				f.Problems[name] = p
			}
		}
	}
	return f
}

// AuthID is the element id of a form field: "signup.email" → "signup-email".
func AuthID(name string) string { return strings.ReplaceAll(name, ".", "-") }

// value returns what the student typed into a field.
func (f AuthForm) Value(name string) string {
	if IsSecretField(name) {
		return f.M.Secrets[name]
	}
	return f.M.Field(name)
}

// ProblemText translates a problem: the most specific catalog key wins,
// from "signup.problem.<field>.<code>.<variant>" down to
// "signup.problem.<code>".
func ProblemText(c i18n.Catalog, p account.Problem) string {
	variant := p.Params["reason"]
	if variant == "" {
		variant = p.Params["part"]
	}
	args := make([]string, 0, 2*len(p.Params)+2)
	for k, v := range p.Params {
		if k == "char" {
			v = visibleChar(v)
		}
		args = append(args, k, v)
	}
	if b := p.Params["brand"]; b != "" {
		variant = "length"
		args = append(args, "brandName", account.BrandName(b))
	}
	var keys []string
	if variant != "" {
		keys = append(keys, "signup.problem."+p.Field+"."+p.Code+"."+variant)
	}
	keys = append(keys, "signup.problem."+p.Field+"."+p.Code)
	if variant != "" {
		keys = append(keys, "signup.problem."+p.Code+"."+variant)
	}
	keys = append(keys, "signup.problem."+p.Code)
	for _, k := range keys {
		if c.Has(k) {
			return c.T(k, args...)
		}
	}
	return c.T("signup.problem.unknown", "code", p.Code)
}

// visibleChar names a character that would not show: white space and
// control characters become "U+0009".
func visibleChar(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || unicode.IsPrint(r) && !unicode.IsSpace(r) {
		return s
	}
	return fmt.Sprintf("U+%04X", r)
}

// errorTpl is a field's error, announced when it appears; boxTpl is a
// problem that has no control of its own on the page (the verification
// code while no code box is shown): an alert that focus can move to, with
// the id ErrorFor would give it.
var (
	errorTpl = ui.Lazy(`<p id="$id" class="field-error" role="alert">{t =text}</p>`)
	boxTpl   = ui.Lazy(`<div id="$id" class="alert alert-error" role="alert" tabindex="-1"><p>{t =text}</p></div>`)
)

// ErrorFor renders a field's problem, if any.
func (f AuthForm) ErrorFor(name string) ui.Node {
	p, ok := f.Problems[name]
	if !ok {
		return ui.Node{}
	}
	return errorTpl.Root(f.C, ui.Vals{{K: "id", S: AuthID(name) + "-error"}, {K: "text", S: ProblemText(f.C, p)}})
}

// ErrorBox renders a problem that has no control of its own on the page.
func (f AuthForm) ErrorBox(name string) ui.Node {
	p, ok := f.Problems[name]
	if !ok {
		return ui.Node{}
	}
	return boxTpl.Root(f.C, ui.Vals{{K: "id", S: AuthID(name) + "-error"}, {K: "text", S: ProblemText(f.C, p)}})
}

// described returns the aria attributes linking a control to its hint and
// error.
func (f AuthForm) Described(name string, hint bool, more ...string) []ui.Attr {
	id := AuthID(name)
	var ids []string
	if hint {
		ids = append(ids, id+"-hint")
	}
	ids = append(ids, more...)
	var attrs []ui.Attr
	if _, bad := f.Problems[name]; bad {
		ids = append(ids, id+"-error")
		attrs = append(attrs, ui.A("aria-invalid", "true"))
	}
	if len(ids) > 0 {
		attrs = append(attrs, ui.A("aria-describedby", strings.Join(ids, " ")))
	}
	return attrs
}

// hintNode renders a field's hint text.
func (f AuthForm) HintNode(name, hintKey string) ui.Node {
	if hintKey == "" {
		return ui.Node{}
	}
	return ui.El("p", ui.ID(AuthID(name)+"-hint"), ui.Class("field-hint"), ui.Text(f.C.T(hintKey)))
}

// Input is a labelled text-like input with its hint and error (a
// ui.Field). Extra attributes may be aria-describedby (its ids join the
// hint's and the error's), inputmode, autocapitalize, spellcheck and
// placeholder.
func (f AuthForm) Input(name, labelKey, hintKey, typ, autocomplete string, extra ...ui.Attr) ui.Node {
	fl := ui.Field{ID: AuthID(name), Name: name, Kind: typ, Value: f.Value(name), Label: f.C.T(labelKey), Autocomplete: autocomplete}
	if hintKey != "" {
		fl.Hint = f.C.T(hintKey)
	}
	if p, bad := f.Problems[name]; bad {
		fl.Error = ProblemText(f.C, p)
	}
	for _, a := range extra {
		switch a.Key {
		case "aria-describedby":
			fl.DescribedBy = append(fl.DescribedBy, a.Val)
		case "inputmode":
			fl.InputMode = a.Val
		case "autocapitalize":
			fl.AutoCapitalize = a.Val
		case "spellcheck":
			fl.SpellCheck = a.Val
		case "placeholder":
			fl.Placeholder = a.Val
		}
	}
	return fl.Render(f.C)
}

// Option is one choice of a select or radio group.
type Option struct {
	Value string
	Label ui.Node
}

// selectTpl is a labelled select with its hint, error and options (a
// placeholder first when it has one).
var selectTpl = ui.Lazy(`
<div class="form-field">
	<label for="$id" class="field-label">{t $label}</label>
	<p if="hint" id="$hintID" class="field-hint">{t $hint}</p>
	<select id="$id" name="$name" aria-invalid="?bad:true" aria-describedby="?described" autocomplete="?autocomplete">
		<option if="placeholder" value="" selected="?none">{t $placeholder}</option>
		<option each="opts" value="$value" selected="?selected">{slot text}</option>
	</select>
	{slot error}
</div>`)

// SelectField is a labelled select with its hint and error; cur's option
// is selected. An extra autocomplete attribute is passed on.
func (f AuthForm) SelectField(name, labelKey, hintKey, placeholderKey string, opts []Option, extra ...ui.Attr) ui.Node {
	id := AuthID(name)
	cur := f.Value(name)
	items := make([]ui.Vals, len(opts))
	for i, o := range opts {
		items[i] = ui.Vals{{K: "value", S: o.Value}, {K: "selected", B: o.Value == cur}, {K: "text", N: []ui.Node{o.Label}}}
	}
	var ids []string
	if hintKey != "" {
		ids = append(ids, id+"-hint")
	}
	_, bad := f.Problems[name]
	if bad {
		ids = append(ids, id+"-error")
	}
	v := ui.Vals{{K: "id", S: id}, {K: "name", S: name}, {K: "label", S: labelKey}, {K: "hint", B: hintKey != "", S: hintKey},
		{K: "hintID", S: id + "-hint"}, {K: "bad", B: bad}, {K: "described", B: len(ids) > 0, S: strings.Join(ids, " ")},
		{K: "placeholder", B: placeholderKey != "", S: placeholderKey}, {K: "none", B: cur == ""},
		{K: "opts", L: items}, {K: "error", N: []ui.Node{f.ErrorFor(name)}}}
	for _, a := range extra {
		if a.Key == "autocomplete" {
			v = append(v, ui.V{K: "autocomplete", B: true, S: a.Val})
		}
	}
	return selectTpl.Root(f.C, v)
}

// radiosTpl is a fieldset of radio buttons with a legend and an error;
// each option may carry a description shown under its label.
var radiosTpl = ui.Lazy(`
<fieldset class="form-field radio-group" id="$id" aria-describedby="?bad">
	<legend class="field-label">{t $legend}</legend>
	<div each="opts" class="radio">
		<input id="$oid" type="radio" name="$name" value="$value" checked="?checked" aria-describedby="?desc">
		<span class="radio-text">
			<label for="$oid" class="radio-label">{slot label}</label>
			<span if="desc" id="$descID" class="radio-desc">{slot descNode}</span>
		</span>
	</div>
	{slot error}
</fieldset>`)

// Radios is a fieldset of radio buttons with a legend and an error. Each
// Option may carry a description (descs[i]) shown under its label.
func (f AuthForm) Radios(name, legendKey string, opts []Option, descs []ui.Node) ui.Node {
	id := AuthID(name)
	cur := f.Value(name)
	items := make([]ui.Vals, 0, len(opts))
	for i, o := range opts {
		oid := id + "-" + o.Value
		hasDesc := i < len(descs) && (descs[i].Tag != "" || descs[i].Text != "")
		item := ui.Vals{{K: "oid", S: oid}, {K: "value", S: o.Value}, {K: "checked", B: o.Value == cur},
			{K: "desc", B: hasDesc, S: oid + "-desc"}, {K: "descID", S: oid + "-desc"}, {K: "label", N: []ui.Node{o.Label}}}
		if hasDesc {
			item = append(item, ui.V{K: "descNode", N: []ui.Node{descs[i]}})
		}
		items = append(items, item)
	}
	_, bad := f.Problems[name]
	return radiosTpl.Root(f.C, ui.Vals{{K: "id", S: id}, {K: "name", S: name}, {K: "legend", S: legendKey},
		{K: "bad", B: bad, S: id + "-error"}, {K: "opts", L: items}, {K: "error", N: []ui.Node{f.ErrorFor(name)}}})
}

// checkboxTpl is a labelled checkbox with its error.
var checkboxTpl = ui.Lazy(`
<div class="form-field checkbox">
	<input id="$id" type="checkbox" name="$name" value="true" checked="?checked" aria-invalid="?bad:true" aria-describedby="?bad">
	<label for="$id">{slot label}</label>
	{slot error}
</div>`)

// Checkbox is a labelled checkbox with its error.
func (f AuthForm) Checkbox(name string, label ui.Node) ui.Node {
	id := AuthID(name)
	_, bad := f.Problems[name]
	return checkboxTpl.Root(f.C, ui.Vals{{K: "id", S: id}, {K: "name", S: name}, {K: "checked", B: f.Value(name) == "true"},
		{K: "bad", B: bad, S: id + "-error"}, {K: "label", N: []ui.Node{label}}, {K: "error", N: []ui.Node{f.ErrorFor(name)}}})
}

// submitTpl is a form's primary button; while busy it shows its busy
// text, is disabled and marked aria-busy so that the page never looks
// frozen.
var submitTpl = ui.Lazy(`
<_>
	<button if="busy" type="submit" class="btn btn-primary btn-busy" disabled aria-busy="true"><span class="spinner" aria-hidden="true"></span>{t $busyKey}</button>
	<button if="!busy" type="submit" class="btn btn-primary">{t $key}</button>
</_>`)

// Submit is a form's primary button (busyKey while busy).
func (f AuthForm) Submit(key, busyKey string, busy bool) ui.Node {
	return submitTpl.Root(f.C, ui.Vals{{K: "busy", B: busy}, {K: "key", S: key}, {K: "busyKey", S: busyKey}})
}

// checklistTpl is the live list of root password rules, with a tick or
// a cross for each (and "met"/"not met" for screen readers).
var checklistTpl = ui.Lazy(`
<div id="$id" class="checklist">
	<p class="checklist-title">{t signup.rule.title}</p>
	<ul>
		<li each="rules" class="$class">
			<span class="rule-mark" aria-hidden="true">{d mark}</span>
			<span class="visually-hidden">{t $state}</span>
			{t $key}
			<ul if="sub"><li each="sub" class="$class"><span class="rule-mark" aria-hidden="true">{d mark}</span><span class="visually-hidden">{t $state}</span>{t $key}</li></ul>
		</li>
	</ul>
</div>`)

// PasswordChecklist is the live list of root password rules for the
// password typed, with a tick or a cross for each.
func PasswordChecklist(c i18n.Catalog, pw, email, accountName, id string) ui.Node {
	cl := account.PasswordChecklist(pw, email, accountName)
	rule := func(ok bool, key string) ui.Vals {
		if ok {
			return ui.Vals{{K: "class", S: "rule-met"}, {K: "mark", S: "✓"}, {K: "state", S: "signup.rule.met"}, {K: "key", S: key}, {K: "sub"}}
		}
		return ui.Vals{{K: "class", S: "rule-unmet"}, {K: "mark", S: "✗"}, {K: "state", S: "signup.rule.unmet"}, {K: "key", S: key}, {K: "sub"}}
	}
	classes := rule(cl.ThreeClasses, "signup.rule.classes")
	classes[4] = ui.V{K: "sub", B: true, L: []ui.Vals{rule(cl.Upper, "signup.rule.upper"), rule(cl.Lower, "signup.rule.lower"),
		rule(cl.Digit, "signup.rule.digit"), rule(cl.Symbol, "signup.rule.symbol")}}
	return checklistTpl.Root(c, ui.Vals{{K: "id", S: id}, {K: "rules", L: []ui.Vals{
		rule(cl.MinLength && cl.MaxLength, "signup.rule.length"), classes, rule(cl.AllowedChars, "signup.rule.chars"),
		rule(cl.NotEmail, "signup.rule.notEmail"), rule(cl.NotAccountName, "signup.rule.notName")}}})
}

// matchesTpl shows "Matches" under a confirmation field once it repeats
// the password (an empty live region until then).
var matchesTpl = ui.Lazy(`
<_>
	<p if="!ok" id="$id" class="field-hint" aria-live="polite"></p>
	<p if="ok" id="$id" class="field-hint matches" aria-live="polite"><span aria-hidden="true">{"✓ "}</span>{t signup.matches}</p>
</_>`)

// MatchesNote shows "Matches" under a confirmation field once it repeats
// the password.
func MatchesNote(c i18n.Catalog, pw, confirm, id string) ui.Node {
	return matchesTpl.Root(c, ui.Vals{{K: "id", S: id}, {K: "ok", B: account.ConfirmMatches(pw, confirm)}})
}

// DropFields returns a copy of the fields without those whose names start
// with prefix.
func DropFields(fields map[string]string, prefix string) map[string]string {
	out := maps.Clone(fields)
	for k := range out {
		if strings.HasPrefix(k, prefix) {
			delete(out, k)
		}
	}
	return out
}

// WithProblems returns the model showing problems, with focus on the first
// field that has one (ids from fields): the control itself, or what focus
// chooses for it (nil: the control's id).
func (m Model) WithProblems(problems []account.Problem, fields map[string]string, focus func(name string, p account.Problem) string) (Model, []Effect) {
	m.Auth = AuthState{Problems: problems, Route: m.UI.Route}
	for _, p := range problems {
		if name, ok := fields[p.Field]; ok {
			id := AuthID(name)
			if focus != nil {
				id = focus(name, p)
			}
			return m, []Effect{Focus{ID: id}}
		}
	}
	return m, nil
}

// TextIn is account text in the catalog's language, as a string.
func TextIn(c i18n.Catalog, t account.Text) string {
	if c.Lang() == i18n.KO {
		return t.KO
	}
	return t.EN
}
