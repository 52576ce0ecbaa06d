// Package iam is the console's IAM area: the IAM dashboard (security
// recommendations and the AWS Account box). Its actions are named "iam.…".
package iam

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// Page is the IAM console's route page; "#/iam" is its dashboard.
const Page = "iam"

// Area is the IAM dashboard.
func Area() core.Area {
	return core.Area{
		Pages:  []string{Page},
		Prefix: "iam",
		View:   view,
		Title:  func(m core.Model, c i18n.Catalog, r core.Route) string { return c.T("iam.dash.title") },
		Click:  click,
	}
}

// SigninURL is the sign-in URL for IAM users of an account: by alias when
// one is set, else by account ID.
func SigninURL(a sim.Account) string {
	if a.Alias != "" {
		return "https://" + a.Alias + ".signin.aws.amazon.com/console"
	}
	return "https://" + a.ID + ".signin.aws.amazon.com/console"
}

// dashboard is the IAM dashboard page.
var dashboard = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-layout"}}, Kids: []ui.Tpl{
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "side-nav"}, {Key: "aria-labelledby", Val: "iam-nav-title"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-nav-title"}}, T: "iam.dash.nav"},
		{Tag: "ul", Kids: []ui.Tpl{{Tag: "li", Kids: []ui.Tpl{
			{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam"}, {Key: "aria-current", Val: "page"}}, T: "iam.dash.navDashboard"},
		}}}},
	}},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "page mfa-page"}}, Kids: []ui.Tpl{
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.dash.title"},
		{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "iam-reco"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-reco"}}, T: "iam.reco.title"},
			{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "reco-list"}}, Kids: []ui.Tpl{
				// One security recommendation: its status icon, title,
				// status for screen readers, description and action.
				{Each: "recos", Tag: "li", Attrs: []ui.Attr{{Key: "class", Val: "$class"}}, Kids: []ui.Tpl{
					{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "reco-icon"}, {Key: "aria-hidden", Val: "true"}}, D: "icon"},
					{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "reco-body"}}, Kids: []ui.Tpl{
						{Tag: "h3", T: "$title"},
						{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "visually-hidden"}}, T: "$status"},
						{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "$desc"},
					}},
					{If: "addMFA", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "mfa.start"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.reco.addMFA.button"},
				}},
			}},
		}},
		{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "iam-account"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-account"}}, T: "iam.account.title"},
			{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
				{Tag: "dt", T: "iam.account.id"},
				{Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "id"},
				{Tag: "dt", T: "iam.account.alias"},
				{Tag: "dd", If: "alias", D: "alias"},
				{Tag: "dd", If: "!alias", T: "iam.account.noAlias"},
				{Tag: "dt", T: "iam.account.signinURL"},
				{Tag: "dd", Kids: []ui.Tpl{
					{Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "iam-signin-url"}, {Key: "class", Val: "mono"}}, D: "url"},
					{Lit: " "},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.copyURL"},
						{Key: "class", Val: "btn btn-normal btn-small"}, {Key: "aria-label", Val: "%iam.account.copyLabel"}}, T: "iam.account.copy"},
				}},
			}},
		}},
	}},
}}

// view renders the IAM dashboard.
func view(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	acct, _ := m.Account()
	hasMFA := len(acct.RootMFA) > 0
	mfa := ui.Vals{{K: "class", S: "reco reco-todo"}, {K: "icon", S: "!"}, {K: "title", S: "iam.reco.addMFA"},
		{K: "status", S: "iam.reco.todo"}, {K: "desc", S: "iam.reco.addMFA.desc"}, {K: "addMFA", B: true}}
	if hasMFA {
		mfa = ui.Vals{{K: "class", S: "reco reco-done"}, {K: "icon", S: "✓"}, {K: "title", S: "iam.reco.hasMFA"},
			{K: "status", S: "iam.reco.done"}, {K: "desc", S: "iam.reco.hasMFA.desc"}}
	}
	// The simulator has no root access keys, so this always holds.
	keys := ui.Vals{{K: "class", S: "reco reco-done"}, {K: "icon", S: "✓"}, {K: "title", S: "iam.reco.noKeys"},
		{K: "status", S: "iam.reco.done"}, {K: "desc", S: "iam.reco.noKeys.desc"}}
	return dashboard.Root(c, ui.Vals{
		{K: "recos", L: []ui.Vals{mfa, keys}},
		{K: "id", S: acct.ID},
		{K: "alias", S: acct.Alias, B: acct.Alias != ""},
		{K: "url", S: SigninURL(acct)},
	})
}

// click handles the dashboard's buttons. Copying claims no success: the
// browser copies asynchronously, and only a failure is reported back
// (EffectFailed), which shows a warning with the URL to copy by hand.
func click(m core.Model, action, arg string) (core.Model, []core.Effect) {
	if action == "iam.copyURL" {
		acct, ok := m.Account()
		if !ok {
			return m, nil
		}
		return m, []core.Effect{core.Copy{Text: SigninURL(acct)}}
	}
	return m, nil
}
