package console

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// View renders the whole page for the model.
func View(m Model) ui.Node {
	c := m.Catalog()
	r := m.route()
	var page ui.Node
	if !m.Session.SignedIn() {
		page = ui.El("div", ui.Class("site"),
			siteHeader(m, c),
			notices(m, c),
			ui.El("main", ui.ID("main"), ui.Class("site-main"), publicPage(m, c, r)),
			overlays(m, c),
		)
	} else {
		page = ui.El("div", ui.Class("console"),
			topNav(m, c, r),
			notices(m, c),
			ui.El("div", ui.Class("layout", guideClass(m)),
				ui.El("main", ui.ID("main"), ui.Class("content"), consolePage(m, c, r)),
				ui.If(m.UI.GuideOpen, guidePanel(c)),
			),
			overlays(m, c),
		)
	}
	// A button, not a link to #main: the URL fragment is the router's.
	skip := button(c, "nav.skip", "skip", "", ui.Class("skip-link"))
	return ui.El("div", ui.ID("app"), ui.A("lang", string(langAttr(m.UI.Lang))), skip, page)
}

func guideClass(m Model) string {
	if m.UI.GuideOpen {
		return "with-guide"
	}
	return ""
}

func langAttr(l i18n.Lang) i18n.Lang {
	if l == i18n.KO {
		return i18n.KO
	}
	return i18n.EN
}

// Title is the document title for the model's page.
func Title(m Model) string {
	c := m.Catalog()
	return pageTitle(m, c) + " | " + c.T("app.name")
}

func pageTitle(m Model, c i18n.Catalog) string {
	r := m.route()
	switch {
	case !m.Session.SignedIn() && r.Page == "home":
		return c.T("landing.title")
	case r.Page == "home":
		return c.T("home.title")
	case r.Page == "services":
		if s, ok := ServiceByID(r.Arg); ok {
			return s.Name
		}
	case r.Page == "simulator":
		return c.T("simulator.title")
	}
	if a, ok := areaForPage(r.Page); ok && a.Title != nil {
		return a.Title(m.Model, c, r)
	}
	return c.T("notfound.title")
}

// publicPage is the page a signed-out visitor sees.
func publicPage(m Model, c i18n.Catalog, r Route) ui.Node {
	if a, ok := areaForPage(r.Page); ok && a.Public && a.View != nil {
		return a.View(m.Model, c, r)
	}
	switch r.Page {
	case "simulator":
		return simulatorPage(m, c)
	default:
		return landingPage(c)
	}
}

// consolePage is the page a signed-in student sees.
func consolePage(m Model, c i18n.Catalog, r Route) ui.Node {
	switch r.Page {
	case "home":
		return homePage(m, c)
	case "services":
		if s, ok := ServiceByID(r.Arg); ok {
			return servicePage(c, s)
		}
	case "simulator":
		return simulatorPage(m, c)
	}
	if a, ok := areaForPage(r.Page); ok && a.View != nil {
		return a.View(m.Model, c, r)
	}
	return notFoundPage(c)
}

// heading is a page's h1 (core.Heading).
func heading(text ui.Node) ui.Node { return core.Heading(text) }

// button is a button that sends a Click (core.Button).
func button(c i18n.Catalog, key, action, arg string, extra ...any) ui.Node {
	return core.Button(c, key, action, arg, extra...)
}

// notices renders the banners; errors are announced assertively.
func notices(m Model, c i18n.Catalog) ui.Node {
	var items []ui.Node
	for _, n := range m.Notices {
		role := "status"
		if n.Kind == "error" || n.Kind == "warning" {
			role = "alert"
		}
		id := strconv.Itoa(n.ID)
		var extra []ui.Node
		if n.Diagnostics != "" {
			switch n.Key {
			case "notice.crashed":
				extra = append(extra, button(c, "notice.copyDiagnostics", "copy", id, ui.Class("btn", "btn-normal")))
			default:
				// A failed copy or download: offer the text to copy by hand.
				extra = append(extra,
					ui.El("label", ui.A("for", "fallback-"+id), ui.Text(c.T("notice.fallback.label"))),
					ui.El("textarea", ui.ID("fallback-"+id), ui.A("readonly", ""), ui.A("rows", "6"), ui.Data(n.Diagnostics)))
			}
		}
		items = append(items, ui.El("div", ui.Class("flash", "flash-"+n.Kind), ui.A("role", role),
			ui.El("div", ui.Class("flash-body"), ui.Text(c.T(n.Key, n.Args...)), extra),
			ui.El("button", ui.A("type", "button"), ui.Class("flash-dismiss"), ui.A("data-action", "dismiss"),
				ui.A("data-arg", id), ui.A("aria-label", c.T("notice.dismiss")), ui.El("span", ui.A("aria-hidden", "true"), ui.Data("×"))),
		))
	}
	return ui.El("div", ui.Class("flashbar"), ui.A("aria-live", "polite"), items)
}

func notFoundPage(c i18n.Catalog) ui.Node {
	return ui.El("section", ui.Class("page"),
		heading(ui.Text(c.T("notfound.title"))),
		ui.El("p", ui.Text(c.T("notfound.body"))),
		ui.El("a", ui.A("href", "#/"), ui.Text(c.T("notfound.home"))),
	)
}
