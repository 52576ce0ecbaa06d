package core

import (
	"time"

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
