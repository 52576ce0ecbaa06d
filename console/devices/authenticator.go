package devices

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
	"labsim/sim/textin"
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
	return core.Area{Prefix: "auth", Click: totpClick, Submit: totpSubmit, Input: totpInput}
}

// authApp is the app's screens: the list of accounts, "Add account",
// the simulated scan and "Enter a setup key".
var authApp = ui.Lazy(`
<div class="auth-app">
	<div if="add" class="auth-add">
		<h3 id="auth-screen-title" tabindex="-1">{t auth.addTitle}</h3>
		<div class="form-actions mfa-stack">
			<button type="button" data-action="auth.scan" class="btn btn-primary">{t auth.scan}</button>
			<button type="button" data-action="auth.enterKey" class="btn btn-normal">{t auth.enterKey}</button>
			<button type="button" data-action="auth.cancel" class="btn btn-link">{t auth.cancel}</button>
		</div>
	</div>
	<div if="scan" class="auth-scan">
		<h3 id="auth-screen-title" tabindex="-1">{t auth.scan}</h3>
		<div class="auth-viewfinder" aria-hidden="true"></div>
		<p role="alert">{t auth.noQR}</p>
		<div class="form-actions mfa-stack">
			<button type="button" data-action="auth.scan" class="btn btn-primary">{t auth.scan}</button>
			<button type="button" data-action="auth.cancel" class="btn btn-link">{t auth.back}</button>
		</div>
	</div>
	<form if="key" class="auth-key" data-form="auth.key" novalidate>
		<h3 id="auth-screen-title" tabindex="-1">{t auth.keyTitle}</h3>
		{slot fields}
		<p class="mfa-note">{t auth.keyType}</p>
		<div class="form-actions">
			<button type="button" data-action="auth.cancel" class="btn btn-link">{t auth.cancel}</button>
			<button type="submit" class="btn btn-primary">{t auth.addButton}</button>
		</div>
	</form>
	<div if="empty">
		<p class="empty">{t auth.empty}</p>
		<button type="button" data-action="auth.add" id="auth-add-btn" class="btn btn-primary">{t auth.add}</button>
	</div>
	<div if="list">
		<ul class="auth-list">
			<li each="entries" class="auth-entry" aria-labelledby="$labelID">
				<p id="$labelID" class="auth-label" tabindex="-1">
					<bdi if="issuer" class="auth-issuer">{d issuer}</bdi>
					<_ if="issuer">{": "}</_>
					<bdi class="auth-account">{d account}</bdi>
				</p>
				<p class="auth-code-row">
					<span id="$codeID" class="auth-code mono">{d code}</span>
					<span class="auth-timer">
						<progress max="$period" value="$left" aria-hidden="true"></progress>
						<span class="visually-hidden">{t auth.secondsLabel n=$left}</span>
						<span aria-hidden="true">{t auth.seconds n=$left}</span>
					</span>
				</p>
				<div if="removing" class="confirm" role="alertdialog" aria-labelledby="$removeID">
					<p id="$removeID" tabindex="-1">{t auth.removeConfirm account=$label}</p>
					<button type="button" data-action="auth.removeYes" data-arg="$id" class="btn btn-danger">{t auth.removeYes}</button>
					<button type="button" data-action="auth.cancel" class="btn btn-link">{t auth.cancel}</button>
				</div>
				<button if="!removing" type="button" data-action="auth.remove" data-arg="$id" id="$removeBtnID" class="btn btn-link btn-small" aria-label="$removeLabel">{t auth.remove}</button>
			</li>
		</ul>
		<button type="button" data-action="auth.add" id="auth-add-btn" class="btn btn-primary">{t auth.add}</button>
	</div>
</div>
`)

// authenticatorApp renders the app's current screen.
func authenticatorApp(m core.Model, c i18n.Catalog) ui.Node {
	screen := m.MFA.Auth
	entries := m.World.Devices.Authenticator
	v := ui.Vals{{K: "add", B: screen == "add"}, {K: "scan", B: screen == "scan"}, {K: "key", B: screen == "key"},
		{K: "empty", B: screen == "" && len(entries) == 0}, {K: "list", B: screen == "" && len(entries) > 0}}
	switch {
	case screen == "key":
		v = append(v, ui.V{K: "fields", N: []ui.Node{
			core.TextField(c, core.FormField{ID: "auth-account", Name: fieldTOTPAccount, LabelKey: "auth.account",
				Value: m.Field(fieldTOTPAccount), Err: m.MFAErrTextOf(c, fieldTOTPAccount)}),
			core.TextField(c, core.FormField{ID: "auth-key", Name: fieldTOTPKey, LabelKey: "auth.key", Mono: true,
				Value: m.Field(fieldTOTPKey), Err: m.MFAErrTextOf(c, fieldTOTPKey)})}})
	case screen == "" && len(entries) > 0:
		v = append(v, totpAccounts(m, c)...)
	}
	return authApp.Root(c, v)
}

// Element ids that focus moves to in the app.
const (
	totpTitleID  = "auth-screen-title" // a sub-screen's heading
	totpAddBtnID = "auth-add-btn"      // "Add account" on the list
)

// totpRemoveBtnID is the id of an account's Remove button.
func totpRemoveBtnID(id int) string { return "auth-remove-btn-" + strconv.Itoa(id) }

// totpLabelID is the id of an account's label, where focus goes once the
// account is added.
func totpLabelID(id int) string { return "auth-label-" + strconv.Itoa(id) }

// totpAccounts is the view-model of the app's accounts with their
// rotating codes.
func totpAccounts(m core.Model, c i18n.Catalog) ui.Vals {
	left := mfa.Period - int(m.Now.Unix()%mfa.Period)
	if left <= 0 {
		left += mfa.Period
	}
	var items []ui.Vals
	for _, e := range m.World.Devices.Authenticator {
		label := totpLabel(e)
		code, err := mfa.Code(e.Secret, m.Now)
		if err != nil {
			code = "------"
		}
		id := strconv.Itoa(e.ID)
		items = append(items, ui.Vals{
			{K: "id", S: id}, {K: "labelID", S: totpLabelID(e.ID)}, {K: "codeID", S: "auth-code-" + id},
			{K: "removeID", S: "auth-remove-" + id}, {K: "removeBtnID", S: totpRemoveBtnID(e.ID)},
			{K: "issuer", S: e.Issuer, B: e.Issuer != ""}, {K: "account", S: e.Account}, {K: "label", S: label},
			{K: "code", S: code[:3] + " " + code[3:]}, {K: "removing", B: m.MFA.AuthRemove == e.ID},
			{K: "removeLabel", S: c.T("auth.removeLabel", "account", label)},
		})
	}
	return ui.Vals{{K: "entries", L: items}, {K: "left", S: strconv.Itoa(left)}, {K: "period", S: strconv.Itoa(mfa.Period)}}
}

// totpLabel is how the app names an account: "Issuer: account".
func totpLabel(e sim.AuthenticatorEntry) string {
	if e.Issuer == "" {
		return e.Account
	}
	return e.Issuer + ": " + e.Account
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
// issuer parameter, which wins over the label's prefix. It reads the URI
// itself rather than with net/url, whose GODEBUG settings link the
// runtime's metrics tables into the first-visit binary.
func totpParseURI(uri string) (issuer, account string, secret mfa.Secret, err error) {
	const scheme, host = "otpauth://", "totp"
	uri, _, _ = strings.Cut(uri, "#")
	if len(uri) < len(scheme) || !strings.EqualFold(uri[:len(scheme)], scheme) {
		return "", "", "", errTOTPNotOTP
	}
	rest, rawQuery, _ := strings.Cut(uri[len(scheme):], "?")
	h, path, _ := strings.Cut(rest, "/")
	if h != host {
		return "", "", "", errTOTPNotOTP
	}
	label, err := url.PathUnescape(path)
	if err != nil {
		return "", "", "", errTOTPNotOTP
	}
	if i := strings.Index(label, ":"); i >= 0 {
		issuer, account = label[:i], strings.TrimSpace(label[i+1:])
	} else {
		account = label
	}
	if v := queryParam(rawQuery, "issuer"); v != "" {
		issuer = v
	}
	secret, err = mfa.ParseSecret(queryParam(rawQuery, "secret"))
	if err != nil {
		return "", "", "", err
	}
	return issuer, account, secret, nil
}

// queryParam returns the first value of key in a URL query ("" when
// absent or badly escaped), as url.Values.Get does.
func queryParam(rawQuery, key string) string {
	for rawQuery != "" {
		var pair string
		pair, rawQuery, _ = strings.Cut(rawQuery, "&")
		if strings.Contains(pair, ";") {
			continue // net/url refuses such pairs
		}
		k, v, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(k); err != nil || k != key {
			continue
		}
		if v, err := url.QueryUnescape(v); err == nil {
			return v
		}
	}
	return ""
}

// totpInput clears the account name's or the key's error as soon as the
// typed value passes its rule.
func totpInput(m core.Model, field, value string) (core.Model, []core.Effect) {
	switch field {
	case fieldTOTPAccount:
		return m.ClearMFAErrorIf(field, value, func(v string) bool {
			p, bad := textin.Check(v)
			return strings.TrimSpace(v) != "" && !bad && p.Code == "" && len(v) <= sim.MaxAuthenticatorLabel
		}), nil
	case fieldTOTPKey:
		return m.ClearMFAErrorIf(field, value, func(v string) bool { _, err := mfa.ParseSecret(v); return err == nil }), nil
	}
	return m, nil
}
