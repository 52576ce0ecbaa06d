package console

import (
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
)

// pageSigninMFA is the MFA step of the root sign-in:
//
//	#/signin-mfa              MFA code
//	#/signin-mfa/troubleshoot Troubleshoot MFA
//	#/signin-mfa/alternative  sign in using alternative factors
//
// The sign-in page (signin area) comes here after a correct password when
// the account has MFA; the email address is in the ordinary field
// fieldSIEmail and the password in m.Secrets[fieldSIPassword].
const pageSigninMFA = "signin-mfa"

// Hashes of the MFA sign-in pages.
const (
	hashSigninMFA      = "#/" + pageSigninMFA
	hashSigninMFATS    = hashSigninMFA + "/troubleshoot"
	hashSigninMFAAlt   = hashSigninMFA + "/alternative"
	hashSigninPassword = "#/signin/password"
)

// signinMFACallID is the "Call me now" button of the alternative factors,
// where focus goes once the email address is verified.
const signinMFACallID = "signinmfa-call"

// Field names of the MFA sign-in pages.
const (
	fieldSigninMFACode      = "signinmfa.code"
	fieldSigninMFAEmailCode = "signinmfa.emailcode"
)

// signinMFAArea is the MFA sign-in page, public while signed out. Its
// actions and forms are named "signinmfa.…".
func signinMFAArea() area {
	return area{
		pages:  []string{pageSigninMFA},
		public: true,
		prefix: "signinmfa",
		view:   signinMFAView,
		title:  signinMFATitle,
		click:  signinMFAClick,
		submit: signinMFASubmit,
	}
}

// signinMFAAccount returns the account whose root user is signing in: the
// email from the sign-in page, whose root password that page has checked
// (the transient marker secretSIVerified names the account), the password
// still in memory (a reload forgets both), and root MFA assigned.
func (m Model) signinMFAAccount() (sim.Account, bool) {
	email, pw := m.field(fieldSIEmail), m.Secrets[fieldSIPassword]
	if email == "" || pw == "" {
		return sim.Account{}, false
	}
	a, ok := m.World.AccountByEmail(account.Clean(email))
	return a, ok && len(a.RootMFA) > 0 && m.Secrets[secretSIVerified] == a.ID
}

// signinMFATitle is the document title.
func signinMFATitle(m Model, c i18n.Catalog, r Route) string {
	if r.Arg != "" {
		return c.T("signinmfa.ts.title")
	}
	return c.T("signinmfa.title")
}

// signinMFAView renders the MFA step or the troubleshooting pages.
func signinMFAView(m Model, c i18n.Catalog, r Route) ui.Node {
	var body ui.Node
	acct, ok := m.signinMFAAccount()
	switch {
	case m.Session.SignedIn():
		body = ui.El("p", ui.El("a", ui.A("href", "#/"), ui.Text(c.T("notfound.home"))))
	case !ok:
		body = ui.El("div",
			ui.El("p", ui.A("role", "alert"), ui.Text(c.T("signinmfa.expired"))),
			ui.El("a", ui.Class("btn", "btn-primary"), ui.A("href", hashSigninPassword), ui.Text(c.T("signinmfa.signinAgain"))))
	case r.Arg == "troubleshoot":
		return signinMFACard(c, "signinmfa.ts.title", signinMFATroubleshoot(c))
	case r.Arg == "alternative":
		return signinMFACard(c, "signinmfa.ts.alt", signinMFAAlternative(m, c, acct))
	default:
		body = signinMFAForm(m, c, acct)
	}
	return signinMFACard(c, "signinmfa.title", body)
}

// signinMFACard is the sign-in pages' centred card.
func signinMFACard(c i18n.Catalog, titleKey string, body ui.Node) ui.Node {
	return ui.El("section", ui.Class("page", "signin-page", "mfa-page"),
		ui.El("div", ui.Class("container", "signin-card"),
			heading(ui.Text(c.T(titleKey))),
			body))
}

// signinMFAForm asks for the MFA code.
func signinMFAForm(m Model, c i18n.Catalog, acct sim.Account) ui.Node {
	var alert ui.Node
	f := mfaFormField{ID: "signinmfa-code", Name: fieldSigninMFACode, LabelKey: "signinmfa.code", Code: true,
		Value: m.field(fieldSigninMFACode)}
	if err := m.mfaErr(fieldSigninMFACode); err != nil {
		if signinMFAIsFormat(err) {
			f.Err = c.T("signinmfa.codeLength")
		} else {
			f.Shared = "signinmfa-failed"
			var hint ui.Node
			if m.MFA.Failures >= 3 {
				hint = ui.El("p", ui.Text(c.T("signinmfa.failed.hint", "account",
					acct.RootMFA[0].Name+"@"+accountLabelForMFA(acct))))
			}
			alert = ui.El("div", ui.ID("signinmfa-failed"), ui.Class("alert", "alert-error"), ui.A("role", "alert"),
				ui.El("p", ui.Class("alert-title"), ui.Text(c.T("signinmfa.failed.title"))),
				ui.El("p", ui.Text(c.T("signinmfa.failed"))),
				hint)
		}
	}
	busy := m.MFA.Busy == "signin"
	submitAttrs := []any{}
	if busy {
		submitAttrs = append(submitAttrs, ui.A("disabled", ""), ui.A("aria-busy", "true"))
	}
	submitKey := "signinmfa.submit"
	if busy {
		submitKey = "signinmfa.busy"
	}
	return ui.El("div",
		alert,
		ui.El("p", ui.Text(c.T("signinmfa.intro"))),
		ui.El("p", ui.Class("mfa-note"), ui.Text(c.T("signinmfa.email", "email", acct.Email))),
		ui.El("form", ui.A("data-form", "signinmfa.submit"), ui.A("novalidate", ""),
			mfaTextField(c, f),
			ui.El("div", ui.Class("form-actions", "mfa-stack"),
				mfaSubmit(c, submitKey, submitAttrs...))),
		ui.El("p", ui.Class("signin-links"),
			ui.El("a", ui.A("href", hashSigninMFATS), ui.Text(c.T("signinmfa.troubleshoot"))),
			ui.Data(" · "),
			button(c, "signinmfa.cancel", "signinmfa.cancel", "", ui.Class("btn", "btn-link"))))
}

// signinMFATroubleshoot explains the alternative factors.
func signinMFATroubleshoot(c i18n.Catalog) ui.Node {
	return ui.El("div",
		ui.El("p", ui.Text(c.T("signinmfa.ts.intro"))),
		ui.El("h2", ui.Text(c.T("signinmfa.ts.alt"))),
		button(c, "signinmfa.ts.altButton", "signinmfa.alternative", "", ui.Class("btn", "btn-primary")),
		ui.El("p", ui.Class("signin-links"),
			ui.El("a", ui.A("href", hashSigninMFA), ui.Text(c.T("signinmfa.ts.back")))))
}

// signinMFAAlternative is the three steps of the alternative factors:
// verify the email address, verify the phone number, sign in.
func signinMFAAlternative(m Model, c i18n.Catalog, acct sim.Account) ui.Node {
	step := m.MFA.Recovery
	emailDone := step == "email-verified" || step == "called"

	var s1 []ui.Node
	s1 = append(s1, ui.El("h2", ui.Text(c.T("signinmfa.ts.step1"))))
	switch {
	case emailDone:
		s1 = append(s1, ui.El("p", ui.Class("mfa-ok"), ui.Text(c.T("signinmfa.ts.emailOK"))))
	case step == "email-sent":
		s1 = append(s1,
			ui.El("p", ui.A("role", "status"), ui.Text(c.T("signinmfa.ts.sent", "email", acct.Email))),
			ui.El("form", ui.A("data-form", "signinmfa.verifyEmail"), ui.A("novalidate", ""),
				mfaTextField(c, mfaFormField{ID: "signinmfa-emailcode", Name: fieldSigninMFAEmailCode, LabelKey: "signinmfa.ts.emailCode",
					Code: true, Value: m.field(fieldSigninMFAEmailCode), Err: signinMFARecoveryErr(m, c, fieldSigninMFAEmailCode)}),
				ui.El("div", ui.Class("form-actions", "mfa-stack"),
					mfaSubmit(c, "signinmfa.ts.verifyEmail"),
					button(c, "signinmfa.ts.resend", "signinmfa.sendEmail", "", ui.Class("btn", "btn-link")))))
	default:
		s1 = append(s1,
			ui.El("p", ui.Text(c.T("signinmfa.ts.step1.text", "email", acct.Email))),
			button(c, "signinmfa.ts.send", "signinmfa.sendEmail", "", ui.Class("btn", "btn-primary")))
	}

	var s2 []ui.Node
	s2 = append(s2, ui.El("h2", ui.Text(c.T("signinmfa.ts.step2"))))
	verified := false
	if emailDone {
		call, err := m.World.RootRecoveryCall(acct.Email, m.Now)
		switch {
		case step != "called" || err != nil:
			s2 = append(s2,
				ui.El("p", ui.Text(c.T("signinmfa.ts.step2.text", "phone", acct.Contact.Phone))),
				button(c, "signinmfa.ts.call", "signinmfa.call", "", ui.ID(signinMFACallID), ui.Class("btn", "btn-primary")))
		case call.Args["status"] == sim.CallVerified:
			verified = true
			s2 = append(s2, ui.El("p", ui.Class("mfa-ok"), ui.Text(c.T("signinmfa.ts.phoneOK"))))
		case call.Args["status"] == sim.CallRinging:
			s2 = append(s2,
				ui.El("p", ui.A("role", "status"), ui.Text(c.T("signinmfa.ts.called", "phone", acct.Contact.Phone))),
				ui.El("p", ui.ID("signinmfa-pin"), ui.Class("pin-row"), ui.A("tabindex", "-1"), ui.Text(c.T("signinmfa.ts.pinLabel")), ui.Data(" "),
					ui.El("strong", ui.Class("pin", "mono"), ui.Data(call.Args["pin"]))))
		default:
			s2 = append(s2,
				ui.El("p", ui.A("role", "alert"), ui.Class("field-error"), ui.Text(c.T("signinmfa.ts.callFailed"))),
				button(c, "signinmfa.ts.call", "signinmfa.call", "", ui.ID(signinMFACallID), ui.Class("btn", "btn-primary")))
		}
	}

	var s3 []ui.Node
	s3 = append(s3, ui.El("h2", ui.Text(c.T("signinmfa.ts.step3"))))
	if err := m.mfaErr("signinmfa.alternative"); err != nil {
		// Shown even when a factor ran out meanwhile, so that focus has
		// somewhere to go.
		s3 = append(s3, ui.El("p", ui.ID("signinmfa-alt-error"), ui.A("role", "alert"), ui.A("tabindex", "-1"), ui.Class("field-error"),
			ui.Text(c.T("signinmfa.failed"))))
	}
	if verified {
		busy := m.MFA.Busy == "alternative"
		key := "signinmfa.ts.signin"
		var extra []any
		if busy {
			key = "signinmfa.busy"
			extra = append(extra, ui.A("disabled", ""), ui.A("aria-busy", "true"))
		}
		s3 = append(s3, button(c, key, "signinmfa.altSignin", "", append([]any{ui.Class("btn", "btn-primary")}, extra...)...))
	}
	return ui.El("div",
		ui.El("section", ui.Class("alt-step"), s1),
		ui.El("section", ui.Class("alt-step"), s2),
		ui.El("section", ui.Class("alt-step"), s3),
		ui.El("p", ui.Class("signin-links"),
			ui.El("a", ui.A("href", hashSigninMFA), ui.Text(c.T("signinmfa.ts.back")))))
}

// signinMFARecoveryErr words an error of the recovery code field.
func signinMFARecoveryErr(m Model, c i18n.Catalog, field string) string {
	err := m.mfaErr(field)
	switch {
	case err == nil:
		return ""
	case signinMFAIsFormat(err):
		return c.T("signinmfa.ts.codeFormat")
	}
	return c.T("signinmfa.ts.codeWrong")
}
