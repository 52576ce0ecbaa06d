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
var dashboard = ui.Lazy(`
<div class="iam-layout">
	<nav class="side-nav" aria-labelledby="iam-nav-title">
		<h2 id="iam-nav-title">{t iam.dash.nav}</h2>
		<ul>
			<li>
				<a href="#/iam" aria-current="page">{t iam.dash.navDashboard}</a>
			</li>
		</ul>
	</nav>
	<section class="page mfa-page">
		<h1 id="page-title" tabindex="-1">{t iam.dash.title}</h1>
		<section class="container" aria-labelledby="iam-reco">
			<h2 id="iam-reco">{t iam.reco.title}</h2>
			<ul class="reco-list">
				<li each="recos" class="$class">
					<span class="reco-icon" aria-hidden="true">{d icon}</span>
					<div class="reco-body">
						<h3>{t $title}</h3>
						<p class="visually-hidden">{t $status}</p>
						<p class="mfa-note">{t $desc}</p>
					</div>
					<button if="addMFA" type="button" data-action="mfa.start" class="btn btn-primary">{t iam.reco.addMFA.button}</button>
				</li>
			</ul>
		</section>
		<section class="container" aria-labelledby="iam-account">
			<h2 id="iam-account">{t iam.account.title}</h2>
			<dl class="kv">
				<dt>{t iam.account.id}</dt>
				<dd class="mono">{d id}</dd>
				<dt>{t iam.account.alias}</dt>
				<dd if="alias">{d alias}</dd>
				<dd if="!alias">{t iam.account.noAlias}</dd>
				<dt>{t iam.account.signinURL}</dt>
				<dd>
					<span id="iam-signin-url" class="mono">{d url}</span>
					{" "}
					<button type="button" data-action="iam.copyURL" class="btn btn-normal btn-small" aria-label="%iam.account.copyLabel">{t iam.account.copy}</button>
				</dd>
			</dl>
		</section>
	</section>
</div>
`)

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
