package mfa

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/iam"
)

// Fields of the root password change; their names make them secret
// fields (core.IsSecretField), kept only in the transient part.
const (
	fieldPwCurrent = "mfa.password.current"
	fieldPwNew     = "mfa.password.new"
	fieldPwConfirm = "mfa.password.confirm"
	// fieldKeyConfirm is "1" while the root access key warning is shown.
	fieldKeyConfirm = "mfa.rootkey.asking"
)

// pwFields maps the password problems onto the form's fields.
var pwFields = map[string]string{
	"oldPassword": fieldPwCurrent, account.FieldPassword: fieldPwNew, account.FieldConfirmPassword: fieldPwConfirm,
}

// rootCredsTpl is the bodies of the Password and Access keys sections.
var rootCredsTpl = ui.MustParse(`
<_>
	<div>
		<p>{t cred.password.intro2 email=$email}</p>
		<_ if="pwDone">{slot pwDone}</_>
		<form data-form="mfa.password" novalidate aria-labelledby="cred-password-change">
			<h3 id="cred-password-change">{t cred.password.change}</h3>
			{slot pwFields}
			<button type="submit" class="btn btn-primary">{t cred.password.submit}</button>
		</form>
	</div>
	<div>
		<p>{t cred.keys.intro}</p>
		<div class="alert alert-warning"><p>{t cred.keys.warning}</p></div>
		<div if="secret" class="alert alert-success" role="status">
			<p id="cred-key-created" tabindex="-1"><strong>{t cred.keys.created}</strong></p>
			<dl class="kv">
				<dt>{t cred.keys.id}</dt><dd class="mono">{d secretID}</dd>
				<dt>{t cred.keys.secret}</dt><dd class="mono">{d secretKey}</dd>
			</dl>
			<p>{t cred.keys.once}</p>
		</div>
		<ul if="keys" class="link-list">
			<li each="keys"><span class="mono">{d id}</span>{" · "}{d created}{" "}<button type="button" class="btn btn-normal btn-small" data-action="mfa.rootkeyDelete" data-arg="$id" aria-label="$deleteLabel">{t cred.keys.delete}</button></li>
		</ul>
		<p if="!keys" class="empty">{t cred.keys.none}</p>
		<div if="confirm" class="confirm" role="alertdialog" aria-labelledby="cred-key-confirm">
			<p id="cred-key-confirm" tabindex="-1">{t cred.keys.confirm}</p>
			<button type="button" class="btn btn-normal" data-action="mfa.rootkeyCancel">{t cred.keys.cancel}</button>
			<button type="button" class="btn btn-primary" data-action="mfa.rootkeyCreate">{t cred.keys.create}</button>
		</div>
		<button if="canCreate" type="button" id="cred-key-create" class="btn btn-normal" data-action="mfa.rootkeyAsk">{t cred.keys.create}</button>
	</div>
</_>`)

var pwDoneTpl = ui.MustParse(`<div class="alert alert-success" role="status"><p id="cred-password-done" tabindex="-1">{t cred.password.done}</p></div>`)

// rootCreds renders the bodies of the root user's Password and Access keys
// sections, in that order.
func rootCreds(m core.Model, c i18n.Catalog, acct sim.Account) []ui.Node {
	f := core.NewAuthForm(m, c, pwFields)
	fields := []ui.Node{
		f.Input(fieldPwCurrent, "cred.password.current", "", "password", "current-password"),
		f.Input(fieldPwNew, "cred.password.new", "cred.password.rules", "password", "new-password"),
		f.Input(fieldPwConfirm, "cred.password.confirm", "", "password", "new-password"),
	}
	confirming := m.Field(fieldKeyConfirm) == "1"
	var keys []ui.Vals
	for _, k := range acct.RootAccessKeys {
		keys = append(keys, ui.Vals{{K: "id", S: k.ID}, {K: "created", S: k.CreatedAt.UTC().Format("2006-01-02 15:04 UTC")},
			{K: "deleteLabel", S: c.T("cred.keys.deleteLabel", "id", k.ID)}})
	}
	s := m.IAM.Secret
	v := ui.Vals{{K: "email", S: acct.Email}, {K: "pwFields", N: fields},
		{K: "pwDone", B: m.Auth.Info == "cred.password.done" && m.Auth.Route == m.UI.Route, N: []ui.Node{pwDoneTpl.Root(c, nil)}},
		{K: "keys", B: len(keys) > 0, L: keys}, {K: "confirm", B: confirming},
		{K: "canCreate", B: !confirming && len(acct.RootAccessKeys) < sim.MaxRootAccessKeys},
		{K: "secret", B: s.User == "root" && s.KeySecret != ""}, {K: "secretID", S: s.KeyID}, {K: "secretKey", S: s.KeySecret}}
	return ui.Render(c, v, rootCredsTpl)
}

// rootCredsClick handles the Access keys section's buttons.
func rootCredsClick(m core.Model, action, arg string) (core.Model, []core.Effect, bool) {
	switch action {
	case "mfa.rootkeyAsk":
		m.IAM.Secret = core.IAMSecret{}
		return m.SetFields(fieldKeyConfirm, "1"), []core.Effect{core.Focus{ID: "cred-key-confirm"}}, true
	case "mfa.rootkeyCancel":
		return m.ClearFields(fieldKeyConfirm), []core.Effect{core.Focus{ID: "cred-key-create"}}, true
	case "mfa.rootkeyCreate":
		var key iam.AccessKey
		var secret string
		w, err := m.World.Do(m.Session, sim.CreateRootAccessKey{Key: &key, Secret: &secret}, m.Env())
		m.World = w
		m = m.ClearFields(fieldKeyConfirm)
		if err != nil {
			m.Notify("error", "mfa.notice.failed", "error", err.Error())
			return m, nil, true
		}
		// The secret is shown once, in the transient part of the model.
		m.IAM.Secret = core.IAMSecret{User: "root", KeyID: key.ID, KeySecret: secret}
		return m, []core.Effect{core.Focus{ID: "cred-key-created"}}, true
	case "mfa.rootkeyDelete":
		w, err := m.World.Do(m.Session, sim.DeleteRootAccessKey{KeyID: arg}, m.Env())
		m.World = w
		if err != nil {
			m.Notify("error", "mfa.notice.failed", "error", err.Error())
		}
		m.IAM.Secret = core.IAMSecret{}
		// The Create button is back (fewer than two keys): focus goes there.
		return m, []core.Effect{core.Focus{ID: "cred-key-create"}}, true
	}
	return m, nil, false
}

// changeRootPassword submits the Password section's form: the sign-up's
// rules are checked here first so each problem is shown at its field.
func changeRootPassword(m core.Model) (core.Model, []core.Effect) {
	acct, _ := m.Account()
	cur, pw, confirm := m.Secrets[fieldPwCurrent], m.Secrets[fieldPwNew], m.Secrets[fieldPwConfirm]
	var problems []account.Problem
	if cur == "" || !acct.RootPassword.Verify(cur) {
		problems = append(problems, account.Problem{Field: "oldPassword", Code: "incorrect"})
	}
	problems = append(problems, account.ValidatePassword(pw, confirm, acct.Email, acct.Name)...)
	if len(problems) == 0 && pw == cur {
		problems = append(problems, account.Problem{Field: account.FieldPassword, Code: "reused"})
	}
	if len(problems) > 0 {
		return m.WithProblems(problems, pwFields, nil)
	}
	w, err := m.World.Do(m.Session, sim.ChangeRootPassword{Old: cur, New: pw, Confirm: confirm}, m.Env())
	m.World = w
	if err != nil {
		m.Notify("error", "mfa.notice.failed", "error", err.Error())
		return m, nil
	}
	m = m.ClearFields(fieldPwCurrent, fieldPwNew, fieldPwConfirm)
	m.Auth = core.AuthState{Info: "cred.password.done", Route: m.UI.Route}
	return m, []core.Effect{core.Focus{ID: "cred-password-done"}}
}
