//go:build js && wasm

package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
)

func TestFirstSavesWaitUntilReleasedAndAreWrittenInOrder(t *testing.T) {
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
	require.Contains(t, saved, `"region":"us-west-2"`, "the held saves are written, the newest last")
	require.Contains(t, saved, `"revision":2`)
	for _, n := range a.model.Notices {
		require.NotContains(t, []string{"notice.merged", "notice.othertab"}, n.Key, "no save was taken for another tab's")
	}
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

func TestHeldSavesOverAnEarlierSaveAreNotTakenForAnotherTab(t *testing.T) {
	// A first visit leaves a saved document behind.
	first, _, st, _ := newTestApp()
	bootDemo(first)
	before := mustGet(t, st)

	// A reload holds its first saves until the first paint, and the
	// student changes something before they are written.
	a := newApp(st, &fakePage{}, func() time.Time { return t0 }, func(console.Msg) {})
	a.holdSaves()
	a.dispatch(console.Init{Now: t0, Query: map[string]string{"lang": "en"}, Saved: before, Storage: console.StorageStatus{Mode: "local"}})
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "us-west-2"})
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "eu-west-1"})
	a.releaseSaves()

	require.Contains(t, mustGet(t, st), `"region":"eu-west-1"`)
	for _, n := range a.model.Notices {
		require.NotContains(t, []string{"notice.merged", "notice.othertab"}, n.Key, "the tab's own saves are not another tab's")
	}
}
