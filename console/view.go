package console

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// page is the whole page: a skip button (not a link to #main: the URL
// fragment is the router's), then the signed-out site (header, banners,
// the public page) or the console (top bar, banners, the page and the lab
// guide), and the areas' drawers.
var page = ui.Lazy(`
<div id="app" lang="$lang">
	<button type="button" data-action="skip" class="skip-link">{t nav.skip}</button>
	<div if="!signedIn" class="site">
		{slot header}
		{slot notices}
		{slot main}
		{slot overlays}
	</div>
	<div if="signedIn" class="console">
		{slot header}
		{slot notices}
		<div class="$layout">
			<main id="main" class="content">{slot page}</main>
			{slot guide}
		</div>
		{slot overlays}
	</div>
</div>`)

// View renders the whole page for the model.
func View(m Model) ui.Node {
	c := m.Catalog()
	r := m.route()
	v := ui.Vals{{K: "lang", S: string(langAttr(m.UI.Lang))}, {K: "signedIn", B: m.Session.SignedIn()},
		{K: "notices", N: []ui.Node{notices(m, c)}}, {K: "overlays", N: overlays(m, c)}}
	if !m.Session.SignedIn() {
		main := ui.El("main", ui.ID("main"), ui.Class("site-main"), publicPage(m, c, r))
		v = append(v, ui.V{K: "header", N: []ui.Node{siteHeader(m, c)}}, ui.V{K: "main", N: []ui.Node{withLab(m, c, main)}})
	} else {
		v = append(v, signedInParts(m, c, r)...)
	}
	return page.Root(c, v)
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

// heading is a page's h1 (core.Heading).
func heading(text ui.Node) ui.Node { return core.Heading(text) }

// button is a button that sends a Click (core.Button).
func button(c i18n.Catalog, key, action, arg string, extra ...any) ui.Node {
	return core.Button(c, key, action, arg, extra...)
}

// noticesTpl is the banners (Cloudscape's flashbar); errors and warnings
// are announced assertively. A crash offers its diagnostics to copy; a
// failed copy or download offers the text to copy by hand.
var noticesTpl = ui.Lazy(`
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

// notFound is the page for an address that names nothing.
var notFound = ui.Lazy(`
<section class="page">
	<h1 id="page-title" tabindex="-1">{t notfound.title}</h1>
	<p>{t notfound.body}</p>
	<a href="#/">{t notfound.home}</a>
</section>`)

// notFoundPage is the page for an address that names nothing.
func notFoundPage(c i18n.Catalog) ui.Node { return notFound.Root(c, nil) }
