package console

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/lab"
	"labsim/internal/scorm"
	"labsim/sim"
	engine "labsim/sim/lab"
	"labsim/sim/mfa"
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
	data0, _ := m.SuspendData()
	require.Empty(t, data0)

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
	data, withWorld := m.SuspendData()
	require.NotEmpty(t, data)
	require.True(t, withWorld)
	fresh, _ := start(t, map[string]string{"lang": "en", "lab": "cloud-concepts"}, "")
	fresh = send(fresh, LMSLaunched{Now: t0, Found: true, Suspend: data, Resume: true})
	got, ok := fresh.LabStatus()
	require.True(t, ok)
	require.Equal(t, s, got)
	require.Equal(t, "notice.lms.resumedWorldPlain", fresh.Notices[len(fresh.Notices)-1].Key, "the quiz's world holds no secret")
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
	data, _, err := scorm.EncodeSuspend(l, a, nil)
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
	three, _ := done.SuspendData()
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

// startCheap boots a console with a cheap password hash and the given
// storage.
func startCheap(t *testing.T, query map[string]string, storage StorageStatus) Model {
	t.Helper()
	return startCheapAt(t, t0, query, storage)
}

// startCheapAt is startCheap at another time (another day's prepared
// worlds are other accounts).
func startCheapAt(t *testing.T, now time.Time, query map[string]string, storage StorageStatus) Model {
	t.Helper()
	m, _ := Update(Model{}, Init{Now: now, Seed: [32]byte{7}, Query: query, BrowserLang: "en-US", Storage: storage, PasswordCost: 1000})
	return m
}

// noticeKeys lists the model's banners' keys.
func noticeKeys(m Model) []string {
	var out []string
	for _, n := range m.Notices {
		out = append(out, n.Key)
	}
	return out
}

// TestLMSResumesWorld plays lab 3 half way on one computer and resumes it
// on another from suspend_data alone: the account, its IAM users, group
// and policy come back without secrets; the page asks for a new root
// password at once (the reset link), says which users lost their console
// password and MFA device, and the new password signs in.
func TestLMSResumesWorld(t *testing.T) {
	q := map[string]string{"lang": "en", "lab": "iam-delegation"}
	m := startCheap(t, q, StorageStatus{Mode: "local"})
	st, err := sim.Prepared("delegation-done", m.env())
	require.NoError(t, err)
	m.World = st.World
	acct := m.World.Accounts[sim.DemoAccountID]
	acct.IAM = acct.IAM.Clone()
	for i := range acct.IAM.Users {
		if acct.IAM.Users[i].Name == sim.LunaName {
			acct.IAM.Users[i].MFA = []mfa.Device{{Name: "luna", Serial: mfa.SerialNumber(acct.ID, "luna"), Secret: mfa.DemoSecret, EnabledAt: t0}}
		}
	}
	m.World.Accounts[acct.ID] = acct
	l, a := lab.Running(m.Model)
	require.NotNil(t, a)
	done := *a
	done.Steps = slices.Clone(a.Steps)
	for i := range 3 {
		done.Steps[i] = engine.StepState{Done: true, DoneAt: t0, Checks: make([]bool, len(l.Steps[i].Checks))}
	}
	m.UI.Lab.Attempt = &done
	data, withWorld := m.SuspendData()
	require.True(t, withWorld)
	require.LessOrEqual(t, len(data), scorm.MaxSuspend12)

	// The same computer: its own save went as far, it stays.
	same := send(m, LMSLaunched{Now: t0, Found: true, Suspend: data, Resume: true, Local: true})
	require.Equal(t, m.World.Accounts, same.World.Accounts)
	require.True(t, same.Storage.LMS)

	// Another computer, in a sandboxed frame: memory only.
	other := startCheapAt(t, t0.Add(26*time.Hour), q, StorageStatus{Mode: "memory", Reason: ReasonUnavailable})
	next, fx := Update(other, LMSLaunched{Now: t0, Found: true, Suspend: data, Resume: true})
	require.True(t, next.Storage.LMS)
	s, ok := next.LabStatus()
	require.True(t, ok)
	require.Equal(t, 3, s.Done)
	require.False(t, next.Session.SignedIn(), "the LMS does not sign anyone in")
	back := next.World.Accounts[sim.DemoAccountID]
	require.Equal(t, acct.IAM.Groups, back.IAM.Groups)
	require.Equal(t, acct.IAM.Policies, back.IAM.Policies)
	require.Len(t, back.IAM.Users, 2)
	for _, u := range back.IAM.Users {
		require.False(t, u.Login.Enabled(), u.Name)
		require.Empty(t, u.MFA, u.Name)
	}
	keys := noticeKeys(next)
	for _, k := range []string{"notice.lms.storage", "notice.lms.resumedWorld", "notice.lms.lostPasswords", "notice.lms.lostMfa", "notice.lms.newPassword"} {
		require.Contains(t, keys, k)
	}
	for _, n := range next.Notices {
		switch n.Key {
		case "notice.lms.lostPasswords":
			require.Equal(t, []string{"users", "Luna, SuperUser"}, n.Args)
		case "notice.lms.lostMfa":
			require.Equal(t, []string{"who", "Luna"}, n.Args)
		}
	}
	require.NotEmpty(t, effectsOf[SetURL](fx))
	// The work this browser had is kept aside, under a reason of its own.
	var aside []string
	for _, a := range next.Aside {
		aside = append(aside, a.Key)
	}
	require.Len(t, aside, 1)
	require.Contains(t, aside[0], "before-lms")
	reason, _ := next.Aside[0].reasonAndTime()
	require.True(t, next.Catalog().Has("aside.reason."+reason), reason)
	r := next.route()
	require.Equal(t, "signin", r.Page)
	require.True(t, strings.HasPrefix(r.Hash(), sim.ResetLinkPrefix), r.Hash())
	_, err = next.World.CheckRootPassword(sim.DemoEmail, sim.DemoPassword)
	require.Error(t, err, "the old password did not come along")

	// The reset page sets a new password; it signs in.
	const pw = "Resumed-Pass-2026!"
	next, fx = Update(next, Submit{Now: t0, Form: "signin.reset", Values: map[string]string{
		"signin.reset.password": pw, "signin.reset.password.confirm": pw}})
	for _, n := range effectsOf[Next](fx) {
		next = send(next, n.Msg)
	}
	_, err = next.World.CheckRootPassword(sim.DemoEmail, pw)
	require.NoError(t, err)
	s2, _ := next.LabStatus()
	require.Equal(t, 3, s2.Done, "the lab goes on")

	// The same browser, behind the LMS (another lab of the package ran
	// here since): the world comes from the LMS, its secrets from here.
	behind := startCheap(t, q, StorageStatus{Mode: "local"})
	behind.World = m.World
	here, _ := Update(behind, LMSLaunched{Now: t0, Found: true, Suspend: data, Resume: true, Local: true})
	hs, _ := here.LabStatus()
	require.Equal(t, 3, hs.Done)
	_, err = here.World.CheckRootPassword(sim.DemoEmail, sim.DemoPassword)
	require.NoError(t, err, "the root password this browser had")
	require.Contains(t, noticeKeys(here), "notice.lms.resumedWorldHere")
	require.NotContains(t, noticeKeys(here), "notice.lms.newPassword")
	require.NotContains(t, noticeKeys(here), "notice.lms.lostPasswords")
	require.NotEqual(t, "signin", here.route().Page)

	// Data from the previous release (attempt only) still resumes the
	// attempt, in the lab's own start world.
	old, _, err := scorm.EncodeSuspend(l, done, nil)
	require.NoError(t, err)
	old = "1" + strings.TrimSuffix(old[1:], "~")
	prev := send(startCheap(t, q, StorageStatus{Mode: "local"}), LMSLaunched{Now: t0, Found: true, Suspend: old, Resume: true})
	ps, _ := prev.LabStatus()
	require.Equal(t, 3, ps.Done)
	require.Contains(t, noticeKeys(prev), "notice.lms.resumed")
}

func TestLMSReport(t *testing.T) {
	m := startCheap(t, map[string]string{"lang": "en"}, StorageStatus{Mode: "local"})
	m = send(m, LMSReport{Now: t0, Error: "LMSCommit failed: LMS error 301 (Not initialized)"})
	n := m.Notices[len(m.Notices)-1]
	require.Equal(t, "notice.lms.error", n.Key)
	require.Equal(t, "error", n.Kind)
	require.Contains(t, m.Catalog().T(n.Key, n.Args...), "301 (Not initialized)")
	m = send(m, LMSReport{Now: t0, WorldLeftOut: true})
	require.Equal(t, "notice.lms.worldLeftOut", m.Notices[len(m.Notices)-1].Key)
}
