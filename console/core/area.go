package core

import (
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// Area is one part of the console with its own pages, forms and actions:
// sign-up, sign-in, the virtual devices, MFA, IAM… Each is a package
// (console/<area>) that returns its Area; the console lists them once.
type Area struct {
	// Pages are the route pages (Route.Page) the area renders; an entry
	// "page/arg" claims only the routes with that Arg (#/iam/policies/…),
	// before an area that claims the whole page.
	Pages []string
	// Public pages are visible while signed out; others need a session.
	Public bool
	// Prefix routes Click actions and Submit forms named "<prefix>.…" to
	// the area.
	Prefix string
	View   func(m Model, c i18n.Catalog, r Route) ui.Node
	Title  func(m Model, c i18n.Catalog, r Route) string
	Click  func(m Model, action, arg string) (Model, []Effect)
	Submit func(m Model, form string) (Model, []Effect)
	// Input, when set, is told of every new value of a field named
	// "<prefix>.…" after the model stored it (a live check as typed).
	Input func(m Model, field, value string) (Model, []Effect)
	// Enter, when set, runs whenever one of the area's pages is shown
	// (a link, back or forward, a reload): it may prepare the page's
	// transient state and ask for what the page needs (the catalog).
	Enter func(m Model, r Route) (Model, []Effect)
	// NavItems are controls added to the top bar (signed in or out).
	NavItems func(m Model, c i18n.Catalog) []ui.Node
	// Overlay is rendered after the page on every page (a drawer).
	Overlay func(m Model, c i18n.Catalog) ui.Node
	// Route, when set, corrects a route before it is shown (for example a
	// link to a step not reached yet); the address bar follows.
	Route func(m Model, r Route) Route
	// Load, when set, runs when the student arrives on one of the area's
	// pages (a link, back and forward, a reload) and when the region
	// changes on it: the page makes its read requests through the door
	// here (Model.ReadPage), so that each page load is authorised and
	// logged, and asks for what it needs (Model.NeedCatalog). The view
	// then shows what World.Authorize says now (Model.AuthorizePage).
	Load func(m Model, r Route) (Model, []Effect)
	// Escape, when set, closes what the area has open and reports whether
	// it did.
	Escape func(m Model) (Model, []Effect, bool)
	// Frame, when set, puts a page in the area's layout (its navigation):
	// the shell frames a page the signed-in user is denied with it, so
	// that the student can still go elsewhere in the area.
	Frame func(m Model, c i18n.Catalog, r Route, page ui.Node) ui.Node
}

// Account returns the signed-in account.
func (m Model) Account() (sim.Account, bool) {
	a, ok := m.World.Accounts[m.Session.AccountID]
	return a, ok && m.Session.SignedIn()
}
