// Package scorm is the pure-Go half of labsim's SCORM runtime bridge: the
// call sequence against an LMS's API object (SCORM 1.2's API or SCORM
// 2004's API_1484_11, reached through the API interface so that the wasm
// binding passes the JavaScript object and tests a fake), the mapping of a
// lab's progress to the data model's status and score elements, the
// session-time formats, and the suspend_data encoding of an attempt. It
// never lowers a result the LMS already holds: a relaunched completed SCO
// runs in review.
package scorm

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Version is a SCORM edition.
type Version int

// The SCORM editions.
const (
	// V12 is SCORM 1.2: window.API, LMSInitialize … LMSFinish.
	V12 Version = iota + 1
	// V2004 is SCORM 2004: window.API_1484_11, Initialize … Terminate.
	V2004
)

// ParseVersion reads a version as the packer writes it (data-scorm "1.2"
// or "2004"); ok is false for anything else.
func ParseVersion(s string) (Version, bool) {
	switch strings.TrimSpace(s) {
	case "1.2", "12":
		return V12, true
	case "2004":
		return V2004, true
	}
	return 0, false
}

// APIName is the name of the API object the LMS puts on a window.
func (v Version) APIName() string {
	if v == V2004 {
		return "API_1484_11"
	}
	return "API"
}

// methods are the API's function names, by version.
type methods struct {
	init, get, set, commit, finish, lastError, errorString string
}

func (v Version) methods() methods {
	if v == V2004 {
		return methods{"Initialize", "GetValue", "SetValue", "Commit", "Terminate", "GetLastError", "GetErrorString"}
	}
	return methods{"LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish", "LMSGetLastError", "LMSGetErrorString"}
}

// API is an LMS's runtime API object: Call invokes one of its functions
// (by its real name, such as "LMSSetValue") with string arguments and
// returns the result as text ("true"/"false" for the calls that succeed or
// fail). An error means the call itself failed (it threw).
type API interface {
	Call(method string, args ...string) (string, error)
}

// Error is an LMS error: the call that failed and the code and text the
// LMS gave for it.
type Error struct {
	Call string
	Code string
	Text string
}

// Error implements error.
func (e *Error) Error() string {
	s := "scorm: " + e.Call + " failed"
	if e.Code != "" {
		s += ": LMS error " + e.Code
	}
	if e.Text != "" {
		s += " (" + e.Text + ")"
	}
	return s
}

// Progress is a lab's result as the bridge reports it.
type Progress struct {
	// Lab is the lab's id ("" when no lab runs).
	Lab string
	// Done and Total count the lab's steps.
	Done, Total int
	// Score is the score in percent; PassingScore the least that passes.
	Score, PassingScore int
	// Completed reports whether every step is done; Passed whether the
	// score reaches the passing score.
	Completed, Passed bool
}

// Launch is what the LMS says at Initialize.
type Launch struct {
	// Status is the lesson status (1.2) or completion status (2004) the
	// LMS holds, for example "not attempted", "incomplete", "passed".
	Status string
	// Success is SCORM 2004's success status ("unknown" in 1.2).
	Success string
	// Score is the raw score the LMS holds, -1 when none.
	Score int
	// Suspend is cmi.suspend_data.
	Suspend string
	// Language is the learner's preferred language, "" when not given.
	Language string
	// Review reports that the SCO was already completed: the result it
	// holds is kept unless the new one is better.
	Review bool
}

// Session is an initialized connection to the LMS. It is not safe for
// concurrent use.
type Session struct {
	api      API
	v        Version
	m        methods
	launch   Launch
	finished bool
	// sent is the last progress reported; reported tells whether any was.
	sent     Progress
	reported bool
	suspend  string
	// committed is when the last commit was tried; dirty reports values
	// set since the last successful commit, step that a step was done
	// since then.
	committed   time.Time
	dirty, step bool
}

// Start initializes the LMS session (LMSInitialize("") or Initialize(""))
// and reads the launch data.
func Start(api API, v Version) (*Session, Launch, error) {
	if v != V12 && v != V2004 {
		return nil, Launch{}, errors.New("scorm: unknown version")
	}
	s := &Session{api: api, v: v, m: v.methods()}
	if err := s.call(s.m.init, ""); err != nil {
		return nil, Launch{}, err
	}
	l := Launch{Score: -1, Success: "unknown"}
	if v == V12 {
		l.Status = s.get("cmi.core.lesson_status")
		l.Language = s.get("cmi.student_preference.language")
	} else {
		l.Status = s.get("cmi.completion_status")
		l.Success = s.get("cmi.success_status")
		l.Language = s.get("cmi.learner_preference.language")
	}
	// A raw score is a decimal ("85" or "85.5"): its whole part counts.
	raw, _, _ := strings.Cut(s.get(s.scoreElem("raw")), ".")
	if n, err := strconv.Atoi(raw); err == nil && n >= 0 && n <= 100 {
		l.Score = n
	}
	l.Suspend = s.get("cmi.suspend_data")
	l.Review = rank(l.Status, l.Success) >= rankFailed
	s.launch = l
	s.suspend = l.Suspend
	return s, l, nil
}

// Ranks of results: a report never replaces a better one.
const (
	rankNone = iota
	rankIncomplete
	rankFailed
	rankCompleted
	rankPassed
)

// rank orders a status: passed above completed (without a success
// status) above failed above incomplete above none.
func rank(status, success string) int {
	switch {
	case status == "passed" || success == "passed":
		return rankPassed
	case status == "failed" || success == "failed":
		return rankFailed
	case status == "completed":
		return rankCompleted
	case status == "incomplete" || status == "browsed":
		return rankIncomplete
	}
	return rankNone
}

// progressRank ranks a progress the way rank ranks an LMS status.
func progressRank(p Progress) int {
	switch {
	case p.Completed && p.Passed:
		return rankPassed
	case p.Completed:
		return rankFailed
	}
	return rankIncomplete
}

// scoreElem names a score element in the version's data model.
func (s *Session) scoreElem(name string) string {
	if s.v == V12 {
		return "cmi.core.score." + name
	}
	return "cmi.score." + name
}

// call invokes a function that returns "true" on success.
func (s *Session) call(method string, args ...string) error {
	out, err := s.api.Call(method, args...)
	if err != nil {
		return fmt.Errorf("scorm: %s: %w", method, err)
	}
	if out == "true" {
		return nil
	}
	e := &Error{Call: method}
	if len(args) > 0 && method == s.m.set {
		e.Call += "(" + args[0] + ")"
	}
	e.Code, _ = s.api.Call(s.m.lastError)
	if e.Code != "" && e.Code != "0" {
		e.Text, _ = s.api.Call(s.m.errorString, e.Code)
	}
	return e
}

// get reads an element; "" when the LMS does not have it.
func (s *Session) get(elem string) string {
	out, err := s.api.Call(s.m.get, elem)
	if err != nil {
		return ""
	}
	return out
}

// set writes an element; errors are collected by the caller.
func (s *Session) set(errs *[]error, elem, value string) {
	if err := s.call(s.m.set, elem, value); err != nil {
		*errs = append(*errs, err)
	}
}

// Commit cadence: an LMS sends every Commit to its server (Moodle posts
// one request each), so the bridge does not commit on every change. It
// commits at once when the session reports for the first time, when the
// lab changes or completes; a step done is committed when CommitStep has
// passed since the last commit; other changes (the world, hints) when
// CommitIdle has; whatever is left, at Finish.
const (
	CommitStep = 10 * time.Second
	CommitIdle = 60 * time.Second
)

// Report writes the lab's progress and the suspend_data for resuming it
// (SetValue, which LMSs keep until the next commit), and commits by the
// cadence above (now is the time of the report; a report with nothing new
// still commits what is due). Once the LMS holds a final result (passed,
// failed or completed, from an earlier launch or this one) only a better
// result replaces it, with its suspend_data: a relaunched SCO runs in
// review and never lowers the result. It returns the LMS errors of the
// calls that failed, joined; a failed commit is tried again at the next
// report that is due.
func (s *Session) Report(p Progress, suspend string, now time.Time) error {
	if s.finished {
		return errors.New("scorm: the session is finished")
	}
	var errs []error
	urgent := false
	if !s.reported || p != s.sent || suspend != s.suspend {
		held, rankNow := rank(s.launch.Status, s.launch.Success), progressRank(p)
		write := p.Lab != "" && p.Total > 0 &&
			(held < rankFailed || rankNow > held || rankNow == held && p.Score > s.launch.Score)
		urgent = !s.reported || write && (p.Completed != s.sent.Completed || p.Lab != s.sent.Lab)
		if p.Done != s.sent.Done {
			s.step = true
		}
		if write {
			s.writeResult(&errs, p)
			if suspend != s.suspend {
				s.set(&errs, "cmi.suspend_data", suspend)
				s.suspend = suspend
			}
			s.dirty = true
		}
		s.sent, s.reported = p, true
	}
	since := now.Sub(s.committed)
	if urgent || s.dirty && (s.step && since >= CommitStep || since >= CommitIdle) {
		if err := s.call(s.m.commit, ""); err != nil {
			errs = append(errs, err)
		} else {
			s.dirty, s.step = false, false
		}
		// A failed commit waits as long as a successful one before the
		// next try.
		s.committed = now
	}
	return errors.Join(errs...)
}

// Review reports whether the LMS holds a final result that only a better
// one replaces.
func (s *Session) Review() bool { return rank(s.launch.Status, s.launch.Success) >= rankFailed }

// writeResult sets the status and score elements for p and remembers them
// as the LMS's result.
func (s *Session) writeResult(errs *[]error, p Progress) {
	status, success := Status(s.v, p)
	if s.v == V12 {
		s.set(errs, "cmi.core.lesson_status", status)
	} else {
		s.set(errs, "cmi.completion_status", status)
		s.set(errs, "cmi.success_status", success)
	}
	if p.Completed || p.Score > 0 {
		// The range first: 1.2 LMSs check raw against it.
		s.set(errs, s.scoreElem("min"), "0")
		s.set(errs, s.scoreElem("max"), "100")
		s.set(errs, s.scoreElem("raw"), strconv.Itoa(p.Score))
		if s.v == V2004 {
			s.set(errs, "cmi.score.scaled", Scaled(p.Score))
		}
		s.launch.Score = p.Score
	}
	s.launch.Status, s.launch.Success = status, success
	if success == "" {
		s.launch.Success = "unknown"
	}
}

// Status maps progress to the data model's status values: for SCORM 1.2
// cmi.core.lesson_status ("incomplete", then "passed" or "failed" against
// the passing score; success is ""), for SCORM 2004 cmi.completion_status
// ("incomplete" or "completed") and cmi.success_status ("unknown" until
// completion, then "passed" or "failed").
func Status(v Version, p Progress) (status, success string) {
	if v == V12 {
		switch {
		case !p.Completed:
			return "incomplete", ""
		case p.Passed:
			return "passed", ""
		}
		return "failed", ""
	}
	switch {
	case !p.Completed:
		return "incomplete", "unknown"
	case p.Passed:
		return "completed", "passed"
	}
	return "completed", "failed"
}

// Scaled writes a percent score as cmi.score.scaled (-1 to 1): "1" for
// 100, "0.85" for 85, "0.8" for 80, "0" for 0.
func Scaled(percent int) string {
	percent = min(max(percent, 0), 100)
	switch {
	case percent == 100:
		return "1"
	case percent == 0:
		return "0"
	case percent < 10:
		return "0.0" + strconv.Itoa(percent)
	}
	return strings.TrimSuffix("0."+strconv.Itoa(percent), "0")
}

// Finish ends the session: the session time, cmi.core.exit "suspend"
// (1.2) or cmi.exit "suspend" (2004) while the lab is not complete so that
// the LMS keeps suspend_data for the next launch, a last commit, then
// LMSFinish("") or Terminate(""). Calling it again does nothing.
func (s *Session) Finish(elapsed time.Duration) error {
	if s.finished {
		return nil
	}
	s.finished = true
	var errs []error
	exit := ""
	if !s.sent.Completed {
		exit = "suspend"
	}
	if s.v == V12 {
		s.set(&errs, "cmi.core.session_time", Time12(elapsed))
		s.set(&errs, "cmi.core.exit", exit)
	} else {
		s.set(&errs, "cmi.session_time", Time2004(elapsed))
		s.set(&errs, "cmi.exit", exit)
	}
	if err := s.call(s.m.commit, ""); err != nil {
		errs = append(errs, err)
	}
	if err := s.call(s.m.finish, ""); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Time12 writes a duration as SCORM 1.2's CMITimespan HHHH:MM:SS (whole
// seconds; at most 9999:59:59).
func Time12(d time.Duration) string {
	sec := min(max(int64(d/time.Second), 0), 9999*3600+59*60+59)
	h, m, s := sec/3600, sec/60%60, sec%60
	return pad(h, 4) + ":" + pad(m, 2) + ":" + pad(s, 2)
}

// Time2004 writes a duration as SCORM 2004's ISO 8601 duration, for
// example "PT1H2M3S" or "PT0S".
func Time2004(d time.Duration) string {
	sec := max(int64(d/time.Second), 0)
	h, m, s := sec/3600, sec/60%60, sec%60
	out := "PT"
	if h > 0 {
		out += strconv.FormatInt(h, 10) + "H"
	}
	if m > 0 {
		out += strconv.FormatInt(m, 10) + "M"
	}
	if s > 0 || h == 0 && m == 0 {
		out += strconv.FormatInt(s, 10) + "S"
	}
	return out
}

func pad(n int64, w int) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < w {
		s = "0" + s
	}
	return s
}
