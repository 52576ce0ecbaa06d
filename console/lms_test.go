package console

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/lab"
	"labsim/internal/scorm"
	engine "labsim/sim/lab"
)

// answerQuiz answers the running quiz lab's current question: right, or
// wrong first then right.
func answerQuiz(t *testing.T, m Model, wrongFirst bool) Model {
	t.Helper()
	l, a := lab.Running(m.Model)
	require.NotNil(t, a)
	st := l.Steps[a.Current()]
	q := st.Quiz()
	require.NotNil(t, q)
	if wrongFirst {
		for _, c := range q.Choices {
			if c.ID != q.Answer {
				m = click(m, "lab.answer", st.ID+":"+c.ID)
				break
			}
		}
	}
	return click(m, "lab.answer", st.ID+":"+q.Answer)
}

func TestLabStatus(t *testing.T) {
	m, _ := start(t, map[string]string{"lang": "en"}, "")
	_, ok := m.LabStatus()
	require.False(t, ok, "no lab started")
	require.Empty(t, m.SuspendData())

	m, _ = start(t, map[string]string{"lang": "en", "lab": "cloud-concepts"}, "")
	s, ok := m.LabStatus()
	require.True(t, ok)
	l, _ := lab.Running(m.Model)
	require.Equal(t, LabStatus{Lab: "cloud-concepts", Version: l.Version, Step: l.Steps[0].ID, Total: len(l.Steps),
		PassingScore: l.PassingScore}, s)

	m = answerQuiz(t, m, true)
	m = answerQuiz(t, m, false)
	s, _ = m.LabStatus()
	require.Equal(t, 2, s.Done)
	require.Equal(t, 2, s.StepIndex)
	require.Equal(t, l.Steps[2].ID, s.Step)
	require.Equal(t, 100/len(l.Steps), s.Score, "one first answer right")
	require.False(t, s.Completed || s.Passed)

	for range len(l.Steps) - 2 {
		m = answerQuiz(t, m, false)
	}
	s, _ = m.LabStatus()
	require.True(t, s.Completed)
	require.Equal(t, (len(l.Steps)-1)*100/len(l.Steps), s.Score)
	require.Equal(t, s.Score >= l.PassingScore, s.Passed)
	require.Empty(t, s.Step)
	require.Equal(t, len(l.Steps), s.StepIndex)

	// The suspend data restores the same status in a fresh page.
	data := m.SuspendData()
	require.NotEmpty(t, data)
	fresh, _ := start(t, map[string]string{"lang": "en", "lab": "cloud-concepts"}, "")
	fresh = send(fresh, LMSLaunched{Now: t0, Found: true, Suspend: data, Resume: true})
	got, ok := fresh.LabStatus()
	require.True(t, ok)
	require.Equal(t, s, got)
	require.Equal(t, "notice.lms.resumed", fresh.Notices[len(fresh.Notices)-1].Key)
}

func TestLMSLaunched(t *testing.T) {
	m, _ := start(t, map[string]string{"lang": "en", "lab": "cloud-concepts"}, "")
	before, _ := m.LabStatus()

	missing := send(m, LMSLaunched{Now: t0})
	require.Equal(t, "notice.lms.missing", missing.Notices[len(missing.Notices)-1].Key)
	got, _ := missing.LabStatus()
	require.Equal(t, before, got, "the lab goes on without an LMS")

	review := send(m, LMSLaunched{Now: t0, Found: true, Review: true})
	require.Equal(t, "notice.lms.review", review.Notices[len(review.Notices)-1].Key)

	// Resuming another lab's data starts that lab first.
	l := engine.Find(m.Lab.Labs, "create-account")
	a := engine.NewAttempt(l, m.World, t0)
	a.Steps[0] = engine.StepState{Done: true, DoneAt: t0, Checks: make([]bool, len(l.Steps[0].Checks))}
	data, err := scorm.EncodeSuspend(l, a)
	require.NoError(t, err)
	other := send(m, LMSLaunched{Now: t0, Found: true, Suspend: data, Resume: true})
	s, _ := other.LabStatus()
	require.Equal(t, "create-account", s.Lab)
	require.GreaterOrEqual(t, s.Done, 1)

	// In review, the completed attempt replaces a fresh one but not one
	// that went further.
	done, _ := start(t, map[string]string{"lang": "en", "lab": "cloud-concepts"}, "")
	for range 3 {
		done = answerQuiz(t, done, false)
	}
	three := done.SuspendData()
	further := answerQuiz(t, done, false)
	kept := send(further, LMSLaunched{Now: t0, Found: true, Review: true, Suspend: three, Resume: true})
	ks, _ := kept.LabStatus()
	require.Equal(t, 4, ks.Done, "this browser's attempt went further")
	taken := send(m, LMSLaunched{Now: t0, Found: true, Review: true, Suspend: three, Resume: true})
	ts, _ := taken.LabStatus()
	require.Equal(t, 3, ts.Done)

	// Garbage, or data not to resume, changes nothing.
	for _, msg := range []LMSLaunched{
		{Now: t0, Found: true, Suspend: "1~cloud-concepts~99~0~~~", Resume: true},
		{Now: t0, Found: true, Suspend: "nonsense", Resume: true},
		{Now: t0, Found: true, Suspend: data},
	} {
		got, _ := send(m, msg).LabStatus()
		require.Equal(t, before, got, msg.Suspend)
	}
}

func TestHostCommands(t *testing.T) {
	m, _ := start(t, map[string]string{"lang": "en"}, "")
	tests := []struct {
		cmd      HostCommand
		lab      string
		lang     i18n.Lang
		urlFx    bool
		notStart bool
	}{
		{HostCommand{Now: t0, Command: CommandStartLab, Arg: "cloud-concepts"}, "cloud-concepts", i18n.EN, false, false},
		{HostCommand{Now: t0, Command: CommandStartLab, Arg: "no-such-lab"}, "", i18n.EN, false, true},
		{HostCommand{Now: t0, Command: CommandSetLanguage, Arg: "ko-KR"}, "", i18n.KO, true, true},
		{HostCommand{Now: t0, Command: CommandSetLanguage, Arg: "pseudo"}, "", i18n.EN, false, true},
		{HostCommand{Now: t0, Command: CommandSetLanguage, Arg: "fr"}, "", i18n.EN, false, true},
		{HostCommand{Now: t0, Command: "reset-everything", Arg: "x"}, "", i18n.EN, false, true},
	}
	for _, tc := range tests {
		next, fx := Update(m, tc.cmd)
		s, ok := next.LabStatus()
		require.Equal(t, !tc.notStart, ok, "%+v", tc.cmd)
		require.Equal(t, tc.lab, s.Lab)
		require.Equal(t, tc.lang, next.UI.Lang)
		require.Equal(t, tc.urlFx, len(effectsOf[SetURL](fx)) > 0, "%+v", tc.cmd)
	}
}
