package console

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/catalog"
)

// searchTpl is the unified search: a combobox (the field keeps focus;
// Up and Down move the highlighted result, named by
// aria-activedescendant; Enter opens it; Escape closes the results) over
// a listbox of grouped results. The field is type="text": a search
// field's native Escape would empty it. Results are links, so a click opens them
// as any link does.
var searchTpl = ui.Lazy(`
<div class="menu unified-search" role="search" aria-label="%search.label">
	<label for="search-input" class="visually-hidden">{t search.label}</label>
	<input id="search-input" type="text" name="search.q" value="$q" role="combobox" aria-autocomplete="list" aria-expanded="$expanded" aria-controls="?listbox" aria-activedescendant="?active" aria-describedby="search-keys" autocomplete="off" spellcheck="false" placeholder="%search.placeholder" data-nav="services">
	<span class="search-kbd" aria-hidden="true">{"[Alt+S]"}</span>
	<span id="search-keys" class="visually-hidden">{t search.keys}</span>
	<div if="panel" id="search-panel" class="dropdown search-panel">
		<div if="listbox" id="search-results" role="listbox" aria-label="%search.results">
			<div each="groups" role="group" aria-labelledby="$gid" class="search-group">
				<div id="$gid" role="presentation" class="search-group-title">{t $gkey count=$count}</div>
				<a each="items" id="$id" role="option" href="$href" tabindex="-1" aria-selected="$sel" class="search-opt"><span class="search-title"><span if="svc" lang="en">{d name}</span><_ if="!svc">{t =title}</_></span>{" "}<span if="desc" class="search-desc">{t =desc}</span></a>
			</div>
		</div>
		<p if="!listbox" class="empty" role="status">{t search.none}</p>
		<p class="search-foot">{t search.offline}</p>
	</div>
</div>`)

// searchGroups are the unified search's result groups in display order
// with their headings' catalog keys.
var searchGroups = []struct{ ID, Key string }{{"services", "search.g.services"}, {"features", "search.g.features"}, {"docs", "search.g.docs"}}

// unifiedSearch computes the unified search's view-model.
func unifiedSearch(m Model, c i18n.Catalog) ui.Node {
	open := m.Menu == "search"
	var groups []ui.Vals
	hits := 0
	if open {
		all := searchHits(c, m.Search)
		hits = len(all)
		for _, g := range searchGroups {
			var items []ui.Vals
			for i, h := range all {
				if h.Group != g.ID {
					continue
				}
				title, desc := hitText(c, h)
				items = append(items, ui.Vals{{K: "id", S: searchOptionID(i)}, {K: "href", S: h.Href},
					{K: "sel", S: core.BoolAttr(i == m.SearchAt)}, {K: "svc", B: h.Group == "services"}, {K: "name", S: h.Name}, {K: "title", S: title}, {K: "desc", B: desc != "", S: desc}})
			}
			if len(items) > 0 {
				groups = append(groups, ui.Vals{{K: "gid", S: "search-g-" + g.ID}, {K: "gkey", S: g.Key},
					{K: "count", S: strconv.Itoa(len(items))}, {K: "items", L: items}})
			}
		}
	}
	active := m.SearchAt >= 0 && m.SearchAt < hits
	return searchTpl.Root(c, ui.Vals{{K: "q", S: m.Search}, {K: "panel", B: open}, {K: "listbox", B: hits > 0, S: "search-results"},
		{K: "expanded", S: core.BoolAttr(hits > 0)}, {K: "active", B: active, S: searchOptionID(m.SearchAt)}, {K: "groups", L: groups}})
}

// hitText is a result's title and the line under it, in the catalog's
// language.
func hitText(c i18n.Catalog, h searchHit) (title, desc string) {
	switch {
	case h.Group == "services":
		return h.Name, c.T(h.Desc)
	case h.Group == "features":
		return c.T(h.Title), c.T("search.featureOf", "name", h.Name)
	case h.Name != "":
		return c.T(h.Title, "name", h.Name), c.T("search.docOf")
	}
	return c.T(h.Title), c.T("search.docOf")
}

// searchOptionID is the id of the i-th result.
func searchOptionID(i int) string { return "search-opt-" + strconv.Itoa(i) }

// searchKey handles the unified search's keys in its field: Alt+S (the
// console's shortcut; Option+S on a Mac) focuses it with its text
// selected, Down and Up move
// the highlighted result (round the list), Enter opens the highlighted
// result or the first, Escape closes the results with focus staying in
// the field. It reports whether it handled the key.
func (m Model) searchKey(key, target string) (Model, []Effect, bool) {
	stay := []Effect{Focus{ID: "search-input"}}
	switch {
	case key == "Alt+S":
		if !m.Session.SignedIn() {
			return m, nil, false
		}
		m.SearchAt = -1
		if len(searchHits(m.Catalog(), m.Search)) > 0 {
			m.Menu = "search"
		} else {
			m.Menu = ""
		}
		// What was typed before is selected, so that typing replaces it.
		return m, append(stay, SetSelection{ID: "search-input", End: len(m.Search)}), true
	case key == "Escape" && m.Menu == "search":
		m.Menu, m.SearchAt = "", -1
		return m, stay, true
	case target != "search-input":
		return m, nil, false
	}
	hits := searchHits(m.Catalog(), m.Search)
	n := len(hits)
	if n == 0 {
		return m, stay, key == "ArrowDown" || key == "ArrowUp" || key == "Enter"
	}
	if m.Menu != "search" {
		m.SearchAt = -1
	}
	switch key {
	case "ArrowDown":
		m.Menu = "search"
		m.SearchAt = (m.SearchAt + 1) % n
	case "ArrowUp":
		m.Menu = "search"
		if m.SearchAt <= 0 {
			m.SearchAt = n - 1
		} else {
			m.SearchAt--
		}
	case "Enter":
		// The query stays in the field, as the field keeps it while it
		// has focus; Alt+S selects it for the next search.
		at := max(m.SearchAt, 0)
		m.SearchAt = -1
		next, fx := m.navigate(hits[at].Href)
		return next, append(fx, next.urlEffect(true), Focus{ID: "page-title"}), true
	default:
		return m, nil, false
	}
	return m, stay, true
}

// iconsTpl is the top bar's icons as AWS's: CloudShell, notifications,
// help and settings. Each is a labelled button with a panel that says
// what the feature is and what this offline simulator does there; the
// settings panel sets the language, as AWS's does.
var iconsTpl = ui.Lazy(`
<div class="top-icons">
	<div class="menu">
		<button type="button" id="menu-btn-cloudshell" class="nav-btn icon-btn" data-action="menu" data-arg="cloudshell" aria-expanded="$cloudshellOn" aria-controls="cloudshell-menu" aria-label="%cloudshell.label"><span class="tb-icon icon-cloudshell" aria-hidden="true"></span></button>
		<div if="cloudshell" id="cloudshell-menu" class="dropdown icon-panel" role="region" aria-labelledby="cloudshell-title">
			<h2 id="cloudshell-title">{t cloudshell.title}</h2>
			<p>{t cloudshell.aws}</p>
			<p>{t cloudshell.sim}</p>
		</div>
	</div>
	<div class="menu">
		<button type="button" id="menu-btn-notifications" class="nav-btn icon-btn" data-action="menu" data-arg="notifications" aria-expanded="$notificationsOn" aria-controls="notifications-menu" aria-label="%notifications.label"><span class="tb-icon icon-notifications" aria-hidden="true"></span></button>
		<div if="notifications" id="notifications-menu" class="dropdown icon-panel" role="region" aria-labelledby="notifications-title">
			<h2 id="notifications-title">{t notifications.title}</h2>
			<p class="empty">{t notifications.none}</p>
			<p>{t notifications.sim}</p>
		</div>
	</div>
	<div class="menu">
		<button type="button" id="menu-btn-help" class="nav-btn icon-btn" data-action="menu" data-arg="help" aria-expanded="$helpOn" aria-controls="help-menu" aria-label="%help.label"><span class="tb-icon icon-help" aria-hidden="true"></span></button>
		<div if="help" id="help-menu" class="dropdown icon-panel" role="region" aria-labelledby="help-title">
			<h2 id="help-title">{t help.title}</h2>
			<ul class="menu-list">
				<li><a id="help-simulator" href="#/simulator">{t help.simulator}</a></li>
				<li><a href="#/services/iam">{t help.iamDoc}</a></li>
				<li><a href="#/info/support-plans">{t info.support-plans.title}</a></li>
			</ul>
			<h3>{t help.keys}</h3>
			<dl class="kv">
				<dt><kbd>{"Alt+S"}</kbd></dt><dd>{t help.key.search}</dd>
				<dt><kbd>{"Esc"}</kbd></dt><dd>{t help.key.escape}</dd>
			</dl>
			<p class="help-note">{t help.sim}</p>
		</div>
	</div>
	<div class="menu">
		<button type="button" id="menu-btn-settings" class="nav-btn icon-btn" data-action="menu" data-arg="settings" aria-expanded="$settingsOn" aria-controls="settings-menu" aria-label="%settings.label"><span class="tb-icon icon-settings" aria-hidden="true"></span></button>
		<div if="settings" id="settings-menu" class="dropdown icon-panel" role="region" aria-labelledby="settings-title">
			<h2 id="settings-title">{t settings.title}</h2>
			<h3>{t settings.language}</h3>
			{slot lang}
			<h3>{t settings.region}</h3>
			<p>{d region}{" "}<span class="region-code">{d regionCode}</span></p>
			<p class="help-note">{t settings.regionNote}</p>
			<p><a id="settings-all" href="#/info/settings">{t settings.all}</a></p>
		</div>
	</div>
</div>`)

// topIcons computes the icons' view-model.
func topIcons(m Model, c i18n.Catalog) ui.Node {
	v := ui.Vals{}
	for _, k := range []string{"cloudshell", "notifications", "help", "settings"} {
		v = append(v, ui.V{K: k, B: m.Menu == k}, ui.V{K: k + "On", S: core.BoolAttr(m.Menu == k)})
	}
	if m.Menu == "settings" {
		reg, _ := catalog.LookupRegion(m.UI.Region)
		v = append(v, ui.V{K: "lang", N: []ui.Node{langSwitch(m, c, "settings-lang")}}, ui.V{K: "region", S: regionName(c, reg)},
			ui.V{K: "regionCode", S: reg.Code})
	}
	return iconsTpl.Root(c, v)
}
