//go:build !entry

package console

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"labsim/console/core"

	"labsim/console/i18n"
	"labsim/console/lab"
	"labsim/internal/scorm"
	"labsim/sim"
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

// SuspendData returns the running attempt and the world as SCORM
// suspend_data (scorm.EncodeSuspend: no secrets of the world), "" when no
// lab runs; withWorld is false when the world was left out because it
// would not fit SCORM 1.2's 4,096 characters beside the attempt.
func (m Model) SuspendData() (data string, withWorld bool) {
	var e scorm.WorldEncoder
	return m.SuspendDataWith(&e, m.Now)
}

// SuspendDataWith is SuspendData with e encoding the world at now
// (scorm.WorldEncoder.Suspend): a page that reports after every update
// keeps one, so that an unchanged world is not compressed again.
func (m Model) SuspendDataWith(e *scorm.WorldEncoder, now time.Time) (data string, withWorld bool) {
	l, a := lab.Running(m.Model)
	if a == nil {
		return "", false
	}
	s, withWorld, err := e.Suspend(l, *a, &m.World, now)
	if err != nil {
		return "", false
	}
	return s, withWorld
}

// hostCommand carries out a HostCommand; unknown commands and arguments
// change nothing.
func (m Model) hostCommand(c HostCommand) (Model, []Effect) {
	switch c.Command {
	case CommandStartLab:
		m.Model, _ = lab.Labs(m.Model)
		if _, _, known := lab.StartWorld(m.Model, c.Arg); !known && !m.Lab.Instructor.Pending {
			// Unknown, and no instructor's lab is still being read (one
			// that is, openLab opens when the files are in).
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

// lmsReport tells the student what the bridge reported.
func (m Model) lmsReport(r LMSReport) (Model, []Effect) {
	if r.Error != "" {
		m.notify("error", "notice.lms.error", "error", r.Error)
	}
	if r.WorldLeftOut {
		m.notify("warning", "notice.lms.worldLeftOut")
	}
	return m, nil
}

// lmsLaunched tells the student how the LMS was found and resumes the
// attempt its suspend_data holds when asked to, with its world when it
// carries one. The LMS is then where the work lives when this browser
// cannot keep it (Storage.LMS).
func (m Model) lmsLaunched(msg LMSLaunched) (Model, []Effect) {
	switch {
	case !msg.Found:
		m.notify("warning", "notice.lms.missing")
		return m, nil
	case msg.Review:
		m.notify("info", "notice.lms.review")
	}
	m.Storage.LMS = true
	if m.Storage.Mode == "memory" {
		m.notify("info", "notice.lms.storage")
	}
	if !msg.Resume || msg.Suspend == "" {
		return m, nil
	}
	m.Model, _ = lab.Labs(m.Model)
	l := engine.Find(m.Lab.Labs, scorm.SuspendLab(msg.Suspend))
	if l == nil {
		return m, nil
	}
	held, err := scorm.DecodeSuspend(l, msg.Suspend, 0)
	if err != nil {
		return m, nil
	}
	resumed, withWorld, err := scorm.SuspendWorld(msg.Suspend)
	if err != nil {
		withWorld = false
	}
	// Work this browser kept that went further than the LMS's stays.
	lmsDone := doneSteps(held)
	if _, cur := lab.Running(m.Model); cur != nil && cur.Lab == l.ID {
		if d := doneSteps(*cur); d > lmsDone || d == lmsDone && msg.Local {
			return m, nil
		}
	}
	if withWorld {
		return m.resumeWorld(l, msg.Suspend, resumed)
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
	m.UI.Lab.Attempt = &a
	m.UI.GuideOpen = true
	m.notify("info", "notice.lms.resumed")
	return m, fx
}

// resumeWorld puts the world and attempt of suspend_data in place of the
// current work (kept aside), signed out. The LMS never had the secrets:
// those the current world still holds for the same account and users come
// back (the same browser, another lab of the package); of the others the
// student is told which, and when the root password is among them the page
// asks for a new one at once, through the emailed reset link that "Forgot
// password?" would send (the email is in the virtual inbox too).
func (m Model) resumeWorld(l *engine.Lab, data string, r scorm.Resumed) (Model, []Effect) {
	hadSecrets := !r.Lost.Empty()
	r = r.WithSecretsOf(m.World)
	fx := m.keepAside("before-lms")
	m.World, m.Session = r.World, sim.Session{}
	m.UI.Fields, m.Secrets, m.Confirm = nil, nil, ""
	a, err := scorm.DecodeSuspend(l, data, 0)
	if err != nil {
		return m, fx
	}
	m.UI.Lab.Attempt = &a
	m.UI.GuideOpen = true
	m.Lab = core.LabState{Labs: m.Lab.Labs, Err: m.Lab.Err}
	lost := r.Lost
	switch {
	case !hadSecrets:
		m.notify("info", "notice.lms.resumedWorldPlain")
	case lost.Empty():
		m.notify("info", "notice.lms.resumedWorldHere")
	default:
		m.notify("info", "notice.lms.resumedWorld")
	}
	if len(lost.Passwords) > 0 {
		m.notify("warning", "notice.lms.lostPasswords", "users", userNames(lost.Passwords))
	}
	if len(lost.RootMFA)+len(lost.MFA) > 0 {
		var who []string
		if len(lost.RootMFA) > 0 {
			who = append(who, m.Catalog().T("notice.lms.rootUser"))
		}
		if len(lost.MFA) > 0 {
			who = append(who, userNames(lost.MFA))
		}
		m.notify("warning", "notice.lms.lostMfa", "who", strings.Join(who, ", "))
	}
	if len(lost.AccessKeys) > 0 {
		m.notify("warning", "notice.lms.lostKeys", "n", strconv.Itoa(len(lost.AccessKeys)))
	}
	route := "#/"
	if len(lost.RootPasswords) > 0 {
		if acct, ok := m.World.Accounts[lost.RootPasswords[0]]; ok {
			w, err := m.World.Do(m.Session, sim.RequestPasswordReset{Email: acct.Email}, m.env())
			if err == nil {
				m.World = w
				for _, e := range slices.Backward(m.World.Devices.Inbox) {
					if e.SubjectKey == sim.ResetSubjectKey && e.Args["accountId"] == acct.ID {
						route = sim.ResetLinkPrefix + e.Args["token"]
						m.notify("warning", "notice.lms.newPassword", "email", acct.Email)
						break
					}
				}
			}
		}
	}
	m, nav := m.navigate(route)
	return m, append(append(fx, nav...), m.urlEffect(false))
}

// userNames lists IAM users by name from their ARNs.
func userNames(arns []string) string {
	names := make([]string, len(arns))
	for i, arn := range arns {
		names[i] = arn[strings.LastIndex(arn, "/")+1:]
	}
	return strings.Join(names, ", ")
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
