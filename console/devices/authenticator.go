package devices

import (
	"errors"
	"labsim/console/core"
	"net/url"
	"strconv"
	"strings"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// The virtual phone's Authenticator app: a TOTP app like Google
// Authenticator for students without a phone. Its accounts are in the
// world (sim.Devices.Authenticator); its screen is m.MFA.Auth. Actions and
// forms are named "auth.…".

// Field names of the app's "Enter a setup key" form.
const (
	fieldTOTPAccount = "auth.account"
	fieldTOTPKey     = "auth.key"
)

// AuthenticatorArea routes the app's controls; the phone (devices area) shows the
// app itself through phoneApps.
func AuthenticatorArea() core.Area {
	return core.Area{Prefix: "auth", Click: totpClick, Submit: totpSubmit}
}

// authenticatorApp renders the app's current screen.
func authenticatorApp(m core.Model, c i18n.Catalog) ui.Node {
	var body ui.Node
	switch m.MFA.Auth {
	case "add":
		body = ui.El("div", ui.Class("auth-add"),
			totpScreenTitle(c, "auth.addTitle"),
			ui.El("div", ui.Class("form-actions", "mfa-stack"),
				core.Button(c, "auth.scan", "auth.scan", "", ui.Class("btn", "btn-primary")),
				core.Button(c, "auth.enterKey", "auth.enterKey", "", ui.Class("btn", "btn-normal")),
				core.Button(c, "auth.cancel", "auth.cancel", "", ui.Class("btn", "btn-link"))))
	case "scan":
		body = ui.El("div", ui.Class("auth-scan"),
			totpScreenTitle(c, "auth.scan"),
			ui.El("div", ui.Class("auth-viewfinder"), ui.A("aria-hidden", "true")),
			ui.El("p", ui.A("role", "alert"), ui.Text(c.T("auth.noQR"))),
			ui.El("div", ui.Class("form-actions", "mfa-stack"),
				core.Button(c, "auth.scan", "auth.scan", "", ui.Class("btn", "btn-primary")),
				core.Button(c, "auth.back", "auth.cancel", "", ui.Class("btn", "btn-link"))))
	case "key":
		body = totpKeyForm(m, c)
	default:
		body = totpAccounts(m, c)
	}
	return ui.El("div", ui.Class("auth-app"), body)
}

// Element ids that focus moves to in the app.
const (
	totpTitleID  = "auth-screen-title" // a sub-screen's heading
	totpAddBtnID = "auth-add-btn"      // "Add account" on the list
)

// totpScreenTitle is the heading of one of the app's sub-screens; focus
// moves to it when the screen opens.
func totpScreenTitle(c i18n.Catalog, key string) ui.Node {
	return ui.El("h3", ui.ID(totpTitleID), ui.A("tabindex", "-1"), ui.Text(c.T(key)))
}

// totpRemoveBtnID is the id of an account's Remove button.
func totpRemoveBtnID(id int) string { return "auth-remove-btn-" + strconv.Itoa(id) }

// totpLabelID is the id of an account's label, where focus goes once the
// account is added.
func totpLabelID(id int) string { return "auth-label-" + strconv.Itoa(id) }

// totpAccounts lists the app's accounts with their rotating codes.
func totpAccounts(m core.Model, c i18n.Catalog) ui.Node {
	entries := m.World.Devices.Authenticator
	if len(entries) == 0 {
		return ui.El("div",
			ui.El("p", ui.Class("empty"), ui.Text(c.T("auth.empty"))),
			core.Button(c, "auth.add", "auth.add", "", ui.ID(totpAddBtnID), ui.Class("btn", "btn-primary")))
	}
	left := mfa.Period - int(m.Now.Unix()%mfa.Period)
	if left <= 0 {
		left += mfa.Period
	}
	var items []ui.Node
	for _, e := range entries {
		label := totpLabel(e)
		code, err := mfa.Code(e.Secret, m.Now)
		if err != nil {
			code = "------"
		}
		id := strconv.Itoa(e.ID)
		var remove ui.Node
		if m.MFA.AuthRemove == e.ID {
			remove = ui.El("div", ui.Class("confirm"), ui.A("role", "alertdialog"), ui.A("aria-labelledby", "auth-remove-"+id),
				ui.El("p", ui.ID("auth-remove-"+id), ui.A("tabindex", "-1"), ui.Text(c.T("auth.removeConfirm", "account", label))),
				core.Button(c, "auth.removeYes", "auth.removeYes", id, ui.Class("btn", "btn-danger")),
				core.Button(c, "auth.cancel", "auth.cancel", "", ui.Class("btn", "btn-link")))
		} else {
			remove = core.Button(c, "auth.remove", "auth.remove", id, ui.ID(totpRemoveBtnID(e.ID)), ui.Class("btn", "btn-link", "btn-small"),
				ui.A("aria-label", c.T("auth.removeLabel", "account", label)))
		}
		items = append(items, ui.El("li", ui.Class("auth-entry"), ui.A("aria-labelledby", "auth-label-"+id),
			ui.El("p", ui.ID(totpLabelID(e.ID)), ui.Class("auth-label"), ui.A("tabindex", "-1"),
				ui.If(e.Issuer != "", ui.El("span", ui.Class("auth-issuer"), ui.Data(e.Issuer))),
				ui.If(e.Issuer != "", ui.Data(": ")),
				ui.El("span", ui.Class("auth-account"), ui.Data(e.Account))),
			ui.El("p", ui.Class("auth-code-row"),
				ui.El("span", ui.ID("auth-code-"+id), ui.Class("auth-code", "mono"), ui.Data(code[:3]+" "+code[3:])),
				ui.El("span", ui.Class("auth-timer"),
					ui.El("progress", ui.A("max", strconv.Itoa(mfa.Period)), ui.A("value", strconv.Itoa(left)), ui.A("aria-hidden", "true")),
					ui.El("span", ui.Class("visually-hidden"), ui.Text(c.T("auth.secondsLabel", "n", strconv.Itoa(left)))),
					ui.El("span", ui.A("aria-hidden", "true"), ui.Text(c.T("auth.seconds", "n", strconv.Itoa(left)))))),
			remove))
	}
	return ui.El("div",
		ui.El("ul", ui.Class("auth-list"), items),
		core.Button(c, "auth.add", "auth.add", "", ui.ID(totpAddBtnID), ui.Class("btn", "btn-primary")))
}

// totpLabel is how the app names an account: "Issuer: account".
func totpLabel(e sim.AuthenticatorEntry) string {
	if e.Issuer == "" {
		return e.Account
	}
	return e.Issuer + ": " + e.Account
}

// totpKeyForm is "Enter a setup key": account name and key.
func totpKeyForm(m core.Model, c i18n.Catalog) ui.Node {
	return ui.El("form", ui.Class("auth-key"), ui.A("data-form", "auth.key"), ui.A("novalidate", ""),
		totpScreenTitle(c, "auth.keyTitle"),
		core.TextField(c, core.FormField{ID: "auth-account", Name: fieldTOTPAccount, LabelKey: "auth.account",
			Value: m.Field(fieldTOTPAccount), Err: m.MFAErrTextOf(c, fieldTOTPAccount)}),
		core.TextField(c, core.FormField{ID: "auth-key", Name: fieldTOTPKey, LabelKey: "auth.key", Mono: true,
			Value: m.Field(fieldTOTPKey), Err: m.MFAErrTextOf(c, fieldTOTPKey)}),
		ui.El("p", ui.Class("mfa-note"), ui.Text(c.T("auth.keyType"))),
		ui.El("div", ui.Class("form-actions"),
			core.Button(c, "auth.cancel", "auth.cancel", "", ui.Class("btn", "btn-link")),
			core.SubmitButton(c, "auth.addButton")))
}

// totpClick handles the app's buttons. Focus follows every change of
// screen: to the new screen's heading, back to the button that opened a
// screen or a confirmation when it is cancelled, and to an account once
// it is added.
func totpClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	switch action {
	case "auth.add":
		m.MFA.Auth, m.MFA.AuthRemove = "add", 0
		return m, []core.Effect{core.Focus{ID: totpTitleID}}
	case "auth.enterKey":
		m.MFA.Auth = "key"
		m.MFA.Errors = nil
		return m, []core.Effect{core.Focus{ID: "auth-account"}}
	case "auth.cancel":
		screen, removing := m.MFA.Auth, m.MFA.AuthRemove
		m.MFA.Auth, m.MFA.AuthRemove = "", 0
		m.MFA.Errors = nil
		if screen == "" && removing != 0 {
			return m, []core.Effect{core.Focus{ID: totpRemoveBtnID(removing)}}
		}
		return m, []core.Effect{core.Focus{ID: totpAddBtnID}}
	case "auth.scan":
		uri, ok := m.MFAQROnScreen()
		if !ok {
			m.MFA.Auth = "scan"
			return m, []core.Effect{core.Focus{ID: totpTitleID}}
		}
		issuer, account, secret, err := totpParseURI(uri)
		if err == nil {
			var w sim.World
			w, err = m.World.Do(m.Session, sim.AddAuthenticatorAccount{Issuer: issuer, Account: account, Secret: secret}, m.Env())
			m.World = w
		}
		if err != nil {
			m.MFA.Auth = "scan"
			return m, []core.Effect{core.Focus{ID: totpTitleID}}
		}
		m.MFA.Auth = ""
		return m, []core.Effect{core.Focus{ID: totpLabelID(totpLastID(m))}}
	case "auth.remove":
		id, _ := strconv.Atoi(arg)
		if !totpHas(m, id) {
			return m, nil
		}
		m.MFA.AuthRemove = id
		return m, []core.Effect{core.Focus{ID: "auth-remove-" + strconv.Itoa(id)}}
	case "auth.removeYes":
		id, _ := strconv.Atoi(arg)
		w, _ := m.World.Do(m.Session, sim.RemoveAuthenticatorAccount{ID: id}, m.Env())
		m.World = w
		m.MFA.AuthRemove = 0
		return m, []core.Effect{core.Focus{ID: totpAddBtnID}}
	}
	return m, nil
}

// totpHas reports whether the app holds an account with the ID.
func totpHas(m core.Model, id int) bool {
	for _, e := range m.World.Devices.Authenticator {
		if e.ID == id {
			return true
		}
	}
	return false
}

// totpLastID is the ID of the account added last.
func totpLastID(m core.Model) int {
	if n := len(m.World.Devices.Authenticator); n > 0 {
		return m.World.Devices.Authenticator[n-1].ID
	}
	return 0
}

// totpSubmit handles "Enter a setup key".
func totpSubmit(m core.Model, form string) (core.Model, []core.Effect) {
	if form != "auth.key" {
		return m, nil
	}
	account := strings.TrimSpace(m.Field(fieldTOTPAccount))
	errs := map[string]error{}
	if account == "" {
		errs[fieldTOTPAccount] = awserr.New(awserr.ValidationError, "field", "Account", "constraint", "required")
	}
	secret, err := mfa.ParseSecret(m.Field(fieldTOTPKey))
	if err != nil {
		errs[fieldTOTPKey] = err
	}
	if len(errs) == 0 {
		var w sim.World
		w, err = m.World.Do(m.Session, sim.AddAuthenticatorAccount{Account: account, Secret: secret}, m.Env())
		m.World = w
		if err != nil {
			field := fieldTOTPKey
			if e, ok := awserr.As(err); ok && e.Param("field") == "Account" {
				field = fieldTOTPAccount
			}
			errs[field] = err
		}
	}
	if len(errs) > 0 {
		m = m.SetMFAErrors(errs)
		focus := "auth-key"
		if errs[fieldTOTPAccount] != nil {
			focus = "auth-account"
		}
		return m, []core.Effect{core.Focus{ID: focus}}
	}
	m = m.ClearFields(fieldTOTPAccount, fieldTOTPKey)
	m.MFA.Auth, m.MFA.Errors = "", nil
	return m, []core.Effect{core.Focus{ID: totpLabelID(totpLastID(m))}}
}

// errTOTPNotOTP is the error for a QR code that is not an otpauth TOTP URI.
var errTOTPNotOTP = errors.New("authenticator: not an otpauth://totp URI")

// totpParseURI reads an otpauth://totp URI as an authenticator app
// does: the label "Issuer:account" (path-escaped), the secret and the
// issuer parameter, which wins over the label's prefix.
func totpParseURI(uri string) (issuer, account string, secret mfa.Secret, err error) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "otpauth" || u.Host != "totp" {
		return "", "", "", errTOTPNotOTP
	}
	label := strings.TrimPrefix(u.Path, "/")
	if i := strings.Index(label, ":"); i >= 0 {
		issuer, account = label[:i], strings.TrimSpace(label[i+1:])
	} else {
		account = label
	}
	q := u.Query()
	if v := q.Get("issuer"); v != "" {
		issuer = v
	}
	secret, err = mfa.ParseSecret(q.Get("secret"))
	if err != nil {
		return "", "", "", err
	}
	return issuer, account, secret, nil
}
