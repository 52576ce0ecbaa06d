// Package lab is the console's lab guide: the panel docked beside the
// console that lists the guided labs, starts one, shows the running lab's
// steps with live check marks, the current step's instructions, hints,
// quiz questions with instant feedback, the progress, the time taken and a
// completion page with the report to download. The lab engine (sim/lab)
// does the work; this package holds the panel's state changes and its
// view. Replacing the world to start a lab is the shell's (it keeps the
// replaced work aside first): the shell calls Begin once the start world
// is in place.
package lab

import (
	"labsim/sim/completion"
	"labsim/sim/textin"
	"unicode/utf8"

	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"labsim/console/core"
	"labsim/sim"
	engine "labsim/sim/lab"
)

// Width bounds of the panel, in pixels; the slider moves in WidthStep.
const (
	MinWidth     = 280
	MaxWidth     = 640
	DefaultWidth = 360
	WidthStep    = 40
)

// WidthField is the panel's width slider (an Input message's field).
const WidthField = "lab.width"

// Area is the lab guide: its actions (lab.…), the top-bar button while
// signed out (the console's top bar has its own) and the panel.
func Area() core.Area {
	return core.Area{Prefix: "lab", Click: Click, NavItems: navItems, Escape: escape}
}

// Labs returns the labs the guide offers, parsing them the first time.
func Labs(m core.Model) (core.Model, []*engine.Lab) {
	if m.Lab.Labs == nil && m.Lab.Err == "" {
		labs, err := engine.Builtin()
		if err != nil {
			m.Lab.Err = err.Error()
		} else {
			m.Lab.Labs = labs
		}
	}
	return m, m.Lab.Labs
}

// Running returns the lab of the saved attempt and the attempt, or nil
// when there is none or it no longer fits the lab (another version).
func Running(m core.Model) (*engine.Lab, *engine.Attempt) {
	a := m.UI.Lab.Attempt
	if a == nil {
		return nil, nil
	}
	l := engine.Find(m.Lab.Labs, a.Lab)
	if l == nil || a.Fits(l) != nil {
		return nil, nil
	}
	return l, a
}

// lang is the engine's language for the model's ("ko" or "en").
func lang(m core.Model) string {
	if m.UI.Lang == "ko" {
		return "ko"
	}
	return "en"
}

// facts are what the checks look at.
func facts(m core.Model) engine.Facts {
	return engine.Facts{World: m.World, IAM: sim.LabIAM{World: m.World, Env: sim.Env{Now: m.Now}}}
}

// After runs after every update: it takes the width slider's value into
// the saved state and evaluates the running attempt's checks through the
// engine's incremental path (only the current step's checks, only new
// events), announcing steps that turn green.
func After(m core.Model) core.Model {
	if v, ok := m.UI.Fields[WidthField]; ok {
		f := make(map[string]string, len(m.UI.Fields))
		for k, x := range m.UI.Fields {
			if k != WidthField {
				f[k] = x
			}
		}
		if len(f) == 0 {
			f = nil
		}
		m.UI.Fields = f
		if n, err := strconv.Atoi(v); err == nil {
			m.UI.Lab.Width = clampWidth(n)
		}
	}
	if m.UI.Lab.Attempt == nil && !m.UI.GuideOpen {
		return m
	}
	m, _ = Labs(m)
	l, a := Running(m)
	if a == nil || a.Complete() {
		return m
	}
	next, changed := a.Evaluate(l, facts(m), m.Now)
	if !changed && next.Scanned == a.Scanned {
		return m
	}
	if changed {
		m.Lab.Said = said(m, l, *a, next)
	}
	m.UI.Lab.Attempt = &next
	return m
}

// said announces the steps done by an evaluation, or the lab's end.
func said(m core.Model, l *engine.Lab, before, after engine.Attempt) string {
	c := m.Catalog()
	if after.Complete() {
		return c.T("lab.said.complete", "title", l.Title.In(lang(m)))
	}
	var done []string
	for i := before.Current(); i < after.Current() && i < len(l.Steps); i++ {
		done = append(done, l.Steps[i].Title.In(lang(m)))
	}
	if len(done) == 0 {
		return m.Lab.Said
	}
	return c.T("lab.said.done", "title", strings.Join(done, ", "))
}

// clampWidth keeps a width within the bounds, on the slider's steps.
func clampWidth(n int) int {
	n = min(max(n, MinWidth), MaxWidth)
	return MinWidth + (n-MinWidth)/WidthStep*WidthStep
}

// Width is the panel's width in pixels.
func Width(m core.Model) int {
	if m.UI.Lab.Width == 0 {
		return DefaultWidth
	}
	return clampWidth(m.UI.Lab.Width)
}

// Begin starts a new attempt of the lab in the model's world (the shell
// has put the lab's start world in place, or kept the current one).
func Begin(m core.Model, id string) core.Model {
	m, _ = Labs(m)
	l := engine.Find(m.Lab.Labs, id)
	if l == nil {
		return m
	}
	a := engine.NewAttempt(l, m.World, m.Now)
	a, _ = a.Evaluate(l, facts(m), m.Now)
	m.UI.Lab.Attempt = &a
	m.UI.GuideOpen = true
	m.Lab = core.LabState{Labs: m.Lab.Labs, Err: m.Lab.Err, Instructor: m.Lab.Instructor}
	return m
}

// StartWorld returns the prepared world a lab starts from, or
// engine.KeepWorld; ok is false for an unknown lab.
func StartWorld(m core.Model, id string) (core.Model, string, bool) {
	m, labs := Labs(m)
	l := engine.Find(labs, id)
	if l == nil {
		return m, "", false
	}
	return m, l.Start.World, true
}

// Replaced records on the running attempt that the world was replaced
// (engine.ReasonLoad, ReasonImport or ReasonRestore).
func Replaced(m core.Model, reason string) core.Model {
	a := m.UI.Lab.Attempt
	if a == nil || a.Complete() {
		return m
	}
	next := a.WorldReplaced(m.World, reason, m.Now)
	m.UI.Lab.Attempt = &next
	return m
}

// Click handles the guide's controls. Starting a lab is confirmed first;
// the confirmed start itself is the shell's (it replaces the world).
func Click(m core.Model, action, arg string) (core.Model, []core.Effect) {
	m, _ = Labs(m)
	switch action {
	case "lab.close":
		m.UI.GuideOpen = false
		return m, []core.Effect{core.Focus{ID: "guide-btn"}}
	case "lab.start":
		if engine.Find(m.Lab.Labs, arg) == nil {
			return m, nil
		}
		m.Lab.Confirm = arg
		return m, []core.Effect{core.Focus{ID: "lab-confirm-text"}}
	case "lab.cancel":
		id := m.Lab.Confirm
		m.Lab.Confirm = ""
		if id != "" {
			return m, []core.Effect{core.Focus{ID: "lab-title"}}
		}
	case "lab.list":
		m.Lab.Browse, m.Lab.Confirm = true, ""
		return m, []core.Effect{core.Focus{ID: "lab-title"}}
	case "lab.back":
		m.Lab.Browse, m.Lab.Confirm = false, ""
		return m, []core.Effect{core.Focus{ID: "lab-title"}}
	case "lab.hint":
		l, a := Running(m)
		if a == nil {
			return m, nil
		}
		next, _, n, err := a.ShowHint(l, arg, m.Now)
		if err != nil {
			return m, nil
		}
		m.UI.Lab.Attempt = &next
		return m, []core.Effect{core.Focus{ID: "lab-hint-" + strconv.Itoa(n)}}
	case "lab.answer":
		l, a := Running(m)
		step, choice, ok := strings.Cut(arg, ":")
		if a == nil || !ok {
			return m, nil
		}
		next, fb, err := a.Answer(l, step, choice, m.Now)
		if err != nil {
			return m, nil
		}
		m.UI.Lab.Attempt = &next
		m.Lab.Feedback = arg
		if fb.Correct {
			m.Lab.Said = ""
		}
		return m, []core.Effect{core.Focus{ID: "lab-feedback"}}
	case "lab.download":
		return download(m, arg)
	case "lab.code":
		return makeCode(m)
	}
	return m, nil
}

// CodeNameField is the field of the name a completion code binds.
const CodeNameField = "lab.codeName"

// maxCodeName bounds the name typed for a completion code, in characters.
const maxCodeName = 100

// makeCode makes the completion code of the finished attempt for the name
// the student typed (sim/completion), when the build has a key.
func makeCode(m core.Model) (core.Model, []core.Effect) {
	l, a := Running(m)
	if a == nil || !a.Complete() || m.CompletionKey == "" {
		return m, nil
	}
	name := strings.TrimSpace(m.Field(CodeNameField))
	m.Lab.Code, m.Lab.CodeErr = "", ""
	p, bad := textin.Check(name)
	switch {
	case name == "" || (bad && p.Code == textin.CodeInvisibleOnly):
		m.Lab.CodeErr = "lab.code.nameRequired"
	case bad:
		m.Lab.CodeErr = "lab.code.nameChars"
	case utf8.RuneCountInString(name) > maxCodeName:
		m.Lab.CodeErr = "lab.code.nameLong"
	}
	if m.Lab.CodeErr != "" {
		return m, []core.Effect{core.Focus{ID: "lab-code-name"}}
	}
	sc := a.Score(l)
	code, err := completion.Encode([]byte(m.CompletionKey), completion.Result{Lab: l.ID, Version: l.Version,
		Score: sc.Percent, Passed: sc.Passed, Replaced: len(a.Replaced) > 0, Date: a.CompletedAt, Name: name})
	if err != nil {
		m.Lab.CodeErr = "lab.code.failed"
		return m, []core.Effect{core.Focus{ID: "lab-code-name"}}
	}
	m.Lab.Code = code
	return m, []core.Effect{core.Focus{ID: "lab-code"}}
}

// download offers the completion report as printable HTML or JSON.
func download(m core.Model, kind string) (core.Model, []core.Effect) {
	l, a := Running(m)
	if a == nil {
		return m, nil
	}
	r := a.Report(l, lang(m), m.Now)
	name := "labsim-" + l.ID + "-report-" + m.Now.UTC().Format("20060102-150405")
	switch kind {
	case "html":
		return m, []core.Effect{core.Download{Filename: name + ".html", MIME: "text/html", Data: r.HTML()}}
	case "json":
		data, err := r.JSON()
		if err != nil {
			m.Notify("error", "lab.notice.reportFailed")
			return m, nil
		}
		return m, []core.Effect{core.Download{Filename: name + ".json", MIME: "application/json", Data: string(data)}}
	}
	return m, nil
}

// escape closes an open confirmation, then the list shown over a
// running lab.
func escape(m core.Model) (core.Model, []core.Effect, bool) {
	switch {
	case m.Lab.Confirm != "":
		m, fx := Click(m, "lab.cancel", "")
		return m, fx, true
	}
	return m, nil, false
}

// Limits of a saved attempt beyond the lab file's own.
const (
	maxAnswers      = 20
	maxReplacements = 1000
)

// Errors of CheckSaved.
var (
	ErrBadAttempt = errors.New("lab attempt does not make sense")
	errWidth      = errors.New("lab guide width out of range")
)

// CheckSaved rejects a saved lab state that cannot be right: a width out
// of range, an attempt with negative or impossible counts, times out of
// order, or, for a built-in lab, steps, hints, checks or answers the lab
// does not have. An attempt of another version of a built-in lab, or of a
// lab this build does not have, is kept (the guide says it cannot go on).
func CheckSaved(s core.LabSaved) error {
	if s.Width != 0 && (s.Width < MinWidth || s.Width > MaxWidth) {
		return errWidth
	}
	a := s.Attempt
	if a == nil {
		return nil
	}
	bad := func(what string) error { return errors.Join(ErrBadAttempt, errors.New(what)) }
	switch {
	case a.Lab == "" || len(a.Lab) > engine.MaxIDLength:
		return bad("lab id")
	case a.Version < 0 || a.EventBase < 0 || a.Scanned < 0:
		return bad("negative count")
	case len(a.Steps) == 0 || len(a.Steps) > engine.MaxSteps:
		return bad("step count")
	case len(a.Replaced) > maxReplacements:
		return bad("too many replacements")
	case a.StartedAt.IsZero() || !a.CompletedAt.IsZero() && a.CompletedAt.Before(a.StartedAt):
		return bad("times")
	}
	for _, r := range a.Replaced {
		if r.Reason != engine.ReasonLoad && r.Reason != engine.ReasonImport && r.Reason != engine.ReasonRestore {
			return bad("replacement reason")
		}
	}
	labs, err := engine.Builtin()
	if err != nil {
		return nil
	}
	l := engine.Find(labs, a.Lab)
	for i, st := range a.Steps {
		if st.Hints < 0 || st.Hints > engine.MaxHints || len(st.Checks) > engine.MaxChecks || len(st.Answers) > maxAnswers {
			return bad("step " + strconv.Itoa(i+1))
		}
		if !st.Done && !st.DoneAt.IsZero() {
			return bad("step " + strconv.Itoa(i+1) + " time")
		}
		if l == nil || a.Fits(l) != nil {
			continue
		}
		step := &l.Steps[i]
		if st.Hints > len(step.Hints) || len(st.Checks) > len(step.Checks) {
			return bad("step " + strconv.Itoa(i+1) + " of " + l.ID)
		}
		q := step.Quiz()
		if q == nil && len(st.Answers) > 0 {
			return bad("answers to a task step")
		}
		for _, ans := range st.Answers {
			if q.Choice(ans) == nil {
				return bad("answer " + ans)
			}
		}
	}
	if l != nil && a.Fits(l) == nil && a.Complete() != (a.Current() == len(a.Steps)) {
		return bad("completion")
	}
	return nil
}

// elapsed is the attempt's time in whole seconds.
func elapsed(a *engine.Attempt, now time.Time) int64 {
	return int64(a.Elapsed(now) / time.Second)
}

// doneCount counts the attempt's done steps.
func doneCount(a *engine.Attempt) int {
	return len(slices.DeleteFunc(slices.Clone(a.Steps), func(s engine.StepState) bool { return !s.Done }))
}
