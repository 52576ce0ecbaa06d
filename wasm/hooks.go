//go:build js && wasm

package main

import (
	"fmt"
	"runtime"
	"time"

	"github.com/hack-pad/safejs"

	"labsim/console"
)

// testHooks are the page's test-only hooks, used by the browser tests of
// two tabs (e2e/persist_test.go) to force what real simultaneity rarely
// gives: while window.labsimTestHoldSaves is true, a save that has read
// the storage key waits before writing (window.labsimTestHolding is true
// meanwhile), so that another tab can write in between. After every
// message window.labsimMerges is the number of merges of documents
// another tab wrote at the same time (console.Model.Merges). Nothing sets
// labsimTestHoldSaves but a test; the cost is one property read per save.
type testHooks struct {
	global safejs.Value
	merges int
}

// holdSave waits while the test holds saves.
func (h *testHooks) holdSave() {
	if h == nil || !h.flag("labsimTestHoldSaves") {
		return
	}
	_ = h.global.Set("labsimTestHolding", true)
	for h.flag("labsimTestHoldSaves") {
		time.Sleep(10 * time.Millisecond)
	}
	_ = h.global.Set("labsimTestHolding", false)
}

// report publishes the model's merge count when it changed.
func (h *testHooks) report(m console.Model) {
	if h == nil || m.Merges() == h.merges {
		return
	}
	h.merges = m.Merges()
	_ = h.global.Set("labsimMerges", h.merges)
}

// flag reads a boolean property of the global object.
func (h *testHooks) flag(name string) bool {
	v, err := h.global.Get(name)
	if err != nil {
		return false
	}
	b, err := v.Truthy()
	return err == nil && b
}

// queued publishes how many messages the page has queued
// (window.labsimQueued) and handled publishes how many it has handled
// (window.labsimHandled), so that a test can wait until the page has
// answered an event (handled catches up with queued) instead of sleeping:
// events are handled just after the browser finishes dispatching them (see
// loop).
func (h *testHooks) queued(n int) {
	if h != nil {
		_ = h.global.Set("labsimQueued", n)
	}
}

// handled: see queued.
func (h *testHooks) handled(n int) {
	if h != nil {
		_ = h.global.Set("labsimHandled", n)
	}
}

// publishMemStats sets window.labsimMemStats, a function that returns the
// Go heap's figures from runtime.MemStats (heapAlloc, heapSys, heapInuse,
// sys, numGC, in bytes and counts) for the soak test (e2e/soak_test.go).
// Nothing calls it but a test.
func (h *testHooks) publishMemStats() error {
	fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return map[string]any{"heapAlloc": float64(ms.HeapAlloc), "heapSys": float64(ms.HeapSys),
			"heapInuse": float64(ms.HeapInuse), "sys": float64(ms.Sys), "numGC": float64(ms.NumGC)}
	})
	if err != nil {
		return fmt.Errorf("labsimMemStats: %w", err)
	}
	if err := h.global.Set("labsimMemStats", fn.Value()); err != nil {
		return fmt.Errorf("labsimMemStats: %w", err)
	}
	return nil
}
