package signin

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/awserr"
)

// signinView renders the sign-in page the route names.
func signinView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	var card ui.Node
	switch siPage(m, r) {
	case "password":
		card = siPasswordPage(m, c)
	case "forgot":
		card = siForgotPage(m, c)
	case "reset":
		card = siResetPage(m, c, r.Rest)
	case argIAMMFA:
		card = siIAMMFAPage(m, c)
	case argNewPassword:
		card = siNewPasswordPage(m, c)
	default:
		card = siChoosePage(m, c)
	}
	return ui.El("section", ui.Class("page", "signin-page"),
		ui.El("div", ui.Class("container", "signin-card"), card))
}

// signinPages are the sign-in cards. Every card starts with its heading,
// the signed-in note and the "Authentication failed" box when they apply.
var (
	choosePage = ui.Lazy(`
<div>
	<h1 id="page-title" tabindex="-1">{t signin.title}</h1>
	<p if="signedIn" class="info-note">{t signin.alreadySignedIn name=$account}</p>
	<div if="error" id="signin-error" class="alert alert-error" role="alert" tabindex="-1"><p class="alert-title">{t signin.failed.title}</p><p>{t $error}</p></div>
	<form data-form="signin.next" novalidate aria-labelledby="page-title">
		{slot kinds}
		<div if="iam">{slot fields}</div>
		<_ if="!iam">{slot fields}</_>
		<div class="form-actions">{slot submit}</div>
	</form>
	<p class="divider"><span>{t signin.new}</span></p>
	<a class="btn btn-normal btn-block" href="#/signup">{t signin.create}</a>
</div>`)
	passwordPage = ui.Lazy(`
<div>
	<h1 id="page-title" tabindex="-1">{t signin.root.title}</h1>
	<p if="signedIn" class="info-note">{t signin.alreadySignedIn name=$account}</p>
	{slot info}
	<dl class="kv"><dt>{t signin.email.short}</dt><dd>{d email}</dd></dl>
	<div if="error" id="signin-error" class="alert alert-error" role="alert" tabindex="-1"><p class="alert-title">{t signin.failed.title}</p><p>{t $error}</p></div>
	<form data-form="signin.password" novalidate aria-labelledby="page-title">
		<input type="hidden" autocomplete="username" value="$email">
		{slot password}
		<p><a href="#/signin/forgot">{t signin.forgot}</a></p>
		<div class="form-actions">{slot submit}</div>
	</form>
	<p><a href="#/signin">{t signin.other}</a></p>
</div>`)
	forgotPage = ui.Lazy(`
<div>
	<h1 id="page-title" tabindex="-1">{t signin.forgot.title}</h1>
	<_ if="sent">
		<div class="alert alert-success" role="status"><p>{t signin.forgot.sent email=$sent}</p></div>
		<div class="form-actions">
			<button type="button" data-action="devices.open" data-arg="inbox" class="btn btn-primary">{t signin.forgot.openInbox}</button>
			<button type="button" data-action="signin.recoverAgain" class="btn btn-link">{t signin.forgot.again}</button>
		</div>
	</_>
	<_ if="!sent">
		<p>{t signin.forgot.intro}</p>
		<form data-form="signin.recover" novalidate aria-labelledby="page-title">
			{slot email}
			<div class="form-actions">{slot submit}</div>
		</form>
	</_>
	<p><a href="#/signin">{t signin.back}</a></p>
</div>`)
	resetPage = ui.Lazy(`
<div>
	<h1 id="page-title" tabindex="-1">{t signin.reset.title}</h1>
	<_ if="bad">
		<div class="alert alert-error" role="alert"><p>{t $reason}</p></div>
		<p><a href="#/signin/forgot">{t signin.reset.newLink}</a></p>
	</_>
	<_ if="!bad">
		<p>{t signin.reset.intro name=$name email=$email}</p>
		<form data-form="signin.reset" novalidate aria-labelledby="page-title">
			<input type="hidden" autocomplete="username" value="$email">
			{slot fields}
			<div class="form-actions">{slot submit}</div>
		</form>
	</_>
</div>`)
)

// cardVals are the values every sign-in card shows: the signed-in note
// and the "Authentication failed" box of this page.
func cardVals(m core.Model) ui.Vals {
	return ui.Vals{{K: "signedIn", B: m.Session.SignedIn()}, {K: "account", S: m.AccountName()},
		{K: "error", B: m.Auth.Error != "" && m.Auth.Route == m.UI.Route, S: m.Auth.Error}}
}

// siChoosePage is the first sign-in page: root user or IAM user.
func siChoosePage(m core.Model, c i18n.Catalog) ui.Node {
	typ := siType(m)
	fields := siEmailFields
	if typ == "iam" {
		fields = siIAMFields
	}
	f := core.NewAuthForm(m, c, fields)
	fm := f
	fm.M = m.SetFields(fieldSIType, typ)
	kinds := fm.Radios(fieldSIType, "signin.kind", []core.Option{
		{Value: "root", Label: ui.Text(c.T("signin.root"))},
		{Value: "iam", Label: ui.Text(c.T("signin.iam"))},
	}, []ui.Node{ui.Text(c.T("signin.root.desc")), ui.Text(c.T("signin.iam.desc"))})
	v := append(cardVals(m), ui.V{K: "kinds", N: []ui.Node{kinds}}, ui.V{K: "iam", B: typ == "iam"})
	if typ == "iam" {
		v = append(v, ui.V{K: "fields", N: []ui.Node{
			f.Input(fieldSIAccount, "signin.iam.account", "", "text", "username"),
			f.Input(fieldSIUser, "signin.iam.user", "", "text", "username"),
			f.Input(fieldSIIAMPass, "signin.password", "", "password", "current-password"),
			f.Checkbox(fieldSIRemember, ui.Text(c.T("signin.iam.remember"))),
			ui.El("p", ui.Class("field-hint"), ui.Text(c.T("signin.iam.forgot")))}},
			ui.V{K: "submit", N: []ui.Node{f.Submit("signin.signIn", "signin.busy", m.Auth.Busy == "signin.iamVerify")}})
	} else {
		v = append(v, ui.V{K: "fields", N: []ui.Node{f.Input(fieldSIEmail, "signin.email", "", "email", "email")}},
			ui.V{K: "submit", N: []ui.Node{f.Submit("signin.next", "", false)}})
	}
	return choosePage.Root(c, v)
}

// siPasswordPage asks the root user's password; the email is in a hidden
// field for password managers.
func siPasswordPage(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, siPasswordFields)
	return passwordPage.Root(c, append(cardVals(m),
		ui.V{K: "info", N: []ui.Node{core.AuthInfo(m, c)}},
		ui.V{K: "email", S: account.Clean(m.Field(fieldSIEmail))},
		ui.V{K: "password", N: []ui.Node{f.Input(fieldSIPassword, "signin.password", "", "password", "current-password")}},
		ui.V{K: "submit", N: []ui.Node{f.Submit("signin.signIn", "signin.busy", m.Auth.Busy == "signin.verify")}}))
}

// siForgotPage asks for the root email address and mails a reset link.
func siForgotPage(m core.Model, c i18n.Catalog) ui.Node {
	if sent := m.Field(fieldSISent); sent != "" {
		return forgotPage.Root(c, ui.Vals{{K: "sent", B: true, S: sent}})
	}
	f := core.NewAuthForm(m, c, siRecoverFields)
	fm := f
	if m.Field(fieldSIRecover) == "" {
		fm.M = m.SetFields(fieldSIRecover, account.Clean(m.Field(fieldSIEmail)))
	}
	return forgotPage.Root(c, ui.Vals{{K: "email", N: []ui.Node{fm.Input(fieldSIRecover, "signin.email", "", "email", "email")}},
		{K: "submit", N: []ui.Node{f.Submit("signin.forgot.send", "", false)}}})
}

// siResetPage sets a new root password from an emailed link.
func siResetPage(m core.Model, c i18n.Catalog, token string) ui.Node {
	a, err := m.World.ResetLink(token, m.Now)
	if err != nil {
		reason := sim.ResetLinkUnknown
		if e, ok := awserr.As(err); ok && e.Params["reason"] != "" {
			reason = e.Params["reason"]
		}
		return resetPage.Root(c, ui.Vals{{K: "bad", B: true}, {K: "reason", S: "signin.reset.link." + reason}})
	}
	f := core.NewAuthForm(m, c, siResetFields)
	pw, confirm := m.Secrets[fieldRSPassword], m.Secrets[fieldRSConfirm]
	return resetPage.Root(c, ui.Vals{{K: "name", S: a.Name}, {K: "email", S: a.Email},
		{K: "fields", N: []ui.Node{
			f.Input(fieldRSPassword, "signin.reset.new", "", "password", "new-password", ui.A("aria-describedby", "reset-rules")),
			core.PasswordChecklist(c, pw, a.Email, a.Name, "reset-rules"),
			f.Input(fieldRSConfirm, "signin.reset.confirm", "", "password", "new-password", ui.A("aria-describedby", "reset-matches")),
			core.MatchesNote(c, pw, confirm, "reset-matches")}},
		{K: "submit", N: []ui.Node{f.Submit("signin.reset.submit", "signin.reset.busy", m.Auth.Busy == "signin.reset")}}})
}
