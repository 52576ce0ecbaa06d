// Package lab is the guided-lab engine: lab files (one JSON document per
// lab, parsed with positions so that every problem is reported as
// FILE:LINE:COL), typed checks over the simulated world and its event log,
// attempts with their progress, hints and score, and the completion report
// as JSON and printable HTML. The lab guide panel of the console is built on
// it and needs nothing else:
//
//   - Builtin (and Parse for an instructor's files) lists the labs: Title,
//     Description, Minutes, Quiz.
//   - Build the start world (sim.Prepared(l.Start.World), or keep the
//     current one for KeepWorld), then NewAttempt; save the Attempt with
//     the world (it is JSON) and check Fits when loading it.
//   - After every change through World.Do call Evaluate with Facts{World,
//     IAM} (sim.LabIAM answers the IAM questions); Status, Steps[i].Checks
//     and Check.Describe give the step list with live check marks.
//   - ShowHint and Answer on the student's request; WorldReplaced when the
//     console loads, imports or restores a world during the attempt.
//   - Score for the progress bar and the LMS; Report(...).JSON and .HTML
//     for the completion page and its downloads.
package lab

// Text is a piece of lab text in Korean and English; a lab file must give
// both.
type Text struct {
	Ko string `json:"ko"`
	En string `json:"en"`
}

// In returns the text in lang ("en" or "ko"; anything else gives Korean,
// the textbook's language).
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.En
	}
	return t.Ko
}

// Rich is a piece of rich text (see ParseRich) in both languages, as
// written and as parsed.
type Rich struct {
	Source Text
	Ko, En Doc
}

// In returns the parsed document in lang.
func (r Rich) In(lang string) Doc {
	if lang == "en" {
		return r.En
	}
	return r.Ko
}

// Lab is one parsed and validated lab.
type Lab struct {
	// File is the name the lab was parsed from (for messages).
	File    string
	ID      string
	Version int
	Title   Text
	// Description says what the student will learn (plain text).
	Description Text
	// Minutes is the estimated time.
	Minutes int
	// PassingScore is the least score, 0–100, that passes.
	PassingScore int
	Start        Start
	Steps        []Step
}

// Quiz reports whether every step of the lab is a quiz question.
func (l *Lab) Quiz() bool {
	for _, s := range l.Steps {
		if s.Quiz() == nil {
			return false
		}
	}
	return len(l.Steps) > 0
}

// StepIndex returns the index of the step with that id, or -1.
func (l *Lab) StepIndex(id string) int {
	for i, s := range l.Steps {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// KeepWorld is the start world that keeps the student's current world.
const KeepWorld = "keep"

// Start is where a lab begins: a prepared world's name (see sim.Prepared)
// or KeepWorld, and, for KeepWorld, the IAM entities the lab assumes the
// student's world already has (so that checks may name them).
type Start struct {
	World   string
	Assumes Entities
}

// Entities names IAM users, groups and customer managed policies.
type Entities struct {
	Users    []string `json:"users,omitempty"`
	Groups   []string `json:"groups,omitempty"`
	Policies []string `json:"policies,omitempty"`
}

// Needs says whether a step needs all of its checks or any one of them.
type Needs string

// The values of a step's needs.
const (
	NeedsAll Needs = "all"
	NeedsAny Needs = "any"
)

// Step is one step of a lab.
type Step struct {
	ID           string
	Title        Text
	Instructions Rich
	Hints        []Rich
	Needs        Needs
	Checks       []Check
}

// Quiz returns the step's quiz check, or nil when the step is a task. A
// quiz check is always alone in its step.
func (s *Step) Quiz() *Check {
	if len(s.Checks) == 1 && s.Checks[0].Kind == KindQuiz {
		return &s.Checks[0]
	}
	return nil
}
