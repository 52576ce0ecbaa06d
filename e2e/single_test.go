//go:build e2e

package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"labsim/internal/pack"
	labsite "labsim/internal/site"
	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
)

// packSingle packs dist/ into one HTML file alone in a temporary folder.
func packSingle(t *testing.T) (file, deployment string) {
	t.Helper()
	site, err := pack.ReadSite(distDir)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file = filepath.Join(dir, "labsim-workshop.html")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	labs, err := pack.BuiltinLabs()
	if err != nil {
		t.Fatal(err)
	}
	deployment = pack.DeploymentID("single", labs, "e2e-key")
	if err := pack.BuildSingle(f, site, pack.SingleOptions{Key: "e2e-key", Deployment: deployment}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// The file stands alone: nothing else in its folder.
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the folder should hold only the single file, has %d entries", len(entries))
	}
	return file, deployment
}

// TestSingleFileRunsFromFileURL packs dist/ into one HTML file, opens it
// from file:// (where a page may not fetch its neighbours), and checks
// that the simulator starts, the landing page renders, the language can
// be switched, the IAM action catalog loads from the page itself, and no
// request leaves the file.
func TestSingleFileRunsFromFileURL(t *testing.T) {
	file, deployment := packSingle(t)
	dir := filepath.Dir(file)
	p := NewPageOn(t, "file://"+filepath.ToSlash(dir))
	p.Open("/labsim-workshop.html?lang=en")
	t.Logf("single file: the simulator was ready within %.0f ms of navigation (decode, inflate, compile, first view)",
		Eval[float64](p, `performance.now()`))
	p.Find("link", "Create an AWS Account")
	p.Find("link", "Sign In to the Console")
	p.Find("heading", "Learn AWS in a console that runs offline")
	if !Eval[bool](p, `window.labsimSingleFile === true`) {
		t.Fatal("the single-file loader did not run")
	}
	if got := Eval[string](p, `document.documentElement.getAttribute('data-deployment')`); got != deployment {
		t.Fatalf("storage namespace %q, want %q", got, deployment)
	}
	p.waitSavedUnder("labsim@" + deployment + ":state")
	p.Screenshot("single-file-landing-en")

	// A prepared world and the language switch work from file:// too.
	p.Open("/labsim-workshop.html?world=demo&lang=en")
	p.Find("heading", "Console Home")
	p.Click("button", "한국어")
	p.Find("heading", "콘솔 홈")
	p.Screenshot("single-file-shell-ko")

	// The IAM action catalog comes from the page itself and inflates.
	got, err := chromedp.Run(p.ctx, chromedp.Evaluate[map[string]any](
		`labsimLoadCatalog().then(r => ({inflated: r.inflated, length: r.bytes.length}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	text, err := catalog.DecompressActions(actiondata.Raw())
	if err != nil {
		t.Fatal(err)
	}
	if got["inflated"] != true || int(got["length"].(float64)) != len(text) {
		t.Fatalf("the inlined catalog gave %v, want %d inflated bytes", got, len(text))
	}
	// A file that is not in the package is refused with a clear message,
	// not fetched.
	msg, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](
		`fetch('not-packed.json').then(() => 'fetched', e => e.message)`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(msg, "not part of this single-file package") {
		t.Fatalf("fetch of a missing file: %q, %v", msg, err)
	}

	// No request other than the page itself.
	page := "file://" + filepath.ToSlash(file)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, u := range p.requests {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") || strings.SplitN(u, "?", 2)[0] == page {
			continue
		}
		t.Errorf("the single file requested %s", u)
	}
}

// TestSCORMPackageRunsFromItsOwnFiles unpacks a SCORM 1.2 package, serves
// only its files (as an LMS does), and opens its SCO: the simulator starts
// with the package's storage namespace and fetches nothing the package
// lacks (the action catalog included).
func TestSCORMPackageRunsFromItsOwnFiles(t *testing.T) {
	site, err := pack.ReadSite(distDir)
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := pack.BuiltinLabs()
	if err != nil {
		t.Fatal(err)
	}
	labs, err := pack.SelectLabs(builtin, []string{"root-mfa"})
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	if err := pack.BuildSCORM(&zipped, site, pack.SCORMOptions{Version: pack.SCORM12, Labs: labs}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(labsite.Handler(dir))
	t.Cleanup(srv.Close)
	p := NewPageOn(t, srv.URL)
	p.Open("/index.html?lab=root-mfa&lang=en")
	// The SCO opens its lab, which starts from the demo world (signed in).
	p.Find("heading", "Console Home")
	if got := Eval[string](p, `document.documentElement.getAttribute('data-deployment')`); got != "scorm12-root-mfa" {
		t.Fatalf("storage namespace %q", got)
	}
	p.waitSavedUnder("labsim@scorm12-root-mfa:state")
	n, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`labsimLoadCatalog().then(r => r.bytes.length)`, chromedp.EvalAwaitPromise))
	if err != nil || n == 0 {
		t.Fatalf("the package's action catalog did not load: %v", err)
	}
}

// TestSingleFileInFirefox opens the single file from file:// in Debian's
// firefox-esr with its default settings (file:// pages may not fetch
// their neighbours), driven over WebDriver BiDi, and checks that the
// simulator reaches the landing page, the action catalog loads from the
// page, and no request leaves the file.
func TestSingleFileInFirefox(t *testing.T) {
	file, _ := packSingle(t)
	b := startFirefox(t)
	if _, err := b.call("session.subscribe", map[string]any{"events": []string{"network.beforeRequestSent", "log.entryAdded"}}); err != nil {
		t.Fatal(err)
	}
	ctx, err := b.topContext()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.call("script.addPreloadScript", map[string]any{"functionDeclaration": `() => {
		const browserFetch = window.fetch;
		window.labsimNetworkFetches = [];
		window.fetch = function (input, init) {
			window.labsimNetworkFetches.push(String(input && input.url || input));
			return browserFetch.apply(this, arguments);
		};
	}`}); err != nil {
		t.Fatal(err)
	}
	page := "file://" + filepath.ToSlash(file)
	if _, err := b.call("browsingContext.navigate", map[string]any{"context": ctx, "url": page + "?lang=en", "wait": "complete"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	var text string
	for {
		text, err = b.evalString(ctx, `window.labsimReady === true ? document.body.innerText : ''`)
		if err == nil && strings.Contains(text, "Create an AWS Account") {
			break
		}
		if time.Now().After(deadline) {
			body, _ := b.evalString(ctx, `document.body.innerText`)
			t.Fatalf("Firefox did not reach the landing page (%v); page text:\n%s", err, body)
		}
		time.Sleep(250 * time.Millisecond)
	}
	if !strings.Contains(text, "Learn AWS in a console that runs offline") {
		t.Fatalf("landing page text:\n%s", text)
	}
	n, err := b.evalString(ctx, `labsimLoadCatalog().then(r => String(r.bytes.length))`)
	if err != nil || n == "" || n == "0" {
		t.Fatalf("the inlined catalog did not load in Firefox: %q %v", n, err)
	}
	// Firefox's BiDi reports no file:// requests, so the page itself
	// records every fetch that reaches the browser (a preload script wraps
	// fetch before the page's own scripts run).
	got, err := b.evalString(ctx, `JSON.stringify(window.labsimNetworkFetches)`)
	if err != nil || got != "[]" {
		t.Errorf("fetches that reached the browser: %s (%v)", got, err)
	}
	for _, raw := range b.eventsOf("network.beforeRequestSent") {
		var ev struct {
			Request struct {
				URL string `json:"url"`
			} `json:"request"`
		}
		_ = json.Unmarshal(raw, &ev)
		if u := ev.Request.URL; !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") && !strings.HasPrefix(u, page) {
			t.Errorf("the single file requested %s in Firefox", u)
		}
	}
	for _, raw := range b.eventsOf("log.entryAdded") {
		var ev struct {
			Level string `json:"level"`
			Text  string `json:"text"`
		}
		_ = json.Unmarshal(raw, &ev)
		if ev.Level == "error" || ev.Level == "warn" {
			t.Errorf("Firefox console %s: %s", ev.Level, ev.Text)
		}
	}
	// The record above is not vacuous: a fetch the single file cannot
	// answer goes to the browser and is recorded (and refused by the CSP).
	probe, err := b.evalString(ctx, `fetch('https://example.invalid/probe').then(() => 'fetched', () => 'refused').then(r => r + ' ' + JSON.stringify(window.labsimNetworkFetches))`)
	if err != nil || probe != `refused ["https://example.invalid/probe"]` {
		t.Errorf("probe fetch: %q %v", probe, err)
	}
}

// waitSavedUnder waits until the page has saved its work under the storage
// key, and checks that it saved nothing under the site's key.
func (p *Page) waitSavedUnder(key string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !Eval[bool](p, `localStorage.getItem(`+strconv.Quote(key)+`) !== null`) {
		if time.Now().After(deadline) {
			p.t.Fatalf("nothing was saved under %s; keys: %v", key, Eval[[]string](p, `Object.keys(localStorage)`))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if Eval[bool](p, `localStorage.getItem('labsim:state') !== null`) {
		p.t.Fatal("the package saved under the site's key labsim:state")
	}
}

// TestSingleFileInWebKit opens the single file from file:// in WebKitGTK's
// MiniBrowser (Safari's engine) over W3C WebDriver (see webkit_test.go)
// and checks that the simulator reaches the landing page and the action
// catalog loads from the page.
func TestSingleFileInWebKit(t *testing.T) {
	driver, err := exec.LookPath("WebKitWebDriver")
	xvfb, xerr := exec.LookPath("xvfb-run")
	browser, berr := filepath.Glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser")
	if err != nil || xerr != nil || berr != nil || len(browser) == 0 {
		msg := "WebKitWebDriver, MiniBrowser or xvfb-run is missing (apt-get install webkit2gtk-driver xvfb xauth): the WebKit single-file check did not run"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	file, _ := packSingle(t)
	port := freePort(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, xvfb, "-a", driver, "--port="+strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatalf("start WebKitWebDriver: %v", err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	wd := &webDriver{t: t, base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	wd.waitReady()
	var created struct {
		SessionID string `json:"sessionId"`
	}
	wd.call("POST", "/session", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"webkitgtk:browserOptions": map[string]any{"binary": browser[0], "args": []string{"--automation"}},
	}}}, &created)
	wd.session = "/session/" + created.SessionID
	t.Cleanup(func() { wd.call("DELETE", wd.session, nil, nil) })

	wd.call("POST", wd.session+"/url", map[string]any{"url": "file://" + filepath.ToSlash(file) + "?lang=en"}, nil)
	wd.find("link", "Create an AWS Account")
	wd.find("heading", "Learn AWS in a console that runs offline")
	var single bool
	wd.call("POST", wd.session+"/execute/sync", map[string]any{"script": "return window.labsimSingleFile === true", "args": []string{}}, &single)
	if !single {
		t.Fatal("the single-file loader did not run in WebKit")
	}
	var n any
	wd.call("POST", wd.session+"/execute/async", map[string]any{"script": `const done = arguments[arguments.length - 1];
		labsimLoadCatalog().then(r => done(r.bytes.length), e => done('error: ' + e.message));`, "args": []string{}}, &n)
	if v, ok := n.(float64); !ok || v == 0 {
		t.Fatalf("the inlined catalog did not load in WebKit: %v", n)
	}
}

// Issue 18: a workshop from one file. Opened from file:// with its lab
// link, the single file plays lab 1 (sign-up and root sign-in) to its end,
// switches language, opens the JSON policy editor (the action catalog and
// the checks work offline), and gives a completion code that the native
// labsim verify accepts for the student's name and this build's key.
func TestSingleFileCompletesLab1WithAVerifiableCode(t *testing.T) {
	cli, err := filepath.Abs(filepath.Join("..", "bin", "labsim"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cli); err != nil {
		t.Fatalf("the native CLI is not built (make build builds bin/labsim): %v", err)
	}
	file, _ := packSingle(t)
	p := NewPageOn(t, "file://"+filepath.ToSlash(filepath.Dir(file)))
	p.Open("/labsim-workshop.html?lab=create-account&lang=en")
	p.Find("complementary", "Lab guide")
	suSignUp(t, p, suEN, "kim@example.com", "Lab-Student-2026", "my-lab", false)
	suSignIn(t, p, suEN, "Lab-Student-2026", "my-lab")
	p.WaitText("Lab complete. Well done!")

	// The language switch and the policy editor, from the file alone.
	p.Click("button", "한국어")
	p.WaitText("실습을 완료했습니다. 수고하셨습니다!")
	p.Click("button", "English")
	p.WaitText("Lab complete. Well done!")
	Eval[bool](p, `(location.hash = '#/iam/policies/create', true)`)
	p.WaitText("Policy editor")
	replaceEditorText(p, `{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}`)
	p.WaitText("The effect Alow is not valid")

	// The completion code.
	p.Type("textbox", "Your name", "Kim Minji")
	p.Click("button", "Make my completion code")
	code := strings.TrimSpace(Eval[string](p, `(document.getElementById('lab-code') || {textContent: ''}).textContent`))
	for deadline := time.Now().Add(10 * time.Second); code == "" && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		code = strings.TrimSpace(Eval[string](p, `(document.getElementById('lab-code') || {textContent: ''}).textContent`))
	}
	if code == "" {
		t.Fatalf("no completion code on the page:\n%s", p.Text())
	}
	p.Screenshot("single-file-completion-code-en")
	out, err := exec.Command(cli, "verify", "--key", "e2e-key", "--name", "Kim Minji", "--lab", "create-account", code).CombinedOutput()
	t.Logf("labsim verify:\n%s", out)
	if err != nil {
		t.Fatalf("labsim verify refused %s: %v", code, err)
	}
	if out2, err := exec.Command(cli, "verify", "--key", "another-key", code).CombinedOutput(); err == nil {
		t.Fatalf("a code verified under another key:\n%s", out2)
	}
}
