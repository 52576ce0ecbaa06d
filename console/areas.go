package console

import (
	"labsim/console/core"
	"labsim/console/devices"
	"labsim/console/iam"
	"labsim/console/mfa"
	"labsim/console/policysim"
	"labsim/console/services"
	"strings"

	"labsim/console/i18n"
	"labsim/console/ui"
)

// area is one part of the console with its own pages, forms and actions:
// sign-up, sign-in, the virtual devices, security credentials, IAM…
// Each lives in its own files and is listed once in areas().
type area struct {
	// pages are the route pages (Route.Page) the area renders.
	pages []string
	// public pages are visible while signed out; others need a session.
	public bool
	// prefix routes Click actions and Submit forms named "<prefix>.…"
	// to the area.
	prefix string
	view   func(m Model, c i18n.Catalog, r Route) ui.Node
	title  func(m Model, c i18n.Catalog, r Route) string
	click  func(m Model, action, arg string) (Model, []Effect)
	submit func(m Model, form string) (Model, []Effect)
	// navItems are controls added to the top bar (signed in or out).
	navItems func(m Model, c i18n.Catalog) []ui.Node
	// overlay is rendered after the page on every page (a drawer).
	overlay func(m Model, c i18n.Catalog) ui.Node
	// route, when set, corrects a route before it is shown (for example a
	// link to a step not reached yet); the address bar follows.
	route func(m Model, r Route) Route
	// load, when set, runs on arrival on one of the area's pages and on a
	// change of region there (core.Area.Load).
	load func(m Model, r Route) (Model, []Effect)
	// escape, when set, closes what the area has open and reports whether
	// it did.
	escape func(m Model) (Model, []Effect, bool)
}

// areas lists the console's areas. A capability adds its line here.
func areas() []area {
	return []area{
		fromCore(mfa.Area()),                  // My Security Credentials, Activate MFA, Manage (mfa.…)
		fromCore(iam.Area()),                  // IAM dashboard (iam.…)
		fromCore(devices.AuthenticatorArea()), // the virtual phone's Authenticator app (auth.…)
		signinMFAArea(),                       // MFA step of the root sign-in (signinmfa.…)
		signupArea(),                          // Sign up for AWS in 5 steps (signup.…)
		signinArea(),                          // root sign-in, IAM user form, password reset (signin.…)
		fromCore(devices.Area()),              // virtual phone and inbox drawer (devices.…)
		fromCore(services.VPCArea()),          // VPC console, read-only (vpc.…)
		fromCore(services.EC2Area()),          // EC2 instances (ec2.…)
		fromCore(services.S3Area()),           // S3 buckets (s3.…)
		fromCore(policysim.Area()),            // IAM policy simulator (policysim.…)
	}
}

// fromCore adapts an area package's core.Area to the shell's model: the
// area sees and returns the shared part (core.Model); what only the shell
// keeps stays as it was.
func fromCore(a core.Area) area {
	out := area{pages: a.Pages, public: a.Public, prefix: a.Prefix}
	if a.View != nil {
		out.view = func(m Model, c i18n.Catalog, r Route) ui.Node { return a.View(m.Model, c, r) }
	}
	if a.Title != nil {
		out.title = func(m Model, c i18n.Catalog, r Route) string { return a.Title(m.Model, c, r) }
	}
	if a.Click != nil {
		out.click = func(m Model, action, arg string) (Model, []Effect) {
			next, fx := a.Click(m.Model, action, arg)
			m.Model = next
			return m, fx
		}
	}
	if a.Submit != nil {
		out.submit = func(m Model, form string) (Model, []Effect) {
			next, fx := a.Submit(m.Model, form)
			m.Model = next
			return m, fx
		}
	}
	if a.NavItems != nil {
		out.navItems = func(m Model, c i18n.Catalog) []ui.Node { return a.NavItems(m.Model, c) }
	}
	if a.Overlay != nil {
		out.overlay = func(m Model, c i18n.Catalog) ui.Node { return a.Overlay(m.Model, c) }
	}
	if a.Route != nil {
		out.route = func(m Model, r Route) Route { return a.Route(m.Model, r) }
	}
	if a.Load != nil {
		out.load = func(m Model, r Route) (Model, []Effect) {
			next, fx := a.Load(m.Model, r)
			m.Model = next
			return m, fx
		}
	}
	if a.Escape != nil {
		out.escape = func(m Model) (Model, []Effect, bool) {
			next, fx, done := a.Escape(m.Model)
			m.Model = next
			return m, fx, done
		}
	}
	return out
}

// areaForPage returns the area that renders a page.
func areaForPage(page string) (area, bool) {
	for _, a := range areas() {
		for _, p := range a.pages {
			if p == page {
				return a, true
			}
		}
	}
	return area{}, false
}

// areaForName returns the area whose prefix starts an action or form name.
func areaForName(name string) (area, bool) {
	for _, a := range areas() {
		if a.prefix != "" && strings.HasPrefix(name, a.prefix+".") {
			return a, true
		}
	}
	return area{}, false
}

// isPublic reports whether a page is visible while signed out.
func isPublic(page string) bool {
	if publicPages[page] {
		return true
	}
	a, ok := areaForPage(page)
	return ok && a.public
}

// extraNavItems collects the top-bar controls of every area.
func extraNavItems(m Model, c i18n.Catalog) []ui.Node {
	var out []ui.Node
	for _, a := range areas() {
		if a.navItems != nil {
			out = append(out, a.navItems(m, c)...)
		}
	}
	return out
}

// overlays collects the drawers of every area.
func overlays(m Model, c i18n.Catalog) []ui.Node {
	var out []ui.Node
	for _, a := range areas() {
		if a.overlay != nil {
			out = append(out, a.overlay(m, c))
		}
	}
	return out
}

// loadPage runs the Load of the area that shows the current page.
func (m Model) loadPage() (Model, []Effect) {
	r := m.route()
	if a, ok := areaForPage(r.Page); ok && a.load != nil && (a.public || m.Session.SignedIn()) {
		return a.load(m, r)
	}
	return m, nil
}
