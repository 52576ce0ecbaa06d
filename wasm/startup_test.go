//go:build js && wasm

package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
)

func TestFirstSaveWaitsUntilReleasedAndWritesTheNewest(t *testing.T) {
	a, pg, st, _ := newTestApp()
	a.holdSaves()
	bootDemo(a)
	require.Len(t, pg.html, 1, "the first page is on screen")
	_, ok, _ := st.Get(console.StorageKey)
	require.False(t, ok, "nothing is written before the first paint")
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "us-west-2"})
	_, ok, _ = st.Get(console.StorageKey)
	require.False(t, ok)

	a.releaseSaves()
	saved := mustGet(t, st)
	require.Contains(t, saved, `"region":"us-west-2"`, "the newest held save is written")
	require.Contains(t, saved, `"revision":2`)
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "eu-west-1"})
	require.Contains(t, mustGet(t, st), `"region":"eu-west-1"`, "later saves are written at once")
	a.releaseSaves()
	require.Contains(t, mustGet(t, st), `"region":"eu-west-1"`, "a second release writes nothing old")
}

func TestQueueCarriesMessagesAndCalls(t *testing.T) {
	q := newQueue()
	ran := 0
	q.push(console.Tick{Now: t0})
	q.call(func() { ran++ })
	<-q.signal
	require.Len(t, q.drain(), 1)
	calls := q.drainCalls()
	require.Len(t, calls, 1)
	calls[0]()
	require.Equal(t, 1, ran)
	require.Empty(t, q.drain())
	require.Empty(t, q.drainCalls())
}
