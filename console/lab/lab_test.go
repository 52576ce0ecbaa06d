package lab_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/core"
	"labsim/console/lab"
	"labsim/console/ui"
	"labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/completion"
	engine "labsim/sim/lab"
)

var t0 = consoletest.T0

func view(m console.Model) ui.Node { return console.View(m) }

func find(t *testing.T, m console.Model, role, name string) ui.Node {
	t.Helper()
	return consoletest.Find(t, m, role, name)
}

func press(t *testing.T, m console.Model, role, name string) (console.Model, []console.Effect) {
	t.Helper()
	return consoletest.PressAt(t, m, t0, role, name)
}

func attr(n ui.Node, k string) string { v, _ := n.Attr(k); return v }

// openGuide is the demo world with the lab guide open.
func openGuide(t *testing.T) console.Model {
	t.Helper()
	m := consoletest.Demo(t)
	m, fx := press(t, m, "button", "Lab guide")
	require.Contains(t, fx, console.Effect(console.Focus{ID: "lab-title"}))
	return m
}

// signUp creates an account with Basic support through the world's door,
// as the sign-up pages do.
func signUp(t *testing.T, m console.Model) console.Model {
	t.Helper()
	m.PasswordCost = 1000
	env := m.Env()
	w, err := m.World.Do(m.Session, sim.SendSignUpSMS{To: "+821012345678"}, env)
	require.NoError(t, err)
	w, err = w.Do(m.Session, sim.SignUp{AccountID: "111122223333", Email: "kim@example.com", AccountName: "lab",
		Password: "Secret-Pass1", Contact: sim.Contact{Usage: account.UsagePersonal, FullName: "Kim Minji",
			Phone: "+82 10-1234-5678", Address: account.Address{Country: "KR", Line1: "1 Sejong-daero", City: "Seoul", PostalCode: "04524"}},
		Card: account.Summarize(account.TestCardNumber), SupportPlan: account.PlanBasic}, env)
	require.NoError(t, err)
	m.World = w
	return m
}

func stepClasses(m console.Model) []string {
	var out []string
	view(m).Walk(func(n ui.Node) bool {
		if n.Tag == "li" && strings.HasPrefix(attr(n, "class"), "lab-step ") {
			out = append(out, strings.TrimPrefix(attr(n, "class"), "lab-step "))
		}
		return true
	})
	return out
}

func progress(t *testing.T, m console.Model) (now, max string) {
	t.Helper()
	bar := find(t, m, "progressbar", "Lab progress")
	return attr(bar, "aria-valuenow"), attr(bar, "aria-valuemax")
}

func TestGuideListsLabsAndStartingSaysWhatHappens(t *testing.T) {
	m := openGuide(t)
	find(t, m, "complementary", "Lab guide")
	for _, title := range []string{"Create an AWS account", "Protect the root user with MFA", "Cloud and AWS concepts check"} {
		require.True(t, ui.ContainsText(view(m), title), title)
	}
	require.True(t, ui.ContainsText(view(m), "What you will learn:"))
	require.True(t, ui.ContainsText(view(m), "About 10 min"))
	consoletest.CheckPseudo(t, consoletest.Pseudo(m))

	// A lab from a prepared world says the current work is kept aside.
	m, fx := press(t, m, "button", "Start lab: Protect the root user with MFA")
	require.Equal(t, []console.Effect{console.Focus{ID: "lab-confirm-text"}}, consoletest.EffectsWithout[console.Save](fx))
	require.True(t, ui.ContainsText(view(m), "This lab starts from a prepared world"))
	require.True(t, ui.ContainsText(view(m), "Your current work is kept aside first"))
	m = consoletest.Send(m, console.Key{Now: t0, Key: "Escape"})
	require.False(t, ui.ContainsText(view(m), "This lab starts from a prepared world"), "Escape cancels")

	// A lab that keeps the world says so.
	m, _ = press(t, m, "button", "Start lab: Cloud and AWS concepts check")
	require.True(t, ui.ContainsText(view(m), "This lab starts from your current work: nothing is replaced."))
	require.False(t, ui.ContainsText(view(m), "kept aside first"))
}

func TestStartingALabKeepsTheWorkAsideAndReplacesTheWorld(t *testing.T) {
	m := openGuide(t)
	m, _ = press(t, m, "button", "Start lab: Create an AWS account")
	m, fx := press(t, m, "button", "Start lab")
	asides := consoletest.EffectsOf[console.SetAside](fx)
	require.Len(t, asides, 1, "the demo work is kept aside")
	require.Contains(t, asides[0].Key, "before-world")
	require.Empty(t, m.World.Accounts, "the fresh world")
	require.False(t, m.Session.SignedIn())
	require.NotNil(t, m.UI.Lab.Attempt)
	require.Equal(t, "create-account", m.UI.Lab.Attempt.Lab)
	require.Contains(t, fx, console.Effect(console.Focus{ID: "lab-title"}))
	// Signed out, the guide stays docked beside the public site.
	find(t, m, "complementary", "Lab guide")
	find(t, m, "button", "Lab guide")
	now, max := progress(t, m)
	require.Equal(t, []string{"0", "3"}, []string{now, max})
	require.Equal(t, []string{"lab-now", "lab-pending", "lab-pending"}, stepClasses(m))
	require.True(t, ui.ContainsText(view(m), "Step 1 of 3"))
}

func TestCreateAccountStepsTurnGreenInOrder(t *testing.T) {
	m, _ := consoletest.Start(t, map[string]string{"lab": "create-account", "lang": "en"}, "")
	require.True(t, m.UI.GuideOpen)
	m = signUp(t, m)
	// Any update evaluates the checks.
	m = consoletest.Send(m, console.Navigate{Now: t0.Add(time.Minute), Hash: "#/signin"})
	require.Equal(t, []string{"lab-ok", "lab-ok", "lab-now"}, stepClasses(m))
	require.Equal(t, "Step done: Sign-up pages 1–4: get a verification code, Sign-up page 5: choose a support plan and finish", m.Lab.Said)
	now, _ := progress(t, m)
	require.Equal(t, "2", now)

	w, err := m.World.Do(m.Session, sim.SignInRoot{Email: "kim@example.com", Password: "Secret-Pass1"}, m.Env())
	require.NoError(t, err)
	m.World = w
	m = consoletest.Send(m, console.Navigate{Now: t0.Add(2 * time.Minute), Hash: "#/"})
	require.True(t, m.UI.Lab.Attempt.Complete())
	require.True(t, ui.ContainsText(view(m), "Lab complete. Well done!"))
	now, max := progress(t, m)
	require.Equal(t, now, max, "the bar is full")
	require.True(t, ui.ContainsText(view(m), "100% (3 of 3)"))
	require.True(t, ui.ContainsText(view(m), "2 min 0 s"))

	// The report downloads as printable HTML and as JSON.
	_, fx := press(t, m, "button", "Download report (HTML)")
	dl := consoletest.EffectsOf[console.Download](fx)
	require.Len(t, dl, 1)
	require.Equal(t, "text/html", dl[0].MIME)
	require.Contains(t, dl[0].Data, "<!doctype html>")
	_, fx = press(t, m, "button", "Download report (JSON)")
	dl = consoletest.EffectsOf[console.Download](fx)
	require.Len(t, dl, 1)
	var r engine.Report
	require.NoError(t, json.Unmarshal([]byte(dl[0].Data), &r))
	require.Equal(t, 100, r.Score)
	require.True(t, r.Completed)
}

func TestStepTitlesDoNotGiveAnswersAwayAndHintsShowOneAtATime(t *testing.T) {
	m, _ := consoletest.Start(t, map[string]string{"lab": "root-mfa", "lang": "en"}, "")
	require.True(t, m.Session.SignedIn(), "root-mfa starts in the demo world")
	require.Equal(t, []string{"lab-now", "lab-pending", "lab-pending", "lab-pending", "lab-pending"}, stepClasses(m))
	require.Empty(t, ui.FindAll(view(m), "note", ""), "nothing about hints yet")
	m, fx := press(t, m, "button", "Show hint")
	require.Contains(t, fx, console.Effect(console.Focus{ID: "lab-hint-1"}))
	require.Equal(t, 1, m.UI.Lab.Attempt.Steps[0].Hints)
	require.True(t, ui.ContainsText(view(m), "Hint 1"))
	_, ok := ui.Find(view(m), "button", "Show hint")
	require.False(t, ok, "the step has one hint")
	consoletest.CheckPseudo(t, consoletest.Pseudo(m))

	// Restart lab asks first, then begins a new attempt.
	m, _ = press(t, m, "button", "Restart lab")
	require.True(t, ui.ContainsText(view(m), "The lab in progress, Protect the root user with MFA, ends"))
	m, _ = press(t, m, "button", "Start lab")
	require.Equal(t, 0, m.UI.Lab.Attempt.Steps[0].Hints, "a new attempt")
	find(t, m, "button", "Show hint")
}

func TestQuizGivesInstantFeedbackAndScoresFirstAnswers(t *testing.T) {
	m := openGuide(t)
	m, _ = press(t, m, "button", "Start lab: Cloud and AWS concepts check")
	m, _ = press(t, m, "button", "Start lab")
	require.Equal(t, "123456789012", m.Session.AccountID, "the world is kept")
	labs, err := engine.Builtin()
	require.NoError(t, err)
	l := engine.Find(labs, "cloud-concepts")
	for i, s := range l.Steps {
		q := s.Quiz()
		if i == 0 {
			wrong := q.Choices[0].ID
			if wrong == q.Answer {
				wrong = q.Choices[1].ID
			}
			m = consoletest.Click(m, "lab.answer", s.ID+":"+wrong)
			require.True(t, ui.ContainsText(view(m), "Not quite."))
			fb, ok := ui.ByID(view(m), "lab-feedback")
			require.True(t, ok)
			require.Equal(t, "status", attr(fb, "role"))
			require.Equal(t, "lab-now", stepClasses(m)[0], "a wrong answer does not do the step")
		}
		m = consoletest.Click(m, "lab.answer", s.ID+":"+q.Answer)
		if i == 0 {
			require.True(t, ui.ContainsText(view(m), "Correct."))
		}
	}
	require.True(t, m.UI.Lab.Attempt.Complete())
	n := len(l.Steps)
	pct := (n - 1) * 100 / n
	require.True(t, ui.ContainsText(view(m), "Score"))
	require.True(t, ui.ContainsText(view(m), strconv.Itoa(pct)+"% ("+strconv.Itoa(n-1)+" of "+strconv.Itoa(n)+")"))
	require.True(t, ui.ContainsText(view(m), "Passed (passing score 70)"))
	consoletest.CheckPseudo(t, consoletest.Pseudo(m))
}

func TestProgressIsSavedAndSurvivesReload(t *testing.T) {
	m, _ := consoletest.Start(t, map[string]string{"lab": "root-mfa", "lang": "en"}, "")
	m, _ = press(t, m, "button", "Show hint")
	data, err := m.Encode(m.Revision)
	require.NoError(t, err)
	again, _ := consoletest.Start(t, map[string]string{"lang": "en"}, data)
	require.NotNil(t, again.UI.Lab.Attempt)
	require.Equal(t, "root-mfa", again.UI.Lab.Attempt.Lab)
	require.Equal(t, 1, again.UI.Lab.Attempt.Steps[0].Hints)
	require.True(t, again.UI.GuideOpen)
	find(t, again, "progressbar", "Lab progress")

	// The same link again resumes instead of starting over.
	again, fx := consoletest.Start(t, map[string]string{"lab": "root-mfa", "lang": "en"}, data)
	require.Empty(t, consoletest.EffectsOf[console.SetAside](fx))
	require.Equal(t, 1, again.UI.Lab.Attempt.Steps[0].Hints)
}

func TestReplacingTheWorldIsRecorded(t *testing.T) {
	m, _ := consoletest.Start(t, map[string]string{"lab": "root-mfa", "lang": "en"}, "")
	m = consoletest.Send(m, console.Navigate{Now: t0, Hash: "#/simulator"})
	m, _ = press(t, m, "button", "Load world signed-up")
	if m.Confirm != "" {
		m, _ = press(t, m, "button", "Confirm")
	}
	require.Len(t, m.UI.Lab.Attempt.Replaced, 1)
	require.Equal(t, engine.ReasonLoad, m.UI.Lab.Attempt.Replaced[0].Reason)

	// An import keeps the running attempt and records it too.
	other, _ := consoletest.Start(t, map[string]string{"world": "demo", "lang": "en"}, "")
	doc, err := other.Encode(1)
	require.NoError(t, err)
	m = consoletest.Send(m, console.ImportFile{Now: t0, Name: "w.json", Size: len(doc), Text: doc})
	m = consoletest.Click(m, "aside.import", "")
	require.Len(t, m.UI.Lab.Attempt.Replaced, 2)
	require.Equal(t, engine.ReasonImport, m.UI.Lab.Attempt.Replaced[1].Reason)
	require.Equal(t, "root-mfa", m.UI.Lab.Attempt.Lab)
}

func TestWidthSliderIsRememberedAndBounded(t *testing.T) {
	m := openGuide(t)
	slider := find(t, m, "slider", "Panel width")
	require.Equal(t, "360", attr(slider, "value"))
	for _, c := range []struct {
		in   string
		want int
	}{{"440", 440}, {"10", 280}, {"9999", 640}, {"455", 440}, {"x", 440}} {
		m = consoletest.Send(m, console.Input{Now: t0, Field: lab.WidthField, Value: c.in})
		require.Equal(t, c.want, m.UI.Lab.Width, c.in)
		_, kept := m.UI.Fields[lab.WidthField]
		require.False(t, kept, "the width is not a form field")
	}
	require.Contains(t, lab.PanelClass(m.Model), "lab-w-440")
	m, fx := press(t, m, "button", "Close the lab guide")
	require.False(t, m.UI.GuideOpen)
	require.Contains(t, fx, console.Effect(console.Focus{ID: "guide-btn"}))
	require.Equal(t, 440, m.UI.Lab.Width)
}

func TestUnknownLabLinkSaysSo(t *testing.T) {
	m, _ := consoletest.Start(t, map[string]string{"lab": "nope", "lang": "en"}, "")
	require.Nil(t, m.UI.Lab.Attempt)
	require.Equal(t, "lab.notice.unknown", m.Notices[len(m.Notices)-1].Key)
}

func TestCheckSavedRejectsImpossibleAttempts(t *testing.T) {
	good := func() *engine.Attempt {
		labs, err := engine.Builtin()
		require.NoError(t, err)
		a := engine.NewAttempt(engine.Find(labs, "root-mfa"), sim.World{}, t0)
		return &a
	}
	require.NoError(t, lab.CheckSaved(core.LabSaved{}))
	require.NoError(t, lab.CheckSaved(core.LabSaved{Attempt: good(), Width: 400}))
	for name, change := range map[string]func(*core.LabSaved){
		"width":         func(s *core.LabSaved) { s.Width = 5000 },
		"no lab":        func(s *core.LabSaved) { s.Attempt.Lab = "" },
		"no steps":      func(s *core.LabSaved) { s.Attempt.Steps = nil },
		"negative base": func(s *core.LabSaved) { s.Attempt.EventBase = -1 },
		"no start":      func(s *core.LabSaved) { s.Attempt.StartedAt = time.Time{} },
		"hints":         func(s *core.LabSaved) { s.Attempt.Steps[0].Hints = 3 },
		"answers":       func(s *core.LabSaved) { s.Attempt.Steps[0].Answers = []string{"a"} },
		"done time":     func(s *core.LabSaved) { s.Attempt.Steps[1].DoneAt = t0 },
		"completed":     func(s *core.LabSaved) { s.Attempt.CompletedAt = t0.Add(time.Hour) },
		"reason":        func(s *core.LabSaved) { s.Attempt.Replaced = []engine.Replacement{{Reason: "magic", At: t0}} },
	} {
		s := core.LabSaved{Attempt: good()}
		change(&s)
		require.Error(t, lab.CheckSaved(s), name)
	}
	// An import of such a document is refused.
	m, _ := consoletest.Start(t, map[string]string{"lab": "root-mfa", "lang": "en"}, "")
	m.UI.Lab.Attempt.Steps[0].Hints = 4
	doc, err := m.Encode(1)
	require.NoError(t, err)
	_, err = console.DecodeImport(doc)
	require.Error(t, err)
}

func TestInstructionsAreEscapedByConstruction(t *testing.T) {
	doc, err := engine.ParseRich("Type `a & <b` then **Services → IAM**\n\n- one\n- two *x*")
	require.NoError(t, err)
	got := ui.HTML(ui.Node{Tag: "div", Kids: lab.Doc(doc)})
	require.Equal(t, `<div><p>Type <code>a &amp; &lt;b</code> then <strong>Services → IAM</strong></p><ul><li>one</li><li>two <em>x</em></li></ul></div>`, got)
	require.Equal(t, `<b>one two <em>x</em></b>`, ui.HTML(ui.Node{Tag: "b", Kids: lab.Inline(doc[1:])}))
}

func TestCompletionPageMakesAVerifiableCode(t *testing.T) {
	m := openGuide(t)
	m.CompletionKey = "class-7"
	m, _ = press(t, m, "button", "Start lab: Cloud and AWS concepts check")
	m, _ = press(t, m, "button", "Start lab")
	labs, err := engine.Builtin()
	require.NoError(t, err)
	l := engine.Find(labs, "cloud-concepts")
	for _, s := range l.Steps {
		m = consoletest.Click(m, "lab.answer", s.ID+":"+s.Quiz().Answer)
	}
	require.True(t, m.UI.Lab.Attempt.Complete())
	find(t, m, "textbox", "Your name")

	// Bad names are refused next to the field, and nothing is made.
	for _, bad := range []struct{ name, says string }{
		{"", "Enter your name."},
		{"\u200B\u200D", "Enter your name."},
		{"Kim\u202EMinji", "cannot be used here"},
		{strings.Repeat("가", 101), "at most 100 characters"},
	} {
		m2 := consoletest.Send(m, console.Input{Now: consoletest.T0, Field: lab.CodeNameField, Value: bad.name})
		m2, fx := press(t, m2, "button", "Make my completion code")
		require.Contains(t, fx, console.Effect(console.Focus{ID: "lab-code-name"}), bad.name)
		require.True(t, ui.ContainsText(view(m2), bad.says), bad.name)
		require.Empty(t, m2.Lab.Code)
		field := find(t, m2, "textbox", "Your name")
		require.Equal(t, "true", attr(field, "aria-invalid"))
	}

	m = consoletest.Send(m, console.Input{Now: consoletest.T0, Field: lab.CodeNameField, Value: "  Kim Minji "})
	m, fx := press(t, m, "button", "Make my completion code")
	require.Contains(t, fx, console.Effect(console.Focus{ID: "lab-code"}))
	code := m.Lab.Code
	require.NotEmpty(t, code)
	require.True(t, ui.ContainsText(view(m), code))
	claim, err := completion.Verify([]byte("class-7"), code)
	require.NoError(t, err)
	require.True(t, claim.LabIs("cloud-concepts"))
	require.Equal(t, 100, claim.Score)
	require.True(t, claim.Passed)
	require.True(t, claim.NameMatches([]byte("class-7"), "kim minji"))
	require.False(t, claim.NameMatches([]byte("class-7"), "Lee Minji"))
	_, err = completion.Verify([]byte("another-key"), code)
	require.Error(t, err, "a code of another build's key does not verify")

	// Without a key the build offers no codes.
	m.CompletionKey = ""
	require.False(t, ui.ContainsText(view(m), "Completion code"))
}
