package console

import (
	"labsim/console/i18n"
	"labsim/console/ui"
)

// siteHeaderTpl is the signed-out header in the style of aws.amazon.com.
var siteHeaderTpl = ui.Lazy(`
<header class="site-header">
	<nav class="site-header-inner" aria-label="%nav.label">
		<a class="brand" href="#/" aria-label="%nav.home"><span class="brand-mark" aria-hidden="true"></span><span class="brand-name">{t app.name}</span></a>
		<span class="spacer"></span>
		{slot extra}
		{slot lang}
		<a class="site-link" href="#/simulator">{t simulator.menu}</a>
		<a class="btn btn-normal on-dark" href="#/signin">{t landing.signin}</a>
		<a class="btn btn-primary" href="#/signup">{t landing.create}</a>
	</nav>
</header>`)

// siteHeader is the signed-out header.
func siteHeader(m Model, c i18n.Catalog) ui.Node {
	return siteHeaderTpl.Root(c, ui.Vals{{K: "extra", N: extraNavItems(m, c)}, {K: "lang", N: []ui.Node{langSwitch(m, c, "site-lang")}}})
}

// landingTpl is the page before sign-in.
var landingTpl = ui.Lazy(`
<div class="landing">
	<section class="hero">
		<div class="hero-inner">
			<p class="eyebrow">{t landing.eyebrow}</p>
			<h1 id="page-title" tabindex="-1">{t landing.title}</h1>
			<p class="lead">{t landing.lead}</p>
			<div class="hero-actions">
				<a class="btn btn-primary btn-large" href="#/signup">{t landing.create}</a>
				<a class="btn btn-normal btn-large on-dark" href="#/signin">{t landing.signin}</a>
			</div>
		</div>
	</section>
	<section class="features" aria-labelledby="features-title">
		<h2 id="features-title">{t landing.features}</h2>
		<ul class="feature-grid">
			<li class="feature"><h3>{t landing.signup.title}</h3><p>{t landing.signup.body}</p></li>
			<li class="feature"><h3>{t landing.mfa.title}</h3><p>{t landing.mfa.body}</p></li>
			<li class="feature"><h3>{t landing.iam.title}</h3><p>{t landing.iam.body}</p></li>
			<li class="feature"><h3>{t landing.offline.title}</h3><p>{t landing.offline.body}</p></li>
		</ul>
	</section>
	<p class="disclaimer">{t landing.disclaimer}</p>
</div>`)

// landingPage is the page before sign-in.
func landingPage(c i18n.Catalog) ui.Node { return landingTpl.Root(c, nil) }

// homeTpl is Console Home.
var homeTpl = ui.Lazy(`
<section class="page">
	<h1 id="page-title" tabindex="-1">{t home.title}</h1>
	<div class="grid home-widgets">
		<section class="container" aria-labelledby="home-recent">
			<h2 id="home-recent">{t home.recent}</h2>
			<ul if="recent" class="link-list"><li each="recent"><a href="$href">{d name}</a></li></ul>
			<p if="!recent" class="empty">{t home.recent.none}</p>
		</section>
		<section class="container" aria-labelledby="home-welcome">
			<h2 id="home-welcome">{t home.welcomeAWS}</h2>
			<p>{t home.intro}</p>
			<dl class="kv">
				<dt>{t account.name}</dt>
				<dd><bdi>{d name}</bdi></dd>
				<dt>{t account.id}</dt>
				<dd class="mono">{d id}</dd>
			</dl>
			<p><a href="#/simulator">{t home.aboutSim}</a></p>
		</section>
		<section class="container" aria-labelledby="home-health">
			<h2 id="home-health">{t home.health}</h2>
			<dl class="kv">
				<dt>{t home.health.open}</dt><dd>{"0"}</dd>
				<dt>{t home.health.scheduled}</dt><dd>{"0"}</dd>
				<dt>{t home.health.other}</dt><dd>{"0"}</dd>
			</dl>
			<p class="field-hint">{t home.health.note}</p>
		</section>
		<section class="container" aria-labelledby="home-cost">
			<h2 id="home-cost">{t home.cost}</h2>
			<dl class="kv">
				<dt>{t home.cost.month}</dt><dd>{"$0.00"}</dd>
				<dt>{t home.cost.forecast}</dt><dd>{"$0.00"}</dd>
			</dl>
			<p class="field-hint">{t home.cost.note}</p>
		</section>
		<section class="container" aria-labelledby="home-build">
			<h2 id="home-build">{t home.build}</h2>
			<ul class="link-list">
				<li><a href="#/security-credentials">{t home.build.mfa}</a></li>
				<li><a href="#/iam/users/create">{t home.build.user}</a></li>
				<li><a href="#/iam/groups/create">{t home.build.group}</a></li>
				<li><a href="#/iam/policies/create">{t home.build.policy}</a></li>
			</ul>
		</section>
	</div>
	<h2 class="home-services">{t home.services}</h2>
	<div class="grid">
		<section each="cats" class="container" aria-labelledby="$id">
			<h2 id="$id">{t $cat}</h2>
			<ul class="link-list"><li each="links"><a href="$href">{d name}</a></li></ul>
		</section>
	</div>
</section>`)

// homePage is Console Home.
func homePage(m Model, c i18n.Catalog) ui.Node {
	acct := m.World.Accounts[m.Session.AccountID]
	var cats []ui.Vals
	for _, cat := range Categories {
		var links []ui.Vals
		for _, s := range Services {
			if s.Category == cat {
				links = append(links, ui.Vals{{K: "href", S: serviceHref(s)}, {K: "name", S: s.Name}})
			}
		}
		cats = append(cats, ui.Vals{{K: "id", S: "home-cat-" + cat}, {K: "cat", S: "cat." + cat}, {K: "links", L: links}})
	}
	var recent []ui.Vals
	for _, id := range m.UI.Recent {
		if s, ok := ServiceByID(id); ok {
			recent = append(recent, ui.Vals{{K: "href", S: serviceHref(s)}, {K: "name", S: s.Name}})
		}
	}
	return homeTpl.Root(c, ui.Vals{{K: "name", S: acct.Name}, {K: "id", S: dashedID(acct.ID)}, {K: "cats", L: cats},
		{K: "recent", B: len(recent) > 0, L: recent}})
}

// serviceTpl is a service's own page: what it is for, its category, and
// what this version of the simulator lets the student do there.
var serviceTpl = ui.Lazy(`
<section class="page">
	<nav class="breadcrumbs" aria-label="%nav.breadcrumbs">
		<ol><li><a href="#/">{t home.title}</a></li><li aria-current="page" lang="en">{d name}</li></ol>
	</nav>
	<h1 id="page-title" tabindex="-1" lang="en">{d name}</h1>
	<p class="subtitle" lang="en">{d fullName}</p>
	<div class="container">
		<h2>{t service.about}</h2>
		<p>{t $desc}</p>
		<dl class="kv"><dt>{t service.category}</dt><dd>{t $cat}</dd></dl>
	</div>
	<div class="container callout">
		<h2>{t service.inSim}</h2>
		<p>{t $note}</p>
		<_ if="console">
			<p><a id="service-console" href="$console">{t service.open name=$name}</a></p>
			<_ if="features">
				<h3>{t service.features}</h3>
				<ul class="link-list"><li each="features"><a href="$href">{t $title}</a></li></ul>
			</_>
		</_>
	</div>
</section>`)

// servicePage is a service's own page. What it says the simulator offers
// is read from the area registry: a service whose console route has an
// area says so, with a link to it and to its features of this build.
func servicePage(c i18n.Catalog, s Service) ui.Node {
	href, ok := serviceConsoles[s.ID]
	if ok {
		_, ok = areaForRoute(ParseRoute(href))
	}
	note := "service.readOnly"
	var feats []ui.Vals
	if ok {
		note = "service.hasConsole"
		seen := map[string]bool{}
		for _, f := range features {
			if _, has := areaForRoute(ParseRoute(f.Href)); has && f.Service == s.ID && !notSimulated[f.Href] && !seen[f.Href] {
				seen[f.Href] = true
				feats = append(feats, ui.Vals{{K: "href", S: f.Href}, {K: "title", S: f.Title}})
			}
		}
	}
	return serviceTpl.Root(c, ui.Vals{{K: "name", S: s.Name}, {K: "fullName", S: s.FullName}, {K: "desc", S: "svc." + s.ID + ".desc"},
		{K: "cat", S: "cat." + s.Category}, {K: "note", S: note}, {K: "console", B: ok, S: href}, {K: "features", B: len(feats) > 0, L: feats}})
}

// confirmTpl asks for confirmation of a destructive action.
var confirmTpl = ui.Lazy(`
<div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
	<p id="confirm-text" tabindex="-1">{t $key name=$name}</p>
	<button type="button" data-action="$action" data-arg="?arg" class="btn btn-danger">{t confirm.yes}</button>
	<button type="button" data-action="cancel" class="btn btn-link">{t confirm.cancel}</button>
</div>`)

// confirmBox asks for confirmation of a destructive action.
func confirmBox(c i18n.Catalog, key, action, arg, name string) ui.Node {
	return confirmTpl.Root(c, ui.Vals{{K: "key", S: key}, {K: "name", S: name}, {K: "action", S: action}, {K: "arg", B: arg != "", S: arg}})
}
