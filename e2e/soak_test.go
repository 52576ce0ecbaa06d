//go:build e2e && soak

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"labsim/console"
	"labsim/sim"
)

// memSample is the page's memory at one navigation count.
type memSample struct {
	Nav       int     `json:"nav"`
	HeapAlloc float64 `json:"heapAlloc"`
	HeapInuse float64 `json:"heapInuse"`
	HeapSys   float64 `json:"heapSys"`
	GoSys     float64 `json:"sys"`
	NumGC     float64 `json:"numGC"`
	JSHeap    float64 `json:"jsHeap"` // performance.memory.usedJSHeapSize, -1 when absent
	WasmBytes float64 `json:"wasmBytes"`
	// Saved is the bytes of everything in localStorage (the saved work),
	// Nodes the page's element count: where growth would come from.
	Saved float64 `json:"saved"`
	Nodes float64 `json:"nodes"`
}

// sampleJS reads the Go heap (window.labsimMemStats, from wasm), the JS
// heap (performance.memory, Chromium only) and the WebAssembly memory's
// size (window.labsimWasmMemoryBytes, from app.js).
const sampleJS = `(() => { const g = window.labsimMemStats();
	return {heapAlloc: g.heapAlloc, heapInuse: g.heapInuse, heapSys: g.heapSys, sys: g.sys, numGC: g.numGC,
		jsHeap: performance.memory ? performance.memory.usedJSHeapSize : -1,
		wasmBytes: window.labsimWasmMemoryBytes(),
		saved: Object.keys(localStorage).reduce((n, k) => n + k.length + (localStorage.getItem(k) || '').length, 0),
		nodes: document.getElementsByTagName('*').length}; })()`

// navJS moves to a route and resolves at the first change of the page (a
// render is one patch), or after 300 ms when nothing changes.
const navJS = `new Promise(res => {
	const want = %s;
	let t;
	const obs = new MutationObserver(() => { clearTimeout(t); obs.disconnect(); setTimeout(() => res(location.hash), 0); });
	obs.observe(document.getElementById('root'), {subtree: true, childList: true, attributes: true, characterData: true});
	t = setTimeout(() => { obs.disconnect(); res(location.hash); }, 300);
	if (location.hash === want) { clearTimeout(t); obs.disconnect(); res(want); } else location.hash = want;
})`

// editJS types a whole new document into the JSON policy editor as one
// input event and resolves when the page has re-rendered.
const editJS = `new Promise(res => {
	const ta = document.getElementById('policy-doc');
	if (!ta) { res(false); return; }
	let t;
	const obs = new MutationObserver(() => { clearTimeout(t); obs.disconnect(); setTimeout(() => res(true), 0); });
	obs.observe(document.getElementById('root'), {subtree: true, childList: true, attributes: true, characterData: true});
	t = setTimeout(() => { obs.disconnect(); res(true); }, 500);
	ta.focus();
	ta.value = %s;
	ta.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText'}));
})`

// newSoakPage is NewPage with a long deadline (the soak runs for minutes).
func newSoakPage(t *testing.T) *Page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	ctx, cancelT := context.WithTimeout(ctx, 25*time.Minute)
	p := &Page{t: t, ctx: ctx, Base: newServer(t).URL}
	t.Cleanup(func() {
		if t.Failed() {
			p.Screenshot("FAILED-" + sanitize(t.Name()))
		}
		cancelT()
		cancel()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	p.watch()
	t.Cleanup(p.checkProblems)
	return p
}

// TestSoak drives one Chromium session through 1,000 navigations across
// every signed-in route of console.Routes() and 200 edits in the JSON
// policy editor (four blocks of 50, at navigations 125, 375, 625 and
// 875), with no console error (the harness fails on any). It samples the
// Go heap, the JS heap and the WebAssembly memory at navigations 250, 500
// and 1,000, writes them to screenshots/soak.txt, and fails when the
// WebAssembly memory grows by 5% or more between 500 and 1,000.
func TestSoak(t *testing.T) {
	start := time.Now()
	p := newSoakPage(t)
	p.Open("/?world=delegation-done&lang=en")
	signInRoot(p)
	var routes []string
	for _, h := range console.Routes() {
		if !console.PublicRoute(h) || h == "#/" || h == "#/simulator" {
			routes = append(routes, h)
		}
	}
	const editRoute = "#/iam/policies/customer/" + sim.GuardrailsPolicyName + "/edit"
	var samples []memSample
	edits := 0
	for n := 1; n <= 1000; n++ {
		h, edit := routes[n%len(routes)], n%250 == 125
		if edit {
			h = editRoute
		}
		if got := awaitJS[string](p, fmt.Sprintf(navJS, jsString(h))); got != h {
			t.Fatalf("navigation %d to %s shows %s", n, h, got)
		}
		if edit {
			for i := 0; i < 50; i++ {
				edits++
				doc := strings.Replace(sim.GuardrailsPolicy, `"Version"`, fmt.Sprintf(`"Id": "soak-%d", "Version"`, edits), 1)
				if edits%10 == 0 {
					doc = strings.TrimSuffix(strings.TrimSpace(doc), "}") + ",}" // invalid JSON: the editor says where
				}
				if !awaitJS[bool](p, fmt.Sprintf(editJS, jsString(doc))) {
					t.Fatalf("edit %d: no policy editor on %s", edits, h)
				}
			}
		}
		if n == 250 || n == 500 || n == 1000 {
			s := awaitJS[memSample](p, sampleJS)
			s.Nav = n
			samples = append(samples, s)
		}
	}
	if edits != 200 {
		t.Fatalf("%d policy edits, want 200", edits)
	}
	mb := func(v float64) string { return fmt.Sprintf("%.1f MB", v/(1<<20)) }
	var b strings.Builder
	fmt.Fprintf(&b, "labsim soak (Chromium): 1000 navigations over %d routes, 200 policy edits, %s\n", len(routes), time.Since(start).Round(time.Second))
	fmt.Fprintf(&b, "%-6s %-12s %-12s %-12s %-12s %-6s %-12s %-12s %-10s %-6s\n", "nav", "Go heapAlloc", "Go heapInuse", "Go heapSys", "Go sys", "GCs", "JS heap", "wasm memory", "saved", "nodes")
	for _, s := range samples {
		js := "n/a"
		if s.JSHeap >= 0 {
			js = mb(s.JSHeap)
		}
		fmt.Fprintf(&b, "%-6d %-12s %-12s %-12s %-12s %-6.0f %-12s %-12s %-10s %-6.0f\n", s.Nav, mb(s.HeapAlloc), mb(s.HeapInuse), mb(s.HeapSys), mb(s.GoSys), s.NumGC, js, mb(s.WasmBytes), fmt.Sprintf("%.0f kB", s.Saved/1000), s.Nodes)
	}
	growth := (samples[2].WasmBytes - samples[1].WasmBytes) / samples[1].WasmBytes
	fmt.Fprintf(&b, "wasm memory growth between navigations 500 and 1000: %.2f%% (limit 5%%)\n", 100*growth)
	t.Log("\n" + b.String())
	if err := os.MkdirAll("screenshots", 0o755); err == nil {
		_ = os.WriteFile(filepath.Join("screenshots", "soak.txt"), []byte(b.String()), 0o644)
	}
	if growth >= 0.05 {
		t.Errorf("the WebAssembly memory grew %.2f%% between navigations 500 and 1000 (limit 5%%)", 100*growth)
	}
}
