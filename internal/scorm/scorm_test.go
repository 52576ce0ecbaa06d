package scorm

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fakeLMS is an LMS API: it keeps the data model, records the calls and
// fails the calls named in fail with an error code.
type fakeLMS struct {
	v     Version
	data  map[string]string
	calls []string
	fail  map[string]string // call (method or method(elem)) → error code
	last  string
	throw bool
}

func newFake(v Version, data map[string]string) *fakeLMS {
	if data == nil {
		data = map[string]string{}
	}
	return &fakeLMS{v: v, data: data, fail: map[string]string{}}
}

func (f *fakeLMS) Call(method string, args ...string) (string, error) {
	if f.throw {
		return "", errors.New("TypeError: not a function")
	}
	m := f.v.methods()
	key := method
	if len(args) > 0 && (method == m.set || method == m.get) {
		key += "(" + args[0] + ")"
	}
	switch method {
	case m.lastError:
		return f.last, nil
	case m.errorString:
		return "General exception", nil
	}
	f.calls = append(f.calls, key)
	if code, ok := f.fail[key]; ok {
		f.last = code
		return "false", nil
	}
	f.last = "0"
	switch method {
	case m.get:
		return f.data[args[0]], nil
	case m.set:
		f.data[args[0]] = args[1]
	}
	return "true", nil
}

func TestSessionSCORM12(t *testing.T) {
	lms := newFake(V12, map[string]string{"cmi.core.lesson_status": "not attempted", "cmi.student_preference.language": "ko-KR"})
	s, launch, err := Start(lms, V12)
	require.NoError(t, err)
	require.Equal(t, Launch{Status: "not attempted", Success: "unknown", Score: -1, Language: "ko-KR"}, launch)
	require.Equal(t, []string{"LMSInitialize", "LMSGetValue(cmi.core.lesson_status)", "LMSGetValue(cmi.student_preference.language)",
		"LMSGetValue(cmi.core.score.raw)", "LMSGetValue(cmi.suspend_data)"}, lms.calls)

	lms.calls = nil
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 4, Score: 25, PassingScore: 80}, "S1", t0))
	require.Equal(t, []string{"LMSSetValue(cmi.core.lesson_status)", "LMSSetValue(cmi.core.score.min)", "LMSSetValue(cmi.core.score.max)",
		"LMSSetValue(cmi.core.score.raw)", "LMSSetValue(cmi.suspend_data)", "LMSCommit"}, lms.calls)
	require.Equal(t, "incomplete", lms.data["cmi.core.lesson_status"])

	// The same progress writes nothing; a change without a step done does
	// not commit.
	lms.calls = nil
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 4, Score: 25, PassingScore: 80}, "S1", t0))
	require.Empty(t, lms.calls)
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 4, Score: 25, PassingScore: 80}, "S2", t0))
	require.NotContains(t, lms.calls, "LMSCommit")

	require.NoError(t, s.Report(Progress{Lab: "l", Done: 4, Total: 4, Score: 100, PassingScore: 80, Completed: true, Passed: true}, "S3", t0))
	require.Equal(t, "passed", lms.data["cmi.core.lesson_status"])
	require.Equal(t, "100", lms.data["cmi.core.score.raw"])
	require.Equal(t, "S3", lms.data["cmi.suspend_data"])
	require.Equal(t, "LMSCommit", lms.calls[len(lms.calls)-1])

	lms.calls = nil
	require.NoError(t, s.Finish(3*time.Hour+2*time.Minute+5*time.Second))
	require.Equal(t, []string{"LMSSetValue(cmi.core.session_time)", "LMSSetValue(cmi.core.exit)", "LMSCommit", "LMSFinish"}, lms.calls)
	require.Equal(t, "0003:02:05", lms.data["cmi.core.session_time"])
	require.Empty(t, lms.data["cmi.core.exit"])
	require.NoError(t, s.Finish(time.Second), "a second Finish does nothing")
	require.Error(t, s.Report(Progress{}, "", t0))
}

func TestSessionSCORM2004(t *testing.T) {
	lms := newFake(V2004, map[string]string{"cmi.completion_status": "unknown", "cmi.learner_preference.language": "en"})
	s, launch, err := Start(lms, V2004)
	require.NoError(t, err)
	require.Equal(t, "en", launch.Language)
	require.False(t, launch.Review)
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 2, Total: 4}, "A", t0))
	require.Equal(t, "incomplete", lms.data["cmi.completion_status"])
	require.Equal(t, "unknown", lms.data["cmi.success_status"])
	require.NotContains(t, lms.data, "cmi.score.raw")
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 4, Total: 4, Score: 75, PassingScore: 80, Completed: true}, "B", t0))
	require.Equal(t, map[string]string{"completion": "completed", "success": "failed", "scaled": "0.75", "raw": "75", "min": "0", "max": "100"},
		map[string]string{"completion": lms.data["cmi.completion_status"], "success": lms.data["cmi.success_status"],
			"scaled": lms.data["cmi.score.scaled"], "raw": lms.data["cmi.score.raw"], "min": lms.data["cmi.score.min"], "max": lms.data["cmi.score.max"]})
	lms.calls = nil
	require.NoError(t, s.Finish(61*time.Second))
	require.Equal(t, []string{"SetValue(cmi.session_time)", "SetValue(cmi.exit)", "Commit", "Terminate"}, lms.calls)
	require.Equal(t, "PT1M1S", lms.data["cmi.session_time"])
}

func TestUnfinishedLabSuspends(t *testing.T) {
	for _, v := range []Version{V12, V2004} {
		lms := newFake(v, nil)
		s, _, err := Start(lms, v)
		require.NoError(t, err)
		require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 3}, "X", t0))
		require.NoError(t, s.Finish(0))
		exit := "cmi.exit"
		if v == V12 {
			exit = "cmi.core.exit"
		}
		require.Equal(t, "suspend", lms.data[exit])
	}
}

func TestReviewNeverLowers(t *testing.T) {
	tests := []struct {
		name   string
		v      Version
		data   map[string]string
		report Progress
		want   map[string]string
	}{
		{"1.2 passed stays passed", V12, map[string]string{"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90", "cmi.suspend_data": "old"},
			Progress{Lab: "l", Done: 1, Total: 4, Score: 25}, map[string]string{"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90", "cmi.suspend_data": "old"}},
		{"1.2 lower passing score kept", V12, map[string]string{"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90"},
			Progress{Lab: "l", Done: 4, Total: 4, Score: 85, Completed: true, Passed: true}, map[string]string{"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90"}},
		{"1.2 failed raised to passed", V12, map[string]string{"cmi.core.lesson_status": "failed", "cmi.core.score.raw": "50"},
			Progress{Lab: "l", Done: 4, Total: 4, Score: 100, Completed: true, Passed: true}, map[string]string{"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100", "cmi.suspend_data": "new"}},
		{"1.2 failed raised by a better fail", V12, map[string]string{"cmi.core.lesson_status": "failed", "cmi.core.score.raw": "50"},
			Progress{Lab: "l", Done: 4, Total: 4, Score: 75, Completed: true}, map[string]string{"cmi.core.lesson_status": "failed", "cmi.core.score.raw": "75"}},
		{"2004 passed stays", V2004, map[string]string{"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.raw": "100"},
			Progress{Lab: "l", Done: 4, Total: 4, Score: 50, Completed: true}, map[string]string{"cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.raw": "100"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lms := newFake(tc.v, tc.data)
			s, launch, err := Start(lms, tc.v)
			require.NoError(t, err)
			require.True(t, launch.Review)
			require.True(t, s.Review())
			require.NoError(t, s.Report(tc.report, "new", t0))
			for k, v := range tc.want {
				require.Equal(t, v, lms.data[k], k)
			}
		})
	}
}

func TestCompletedThisSessionIsNotLoweredByARestart(t *testing.T) {
	lms := newFake(V12, nil)
	s, _, err := Start(lms, V12)
	require.NoError(t, err)
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 2, Total: 2, Score: 100, Completed: true, Passed: true}, "done", t0))
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 0, Total: 2}, "restart", t0))
	require.Equal(t, "passed", lms.data["cmi.core.lesson_status"])
	require.Equal(t, "done", lms.data["cmi.suspend_data"])
}

func TestLMSErrors(t *testing.T) {
	lms := newFake(V12, nil)
	lms.fail["LMSInitialize"] = "101"
	_, _, err := Start(lms, V12)
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, Error{Call: "LMSInitialize", Code: "101", Text: "General exception"}, *e)

	lms = newFake(V2004, nil)
	s, _, err := Start(lms, V2004)
	require.NoError(t, err)
	lms.fail["SetValue(cmi.score.scaled)"] = "405"
	lms.fail["Commit"] = "391"
	err = s.Report(Progress{Lab: "l", Done: 1, Total: 1, Score: 100, Completed: true, Passed: true}, "x", t0)
	require.ErrorContains(t, err, "SetValue(cmi.score.scaled) failed: LMS error 405")
	require.ErrorContains(t, err, "Commit failed: LMS error 391")
	require.Equal(t, "100", lms.data["cmi.score.raw"], "the other elements are still written")
	require.Equal(t, "passed", lms.data["cmi.success_status"])

	lms.fail["Terminate"] = "111"
	require.ErrorContains(t, s.Finish(0), "Terminate failed: LMS error 111")

	lms = newFake(V12, nil)
	lms.throw = true
	_, _, err = Start(lms, V12)
	require.ErrorContains(t, err, "not a function")
	_, _, err = Start(lms, 0)
	require.Error(t, err)
}

func TestStatus(t *testing.T) {
	tests := []struct {
		v               Version
		p               Progress
		status, success string
	}{
		{V12, Progress{}, "incomplete", ""},
		{V12, Progress{Completed: true, Passed: true}, "passed", ""},
		{V12, Progress{Completed: true}, "failed", ""},
		{V2004, Progress{Passed: true}, "incomplete", "unknown"},
		{V2004, Progress{Completed: true, Passed: true}, "completed", "passed"},
		{V2004, Progress{Completed: true}, "completed", "failed"},
	}
	for _, tc := range tests {
		st, su := Status(tc.v, tc.p)
		require.Equal(t, [2]string{tc.status, tc.success}, [2]string{st, su}, "%+v", tc)
	}
}

func TestTimeFormats(t *testing.T) {
	tests := []struct {
		d        time.Duration
		t12, t04 string
	}{
		{0, "0000:00:00", "PT0S"},
		{-time.Second, "0000:00:00", "PT0S"},
		{59*time.Second + 900*time.Millisecond, "0000:00:59", "PT59S"},
		{time.Hour, "0001:00:00", "PT1H"},
		{25*time.Hour + 61*time.Second, "0025:01:01", "PT25H1M1S"},
		{20000 * time.Hour, "9999:59:59", "PT20000H"},
	}
	for _, tc := range tests {
		require.Equal(t, tc.t12, Time12(tc.d))
		require.Equal(t, tc.t04, Time2004(tc.d))
	}
}

func TestScaled(t *testing.T) {
	for in, want := range map[int]string{0: "0", 5: "0.05", 10: "0.1", 85: "0.85", 99: "0.99", 100: "1", 130: "1", -3: "0"} {
		require.Equal(t, want, Scaled(in), in)
	}
}

func TestParseVersion(t *testing.T) {
	for in, want := range map[string]Version{"1.2": V12, "2004": V2004, " 2004 ": V2004, "": 0, "3": 0} {
		v, ok := ParseVersion(in)
		require.Equal(t, want, v, in)
		require.Equal(t, want != 0, ok)
	}
	require.Equal(t, "API", V12.APIName())
	require.Equal(t, "API_1484_11", V2004.APIName())
	require.True(t, strings.HasPrefix((&Error{Call: "X"}).Error(), "scorm: X failed"))
}

// TestCommitCadence checks when the bridge commits: at once for the first
// report and a completion, a step done at most every CommitStep, other
// changes (the world in suspend_data) every CommitIdle, a failed commit
// tried again when due, the error returned each time.
func TestCommitCadence(t *testing.T) {
	for _, v := range []Version{V12, V2004} {
		t.Run(v.APIName(), func(t *testing.T) {
			lms := newFake(v, nil)
			commit := v.methods().commit
			s, _, err := Start(lms, v)
			require.NoError(t, err)
			at := func(d time.Duration) time.Time { return t0.Add(d) }
			commits := func() int {
				n := 0
				for _, c := range lms.calls {
					if c == commit {
						n++
					}
				}
				return n
			}
			step := func(done int) Progress {
				return Progress{Lab: "l", Done: done, Total: 4, Score: done * 25, PassingScore: 80}
			}
			steps := []struct {
				p       Progress
				suspend string
				at      time.Duration
				commits int
			}{
				{step(1), "A", 0, 1},                // first report
				{step(1), "B", 5 * time.Second, 1},  // the world changed: waits
				{step(1), "B", 30 * time.Second, 1}, // nothing new
				{step(1), "B", 61 * time.Second, 2}, // idle change due
				{step(1), "B", 62 * time.Second, 2}, // nothing left to commit
				{step(2), "C", 65 * time.Second, 2}, // a step, 4 s after the last commit: waits
				{step(2), "C", 69 * time.Second, 2}, // still waits
				{step(2), "C", 71 * time.Second, 3}, // due
				{step(3), "D", 72 * time.Second, 3}, // waits
				{Progress{Lab: "l", Done: 4, Total: 4, Score: 100, PassingScore: 80, Completed: true, Passed: true}, "E", 73 * time.Second, 4}, // completion: at once
				{step(3), "F", 500 * time.Second, 4}, // a restart after completion writes nothing
			}
			for i, st := range steps {
				require.NoError(t, s.Report(st.p, st.suspend, at(st.at)), i)
				require.Equal(t, st.commits, commits(), "report %d", i)
				if st.suspend != "F" {
					require.Equal(t, st.suspend, lms.data["cmi.suspend_data"], "set at once, report %d", i)
				}
			}

			// A refused commit is reported, and tried again when due.
			lms2 := newFake(v, nil)
			s2, _, err := Start(lms2, v)
			require.NoError(t, err)
			lms2.fail[commit] = "391"
			err = s2.Report(step(1), "A", t0)
			require.ErrorContains(t, err, "LMS error 391")
			var e *Error
			require.ErrorAs(t, err, &e)
			require.Equal(t, "391", e.Code)
			require.NoError(t, s2.Report(step(1), "A", t0.Add(time.Second)), "not due yet")
			require.ErrorContains(t, s2.Report(step(1), "B", t0.Add(CommitIdle)), "LMS error 391")
			delete(lms2.fail, commit)
			require.NoError(t, s2.Report(step(1), "B", t0.Add(2*CommitIdle)))
			require.Equal(t, commit, lms2.calls[len(lms2.calls)-1])
			lms2.calls = nil
			require.NoError(t, s2.Report(step(1), "B", t0.Add(4*CommitIdle)))
			require.Empty(t, lms2.calls, "nothing left to commit")
		})
	}
}
