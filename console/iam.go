package console

import (
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// pageIAM is the IAM console's route page; "#/iam" is its dashboard. The
// IAM issue adds users, groups and policies under it.
const pageIAM = "iam"

// iamArea is the IAM dashboard: the security recommendations (root MFA)
// and the AWS Account box. Its actions are named "iam.…".
func iamArea() area {
	return area{
		pages:  []string{pageIAM},
		prefix: "iam",
		view:   iamView,
		title:  func(m Model, c i18n.Catalog, r Route) string { return c.T("iam.dash.title") },
		click:  iamClick,
	}
}

// iamSigninURL is the sign-in URL for IAM users of an account: by alias
// when one is set, else by account ID.
func iamSigninURL(a sim.Account) string {
	if a.Alias != "" {
		return "https://" + a.Alias + ".signin.aws.amazon.com/console"
	}
	return "https://" + a.ID + ".signin.aws.amazon.com/console"
}

// iamView renders the IAM dashboard.
func iamView(m Model, c i18n.Catalog, r Route) ui.Node {
	acct, _ := m.mfaAccount()
	return ui.El("div", ui.Class("iam-layout"),
		ui.El("nav", ui.Class("side-nav"), ui.A("aria-labelledby", "iam-nav-title"),
			ui.El("h2", ui.ID("iam-nav-title"), ui.Text(c.T("iam.dash.nav"))),
			ui.El("ul",
				ui.El("li", ui.El("a", ui.A("href", "#/iam"), ui.A("aria-current", "page"), ui.Text(c.T("iam.dash.navDashboard")))))),
		ui.El("section", ui.Class("page", "mfa-page"),
			heading(ui.Text(c.T("iam.dash.title"))),
			iamRecommendations(m, c, acct),
			iamAccountBox(c, acct)))
}

// iamRecommendations is the Security recommendations box.
func iamRecommendations(m Model, c i18n.Catalog, acct sim.Account) ui.Node {
	item := func(done bool, titleKey, descKey string, action any) ui.Node {
		status, statusKey, icon := "reco-todo", "iam.reco.todo", "!"
		if done {
			status, statusKey, icon = "reco-done", "iam.reco.done", "✓"
		}
		return ui.El("li", ui.Class("reco", status),
			ui.El("span", ui.Class("reco-icon"), ui.A("aria-hidden", "true"), ui.Data(icon)),
			ui.El("div", ui.Class("reco-body"),
				ui.El("h3", ui.Text(c.T(titleKey))),
				ui.El("p", ui.Class("visually-hidden"), ui.Text(c.T(statusKey))),
				ui.El("p", ui.Class("mfa-note"), ui.Text(c.T(descKey)))),
			action)
	}
	var mfaItem ui.Node
	if len(acct.RootMFA) > 0 {
		mfaItem = item(true, "iam.reco.hasMFA", "iam.reco.hasMFA.desc", nil)
	} else {
		mfaItem = item(false, "iam.reco.addMFA", "iam.reco.addMFA.desc",
			button(c, "iam.reco.addMFA.button", "mfa.start", "", ui.Class("btn", "btn-primary")))
	}
	return ui.El("section", ui.Class("container"), ui.A("aria-labelledby", "iam-reco"),
		ui.El("h2", ui.ID("iam-reco"), ui.Text(c.T("iam.reco.title"))),
		ui.El("ul", ui.Class("reco-list"),
			mfaItem,
			// The simulator has no root access keys, so this always holds.
			item(true, "iam.reco.noKeys", "iam.reco.noKeys.desc", nil)))
}

// iamAccountBox is the AWS Account box: account ID, alias and the sign-in
// URL for IAM users with a copy button.
func iamAccountBox(c i18n.Catalog, acct sim.Account) ui.Node {
	alias := ui.Text(c.T("iam.account.noAlias"))
	if acct.Alias != "" {
		alias = ui.Data(acct.Alias)
	}
	url := iamSigninURL(acct)
	return ui.El("section", ui.Class("container"), ui.A("aria-labelledby", "iam-account"),
		ui.El("h2", ui.ID("iam-account"), ui.Text(c.T("iam.account.title"))),
		ui.El("dl", ui.Class("kv"),
			ui.El("dt", ui.Text(c.T("iam.account.id"))), ui.El("dd", ui.Class("mono"), ui.Data(acct.ID)),
			ui.El("dt", ui.Text(c.T("iam.account.alias"))), ui.El("dd", alias),
			ui.El("dt", ui.Text(c.T("iam.account.signinURL"))),
			ui.El("dd", ui.El("span", ui.ID("iam-signin-url"), ui.Class("mono"), ui.Data(url)), ui.Data(" "),
				button(c, "iam.account.copy", "iam.copyURL", "", ui.Class("btn", "btn-normal", "btn-small"),
					ui.A("aria-label", c.T("iam.account.copyLabel"))))))
}

// iamClick handles the dashboard's buttons. Copying claims no success:
// the browser copies asynchronously, and only a failure is reported back
// (EffectFailed), which shows a warning with the URL to copy by hand.
func iamClick(m Model, action, arg string) (Model, []Effect) {
	if action == "iam.copyURL" {
		acct, ok := m.mfaAccount()
		if !ok {
			return m, nil
		}
		return m, []Effect{Copy{Text: iamSigninURL(acct)}}
	}
	return m, nil
}
