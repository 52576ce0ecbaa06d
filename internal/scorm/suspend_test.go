package scorm

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	engine "labsim/sim/lab"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func builtin(t testing.TB, id string) *engine.Lab {
	labs, err := engine.Builtin()
	require.NoError(t, err)
	l := engine.Find(labs, id)
	require.NotNil(t, l, id)
	return l
}

// playQuiz answers each question of a quiz lab: wrong first on odd steps.
func playQuiz(t testing.TB, l *engine.Lab, steps int) engine.Attempt {
	a := engine.NewAttempt(l, emptyWorld(), t0)
	for i := 0; i < steps; i++ {
		q := l.Steps[i].Quiz()
		now := t0.Add(time.Duration(i+1) * time.Minute)
		var err error
		if i%2 == 1 {
			for _, c := range q.Choices {
				if c.ID != q.Answer {
					a, _, err = a.Answer(l, l.Steps[i].ID, c.ID, now)
					require.NoError(t, err)
					a, _, err = a.Answer(l, l.Steps[i].ID, c.ID, now) // the same again
					require.NoError(t, err)
					break
				}
			}
		}
		a, _, err = a.Answer(l, l.Steps[i].ID, q.Answer, now)
		require.NoError(t, err)
	}
	return a
}

// taskDone marks the first n steps of a task lab done, with hints.
func taskDone(l *engine.Lab, n int) engine.Attempt {
	a := engine.NewAttempt(l, emptyWorld(), t0)
	for i := range n {
		a.Steps[i] = engine.StepState{Done: true, DoneAt: t0.Add(time.Duration(i+1) * 97 * time.Second), Hints: min(1, len(l.Steps[i].Hints))}
		a.Steps[i].Checks = make([]bool, len(l.Steps[i].Checks))
		for k := range a.Steps[i].Checks {
			a.Steps[i].Checks[k] = true
		}
	}
	if n == len(l.Steps) {
		a.CompletedAt = a.Steps[n-1].DoneAt
	}
	return a
}

func TestSuspendRoundTrip(t *testing.T) {
	quiz := builtin(t, "cloud-concepts")
	delegation := builtin(t, "iam-delegation")
	replaced := taskDone(delegation, 2)
	replaced = replaced.WorldReplaced(emptyWorld(), engine.ReasonImport, t0.Add(time.Hour))
	replaced.EventBase, replaced.Scanned = 0, 0
	tests := []struct {
		name string
		l    *engine.Lab
		a    engine.Attempt
	}{
		{"quiz started", quiz, playQuiz(t, quiz, 0)},
		{"quiz half", quiz, playQuiz(t, quiz, len(quiz.Steps)/2)},
		{"quiz complete", quiz, playQuiz(t, quiz, len(quiz.Steps))},
		{"lab 3 complete", delegation, taskDone(delegation, len(delegation.Steps))},
		{"lab 3 replaced", delegation, replaced},
		{"lab 1 one step", builtin(t, "create-account"), taskDone(builtin(t, "create-account"), 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, withWorld, err := EncodeSuspend(tc.l, tc.a, nil)
			require.NoError(t, err)
			require.False(t, withWorld)
			require.LessOrEqual(t, len(s), MaxSuspend12)
			t.Logf("%d characters: %s", len(s), s)
			got, err := DecodeSuspend(tc.l, s, 0)
			require.NoError(t, err)
			want := tc.a
			want.Scanned = 0
			for i := range want.Steps {
				if !want.Steps[i].Done {
					want.Steps[i].Checks = nil
				}
				want.Steps[i].Answers = dedupe(want.Steps[i].Answers)
			}
			require.Equal(t, want, got)
			require.Equal(t, tc.a.Score(tc.l), got.Score(tc.l), "the score survives")
			again, _, err := EncodeSuspend(tc.l, got, nil)
			require.NoError(t, err)
			require.Equal(t, s, again)
		})
	}
}

func dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		if !strings.Contains(" "+strings.Join(out, " ")+" ", " "+s+" ") {
			out = append(out, s)
		}
	}
	return out
}

// TestSuspendWorstCase builds the largest lab a file may describe (every
// step a quiz with every choice answered and every hint shown, the longest
// id, times years apart) and checks that its suspend_data fits SCORM 1.2.
func TestSuspendWorstCase(t *testing.T) {
	l := &engine.Lab{ID: strings.Repeat("x", engine.MaxIDLength), Version: 1 << 30}
	for i := range engine.MaxSteps {
		st := engine.Step{ID: "s" + strconv.Itoa(i), Hints: make([]engine.Rich, engine.MaxHints)}
		q := engine.Check{Kind: engine.KindQuiz}
		for k := range engine.MaxChoices {
			q.Choices = append(q.Choices, engine.Choice{ID: "c" + strconv.Itoa(k)})
		}
		q.Answer = "c5"
		st.Checks = []engine.Check{q}
		l.Steps = append(l.Steps, st)
	}
	a := engine.NewAttempt(l, emptyWorld(), t0)
	late := t0.Add(10 * 365 * 24 * time.Hour)
	for i := range a.Steps {
		a.Steps[i] = engine.StepState{Done: true, DoneAt: late, Hints: engine.MaxHints, Checks: []bool{true},
			Answers: []string{"c0", "c1", "c2", "c3", "c4", "c5"}}
	}
	a.CompletedAt = late
	for range 3 * maxReplaced {
		a = a.WorldReplaced(emptyWorld(), engine.ReasonRestore, late)
	}
	s, _, err := EncodeSuspend(l, a, nil)
	require.NoError(t, err)
	require.LessOrEqual(t, len(s), MaxSuspend12)
	t.Logf("worst case: %d characters", len(s))
	got, err := DecodeSuspend(l, s, 7)
	require.NoError(t, err)
	require.Len(t, got.Replaced, maxReplaced)
	require.Equal(t, 7, got.EventBase)
	require.Equal(t, a.Score(l), got.Score(l))
}

func TestSuspendRejects(t *testing.T) {
	quiz := builtin(t, "cloud-concepts")
	good, _, err := EncodeSuspend(quiz, playQuiz(t, quiz, 2), nil)
	require.NoError(t, err)
	_, err = DecodeSuspend(quiz, good, 0)
	require.NoError(t, err)
	parts := strings.Split(good, "~")
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "~")
	}
	steps := strings.Split(parts[5], ".")
	stepsWith := func(i int, v string) string {
		s := append([]string(nil), steps...)
		s[i] = v
		return with(5, strings.Join(s, "."))
	}
	bad := map[string]string{
		"empty":               "",
		"format":              with(0, "3"),
		"format 1 with world": with(0, "1"),
		"other lab":           with(1, "root-mfa"),
		"other version":       with(2, strconv.Itoa(quiz.Version+1)),
		"start":               with(3, "!"),
		"completion early":    with(4, "5"),
		"step count":          with(5, parts[5]+"._"),
		"done out of order":   stepsWith(3, "1::"+strconv.Itoa(choiceIndex(quiz, 3))),
		"too many hints":      stepsWith(2, "_:9"),
		"leading zero":        stepsWith(2, "_:01"),
		"unknown choice":      stepsWith(2, "_::9"),
		"repeated choice":     stepsWith(2, "_::00"),
		"done without":        stepsWith(2, "1"),
		"not done but right":  stepsWith(2, "_::"+strconv.Itoa(choiceIndex(quiz, 2))),
		"replacement":         with(6, "x1"),
		"too long":            good + strings.Repeat("x", MaxSuspend12),
		"fields":              good + "~",
	}
	for name, s := range bad {
		_, err := DecodeSuspend(quiz, s, 0)
		require.ErrorIs(t, err, ErrSuspend, name)
	}
	_, _, err = EncodeSuspend(builtin(t, "root-mfa"), playQuiz(t, quiz, 1), nil)
	require.ErrorIs(t, err, engine.ErrOtherLab)
}

func choiceIndex(l *engine.Lab, step int) int {
	q := l.Steps[step].Quiz()
	for k, c := range q.Choices {
		if c.ID == q.Answer {
			return k
		}
	}
	return -1
}

func FuzzDecodeSuspend(f *testing.F) {
	quiz := builtin(f, "cloud-concepts")
	for n := range len(quiz.Steps) + 1 {
		s, _, err := EncodeSuspend(quiz, playQuiz(f, quiz, n), nil)
		require.NoError(f, err)
		f.Add(s)
		f.Add("1" + strings.TrimSuffix(s[1:], "~"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := DecodeSuspend(quiz, s, 3)
		if err != nil {
			return
		}
		// Whatever decodes is a consistent attempt that encodes again.
		require.NoError(t, a.Fits(quiz))
		out, _, err := EncodeSuspend(quiz, a, nil)
		require.NoError(t, err)
		b, err := DecodeSuspend(quiz, out, 3)
		require.NoError(t, err)
		require.Equal(t, a, b)
	})
}

func emptyWorld() sim.World { return sim.World{} }
