package console

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/catalog"
)

// topNav is the console's top bar: home link, Services menu, language
// switch, lab guide, region selector, account menu and simulator menu.
func topNav(m Model, c i18n.Catalog, r Route) ui.Node {
	return ui.El("header", ui.Class("topnav"),
		ui.El("nav", ui.Class("topnav-inner"), ui.A("aria-label", c.T("nav.label")),
			ui.El("a", ui.Class("brand"), ui.A("href", "#/"), ui.A("aria-label", c.T("nav.home")),
				ui.El("span", ui.Class("brand-mark"), ui.A("aria-hidden", "true")),
				ui.El("span", ui.Class("brand-name"), ui.Text(c.T("app.name")))),
			servicesMenu(m, c),
			ui.El("span", ui.Class("spacer")),
			extraNavItems(m, c),
			langSwitch(m, c, "topnav-lang"),
			button(c, "nav.guide", "guide", "", ui.Class("nav-btn"), ui.A("aria-pressed", core.BoolAttr(m.UI.GuideOpen))),
			regionMenu(m, c, r),
			accountMenu(m, c),
			simulatorMenu(m, c),
		),
	)
}

// menuButton is a top-bar button that opens a dropdown.
func menuButton(m Model, name string, label any, extra ...any) ui.Node {
	parts := []any{ui.A("type", "button"), ui.ID("menu-btn-" + name), ui.Class("nav-btn", "menu-btn"), ui.A("data-action", "menu"),
		ui.A("data-arg", name), ui.A("aria-expanded", core.BoolAttr(m.Menu == name)), ui.A("aria-controls", name+"-menu")}
	parts = append(parts, extra...)
	parts = append(parts, label)
	return ui.El("button", parts...)
}

func servicesMenu(m Model, c i18n.Catalog) ui.Node {
	open := m.Menu == "services"
	var panel ui.Node
	if open {
		var groups []ui.Node
		for _, cat := range Categories {
			var items []ui.Node
			for _, s := range Services {
				if s.Category == cat && s.Matches(m.Filter) {
					items = append(items, ui.El("li", ui.El("a", ui.A("href", serviceHref(s)),
						ui.El("span", ui.Class("svc-name"), ui.Data(s.Name)),
						ui.El("span", ui.Class("svc-desc"), ui.Text(c.T("svc."+s.ID+".short"))))))
				}
			}
			if len(items) > 0 {
				groups = append(groups, ui.El("section", ui.Class("svc-group"), ui.A("aria-labelledby", "cat-"+cat),
					ui.El("h2", ui.ID("cat-"+cat), ui.Text(c.T("cat."+cat))),
					ui.El("ul", items)))
			}
		}
		if len(groups) == 0 {
			groups = append(groups, ui.El("p", ui.Class("empty"), ui.Text(c.T("services.noMatch"))))
		}
		panel = ui.El("div", ui.ID("services-menu"), ui.Class("dropdown", "services-menu"), ui.A("role", "region"),
			ui.A("aria-label", c.T("shell.services")),
			ui.El("label", ui.A("for", "services-filter"), ui.Class("field-label"), ui.Text(c.T("services.search"))),
			ui.El("input", ui.ID("services-filter"), ui.A("type", "search"), ui.A("name", "services.filter"),
				ui.A("value", m.Filter), ui.A("autocomplete", "off"), ui.A("placeholder", c.T("services.placeholder"))),
			ui.El("div", ui.Class("svc-groups"), groups),
		)
	}
	return ui.El("div", ui.Class("menu"),
		menuButton(m, "services", ui.Text(c.T("shell.services"))),
		ui.If(open, panel))
}

// serviceHref is where a service's menu entry leads.
func serviceHref(s Service) string {
	if href, ok := serviceConsoles[s.ID]; ok {
		return href // the service's console; #/services/<id> still describes it
	}
	return "#/services/" + s.ID
}

// langSwitch is the 한국어 / English toggle.
func langSwitch(m Model, c i18n.Catalog, id string) ui.Node {
	opt := func(l i18n.Lang, name string) ui.Node {
		return ui.El("button", ui.A("type", "button"), ui.Class("lang-opt"), ui.A("data-action", "lang"),
			ui.A("data-arg", string(l)), ui.A("lang", string(l)), ui.A("aria-pressed", core.BoolAttr(m.UI.Lang == l)), ui.Data(name))
	}
	return ui.El("div", ui.ID(id), ui.Class("lang-switch"), ui.A("role", "group"), ui.A("aria-label", c.T("nav.language")),
		opt(i18n.KO, "한국어"), opt(i18n.EN, "English"))
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

func regionMenu(m Model, c i18n.Catalog, r Route) ui.Node {
	if globalPages[r.Page] || (r.Page == "services" && r.Arg == "iam") {
		return ui.El("div", ui.Class("menu"),
			ui.El("button", ui.A("type", "button"), ui.Class("nav-btn", "region-global"), ui.A("disabled", ""),
				ui.A("aria-describedby", "global-note"), ui.Text(c.T("region.global"))),
			ui.El("span", ui.ID("global-note"), ui.Class("visually-hidden"), ui.Text(c.T("region.globalNote"))))
	}
	cur, _ := catalog.LookupRegion(m.UI.Region)
	var panel ui.Node
	if m.Menu == "region" {
		var items []ui.Node
		for _, reg := range catalog.Regions() {
			sel := reg.Code == m.UI.Region
			items = append(items, ui.El("li", ui.El("button", ui.A("type", "button"), ui.ID("region-"+reg.Code), ui.Class("region-opt"),
				ui.A("data-action", "region"), ui.A("data-arg", reg.Code), ui.A("aria-pressed", core.BoolAttr(sel)),
				ui.El("span", ui.Class("region-name"), ui.Data(regionName(c, reg))),
				ui.Data(" "),
				ui.El("span", ui.Class("region-code"), ui.Data(reg.Code)))))
		}
		panel = ui.El("div", ui.ID("region-menu"), ui.Class("dropdown", "region-menu"), ui.A("role", "region"),
			ui.A("aria-label", c.T("region.label")), ui.El("ul", items))
	}
	return ui.El("div", ui.Class("menu"),
		// The visible city stays the start of the accessible name ("Region:
		// Seoul"), as WCAG's label-in-name asks; the full name is in the menu.
		menuButton(m, "region", []ui.Node{
			ui.El("span", ui.Class("visually-hidden"), ui.Text(c.T("region.prefix"))),
			ui.Data(regionShort(c, cur))}),
		ui.If(m.Menu == "region", panel))
}

// accountLabel is the account menu's button text: the account name for
// root, "user @ account" for an IAM user.
func accountLabel(m Model) string {
	acct := m.World.Accounts[m.Session.AccountID]
	if m.Session.Root {
		return acct.Name
	}
	return m.Session.UserName + " @ " + dashedID(acct.ID)
}

// dashedID writes an account ID as the console shows it: 1234-5678-9012.
func dashedID(id string) string {
	if len(id) != 12 {
		return id
	}
	return id[:4] + "-" + id[4:8] + "-" + id[8:]
}

func accountMenu(m Model, c i18n.Catalog) ui.Node {
	var panel ui.Node
	if m.Menu == "account" {
		acct := m.World.Accounts[m.Session.AccountID]
		panel = ui.El("div", ui.ID("account-menu"), ui.Class("dropdown", "account-menu"), ui.A("role", "region"),
			ui.A("aria-label", c.T("account.menu")),
			ui.El("dl", ui.Class("kv"),
				ui.El("dt", ui.Text(c.T("account.name"))), ui.El("dd", ui.Data(acct.Name)),
				ui.El("dt", ui.Text(c.T("account.id"))), ui.El("dd", ui.Class("mono"), ui.Data(dashedID(acct.ID))),
				ui.If(!m.Session.Root, []ui.Node{ui.El("dt", ui.Text(c.T("account.user"))), ui.El("dd", ui.Data(m.Session.UserName))}),
			),
			ui.El("ul", ui.Class("menu-list"),
				ui.El("li", ui.El("a", ui.ID("account-credentials"), ui.A("href", "#/security-credentials"), ui.Text(c.T("account.credentials"))))),
			ui.El("div", ui.Class("menu-footer"), button(c, "account.signout", "signout", "", ui.Class("btn", "btn-primary"))),
		)
	}
	return ui.El("div", ui.Class("menu"),
		menuButton(m, "account", ui.Data(accountLabel(m)), ui.A("aria-label", c.T("account.button", "name", accountLabel(m)))),
		ui.If(m.Menu == "account", panel))
}

func simulatorMenu(m Model, c i18n.Catalog) ui.Node {
	var panel ui.Node
	if m.Menu == "simulator" {
		panel = ui.El("div", ui.ID("simulator-menu"), ui.Class("dropdown", "simulator-menu"), ui.A("role", "region"),
			ui.A("aria-label", c.T("simulator.menu")),
			ui.El("ul", ui.Class("menu-list"),
				ui.El("li", ui.El("a", ui.ID("simulator-open"), ui.A("href", "#/simulator"), ui.Text(c.T("simulator.open"))))))
	}
	return ui.El("div", ui.Class("menu"),
		menuButton(m, "simulator", ui.Text(c.T("simulator.menu"))),
		ui.If(m.Menu == "simulator", panel))
}
