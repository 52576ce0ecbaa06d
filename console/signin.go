package console

import (
	"labsim/console/core"
	"maps"

	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/awserr"
)

// Sign-in form fields. The MFA page (#/signin-mfa, the MFA area) reads the
// root email from fieldSIEmail and the typed password from
// Model.Secrets[fieldSIPassword]; when the password is missing (after a
// reload) it sends the student back to #/signin/password.
const (
	fieldSIType     = "signin.type" // "root" or "iam"
	fieldSIEmail    = "signin.email"
	fieldSIPassword = "signin.password"
	fieldSIAccount  = "signin.account"
	fieldSIUser     = "signin.user"
	fieldSIIAMPass  = "signin.iam.password"
	fieldSIRecover  = "signin.recoverEmail"
	fieldSISent     = "signin.recoverSent"
	fieldRSPassword = "signin.reset.password"
	fieldRSConfirm  = "signin.reset.password.confirm"
)

// secretSIVerified is the key in Model.Secrets (never saved) of the
// account ID whose root password the sign-in page has just checked; the
// MFA page (#/signin-mfa) works only for that account. It is not a form
// field name, so no typed value can set it.
const secretSIVerified = "signin.passwordVerifiedFor"

// withPasswordVerified returns the model with the password-verified
// marker set to accountID, or removed when accountID is "".
func (m Model) withPasswordVerified(accountID string) Model {
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

// signinArea is root sign-in (#/signin → #/signin/password), the IAM user
// form, password recovery (#/signin/forgot) and the emailed reset link
// (#/signin/reset/<token>). The MFA step is the MFA area's #/signin-mfa.
func signinArea() area {
	return area{pages: []string{"signin"}, public: true, prefix: "signin",
		view: signinView, title: signinTitle, click: signinClick, submit: signinSubmit}
}

// signinTitle is the document title of a sign-in page.
func signinTitle(m Model, c i18n.Catalog, r Route) string {
	switch siPage(m, r) {
	case "password":
		return c.T("signin.root.title")
	case "forgot":
		return c.T("signin.forgot.title")
	case "reset":
		return c.T("signin.reset.title")
	}
	return c.T("signin.title")
}

// siPage is the page a sign-in route shows; the password page needs the
// email from the first page.
func siPage(m Model, r Route) string {
	switch r.Arg {
	case "password":
		if account.ValidEmail(m.field(fieldSIEmail)) {
			return "password"
		}
	case "forgot", "reset":
		return r.Arg
	}
	return ""
}

// siType is the chosen kind of user, root unless IAM user was chosen.
func (m Model) siType() string {
	if m.field(fieldSIType) == "iam" {
		return "iam"
	}
	return "root"
}

// signinSubmit handles the sign-in forms.
func signinSubmit(m Model, form string) (Model, []Effect) {
	if m.Auth.Busy != "" {
		return m, nil
	}
	switch form {
	case "signin.next":
		if m.siType() == "iam" {
			return m.siIAM()
		}
		if p := account.ValidateSignInEmail(m.field(fieldSIEmail)); len(p) > 0 {
			return m.withProblems(p, siEmailFields)
		}
		m.Auth = core.AuthState{}
		m, fx := m.goTo("#/signin/password")
		return m, append(fx, Focus{ID: authID(fieldSIPassword)})
	case "signin.password":
		if m.Secrets[fieldSIPassword] == "" {
			return m.withProblems([]account.Problem{{Field: account.FieldPassword, Code: account.CodeRequired}}, siPasswordFields)
		}
		m.Auth = core.AuthState{Busy: "signin.verify", Route: m.UI.Route}
		return m, []Effect{Next{Msg: Click{Now: m.Now, Action: "signin.verify"}}}
	case "signin.recover":
		return m.siRecover()
	case "signin.reset":
		return m.siResetSubmit()
	}
	return m, nil
}

// signinClick handles the sign-in buttons and the Next messages of slow
// work.
func signinClick(m Model, action, arg string) (Model, []Effect) {
	switch action {
	case "signin.verify":
		return m.siVerify()
	case "signin.resetApply":
		return m.siResetApply()
	case "signin.recoverAgain":
		m = m.setFields(fieldSISent, "")
		return m, []Effect{Focus{ID: authID(fieldSIRecover)}}
	}
	return m, nil
}

// siFailed shows "Authentication failed" on the current page.
func (m Model) siFailed() (Model, []Effect) {
	m.Auth = core.AuthState{Error: "err." + account.CodeAuthenticationFailed, Route: m.UI.Route}
	return m, []Effect{Focus{ID: "signin-error"}}
}

// siVerify checks the root password after the page showed "Signing in…".
// An account with root MFA continues on the MFA page with the password
// kept in the transient secrets; otherwise SignInRoot signs in at once, so
// the password is hashed only once.
func (m Model) siVerify() (Model, []Effect) {
	if m.Auth.Busy != "signin.verify" {
		return m, nil
	}
	email, pw := m.field(fieldSIEmail), m.Secrets[fieldSIPassword]
	m = m.withPasswordVerified("")
	if a, ok := m.World.AccountByEmail(account.Clean(email)); ok && len(a.RootMFA) > 0 {
		if _, err := m.World.CheckRootPassword(email, pw); err != nil {
			w, _ := m.World.Do(m.Session, sim.ConsoleLoginFailure{Email: email}, m.env())
			m.World = w
			return m.siFailed()
		}
		m.Auth = core.AuthState{}
		m = m.withPasswordVerified(a.ID)
		return m.goTo("#/signin-mfa")
	}
	w, err := m.World.Do(m.Session, sim.SignInRoot{Email: email, Password: pw}, m.env())
	m.World = w
	if err != nil {
		return m.siFailed()
	}
	a, _ := w.AccountByEmail(account.Clean(email))
	return m.finishRootSignIn(a, false)
}

// finishRootSignIn starts the root session after a successful SignInRoot,
// forgets the typed password and opens Console Home. The MFA page calls
// it with mfaUsed once its code is accepted.
func (m Model) finishRootSignIn(a sim.Account, mfaUsed bool) (Model, []Effect) {
	m.Session = sim.RootSession(a, m.Now, mfaUsed)
	secrets := maps.Clone(m.Secrets)
	delete(secrets, fieldSIPassword)
	delete(secrets, secretSIVerified)
	m.Secrets = secrets
	m.Auth = core.AuthState{}
	return m.goTo("#/")
}

// siPasswordRefused goes back to the password page with "Authentication
// failed" after a later step found the root password wrong: the password
// was changed after it was checked, or reset meanwhile.
func (m Model) siPasswordRefused() (Model, []Effect) {
	m = m.withPasswordVerified("")
	secrets := maps.Clone(m.Secrets)
	delete(secrets, fieldSIPassword)
	m.Secrets = secrets
	m, fx := m.goTo(hashSigninPassword)
	m.Auth = core.AuthState{Error: "err." + account.CodeAuthenticationFailed, Route: m.UI.Route}
	return m, append(fx, Focus{ID: "signin-error"})
}

// siIAM answers an IAM user sign-in. IAM users arrive with a later part of
// the simulator; until then no user exists, so every complete attempt is
// refused like a wrong password (and logged).
func (m Model) siIAM() (Model, []Effect) {
	var p []account.Problem
	for _, f := range []struct{ prob, field string }{
		{probSIAccount, fieldSIAccount}, {probSIUser, fieldSIUser}, {probSIPassword, fieldSIIAMPass},
	} {
		v := m.field(f.field)
		if isSecretField(f.field) {
			v = m.Secrets[f.field]
		}
		if account.Clean(v) == "" {
			p = append(p, account.Problem{Field: f.prob, Code: account.CodeRequired})
		}
	}
	if len(p) > 0 {
		return m.withProblems(p, siIAMFields)
	}
	w, _ := m.World.Do(m.Session, sim.ConsoleLoginFailure{AccountID: account.Clean(m.field(fieldSIAccount)),
		UserName: account.Clean(m.field(fieldSIUser))}, m.env())
	m.World = w
	return m.siFailed()
}

// siRecover mails a reset link (Forgot password?).
func (m Model) siRecover() (Model, []Effect) {
	email := m.field(fieldSIRecover)
	if p := account.ValidateSignInEmail(email); len(p) > 0 {
		return m.withProblems(p, siRecoverFields)
	}
	w, err := m.World.Do(m.Session, sim.RequestPasswordReset{Email: email}, m.env())
	m.World = w
	m.Auth = core.AuthState{}
	if err != nil {
		m.notify("error", "signup.failed")
		return m, nil
	}
	m = m.setFields(fieldSISent, account.NormalizeEmail(email))
	return m, []Effect{Focus{ID: "page-title"}}
}

// siResetSubmit checks the new password, then hashes it after the page
// showed that it is busy.
func (m Model) siResetSubmit() (Model, []Effect) {
	a, err := m.World.ResetLink(m.route().Rest, m.Now)
	if err != nil {
		return m, nil
	}
	if p := account.ValidatePassword(m.Secrets[fieldRSPassword], m.Secrets[fieldRSConfirm], a.Email, a.Name); len(p) > 0 {
		return m.withProblems(p, siResetFields)
	}
	m.Auth = core.AuthState{Busy: "signin.reset", Route: m.UI.Route}
	return m, []Effect{Next{Msg: Click{Now: m.Now, Action: "signin.resetApply"}}}
}

// siResetApply sets the new password and returns to sign-in.
func (m Model) siResetApply() (Model, []Effect) {
	if m.Auth.Busy != "signin.reset" {
		return m, nil
	}
	token := m.route().Rest
	a, _ := m.World.ResetLink(token, m.Now)
	w, err := m.World.Do(m.Session, sim.ResetRootPassword{Token: token, Password: m.Secrets[fieldRSPassword]}, m.env())
	m.World = w
	m.Auth = core.AuthState{}
	if err != nil {
		if p, ok := sim.ProblemOf(err); ok {
			return m.withProblems([]account.Problem{p}, siResetFields)
		}
		if awserr.Code(err) == awserr.InvalidInput {
			return m, []Effect{Focus{ID: "page-title"}}
		}
		m.notify("error", "signup.failed")
		return m, nil
	}
	secrets := maps.Clone(m.Secrets)
	delete(secrets, fieldRSPassword)
	delete(secrets, fieldRSConfirm)
	delete(secrets, fieldSIPassword)
	m.Secrets = secrets
	m = m.setFields(fieldSIEmail, a.Email, fieldSIType, "root", fieldSISent, "")
	m, fx := m.goTo("#/signin/password")
	m.Auth = core.AuthState{Info: "signin.reset.done", Route: m.UI.Route}
	return m, append(fx, Focus{ID: authID(fieldSIPassword)})
}
