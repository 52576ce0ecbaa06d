package console

import (
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// areaForPage returns the area that renders a page.
func areaForPage(page string) (core.Area, bool) {
	for _, a := range areas() {
		for _, p := range a.Pages {
			if p == page {
				return a, true
			}
		}
	}
	return core.Area{}, false
}

// areaForRoute returns the area that renders a route: one that claims
// "page/arg" first, else one that claims the page.
func areaForRoute(r Route) (core.Area, bool) {
	if r.Arg != "" {
		if a, ok := areaForPage(r.Page + "/" + r.Arg); ok {
			return a, true
		}
	}
	return areaForPage(r.Page)
}

// areaForName returns the area whose prefix starts an action or form name.
func areaForName(name string) (core.Area, bool) {
	for _, a := range areas() {
		if a.Prefix != "" && strings.HasPrefix(name, a.Prefix+".") {
			return a, true
		}
	}
	return core.Area{}, false
}

// isPublic reports whether a page is visible while signed out.
func isPublic(page string) bool {
	if publicPages[page] {
		return true
	}
	a, ok := areaForPage(page)
	return ok && a.Public
}

// isPublicRoute reports whether a route is visible while signed out.
func isPublicRoute(r Route) bool {
	if a, ok := areaForRoute(r); ok && a.Public {
		return true
	}
	return isPublic(r.Page)
}

// extraNavItems collects the top-bar controls of every area.
func extraNavItems(m Model, c i18n.Catalog) []ui.Node {
	var out []ui.Node
	for _, a := range areas() {
		if a.NavItems != nil {
			out = append(out, a.NavItems(m.Model, c)...)
		}
	}
	return out
}

// overlays collects the drawers of every area.
func overlays(m Model, c i18n.Catalog) []ui.Node {
	var out []ui.Node
	for _, a := range areas() {
		if a.Overlay != nil {
			out = append(out, a.Overlay(m.Model, c))
		}
	}
	return out
}

// loadPage runs the Load of the area that shows the current page.
func (m Model) loadPage() (Model, []Effect) {
	r := m.route()
	if a, ok := areaForRoute(r); ok && !a.Public {
		m = m.enforceRead(a, r)
	}
	if a, ok := areaForRoute(r); ok && a.Load != nil && (a.Public || m.Session.SignedIn()) {
		next, fx := a.Load(m.Model, r)
		m.Model = next
		return m, fx
	}
	return m, nil
}
