//go:build !entry

package console

import (
	"slices"

	"labsim/console/core"
	"labsim/console/lab"
	"labsim/sim"
	engine "labsim/sim/lab"
)

// labBegin starts the lab whose start was confirmed: its start world
// replaces the current one (kept aside), or the current one is kept.
func (m Model) labBegin(id string) (Model, []Effect) {
	if m.Lab.Confirm != id {
		return m, nil
	}
	m, fx, ok := m.labStart(id, "lab.notice.started")
	if !ok {
		return m, nil
	}
	fx = slices.DeleteFunc(fx, func(e Effect) bool { _, f := e.(Focus); return f })
	return m, append(fx, Focus{ID: "lab-title"})
}

// labStart puts the lab's start world in place and begins an attempt.
func (m Model) labStart(id, notice string) (Model, []Effect, bool) {
	next, world, ok := lab.StartWorld(m.Model, id)
	m.Model = next
	if !ok {
		return m, nil, false
	}
	var fx []Effect
	if world == engine.KeepWorld {
		m.notify("success", "lab.notice.startedKeep")
	} else {
		if !slices.ContainsFunc(sim.PreparedWorlds(), func(p sim.PreparedWorld) bool { return p.Name == world }) {
			m.notify("warning", "notice.world.unknown", "name", world)
			return m, nil, false
		}
		m, fx = m.loadWorld(world, notice)
	}
	m.Model = lab.Begin(m.Model, id)
	return m, fx, true
}

// openLab opens the lab a link names (?lab=ID): the running attempt of
// that lab resumes; otherwise the lab starts, keeping the current work
// aside as a prepared world's link does.
func (m Model) openLab(id string) (Model, []Effect) {
	if id == "" {
		return m, nil
	}
	m.UI.GuideOpen = true
	m.Model, _ = lab.Labs(m.Model)
	if _, a := lab.Running(m.Model); a != nil && a.Lab == id && !a.Complete() {
		return m, nil
	}
	if _, _, known := lab.StartWorld(m.Model, id); !known && m.Lab.Instructor.Pending {
		// Perhaps one of the instructor's labs, still being read.
		m.Lab.Instructor.Open = id
		return m, nil
	}
	m, fx, ok := m.labStart(id, "lab.notice.started")
	if !ok {
		if _, _, known := lab.StartWorld(m.Model, id); !known {
			m.notify("warning", "lab.notice.unknown", "id", id)
		}
		return m, nil
	}
	return m, slices.DeleteFunc(fx, func(e Effect) bool { _, u := e.(SetURL); return u })
}

// instructorLabs takes the instructor's lab files the page read at start
// (lab.AddInstructor), says when some could not be offered, and opens the
// lab a link asked for while they were being read.
func (m Model) instructorLabs(msg InstructorLabs) (Model, []Effect) {
	m.Now = msg.Now
	m.Model = lab.AddInstructor(m.Model, msg.Files, msg.Err)
	if n := len(m.Lab.Instructor.Problems); n > 0 {
		m.notify("warning", "lab.notice.instructorProblems")
	}
	id := m.Lab.Instructor.Open
	m.Lab.Instructor.Open = ""
	if id == "" {
		return m, nil
	}
	return m.openLab(id)
}

// toggleGuide opens or closes the lab guide; focus goes to its title.
func (m Model) toggleGuide() (Model, []Effect) {
	m.UI.GuideOpen = !m.UI.GuideOpen
	if m.UI.GuideOpen {
		m.Model, _ = lab.Labs(m.Model)
		return m, []Effect{Focus{ID: "lab-title"}}
	}
	// Focus goes back to the button that opens the guide, never <body>.
	return m, []Effect{Focus{ID: "guide-btn"}}
}

// labReplaced records on the running attempt that the world was replaced.
func (m *Model) labReplaced(reason string) { m.Model = lab.Replaced(m.Model, reason) }

// keepLab keeps the guide as it was across an import or a restore (prev
// is the UI state before): the running attempt goes on, recording the
// replacement; a document's own attempt is taken only when none runs.
func (m *Model) keepLab(prev UIState, reason string) {
	m.UI.GuideOpen = prev.GuideOpen
	m.UI.Lab.Width = prev.Lab.Width
	m.Lab.Feedback, m.Lab.Confirm = "", ""
	switch a := prev.Lab.Attempt; {
	case a != nil && !a.Complete():
		m.UI.Lab.Attempt = a
		m.labReplaced(reason)
	case m.UI.Lab.Attempt == nil:
		m.UI.Lab.Attempt = a
	}
}

// labAfter evaluates the running lab's checks after an update.
func (m Model) labAfter() Model {
	m.Model = lab.After(m.Model)
	return m
}

// checkLab validates a document's lab guide state (Saved.check).
func checkLab(s core.LabSaved) error { return lab.CheckSaved(s) }
