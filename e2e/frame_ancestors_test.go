//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"labsim/internal/site"
)

// hostPage serves a page on another origin (localhost, where the site is on
// 127.0.0.1) that frames the simulator.
func hostPage(t *testing.T, simURL string) *httptest.Server {
	t.Helper()
	host := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="en"><head><title>School course page</title><link rel="icon" href="data:,"></head>` +
			`<body><h1>Week 1</h1><iframe id="sim" title="labsim" width="1100" height="700" src="` + simURL + `/?lang=en&world=demo"></iframe></body></html>`))
	}))
	host.Start()
	t.Cleanup(host.Close)
	host.URL = strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
	return host
}

// frameReader reads the text of the simulator's frame, a process of its
// own since it is another site. It attaches to the frame's target once and
// stays attached until the test ends (detaching would close the target).
type frameReader struct {
	t      *testing.T
	p      *Page
	simURL string
	ctx    context.Context
}

func (f *frameReader) text() string {
	if f.ctx == nil {
		targets, err := chromedp.Targets(f.p.ctx)
		if err != nil {
			return ""
		}
		for _, tg := range targets {
			if tg.Type == "iframe" && strings.HasPrefix(tg.URL, f.simURL) {
				ctx, cancel := chromedp.NewContext(f.p.ctx, chromedp.WithTargetID(tg.TargetID))
				f.t.Cleanup(cancel)
				f.ctx = ctx
			}
		}
		if f.ctx == nil {
			return ""
		}
	}
	txt, err := chromedp.Run(f.ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	if err != nil {
		return ""
	}
	return txt
}

// TestAnotherSiteCanFrameTheSimulator checks labsim serve's default
// frame-ancestors: a course page on another origin frames the simulator
// and it runs there.
func TestAnotherSiteCanFrameTheSimulator(t *testing.T) {
	sim := httptest.NewServer(site.Handler(distDir))
	t.Cleanup(sim.Close)
	host := hostPage(t, sim.URL)
	p := NewPageOn(t, host.URL)
	p.navigate("/")
	deadline := time.Now().Add(30 * time.Second)
	frame := &frameReader{t: t, p: p, simURL: sim.URL}
	txt := ""
	for !strings.Contains(txt, "Console Home") {
		if time.Now().After(deadline) {
			t.Fatalf("the framed simulator did not start; frame text:\n%s", txt)
		}
		time.Sleep(200 * time.Millisecond)
		txt = frame.text()
	}
	// It works there: open the Services menu inside the frame.
	if err := chromedp.Do(frame.ctx, chromedp.Click(chromedp.CSS("#menu-btn-services"))); err != nil {
		t.Fatal(err)
	}
	// The page answers just after the click has been dispatched.
	var v bool
	var err error
	for deadline := time.Now().Add(5 * time.Second); !v && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		v, err = chromedp.Run(frame.ctx, chromedp.Evaluate[bool](`!!document.getElementById('services-menu')`))
	}
	if err != nil || !v {
		t.Fatalf("the Services menu did not open in the framed simulator (%v)", err)
	}
	p.Screenshot("framed-by-another-site")
	p.expectProblem("request to another origin: " + sim.URL)
}

// TestFrameAncestorsSelfRefusesOtherSites checks -frame-ancestors "'self'":
// the browser refuses to show the simulator in another site's frame.
func TestFrameAncestorsSelfRefusesOtherSites(t *testing.T) {
	sim := httptest.NewServer(site.NewHandler(distDir, site.Options{FrameAncestors: "'self'"}))
	t.Cleanup(sim.Close)
	host := hostPage(t, sim.URL)
	p := NewPageOn(t, host.URL)
	p.navigate("/")
	// Wait until Chromium reports the refusal, then check that the
	// simulator never ran in the frame.
	deadline := time.Now().Add(20 * time.Second)
	for !p.sawProblem("frame-ancestors 'self'") {
		if time.Now().After(deadline) {
			t.Fatal("Chromium never reported refusing the frame")
		}
		time.Sleep(200 * time.Millisecond)
	}
	frame := &frameReader{t: t, p: p, simURL: sim.URL}
	if txt := frame.text(); strings.Contains(txt, "Console Home") {
		t.Fatalf("the simulator ran in a frame its policy refuses:\n%s", txt)
	}
	p.expectProblem("frame-ancestors 'self'")
	p.expectProblem("request to another origin: " + sim.URL)
}

// sawProblem reports whether a recorded browser problem contains s.
func (p *Page) sawProblem(s string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, pr := range p.problems {
		if strings.Contains(pr, s) {
			return true
		}
	}
	return false
}
