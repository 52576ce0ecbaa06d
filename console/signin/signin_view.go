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
	default:
		card = siChoosePage(m, c)
	}
	return ui.El("section", ui.Class("page", "signin-page"),
		ui.El("div", ui.Class("container", "signin-card"), card))
}

// siErrorBox is the "Authentication failed" box.
func siErrorBox(m core.Model, c i18n.Catalog) ui.Node {
	if m.Auth.Error == "" || m.Auth.Route != m.UI.Route {
		return ui.Node{}
	}
	return ui.El("div", ui.ID("signin-error"), ui.Class("alert", "alert-error"), ui.A("role", "alert"), ui.A("tabindex", "-1"),
		ui.El("p", ui.Class("alert-title"), ui.Text(c.T("signin.failed.title"))),
		ui.El("p", ui.Text(c.T(m.Auth.Error))))
}

// siSignedInNote tells a signed-in student who they are.
func siSignedInNote(m core.Model, c i18n.Catalog) ui.Node {
	if !m.Session.SignedIn() {
		return ui.Node{}
	}
	return ui.El("p", ui.Class("info-note"), ui.Text(c.T("signin.alreadySignedIn", "name", m.AccountName())))
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
	var fieldsNode ui.Node
	var submit ui.Node
	if typ == "iam" {
		fieldsNode = ui.El("div",
			f.Input(fieldSIAccount, "signin.iam.account", "", "text", "username"),
			f.Input(fieldSIUser, "signin.iam.user", "", "text", "username"),
			f.Input(fieldSIIAMPass, "signin.password", "", "password", "current-password"))
		submit = f.Submit("signin.signIn", "", false)
	} else {
		fieldsNode = f.Input(fieldSIEmail, "signin.email", "", "email", "email")
		submit = f.Submit("signin.next", "", false)
	}
	return ui.El("div",
		core.Heading(ui.Text(c.T("signin.title"))),
		siSignedInNote(m, c),
		siErrorBox(m, c),
		ui.El("form", ui.A("data-form", "signin.next"), ui.A("novalidate", ""), ui.A("aria-labelledby", "page-title"),
			kinds, fieldsNode,
			ui.El("div", ui.Class("form-actions"), submit)),
		ui.El("p", ui.Class("divider"), ui.El("span", ui.Text(c.T("signin.new")))),
		ui.El("a", ui.Class("btn", "btn-normal", "btn-block"), ui.A("href", "#/signup"), ui.Text(c.T("signin.create"))))
}

// siPasswordPage asks the root user's password.
func siPasswordPage(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, siPasswordFields)
	busy := m.Auth.Busy == "signin.verify"
	return ui.El("div",
		core.Heading(ui.Text(c.T("signin.root.title"))),
		siSignedInNote(m, c),
		core.AuthInfo(m, c),
		ui.El("dl", ui.Class("kv"),
			ui.El("dt", ui.Text(c.T("signin.email.short"))), ui.El("dd", ui.Data(account.Clean(m.Field(fieldSIEmail))))),
		siErrorBox(m, c),
		ui.El("form", ui.A("data-form", "signin.password"), ui.A("novalidate", ""), ui.A("aria-labelledby", "page-title"),
			// The email, for password managers.
			ui.El("input", ui.A("type", "hidden"), ui.A("autocomplete", "username"), ui.A("value", account.Clean(m.Field(fieldSIEmail)))),
			f.Input(fieldSIPassword, "signin.password", "", "password", "current-password"),
			ui.El("p", ui.El("a", ui.A("href", "#/signin/forgot"), ui.Text(c.T("signin.forgot")))),
			ui.El("div", ui.Class("form-actions"), f.Submit("signin.signIn", "signin.busy", busy))),
		ui.El("p", ui.El("a", ui.A("href", "#/signin"), ui.Text(c.T("signin.other")))))
}

// siForgotPage asks for the root email address and mails a reset link.
func siForgotPage(m core.Model, c i18n.Catalog) ui.Node {
	if sent := m.Field(fieldSISent); sent != "" {
		return ui.El("div",
			core.Heading(ui.Text(c.T("signin.forgot.title"))),
			ui.El("div", ui.Class("alert", "alert-success"), ui.A("role", "status"),
				ui.El("p", ui.Text(c.T("signin.forgot.sent", "email", sent)))),
			ui.El("div", ui.Class("form-actions"),
				core.Button(c, "signin.forgot.openInbox", "devices.open", "inbox", ui.Class("btn", "btn-primary")),
				core.Button(c, "signin.forgot.again", "signin.recoverAgain", "", ui.Class("btn", "btn-link"))),
			ui.El("p", ui.El("a", ui.A("href", "#/signin"), ui.Text(c.T("signin.back")))))
	}
	f := core.NewAuthForm(m, c, siRecoverFields)
	fm := f
	if m.Field(fieldSIRecover) == "" {
		fm.M = m.SetFields(fieldSIRecover, account.Clean(m.Field(fieldSIEmail)))
	}
	return ui.El("div",
		core.Heading(ui.Text(c.T("signin.forgot.title"))),
		ui.El("p", ui.Text(c.T("signin.forgot.intro"))),
		ui.El("form", ui.A("data-form", "signin.recover"), ui.A("novalidate", ""), ui.A("aria-labelledby", "page-title"),
			fm.Input(fieldSIRecover, "signin.email", "", "email", "email"),
			ui.El("div", ui.Class("form-actions"), f.Submit("signin.forgot.send", "", false))),
		ui.El("p", ui.El("a", ui.A("href", "#/signin"), ui.Text(c.T("signin.back")))))
}

// siResetPage sets a new root password from an emailed link.
func siResetPage(m core.Model, c i18n.Catalog, token string) ui.Node {
	a, err := m.World.ResetLink(token, m.Now)
	if err != nil {
		reason := sim.ResetLinkUnknown
		if e, ok := awserr.As(err); ok && e.Params["reason"] != "" {
			reason = e.Params["reason"]
		}
		return ui.El("div",
			core.Heading(ui.Text(c.T("signin.reset.title"))),
			ui.El("div", ui.Class("alert", "alert-error"), ui.A("role", "alert"),
				ui.El("p", ui.Text(c.T("signin.reset.link."+reason)))),
			ui.El("p", ui.El("a", ui.A("href", "#/signin/forgot"), ui.Text(c.T("signin.reset.newLink")))))
	}
	f := core.NewAuthForm(m, c, siResetFields)
	pw, confirm := m.Secrets[fieldRSPassword], m.Secrets[fieldRSConfirm]
	busy := m.Auth.Busy == "signin.reset"
	return ui.El("div",
		core.Heading(ui.Text(c.T("signin.reset.title"))),
		ui.El("p", ui.Text(c.T("signin.reset.intro", "name", a.Name, "email", a.Email))),
		ui.El("form", ui.A("data-form", "signin.reset"), ui.A("novalidate", ""), ui.A("aria-labelledby", "page-title"),
			ui.El("input", ui.A("type", "hidden"), ui.A("autocomplete", "username"), ui.A("value", a.Email)),
			f.Input(fieldRSPassword, "signin.reset.new", "", "password", "new-password", ui.A("aria-describedby", "reset-rules")),
			core.PasswordChecklist(c, pw, a.Email, a.Name, "reset-rules"),
			f.Input(fieldRSConfirm, "signin.reset.confirm", "", "password", "new-password", ui.A("aria-describedby", "reset-matches")),
			core.MatchesNote(c, pw, confirm, "reset-matches"),
			ui.El("div", ui.Class("form-actions"), f.Submit("signin.reset.submit", "signin.reset.busy", busy))))
}
