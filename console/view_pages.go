package console

import (
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// siteHeader is the signed-out header in the style of aws.amazon.com.
func siteHeader(m Model, c i18n.Catalog) ui.Node {
	return ui.El("header", ui.Class("site-header"),
		ui.El("nav", ui.Class("site-header-inner"), ui.A("aria-label", c.T("nav.label")),
			ui.El("a", ui.Class("brand"), ui.A("href", "#/"), ui.A("aria-label", c.T("nav.home")),
				ui.El("span", ui.Class("brand-mark"), ui.A("aria-hidden", "true")),
				ui.El("span", ui.Class("brand-name"), ui.Text(c.T("app.name")))),
			ui.El("span", ui.Class("spacer")),
			extraNavItems(m, c),
			langSwitch(m, c, "site-lang"),
			ui.El("a", ui.Class("site-link"), ui.A("href", "#/simulator"), ui.Text(c.T("simulator.menu"))),
			ui.El("a", ui.Class("btn", "btn-normal", "on-dark"), ui.A("href", "#/signin"), ui.Text(c.T("landing.signin"))),
			ui.El("a", ui.Class("btn", "btn-primary"), ui.A("href", "#/signup"), ui.Text(c.T("landing.create"))),
		),
	)
}

// landingPage is the page before sign-in.
func landingPage(c i18n.Catalog) ui.Node {
	card := func(key string) ui.Node {
		return ui.El("li", ui.Class("feature"),
			ui.El("h3", ui.Text(c.T("landing."+key+".title"))),
			ui.El("p", ui.Text(c.T("landing."+key+".body"))))
	}
	return ui.El("div", ui.Class("landing"),
		ui.El("section", ui.Class("hero"),
			ui.El("div", ui.Class("hero-inner"),
				ui.El("p", ui.Class("eyebrow"), ui.Text(c.T("landing.eyebrow"))),
				heading(ui.Text(c.T("landing.title"))),
				ui.El("p", ui.Class("lead"), ui.Text(c.T("landing.lead"))),
				ui.El("div", ui.Class("hero-actions"),
					ui.El("a", ui.Class("btn", "btn-primary", "btn-large"), ui.A("href", "#/signup"), ui.Text(c.T("landing.create"))),
					ui.El("a", ui.Class("btn", "btn-normal", "btn-large", "on-dark"), ui.A("href", "#/signin"), ui.Text(c.T("landing.signin")))),
			)),
		ui.El("section", ui.Class("features"), ui.A("aria-labelledby", "features-title"),
			ui.El("h2", ui.ID("features-title"), ui.Text(c.T("landing.features"))),
			ui.El("ul", ui.Class("feature-grid"), card("signup"), card("mfa"), card("iam"), card("offline"))),
		ui.El("p", ui.Class("disclaimer"), ui.Text(c.T("landing.disclaimer"))),
	)
}

// homePage is Console Home.
func homePage(m Model, c i18n.Catalog) ui.Node {
	acct := m.World.Accounts[m.Session.AccountID]
	var cats []ui.Node
	for _, cat := range Categories {
		var links []ui.Node
		for _, s := range Services {
			if s.Category == cat {
				links = append(links, ui.El("li", ui.El("a", ui.A("href", serviceHref(s)), ui.Data(s.Name))))
			}
		}
		cats = append(cats, ui.El("section", ui.Class("container"), ui.A("aria-labelledby", "home-cat-"+cat),
			ui.El("h2", ui.ID("home-cat-"+cat), ui.Text(c.T("cat."+cat))), ui.El("ul", ui.Class("link-list"), links)))
	}
	return ui.El("section", ui.Class("page"),
		heading(ui.Text(c.T("home.title"))),
		ui.El("div", ui.Class("container"),
			ui.El("h2", ui.Text(c.T("home.welcome"))),
			ui.El("p", ui.Text(c.T("home.intro"))),
			ui.El("dl", ui.Class("kv"),
				ui.El("dt", ui.Text(c.T("account.name"))), ui.El("dd", ui.Data(acct.Name)),
				ui.El("dt", ui.Text(c.T("account.id"))), ui.El("dd", ui.Class("mono"), ui.Data(dashedID(acct.ID))))),
		ui.El("div", ui.Class("grid"), cats),
	)
}

// servicePage is a service's own page: what it is for, its category, and
// what this version of the simulator lets the student do there.
func servicePage(c i18n.Catalog, s Service) ui.Node {
	return ui.El("section", ui.Class("page"),
		ui.El("nav", ui.Class("breadcrumbs"), ui.A("aria-label", c.T("nav.breadcrumbs")),
			ui.El("ol", ui.El("li", ui.El("a", ui.A("href", "#/"), ui.Text(c.T("home.title")))),
				ui.El("li", ui.A("aria-current", "page"), ui.Data(s.Name)))),
		heading(ui.Data(s.Name)),
		ui.El("p", ui.Class("subtitle"), ui.Data(s.FullName)),
		ui.El("div", ui.Class("container"),
			ui.El("h2", ui.Text(c.T("service.about"))),
			ui.El("p", ui.Text(c.T("svc."+s.ID+".desc"))),
			ui.El("dl", ui.Class("kv"),
				ui.El("dt", ui.Text(c.T("service.category"))), ui.El("dd", ui.Text(c.T("cat."+s.Category))))),
		ui.El("div", ui.Class("container", "callout"),
			ui.El("h2", ui.Text(c.T("service.inSim"))),
			ui.El("p", ui.Text(c.T(simNoteKey(s))))),
	)
}

// simNoteKey names the statement of what the simulator offers for a
// service.
func simNoteKey(s Service) string {
	if s.ID == "iam" {
		return "svc.iam.sim"
	}
	return "service.readOnly"
}

// simulatorPage holds the saved data tools: storage status, prepared
// worlds, reset, export and import.
func simulatorPage(m Model, c i18n.Catalog) ui.Node {
	storageKey := "simulator.storage.local"
	if m.Storage.Mode == "memory" {
		storageKey = "simulator.storage.memory." + m.Storage.Reason
	}
	var worlds []ui.Node
	for _, p := range sim.PreparedWorlds() {
		confirming := m.Confirm == "world:"+p.Name
		worlds = append(worlds, ui.El("li", ui.Class("world"),
			ui.El("div", ui.El("strong", ui.Data(p.Name)), ui.El("p", ui.Text(c.T("world."+p.Name)))),
			ui.If(!confirming, button(c, "simulator.load", "world", p.Name, ui.ID("world-"+p.Name), ui.Class("btn", "btn-normal"),
				ui.A("aria-label", c.T("simulator.loadWorld", "name", p.Name)))),
			ui.If(confirming, confirmBox(c, "simulator.confirmWorld", "world", p.Name, p.Name)),
		))
	}
	importErr := ui.Node{}
	if m.ImportError != "" {
		importErr = ui.El("p", ui.ID("import-error"), ui.Class("field-error"), ui.A("role", "alert"), ui.Data(m.ImportError))
	}
	fileAttrs := []any{ui.ID("import-file"), ui.A("type", "file"), ui.A("accept", ".json,application/json"), ui.A("data-import", "true")}
	if m.ImportError != "" {
		fileAttrs = append(fileAttrs, ui.A("aria-invalid", "true"), ui.A("aria-describedby", "import-error"))
	}
	return ui.El("section", ui.Class("page"),
		heading(ui.Text(c.T("simulator.title"))),
		ui.El("div", ui.Class("container"),
			ui.El("h2", ui.Text(c.T("simulator.storage"))),
			ui.El("p", ui.Text(c.T(storageKey)))),
		ui.El("div", ui.Class("container"),
			ui.El("h2", ui.Text(c.T("simulator.worlds"))),
			ui.El("p", ui.Text(c.T("simulator.worldsIntro"))),
			ui.El("ul", ui.Class("worlds"), worlds)),
		asideSection(m, c),
		ui.El("div", ui.Class("container"),
			ui.El("h2", ui.Text(c.T("simulator.export"))),
			ui.El("p", ui.Text(c.T("simulator.exportNote"))),
			button(c, "simulator.exportButton", "export", "", ui.Class("btn", "btn-normal"))),
		ui.El("div", ui.Class("container"),
			ui.El("h2", ui.Text(c.T("simulator.import"))),
			ui.El("p", ui.Text(c.T("simulator.importNote"))),
			ui.El("label", ui.A("for", "import-file"), ui.Class("field-label"), ui.Text(c.T("simulator.importFile"))),
			ui.El("input", fileAttrs...),
			importErr, importConfirm(m, c)),
		ui.El("div", ui.Class("container"),
			ui.El("h2", ui.Text(c.T("simulator.reset"))),
			ui.El("p", ui.Text(c.T("simulator.resetNote"))),
			ui.If(m.Confirm != "reset", button(c, "simulator.resetButton", "reset", "", ui.ID("reset-button"), ui.Class("btn", "btn-danger"))),
			ui.If(m.Confirm == "reset", confirmBox(c, "simulator.confirmReset", "reset", "", ""))),
	)
}

// confirmBox asks for confirmation of a destructive action.
func confirmBox(c i18n.Catalog, key, action, arg, name string) ui.Node {
	return ui.El("div", ui.Class("confirm"), ui.A("role", "alertdialog"), ui.A("aria-labelledby", "confirm-text"),
		ui.El("p", ui.ID("confirm-text"), ui.A("tabindex", "-1"), ui.Text(c.T(key, "name", name))),
		button(c, "confirm.yes", action, arg, ui.Class("btn", "btn-danger")),
		button(c, "confirm.cancel", "cancel", "", ui.Class("btn", "btn-link")))
}
