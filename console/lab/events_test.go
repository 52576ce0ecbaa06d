package lab_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/internal/consoletest"
	"labsim/sim"
)

// The event log keeps only its newest sim.MaxEvents, but never an event a
// running attempt's checks still need: here the sign-up, followed by more
// than MaxEvents other events before the guide next evaluates.
func TestRunningAttemptKeepsItsEventsPastTheLogBound(t *testing.T) {
	m, _ := consoletest.Start(t, map[string]string{"lab": "create-account", "lang": "en"}, "")
	m = signUp(t, m)
	signUpSeq := consoletest.LastEvent(m).Seq
	for range sim.MaxEvents + 50 {
		w, err := m.World.Do(m.Session, sim.ConsoleLoginFailure{Email: "nobody@example.com"}, m.Env())
		require.Error(t, err)
		m.World = w
	}
	require.Greater(t, len(m.World.Events), sim.MaxEvents)
	require.Equal(t, 0, m.World.EventsTrimmed())
	m = consoletest.Send(m, console.Navigate{Now: t0.Add(time.Minute), Hash: "#/signin"})
	require.Equal(t, []string{"lab-ok", "lab-ok", "lab-now"}, stepClasses(m), "the sign-up still counts")

	w, err := m.World.Do(m.Session, sim.SignInRoot{Email: "kim@example.com", Password: "Secret-Pass1"}, m.Env())
	require.NoError(t, err)
	m.World = w
	m = consoletest.Send(m, console.Navigate{Now: t0.Add(2 * time.Minute), Hash: "#/"})
	require.True(t, m.UI.Lab.Attempt.Complete())

	// With the attempt complete nothing is pinned: the next event trims
	// the log to its bound, the sign-up with it, and says how many went.
	w, err = m.World.Do(m.Session, sim.SignOut{}, m.Env())
	require.NoError(t, err)
	require.Len(t, w.Events, sim.MaxEvents)
	require.Greater(t, w.Events[0].Seq, signUpSeq)
	require.Equal(t, w.Events[0].Seq-1, w.EventsTrimmed())
}
