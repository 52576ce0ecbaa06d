package signin

import (
	"labsim/console/core"
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

// MFAArea is the MFA sign-in page, public while signed out. Its
// actions and forms are named "signinmfa.…".
func MFAArea() core.Area {
	return core.Area{
		Pages:  []string{pageSigninMFA},
		Public: true,
		Prefix: "signinmfa",
		View:   signinMFAView,
		Title:  signinMFATitle,
		Click:  signinMFAClick,
		Submit: signinMFASubmit,
	}
}

// signinMFAAccount returns the account whose root user is signing in: the
// email from the sign-in page, whose root password that page has checked
// (the transient marker secretSIVerified names the account), the password
// still in memory (a reload forgets both), and root MFA assigned.
func signinMFAAccount(m core.Model) (sim.Account, bool) {
	email, pw := m.Field(fieldSIEmail), m.Secrets[fieldSIPassword]
	if email == "" || pw == "" {
		return sim.Account{}, false
	}
	a, ok := m.World.AccountByEmail(account.Clean(email))
	return a, ok && len(a.RootMFA) > 0 && m.Secrets[secretSIVerified] == a.ID
}

// signinMFATitle is the document title.
func signinMFATitle(m core.Model, c i18n.Catalog, r core.Route) string {
	if r.Arg != "" {
		return c.T("signinmfa.ts.title")
	}
	return c.T("signinmfa.title")
}

// signinMFAView renders the MFA step or the troubleshooting pages.
func signinMFAView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	var body ui.Node
	acct, ok := signinMFAAccount(m)
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
			core.Heading(ui.Text(c.T(titleKey))),
			body))
}

// signinMFAForm asks for the MFA code.
func signinMFAForm(m core.Model, c i18n.Catalog, acct sim.Account) ui.Node {
	var alert ui.Node
	f := core.FormField{ID: "signinmfa-code", Name: fieldSigninMFACode, LabelKey: "signinmfa.code", Code: true,
		Value: m.Field(fieldSigninMFACode)}
	if err := m.MFAErr(fieldSigninMFACode); err != nil {
		if signinMFAIsFormat(err) {
			f.Err = c.T("signinmfa.codeLength")
		} else {
			f.Shared = "signinmfa-failed"
			var hint ui.Node
			if m.MFA.Failures >= 3 {
				hint = ui.El("p", ui.Text(c.T("signinmfa.failed.hint", "account",
					acct.RootMFA[0].Name+"@"+core.AccountLabel(acct))))
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
			core.TextField(c, f),
			ui.El("div", ui.Class("form-actions", "mfa-stack"),
				core.SubmitButton(c, submitKey, submitAttrs...))),
		ui.El("p", ui.Class("signin-links"),
			ui.El("a", ui.A("href", hashSigninMFATS), ui.Text(c.T("signinmfa.troubleshoot"))),
			ui.Data(" · "),
			core.Button(c, "signinmfa.cancel", "signinmfa.cancel", "", ui.Class("btn", "btn-link"))))
}

// signinMFATroubleshoot explains the alternative factors.
func signinMFATroubleshoot(c i18n.Catalog) ui.Node {
	return ui.El("div",
		ui.El("p", ui.Text(c.T("signinmfa.ts.intro"))),
		ui.El("h2", ui.Text(c.T("signinmfa.ts.alt"))),
		core.Button(c, "signinmfa.ts.altButton", "signinmfa.alternative", "", ui.Class("btn", "btn-primary")),
		ui.El("p", ui.Class("signin-links"),
			ui.El("a", ui.A("href", hashSigninMFA), ui.Text(c.T("signinmfa.ts.back")))))
}

// signinMFAAltPage is the three steps of the alternative factors: verify
// the email address, verify the phone number, sign in.
var signinMFAAltPage = ui.MustParse(`
<div>
	<section class="alt-step">
		<h2>{t signinmfa.ts.step1}</h2>
		<p if="emailDone" class="mfa-ok">{t signinmfa.ts.emailOK}</p>
		<p if="emailSent" role="status">{t signinmfa.ts.sent email=$email}</p>
		<form if="emailSent" data-form="signinmfa.verifyEmail" novalidate>
			{slot codeField}
			<div class="form-actions mfa-stack">
				<button type="submit" class="btn btn-primary">{t signinmfa.ts.verifyEmail}</button>
				<button type="button" data-action="signinmfa.sendEmail" class="btn btn-link">{t signinmfa.ts.resend}</button>
			</div>
		</form>
		<p if="emailStart">{t signinmfa.ts.step1.text email=$email}</p>
		<button if="emailStart" type="button" data-action="signinmfa.sendEmail" class="btn btn-primary">{t signinmfa.ts.send}</button>
	</section>
	<section class="alt-step">
		<h2>{t signinmfa.ts.step2}</h2>
		<p if="callStart">{t signinmfa.ts.step2.text phone=$phone}</p>
		<p if="verified" class="mfa-ok">{t signinmfa.ts.phoneOK}</p>
		<p if="ringing" role="status">{t signinmfa.ts.called phone=$phone}</p>
		<p if="ringing" id="signinmfa-pin" class="pin-row" tabindex="-1">
			{t signinmfa.ts.pinLabel}{" "}
			<strong class="pin mono">{d pin}</strong>
		</p>
		<p if="callFailed" role="alert" class="field-error">{t signinmfa.ts.callFailed}</p>
		<button if="callButton" type="button" data-action="signinmfa.call" id="signinmfa-call" class="btn btn-primary">{t signinmfa.ts.call}</button>
	</section>
	<section class="alt-step">
		<h2>{t signinmfa.ts.step3}</h2>
		<p if="failed" id="signinmfa-alt-error" role="alert" tabindex="-1" class="field-error">{t signinmfa.failed}</p>
		<button if="verified" type="button" data-action="signinmfa.altSignin" class="btn btn-primary" disabled="?busy" aria-busy="?busy:true">{t $signinKey}</button>
	</section>
	<p class="signin-links">
		<a href="#/signin-mfa">{t signinmfa.ts.back}</a>
	</p>
</div>
`)

// signinMFAAlternative computes the alternative factors' view-model.
func signinMFAAlternative(m core.Model, c i18n.Catalog, acct sim.Account) ui.Node {
	step := m.MFA.Recovery
	emailDone := step == "email-verified" || step == "called"
	v := ui.Vals{
		{K: "email", S: acct.Email},
		{K: "phone", S: acct.Contact.Phone},
		{K: "emailDone", B: emailDone},
		{K: "emailSent", B: !emailDone && step == "email-sent"},
		{K: "emailStart", B: !emailDone && step != "email-sent"},
		{K: "failed", B: m.MFAErr("signinmfa.alternative") != nil},
	}
	if step == "email-sent" {
		v = append(v, ui.V{K: "codeField", N: []ui.Node{core.TextField(c, core.FormField{ID: "signinmfa-emailcode", Name: fieldSigninMFAEmailCode,
			LabelKey: "signinmfa.ts.emailCode", Code: true, Value: m.Field(fieldSigninMFAEmailCode), Err: signinMFARecoveryErr(m, c, fieldSigninMFAEmailCode)})}})
	}
	if emailDone {
		call, err := m.World.RootRecoveryCall(acct.Email, m.Now)
		status := call.Args["status"]
		switch {
		case step != "called" || err != nil:
			v = append(v, ui.V{K: "callStart", B: true}, ui.V{K: "callButton", B: true})
		case status == sim.CallVerified:
			busy := m.MFA.Busy == "alternative"
			key := "signinmfa.ts.signin"
			if busy {
				key = "signinmfa.busy"
			}
			v = append(v, ui.V{K: "verified", B: true}, ui.V{K: "busy", B: busy}, ui.V{K: "signinKey", S: key})
		case status == sim.CallRinging:
			v = append(v, ui.V{K: "ringing", B: true}, ui.V{K: "pin", S: call.Args["pin"]})
		default:
			v = append(v, ui.V{K: "callFailed", B: true}, ui.V{K: "callButton", B: true})
		}
	}
	return signinMFAAltPage.Root(c, v)
}

// signinMFARecoveryErr words an error of the recovery code field.
func signinMFARecoveryErr(m core.Model, c i18n.Catalog, field string) string {
	err := m.MFAErr(field)
	switch {
	case err == nil:
		return ""
	case signinMFAIsFormat(err):
		return c.T("signinmfa.ts.codeFormat")
	}
	return c.T("signinmfa.ts.codeWrong")
}
