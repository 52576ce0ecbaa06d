package console

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/catalog"
)

// topNavTpl is the console's head: the simulator strip (the simulator's
// own controls: virtual phone and inbox, language, lab guide, Simulator
// menu), visibly and structurally apart, then the top bar as AWS's: logo
// mark, Services, the unified search, CloudShell, notifications, help,
// settings, the region selector and the account menu.
var topNavTpl = ui.Lazy(`
<div class="console-head">
	<div class="simstrip" role="region" aria-label="%strip.label">
		<span class="simstrip-name">{t strip.name}</span>
		{slot extra}
		<span class="spacer"></span>
		{slot lang}
		<button type="button" data-action="guide" id="guide-btn" class="nav-btn strip-btn" aria-pressed="$guide">{t nav.guide}</button>
		{slot simulator}
	</div>
	<header class="topnav">
		<nav class="topnav-inner" aria-label="%nav.label">
			<a class="brand" href="#/" aria-label="%nav.home"><span class="brand-mark" aria-hidden="true"></span><span class="brand-name">{t app.name}</span></a>
			{slot services}
			{slot search}
			<span class="spacer"></span>
			{slot icons}
			{slot menus}
		</nav>
	</header>
</div>`)

// topNav computes the console head's view-model.
func topNav(m Model, c i18n.Catalog, r Route) ui.Node {
	return topNavTpl.Root(c, ui.Vals{{K: "services", N: []ui.Node{servicesMenu(m, c)}}, {K: "extra", N: extraNavItems(m, c)},
		{K: "search", N: []ui.Node{unifiedSearch(m, c)}}, {K: "icons", N: []ui.Node{topIcons(m, c)}},
		{K: "lang", N: []ui.Node{langSwitch(m, c, "topnav-lang")}}, {K: "guide", S: core.BoolAttr(m.UI.GuideOpen)},
		{K: "simulator", N: []ui.Node{simulatorMenu(m, c)}},
		{K: "menus", N: []ui.Node{regionMenu(m, c, r), accountMenu(m, c)}}})
}

// servicesTpl is the Services menu: its button and, when open, the
// search field and the services by category.
var servicesTpl = ui.Lazy(`
<div class="menu">
	<button type="button" id="menu-btn-services" class="nav-btn menu-btn" data-action="menu" data-arg="services" aria-expanded="$expanded" aria-controls="services-menu">{t shell.services}</button>
	<div if="open" id="services-menu" class="dropdown services-menu" role="region" aria-label="%shell.services">
		<label for="services-filter" class="field-label">{t services.search}</label>
		<input id="services-filter" type="search" name="services.filter" value="$filter" autocomplete="off" placeholder="%services.placeholder" data-nav="services" aria-describedby="services-keys">
		<p id="services-keys" class="visually-hidden">{t services.keys}</p>
		<div class="svc-groups">
			<section each="groups" class="svc-group" aria-labelledby="$id">
				<h2 id="$id">{t $cat}</h2>
				<ul>
					<li each="items"><a id="$id" href="$href" data-nav="services"><span class="svc-name" lang="en">{d name}</span><span class="svc-desc">{t $desc}</span></a></li>
				</ul>
			</section>
			<p if="none" class="empty">{t services.noMatch}</p>
		</div>
	</div>
</div>`)

// servicesMenu computes the Services menu's view-model.
func servicesMenu(m Model, c i18n.Catalog) ui.Node {
	open := m.Menu == "services"
	var groups []ui.Vals
	if open {
		for _, cat := range Categories {
			var items []ui.Vals
			for _, s := range Services {
				if s.Category == cat && s.Matches(m.Filter) {
					items = append(items, ui.Vals{{K: "id", S: "svc-" + s.ID}, {K: "href", S: serviceHref(s)}, {K: "name", S: s.Name}, {K: "desc", S: "svc." + s.ID + ".short"}})
				}
			}
			if len(items) > 0 {
				groups = append(groups, ui.Vals{{K: "id", S: "cat-" + cat}, {K: "cat", S: "cat." + cat}, {K: "items", L: items}})
			}
		}
	}
	return servicesTpl.Root(c, ui.Vals{{K: "open", B: open}, {K: "expanded", S: core.BoolAttr(open)}, {K: "filter", S: m.Filter},
		{K: "groups", L: groups}, {K: "none", B: len(groups) == 0}})
}

// serviceHref is where a service's menu entry leads.
func serviceHref(s Service) string {
	if href, ok := serviceConsoles[s.ID]; ok {
		return href // the service's console; #/services/<id> still describes it
	}
	return "#/services/" + s.ID
}

// langTpl is the 한국어 / English toggle.
var langTpl = ui.Lazy(`
<div id="$id" class="lang-switch" role="group" aria-label="%nav.language">
	<button type="button" class="lang-opt" data-action="lang" data-arg="ko" lang="ko" aria-pressed="$ko">{"한국어"}</button>
	<button type="button" class="lang-opt" data-action="lang" data-arg="en" lang="en" aria-pressed="$en">{"English"}</button>
</div>`)

// langSwitch is the 한국어 / English toggle.
func langSwitch(m Model, c i18n.Catalog, id string) ui.Node {
	return langTpl.Root(c, ui.Vals{{K: "id", S: id}, {K: "ko", S: core.BoolAttr(m.UI.Lang == i18n.KO)}, {K: "en", S: core.BoolAttr(m.UI.Lang == i18n.EN)}})
}

// regionName returns a region's name in the catalog's language.
func regionName(c i18n.Catalog, r catalog.Region) string {
	if c.Lang() == i18n.KO {
		return r.NameKO
	}
	return r.Name
}

func regionShort(c i18n.Catalog, r catalog.Region) string {
	if c.Lang() == i18n.KO {
		return r.ShortNameKO
	}
	return r.ShortName
}

// regionTpl is the region selector: "Global" on global services' pages,
// else the button and, when open, the regions.
var regionTpl = ui.Lazy(`
<div class="menu">
	<_ if="global">
		<button type="button" class="nav-btn region-global" disabled aria-describedby="global-note">{t region.global}</button>
		<span id="global-note" class="visually-hidden">{t region.globalNote}</span>
	</_>
	<_ if="!global">
		<button type="button" id="menu-btn-region" class="nav-btn menu-btn" data-action="menu" data-arg="region" aria-expanded="$expanded" aria-controls="region-menu"><span class="visually-hidden">{t region.prefix}</span>{d short}</button>
		<div if="open" id="region-menu" class="dropdown region-menu" role="region" aria-label="%region.label">
			<ul>
				<li each="regions"><button type="button" id="$id" class="region-opt" data-action="region" data-arg="$code" aria-pressed="$pressed"><span class="region-name">{d name}</span>{" "}<span class="region-code">{d code}</span></button></li>
			</ul>
		</div>
	</_>
</div>`)

// regionMenu computes the region selector's view-model. The visible city
// stays the start of the button's accessible name ("Region: Seoul"), as
// WCAG's label-in-name asks; the full name is in the menu.
func regionMenu(m Model, c i18n.Catalog, r Route) ui.Node {
	if globalPages[r.Page] || (r.Page == "services" && r.Arg == "iam") {
		return regionTpl.Root(c, ui.Vals{{K: "global", B: true}})
	}
	cur, _ := catalog.LookupRegion(m.UI.Region)
	open := m.Menu == "region"
	var regions []ui.Vals
	if open {
		for _, reg := range catalog.Regions() {
			regions = append(regions, ui.Vals{{K: "id", S: "region-" + reg.Code}, {K: "code", S: reg.Code},
				{K: "pressed", S: core.BoolAttr(reg.Code == m.UI.Region)}, {K: "name", S: regionName(c, reg)}})
		}
	}
	return regionTpl.Root(c, ui.Vals{{K: "open", B: open}, {K: "expanded", S: core.BoolAttr(open)}, {K: "short", S: regionShort(c, cur)},
		{K: "regions", L: regions}})
}

// accountLabel is the account menu's button text (core.AccountName).
func accountLabel(m Model) string { return m.AccountName() }

// dashedID writes an account ID as the console shows it (core.DashedID).
func dashedID(id string) string { return core.DashedID(id) }

// accountTpl is the account menu as AWS's: the account's name and ID
// (1234-5678-9012) with a copy button, the user, the account pages, My
// Security Credentials, Settings and Sign out.
var accountTpl = ui.Lazy(`
<div class="menu">
	<button type="button" id="menu-btn-account" class="nav-btn menu-btn" data-action="menu" data-arg="account" aria-expanded="$expanded" aria-controls="account-menu" aria-label="$label"><bdi>{d name}</bdi></button>
	<div if="open" id="account-menu" class="dropdown account-menu" role="region" aria-label="%account.menu">
		<dl class="kv">
			<dt>{t account.name}</dt>
			<dd><bdi>{d account}</bdi></dd>
			<dt>{t account.id}</dt>
			<dd><span id="account-id" class="mono">{d id}</span>{" "}<button type="button" id="account-copy-id" class="btn btn-link btn-small" data-action="account.copyId" aria-label="%account.copyId">{t account.copy}</button>{" "}<span class="copied" role="status"><_ if="copied">{t account.copied}</_></span></dd>
			<_ if="user">
				<dt>{t account.user}</dt>
				<dd><bdi>{d user}</bdi></dd>
			</_>
		</dl>
		<ul class="menu-list">
			<li><a id="account-info" href="#/info/account">{t info.account.title}</a></li>
			<li><a href="#/info/organization">{t info.organization.title}</a></li>
			<li><a href="#/info/quotas">{t info.quotas.title}</a></li>
			<li><a href="#/info/billing">{t info.billing.title}</a></li>
			<li><a id="account-credentials" href="#/security-credentials">{t account.credentials}</a></li>
			<li><a href="#/info/settings">{t info.settings.title}</a></li>
		</ul>
		<div class="menu-footer"><button type="button" data-action="signout" class="btn btn-primary">{t account.signout}</button></div>
	</div>
</div>`)

func accountMenu(m Model, c i18n.Catalog) ui.Node {
	acct := m.World.Accounts[m.Session.AccountID]
	return accountTpl.Root(c, ui.Vals{{K: "open", B: m.Menu == "account"}, {K: "expanded", S: core.BoolAttr(m.Menu == "account")},
		{K: "name", S: accountLabel(m)}, {K: "label", S: c.T("account.button", "name", accountLabel(m))},
		{K: "account", S: acct.Name}, {K: "id", S: dashedID(acct.ID)}, {K: "user", B: !m.Session.Root, S: m.Session.UserName},
		{K: "copied", B: m.IAM.Copied != "" && m.IAM.Copied == acct.ID}})
}

// simulatorTpl is the simulator menu.
var simulatorTpl = ui.Lazy(`
<div class="menu">
	<button type="button" id="menu-btn-simulator" class="nav-btn menu-btn" data-action="menu" data-arg="simulator" aria-expanded="$expanded" aria-controls="simulator-menu">{t simulator.menu}</button>
	<div if="open" id="simulator-menu" class="dropdown simulator-menu" role="region" aria-label="%simulator.menu">
		<ul class="menu-list">
			<li><a id="simulator-open" href="#/simulator">{t simulator.open}</a></li>
			<li><a id="simulator-private" href="./?private=1#/signin" target="_blank" rel="noopener">{t simulator.private}</a></li>
		</ul>
	</div>
</div>`)

func simulatorMenu(m Model, c i18n.Catalog) ui.Node {
	return simulatorTpl.Root(c, ui.Vals{{K: "open", B: m.Menu == "simulator"}, {K: "expanded", S: core.BoolAttr(m.Menu == "simulator")}})
}
