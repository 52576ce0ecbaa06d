package scorm

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"labsim/sim"
	engine "labsim/sim/lab"
)

// MaxSuspend12 is the largest cmi.suspend_data SCORM 1.2 guarantees, in
// characters. Every encoding fits it: LMSs that accept more (SCORM 2004's
// 64,000, scorm-again, Moodle) would otherwise hide an overflow that a
// strict 1.2 LMS truncates.
const MaxSuspend12 = 4096

// maxReplaced is how many world replacements suspend_data keeps: only
// whether there was one matters to a result.
const maxReplaced = 8

// Formats of suspend_data, its first field: "1" is the attempt alone (the
// previous release wrote it; it is still read), "2" the attempt and the
// world.
const (
	formatAttempt = "1"
	suspendFormat = "2"
)

// ErrSuspend reports suspend_data that is not a resumable attempt of the
// lab (another lab or version, or malformed).
var ErrSuspend = errors.New("suspend_data is not an attempt of this lab")

// EncodeSuspend writes what resuming attempt a of lab l needs as compact
// text for cmi.suspend_data: the lab id and version, the start time, the
// completion time, each step's done time, hints shown and quiz answers
// (choice numbers, distinct, first first), when the world was replaced,
// and, when w is not nil, the world the lab runs in (EncodeWorld: without
// password hashes, MFA or access key secrets). Times are whole seconds
// after the start. The result is at most MaxSuspend12 characters: the
// attempt always fits for any valid lab (at most engine.MaxSteps steps);
// a world that would not fit beside it is left out, and withWorld reports
// whether the world went in.
//
// The format is "2~lab~version~start~completed~steps~replaced~world":
// start in Unix seconds base 36; completed an offset or empty; steps
// separated by '.', each "done:hints:answers" with done an offset or '_'
// and trailing empty fields dropped; replaced entries "l|i|r" + offset,
// joined by ','; world EncodeWorld's text or empty.
func EncodeSuspend(l *engine.Lab, a engine.Attempt, w *sim.World) (data string, withWorld bool, err error) {
	var e WorldEncoder
	return e.Suspend(l, a, w, time.Time{})
}

// Suspend is EncodeSuspend with e encoding the world at now: an unchanged
// world is not encoded again, and with e.Every a changed one is encoded at
// once only when the attempt changed too (a step done, a hint, an answer),
// else once e.Every has passed since the last encoding.
func (e *WorldEncoder) Suspend(l *engine.Lab, a engine.Attempt, w *sim.World, now time.Time) (data string, withWorld bool, err error) {
	s, err := encodeAttempt(l, a)
	if err != nil {
		return "", false, err
	}
	attempt := s
	s += "~"
	if w == nil {
		e.attempt = attempt
		return s, false, nil
	}
	world := e.text
	if !e.ok || e.Stale(*w) && (e.Every <= 0 || attempt != e.attempt || now.Sub(e.at) >= e.Every) {
		if world, err = e.Encode(*w); err != nil {
			return "", false, err
		}
		e.at = now
	}
	e.attempt = attempt
	if len(s)+len(world) > MaxSuspend12 {
		return s, false, nil
	}
	return s + world, true, nil
}

// encodeAttempt writes the attempt fields of EncodeSuspend.
func encodeAttempt(l *engine.Lab, a engine.Attempt) (string, error) {
	if err := a.Fits(l); err != nil {
		return "", fmt.Errorf("suspend_data: %w", err)
	}
	start := a.StartedAt.Unix()
	off := func(t time.Time) string {
		return strconv.FormatInt(max(t.Unix()-start, 0), 36)
	}
	var b strings.Builder
	b.WriteString(suspendFormat + "~" + a.Lab + "~" + strconv.Itoa(a.Version) + "~" + strconv.FormatInt(start, 36) + "~")
	if a.Complete() {
		b.WriteString(off(a.CompletedAt))
	}
	b.WriteByte('~')
	for i, st := range a.Steps {
		if i > 0 {
			b.WriteByte('.')
		}
		fields := [3]string{"_", "", ""}
		if st.Done {
			fields[0] = off(st.DoneAt)
		}
		if st.Hints > 0 {
			fields[1] = strconv.Itoa(min(st.Hints, len(l.Steps[i].Hints)))
		}
		if q := l.Steps[i].Quiz(); q != nil {
			var seen [engine.MaxChoices]bool
			for _, ans := range st.Answers {
				for k := range q.Choices {
					if q.Choices[k].ID == ans && k < len(seen) && !seen[k] {
						seen[k] = true
						fields[2] += strconv.Itoa(k)
					}
				}
			}
		}
		n := 3
		for n > 1 && fields[n-1] == "" {
			n--
		}
		b.WriteString(strings.Join(fields[:n], ":"))
	}
	b.WriteByte('~')
	for i, r := range a.Replaced {
		if i == maxReplaced {
			break
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(reasonLetter(r.Reason) + off(r.At))
	}
	s := b.String()
	if len(s) >= MaxSuspend12 {
		return "", fmt.Errorf("suspend_data: %d characters leave no room in SCORM 1.2's %d", len(s), MaxSuspend12)
	}
	return s, nil
}

func reasonLetter(r string) string {
	switch r {
	case engine.ReasonImport:
		return "i"
	case engine.ReasonRestore:
		return "r"
	}
	return "l"
}

// DecodeSuspend reads suspend_data written by EncodeSuspend back into an
// attempt of lab l. The attempt's events base is eventBase (the sequence
// number of the newest event of the world it resumes in): done steps stay
// done and the current step's checks look only at later events. Anything
// that is not a consistent attempt of this lab and version gives
// ErrSuspend: steps done out of order, more hints than the step has,
// answers to a task step or to choices that do not exist, a completion
// time without every step done.
func DecodeSuspend(l *engine.Lab, s string, eventBase int) (engine.Attempt, error) {
	bad := func(what string) (engine.Attempt, error) {
		return engine.Attempt{}, fmt.Errorf("%w: %s", ErrSuspend, what)
	}
	if len(s) > MaxSuspend12 {
		return bad("too long")
	}
	parts := strings.Split(s, "~")
	if !(len(parts) == 7 && parts[0] == formatAttempt || len(parts) == 8 && parts[0] == suspendFormat) {
		return bad("unknown format")
	}
	if parts[1] != l.ID || parts[2] != strconv.Itoa(l.Version) {
		return bad("another lab or version")
	}
	start, err := strconv.ParseInt(parts[3], 36, 64)
	if err != nil || start < 0 || start > 1<<40 {
		return bad("start time")
	}
	t0 := time.Unix(start, 0).UTC()
	at := func(f string) (time.Time, bool) {
		n, err := strconv.ParseInt(f, 36, 64)
		if err != nil || n < 0 || n > 1<<32 || strings.HasPrefix(f, "+") {
			return time.Time{}, false
		}
		return t0.Add(time.Duration(n) * time.Second), true
	}
	a := engine.Attempt{Lab: l.ID, Version: l.Version, StartedAt: t0, EventBase: eventBase, Scanned: eventBase}
	steps := strings.Split(parts[5], ".")
	if len(steps) != len(l.Steps) {
		return bad("step count")
	}
	a.Steps = make([]engine.StepState, len(steps))
	doneRun := true
	for i, f := range steps {
		fields := strings.Split(f, ":")
		if len(fields) > 3 {
			return bad("step " + strconv.Itoa(i+1))
		}
		fields = append(fields, "", "")[:3]
		st := &a.Steps[i]
		if fields[0] != "_" {
			t, ok := at(fields[0])
			if !ok || !doneRun {
				return bad("step " + strconv.Itoa(i+1) + " done")
			}
			st.Done, st.DoneAt = true, t
		} else {
			doneRun = false
		}
		if fields[1] != "" {
			n, err := strconv.Atoi(fields[1])
			if err != nil || n < 1 || n > len(l.Steps[i].Hints) || fields[1] != strconv.Itoa(n) {
				return bad("step " + strconv.Itoa(i+1) + " hints")
			}
			st.Hints = n
		}
		q := l.Steps[i].Quiz()
		if fields[2] != "" {
			if q == nil {
				return bad("step " + strconv.Itoa(i+1) + " answers")
			}
			var seen [engine.MaxChoices]bool
			for _, c := range fields[2] {
				k := int(c - '0')
				if k < 0 || k >= len(q.Choices) || seen[k] {
					return bad("step " + strconv.Itoa(i+1) + " answers")
				}
				seen[k] = true
				st.Answers = append(st.Answers, q.Choices[k].ID)
			}
		}
		if q != nil && st.Done != (len(st.Answers) > 0 && st.Answers[len(st.Answers)-1] == q.Answer) {
			return bad("step " + strconv.Itoa(i+1) + " answers")
		}
		if st.Done {
			if q != nil {
				st.Checks = []bool{true}
			} else {
				st.Checks = make([]bool, len(l.Steps[i].Checks))
				for k := range st.Checks {
					st.Checks[k] = true
				}
			}
		}
	}
	if parts[4] != "" {
		t, ok := at(parts[4])
		if !ok || !doneRun {
			return bad("completion")
		}
		a.CompletedAt = t
	} else if doneRun && len(steps) > 0 {
		return bad("completion missing")
	}
	if parts[6] != "" {
		rs := strings.Split(parts[6], ",")
		if len(rs) > maxReplaced {
			return bad("replacements")
		}
		for _, r := range rs {
			if r == "" {
				return bad("replacements")
			}
			name := ""
			switch r[0] {
			case 'l':
				name = engine.ReasonLoad
			case 'i':
				name = engine.ReasonImport
			case 'r':
				name = engine.ReasonRestore
			}
			t, ok := at(r[1:])
			if name == "" || !ok {
				return bad("replacements")
			}
			a.Replaced = append(a.Replaced, engine.Replacement{Reason: name, At: t})
		}
	}
	return a, nil
}

// SuspendLab returns the lab id suspend_data written by EncodeSuspend
// names, "" when it is not such data.
func SuspendLab(s string) string {
	parts := strings.SplitN(s, "~", 3)
	if len(parts) < 3 || parts[0] != suspendFormat && parts[0] != formatAttempt {
		return ""
	}
	return parts[1]
}

// SuspendWorld reads the world suspend_data written by EncodeSuspend
// carries (DecodeWorld); ok is false when it carries none (the world did
// not fit, or the data is of format 1, or not suspend_data at all).
func SuspendWorld(s string) (r Resumed, ok bool, err error) {
	if len(s) > MaxSuspend12 {
		return Resumed{}, false, fmt.Errorf("%w: too long", ErrSuspend)
	}
	parts := strings.Split(s, "~")
	if len(parts) != 8 || parts[0] != suspendFormat || parts[7] == "" {
		return Resumed{}, false, nil
	}
	r, err = DecodeWorld(parts[7])
	if err != nil {
		return Resumed{}, false, err
	}
	return r, true, nil
}
