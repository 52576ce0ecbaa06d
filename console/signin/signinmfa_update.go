package signin

import (
	"errors"
	"maps"

	"labsim/console/core"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// errSigninMFAFormat marks a code that is not 6 digits; it is refused
// before the world is asked, as AWS's page does.
var errSigninMFAFormat = errors.New("signin-mfa: the code is not 6 digits")

// signinMFAIsFormat reports whether err is a format error of a code.
func signinMFAIsFormat(err error) bool {
	if errors.Is(err, errSigninMFAFormat) {
		return true
	}
	e, ok := awserr.As(err)
	return ok && e.Code == awserr.ValidationError
}

// signinMFASixDigits reports whether s is exactly six ASCII digits.
func signinMFASixDigits(s string) bool {
	if len(s) != mfa.Digits {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// signinMFAClick handles the MFA sign-in pages' buttons. "verify" and
// "altVerify" arrive through Next, after the page has shown that it is
// busy: checking the password hash takes about a second in the browser.
func signinMFAClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	switch action {
	case "signinmfa.verify":
		return signinMFAVerify(m)
	case "signinmfa.cancel":
		m = withPasswordVerified(signinMFAForget(m), "")
		secrets := maps.Clone(m.Secrets)
		delete(secrets, fieldSIPassword)
		m.Secrets = secrets
		return m.Go("#/signin")
	case "signinmfa.alternative":
		m.MFA.Recovery = ""
		return m.Go(hashSigninMFAAlt)
	case "signinmfa.sendEmail":
		acct, ok := signinMFAAccount(m)
		if !ok {
			return m, nil
		}
		w, err := m.World.Do(m.Session, sim.SendRootRecoveryEmail{Email: acct.Email}, m.Env())
		m.World = w
		if err == nil {
			m.MFA.Recovery = "email-sent"
			m.MFA.Errors = nil
			m = m.ClearFields(fieldSigninMFAEmailCode)
		}
		return m, []core.Effect{core.Focus{ID: "page-title"}}
	case "signinmfa.call":
		acct, ok := signinMFAAccount(m)
		if !ok {
			return m, nil
		}
		op := sim.CallRootRecoveryPhone{Email: acct.Email, EmailCode: core.TypedCode(m.Field(fieldSigninMFAEmailCode))}
		w, err := m.World.Do(m.Session, op, m.Env())
		m.World = w
		if err != nil {
			// The emailed code expired or was replaced: verify again.
			m.MFA.Recovery = "email-sent"
			m = m.SetMFAErrors(map[string]error{fieldSigninMFAEmailCode: err})
			return m, []core.Effect{core.Focus{ID: "signinmfa-emailcode"}}
		}
		m.MFA.Recovery = "called"
		return m, []core.Effect{core.Focus{ID: "signinmfa-pin"}}
	case "signinmfa.altSignin":
		if m.MFA.Busy != "" {
			return m, nil
		}
		m.MFA.Busy = "alternative"
		return m, []core.Effect{core.Next{Msg: core.Click{Now: m.Now, Action: "signinmfa.altVerify"}}}
	case "signinmfa.altVerify":
		return signinMFAAlternativeVerify(m)
	}
	return m, nil
}

// signinMFASubmit handles the MFA sign-in pages' forms.
func signinMFASubmit(m core.Model, form string) (core.Model, []core.Effect) {
	switch form {
	case "signinmfa.submit":
		if m.MFA.Busy != "" {
			return m, nil
		}
		if !signinMFASixDigits(core.TypedCode(m.Field(fieldSigninMFACode))) {
			m = m.SetMFAErrors(map[string]error{fieldSigninMFACode: errSigninMFAFormat})
			return m, []core.Effect{core.Focus{ID: "signinmfa-code"}}
		}
		m.MFA.Busy = "signin"
		return m, []core.Effect{core.Next{Msg: core.Click{Now: m.Now, Action: "signinmfa.verify"}}}
	case "signinmfa.verifyEmail":
		acct, ok := signinMFAAccount(m)
		if !ok {
			return m, nil
		}
		code := core.TypedCode(m.Field(fieldSigninMFAEmailCode))
		if !signinMFASixDigits(code) {
			m = m.SetMFAErrors(map[string]error{fieldSigninMFAEmailCode: errSigninMFAFormat})
			return m, []core.Effect{core.Focus{ID: "signinmfa-emailcode"}}
		}
		if _, err := m.World.CheckRootRecoveryEmail(acct.Email, code, m.Now); err != nil {
			m = m.SetMFAErrors(map[string]error{fieldSigninMFAEmailCode: err})
			return m, []core.Effect{core.Focus{ID: "signinmfa-emailcode"}}
		}
		m.MFA.Recovery = "email-verified"
		m.MFA.Errors = nil
		return m, []core.Effect{core.Focus{ID: signinMFACallID}}
	}
	return m, nil
}

// signinMFAVerify signs in with the password and the MFA code
// (sim.SignInRoot); the session records when MFA was used.
func signinMFAVerify(m core.Model) (core.Model, []core.Effect) {
	m.MFA.Busy = ""
	acct, ok := signinMFAAccount(m)
	if !ok {
		return m, nil
	}
	op := sim.SignInRoot{Email: acct.Email, Password: m.Secrets[fieldSIPassword],
		MFACode: core.TypedCode(m.Field(fieldSigninMFACode))}
	w, err := m.World.Do(m.Session, op, m.Env())
	m.World = w
	if awserr.Code(err) == account.CodeAuthenticationFailed {
		// The password, not the MFA code, was refused.
		return siPasswordRefused(signinMFAForget(m))
	}
	if err != nil {
		m.MFA.Failures++
		m = m.SetMFAErrors(map[string]error{fieldSigninMFACode: err})
		return m, []core.Effect{core.Focus{ID: "signinmfa-code"}}
	}
	return finishRootSignIn(signinMFAForget(m), acct, true)
}

// signinMFAAlternativeVerify signs in with the alternative factors.
func signinMFAAlternativeVerify(m core.Model) (core.Model, []core.Effect) {
	m.MFA.Busy = ""
	acct, ok := signinMFAAccount(m)
	if !ok {
		return m, nil
	}
	op := sim.SignInRootAlternativeFactors{Email: acct.Email, Password: m.Secrets[fieldSIPassword],
		EmailCode: core.TypedCode(m.Field(fieldSigninMFAEmailCode))}
	w, err := m.World.Do(m.Session, op, m.Env())
	m.World = w
	if awserr.Code(err) == account.CodeAuthenticationFailed {
		return siPasswordRefused(signinMFAForget(m))
	}
	if err != nil {
		m = m.SetMFAErrors(map[string]error{"signinmfa.alternative": err})
		return m, []core.Effect{core.Focus{ID: "signinmfa-alt-error"}}
	}
	m, fx := finishRootSignIn(signinMFAForget(m), acct, false)
	m.Notify("warning", "signinmfa.lostNotice")
	return m, fx
}

// signinMFAForget drops the MFA pages' codes and progress (the sign-in
// area forgets the password).
func signinMFAForget(m core.Model) core.Model {
	m = m.ClearFields(fieldSigninMFACode, fieldSigninMFAEmailCode)
	m.MFA.Errors, m.MFA.Failures, m.MFA.Recovery, m.MFA.Busy = nil, 0, "", ""
	return m
}
