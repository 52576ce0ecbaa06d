//go:build !entry

package console

import "labsim/sim"

// worldFromQuery puts the prepared world a link names (?world=) in place
// of the saved one, which is kept aside; rewrite says the address must
// drop the parameter.
func (m *Model) worldFromQuery(msg Init, fx []Effect) (out []Effect, rewrite bool) {
	if name := msg.Query["world"]; name != "" {
		st, err := sim.Prepared(name, m.env())
		if err != nil {
			m.notify("warning", "notice.world.unknown", "name", name)
		} else {
			if msg.Saved != "" {
				// The link replaces the student's work: keep it aside rather
				// than overwrite it silently.
				fx = append(fx, m.setAside("before-world", msg.Saved))
				m.notify("info", "notice.world.setAside")
			}
			m.World, m.Session = st.World, st.Session
			m.UI.Fields = nil
			m.UI.Route = ""
			m.labReplaced(labLoad)
			m.notifyWorld("info", "notice.world.loaded", name)
		}
		rewrite = true
	}
	return fx, rewrite
}

// handsOver and handsOverAtStart are the first-visit binary's questions
// (Handoff); the full console serves every page.
func (Model) handsOver(string) bool { return false }

func (Model) handsOverAtStart(Init, string) bool { return false }

// loadWorld replaces the world with a prepared one, keeping the language
// and region.
func (m Model) loadWorld(name, notice string) (Model, []Effect) {
	reason := "before-world"
	if notice == "notice.reset" {
		reason = "before-reset"
	}
	orig := m
	// The replaced work is kept aside as it is, before the prepared world
	// draws from the generator.
	kept := m.keepAside(reason)
	st, err := sim.Prepared(name, m.env())
	if err != nil {
		orig.notify("warning", "notice.world.unknown", "name", name)
		return orig, nil
	}
	m.World, m.Session = st.World, st.Session
	m.UI.Fields, m.Secrets, m.Confirm = nil, nil, ""
	m.labReplaced(labLoad)
	m.notifyWorld("success", notice, name)
	m, fx := m.navigate("#/")
	return m, append(append(kept, fx...), m.urlEffect(false))
}
