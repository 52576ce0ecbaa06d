package core

import (
	"time"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/lab"
)

// LabSaved is the lab guide's saved state (UIState.Lab): the running
// attempt, saved with the world so that a reload resumes it, and the
// panel's width.
type LabSaved struct {
	// Attempt is the lab attempt in progress or completed last; nil when
	// no lab was started.
	Attempt *lab.Attempt `json:"attempt,omitempty"`
	// Width is the panel's width in pixels (0: the default).
	Width int `json:"width,omitempty"`
}

// LabState is the lab guide's transient (never saved) state.
type LabState struct {
	// Labs are the labs the guide offers, parsed the first time the guide
	// needs them (nil until then); Err is why they could not be.
	Labs []*lab.Lab
	Err  string
	// Confirm is the ID of the lab whose start waits for confirmation.
	Confirm string
	// Browse shows the list of labs while a lab runs.
	Browse bool
	// Feedback is the last quiz answer ("stepID:choiceID"), whose
	// explanation the guide shows.
	Feedback string
	// Said is the last progress announcement (a step done), for screen
	// readers.
	Said string
	// Code is the completion code made on the completion page, and
	// CodeErr the catalog key of the problem with the name typed for it.
	Code, CodeErr string
	// Instructor is the state of the instructor's labs the build carries.
	Instructor InstructorState
}

// InstructorState is what the guide knows of the instructor's labs a build
// carries (labs/ beside the page, or inlined in a single file).
type InstructorState struct {
	// Pending is true from start-up until the page has read them.
	Pending bool
	// Open is the lab a link (?lab=) asked for while they were pending.
	Open string
	// Problems are why files could not be offered, one a line, each
	// naming the file and the place (FILE:LINE:COL: …).
	Problems []string
}

// LabFile is one of the instructor's lab files as the page read it: its
// name in labs/index.json and its text, or why it could not be read.
type LabFile struct {
	Name string
	Data string
	Err  string
}

// InstructorLabs delivers the instructor's lab files, read at start-up;
// Err is why their list (labs/index.json) could not be read.
type InstructorLabs struct {
	Now   time.Time
	Files []LabFile
	Err   string
}

// IsMsg marks InstructorLabs as a message.
func (InstructorLabs) IsMsg() {}

// guideButton opens and closes the lab guide from the signed-out header
// (the console's top bar has the same button).
var guideButton = ui.Tpl{Tag: "button", Attrs: []ui.Attr{{Key: "id", Val: "guide-btn"}, {Key: "type", Val: "button"}, {Key: "class", Val: "nav-btn site-guide"},
	{Key: "data-action", Val: "guide"}, {Key: "aria-pressed", Val: "$open"}}, T: "nav.guide"}

// GuideNavItems is the Lab guide button while signed out: the lab area's
// top-bar item, and the first-visit binary's, whose click ("guide", the
// shell's action) hands the page to the full console.
func GuideNavItems(m Model, c i18n.Catalog) []ui.Node {
	if m.Session.SignedIn() {
		return nil
	}
	return []ui.Node{guideButton.Root(c, ui.Vals{{K: "open", S: BoolAttr(m.UI.GuideOpen)}})}
}
