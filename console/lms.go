package console

import (
	"time"

	"labsim/console/i18n"
	"labsim/console/lab"
	"labsim/internal/scorm"
	engine "labsim/sim/lab"
)

// LabStatus is the running lab's status as the world outside the page sees
// it (the page that embeds labsim, an LMS), derived from the saved attempt.
type LabStatus struct {
	// Lab and Version identify the lab.
	Lab     string
	Version int
	// Step is the ID of the current step, "" once the lab is complete;
	// StepIndex is its index (Total once complete).
	Step      string
	StepIndex int
	// Done counts the steps done; Total is the lab's number of steps.
	Done, Total int
	// Score is the score in percent (0–100); PassingScore the least that
	// passes.
	Score, PassingScore int
	// Completed reports whether every step is done; Passed whether the
	// lab is complete with a passing score.
	Completed, Passed bool
	// Replaced reports whether the world was replaced during the attempt.
	Replaced bool
}

// LabStatus returns the status of the lab attempt saved in the model; ok
// is false when no lab was started or the saved attempt no longer fits its
// lab.
func (m Model) LabStatus() (LabStatus, bool) {
	l, a := lab.Running(m.Model)
	if a == nil {
		return LabStatus{}, false
	}
	sc := a.Score(l)
	s := LabStatus{Lab: l.ID, Version: l.Version, StepIndex: a.Current(), Total: len(l.Steps),
		Score: sc.Percent, PassingScore: l.PassingScore, Completed: sc.Completed,
		Passed: sc.Completed && sc.Passed, Replaced: len(a.Replaced) > 0}
	if s.StepIndex < len(l.Steps) {
		s.Step = l.Steps[s.StepIndex].ID
	}
	for _, st := range a.Steps {
		if st.Done {
			s.Done++
		}
	}
	return s, true
}

// SuspendData returns the running attempt as SCORM suspend_data
// (scorm.EncodeSuspend: no secrets of the world), "" when no lab runs.
func (m Model) SuspendData() string {
	l, a := lab.Running(m.Model)
	if a == nil {
		return ""
	}
	s, err := scorm.EncodeSuspend(l, *a)
	if err != nil {
		return ""
	}
	return s
}

// Commands the embedding page or the LMS may give (HostCommand.Command).
const (
	// CommandStartLab opens the lab Arg names: the running attempt of it
	// resumes, otherwise it starts (the current work is kept aside).
	CommandStartLab = "start-lab"
	// CommandSetLanguage switches the language to Arg ("ko" or "en", or a
	// tag such as "ko-KR").
	CommandSetLanguage = "set-language"
)

// HostCommand is a command from outside the page: a postMessage from the
// embedding page or the LMS's learner preference.
type HostCommand struct {
	Now     time.Time
	Command string
	Arg     string
}

// IsMsg marks HostCommand as a message.
func (HostCommand) IsMsg() {}

// LMSLaunched reports how a page launched as a SCORM SCO found its LMS.
type LMSLaunched struct {
	Now time.Time
	// Found reports whether the LMS's API was found and initialized.
	Found bool
	// Review reports that the LMS already holds a completed result, which
	// this launch can only improve.
	Review bool
	// Suspend is the LMS's suspend_data; Resume says to resume the attempt
	// it holds (the page had no saved work of its own, or the SCO is
	// relaunched in review) unless the running attempt of the same lab has
	// more steps done.
	Suspend string
	Resume  bool
}

// IsMsg marks LMSLaunched as a message.
func (LMSLaunched) IsMsg() {}

// hostCommand carries out a HostCommand; unknown commands and arguments
// change nothing.
func (m Model) hostCommand(c HostCommand) (Model, []Effect) {
	switch c.Command {
	case CommandStartLab:
		m.Model, _ = lab.Labs(m.Model)
		if _, _, known := lab.StartWorld(m.Model, c.Arg); !known {
			return m, nil
		}
		return m.openLab(c.Arg)
	case CommandSetLanguage:
		if l, ok := i18n.Parse(c.Arg); ok && l != i18n.Pseudo && l != m.UI.Lang {
			m.UI.Lang = l
			return m, []Effect{m.urlEffect(false)}
		}
	}
	return m, nil
}

// lmsLaunched tells the student how the LMS was found and resumes the
// attempt its suspend_data holds when asked to.
func (m Model) lmsLaunched(msg LMSLaunched) (Model, []Effect) {
	switch {
	case !msg.Found:
		m.notify("warning", "notice.lms.missing")
		return m, nil
	case msg.Review:
		m.notify("info", "notice.lms.review")
	}
	if !msg.Resume || msg.Suspend == "" {
		return m, nil
	}
	m.Model, _ = lab.Labs(m.Model)
	l := engine.Find(m.Lab.Labs, scorm.SuspendLab(msg.Suspend))
	if l == nil {
		return m, nil
	}
	var fx []Effect
	if _, a := lab.Running(m.Model); a == nil || a.Lab != l.ID {
		var ok bool
		if m, fx, ok = m.labStart(l.ID, "lab.notice.started"); !ok {
			return m, nil
		}
	}
	base := 0
	if n := len(m.World.Events); n > 0 {
		base = m.World.Events[n-1].Seq
	}
	a, err := scorm.DecodeSuspend(l, msg.Suspend, base)
	if err != nil {
		return m, fx
	}
	// Work this browser kept that went further than the LMS's stays.
	if _, cur := lab.Running(m.Model); cur != nil && cur.Lab == a.Lab && doneSteps(*cur) > doneSteps(a) {
		return m, fx
	}
	m.UI.Lab.Attempt = &a
	m.UI.GuideOpen = true
	m.notify("info", "notice.lms.resumed")
	return m, fx
}

// doneSteps counts an attempt's steps done.
func doneSteps(a engine.Attempt) int {
	n := 0
	for _, s := range a.Steps {
		if s.Done {
			n++
		}
	}
	return n
}
