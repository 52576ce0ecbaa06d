package lab

import (
	"errors"
	"slices"
	"time"

	"labsim/sim"
)

// Attempt is one student's run of a lab: which steps are done and when,
// the current step's check results, hints shown, quiz answers, and when
// the world was replaced. It is a value that the console saves with the
// world (it marshals to JSON); its methods return a new Attempt and never
// change the one they are called on.
type Attempt struct {
	Lab       string    `json:"lab"`
	Version   int       `json:"version"`
	StartedAt time.Time `json:"startedAt"`
	// CompletedAt is when the last step was done; zero until then.
	CompletedAt time.Time `json:"completedAt,omitzero"`
	// EventBase is the sequence number of the world's last event when the
	// attempt started (or the world was replaced): only later events count.
	EventBase int `json:"eventBase"`
	// Scanned is the sequence number of the newest event the current
	// step's checks have looked at, so that each update looks only at new
	// events.
	Scanned  int           `json:"scanned,omitempty"`
	Steps    []StepState   `json:"steps"`
	Replaced []Replacement `json:"replaced,omitempty"`
}

// StepState is the progress of one step.
type StepState struct {
	Done   bool      `json:"done,omitempty"`
	DoneAt time.Time `json:"doneAt,omitzero"`
	// Checks holds, for the current step, which checks pass now; for a
	// done step, which passed when it was done.
	Checks []bool `json:"checks,omitempty"`
	// Hints is how many of the step's hints were shown.
	Hints int `json:"hints,omitempty"`
	// Answers are a quiz step's chosen choice IDs, first answer first.
	Answers []string `json:"answers,omitempty"`
}

// Replacement records that the world was replaced during the attempt.
type Replacement struct {
	// Reason is what replaced it: ReasonLoad, ReasonImport or ReasonRestore.
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

// Reasons for replacing the world during an attempt.
const (
	ReasonLoad    = "load"
	ReasonImport  = "import"
	ReasonRestore = "restore"
)

// lastSeq returns the sequence number of the world's newest event, or 0.
func lastSeq(w sim.World) int {
	if n := len(w.Events); n > 0 {
		return w.Events[n-1].Seq
	}
	return 0
}

// NewAttempt begins an attempt of l in w, the world the lab starts from (the
// console builds it from l.Start first). Events already in w do not count.
// Call Evaluate right after: a step may already hold.
func NewAttempt(l *Lab, w sim.World, now time.Time) Attempt {
	return Attempt{
		Lab:       l.ID,
		Version:   l.Version,
		StartedAt: now.UTC(),
		EventBase: lastSeq(w),
		Steps:     make([]StepState, len(l.Steps)),
	}
}

// ErrOtherLab is returned when an attempt does not belong to a lab.
var ErrOtherLab = errors.New("the attempt is of another lab or another version of it")

// Fits reports whether the attempt was made with this version of l (a
// saved attempt of an older version cannot go on; start a new one).
func (a Attempt) Fits(l *Lab) error {
	if a.Lab != l.ID || a.Version != l.Version || len(a.Steps) != len(l.Steps) {
		return ErrOtherLab
	}
	return nil
}

// Current returns the index of the first step not done, or len(Steps)
// when the lab is complete.
func (a Attempt) Current() int {
	for i, s := range a.Steps {
		if !s.Done {
			return i
		}
	}
	return len(a.Steps)
}

// Status is a step's state in the guide.
type Status uint8

// The states of a step.
const (
	Pending Status = iota
	Current
	Done
)

// Status returns the state of step i: done, current (the first step not
// done) or pending.
func (a Attempt) Status(i int) Status {
	switch cur := a.Current(); {
	case i < cur:
		return Done
	case i == cur:
		return Current
	default:
		return Pending
	}
}

// Complete reports whether every step is done.
func (a Attempt) Complete() bool { return !a.CompletedAt.IsZero() }

// Evaluate checks the current step against the facts and, while it holds,
// marks it done and goes on to the next, so steps are done in order and
// stay done. Call it after every change to the world and keep the attempt
// it returns; the bool reports whether the progress the guide shows
// changed. Only the current step's checks are evaluated, and checks about
// events look only at events of this attempt that they have not seen yet.
// Quiz steps wait for Answer.
func (a Attempt) Evaluate(l *Lab, f Facts, now time.Time) (Attempt, bool) {
	if a.Fits(l) != nil {
		return a, false
	}
	out, changed := a, false
	cur := a.Current()
	for i := cur; i < len(l.Steps); i++ {
		step := &l.Steps[i]
		if step.Quiz() != nil {
			break
		}
		var buf [MaxChecks]bool
		res := buf[:len(step.Checks)]
		from, prev := a.EventBase, []bool(nil)
		if i == cur && a.Scanned > from && a.Scanned <= lastSeq(f.World) {
			from, prev = a.Scanned, a.Steps[i].Checks
		}
		pass := evalStep(step, &f, from, prev, res)
		if !pass && slices.Equal(res, out.Steps[i].Checks) {
			break
		}
		if !changed {
			out.Steps, changed = slices.Clone(a.Steps), true
		}
		out.Steps[i].Checks = slices.Clone(res)
		if !pass {
			break
		}
		out.Steps[i].Done, out.Steps[i].DoneAt = true, now.UTC()
	}
	if changed {
		out.complete(now)
	}
	// The step now current has looked at every event, unless it is a quiz
	// step (or none is left), which looks at none.
	out.Scanned = out.EventBase
	if c := out.Current(); c < len(l.Steps) && l.Steps[c].Quiz() == nil {
		out.Scanned = lastSeq(f.World)
	}
	return out, changed
}

// complete sets CompletedAt when the last step is done.
func (a *Attempt) complete(now time.Time) {
	if a.CompletedAt.IsZero() && a.Current() == len(a.Steps) {
		a.CompletedAt = now.UTC()
	}
}

// Errors of ShowHint and Answer.
var (
	ErrNoStep      = errors.New("the lab has no such step")
	ErrNoMoreHints = errors.New("every hint of the step is already shown")
	ErrNotQuiz     = errors.New("the step is not a quiz question")
	ErrNotCurrent  = errors.New("the step is not the current step")
	ErrNoChoice    = errors.New("the question has no such choice")
)

// ShowHint reveals the next hint of the step and returns it with its
// number (1 for the first). Hints are counted in the report, not deducted
// from the score.
func (a Attempt) ShowHint(l *Lab, stepID string, now time.Time) (Attempt, Rich, int, error) {
	i := l.StepIndex(stepID)
	if err := a.Fits(l); err != nil {
		return a, Rich{}, 0, err
	}
	if i < 0 {
		return a, Rich{}, 0, ErrNoStep
	}
	n := a.Steps[i].Hints
	if n >= len(l.Steps[i].Hints) {
		return a, Rich{}, 0, ErrNoMoreHints
	}
	out := a
	out.Steps = slices.Clone(a.Steps)
	out.Steps[i].Hints = n + 1
	return out, l.Steps[i].Hints[n], n + 1, nil
}

// Feedback is what the student sees after answering a quiz question.
type Feedback struct {
	Correct bool
	// First reports whether this was the question's first answer, the one
	// that scores.
	First bool
	// Why explains the chosen answer in one line.
	Why Rich
}

// Answer records an answer (a choice ID) to the current step's quiz
// question. A right answer does the step; a wrong one can be followed by
// another. Only the first answer scores.
func (a Attempt) Answer(l *Lab, stepID, choice string, now time.Time) (Attempt, Feedback, error) {
	if err := a.Fits(l); err != nil {
		return a, Feedback{}, err
	}
	i := l.StepIndex(stepID)
	if i < 0 {
		return a, Feedback{}, ErrNoStep
	}
	q := l.Steps[i].Quiz()
	switch {
	case q == nil:
		return a, Feedback{}, ErrNotQuiz
	case i != a.Current():
		return a, Feedback{}, ErrNotCurrent
	}
	ch := q.Choice(choice)
	if ch == nil {
		return a, Feedback{}, ErrNoChoice
	}
	out := a
	out.Steps = slices.Clone(a.Steps)
	st := &out.Steps[i]
	fb := Feedback{Correct: choice == q.Answer, First: len(st.Answers) == 0, Why: ch.Why}
	st.Answers = append(slices.Clone(st.Answers), choice)
	if fb.Correct {
		st.Done, st.DoneAt, st.Checks = true, now.UTC(), []bool{true}
		out.Scanned = out.EventBase // the next step has looked at no event yet
		out.complete(now)
	}
	return out, fb, nil
}

// WorldReplaced records that the console replaced the world during the
// attempt (reason ReasonLoad, ReasonImport or ReasonRestore) with w: done
// steps stay done, and from now on only events after w's newest count.
func (a Attempt) WorldReplaced(w sim.World, reason string, now time.Time) Attempt {
	out := a
	out.Replaced = append(slices.Clone(a.Replaced), Replacement{Reason: reason, At: now.UTC()})
	out.EventBase = lastSeq(w)
	out.Scanned = out.EventBase
	return out
}

// Score is an attempt's result as the LMS sees it.
type Score struct {
	// Points is the number of steps done (task steps) or answered right
	// the first time (quiz steps); Max is the number of steps.
	Points, Max int
	// Percent is Points out of Max, 0–100, rounded down.
	Percent int
	// Passed reports whether Percent reaches the lab's passing score.
	Passed    bool
	Completed bool
	// HintsUsed counts every hint shown.
	HintsUsed int
}

// Score scores the attempt: a task step scores when done, a quiz step when
// its first answer was right; hints are reported, not deducted.
func (a Attempt) Score(l *Lab) Score {
	s := Score{Max: len(l.Steps), Completed: a.Complete()}
	for i, st := range a.Steps {
		s.HintsUsed += st.Hints
		if i >= len(l.Steps) {
			continue
		}
		if q := l.Steps[i].Quiz(); q != nil {
			if len(st.Answers) > 0 && st.Answers[0] == q.Answer {
				s.Points++
			}
		} else if st.Done {
			s.Points++
		}
	}
	if s.Max > 0 {
		s.Percent = s.Points * 100 / s.Max
	}
	s.Passed = s.Percent >= l.PassingScore
	return s
}

// Elapsed is the attempt's time so far, or its whole time once complete.
func (a Attempt) Elapsed(now time.Time) time.Duration {
	end := now
	if a.Complete() {
		end = a.CompletedAt
	}
	if d := end.Sub(a.StartedAt); d > 0 {
		return d
	}
	return 0
}
