package signin

import (
	"maps"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/textin"
)

// Sign-in form fields. The MFA page (#/signin-mfa, the MFA area) reads the
// root email from fieldSIEmail and the typed password from
// core.Model.Secrets[fieldSIPassword]; when the password is missing (after a
// reload) it sends the student back to #/signin/password.
const (
	fieldSIType     = core.FieldSigninType // "root" or "iam"
	fieldSIEmail    = core.FieldSigninEmail
	fieldSIPassword = "signin.password"
	fieldSIAccount  = "signin.account"
	fieldSIUser     = "signin.user"
	fieldSIIAMPass  = "signin.iam.password"
	fieldSIRecover  = "signin.recoverEmail"
	fieldSISent     = "signin.recoverSent"
	fieldRSPassword = "signin.reset.password"
	fieldRSConfirm  = "signin.reset.password.confirm"
)

// secretSIVerified is the key in core.Model.Secrets (never saved) of the
// account ID whose root password the sign-in page has just checked; the
// MFA page (#/signin-mfa) works only for that account. It is not a form
// field name, so no typed value can set it.
const secretSIVerified = "signin.passwordVerifiedFor"

// withPasswordVerified returns the model with the password-verified
// marker set to accountID, or removed when accountID is "".
func withPasswordVerified(m core.Model, accountID string) core.Model {
	s := maps.Clone(m.Secrets)
	if s == nil {
		s = map[string]string{}
	}
	if accountID == "" {
		delete(s, secretSIVerified)
	} else {
		s[secretSIVerified] = accountID
	}
	m.Secrets = s
	return m
}

// Problem fields of the sign-in pages that are not sign-up fields.
const (
	probSIAccount  = "iamAccount"
	probSIUser     = "iamUser"
	probSIPassword = "iamPassword"
)

// Problem field → form field on the sign-in pages.
var (
	siEmailFields    = map[string]string{account.FieldEmail: fieldSIEmail}
	siPasswordFields = map[string]string{account.FieldPassword: fieldSIPassword}
	siIAMFields      = map[string]string{probSIAccount: fieldSIAccount, probSIUser: fieldSIUser, probSIPassword: fieldSIIAMPass}
	siRecoverFields  = map[string]string{account.FieldEmail: fieldSIRecover}
	siResetFields    = map[string]string{account.FieldPassword: fieldRSPassword, account.FieldConfirmPassword: fieldRSConfirm}
)

// Area is root sign-in (#/signin → #/signin/password), the IAM user
// form, password recovery (#/signin/forgot) and the emailed reset link
// (#/signin/reset/<token>). The MFA step is MFAArea's #/signin-mfa.
func Area() core.Area {
	return core.Area{Pages: []string{"signin"}, Public: true, Prefix: "signin",
		View: signinView, Title: signinTitle, Click: signinClick, Submit: signinSubmit, Enter: signinEnter}
}

// signinTitle is the document title of a sign-in page.
func signinTitle(m core.Model, c i18n.Catalog, r core.Route) string {
	switch siPage(m, r) {
	case "password":
		return c.T("signin.root.title")
	case "forgot":
		return c.T("signin.forgot.title")
	case "reset":
		return c.T("signin.reset.title")
	case argIAMMFA:
		return c.T("signinmfa.title")
	case argNewPassword:
		return c.T("signin.np.title")
	}
	return c.T("signin.title")
}

// siPage is the page a sign-in route shows; the password page needs the
// email from the first page.
func siPage(m core.Model, r core.Route) string {
	switch r.Arg {
	case "password":
		if account.ValidEmail(m.Field(fieldSIEmail)) {
			return "password"
		}
	case "forgot", "reset", argIAMMFA, argNewPassword:
		return r.Arg
	}
	return ""
}

// siType is the chosen kind of user, root unless IAM user was chosen.
func siType(m core.Model) string {
	if m.Field(fieldSIType) == "iam" {
		return "iam"
	}
	return "root"
}

// signinSubmit handles the sign-in forms.
func signinSubmit(m core.Model, form string) (core.Model, []core.Effect) {
	if m.Auth.Busy != "" {
		return m, nil
	}
	switch form {
	case "signin.next":
		if siType(m) == "iam" {
			return siIAM(m)
		}
		if p := account.ValidateSignInEmail(m.Field(fieldSIEmail)); len(p) > 0 {
			return m.WithProblems(p, siEmailFields, nil)
		}
		m.Auth = core.AuthState{}
		m, fx := m.GoTo("#/signin/password")
		return m, append(fx, core.Focus{ID: core.AuthID(fieldSIPassword)})
	case "signin.password":
		if m.Secrets[fieldSIPassword] == "" {
			return m.WithProblems([]account.Problem{{Field: account.FieldPassword, Code: account.CodeRequired}}, siPasswordFields, nil)
		}
		m.Auth = core.AuthState{Busy: "signin.verify", Route: m.UI.Route}
		return m, []core.Effect{core.Next{Msg: core.Click{Now: m.Now, Action: "signin.verify"}}}
	case "signin.recover":
		return siRecover(m)
	case "signin.reset":
		return siResetSubmit(m)
	case "signin.iamMfa":
		return siIAMMFASubmit(m)
	case "signin.newPassword":
		return siNewPasswordSubmit(m)
	}
	return m, nil
}

// signinClick handles the sign-in buttons and the Next messages of slow
// work.
func signinClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	switch action {
	case "signin.verify":
		return siVerify(m)
	case "signin.iamVerify":
		return siIAMVerify(m)
	case "signin.resetApply":
		return siResetApply(m)
	case "signin.recoverAgain":
		m = m.SetFields(fieldSISent, "")
		return m, []core.Effect{core.Focus{ID: core.AuthID(fieldSIRecover)}}
	}
	return m, nil
}

// siFailed shows "Authentication failed" on the current page.
func siFailed(m core.Model) (core.Model, []core.Effect) {
	m.Auth = core.AuthState{Error: "err." + account.CodeAuthenticationFailed, Route: m.UI.Route}
	return m, []core.Effect{core.Focus{ID: "signin-error"}}
}

// siVerify checks the root password after the page showed "Signing in…".
// An account with root MFA continues on the MFA page with the password
// kept in the transient secrets; otherwise SignInRoot signs in at once, so
// the password is hashed only once.
func siVerify(m core.Model) (core.Model, []core.Effect) {
	if m.Auth.Busy != "signin.verify" {
		return m, nil
	}
	email, pw := m.Field(fieldSIEmail), m.Secrets[fieldSIPassword]
	m = withPasswordVerified(m, "")
	if a, ok := m.World.AccountByEmail(account.Clean(email)); ok && len(a.RootMFA) > 0 {
		if _, err := m.World.CheckRootPassword(email, pw); err != nil {
			w, _ := m.World.Do(m.Session, sim.ConsoleLoginFailure{Email: email}, m.Env())
			m.World = w
			return siFailed(m)
		}
		m.Auth = core.AuthState{}
		m = withPasswordVerified(m, a.ID)
		return m.GoTo("#/signin-mfa")
	}
	w, err := m.World.Do(m.Session, sim.SignInRoot{Email: email, Password: pw}, m.Env())
	m.World = w
	if err != nil {
		return siFailed(m)
	}
	a, _ := w.AccountByEmail(account.Clean(email))
	return finishRootSignIn(m, a, false)
}

// finishRootSignIn starts the root session after a successful SignInRoot,
// forgets the typed password and opens Console Home. The MFA page calls
// it with mfaUsed once its code is accepted.
func finishRootSignIn(m core.Model, a sim.Account, mfaUsed bool) (core.Model, []core.Effect) {
	m.Session = sim.RootSession(a, m.Now, mfaUsed)
	secrets := maps.Clone(m.Secrets)
	delete(secrets, fieldSIPassword)
	delete(secrets, secretSIVerified)
	m.Secrets = secrets
	m.Auth = core.AuthState{}
	return m.GoTo("#/")
}

// siPasswordRefused goes back to the password page with "Authentication
// failed" after a later step found the root password wrong: the password
// was changed after it was checked, or reset meanwhile.
func siPasswordRefused(m core.Model) (core.Model, []core.Effect) {
	m = withPasswordVerified(m, "")
	secrets := maps.Clone(m.Secrets)
	delete(secrets, fieldSIPassword)
	m.Secrets = secrets
	m, fx := m.GoTo(hashSigninPassword)
	m.Auth = core.AuthState{Error: "err." + account.CodeAuthenticationFailed, Route: m.UI.Route}
	return m, append(fx, core.Focus{ID: "signin-error"})
}

// siIAM checks that the IAM user form is complete, then checks the
// password (siIAMVerify) after the page showed that it is busy.
func siIAM(m core.Model) (core.Model, []core.Effect) {
	var p []account.Problem
	for _, f := range []struct{ prob, field string }{
		{probSIAccount, fieldSIAccount}, {probSIUser, fieldSIUser}, {probSIPassword, fieldSIIAMPass},
	} {
		v := m.Field(f.field)
		if core.IsSecretField(f.field) {
			v = m.Secrets[f.field]
		}
		base, bad := textin.Check(account.Clean(v))
		switch {
		case account.Clean(v) == "" || bad && base.Code == textin.CodeInvisibleOnly:
			p = append(p, account.Problem{Field: f.prob, Code: account.CodeRequired})
		case bad && f.field != fieldSIIAMPass:
			// A character no account, alias or user name has is named
			// next to its field rather than tried as a sign-in.
			p = append(p, account.Problem{Field: f.prob, Code: account.CodeInvalidChar, Params: map[string]string{"char": base.Char}})
		}
	}
	if len(p) > 0 {
		return m.WithProblems(p, siIAMFields, nil)
	}
	m.Auth = core.AuthState{Busy: "signin.iamVerify", Route: m.UI.Route}
	return m, []core.Effect{core.Next{Msg: core.Click{Now: m.Now, Action: "signin.iamVerify"}}}
}

// siRecover mails a reset link (Forgot password?).
func siRecover(m core.Model) (core.Model, []core.Effect) {
	email := m.Field(fieldSIRecover)
	if p := account.ValidateSignInEmail(email); len(p) > 0 {
		return m.WithProblems(p, siRecoverFields, nil)
	}
	w, err := m.World.Do(m.Session, sim.RequestPasswordReset{Email: email}, m.Env())
	m.World = w
	m.Auth = core.AuthState{}
	if err != nil {
		m.Notify("error", "signup.failed")
		return m, nil
	}
	m = m.SetFields(fieldSISent, account.NormalizeEmail(email))
	return m, []core.Effect{core.Focus{ID: "page-title"}}
}

// siResetSubmit checks the new password, then hashes it after the page
// showed that it is busy.
func siResetSubmit(m core.Model) (core.Model, []core.Effect) {
	a, err := m.World.ResetLink(m.Route().Rest, m.Now)
	if err != nil {
		return m, nil
	}
	if p := account.ValidatePassword(m.Secrets[fieldRSPassword], m.Secrets[fieldRSConfirm], a.Email, a.Name); len(p) > 0 {
		return m.WithProblems(p, siResetFields, nil)
	}
	m.Auth = core.AuthState{Busy: "signin.reset", Route: m.UI.Route}
	return m, []core.Effect{core.Next{Msg: core.Click{Now: m.Now, Action: "signin.resetApply"}}}
}

// siResetApply sets the new password and returns to sign-in.
func siResetApply(m core.Model) (core.Model, []core.Effect) {
	if m.Auth.Busy != "signin.reset" {
		return m, nil
	}
	token := m.Route().Rest
	a, _ := m.World.ResetLink(token, m.Now)
	w, err := m.World.Do(m.Session, sim.ResetRootPassword{Token: token, Password: m.Secrets[fieldRSPassword]}, m.Env())
	m.World = w
	m.Auth = core.AuthState{}
	if err != nil {
		if p, ok := sim.ProblemOf(err); ok {
			return m.WithProblems([]account.Problem{p}, siResetFields, nil)
		}
		if awserr.Code(err) == awserr.InvalidInput {
			return m, []core.Effect{core.Focus{ID: "page-title"}}
		}
		m.Notify("error", "signup.failed")
		return m, nil
	}
	secrets := maps.Clone(m.Secrets)
	delete(secrets, fieldRSPassword)
	delete(secrets, fieldRSConfirm)
	delete(secrets, fieldSIPassword)
	m.Secrets = secrets
	m = m.SetFields(fieldSIEmail, a.Email, fieldSIType, "root", fieldSISent, "")
	m, fx := m.GoTo("#/signin/password")
	m.Auth = core.AuthState{Info: "signin.reset.done", Route: m.UI.Route}
	return m, append(fx, core.Focus{ID: core.AuthID(fieldSIPassword)})
}
