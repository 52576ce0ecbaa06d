//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"labsim/internal/site"
)

// ttiProbe is the harness's own measure of time to interactive, added to
// every document before the page's scripts run: from navigation start to
// the first animation frame in which target() finds the page's goal on
// screen and able to take a click (inside the viewport, not disabled or
// inert, not covered: the hit test at its centre lands on it). A frame
// callback only runs when the main thread is free, so a page still busy
// starting cannot pass. It records the time and the goal's centre.
const ttiProbe = `(function () {
  function hit(el) {
    if (!el || !el.isConnected || el.disabled || el.closest('[inert],[aria-disabled="true"],[hidden]')) return null;
    var r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return null;
    var x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return null;
    var s = getComputedStyle(el);
    if (s.visibility !== 'visible' || s.pointerEvents === 'none' || Number(s.opacity) === 0) return null;
    var at = document.elementFromPoint(x, y);
    return at && (at === el || el.contains(at)) ? { x: x, y: y } : null;
  }
  var targets = {
    labsim: function () {
      var els = document.querySelectorAll('#root a, #root button');
      for (var i = 0; i < els.length; i++) {
        if (els[i].textContent.trim() === 'Create an AWS Account') {
          var p = hit(els[i]);
          if (p) return p;
        }
      }
      return null;
    },
    floor: function () {
      var code = document.getElementById('code'), img = document.getElementById('qr');
      if (!code || !/^[0-9]{6}$/.test(code.textContent) || !img || !img.complete || !img.naturalWidth) return null;
      return hit(code) && hit(img);
    }
  };
  function frame() {
    var target = targets[window.__ttiTarget || ''];
    var p = target && document.documentElement && target();
    if (p) {
      window.__tti = { at: performance.now(), x: p.x, y: p.y };
      return;
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();`

// coldLoad is what one cold load of a site measured.
type coldLoad struct {
	TTI   float64            `json:"tti"`
	Marks map[string]float64 `json:"marks"`
	// Wasm is the binary's fetch start and last byte (Resource Timing).
	Wasm [2]float64 `json:"wasm"`
	// Binary is the WebAssembly file the load started: the first-visit
	// binary (entry.wasm) of a site that has one, else main.wasm.
	Binary string  `json:"-"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Target string  `json:"-"`
}

// startSite is a built site to load cold: its directory, the path to open
// and which probe target says it is interactive.
type startSite struct {
	name, dir, path, target string
}

// firstBinary is the WebAssembly file a first visit of a built site's
// landing page downloads: entry.wasm where the site has one (assets/app.js
// loads it on a first visit), else main.wasm (the floor, older builds).
func firstBinary(dir string) string {
	if _, err := os.Stat(filepath.Join(dir, "entry.wasm")); err == nil {
		return "entry.wasm"
	}
	return "main.wasm"
}

// loadCold opens a site in a fresh browser context (empty cache, storage
// and compiled-code cache) on a fresh server and waits for the probe.
func loadCold(t *testing.T, s startSite) coldLoad {
	t.Helper()
	binary := firstBinary(s.dir)
	srv := httptest.NewServer(site.Handler(s.dir))
	defer srv.Close()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open context: %v", err)
	}
	p := &Page{t: t, ctx: ctx, Base: srv.URL}
	p.watch()
	defer p.checkProblems()
	p.beforeLoad(`window.__ttiTarget = ` + fmt.Sprintf("%q", s.target) + `;` + ttiProbe)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+s.path)); err != nil {
		t.Fatalf("%s: navigate: %v", s.name, err)
	}
	var got coldLoad
	deadline := time.Now().Add(45 * time.Second)
	for {
		js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.__tti ? JSON.stringify({tti: __tti.at, x: __tti.x, y: __tti.y,
			marks: Object.fromEntries(performance.getEntriesByType('mark').map(function (m) { return [m.name, m.startTime]; })),
			wasm: performance.getEntriesByType('resource').filter(function (e) { return e.name.endsWith('/' + `+jsString(binary)+`); })
				.map(function (e) { return [e.fetchStart, e.responseEnd]; })[0] || [0, 0]}) : ''`))
		if err == nil && js != "" {
			if err := json.Unmarshal([]byte(js), &got); err != nil {
				t.Fatalf("%s: probe result %s: %v", s.name, js, err)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: never interactive (%v); page text:\n%s", s.name, err, p.Text())
		}
		time.Sleep(20 * time.Millisecond)
	}
	got.Target, got.Binary = s.target, binary
	// The load downloads its binary once, and a first visit with a
	// first-visit binary does not download the full console too.
	if n := p.requestCount(binary); n != 1 {
		t.Errorf("%s: %s was requested %d times, want once (the fetch app.js starts in <head> is the only one)", s.name, binary, n)
	}
	if n := p.requestCount("main.wasm"); binary != "main.wasm" && n != 0 {
		t.Errorf("%s: main.wasm was requested %d times while the landing page loaded %s, want none", s.name, n, binary)
	}
	if s.target == "labsim" {
		// The goal answers a click: a real click at the probed point opens
		// the sign-up page.
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(got.X, got.Y)); err != nil {
			t.Fatalf("%s: click: %v", s.name, err)
		}
		end := time.Now().Add(10 * time.Second)
		for !Eval[bool](p, `location.hash.indexOf('#/signup') === 0 && document.body.innerText.indexOf('Email address') >= 0`) {
			if time.Now().After(end) {
				t.Fatalf("%s: a click on Create an AWS Account did not open the sign-up page; page text:\n%s", s.name, p.Text())
			}
			time.Sleep(20 * time.Millisecond)
		}
		// The first save comes after the first paint; wait for it so that
		// its phase can be reported.
		if _, ok := got.Marks["labsim:rendered"]; ok {
			end := time.Now().Add(5 * time.Second)
			for time.Now().Before(end) && !Eval[bool](p, `performance.getEntriesByName('labsim:saved').length > 0`) {
				time.Sleep(20 * time.Millisecond)
			}
			if v := Eval[float64](p, `(performance.getEntriesByName('labsim:saved')[0] || {startTime: 0}).startTime`); v > 0 {
				got.Marks["labsim:saved"] = v
			}
		}
	}
	return got
}

// median returns the middle value (the upper middle of an even count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// TestReportStartUp measures, without asserting anything about speed, the
// time to interactive of labsim's landing page (its "Create an AWS
// Account" button on screen and answering a click) against the dependency
// floor (tools/floor: its TOTP code and QR image on screen), over
// alternating cold loads, and with LABSIM_BASE also an earlier build. It
// reports medians, their ratios and labsim's start-up phases to the test
// log and to e2e/screenshots/startup.txt.
func TestReportStartUp(t *testing.T) {
	// A report, not a test: make startup runs it (with the floor built);
	// make test skips it, since it loads each page many times.
	floor := os.Getenv("LABSIM_FLOOR")
	if floor == "" {
		t.Skip("a report: run make startup")
	}
	if _, err := os.Stat(filepath.Join(floor, "main.wasm")); err != nil {
		t.Fatalf("the dependency floor is not built (make floor): %v", err)
	}
	sites := []startSite{
		{name: "labsim", dir: distDir, path: "/?lang=en", target: "labsim"},
		{name: "floor", dir: floor, path: "/", target: "floor"},
	}
	if base := os.Getenv("LABSIM_BASE"); base != "" {
		sites = append(sites, startSite{name: "before", dir: base, path: "/?lang=en", target: "labsim"})
	}
	runs := 7
	if n, err := fmt.Sscan(os.Getenv("LABSIM_STARTUP_RUNS"), &runs); n != 1 || err != nil || runs < 1 {
		runs = 7
	}
	tti := map[string][]float64{}
	phases := map[string][]float64{}
	common := map[string][]float64{}
	binaries := map[string]string{}
	phaseOrder := []string{"page and scripts", "download", "compile after download", "runtime and package init",
		"first update, view and patch", "to the interactive frame", "first save (after the frame)"}
	for i := range runs {
		// Alternate the order so that neither page always goes first.
		order := slices.Clone(sites)
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, s := range order {
			got := loadCold(t, s)
			tti[s.name] = append(tti[s.name], got.TTI)
			binaries[s.name] = got.Binary
			if got.Wasm[1] > 0 {
				common[s.name+"/request"] = append(common[s.name+"/request"], got.Wasm[0])
				common[s.name+"/bytes"] = append(common[s.name+"/bytes"], got.Wasm[1]-got.Wasm[0])
				common[s.name+"/after"] = append(common[s.name+"/after"], got.TTI-got.Wasm[1])
			}
			if s.name != "labsim" {
				continue
			}
			m := got.Marks
			steps := []struct{ from, to string }{{"", "labsim:fetch"}, {"labsim:fetch", "labsim:downloaded"},
				{"labsim:downloaded", "labsim:compiled"}, {"labsim:compiled", "labsim:main"},
				{"labsim:main", "labsim:rendered"}, {"labsim:rendered", "tti"}, {"labsim:rendered", "labsim:saved"}}
			m["tti"] = got.TTI
			for j, st := range steps {
				to, ok := m[st.to]
				from, okFrom := m[st.from]
				if st.from == "" {
					okFrom = true
				}
				if ok && okFrom {
					phases[phaseOrder[j]] = append(phases[phaseOrder[j]], to-from)
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "start-up: time to interactive (navigation start to the first frame with the goal on screen and clickable), median of %d alternating cold loads\n", runs)
	for _, s := range sites {
		fmt.Fprintf(&b, "  %-7s %6.0f ms   (runs: %s)\n", s.name, median(tti[s.name]), formatRuns(tti[s.name]))
	}
	fmt.Fprintf(&b, "  ratio labsim/floor %.2f×\n", median(tti["labsim"])/median(tti["floor"]))
	if _, ok := tti["before"]; ok {
		fmt.Fprintf(&b, "  ratio labsim/before %.2f×   (before/floor %.2f×)\n",
			median(tti["labsim"])/median(tti["before"]), median(tti["before"])/median(tti["floor"]))
	}
	fmt.Fprintln(&b, "phases of every page, medians (ms): navigation to the binary's request | request to last byte | last byte to interactive")
	for _, s := range sites {
		fmt.Fprintf(&b, "  %-7s %6.0f | %6.0f | %6.0f   (%s)\n", s.name, median(common[s.name+"/request"]),
			median(common[s.name+"/bytes"]), median(common[s.name+"/after"]), binaries[s.name])
	}
	if len(phases) > 0 {
		fmt.Fprintln(&b, "start-up phases of labsim, medians (ms):")
		for _, name := range phaseOrder {
			if xs, ok := phases[name]; ok {
				fmt.Fprintf(&b, "  %-30s %6.0f\n", name, median(xs))
			}
		}
	}
	t.Log("\n" + b.String())
	_ = os.MkdirAll("screenshots", 0o755)
	if err := os.WriteFile(filepath.Join("screenshots", "startup.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatalf("write report: %v", err)
	}
}

// formatRuns lists the individual times of a site.
func formatRuns(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.0f", x)
	}
	return strings.Join(parts, " ")
}
