package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// logged returns the demo world after n operations through the door with
// env, every third one failing (failed and denied calls are logged too).
func logged(t *testing.T, st Start, n int, env Env) World {
	t.Helper()
	w := st.World
	for i := range n {
		w, _ = w.Do(st.Session, renameAccount{id: DemoAccountID, name: "n", fail: i%3 == 2}, env)
	}
	return w
}

// requireConsecutive checks that the log's sequence numbers go up by one.
func requireConsecutive(t *testing.T, w World) {
	t.Helper()
	for i := 1; i < len(w.Events); i++ {
		require.Equal(t, w.Events[i-1].Seq+1, w.Events[i].Seq, "event %d", i)
	}
}

func TestEventLogKeepsTheNewestMaxEvents(t *testing.T) {
	st := demo(t)
	tests := []struct {
		name        string
		ops         int
		wantLen     int
		wantTrimmed int
	}{
		{"empty", 0, 0, 0},
		{"short", 10, 10, 0},
		{"exactly full", MaxEvents, MaxEvents, 0},
		{"one over", MaxEvents + 1, MaxEvents, 1},
		{"far over", 2*MaxEvents + 37, MaxEvents, MaxEvents + 37},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := logged(t, st, tt.ops, testEnv())
			require.Len(t, w.Events, tt.wantLen)
			require.Equal(t, tt.wantTrimmed, w.EventsTrimmed())
			requireConsecutive(t, w)
			if tt.ops > 0 {
				require.Equal(t, tt.ops, w.Events[len(w.Events)-1].Seq, "numbers are never reused")
			}
		})
	}
}

func TestEventLogKeepsEveryEventOfARunningLabAttempt(t *testing.T) {
	st := demo(t)
	before := logged(t, st, MaxEvents, testEnv())
	pin := before.Events[len(before.Events)-1].Seq + 1 // the attempt's first event
	env := testEnv()
	env.KeepEventsFrom = pin
	w := before
	for range 3 * MaxEvents {
		w, _ = w.Do(st.Session, renameAccount{id: DemoAccountID, name: "lab"}, env)
	}
	// Everything since the attempt began is kept, and nothing older.
	require.Len(t, w.Events, 3*MaxEvents)
	require.Equal(t, pin, w.Events[0].Seq)
	require.Equal(t, pin-1, w.EventsTrimmed())
	requireConsecutive(t, w)

	// A denied call during the attempt is kept too.
	denied, err := w.Do(Session{}, renameAccount{id: DemoAccountID, name: "x"}, env)
	require.Error(t, err)
	require.Len(t, denied.Events, 3*MaxEvents+1)

	// Once the attempt is over (no pin), the next event trims the log back.
	after, err := w.Do(st.Session, renameAccount{id: DemoAccountID, name: "done"}, testEnv())
	require.NoError(t, err)
	require.Len(t, after.Events, MaxEvents)
	require.Equal(t, w.Events[len(w.Events)-1].Seq+1, after.Events[MaxEvents-1].Seq)
	require.Len(t, w.Events, 3*MaxEvents, "the world Do was called on is unchanged")
}

func TestEventLogPinOlderThanTheLogOrInTheFutureIsHarmless(t *testing.T) {
	st := demo(t)
	tests := []struct {
		name    string
		pin     int
		wantLen int
	}{
		{"pin before the oldest kept event keeps all", 1, MaxEvents + 20},
		{"pin after the newest event trims as usual", 1 << 30, MaxEvents},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := testEnv()
			env.KeepEventsFrom = tt.pin
			w := logged(t, st, MaxEvents+20, env)
			require.Len(t, w.Events, tt.wantLen)
			requireConsecutive(t, w)
		})
	}
}
