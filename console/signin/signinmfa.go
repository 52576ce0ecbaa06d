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
	acct, ok := signinMFAAccount(m)
	switch {
	case m.Session.SignedIn():
		return mfaCard.Root(c, ui.Vals{{K: "title", S: "signinmfa.title"}, {K: "signedIn", B: true}})
	case !ok:
		return mfaCard.Root(c, ui.Vals{{K: "title", S: "signinmfa.title"}, {K: "expired", B: true}})
	case r.Arg == "troubleshoot":
		return mfaCard.Root(c, ui.Vals{{K: "title", S: "signinmfa.ts.title"}, {K: "troubleshoot", B: true}})
	case r.Arg == "alternative":
		return mfaCard.Root(c, ui.Vals{{K: "title", S: "signinmfa.ts.alt"}, {K: "body", N: []ui.Node{signinMFAAlternative(m, c, acct)}}})
	}
	return mfaCard.Root(c, signinMFAForm(m, c, acct))
}

// mfaCard is the MFA sign-in pages' centred card: the code form, the
// troubleshooting page, or what to do when the sign-in expired.
var mfaCard = ui.Lazy(`
<section class="page signin-page mfa-page">
	<div class="container signin-card">
		<h1 id="page-title" tabindex="-1">{t $title}</h1>
		<p if="signedIn"><a href="#/">{t notfound.home}</a></p>
		<div if="expired">
			<p role="alert">{t signinmfa.expired}</p>
			<a class="btn btn-primary" href="#/signin/password">{t signinmfa.signinAgain}</a>
		</div>
		<div if="troubleshoot">
			<p>{t signinmfa.ts.intro}</p>
			<h2>{t signinmfa.ts.alt}</h2>
			<button type="button" data-action="signinmfa.alternative" class="btn btn-primary">{t signinmfa.ts.altButton}</button>
			<p class="signin-links"><a href="#/signin-mfa">{t signinmfa.ts.back}</a></p>
		</div>
		<div if="form">
			<div if="failed" id="signinmfa-failed" class="alert alert-error" role="alert">
				<p class="alert-title">{t signinmfa.failed.title}</p>
				<p>{t signinmfa.failed}</p>
				<p if="hint">{t signinmfa.failed.hint account=$device}</p>
			</div>
			<p>{t signinmfa.intro}</p>
			<p class="mfa-note">{t signinmfa.email email=$email}</p>
			<form data-form="signinmfa.submit" novalidate>
				{slot code}
				<div class="form-actions mfa-stack">
					<button type="submit" class="btn btn-primary" disabled="?busy" aria-busy="?busy:true">{t $submit}</button>
				</div>
			</form>
			<p class="signin-links"><a href="#/signin-mfa/troubleshoot">{t signinmfa.troubleshoot}</a>{" · "}<button type="button" data-action="signinmfa.cancel" class="btn btn-link">{t signinmfa.cancel}</button></p>
		</div>
		{slot body}
	</div>
</section>`)

// signinMFAForm is the view-model of the MFA code form.
func signinMFAForm(m core.Model, c i18n.Catalog, acct sim.Account) ui.Vals {
	f := core.FormField{ID: "signinmfa-code", Name: fieldSigninMFACode, LabelKey: "signinmfa.code", Code: true,
		Value: m.Field(fieldSigninMFACode)}
	v := ui.Vals{{K: "title", S: "signinmfa.title"}, {K: "form", B: true}, {K: "email", S: acct.Email}}
	if err := m.MFAErr(fieldSigninMFACode); err != nil {
		if signinMFAIsFormat(err) {
			f.Err = c.T("signinmfa.codeLength")
		} else {
			f.Shared = "signinmfa-failed"
			v = append(v, ui.V{K: "failed", B: true})
			if m.MFA.Failures >= 3 {
				v = append(v, ui.V{K: "hint", B: true}, ui.V{K: "device", S: acct.RootMFA[0].Name + "@" + core.AccountLabel(acct)})
			}
		}
	}
	busy := m.MFA.Busy == "signin"
	submitKey := "signinmfa.submit"
	if busy {
		submitKey = "signinmfa.busy"
	}
	return append(v, ui.V{K: "busy", B: busy}, ui.V{K: "submit", S: submitKey}, ui.V{K: "code", N: []ui.Node{core.TextField(c, f)}})
}

// signinMFAAltPage is the three steps of the alternative factors: verify
// the email address, verify the phone number, sign in.
var signinMFAAltPage = ui.Lazy(`
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
