package console

import (
	"encoding/json"

	"labsim/sim"
)

// A private window (the simulator menu's "Open a private window", a new
// tab at ?private=1) works on the same saved work as every other tab —
// the world is shared and merged as usual — but its session is its own:
// the root user in one tab, Luna in the other, as students do at AWS with
// a private browser window. The tab keeps its session in its own storage
// (tabState, sessionStorage: a reload keeps it, other tabs never see it)
// and writes the browser's session to the shared document unchanged.

// browserSession is the session of the shared document: the model's, or
// in a private window the one last read from the shared document.
func (m Model) browserSession() sim.Session {
	if m.persist.private {
		return m.persist.shared
	}
	return m.Session
}

// setBrowserSession takes the shared document's session: the model's
// session, or in a private window only the remembered one (the window's
// own session stays, unless its account is gone).
func (m Model) setBrowserSession(s sim.Session) Model {
	if !m.persist.private {
		m.Session = s
		return m
	}
	m.persist.shared = s
	if _, ok := m.World.Accounts[m.Session.AccountID]; m.Session.SignedIn() && !ok {
		m.Session = sim.Session{}
	}
	return m
}

// Private reports whether the tab is a private window.
func (m Model) Private() bool { return m.persist.private }

// initPrivate makes the tab a private window when its URL asks for one
// (?private=1) or its own storage says it is one (a reload): the shared
// document's session is remembered and the tab's own (signed out in a new
// window) is used.
func (m Model) initPrivate(msg Init) Model {
	var t tabState
	if msg.Tab != "" {
		_ = json.Unmarshal([]byte(msg.Tab), &t)
	}
	if msg.Query["private"] != "1" && !t.Private {
		return m
	}
	m.persist.private = true
	m.persist.shared = m.Session
	m.Session = sim.Session{}
	if _, ok := m.World.Accounts[t.Session.AccountID]; ok && t.Session.SignedIn() {
		m.Session = t.Session
	}
	return m
}
