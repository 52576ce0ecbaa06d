//go:build js && wasm

package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
)

// TestHandOverComesAfterTheSavesAndStopsTheApp: a hand-over writes every
// save of its update (and those held since start-up) before the full
// console is called, keeps the page as it was, and the app handles
// nothing afterwards.
func TestHandOverComesAfterTheSavesAndStopsTheApp(t *testing.T) {
	a, pg, st, _ := newTestApp()
	bootDemo(a)
	patched := len(pg.html)
	var storedAtHandOver string
	calls := 0
	a.handoff = func() {
		calls++
		storedAtHandOver, _, _ = st.Get(console.StorageKey)
	}
	real := a.updateFn
	a.updateFn = func(m console.Model, msg console.Msg) (console.Model, []console.Effect) {
		if _, ok := msg.(console.Navigate); !ok {
			return real(m, msg)
		}
		return m, []console.Effect{console.Handoff{}, console.Save{Data: `{"revision":99}`, Revision: 99, Base: `{"revision":98}`}, console.Handoff{}}
	}
	before, _, _ := st.Get(console.StorageKey)
	a.holdSaves()
	a.held = append(a.held, console.Save{Data: `{"revision":98}`, Revision: 98, Base: before})
	a.dispatch(console.Navigate{Now: t0, Hash: "#/signin"})
	require.Equal(t, 1, calls, "one hand-over")
	require.Equal(t, `{"revision":99}`, storedAtHandOver, "the update's save is written before the hand-over")
	require.Len(t, pg.html, patched, "the page stays as it was until the full console patches it")
	require.True(t, a.stopped)
	a.updateFn = real
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "us-west-2"})
	saved, _, _ := st.Get(console.StorageKey)
	require.Equal(t, `{"revision":99}`, saved, "a stopped app handles nothing")
}
