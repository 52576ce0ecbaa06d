//go:build e2e

package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"labsim/internal/site"
)

// beforeLoad runs a script in every new document before the page's own
// scripts.
func (p *Page) beforeLoad(src string) {
	p.t.Helper()
	if _, err := chromedp.Call(p.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		p.t.Fatalf("add script: %v", err)
	}
}

// navigate opens a path without waiting for the simulator.
func (p *Page) navigate(path string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.Base+path)); err != nil {
		p.t.Fatalf("navigate: %v", err)
	}
}

// expectProblem removes recorded browser problems that the test caused on
// purpose (a failed download is reported by the browser as an error).
func (p *Page) expectProblem(substr string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var keep []string
	for _, pr := range p.problems {
		if !strings.Contains(pr, substr) {
			keep = append(keep, pr)
		}
	}
	p.problems = keep
}

func TestProgressBarAndStartUp(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en")
	// The boot screen is gone and the progress bar reached the end.
	if v := Eval[float64](p, `document.getElementById('boot-progress').value`); v < 0.999 {
		t.Fatalf("progress ended at %v", v)
	}
	if !Eval[bool](p, `document.getElementById('boot').hidden`) {
		t.Fatal("the boot screen should be hidden once the simulator runs")
	}
	if Eval[string](p, `document.getElementById('root').getAttribute('aria-busy')`) != "false" {
		t.Fatal("root should no longer be busy")
	}
}

// TestFailedDownloadIsExplainedWithAReload fails the download of the
// binary a load asks for: the first-visit binary for the landing page of a
// new browser, the full console for a deep link.
func TestFailedDownloadIsExplainedWithAReload(t *testing.T) {
	for _, c := range []struct{ binary, path string }{
		{"entry.wasm", "/?lang=en"},
		{"main.wasm", "/?lang=en#/signin"},
	} {
		t.Run(c.binary, func(t *testing.T) {
			p := pageWithBrokenBinary(t, c.binary)
			p.navigate(c.path)
			p.WaitText("The simulator could not be loaded: " + c.binary + ": HTTP 500")
			p.Find("button", "Reload")
			p.Screenshot("boot-download-failed-" + strings.TrimSuffix(c.binary, ".wasm"))
		})
	}
}

func TestNoWebAssemblyIsExplained(t *testing.T) {
	p := NewPage(t)
	p.beforeLoad(`delete globalThis.WebAssembly;`)
	p.navigate("/?lang=ko")
	p.WaitText("이 브라우저는 WebAssembly를 지원하지 않아")
	p.Find("button", "다시 불러오기")
}

func TestProgramExitIsExplainedWithAReload(t *testing.T) {
	p := NewPage(t)
	// Keep a handle on the Go runtime object so the test can end the
	// program the way a fatal runtime error would.
	p.beforeLoad(`(() => { let G; Object.defineProperty(globalThis, 'Go', { configurable: true,
		get() { return G; }, set(v) { G = class extends v { constructor() { super(); globalThis.__labsimGo = this; } }; } }); })();`)
	p.Open("/?world=demo&lang=en")
	p.Find("heading", "Console Home")
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](`globalThis.__labsimGo._resolveExitPromise()`)); err != nil {
		t.Fatal(err)
	}
	p.WaitText("The simulator stopped unexpectedly.")
	p.Find("button", "Reload")
	if p.Has("button", "Services") {
		t.Fatal("the stopped console must be inert, out of the accessibility tree")
	}
	p.Screenshot("boot-program-exited")
	p.Click("button", "Reload")
	p.WaitReady()
	p.Find("heading", "Console Home")
}

// pageWithBrokenBinary opens a tab on a copy of the built site whose
// server answers 500 for the named binary, and forgives the browser's log
// of that failed download, whenever it comes, before the harness checks
// the page's problems (cleanups run last first).
func pageWithBrokenBinary(t *testing.T, binary string) *Page {
	t.Helper()
	files := site.Handler(distDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/"+binary) {
			http.Error(w, "gone", http.StatusInternalServerError)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p := NewPageOn(t, srv.URL)
	t.Cleanup(func() { p.expectProblem("500") })
	return p
}
