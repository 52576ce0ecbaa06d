// Package info is the simulator's information pages (#/info/<topic>):
// the account menu's Account, Organization, Service Quotas, Billing and
// Cost Management and Settings, and the sign-up's "Learn more" and
// "contact sales" links. Each says what the page is for at AWS and what
// this simulator lets the student do there, so that no link leads
// outside the simulator or to a page that pretends.
package info

import (
	"slices"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// Page is the route page of the information pages.
const Page = "info"

// Topics are the information pages, by route argument. Public topics
// are reachable while signed out (the sign-up's links).
var (
	Topics       = []string{"account", "organization", "quotas", "billing", "settings", "support-plans", "sales"}
	publicTopics = []string{"support-plans", "sales"}
)

// Area is the information pages.
func Area() core.Area {
	return core.Area{Pages: []string{Page}, Public: true, View: view, Title: title}
}

// Href is the address of a topic's page.
func Href(topic string) string { return "#/" + Page + "/" + topic }

// PublicTopic reports whether a topic's page is shown while signed out.
func PublicTopic(topic string) bool { return slices.Contains(publicTopics, topic) }

// known reports whether the route is a topic the visitor may see.
func known(m core.Model, r core.Route) bool {
	if !slices.Contains(Topics, r.Arg) || r.Rest != "" {
		return false
	}
	return m.Session.SignedIn() || PublicTopic(r.Arg)
}

func title(m core.Model, c i18n.Catalog, r core.Route) string {
	if !known(m, r) {
		return c.T("notfound.title")
	}
	return c.T("info." + r.Arg + ".title")
}

// page is an information page: what AWS offers there, what the simulator
// lets the student do, and the way back.
var page = ui.Lazy(`
<section class="page info-page">
	<_ if="ok">
		<h1 id="page-title" tabindex="-1">{t $title}</h1>
		<div class="container">
			<h2>{t info.atAWS}</h2>
			<p>{t $aws}</p>
			<h2>{t info.inSim}</h2>
			<p>{t $sim}</p>
		</div>
		<p><a href="$back">{t $backKey}</a></p>
	</_>
	<_ if="!ok">
		<h1 id="page-title" tabindex="-1">{t notfound.title}</h1>
		<p>{t notfound.body}</p>
		<a href="#/">{t notfound.home}</a>
	</_>
</section>`)

func view(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	back, backKey := "#/", "notfound.home"
	if !m.Session.SignedIn() {
		back, backKey = "#/signup", "info.backSignup"
	}
	k := "info." + r.Arg
	return page.Root(c, ui.Vals{{K: "ok", B: known(m, r)}, {K: "title", S: k + ".title"}, {K: "aws", S: k + ".aws"},
		{K: "sim", S: k + ".sim"}, {K: "back", S: back}, {K: "backKey", S: backKey}})
}
