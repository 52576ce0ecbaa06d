package console

import (
	"labsim/console/lab"
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
			withLab(m, c, ui.El("main", ui.ID("main"), ui.Class("site-main"), publicPage(m, c, r))),
			overlays(m, c),
		)
	} else {
		page = ui.El("div", ui.Class("console"),
			topNav(m, c, r),
			notices(m, c),
			ui.El("div", ui.Class("layout", lab.PanelClass(m.Model)),
				ui.El("main", ui.ID("main"), ui.Class("content"), consolePage(m, c, r)),
				lab.Panel(m.Model, c),
			),
			overlays(m, c),
		)
	}
	// A button, not a link to #main: the URL fragment is the router's.
	skip := button(c, "nav.skip", "skip", "", ui.Class("skip-link"))
	return ui.El("div", ui.ID("app"), ui.A("lang", string(langAttr(m.UI.Lang))), skip, page)
}

// withLab docks the lab guide beside a signed-out page while it is open.
func withLab(m Model, c i18n.Catalog, main ui.Node) ui.Node {
	if !m.UI.GuideOpen {
		return main
	}
	return ui.El("div", ui.Class("site-layout", lab.PanelClass(m.Model)), main, lab.Panel(m.Model, c))
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
	if a, ok := areaForRoute(r); ok && a.Title != nil {
		return a.Title(m.Model, c, r)
	}
	return c.T("notfound.title")
}

// publicPage is the page a signed-out visitor sees.
func publicPage(m Model, c i18n.Catalog, r Route) ui.Node {
	if a, ok := areaForRoute(r); ok && a.Public && a.View != nil {
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
	if a, ok := areaForRoute(r); ok && a.View != nil {
		if n, denied := deniedView(m, c, a, r); denied {
			return n
		}
		if box, denied := opDeniedView(m, c); denied {
			return ui.El("div", ui.Class("op-denied"), box, a.View(m.Model, c, r))
		}
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

// noticesTpl is the banners (Cloudscape's flashbar); errors and warnings
// are announced assertively. A crash offers its diagnostics to copy; a
// failed copy or download offers the text to copy by hand.
var noticesTpl = ui.MustParse(`
<div class="flashbar" aria-live="polite">
	<div each="notices" class="$class" role="$role">
		<div class="flash-body">
			{t =text}
			<button if="crashed" type="button" data-action="copy" data-arg="$id" class="btn btn-normal">{t notice.copyDiagnostics}</button>
			<_ if="fallback">
				<label for="$fallbackID">{t notice.fallback.label}</label>
				<textarea id="$fallbackID" readonly rows="6">{d diagnostics}</textarea>
			</_>
		</div>
		<button type="button" class="flash-dismiss" data-action="dismiss" data-arg="$id" aria-label="%notice.dismiss"><span aria-hidden="true">{"×"}</span></button>
	</div>
</div>`)

// notices computes the banners' view-model.
func notices(m Model, c i18n.Catalog) ui.Node {
	items := make([]ui.Vals, 0, len(m.Notices))
	for _, n := range m.Notices {
		role := "status"
		if n.Kind == "error" || n.Kind == "warning" {
			role = "alert"
		}
		id := strconv.Itoa(n.ID)
		items = append(items, ui.Vals{{K: "class", S: "flash flash-" + n.Kind}, {K: "role", S: role}, {K: "id", S: id},
			{K: "text", S: c.T(n.Key, n.Args...)}, {K: "crashed", B: n.Diagnostics != "" && n.Key == "notice.crashed"},
			{K: "fallback", B: n.Diagnostics != "" && n.Key != "notice.crashed"}, {K: "fallbackID", S: "fallback-" + id},
			{K: "diagnostics", S: n.Diagnostics}})
	}
	return noticesTpl.Root(c, ui.Vals{{K: "notices", L: items}})
}

func notFoundPage(c i18n.Catalog) ui.Node {
	return ui.El("section", ui.Class("page"),
		heading(ui.Text(c.T("notfound.title"))),
		ui.El("p", ui.Text(c.T("notfound.body"))),
		ui.El("a", ui.A("href", "#/"), ui.Text(c.T("notfound.home"))),
	)
}
