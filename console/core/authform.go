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

// AuthInfo renders the page's confirmation, if any.
func AuthInfo(m Model, c i18n.Catalog) ui.Node {
	if m.Auth.Info == "" || m.Auth.Route != m.UI.Route {
		return ui.Node{}
	}
	return ui.El("div", ui.Class("alert", "alert-success"), ui.A("role", "status"), ui.El("p", ui.Text(c.T(m.Auth.Info))))
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
	errorTpl = ui.MustParse(`<p id="$id" class="field-error" role="alert">{t =text}</p>`)
	boxTpl   = ui.MustParse(`<div id="$id" class="alert alert-error" role="alert" tabindex="-1"><p>{t =text}</p></div>`)
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

// selectField is a labelled select with its error; a blank first Option
// with placeholderKey when given.
func (f AuthForm) SelectField(name, labelKey, hintKey, placeholderKey string, opts []Option, extra ...any) ui.Node {
	id := AuthID(name)
	cur := f.Value(name)
	var kids []ui.Node
	if placeholderKey != "" {
		kids = append(kids, ui.El("option", ui.A("value", ""), ui.If(cur == "", ui.A("selected", "")), ui.Text(f.C.T(placeholderKey))))
	}
	for _, o := range opts {
		kids = append(kids, ui.El("option", ui.A("value", o.Value), ui.If(o.Value == cur, ui.A("selected", "")), o.Label))
	}
	attrs := []any{ui.ID(id), ui.A("name", name), f.Described(name, hintKey != "")}
	attrs = append(attrs, extra...)
	attrs = append(attrs, kids)
	return ui.El("div", ui.Class("form-field"),
		ui.El("label", ui.A("for", id), ui.Class("field-label"), ui.Text(f.C.T(labelKey))),
		f.HintNode(name, hintKey),
		ui.El("select", attrs...),
		f.ErrorFor(name))
}

// radiosTpl is a fieldset of radio buttons with a legend and an error;
// each option may carry a description shown under its label.
var radiosTpl = ui.MustParse(`
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

// checkbox is a labelled checkbox with its error.
func (f AuthForm) Checkbox(name string, label ui.Node) ui.Node {
	id := AuthID(name)
	return ui.El("div", ui.Class("form-field", "checkbox"),
		ui.El("input", ui.ID(id), ui.A("type", "checkbox"), ui.A("name", name), ui.A("value", "true"),
			ui.If(f.Value(name) == "true", ui.A("checked", "")), f.Described(name, false)),
		ui.El("label", ui.A("for", id), label),
		f.ErrorFor(name))
}

// submitTpl is a form's primary button; while busy it shows its busy
// text, is disabled and marked aria-busy so that the page never looks
// frozen.
var submitTpl = ui.MustParse(`
<_>
	<button if="busy" type="submit" class="btn btn-primary btn-busy" disabled aria-busy="true"><span class="spinner" aria-hidden="true"></span>{t $busyKey}</button>
	<button if="!busy" type="submit" class="btn btn-primary">{t $key}</button>
</_>`)

// Submit is a form's primary button (busyKey while busy).
func (f AuthForm) Submit(key, busyKey string, busy bool) ui.Node {
	return submitTpl.Root(f.C, ui.Vals{{K: "busy", B: busy}, {K: "key", S: key}, {K: "busyKey", S: busyKey}})
}

// PasswordChecklist is the live list of root password rules for the
// password typed in pwField, with a tick or a cross for each.
func PasswordChecklist(c i18n.Catalog, pw, email, accountName, id string) ui.Node {
	cl := account.PasswordChecklist(pw, email, accountName)
	item := func(ok bool, key string, kids ...ui.Node) ui.Node {
		state, mark, cls := "signup.rule.unmet", "✗", "rule-unmet"
		if ok {
			state, mark, cls = "signup.rule.met", "✓", "rule-met"
		}
		return ui.El("li", ui.Class(cls),
			ui.El("span", ui.Class("rule-mark"), ui.A("aria-hidden", "true"), ui.Data(mark)),
			ui.El("span", ui.Class("visually-hidden"), ui.Text(c.T(state))),
			ui.Text(c.T(key)), kids)
	}
	return ui.El("div", ui.ID(id), ui.Class("checklist"),
		ui.El("p", ui.Class("checklist-title"), ui.Text(c.T("signup.rule.title"))),
		ui.El("ul",
			item(cl.MinLength && cl.MaxLength, "signup.rule.length"),
			item(cl.ThreeClasses, "signup.rule.classes", ui.El("ul",
				item(cl.Upper, "signup.rule.upper"),
				item(cl.Lower, "signup.rule.lower"),
				item(cl.Digit, "signup.rule.digit"),
				item(cl.Symbol, "signup.rule.symbol"))),
			item(cl.AllowedChars, "signup.rule.chars"),
			item(cl.NotEmail, "signup.rule.notEmail"),
			item(cl.NotAccountName, "signup.rule.notName"),
		))
}

// MatchesNote shows "Matches" under a confirmation field once it repeats
// the password.
func MatchesNote(c i18n.Catalog, pw, confirm, id string) ui.Node {
	if !account.ConfirmMatches(pw, confirm) {
		return ui.El("p", ui.ID(id), ui.Class("field-hint"), ui.A("aria-live", "polite"))
	}
	return ui.El("p", ui.ID(id), ui.Class("field-hint", "matches"), ui.A("aria-live", "polite"),
		ui.El("span", ui.A("aria-hidden", "true"), ui.Data("✓ ")), ui.Text(c.T("signup.matches")))
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

// Revalidated updates the page's shown problems while the student types
// into field, from a fresh validation of the whole page: a problem whose
// field is now valid goes away at once, the typed field's problem becomes
// its current one, and fields without a shown problem get none (no
// complaints about what the student has not tried to submit yet).
func (m Model) Revalidated(field string, fresh []account.Problem, fields map[string]string) Model {
	if m.Auth.Route != m.UI.Route || len(m.Auth.Problems) == 0 {
		return m
	}
	kept := make([]account.Problem, 0, len(m.Auth.Problems))
	for _, p := range m.Auth.Problems {
		name, ok := fields[p.Field]
		if !ok {
			kept = append(kept, p)
			continue
		}
		for _, f := range fresh {
			if f.Field == p.Field {
				if name == field {
					p = f
				}
				kept = append(kept, p)
				break
			}
		}
	}
	m.Auth.Problems = kept
	return m
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
