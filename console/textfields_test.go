package console_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/mfa"
)

// fieldKind says which rule a free-text field applies after the input
// baseline (sim/textin).
type fieldKind int

const (
	// kindText is a name or address: control characters and bidirectional
	// controls are named ("U+0001"), a value of only invisible characters
	// is refused.
	kindText fieldKind = iota
	// kindSecret is a password: control characters, NUL included, are
	// named.
	kindSecret
	// kindCode is a field of digits or a fixed format (codes, card
	// numbers, captcha, keys, IAM names whose message lists the valid
	// characters): anything else is refused by its format.
	kindCode
	// kindCompare is a password that is only compared with a stored hash,
	// never stored or shown: any value is refused unless it is the one.
	kindCompare
	// kindFilter narrows a list as it is typed and is never submitted or
	// shown outside its own box.
	kindFilter
	// kindJSON is a policy document: a control character is refused where
	// JSON or IAM refuses it, with its line and column.
	kindJSON
)

// freeTextFields names every free-text field of the console (text, email,
// password, tel and search inputs and text areas) and the screen where the
// test types into it. TestEveryFreeTextFieldIsInTheTable fails when a page
// shows a field that is missing here.
var freeTextFields = map[string]struct {
	screen string
	kind   fieldKind
	also   map[string]string // other values the form needs to reach the field's rule
}{
	// The policy editor and the policy simulator (found by walking every
	// route of console.Routes()).
	"policies.doc":  {"#/iam/policies/create", kindJSON, nil},
	"policies.name": {"#/iam/policies/create/review", kindCode, map[string]string{"policies.doc": minimalPolicy}},
	// The description and the tag say which characters are refused, not
	// which character was found.
	"policies.desc":      {"#/iam/policies/create/review", kindCode, map[string]string{"policies.doc": minimalPolicy, "policies.name": "p1"}},
	"policies.tagKey":    {"#/iam/policies/create/review", kindCode, map[string]string{"policies.doc": minimalPolicy, "policies.name": "p1"}},
	"policies.tagValue":  {"#/iam/policies/create/review", kindCode, map[string]string{"policies.doc": minimalPolicy, "policies.name": "p1", "policies.tagKey": "team"}},
	"policysim.typed":    {"#/policysim", kindCode, nil},
	"policysim.resource": {"#/policysim", kindCode, nil},
	"policysim.ip":       {"#/policysim", kindCode, nil},
	"policysim.time":     {"#/policysim", kindCode, nil},
	"policysim.mfaAge":   {"#/policysim", kindCode, nil},
	"policysim.policy":   {"#/policysim", kindJSON, nil},

	"signup.email":                  {"1", kindText, nil},
	"signup.accountName":            {"1", kindText, nil},
	"signup.password":               {"1", kindSecret, nil},
	"signup.password.confirm":       {"1", kindCode, nil},
	"signup.fullName":               {"2-errors", kindText, nil},
	"signup.organizationName":       {"2-errors", kindText, nil},
	"signup.phone":                  {"2-errors", kindCode, nil},
	"signup.addressLine1":           {"2-errors", kindText, nil},
	"signup.addressLine2":           {"2-errors", kindText, nil},
	"signup.city":                   {"2-errors", kindText, nil},
	"signup.stateOrRegion":          {"2-errors", kindText, nil},
	"signup.postalCode":             {"2-errors", kindCode, nil},
	"signup.card.number":            {"3-new-address", kindCode, nil},
	"signup.card.number.cvv":        {"3-new-address", kindCode, nil},
	"signup.cardholderName":         {"3-new-address", kindText, nil},
	"signup.billing.addressLine1":   {"3-new-address", kindText, nil},
	"signup.billing.addressLine2":   {"3-new-address", kindText, nil},
	"signup.billing.city":           {"3-new-address", kindText, nil},
	"signup.billing.stateOrRegion":  {"3-new-address", kindText, nil},
	"signup.billing.postalCode":     {"3-new-address", kindCode, nil},
	"signup.captcha":                {"4", kindCode, nil},
	"signup.mobileNumber":           {"4", kindCode, nil},
	"signup.verificationCode":       {"4sms", kindCode, nil},
	"signin.email":                  {"signin", kindText, nil},
	"signin.recoverEmail":           {"forgot", kindText, nil},
	"signin.password":               {"signin-failed", kindCompare, nil},
	"signin.account":                {"signin-iam", kindCode, nil},
	"signin.user":                   {"signin-iam", kindCode, nil},
	"signin.iam.password":           {"signin-iam", kindCompare, map[string]string{"signin.account": "123456789012", "signin.user": "alice"}},
	"signin.reset.password":         {"reset", kindSecret, nil},
	"signin.reset.password.confirm": {"reset", kindCode, nil},
	"signinmfa.code":                {"signin-mfa", kindCode, nil},
	"signinmfa.emailcode":           {"signin-mfa-alt-sent", kindCode, nil},
	"mfa.code1":                     {"mfa-setup-key", kindCode, nil},
	"mfa.code2":                     {"mfa-setup-key", kindCode, nil},
	"auth.account":                  {"auth-key", kindText, map[string]string{"auth.key": "JBSWY3DPEHPK3PXP"}},
	"auth.key":                      {"auth-key", kindCode, nil},
	"iam.alias":                     {"iam-alias", kindCode, nil},
	"iam.cu.password":               {"iam-cu-custom", kindSecret, map[string]string{"iam.cu.name": "alice"}},
	"iam.cu.gfilter":                {"iam-cu-perms", kindFilter, nil},
	"iam.cu.pfilter":                {"iam-cu-perms", kindFilter, nil},
	"iam.cu.tagk.#":                 {"iam-cu-tags", kindText, nil},
	"iam.cu.tagv.#":                 {"iam-cu-tags", kindText, map[string]string{"iam.cu.tagk.0": "team"}},
	"mfa.password.current":          {"credentials", kindCompare, nil},
	"mfa.password.new":              {"credentials", kindSecret, map[string]string{"mfa.password.current": sim.DemoPassword}},
	"mfa.password.confirm":          {"credentials", kindCode, map[string]string{"mfa.password.current": sim.DemoPassword, "mfa.password.new": "Labsim-New-2026!"}},
	"services.filter":               {"in-menu-services", kindFilter, nil},
	"search.q":                      {"#/iam", kindFilter, nil},
	"iam.groups.filter":             {"#/iam/groups", kindFilter, nil},
	"iam.users.filter":              {"#/iam/users", kindFilter, nil},
	"policies.q":                    {"#/iam/policies", kindFilter, nil},
	"iam.cg.name":                   {"#/iam/groups/create", kindCode, nil},
	"iam.cg.pfilter":                {"#/iam/groups/create", kindFilter, nil},
	"iam.cu.name":                   {"#/iam/users/create", kindCode, nil},
	"mfa.admin.device":              {"mfa-admin", kindCode, map[string]string{"mfa.type": "virtual"}},
	"iam.ak.desc":                   {"iam-ak-desc", kindText, map[string]string{"iam.ak.ack": "true"}},
}

// tableName names a field of a repeated row (a tag's key "iam.cu.tagk.0")
// by its pattern ("iam.cu.tagk.#").
func tableName(field string) string {
	i := strings.LastIndexByte(field, '.')
	if i < 0 || i == len(field)-1 {
		return field
	}
	for _, c := range field[i+1:] {
		if c < '0' || c > '9' {
			return field
		}
	}
	return field[:i+1] + "#"
}

// isFreeText reports whether an element is a control the student types
// free text into.
func isFreeText(n ui.Node) bool {
	if n.Tag == "textarea" {
		return true
	}
	if n.Tag != "input" {
		return false
	}
	switch typ, _ := n.Attr("type"); typ {
	case "", "text", "email", "password", "tel", "search", "url":
		return true
	}
	return false
}

// textFieldScreens is every golden screen plus the IAM pages with forms.
func textFieldScreens(t *testing.T) map[string]Model {
	out := goldenScreens(t)
	in := demoModel(t)
	for _, h := range []string{"#/iam/users", "#/iam/users/create", "#/iam/groups", "#/iam/groups/create",
		"#/iam/policies", "#/iam/settings", "#/iam/roles"} {
		out[h] = send(in, Navigate{Now: t0, Hash: h})
	}
	// States that reveal more fields: a custom console password and tags
	// in the Create user wizard, the account alias dialog.
	cu := out["#/iam/users/create"]
	for _, in := range []Input{{Field: "iam.cu.console", Value: "true"}, {Field: "iam.cu.kind", Value: "iam"}, {Field: "iam.cu.pwtype", Value: "custom"}} {
		in.Now = t0
		cu = send(cu, in)
	}
	out["iam-cu-custom"] = cu
	// Step 2 of Create policy, after a policy IAM accepts.
	pe := send(send(in, Navigate{Now: t0, Hash: "#/iam/policies/create"}), Input{Now: t0, Field: "policies.doc", Value: minimalPolicy})
	out["#/iam/policies/create/review"] = click(pe, "policies.next", "")
	// Every route of the registry, so that a page's field cannot be left
	// out of the table.
	for _, h := range console.Routes() {
		if _, ok := out[h]; !ok {
			out[h] = send(in, Navigate{Now: t0, Hash: h})
		}
	}
	named := send(send(in, Navigate{Now: t0, Hash: "#/iam/users/create"}), Input{Now: t0, Field: "iam.cu.name", Value: "alice"})
	out["iam-cu-tags"] = click(send(named, Navigate{Now: t0, Hash: "#/iam/users/create/review"}), "iam.cu.tagAdd", "")
	out["iam-alias"] = click(send(in, Navigate{Now: t0, Hash: "#/iam"}), "iam.alias.open", "")
	out["iam-cu-perms"] = send(in, Navigate{Now: t0, Hash: "#/iam/users/create/permissions"})
	// The administrator's Assign MFA device dialog over an IAM user's page.
	w, err := in.World.Do(in.Session, sim.CreateUser{Name: "alice"}, in.Env())
	require.NoError(t, err)
	withUser := in
	withUser.World = w
	out["mfa-admin"] = click(send(withUser, Navigate{Now: t0, Hash: "#/iam/users/alice"}), "mfa.adminStart", "alice")
	withLuna := in
	w, err = in.World.Do(in.Session, sim.CreateUser{Name: "Luna"}, in.Env())
	require.NoError(t, err)
	withLuna.World = w
	out["iam-ak-desc"] = send(withLuna, Navigate{Now: t0, Hash: "#/iam/users/Luna/create-access-key/description"})
	return out
}

func TestEveryFreeTextFieldIsInTheTable(t *testing.T) {
	for name, m := range textFieldScreens(t) {
		View(m).Walk(func(n ui.Node) bool {
			if isFreeText(n) {
				field, _ := n.Attr("name")
				_, ok := freeTextFields[tableName(field)]
				require.True(t, ok, "screen %s has the free-text field %q: add it to freeTextFields with its rule", name, field)
			}
			return true
		})
	}
}

// formOf returns the form (data-form) holding the named field and the
// values its controls show, as the browser would submit them.
func formOf(root ui.Node, field string) (string, map[string]string, bool) {
	var walk func(n ui.Node, form *ui.Node) (string, map[string]string, bool)
	walk = func(n ui.Node, form *ui.Node) (string, map[string]string, bool) {
		if _, ok := n.Attr("data-form"); ok {
			form = &n
		}
		if nm, _ := n.Attr("name"); nm == field && form != nil {
			name, _ := form.Attr("data-form")
			values := map[string]string{}
			form.Walk(func(c ui.Node) bool {
				k, ok := c.Attr("name")
				if !ok || k == "" {
					return true
				}
				switch typ, _ := c.Attr("type"); typ {
				case "checkbox":
					_, on := c.Attr("checked")
					values[k] = map[bool]string{true: "true", false: "false"}[on]
				case "radio":
					if _, on := c.Attr("checked"); on {
						values[k], _ = c.Attr("value")
					}
				default:
					values[k], _ = c.Attr("value")
				}
				return true
			})
			return name, values, true
		}
		for _, k := range n.Kids {
			if f, v, ok := walk(k, form); ok {
				return f, v, ok
			}
		}
		return "", nil, false
	}
	return walk(root, nil)
}

// errorText returns the text of the field's error, if any: the element
// the field's aria-describedby names with a role of alert, or the page's
// alerts.
func errorText(root ui.Node) string {
	var b strings.Builder
	root.Walk(func(n ui.Node) bool {
		if r, _ := n.Attr("role"); r == "alert" {
			b.WriteString(ui.Name(root, n))
			b.WriteString(" ")
			n.Walk(func(c ui.Node) bool {
				if c.Tag == "" {
					b.WriteString(c.Text)
				}
				return true
			})
			b.WriteString("\n")
		}
		return true
	})
	return b.String()
}

func TestEveryFreeTextFieldAppliesTheBaseline(t *testing.T) {
	screens := textFieldScreens(t)
	type probe struct{ value, want string }
	for field, f := range freeTextFields {
		var probes []probe
		switch f.kind {
		case kindText:
			probes = []probe{{"ab\x01c", "U+0001"}, {"ab\x00c", "U+0000"}, {"abc\u202Eexe.txt", "U+202E"}, {"a\u2066b", "U+2066"}, {"\u200B\u200C\uFEFF", ""}}
		case kindSecret:
			probes = []probe{{"Abcdef12!\x01", "U+0001"}, {"Abcdef12!\x00", "U+0000"}, {"Abcdef12!\u202E", "U+202E"}}
		case kindCode:
			probes = []probe{{"12\x01", ""}, {"1\u202E2", ""}, {"\u200B", ""}}
		case kindCompare:
			probes = []probe{{"Abcdef12!\x01", ""}, {"\x00", ""}}
		case kindFilter:
			continue
		}
		for _, p := range probes {
			t.Run(field+"/"+p.value, func(t *testing.T) {
				m, ok := screens[f.screen]
				require.True(t, ok, "no screen %s", f.screen)
				name := strings.Replace(field, "#", "0", 1)
				form, values, ok := formOf(View(m), name)
				require.True(t, ok, "no form with %s on %s", field, f.screen)
				for k, v := range f.also {
					values[k] = v
				}
				values[name] = p.value
				was := m
				m, _ = Update(m, Submit{Now: mfaT1, Form: form, Values: values})
				if f.kind == kindCompare {
					require.False(t, m.Session.SignedIn() && !was.Session.SignedIn(), "%q in %s signed in", p.value, field)
					return
				}
				errs := errorText(View(m))
				require.NotEmpty(t, errs, "%q in %s was accepted", p.value, field)
				if f.kind != kindCode {
					require.NotContains(t, errs, "Remove the spaces", "the message must name the real problem")
					require.NotContains(t, errs, "공백을 제거")
				}
				if p.want != "" {
					require.Contains(t, errs, p.want)
				}
			})
		}
	}
}

// requireIsolated fails when a text node of root shows value without an
// isolating ancestor (<bdi> or dir="auto") or the first-strong isolate
// characters around it.
func requireIsolated(t *testing.T, root ui.Node, value, where string) int {
	t.Helper()
	found := 0
	var walk func(n ui.Node, isolated bool)
	walk = func(n ui.Node, isolated bool) {
		if d, _ := n.Attr("dir"); n.Tag == "bdi" || d == "auto" {
			isolated = true
		}
		if n.Tag == "" && strings.Contains(n.Text, value) {
			found++
			require.True(t, isolated || strings.Contains(n.Text, "\u2068"+value+"\u2069"),
				"%s shows %q without <bdi>, dir=\"auto\" or an isolate: %q", where, value, n.Text)
		}
		for _, k := range n.Kids {
			walk(k, isolated)
		}
	}
	walk(root, false)
	return found
}

// TestStudentTypedValuesAreIsolated: a right-to-left account name cannot
// reorder the text around it in the top bar, the account menu, Console
// Home, the welcome email and the authenticator app.
func TestStudentTypedValuesAreIsolated(t *testing.T) {
	const name = "שלום-lab"
	m := demoModel(t)
	acct := m.World.Accounts[m.Session.AccountID]
	acct.Name = name
	m.World.Accounts[m.Session.AccountID] = acct
	w, err := m.World.Do(m.Session, sim.AddAuthenticatorAccount{Account: name, Issuer: name, Secret: mfa.DemoSecret}, m.Env())
	require.NoError(t, err)
	m.World = w
	seen := 0
	for where, s := range map[string]Model{
		"top bar and home": send(m, Navigate{Now: t0, Hash: "#/"}),
		"account menu":     click(m, "menu", "account"),
		"authenticator":    click(click(m, "devices.open", "phone"), "devices.app", "authenticator"),
	} {
		seen += requireIsolated(t, View(s), name, where)
	}
	require.GreaterOrEqual(t, seen, 4)

	// The welcome email of a new account.
	done := suAllScreens(t)["done-inbox"]
	var mail ui.Node
	for _, e := range done.World.Devices.Inbox {
		done = click(done, "devices.email", strconv.Itoa(e.ID))
		mail = View(done)
	}
	acctName := done.World.Accounts[done.Session.AccountID].Name
	if acctName == "" {
		for _, a := range done.World.Accounts {
			acctName = a.Name
		}
	}
	require.Positive(t, requireIsolated(t, mail, acctName, "welcome email"))
}

// minimalPolicy is a policy document IAM accepts, for the fields after the
// editor.
const minimalPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`
