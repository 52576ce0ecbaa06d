//go:build entry

package console

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// This file is the shell of the first-visit binary (build tag entry): the
// landing page, the sign-up with its virtual phone and inbox, and the
// information pages. It links none of the signed-in console (IAM, the
// policy engine, labs, the LMS bridge): whatever needs them is handed to
// the full console (Handoff) before it happens. The functions below stand
// in for the full console's (world_full.go, labguide.go, lms.go,
// enforce.go, view_console.go) on the paths this binary can reach.

// handsOver reports whether the page must go to the full console rather
// than show the route the fragment names: anyone signed in, a lab
// guide open or running, a window that cannot keep its work in this
// browser's storage (the full console then keeps it another way), or a
// page of an area this binary does not have.
func (m Model) handsOver(hash string) bool {
	if m.Session.SignedIn() || m.UI.GuideOpen || m.UI.Lab.Attempt != nil || m.Storage.Mode != "local" || m.Private() {
		return true
	}
	r := ParseRoute(hash)
	if r.Page == "home" {
		return false // the landing page
	}
	_, ok := areaForRoute(r)
	return !ok
}

// handsOverAtStart adds, at start-up, links to a prepared world or a lab.
func (m Model) handsOverAtStart(msg Init, hash string) bool {
	return msg.Query["world"] != "" || msg.Query["lab"] != "" || m.handsOver(hash)
}

// worldFromQuery leaves a link to a prepared world to the full console
// (initModel hands over first).
func (m *Model) worldFromQuery(_ Init, fx []Effect) ([]Effect, bool) { return fx, false }

// loadWorld leaves a prepared world to the full console.
func (m Model) loadWorld(string, string) (Model, []Effect) { return m, []Effect{Handoff{}} }

// enforceRead has nothing to enforce: nobody is signed in here.
func (m Model) enforceRead(core.Area, Route) Model { return m }

// signedInParts is never shown: a signed-in page is handed over first.
func signedInParts(m Model, c i18n.Catalog, r Route) ui.Vals {
	main := ui.El("main", ui.ID("main"), ui.Class("site-main"), publicPage(m, c, r))
	return ui.Vals{{K: "header", N: []ui.Node{siteHeader(m, c)}}, {K: "main", N: []ui.Node{main}}}
}

// simulatorPage is never shown: the simulator page hands over.
func simulatorPage(_ Model, c i18n.Catalog) ui.Node { return landingPage(c) }

// withLab: no lab guide here (a lab hands over).
func withLab(_ Model, _ i18n.Catalog, main ui.Node) ui.Node { return main }

// checkLab accepts a document's lab state: a document with a lab hands
// over, and the full console checks it.
func checkLab(core.LabSaved) error { return nil }

// keepLab: no lab runs here.
func (m *Model) keepLab(UIState, string) {}

// labReplaced: no lab runs here.
func (m *Model) labReplaced(string) {}

// labAfter: no lab runs here.
func (m Model) labAfter() Model { return m }

// openLab hands a link to a lab over.
func (m Model) openLab(id string) (Model, []Effect) {
	if id == "" {
		return m, nil
	}
	return m, []Effect{Handoff{}}
}

// labBegin hands the lab over.
func (m Model) labBegin(string) (Model, []Effect) { return m, []Effect{Handoff{}} }

// toggleGuide opens the lab guide in the full console: the open guide is
// saved with the page's state, which the full console reads.
func (m Model) toggleGuide() (Model, []Effect) {
	m.UI.GuideOpen = true
	return m, []Effect{Handoff{}}
}

// instructorLabs: instructor labs are read by the full console.
func (m Model) instructorLabs(InstructorLabs) (Model, []Effect) { return m, nil }

// hostCommand hands a command of the embedding page over.
func (m Model) hostCommand(HostCommand) (Model, []Effect) { return m, []Effect{Handoff{}} }

// lmsLaunched hands the LMS over.
func (m Model) lmsLaunched(LMSLaunched) (Model, []Effect) { return m, []Effect{Handoff{}} }

// lmsReport hands the LMS over.
func (m Model) lmsReport(LMSReport) (Model, []Effect) { return m, []Effect{Handoff{}} }

// servicesKey: the top bar's search and Services menu are the signed-in
// console's.
func (m Model) servicesKey(string, string) (Model, []Effect, bool) { return m, nil, false }
