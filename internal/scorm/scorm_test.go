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
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 4, Score: 25, PassingScore: 80}, "S1"))
	require.Equal(t, []string{"LMSSetValue(cmi.core.lesson_status)", "LMSSetValue(cmi.core.score.min)", "LMSSetValue(cmi.core.score.max)",
		"LMSSetValue(cmi.core.score.raw)", "LMSSetValue(cmi.suspend_data)", "LMSCommit"}, lms.calls)
	require.Equal(t, "incomplete", lms.data["cmi.core.lesson_status"])

	// The same progress writes nothing; a change without a step done does
	// not commit.
	lms.calls = nil
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 4, Score: 25, PassingScore: 80}, "S1"))
	require.Empty(t, lms.calls)
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 4, Score: 25, PassingScore: 80}, "S2"))
	require.NotContains(t, lms.calls, "LMSCommit")

	require.NoError(t, s.Report(Progress{Lab: "l", Done: 4, Total: 4, Score: 100, PassingScore: 80, Completed: true, Passed: true}, "S3"))
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
	require.Error(t, s.Report(Progress{}, ""))
}

func TestSessionSCORM2004(t *testing.T) {
	lms := newFake(V2004, map[string]string{"cmi.completion_status": "unknown", "cmi.learner_preference.language": "en"})
	s, launch, err := Start(lms, V2004)
	require.NoError(t, err)
	require.Equal(t, "en", launch.Language)
	require.False(t, launch.Review)
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 2, Total: 4}, "A"))
	require.Equal(t, "incomplete", lms.data["cmi.completion_status"])
	require.Equal(t, "unknown", lms.data["cmi.success_status"])
	require.NotContains(t, lms.data, "cmi.score.raw")
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 4, Total: 4, Score: 75, PassingScore: 80, Completed: true}, "B"))
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
		require.NoError(t, s.Report(Progress{Lab: "l", Done: 1, Total: 3}, "X"))
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
			require.NoError(t, s.Report(tc.report, "new"))
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
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 2, Total: 2, Score: 100, Completed: true, Passed: true}, "done"))
	require.NoError(t, s.Report(Progress{Lab: "l", Done: 0, Total: 2}, "restart"))
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
	err = s.Report(Progress{Lab: "l", Done: 1, Total: 1, Score: 100, Completed: true, Passed: true}, "x")
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
