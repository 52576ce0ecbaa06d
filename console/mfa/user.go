package mfa

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/mfa"
)

// The credentials page and the MFA wizard serve the root user and a
// signed-in IAM user alike: these helpers pick the device list and the
// operations of the session's kind (the root user's own devices, or the
// user's through iam:CreateVirtualMFADevice / iam:EnableMFADevice on
// their own ARN, which their policies allow or deny).

// myDevices returns the signed-in identity's MFA devices.
func myDevices(m core.Model) []mfa.Device {
	acct, ok := m.Account()
	if !ok {
		return nil
	}
	if m.Session.IsIAMUser() {
		u, _ := acct.IAM.User(m.Session.UserName)
		return u.MFA
	}
	return acct.RootMFA
}

// Fields of the IAM user's password change on the credentials page
// (secrets: core.IsSecretField).
const (
	fieldCPOld     = "mfa.cp.old.password"
	fieldCPNew     = "mfa.cp.new.password"
	fieldCPConfirm = "mfa.cp.confirm"
)

// userCredentialsTpl is an IAM user's own security credentials page:
// console password, MFA devices and access keys, each section behind the
// action AWS's page calls.
var userCredentialsTpl = ui.MustParse(`
<section class="page mfa-page" inert="?modal" aria-hidden="?modal:true">
	<h1 id="page-title" tabindex="-1">{t cred.title}</h1>
	<dl class="kv"><dt>{t cred.user.name}</dt><dd>{d user}</dd><dt>{t cred.user.arn}</dt><dd class="mono">{d arn}</dd></dl>
	<section class="container" aria-labelledby="cred-password">
		<h2 id="cred-password">{t cred.user.password}</h2>
		<p if="pwDone" class="alert alert-success" role="status">{t cred.user.pwDone}</p>
		<p if="pwErr" id="cred-pw-error" class="field-error" role="alert">{t =pwErr}</p>
		<form data-form="mfa.changePassword" novalidate aria-labelledby="cred-password">
			{slot pwFields}
			<div class="form-actions"><button type="submit" class="btn btn-normal">{t cred.user.changePassword}</button></div>
		</form>
	</section>
	<section class="container" aria-labelledby="cred-mfa">
		<h2 id="cred-mfa">{t cred.mfa.title}</h2>
		<p>{t cred.mfa.intro}</p>
		<p if="!devices" class="empty">{t cred.user.mfaNone}</p>
		<button if="!devices" type="button" id="cred-mfa-activate" data-action="mfa.start" class="btn btn-primary">{t cred.user.assign}</button>
		<p if="devices">{t cred.mfa.count n=$count}</p>
		<_ if="devices">{slot table}</_>
	</section>
	<section class="container" aria-labelledby="cred-keys">
		<h2 id="cred-keys">{t cred.user.keys}</h2>
		{slot keysDenied}
		<p if="noKeys" class="empty">{t cred.user.noKeys}</p>
		<ul if="keys"><li each="keyList"><span class="mono">{d id}</span> <span>{d status}</span></li></ul>
	</section>
</section>
`)

// userCredentialsPage computes an IAM user's credentials page.
func userCredentialsPage(m core.Model, c i18n.Catalog, modal bool) ui.Node {
	acct, _ := m.Account()
	u, _ := acct.IAM.User(m.Session.UserName)
	devs := u.MFA
	v := ui.Vals{{K: "user", S: u.Name}, {K: "arn", S: u.ARN},
		{K: "devices", B: len(devs) > 0}, {K: "count", S: strconv.Itoa(len(devs))},
		{K: "pwDone", B: m.Field("mfa.cp.done") == "true"}, {K: "modal", B: modal}}
	if e := m.Field("mfa.cp.error"); e != "" {
		v = append(v, ui.V{K: "pwErr", B: true, S: e})
	}
	v = append(v, ui.V{K: "pwFields", N: []ui.Node{
		pwField(m, c, fieldCPOld, "signin.np.old", "current-password"),
		pwField(m, c, fieldCPNew, "signin.np.new", "new-password"),
		pwField(m, c, fieldCPConfirm, "signin.np.confirm", "new-password"),
	}})
	if len(devs) > 0 {
		v = append(v, ui.V{K: "table", N: []ui.Node{devicesTable.Render(c, deviceRows(c, devs))}})
	}
	if res := m.AuthorizePage("iam:ListAccessKeys", u.ARN); res.Decision != sim.Allowed {
		// AWS's message and the Why? (the shell's "access.why" folds it).
		v = append(v, ui.V{K: "keysDenied", N: []ui.Node{core.Denied(c, m, res, "access.why")}})
	} else {
		keys := make([]ui.Vals, 0, len(u.AccessKeys))
		for _, k := range u.AccessKeys {
			keys = append(keys, ui.Vals{{K: "id", S: k.ID}, {K: "status", S: k.Status}})
		}
		v = append(v, ui.V{K: "noKeys", B: len(keys) == 0}, ui.V{K: "keys", B: len(keys) > 0}, ui.V{K: "keyList", L: keys})
	}
	return userCredentialsTpl.Root(c, v)
}

// changeOwnPassword changes the signed-in IAM user's password
// (iam:ChangePassword through the door).
func changeOwnPassword(m core.Model) (core.Model, []core.Effect) {
	m = m.SetFields("mfa.cp.done", "", "mfa.cp.error", "")
	old, pw, confirm := m.Secrets[fieldCPOld], m.Secrets[fieldCPNew], m.Secrets[fieldCPConfirm]
	acct, _ := m.Account()
	c := m.Catalog()
	msg := ""
	switch rules := acct.IAM.PasswordPolicy.Check(pw, acct.Name, acct.Email); {
	case old == "" || pw == "":
		msg = c.T("signup.problem.required")
	case len(rules) > 0:
		msg = c.T("iam.err.pw." + string(rules[0]))
	case pw != confirm:
		msg = c.T("signup.problem.npConfirm.mismatch")
	}
	if msg == "" {
		w, err := m.World.Do(m.Session, sim.ChangePassword{OldPassword: old, NewPassword: pw}, m.Env())
		m.World = w
		if err != nil {
			msg = sim.AccessDeniedMessage(err)
			if msg == "" {
				msg = c.Err(err)
			}
		}
	}
	if msg != "" {
		return m.SetFields("mfa.cp.error", msg), []core.Effect{core.Focus{ID: "cred-pw-error"}}
	}
	s := map[string]string{}
	for k, v := range m.Secrets {
		if k != fieldCPOld && k != fieldCPNew && k != fieldCPConfirm {
			s[k] = v
		}
	}
	m.Secrets = s
	return m.SetFields("mfa.cp.done", "true"), []core.Effect{core.Focus{ID: "cred-password"}}
}

// pwField is a labelled password input.
func pwField(m core.Model, c i18n.Catalog, name, label, autocomplete string) ui.Node {
	f := ui.Field{ID: core.AuthID(name), Name: name, Kind: "password", Value: m.Secrets[name], Label: c.T(label), Autocomplete: autocomplete}
	return f.Render(c)
}
