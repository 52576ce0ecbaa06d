package signin

import (
	"maps"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// IAM user sign-in routes of the sign-in area:
//
//	#/signin/<id-or-alias>    the account's sign-in URL (IAM user form, account filled in)
//	#/signin/iam-mfa          the MFA code of an IAM user with a device
//	#/signin/new-password     the new password at first sign-in
const (
	argIAMMFA      = "iam-mfa"
	argNewPassword = "new-password"
)

// Fields of the IAM user pages. The code and the passwords are secrets
// (core.IsSecretField).
const (
	fieldSIRemember   = "signin.remember"
	fieldSIIAMCode    = "signin.iam.code"
	fieldNPOld        = "signin.np.old.password"
	fieldNPNew        = "signin.np.new.password"
	fieldNPConfirm    = "signin.np.confirm"
	probNPOld         = "npOld"
	probNPNew         = "npNew"
	probNPConfirm     = "npConfirm"
	probIAMCode       = "iamCode"
	secretSIUserCheck = "signin.userVerifiedFor"
)

var (
	npFields      = map[string]string{probNPOld: fieldNPOld, probNPNew: fieldNPNew, probNPConfirm: fieldNPConfirm}
	iamCodeFields = map[string]string{probIAMCode: fieldSIIAMCode}
)

// SignInURL is the in-app route standing for the account's sign-in URL
// for IAM users (https://<id or alias>.signin.aws.amazon.com/console).
func SignInURL(idOrAlias string) string { return "#/signin/" + idOrAlias }

// reservedArg reports whether a sign-in route argument names a page of
// its own rather than an account.
func reservedArg(arg string) bool {
	switch arg {
	case "", "password", "forgot", "reset", argIAMMFA, argNewPassword:
		return true
	}
	return false
}

// signinEnter fills in the account of a sign-in URL and chooses IAM user.
func signinEnter(m core.Model, r core.Route) (core.Model, []core.Effect) {
	if reservedArg(r.Arg) || r.Rest != "" {
		return m, nil
	}
	if m.Field(fieldSIAccount) != r.Arg || m.Field(fieldSIType) != "iam" {
		m = m.SetFields(fieldSIType, "iam", fieldSIAccount, r.Arg, fieldSIRemember, "true")
	}
	return m, nil
}

// userCheckKey is the transient marker of a checked IAM user password.
func userCheckKey(accountID, user string) string { return accountID + "/" + user }

// siIAMVerify checks an IAM user's sign-in after the page showed that it
// is busy. A wrong account, user or password is logged and gets AWS's one
// message; a user with an MFA device continues on #/signin/iam-mfa.
func siIAMVerify(m core.Model) (core.Model, []core.Effect) {
	if m.Auth.Busy != "signin.iamVerify" {
		return m, nil
	}
	acct, user, pw := m.Field(fieldSIAccount), m.Field(fieldSIUser), m.Secrets[fieldSIIAMPass]
	m.Auth = core.AuthState{}
	a, u, err := m.World.CheckUserPassword(acct, user, pw)
	if err != nil {
		w, _ := m.World.Do(m.Session, sim.ConsoleLoginFailure{AccountID: account.Clean(acct), UserName: account.Clean(user)}, m.Env())
		m.World = w
		return siFailed(m)
	}
	if len(u.MFA) > 0 {
		m = withSecret(m, secretSIUserCheck, userCheckKey(a.ID, u.Name))
		m, fx := m.GoTo("#/signin/" + argIAMMFA)
		return m, append(fx, core.Focus{ID: core.AuthID(fieldSIIAMCode)})
	}
	w, err := m.World.Do(m.Session, sim.SignInUser{Account: acct, UserName: user, Password: pw}, m.Env())
	m.World = w
	if err != nil {
		return siFailed(m)
	}
	return finishUserSignIn(m, a, u, false)
}

// withSecret returns the model with a transient secret set ("" removes it).
func withSecret(m core.Model, k, v string) core.Model {
	s := maps.Clone(m.Secrets)
	if s == nil {
		s = map[string]string{}
	}
	if v == "" {
		delete(s, k)
	} else {
		s[k] = v
	}
	m.Secrets = s
	return m
}

// finishUserSignIn starts the IAM user's session, forgets what was typed
// (and the account unless "Remember this account" is ticked) and opens
// Console Home, or the new-password page when the user must change it.
func finishUserSignIn(m core.Model, a sim.Account, u iam.User, mfaUsed bool) (core.Model, []core.Effect) {
	m.Session = sim.UserSession(a, u, m.Now, mfaUsed)
	for _, k := range []string{fieldSIIAMPass, fieldSIIAMCode, secretSIUserCheck, fieldSIPassword, secretSIVerified} {
		m = withSecret(m, k, "")
	}
	m.Auth = core.AuthState{}
	if m.Field(fieldSIRemember) != "true" {
		m = m.SetFields(fieldSIAccount, "")
	}
	m = m.SetFields(fieldSIUser, "")
	if m.World.PasswordChangeRequired(a.ID, u.Name, m.Now) {
		m, fx := m.GoTo("#/signin/" + argNewPassword)
		return m, append(fx, core.Focus{ID: core.AuthID(fieldNPOld)})
	}
	return m.GoTo("#/")
}

// pendingUser returns the account and user whose password the sign-in
// page has just checked, when the MFA step may continue.
func pendingUser(m core.Model) (sim.Account, iam.User, bool) {
	a, ok := m.World.AccountByIDOrAlias(m.Field(fieldSIAccount))
	if !ok || m.Secrets[fieldSIIAMPass] == "" {
		return sim.Account{}, iam.User{}, false
	}
	u, ok := a.IAM.User(m.Field(fieldSIUser))
	return a, u, ok && len(u.MFA) > 0 && m.Secrets[secretSIUserCheck] == userCheckKey(a.ID, u.Name)
}

// siIAMMFASubmit signs the IAM user in with the MFA code (the same code
// rules as root: a current code of one of the user's devices, never one
// already used).
func siIAMMFASubmit(m core.Model) (core.Model, []core.Effect) {
	a, u, ok := pendingUser(m)
	if !ok {
		return m.GoTo("#/signin")
	}
	code := core.TypedCode(m.Secrets[fieldSIIAMCode])
	if code == "" {
		return m.WithProblems([]account.Problem{{Field: probIAMCode, Code: account.CodeRequired}}, iamCodeFields, nil)
	}
	w, err := m.World.Do(m.Session, sim.SignInUser{Account: a.ID, UserName: u.Name, Password: m.Secrets[fieldSIIAMPass], MFACode: code}, m.Env())
	m.World = w
	if err != nil {
		m = withSecret(m, fieldSIIAMCode, "")
		if awserr.Code(err) == account.CodeAuthenticationFailed {
			m = withSecret(m, secretSIUserCheck, "")
			m, fx := m.GoTo("#/signin")
			m.Auth = core.AuthState{Error: "err." + account.CodeAuthenticationFailed, Route: m.UI.Route}
			return m, append(fx, core.Focus{ID: "signin-error"})
		}
		m.Auth = core.AuthState{Error: "signin.iam.mfaFailed", Route: m.UI.Route}
		return m, []core.Effect{core.Focus{ID: "signin-error"}}
	}
	return finishUserSignIn(m, a, u, true)
}

// deniedNP marks a new password the signed-in user's policies denied
// (iam:ChangePassword); whyNP folds and unfolds its Why?.
const (
	deniedNP = "signin.np.denied"
	whyNP    = "signin.whyNP"
)

// siNewPasswordSubmit changes the password at first sign-in: the old
// password, a new one the account's password policy accepts, typed twice;
// iam:ChangePassword goes through the door as the user, so a policy can
// deny it.
func siNewPasswordSubmit(m core.Model) (core.Model, []core.Effect) {
	if !m.Session.IsIAMUser() {
		return m.GoTo("#/signin")
	}
	old, pw, confirm := m.Secrets[fieldNPOld], m.Secrets[fieldNPNew], m.Secrets[fieldNPConfirm]
	var p []account.Problem
	if old == "" {
		p = append(p, account.Problem{Field: probNPOld, Code: account.CodeRequired})
	}
	a, _ := m.Account()
	if rules := a.IAM.PasswordPolicy.Check(pw, a.Name, a.Email); pw == "" {
		p = append(p, account.Problem{Field: probNPNew, Code: account.CodeRequired})
	} else if len(rules) > 0 {
		p = append(p, account.Problem{Field: probNPNew, Code: "refused", Params: map[string]string{"error": m.Catalog().T("iam.err.pw." + string(rules[0]))}})
	}
	if pw != confirm {
		p = append(p, account.Problem{Field: probNPConfirm, Code: "mismatch"})
	}
	if len(p) > 0 {
		return m.WithProblems(p, npFields, nil)
	}
	w, err := m.World.Do(m.Session, sim.ChangePassword{OldPassword: old, NewPassword: pw}, m.Env())
	m.World = w
	if err != nil {
		var prob account.Problem
		switch e, _ := awserr.As(err); {
		case e != nil && e.Param("reason") == "oldPassword":
			prob = account.Problem{Field: probNPOld, Code: "wrong"}
		case e != nil && e.Param("reason") == "samePassword":
			prob = account.Problem{Field: probNPNew, Code: "same"}
		case awserr.Code(err) == awserr.AccessDenied:
			m.Auth = core.AuthState{Error: deniedNP, Route: m.UI.Route}
			return m, []core.Effect{core.Focus{ID: "signin-error"}}
		default:
			prob = account.Problem{Field: probNPNew, Code: "refused", Params: map[string]string{"error": m.Catalog().Err(err)}}
		}
		return m.WithProblems([]account.Problem{prob}, npFields, nil)
	}
	for _, k := range []string{fieldNPOld, fieldNPNew, fieldNPConfirm} {
		m = withSecret(m, k, "")
	}
	m.Notify("success", "signin.np.done")
	return m.GoTo("#/")
}

// iamCard is the MFA step and the new-password page of an IAM user.
var iamCard = ui.MustParse(`
<div>
	<h1 id="page-title" tabindex="-1">{t $title}</h1>
	<div if="error" id="signin-error" class="alert alert-error" role="alert" tabindex="-1"><p class="alert-title">{t signin.failed.title}</p><p>{t $error}</p></div>
	<div if="denied" id="signin-error" tabindex="-1">{slot denied}</div>
	<p if="expired" role="alert">{t signinmfa.expired}</p>
	<p if="intro">{t $intro}</p>
	<dl if="user" class="kv"><dt>{t signin.iam.user}</dt><dd>{d user}</dd><dt>{t signin.iam.accountShort}</dt><dd>{d account}</dd></dl>
	<form if="form" data-form="$form" novalidate aria-labelledby="page-title">
		{slot fields}
		<div class="form-actions">{slot submit}</div>
	</form>
	<p><a href="#/signin">{t signin.back}</a></p>
</div>`)

// siIAMMFAPage asks an IAM user's MFA code.
func siIAMMFAPage(m core.Model, c i18n.Catalog) ui.Node {
	a, u, ok := pendingUser(m)
	v := ui.Vals{{K: "title", S: "signinmfa.title"}, {K: "error", B: m.Auth.Error != "" && m.Auth.Route == m.UI.Route, S: m.Auth.Error}}
	if !ok {
		return iamCard.Root(c, append(v, ui.V{K: "expired", B: true}))
	}
	f := core.NewAuthForm(m, c, iamCodeFields)
	return iamCard.Root(c, append(v, ui.V{K: "intro", B: true, S: "signinmfa.intro"},
		ui.V{K: "user", B: true, S: u.Name}, ui.V{K: "account", S: accountLabel(a)},
		ui.V{K: "form", B: true, S: "signin.iamMfa"},
		ui.V{K: "fields", N: []ui.Node{f.Input(fieldSIIAMCode, "signinmfa.code", "", "text", "one-time-code", ui.A("inputmode", "numeric"))}},
		ui.V{K: "submit", N: []ui.Node{f.Submit("signinmfa.submit", "", false)}}))
}

// siNewPasswordPage asks for a new password at first sign-in.
func siNewPasswordPage(m core.Model, c i18n.Catalog) ui.Node {
	v := ui.Vals{{K: "title", S: "signin.np.title"}, {K: "error", B: m.Auth.Error != "" && m.Auth.Route == m.UI.Route, S: m.Auth.Error}}
	if !m.Session.IsIAMUser() {
		return iamCard.Root(c, append(v, ui.V{K: "expired", B: true}))
	}
	if m.Auth.Error == deniedNP && m.Auth.Route == m.UI.Route {
		// AWS's access-denied message with the Why? of every denial, in
		// place of the sign-in error (while the policy still denies it).
		if res := m.AuthorizePage("iam:ChangePassword", m.Session.Principal); res.Decision != sim.Allowed {
			v = ui.Vals{{K: "title", S: "signin.np.title"}, {K: "denied", B: true, N: []ui.Node{core.Denied(c, m, res, whyNP)}}}
		}
	}
	a, _ := m.Account()
	f := core.NewAuthForm(m, c, npFields)
	pol := a.IAM.PasswordPolicy
	return iamCard.Root(c, append(v, ui.V{K: "intro", B: true, S: "signin.np.intro"},
		ui.V{K: "user", B: true, S: m.Session.UserName}, ui.V{K: "account", S: accountLabel(a)},
		ui.V{K: "form", B: true, S: "signin.newPassword"},
		ui.V{K: "fields", N: []ui.Node{
			f.Input(fieldNPOld, "signin.np.old", "", "password", "current-password"),
			f.Input(fieldNPNew, "signin.np.new", "", "password", "new-password", ui.A("aria-describedby", "np-rules")),
			ui.El("p", ui.ID("np-rules"), ui.Class("field-hint"), ui.Text(c.T("signin.np.rules", "min", itoa(pol.MinimumLength())))),
			f.Input(fieldNPConfirm, "signin.np.confirm", "", "password", "new-password")}},
		ui.V{K: "submit", N: []ui.Node{f.Submit("signin.np.submit", "", false)}}))
}

// accountLabel is the account as the IAM user pages name it: its alias,
// else its dashed ID.
func accountLabel(a sim.Account) string {
	if a.Alias != "" {
		return a.Alias
	}
	return core.DashedID(a.ID)
}

// itoa formats a small non-negative number.
func itoa(n int) string {
	if n <= 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
