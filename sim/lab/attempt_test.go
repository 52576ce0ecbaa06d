package lab

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim"
)

func mustParse(t testing.TB, file string) *Lab {
	t.Helper()
	l, err := Parse("t.json", []byte(file))
	require.NoError(t, err)
	return l
}

// taskLab: sign in as root (hinted twice), then sign out, then either of
// two events.
func taskLab(t testing.TB) *Lab {
	return mustParse(t, labFile("fresh",
		`{"id": "in", "title": {"ko": "로그인", "en": "Sign in"}, "instructions": {"ko": "가", "en": "A"},
		  "hints": [{"ko": "힌트1", "en": "Hint 1"}, {"ko": "힌트2", "en": "Hint <2> & more"}],
		  "checks": [{"kind": "signed_in", "as": "root"}, {"kind": "support_plan", "plan": "basic"}]},`+
			step("out", `{"kind": "event", "action": "signin:ConsoleLogout", "principal": "root"}`)+`,`+
			`{"id": "any", "title": {"ko": "가", "en": "A"}, "instructions": {"ko": "가", "en": "A"}, "needs": "any",
			  "checks": [{"kind": "event", "action": "iam:ListUsers"}, {"kind": "event", "action": "iam:ListGroups"}]}`))
}

func ev(action, principal string) sim.Event {
	return sim.Event{Action: action, Principal: principal, Resource: rootARN}
}

func appendEvents(w sim.World, events ...sim.Event) sim.World {
	for _, e := range events {
		e.Seq = lastSeq(w) + 1
		if e.Decision == "" {
			e.Decision = sim.Allowed
		}
		w.Events = append(w.Events, e)
	}
	return w
}

func TestAttemptProgressInOrder(t *testing.T) {
	l := taskLab(t)
	w := world(ev(sim.ConsoleLoginAction, sim.Anonymous)) // before the attempt: does not count
	a := NewAttempt(l, w, t0)
	require.Equal(t, 1, a.EventBase)
	require.NoError(t, a.Fits(l))

	a, changed := a.Evaluate(l, Facts{World: w}, t0)
	require.True(t, changed, "the current step's check results are new")
	require.Equal(t, 0, a.Current())
	require.Equal(t, []Status{Current, Pending, Pending}, []Status{a.Status(0), a.Status(1), a.Status(2)})
	require.Equal(t, []bool{false, true}, a.Steps[0].Checks, "which checks pass now")
	_, changed = a.Evaluate(l, Facts{World: w}, t0)
	require.False(t, changed, "nothing new")

	// Signing out before signing in does not do step 2 ahead of time… but
	// events count from the attempt's start, so once step 1 is done, the
	// earlier sign-out does step 2 as well.
	w = appendEvents(w, ev("signin:ConsoleLogout", rootARN))
	a, _ = a.Evaluate(l, Facts{World: w}, t0.Add(time.Minute))
	require.Equal(t, 0, a.Current(), "steps are done in order")
	w = appendEvents(w, ev(sim.ConsoleLoginAction, sim.Anonymous))
	a, changed = a.Evaluate(l, Facts{World: w}, t0.Add(2*time.Minute))
	require.True(t, changed)
	require.Equal(t, 2, a.Current())
	require.Equal(t, []Status{Done, Done, Current}, []Status{a.Status(0), a.Status(1), a.Status(2)})
	require.True(t, a.Steps[0].Done)
	require.Equal(t, t0.Add(2*time.Minute), a.Steps[0].DoneAt)
	require.Equal(t, []bool{true, true}, a.Steps[0].Checks)
	require.True(t, a.Steps[1].Done)
	require.False(t, a.Complete())

	// Steps stay done: a world without those events undoes nothing.
	a, _ = a.Evaluate(l, Facts{World: world()}, t0.Add(3*time.Minute))
	require.True(t, a.Steps[0].Done && a.Steps[1].Done)

	// needs: any
	w = appendEvents(w, ev("iam:ListGroups", rootARN))
	a, _ = a.Evaluate(l, Facts{World: w}, t0.Add(4*time.Minute))
	require.True(t, a.Complete())
	require.Equal(t, t0.Add(4*time.Minute), a.CompletedAt)
	require.Equal(t, []bool{false, true}, a.Steps[2].Checks)
	require.Equal(t, 4*time.Minute, a.Elapsed(t0.Add(time.Hour)), "the time taken stops at completion")
	_, changed = a.Evaluate(l, Facts{World: w}, t0.Add(5*time.Minute))
	require.False(t, changed)

	sc := a.Score(l)
	require.Equal(t, Score{Points: 3, Max: 3, Percent: 100, Passed: true, Completed: true}, sc)
}

func TestAttemptValuesAreNotShared(t *testing.T) {
	l := taskLab(t)
	w := world()
	a := NewAttempt(l, w, t0)
	w = appendEvents(w, ev(sim.ConsoleLoginAction, sim.Anonymous))
	b, _ := a.Evaluate(l, Facts{World: w}, t0)
	require.True(t, b.Steps[0].Done)
	require.False(t, a.Steps[0].Done, "Evaluate returned a new attempt")
	c, _, _, err := b.ShowHint(l, "in", t0)
	require.NoError(t, err)
	require.Equal(t, 0, b.Steps[0].Hints, "ShowHint returned a new attempt")
	require.Equal(t, 1, c.Steps[0].Hints)
}

func TestHints(t *testing.T) {
	l := taskLab(t)
	a := NewAttempt(l, world(), t0)
	a, h, n, err := a.ShowHint(l, "in", t0)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Equal(t, "Hint 1", h.Source.En)
	a2, h, n, err := a.ShowHint(l, "in", t0)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.Equal(t, "Hint <2> & more", h.En.Plain())
	require.Equal(t, 1, a.Steps[0].Hints)
	_, _, _, err = a2.ShowHint(l, "in", t0)
	require.ErrorIs(t, err, ErrNoMoreHints)
	_, _, _, err = a2.ShowHint(l, "out", t0)
	require.ErrorIs(t, err, ErrNoMoreHints)
	_, _, _, err = a2.ShowHint(l, "nope", t0)
	require.ErrorIs(t, err, ErrNoStep)
	sc := a2.Score(l)
	require.Equal(t, 2, sc.HintsUsed)
	require.Equal(t, 0, sc.Points, "hints are reported, not deducted, and nothing is done yet")
	require.False(t, sc.Passed)
}

func quizLab(t testing.TB) *Lab {
	q := func(id, answer string) string {
		return `{"id": "` + id + `", "title": {"ko": "문제", "en": "Question"}, "checks": [` + quizCheck(answer) + `]}`
	}
	return mustParse(t, strings.Replace(labFile("keep", q("q1", "a")+","+q("q2", "b")+","+q("q3", "a")),
		`"passing_score": 100`, `"passing_score": 60`, 1))
}

func TestQuizScoresRightFirstAnswers(t *testing.T) {
	l := quizLab(t)
	require.True(t, l.Quiz())
	a := NewAttempt(l, world(), t0)
	a, changed := a.Evaluate(l, Facts{World: world()}, t0)
	require.False(t, changed, "quiz steps wait for answers")

	_, _, err := a.Answer(l, "q2", "b", t0)
	require.ErrorIs(t, err, ErrNotCurrent)
	_, _, err = a.Answer(l, "q1", "z", t0)
	require.ErrorIs(t, err, ErrNoChoice)

	a, fb, err := a.Answer(l, "q1", "a", t0)
	require.NoError(t, err)
	require.True(t, fb.Correct && fb.First)
	require.Equal(t, "A", fb.Why.Source.En)
	require.Equal(t, 1, a.Current())

	a, fb, err = a.Answer(l, "q2", "a", t0) // wrong first
	require.NoError(t, err)
	require.False(t, fb.Correct)
	require.True(t, fb.First)
	require.Equal(t, 1, a.Current(), "a wrong answer does not do the step")
	a, fb, err = a.Answer(l, "q2", "b", t0)
	require.NoError(t, err)
	require.True(t, fb.Correct)
	require.False(t, fb.First)

	a, _, err = a.Answer(l, "q3", "a", t0.Add(90*time.Second))
	require.NoError(t, err)
	require.True(t, a.Complete())
	require.Equal(t, Score{Points: 2, Max: 3, Percent: 66, Passed: true, Completed: true}, a.Score(l))
	_, _, err = a.Answer(l, "q3", "a", t0)
	require.ErrorIs(t, err, ErrNotCurrent, "a done question is not answered again")

	r := a.Report(l, "en", t0.Add(time.Hour))
	require.Equal(t, int64(90), r.Seconds)
	require.Equal(t, []string{"A", "A"}, r.Steps[1].Quiz.Answers)
	require.False(t, r.Steps[1].Quiz.FirstRight)
	require.True(t, r.Steps[0].Quiz.FirstRight)
}

func TestAnswerNeedsAQuizStep(t *testing.T) {
	l := taskLab(t)
	_, _, err := NewAttempt(l, world(), t0).Answer(l, "in", "a", t0)
	require.ErrorIs(t, err, ErrNotQuiz)
	_, _, err = NewAttempt(l, world(), t0).Answer(l, "x", "a", t0)
	require.ErrorIs(t, err, ErrNoStep)
}

func TestWorldReplacedDuringAttempt(t *testing.T) {
	l := taskLab(t)
	a := NewAttempt(l, world(), t0)
	// A loaded world whose log already has a sign-in: it must not count.
	loaded := world(ev(sim.ConsoleLoginAction, sim.Anonymous), ev("x:Y", rootARN))
	a = a.WorldReplaced(loaded, ReasonImport, t0.Add(time.Minute))
	require.Equal(t, 2, a.EventBase)
	a, _ = a.Evaluate(l, Facts{World: loaded}, t0.Add(time.Minute))
	require.Equal(t, 0, a.Current())
	loaded = appendEvents(loaded, ev(sim.ConsoleLoginAction, sim.Anonymous))
	a, _ = a.Evaluate(l, Facts{World: loaded}, t0.Add(2*time.Minute))
	require.Equal(t, 1, a.Current())

	r := a.Report(l, "en", t0.Add(3*time.Minute))
	require.Equal(t, []Replacement{{Reason: ReasonImport, At: t0.Add(time.Minute)}}, r.WorldReplaced)
	require.Contains(t, r.HTML(), "The world was replaced during this attempt")
	require.Contains(t, r.HTML(), "import")
}

func TestFits(t *testing.T) {
	l := taskLab(t)
	a := NewAttempt(l, world(), t0)
	other := *l
	other.Version = 2
	require.ErrorIs(t, a.Fits(&other), ErrOtherLab)
	b, changed := a.Evaluate(&other, Facts{World: world()}, t0)
	require.False(t, changed)
	require.Equal(t, a.Steps, b.Steps)
}

func TestReport(t *testing.T) {
	l := taskLab(t)
	l.Title.En = `<script>alert("x")</script> & co`
	w := world()
	a := NewAttempt(l, w, t0)
	a, _, _, _ = a.ShowHint(l, "in", t0)
	w = appendEvents(w, ev(sim.ConsoleLoginAction, sim.Anonymous))
	a, _ = a.Evaluate(l, Facts{World: w}, t0.Add(75*time.Second))
	a, _ = a.Evaluate(l, Facts{World: w}, t0.Add(80*time.Second))

	r := a.Report(l, "en", t0.Add(3725*time.Second))
	require.False(t, r.Completed)
	require.Equal(t, int64(3725), r.Seconds)
	require.Equal(t, 33, r.Score)
	require.False(t, r.Passed)
	require.Equal(t, 1, r.HintsUsed)
	require.Len(t, r.Steps, 3)
	require.True(t, r.Steps[0].Done)
	require.Equal(t, []CheckReport{
		{Kind: KindSignedIn, Description: "Signed in as the root user", Passed: true},
		{Kind: KindSupportPlan, Description: "The account's support plan: Basic support", Passed: true},
	}, r.Steps[0].Checks)
	require.Equal(t, []CheckReport{{Kind: KindEvent, Description: "root tried signin:ConsoleLogout", Passed: false}}, r.Steps[1].Checks)

	js, err := r.JSON()
	require.NoError(t, err)
	var back Report
	require.NoError(t, json.Unmarshal(js, &back))
	require.Equal(t, r.Score, back.Score)
	require.Equal(t, r.Steps[0].Checks, back.Steps[0].Checks)

	html := r.HTML()
	require.True(t, strings.HasPrefix(html, "<!doctype html>\n<html lang=\"en\">"))
	require.NotContains(t, html, "<script>")
	require.Contains(t, html, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co")
	require.Contains(t, html, "1 h 2 min 5 s")
	require.Contains(t, html, "Not completed yet")

	ko := a.Report(l, "ko", t0.Add(3725*time.Second)).HTML()
	require.Contains(t, ko, `<html lang="ko">`)
	require.Contains(t, ko, "1시간 2분 5초")
	require.Contains(t, ko, "루트 사용자로 로그인했습니다")
}

func TestAttemptJSONRoundTrip(t *testing.T) {
	l := quizLab(t)
	a := NewAttempt(l, world(), t0)
	a, _, err := a.Answer(l, "q1", "b", t0)
	require.NoError(t, err)
	a = a.WorldReplaced(world(), ReasonLoad, t0)
	js, err := json.Marshal(a)
	require.NoError(t, err)
	var back Attempt
	require.NoError(t, json.Unmarshal(js, &back))
	require.Equal(t, a, back)
}

func TestDescribeEveryKind(t *testing.T) {
	yes := true
	for _, c := range []Check{
		{Kind: KindAccountCreated}, {Kind: KindSupportPlan, Plan: "basic"}, {Kind: KindSignedIn, As: AsIAMUser, User: "Luna"},
		{Kind: KindRootMFAEnabled}, {Kind: KindMFASignInDone, User: "Luna"}, {Kind: KindUserExists, Name: "Luna", ConsoleAccess: &yes, MustChangePassword: &yes},
		{Kind: KindGroupExists, Name: "G"}, {Kind: KindUserInGroup, User: "Luna", Group: "G"}, {Kind: KindPolicyAttached, ToKind: "group", To: "G", Policy: "P"},
		{Kind: KindCustomerPolicyExists, Name: "P", Allows: []Request{{}}}, {Kind: KindPolicyDecision, Principal: "Luna", Request: Request{Action: "s3:GetObject"}, Expect: DecisionDenied},
		{Kind: KindEvent, Action: "iam:ListUsers", Principal: "Luna", Decision: DecisionAllowed, SourceOutside: mustPrefix("10.0.0.0/8")},
	} {
		ko, en := c.Describe("ko"), c.Describe("en")
		require.NotEmpty(t, ko)
		require.NotEmpty(t, en)
		require.NotEqual(t, ko, en, "%s is described in both languages", c.Kind)
	}
	c := Check{Kind: KindEvent, Action: "a:B", Label: Text{Ko: "라벨", En: "Label"}}
	require.Equal(t, "Label", c.Describe("en"))
	require.Equal(t, "라벨", c.Describe("ko"))
}

// TestBuiltinEventActionsExist keeps the event names of the labs that need
// no IAM in step with the operations of package sim.
func TestBuiltinEventActionsExist(t *testing.T) {
	files, err := filepath.Glob("../*.go")
	require.NoError(t, err)
	var src strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		src.Write(b)
	}
	labs, err := Builtin()
	require.NoError(t, err)
	for _, id := range []string{"create-account", "root-mfa"} {
		for _, s := range Find(labs, id).Steps {
			for _, c := range s.Checks {
				if c.Kind == KindEvent {
					require.Contains(t, src.String(), `"`+c.Action+`"`, "lab %s step %s", id, s.ID)
				}
			}
		}
	}
}

func TestEvaluateLooksOnlyAtNewEvents(t *testing.T) {
	l := taskLab(t)
	w := world()
	a := NewAttempt(l, w, t0)
	w = appendEvents(w, ev(sim.ConsoleLoginAction, sim.Anonymous))
	a, _ = a.Evaluate(l, Facts{World: w}, t0)
	require.Equal(t, 1, a.Current())
	w = appendEvents(w, ev("x:Other", rootARN), ev("y:Other", rootARN))
	a, changed := a.Evaluate(l, Facts{World: w}, t0)
	require.False(t, changed)
	require.Equal(t, 3, a.Scanned)

	// An event already looked at is not looked at again (events never
	// change; this rewrites one only to show that it is skipped).
	old := w
	old.Events = slices.Clone(w.Events)
	old.Events[2].Action = "signin:ConsoleLogout"
	old.Events[2].Principal = rootARN
	b, _ := a.Evaluate(l, Facts{World: old}, t0)
	require.Equal(t, 1, b.Current())
	// A new one is.
	old = appendEvents(old, ev("z:Other", rootARN))
	b, _ = b.Evaluate(l, Facts{World: old}, t0)
	require.Equal(t, 1, b.Current())
	b, _ = b.Evaluate(l, Facts{World: appendEvents(old, ev("signin:ConsoleLogout", rootARN))}, t0)
	require.Equal(t, 2, b.Current())

	// A shorter log than the attempt has seen (a world replaced without
	// WorldReplaced) is looked at again from the attempt's start.
	short := world(ev("signin:ConsoleLogout", rootARN))
	c, _ := a.Evaluate(l, Facts{World: short}, t0)
	require.Equal(t, 2, c.Current())
}

func TestTaskAfterQuizLooksAtEveryEventOfTheAttempt(t *testing.T) {
	l := mustParse(t, labFile("fresh", `{"id": "q", "title": {"ko": "가", "en": "A"}, "checks": [`+quizCheck("a")+`]},`+
		step("out", `{"kind": "event", "action": "signin:ConsoleLogout"}`)))
	w := world()
	a := NewAttempt(l, w, t0)
	w = appendEvents(w, ev("signin:ConsoleLogout", rootARN))
	a, changed := a.Evaluate(l, Facts{World: w}, t0)
	require.False(t, changed, "the quiz waits")
	a, _, err := a.Answer(l, "q", "a", t0)
	require.NoError(t, err)
	a, changed = a.Evaluate(l, Facts{World: w}, t0)
	require.True(t, changed)
	require.True(t, a.Complete(), "the sign-out made during the quiz counts")
}
