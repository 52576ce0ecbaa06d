//go:build e2e

package e2e

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"labsim/console"
	"labsim/internal/consoletest"
	"labsim/sim"
)

// tableField is one row of the console's free-text field table
// (freeTextFields in console/textfields_test.go): the rule it applies and
// the other values its form needs to reach that rule.
type tableField struct {
	kind string // kindText, kindSecret, kindCode, kindCompare or kindFilter
	also map[string]string
}

// fieldTable reads freeTextFields from the console's native test, so that
// a field added there must be covered here too.
func fieldTable(t *testing.T) map[string]tableField {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../console/textfields_test.go", nil, 0)
	if err != nil {
		t.Fatalf("read the field table: %v", err)
	}
	consts := map[string]string{"sim.DemoPassword": sim.DemoPassword}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, sp := range g.Specs {
				vs := sp.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[n.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
		}
	}
	str := func(e ast.Expr) string {
		switch v := e.(type) {
		case *ast.Ident:
			if s, ok := consts[v.Name]; ok {
				return s
			}
		case *ast.BasicLit:
			s, err := strconv.Unquote(v.Value)
			if err == nil {
				return s
			}
		case *ast.SelectorExpr:
			if x, ok := v.X.(*ast.Ident); ok {
				if s, ok := consts[x.Name+"."+v.Sel.Name]; ok {
					return s
				}
			}
		}
		t.Fatalf("field table: cannot read %T at %d", e, e.Pos())
		return ""
	}
	out := map[string]tableField{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "freeTextFields" || len(vs.Values) != 1 {
			return true
		}
		for _, el := range vs.Values[0].(*ast.CompositeLit).Elts {
			kv := el.(*ast.KeyValueExpr)
			row := kv.Value.(*ast.CompositeLit)
			tf := tableField{kind: row.Elts[1].(*ast.Ident).Name, also: map[string]string{}}
			if also, ok := row.Elts[2].(*ast.CompositeLit); ok {
				for _, a := range also.Elts {
					akv := a.(*ast.KeyValueExpr)
					tf.also[str(akv.Key)] = str(akv.Value)
				}
			}
			out[str(kv.Key)] = tf
		}
		return false
	})
	if len(out) < 60 {
		t.Fatalf("field table: read %d fields, want the whole of freeTextFields", len(out))
	}
	return out
}

// patternOf names a field of a repeated row ("iam.cu.tagk.0") by its
// table pattern ("iam.cu.tagk.#").
func patternOf(field string) string {
	i := strings.LastIndexByte(field, '.')
	if i < 0 || i == len(field)-1 {
		return field
	}
	if _, err := strconv.Atoi(field[i+1:]); err != nil {
		return field
	}
	return field[:i+1] + "#"
}

// hostileJS is installed in every document of the test's tabs: it lists
// the visible free-text fields, sets a field's value as typing does (one
// input event), submits its form and reports what the page shows. Every
// injection in the corpus carries data-hostile or sets window.__hostile.
const hostileJS = `window.__hh = {
	fields() {
		const text = ['', 'text', 'email', 'password', 'tel', 'search', 'url'];
		return [...document.querySelectorAll('input, textarea')].filter(e =>
			(e.tagName === 'TEXTAREA' || text.includes((e.getAttribute('type') || '').toLowerCase())) &&
			e.name && !e.disabled && !e.readOnly && e.getClientRects().length > 0).map(e => e.name);
	},
	el(name) { return document.querySelector('[name="' + CSS.escape(name) + '"]'); },
	set(name, v) {
		const e = this.el(name);
		if (!e) return null;
		if (e.type === 'radio' || e.type === 'checkbox') {
			// A choice the form needs: choose it as a click does.
			const r = e.type === 'radio' ? document.querySelector('[name="' + CSS.escape(name) + '"][value="' + CSS.escape(v) + '"]') : e;
			if (r && r.checked !== (v !== 'false')) r.click();
			return v;
		}
		const proto = e.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
		e.focus();
		Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, v);
		e.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText'}));
		return e.value;
	},
	submit(name) {
		const e = this.el(name);
		if (!e || !e.form) return false;
		e.form.requestSubmit();
		return true;
	},
	state(name) {
		const e = this.el(name);
		const ids = e ? (e.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean) : [];
		const html = document.documentElement;
		return {present: !!e, value: e ? e.value : '', invalid: e ? (e.getAttribute('aria-invalid') || '') : '',
			desc: ids.map(i => { const d = document.getElementById(i); return d ? d.textContent : ''; }).join(' | '),
			alerts: [...document.querySelectorAll('[role=alert]')].map(a => a.textContent).join(' | '),
			sentinel: window.__hostile === 1, injected: document.querySelectorAll('[data-hostile]').length,
			overflow: html.scrollWidth - html.clientWidth, hash: location.hash, ready: window.labsimReady === true};
	},
};`

// fieldState is what hostileJS's state reports.
type fieldState struct {
	Present  bool   `json:"present"`
	Value    string `json:"value"`
	Invalid  string `json:"invalid"`
	Desc     string `json:"desc"`
	Alerts   string `json:"alerts"`
	Sentinel bool   `json:"sentinel"`
	Injected int    `json:"injected"`
	Overflow int    `json:"overflow"`
	Hash     string `json:"hash"`
	Ready    bool   `json:"ready"`
}

// injection is markup and script that must stay text wherever a value is
// shown: in a value attribute, a message, a list.
const injection = `"><img data-hostile src=x onerror="window.__hostile=1"><script data-hostile>window.__hostile=1</script>'`

// typedCorpus is typed into every field without submitting: the page keeps
// each value as typed, injects nothing and does not grow wider than the
// window.
var typedCorpus = []struct{ name, value string }{
	{"html", injection},
	{"javascript URL", "javascript:window.__hostile=1//"},
	{"SQL", "' OR '1'='1'; DROP TABLE users; --"},
	{"JSON-breaking", `"}]},{"Effect":"Allow","Action":"*","Resource":"*"}]}\u0000`},
	{"emoji and combining marks", "👩‍👩‍👧‍👦 e\u0301\u0301\u0301 🏳️‍🌈 Z\u0336\u0337 한국어 שלום"},
	{"bidi override", "\u202Egnp.exe\u202C" + injection},
	{"invisible only", "\u200B\u200C\uFEFF"},
	{"100k characters", strings.Repeat("W", 100_000)},
	{"100k with markup", strings.Repeat(injection, 1_000)},
}

// refusedCorpus is submitted: every field refuses each with a message next
// to it (aria-describedby); text and password fields name the character.
var refusedCorpus = []struct{ name, value, token string }{
	{"control character", "ab\x01c" + injection, "U+0001"},
	{"NUL", "ab\x00cd", "U+0000"},
	{"right-to-left override", "abc\u202Eexe.txt", "U+202E"},
}

// reachRule adds, for fields whose form checks other fields first, the
// values that let the submit reach the field's own rule (the table's also
// is enough for the native test, which reads every message of the page).
var reachRule = map[string]map[string]string{
	"signin.account": {"signin.user": "alice", "signin.iam.password": "Some-Pass-1"},
	"signin.user":    {"signin.account": "123456789012", "signin.iam.password": "Some-Pass-1"},
	"mfa.code2":      {"mfa.code1": "123456"},
}

// hostileRun types the corpus into the page's fields and records which
// table fields it covered.
type hostileRun struct {
	t       *testing.T
	table   map[string]tableField
	covered map[string]string // table pattern → where
}

// newHostilePage opens a tab with hostileJS installed.
func (h *hostileRun) newPage() *Page {
	p := NewPage(h.t)
	p.beforeLoad(hostileJS)
	return p
}

// state reads a field's state.
func (h *hostileRun) state(p *Page, name string) fieldState {
	return Eval[fieldState](p, `window.__hh.state(`+jsString(name)+`)`)
}

// set types a value into a field and returns the value the browser holds
// (its own sanitising, e.g. no line breaks in one-line fields).
func (h *hostileRun) set(p *Page, name, v string) string {
	got := Eval[*string](p, `window.__hh.set(`+jsString(name)+`, `+jsString(v)+`)`)
	if got == nil {
		h.t.Fatalf("no field %s", name)
	}
	p.Settle()
	return *got
}

// healthy fails unless the page is alive and nothing was injected.
func (h *hostileRun) healthy(s fieldState, where, field, what string) bool {
	h.t.Helper()
	ok := true
	fail := func(format string, args ...any) {
		h.t.Errorf("%s %s, %s: "+format, append([]any{where, field, what}, args...)...)
		ok = false
	}
	switch {
	case !s.Ready:
		fail("the page is not running")
	case s.Sentinel:
		fail("an injected script ran")
	case s.Injected > 0:
		fail("%d injected elements in the page", s.Injected)
	case s.Overflow > 0:
		fail("the page is %d px wider than the window", s.Overflow)
	}
	return ok
}

// cover runs the corpus on every visible free-text field of the page not
// covered yet (fields of other forms may share a name: once is enough).
func (h *hostileRun) cover(p *Page, where string) {
	h.t.Helper()
	names := Eval[[]string](p, `window.__hh.fields()`)
	for _, name := range names {
		pat := patternOf(name)
		if _, done := h.covered[pat]; done {
			continue
		}
		tf, inTable := h.table[pat]
		if !inTable {
			h.t.Errorf("%s: the free-text field %s is not in the console's field table (console/textfields_test.go)", where, name)
			continue
		}
		h.field(p, where, name, tf)
		h.covered[pat] = where
	}
}

// field runs the corpus on one field.
func (h *hostileRun) field(p *Page, where, name string, tf tableField) {
	t := h.t
	t.Helper()
	start := time.Now()
	for _, c := range typedCorpus {
		want := h.set(p, name, c.value)
		s := h.state(p, name)
		if !h.healthy(s, where, name, c.name) {
			continue
		}
		if s.Value != want {
			t.Errorf("%s %s, %s: the field holds %d characters %q…, typed %d", where, name, c.name, len(s.Value), trim(s.Value, 40), len(want))
		}
	}
	if tf.kind == "kindFilter" || tf.kind == "kindJSON" {
		// A filter is never submitted; a policy document's refusals are
		// its findings (e2e/policy_test.go).
		h.set(p, name, "")
		t.Logf("%s: %s (%s, typed only) in %s", where, name, tf.kind, time.Since(start).Round(10*time.Millisecond))
		return
	}
	for _, also := range []map[string]string{tf.also, reachRule[name]} {
		for k, v := range also {
			if Eval[bool](p, `!!window.__hh.el(`+jsString(k)+`)`) {
				h.set(p, k, v)
			}
		}
	}
	for _, c := range refusedCorpus {
		want := h.set(p, name, c.value)
		before := h.state(p, name)
		if !Eval[bool](p, `window.__hh.submit(`+jsString(name)+`)`) {
			t.Fatalf("%s %s: the field is not in a form", where, name)
		}
		p.Settle()
		s := h.state(p, name)
		if tf.kind == "kindCompare" {
			// Compared with a stored hash (slow on purpose): wait for the
			// answer, which must refuse without moving on.
			deadline := time.Now().Add(10 * time.Second)
			for s.Desc == "" && s.Alerts == "" && time.Now().Before(deadline) {
				time.Sleep(100 * time.Millisecond)
				s = h.state(p, name)
			}
		}
		if !h.healthy(s, where, name, c.name) {
			continue
		}
		switch {
		case !s.Present || s.Hash != before.Hash:
			t.Errorf("%s %s, %s: accepted (the page moved from %s to %s)", where, name, c.name, before.Hash, s.Hash)
		case tf.kind == "kindCompare":
			if s.Desc == "" && s.Alerts == "" {
				t.Errorf("%s %s, %s: refused without a message", where, name, c.name)
			}
		case s.Invalid != "true" || strings.TrimSpace(s.Desc) == "":
			t.Errorf("%s %s, %s: no message next to the field (aria-invalid %q, aria-describedby text %q; alerts %q)", where, name, c.name, s.Invalid, s.Desc, s.Alerts)
		case (tf.kind == "kindText" || tf.kind == "kindSecret") && !strings.Contains(s.Desc, c.token):
			t.Errorf("%s %s, %s: the message %q does not name %s", where, name, c.name, s.Desc, c.token)
		case s.Value != want && tf.kind != "kindCompare":
			t.Errorf("%s %s, %s: the refused value was not kept (%q, typed %q)", where, name, c.name, trim(s.Value, 40), trim(want, 40))
		}
	}
	h.set(p, name, "")
	t.Logf("%s: %s (%s) in %s", where, name, tf.kind, time.Since(start).Round(10*time.Millisecond))
}

// loadModel puts a console model's saved document in the tab's storage and
// reloads on its page: how sign-up steps far into the flow are reached
// without playing it (the crafted save lands after the page's own first).
func loadModel(t *testing.T, p *Page, m console.Model) {
	t.Helper()
	p.Open("/?lang=en")
	waitJS(p, "the page's first save", `!!localStorage.getItem(`+jsString(console.StorageKey)+`)`)
	p.Settle()
	m.Notices = nil
	doc, err := m.Encode(1)
	if err != nil {
		t.Fatal(err)
	}
	Eval[any](p, `localStorage.setItem(`+jsString(console.StorageKey)+`, `+jsString(doc)+`)`)
	p.Reload()
	if got := p.goHash(m.UI.Route); got != m.UI.Route {
		t.Fatalf("the crafted save shows %s, want %s", got, m.UI.Route)
	}
}

// clickSel clicks an element by CSS selector and waits for the page.
func clickSel(p *Page, sel string) {
	p.t.Helper()
	if !Eval[bool](p, `(() => { const e = document.querySelector(`+jsString(sel)+`); if (!e) return false; e.click(); return true; })()`) {
		p.t.Fatalf("nothing matches %s; page text:\n%s", sel, p.Text())
	}
	p.Settle()
	time.Sleep(50 * time.Millisecond)
	p.Settle()
}

// TestHostileInputInEveryFreeTextField types a corpus of hostile strings
// into every free-text field of the console's field table, one page load
// per area: markup, script and javascript: URLs, SQL- and JSON-breaking
// text, emoji with joiners and combining marks, bidirectional overrides,
// invisible-only and 100,000-character values are kept as typed and never
// injected, and the page never grows wider than the window; control
// characters, NUL and a right-to-left override are refused on submit with
// a message next to the field that names the character (text and
// passwords) or the field's format (codes and names). It lists the fields
// it covered and fails when the table has one it did not cover.
func TestHostileInputInEveryFreeTextField(t *testing.T) {
	h := &hostileRun{t: t, table: fieldTable(t), covered: map[string]string{}}

	// Sign-up, each step from a crafted save of the native flow.
	p := h.newPage()
	p.Open("/?lang=en#/signup")
	h.cover(p, "sign-up step 1")
	m2 := consoletest.SuCheck(t, consoletest.SuToStep(t, 2), "radio", "Business - for your work, school or organization", true)
	loadModel(t, p, m2)
	h.cover(p, "sign-up step 2")
	// What a student sees: the refusals next to their fields, a long value
	// kept inside its box, in both languages. The 100,000-character city
	// stays in the typed fields and step 3's contact summary shows it.
	h.set(p, "signup.fullName", "Kim"+injection+"\x01")
	h.set(p, "signup.addressLine1", "\u202Egnp.exe")
	h.set(p, "signup.city", strings.Repeat("W", 100_000))
	Eval[bool](p, `window.__hh.submit("signup.fullName")`)
	p.Settle()
	bothLanguages(p, "hostile-signup-2")
	m3 := consoletest.SuCheck(t, consoletest.SuToStep(t, 3), "radio", "Use a new address", true)
	m3 = consoletest.SuChoose(t, m3, "Country or Region", "India") // a country that asks for the CVV
	loadModel(t, p, m3)
	h.cover(p, "sign-up step 3")
	m4 := consoletest.SuToStep(t, 4)
	loadModel(t, p, m4)
	h.cover(p, "sign-up step 4")
	m4 = consoletest.SuType(t, m4, "textbox", "Type the characters as shown above", m4.Field("signup.captchaText"))
	loadModel(t, p, consoletest.SuSubmit(t, m4, "Send SMS (step 4 of 5)"))
	h.cover(p, "sign-up step 4, SMS sent")

	// Sign-in pages of an account that exists, signed out.
	p = h.newPage()
	p.Open("/?world=root-mfa&lang=en")
	p.goHash("#/signin")
	h.cover(p, "sign-in")
	p.goHash("#/signin/forgot")
	h.cover(p, "forgot password")
	p.goHash("#/signin")
	p.Click("radio", "IAM user")
	h.cover(p, "IAM user sign-in")
	p.Click("radio", "Root user")
	p.Type("textbox", "Root user email address", "student@example.com")
	p.Click("button", "Next")
	h.cover(p, "root password")
	p.Type("textbox", "Password", "Labsim-Demo-2026!")
	p.Click("button", "Sign in")
	p.Find("heading", "Multi-factor authentication")
	h.cover(p, "MFA sign-in")
	p.Click("link", "Troubleshoot MFA")
	p.Click("button", "Sign in using alternative factors")
	p.Click("button", "Send verification email")
	p.Find("textbox", "Email verification code")
	h.cover(p, "MFA troubleshooting")

	// The password reset page of a reset link from the virtual inbox.
	p = h.newPage()
	p.Open("/?world=signed-up&lang=en")
	p.goHash("#/signin/forgot")
	p.Type("textbox", "Root user email address", sim.DemoEmail)
	p.Click("button", "Send email")
	link := Eval[string](p, `(() => { const i = JSON.parse(localStorage.getItem(`+jsString(console.StorageKey)+`)).world.devices.inbox; return i[i.length-1].args.link; })()`)
	if got := p.goHash(link); got != link {
		t.Fatalf("the reset link %s shows %s", link, got)
	}
	h.cover(p, "password reset")

	// Signed in as the demo account's root user.
	p = h.newPage()
	p.Open("/?world=demo&lang=en")
	p.clickAction("menu", "services")
	h.cover(p, "Services menu")
	p.clickAction("menu", "services")
	p.goHash("#/security-credentials")
	h.cover(p, "My Security Credentials")
	p.Click("button", "Activate MFA")
	p.Click("button", "Continue")
	p.Click("button", "Show secret key")
	h.cover(p, "MFA device setup")
	p.goHash("#/")
	p.clickAction("devices.open", "phone")
	p.clickAction("devices.app", "authenticator")
	p.clickAction("auth.add", "")
	p.clickAction("auth.enterKey", "")
	h.cover(p, "authenticator app")
	p.clickAction("devices.close", "")
	p.goHash("#/iam")
	p.clickAction("iam.alias.open", "")
	h.cover(p, "IAM account alias")
	p.Press("\x1b") // Escape closes the dialog
	for _, route := range []string{"#/iam/users", "#/iam/groups", "#/iam/policies", "#/iam/groups/create", "#/iam/users/create/permissions"} {
		p.goHash(route)
		h.cover(p, route)
	}
	clickSel(p, `[name="iam.cu.perm"][value="attach"]`)
	h.cover(p, "Create user, attach policies directly")
	p.goHash("#/iam/users/create")
	h.cover(p, "#/iam/users/create")
	clickSel(p, `[name="iam.cu.console"]`)
	clickSel(p, `[name="iam.cu.kind"][value="iam"]`)
	clickSel(p, `[name="iam.cu.pwtype"][value="custom"]`)
	h.cover(p, "Create user, custom password")
	h.set(p, "iam.cu.name", "alice")
	p.goHash("#/iam/users/create/review")
	p.clickAction("iam.cu.tagAdd", "")
	h.cover(p, "Create user, tags")
	p.goHash("#/iam/policies/create")
	h.cover(p, "Create policy, JSON editor")
	h.set(p, "policies.doc", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`)
	p.clickAction("policies.next", "")
	h.cover(p, "Create policy, review")
	p.goHash("#/policysim")
	h.cover(p, "IAM policy simulator")

	// The administrator's Assign MFA device dialog on an IAM user's page
	// (Luna of delegation-done has no device), where the console has it.
	p = h.newPage()
	p.Open("/?world=delegation-done&lang=en")
	signInRoot(p)
	p.goHash("#/iam/users/" + sim.LunaName)
	if Eval[bool](p, `!!document.querySelector('[data-action="mfa.adminStart"]')`) {
		p.clickAction("mfa.adminStart", "")
		h.cover(p, "Assign MFA device (administrator)")
	}

	var missed, covered []string
	for f := range h.table {
		if where, ok := h.covered[f]; ok {
			covered = append(covered, f+" ("+where+")")
		} else {
			missed = append(missed, f)
		}
	}
	slices.Sort(covered)
	slices.Sort(missed)
	list := fmt.Sprintf("hostile input: covered %d of %d fields of the free-text field table:\n  %s\n", len(covered), len(h.table), strings.Join(covered, "\n  "))
	t.Log(list)
	if err := os.MkdirAll("screenshots", 0o755); err == nil {
		_ = os.WriteFile(filepath.Join("screenshots", "hostile-fields.txt"), []byte(list), 0o644)
	}
	if len(missed) > 0 {
		t.Errorf("fields of the table this test did not cover: %s", strings.Join(missed, ", "))
	}
}
