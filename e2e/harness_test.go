//go:build e2e

// Package e2e drives the built site (dist/) in headless Chromium as a
// student would: it finds controls by role and accessible name through the
// browser's own accessibility tree, clicks and types with real input
// events, and fails on any console error, uncaught exception or request to
// another origin.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"labsim/internal/site"
)

// browserCtx is the shared headless browser; each test opens its own tab
// on its own server (a new origin, so a clean localStorage).
var browserCtx context.Context

// distDir is the built site.
var distDir = filepath.Join("..", "dist")

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	if _, err := os.Stat(filepath.Join(distDir, "main.wasm")); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: dist/main.wasm is missing: run `make build` (make test-e2e does it)")
		return 1
	}
	chrome := os.Getenv("CHROME")
	if chrome == "" {
		if p, err := exec.LookPath("chromium"); err == nil {
			chrome = p
		} else if p, err := exec.LookPath("google-chrome"); err == nil {
			chrome = p
		}
	}
	if chrome == "" {
		msg := "e2e: NO CHROMIUM FOUND (install chromium or set CHROME): the browser suite did not run"
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, msg+"; CI=true requires it")
			return 1
		}
		fmt.Fprintln(os.Stderr, strings.Repeat("!", len(msg)))
		fmt.Fprintln(os.Stderr, msg)
		fmt.Fprintln(os.Stderr, strings.Repeat("!", len(msg)))
		return 0
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(1280, 860),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: cannot start Chromium:", err)
		return 1
	}
	browserCtx = bctx
	return m.Run()
}

// Page is one browser tab on a fresh origin serving dist/.
type Page struct {
	t    *testing.T
	ctx  context.Context
	Base string

	// frame, when set, is the CSS selector of a same-origin iframe whose
	// document the helpers act in (InFrame): an LMS page with the
	// simulator in a frame.
	frame string

	mu       sync.Mutex
	problems []string
	requests []string
}

// InFrame makes the helpers find, click, type, read and evaluate in the
// document of the same-origin iframe that sel selects ("" for the page
// itself), as a student uses a simulator an LMS shows in a frame. EvalTop
// still evaluates in the page.
func (p *Page) InFrame(sel string) { p.frame = sel }

// frameRoot returns the node id of the frame's document, 0 when it has
// none yet.
func (p *Page) frameRoot() (cdp.NodeID, error) {
	all, pierce := int64(-1), true
	doc, err := chromedp.Call(p.ctx, dom.GetDocument, dom.GetDocumentParams{Depth: &all, Pierce: &pierce})
	if err != nil {
		return 0, err
	}
	f, err := chromedp.Call(p.ctx, dom.QuerySelector, dom.QuerySelectorParams{NodeID: doc.Root.NodeID, Selector: p.frame})
	if err != nil {
		return 0, err
	}
	content := frameDocument(doc.Root, f.NodeID)
	if content == 0 {
		return 0, fmt.Errorf("frame %s has no document yet", p.frame)
	}
	return content, nil
}

// evalInFrame evaluates a script in the frame's window through the
// DevTools protocol (a page's Content-Security-Policy forbids eval there)
// and returns its value as JSON.
func (p *Page) evalInFrame(expr string) ([]byte, error) {
	root, err := p.frameRoot()
	if err != nil {
		return nil, err
	}
	obj, err := chromedp.Call(p.ctx, dom.ResolveNode, dom.ResolveNodeParams{NodeID: root})
	if err != nil {
		return nil, err
	}
	yes := true
	res, err := chromedp.Call(p.ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		FunctionDeclaration: "function() { return (" + expr + "\n); }", ObjectID: obj.Object.ObjectID, ReturnByValue: &yes})
	if err != nil {
		return nil, err
	}
	if res.ExceptionDetails != nil {
		return nil, fmt.Errorf("exception: %s", res.ExceptionDetails.Text)
	}
	return res.Result.Value, nil
}

// newServer serves dist/ on a fresh loopback port.
func newServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(site.Handler(distDir))
	t.Cleanup(srv.Close)
	return srv
}

// NewPage opens a tab on a new server.
func NewPage(t *testing.T) *Page {
	return NewPageOn(t, newServer(t).URL)
}

// NewPageOn opens another tab on an existing origin (to test two tabs).
func NewPageOn(t *testing.T, base string) *Page {
	t.Helper()
	return NewPageFor(t, base, 3*time.Minute)
}

// NewPageFor opens a tab on an origin for a test that may use it for
// longer than usual (one that waits for several MFA time steps).
func NewPageFor(t *testing.T, base string, d time.Duration) *Page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	ctx, cancelT := context.WithTimeout(ctx, d)
	p := &Page{t: t, ctx: ctx, Base: base}
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

// watch records console errors, exceptions, failed log entries and
// requests to other origins.
func (p *Page) watch() {
	consoleEv := chromedp.Events(p.ctx, runtime.ConsoleAPICalled)
	exceptions := chromedp.Events(p.ctx, runtime.ExceptionThrown)
	logs := chromedp.Events(p.ctx, log.EntryAdded)
	reqs := chromedp.Events(p.ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range consoleEv {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				p.problem("console.%s: %s", ev.Type, strings.Join(parts, " "))
			}
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			p.problem("uncaught exception: %s %v", ev.ExceptionDetails.Text, ev.ExceptionDetails.Exception)
		}
	}()
	go func() {
		for ev, err := range logs {
			if err != nil {
				return
			}
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				p.problem("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL)
			}
		}
	}()
	go func() {
		for ev, err := range reqs {
			if err != nil {
				return
			}
			u := ev.Request.URL
			p.mu.Lock()
			p.requests = append(p.requests, u)
			p.mu.Unlock()
			if !strings.HasPrefix(u, p.Base+"/") && u != p.Base && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				p.problem("request to another origin: %s", u)
			}
		}
	}()
}

func (p *Page) problem(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

func (p *Page) checkProblems() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, pr := range p.problems {
		p.t.Errorf("browser: %s", pr)
	}
}

// Open navigates to a path of the site and waits until the Go program has
// rendered.
func (p *Page) Open(path string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.Base+path)); err != nil {
		p.t.Fatalf("navigate %s: %v", path, err)
	}
	p.WaitReady()
}

// WaitReady waits for the simulator to start. A navigation replaces the
// page's JavaScript context, so a poll that loses its context is retried.
func (p *Page) WaitReady() {
	p.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ready, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`window.labsimReady === true`))
		if err == nil && ready {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("simulator did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Reload reloads the page and waits for the simulator.
func (p *Page) Reload() {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Reload()); err != nil {
		p.t.Fatalf("reload: %v", err)
	}
	p.WaitReady()
}

// Eval evaluates JavaScript and decodes the result.
func Eval[T any](p *Page, expr string) T {
	p.t.Helper()
	if p.frame != "" {
		var v T
		raw, err := p.evalInFrame(expr)
		if err == nil {
			err = json.Unmarshal(raw, &v)
		}
		if err != nil {
			p.t.Fatalf("evaluate %s in frame %s: %v", expr, p.frame, err)
		}
		return v
	}
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// EvalTop is Eval in the page itself, whatever frame the helpers act in.
func EvalTop[T any](p *Page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// query returns the backend node IDs of unignored accessibility nodes with
// the role and name.
func (p *Page) query(role, name string) ([]cdp.BackendNodeID, error) {
	var root cdp.NodeID
	if p.frame != "" {
		r, err := p.frameRoot()
		if err != nil {
			return nil, err
		}
		root = r
	} else {
		doc, err := chromedp.Call(p.ctx, dom.GetDocument, dom.GetDocumentParams{})
		if err != nil {
			return nil, err
		}
		root = doc.Root.NodeID
	}
	res, err := chromedp.Call(p.ctx, accessibility.QueryAXTree, accessibility.QueryAXTreeParams{
		NodeID: root, Role: role, AccessibleName: name})
	if err != nil {
		return nil, err
	}
	var out []cdp.BackendNodeID
	for _, n := range res.Nodes {
		if !n.Ignored && n.BackendDOMNodeID != 0 {
			out = append(out, n.BackendDOMNodeID)
		}
	}
	return out, nil
}

// frameDocument finds the node id of the content document of the frame
// element id in a pierced document tree, 0 when it has none.
func frameDocument(n *cdp.Node, id cdp.NodeID) cdp.NodeID {
	if n == nil {
		return 0
	}
	if n.NodeID == id {
		if n.ContentDocument != nil {
			return n.ContentDocument.NodeID
		}
		return 0
	}
	for _, c := range n.Children {
		if d := frameDocument(c, id); d != 0 {
			return d
		}
	}
	if n.ContentDocument != nil {
		return frameDocument(n.ContentDocument, id)
	}
	return 0
}

// Find waits until exactly one element has the role and accessible name.
func (p *Page) Find(role, name string) cdp.BackendNodeID {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ids, err := p.query(role, name)
		if err == nil && len(ids) >= 1 {
			return ids[0]
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("no %s named %q (err %v); page text:\n%s", role, name, err, p.Text())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Has reports whether an element with the role and name is present now.
func (p *Page) Has(role, name string) bool {
	ids, err := p.query(role, name)
	return err == nil && len(ids) > 0
}

// Click clicks the element with the role and name with a real mouse event.
func (p *Page) Click(role, name string) {
	p.t.Helper()
	// The page may move between finding the control and clicking it (a
	// focus effect scrolls, a banner appears, the clock re-renders the lab
	// guide): click only where a hit test lands on the control, as a
	// student's click would, and look again when it does not.
	deadline := time.Now().Add(10 * time.Second)
	for {
		id := p.Find(role, name)
		x, y, hit := p.hitPoint(id)
		if hit {
			if err := chromedp.Do(p.ctx, chromedp.MouseClickXY(x, y)); err != nil {
				p.t.Fatalf("click %s %q: %v", role, name, err)
			}
			p.Settle()
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s %q is covered by something else where it is drawn", role, name)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// hitPoint scrolls a node into view and returns its centre and whether a
// hit test there lands on it (or on a label of it).
func (p *Page) hitPoint(id cdp.BackendNodeID) (x, y float64, hit bool) {
	p.t.Helper()
	if _, err := chromedp.Call(p.ctx, dom.ScrollIntoViewIfNeeded, dom.ScrollIntoViewIfNeededParams{BackendNodeID: id}); err != nil {
		return 0, 0, false
	}
	box, err := chromedp.Call(p.ctx, dom.GetBoxModel, dom.GetBoxModelParams{BackendNodeID: id})
	if err != nil {
		return 0, 0, false
	}
	q := box.Model.Content
	x, y = (q[0]+q[2]+q[4]+q[6])/4, (q[1]+q[3]+q[5]+q[7])/4
	obj, err := chromedp.Call(p.ctx, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: id})
	if err != nil {
		return 0, 0, false
	}
	yes := true
	res, err := chromedp.Call(p.ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		// x and y are the top page's; a frame's document hit-tests in its
		// own viewport.
		FunctionDeclaration: `function(x, y) { for (let w = window; w.frameElement; w = w.parent) {
				const r = w.frameElement.getBoundingClientRect(); x -= r.left + w.frameElement.clientLeft; y -= r.top + w.frameElement.clientTop; }
			const e = document.elementFromPoint(x, y);
			return !!e && (e === this || this.contains(e) || (!!this.labels && [...this.labels].some(l => l.contains(e)))); }`,
		ObjectID:      obj.Object.ObjectID,
		Arguments:     []*runtime.CallArgument{{Value: jsonNumber(x)}, {Value: jsonNumber(y)}},
		ReturnByValue: &yes})
	if err != nil {
		return 0, 0, false
	}
	_ = json.Unmarshal(res.Result.Value, &hit)
	return x, y, hit
}

// jsonNumber encodes a number as a CDP call argument.
func jsonNumber(f float64) []byte {
	b, _ := json.Marshal(f)
	return b
}

// Focus focuses the element with the role and name.
func (p *Page) Focus(role, name string) {
	p.t.Helper()
	id := p.Find(role, name)
	if _, err := chromedp.Call(p.ctx, dom.Focus, dom.FocusParams{BackendNodeID: id}); err != nil {
		p.t.Fatalf("focus %s %q: %v", role, name, err)
	}
}

// Type focuses a field and types text key by key.
func (p *Page) Type(role, name, text string) {
	p.t.Helper()
	p.Focus(role, name)
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(text)); err != nil {
		p.t.Fatalf("type into %s %q: %v", role, name, err)
	}
	p.Settle()
}

// Settle waits, for at most three seconds, until the page has handled every
// message its events queued (window.labsimHandled catches up with
// window.labsimQueued): the page answers an event just after the browser has
// dispatched it, as a student sees it answer. Frames of other origins have
// no hooks here and settle at once.
func (p *Page) Settle() {
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if Eval[bool](p, `(window.labsimHandled || 0) >= (window.labsimQueued || 0)`) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Press sends one key as real key events; use the kb package's names,
// e.g. kb.Escape.
func (p *Page) Press(key string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(key)); err != nil {
		p.t.Fatalf("press %q: %v", key, err)
	}
	p.Settle()
}

// Text returns the page's visible text.
func (p *Page) Text() string {
	if p.frame != "" {
		var s string
		raw, err := p.evalInFrame(`document.body.innerText`)
		if err == nil {
			err = json.Unmarshal(raw, &s)
		}
		if err != nil {
			return "(unreadable: " + err.Error() + ")"
		}
		return s
	}
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		return "(unreadable: " + err.Error() + ")"
	}
	return s
}

// WaitText waits until the visible text contains s.
func (p *Page) WaitText(s string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(p.Text(), s) {
		if time.Now().After(deadline) {
			p.t.Fatalf("text %q never appeared; page text:\n%s", s, p.Text())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Value returns the value of the field with the role and name.
func (p *Page) Value(role, name string) string {
	p.t.Helper()
	id := p.Find(role, name)
	yes := true
	obj, err := chromedp.Call(p.ctx, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: id})
	if err != nil {
		p.t.Fatalf("resolve %s %q: %v", role, name, err)
	}
	res, err := chromedp.Call(p.ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		FunctionDeclaration: `function() { return this.value; }`, ObjectID: obj.Object.ObjectID, ReturnByValue: &yes})
	if err != nil {
		p.t.Fatalf("value of %s %q: %v", role, name, err)
	}
	var v string
	_ = json.Unmarshal(res.Result.Value, &v)
	return v
}

// Screenshot saves a PNG of the page under e2e/screenshots/.
func (p *Page) Screenshot(name string) string {
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Logf("screenshot %s: %v", name, err)
		return ""
	}
	if err := os.MkdirAll("screenshots", 0o755); err != nil {
		return ""
	}
	file := filepath.Join("screenshots", name+".png")
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		p.t.Logf("screenshot %s: %v", name, err)
	}
	return file
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == ' ' {
			return '_'
		}
		return r
	}, s)
}

// Requested reports whether any request so far had a URL containing s.
func (p *Page) Requested(s string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, u := range p.requests {
		if strings.Contains(u, s) {
			return true
		}
	}
	return false
}

// jsString writes s as a JavaScript string literal (JSON's quoting is
// valid JavaScript).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
