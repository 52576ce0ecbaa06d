//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestWebKitSmoke drives WebKitGTK's MiniBrowser (Safari's engine, Debian's
// webkit2gtk-driver) under Xvfb over classic W3C WebDriver through the
// landing page, root sign-in with MFA (a code from oathtool) and the IAM
// dashboard. Without the driver or xvfb-run it skips with a message, except
// under CI=true, where it fails.
func TestWebKitSmoke(t *testing.T) {
	driver, err := exec.LookPath("WebKitWebDriver")
	xvfb, xerr := exec.LookPath("xvfb-run")
	browser, berr := filepath.Glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser")
	if err != nil || xerr != nil || berr != nil || len(browser) == 0 {
		msg := "WebKitWebDriver, MiniBrowser or xvfb-run is missing (apt-get install webkit2gtk-driver xvfb xauth): the WebKit smoke test did not run"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
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

	site := newServer(t).URL
	wd.call("POST", wd.session+"/url", map[string]any{"url": site + "/?world=fresh&lang=en"}, nil)
	wd.find("link", "Create an AWS Account")
	t.Log("ok: landing page")

	wd.call("POST", wd.session+"/url", map[string]any{"url": site + "/?world=root-mfa&lang=en"}, nil)
	wd.click(wd.find("link", "Sign In to the Console"))
	wd.typeInto(wd.find("field", "Root user email address"), "student@example.com")
	wd.click(wd.find("button", "Next"))
	wd.typeInto(wd.find("field", "Password"), "Labsim-Demo-2026!")
	wd.click(wd.find("button", "Sign in"))
	wd.find("heading", "Multi-factor authentication")
	t.Log("ok: root password")
	wd.typeInto(wd.find("field", "MFA code"), oathCode(t, "LABSIMDEMOSECRETFORINSTRUCTORSANDTESTS234567ABCDEFGHIJKLMNOPQRST", time.Now()))
	wd.click(wd.find("button", "Submit"))
	wd.find("button", "Account menu: labsim-demo")
	t.Log("ok: MFA sign-in")

	wd.call("POST", wd.session+"/url", map[string]any{"url": site + "/?lang=en#/iam"}, nil)
	wd.find("heading", "IAM dashboard")
	t.Log("ok: IAM dashboard")
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// webDriver is a minimal W3C WebDriver client: enough to open pages, find
// controls by their visible label and click or type into them.
type webDriver struct {
	t       *testing.T
	base    string
	session string
}

// webElementKey is the W3C key of an element reference.
const webElementKey = "element-6066-11e4-a52e-4f735466cecf"

func (wd *webDriver) waitReady() {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(wd.base + "/status"); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	wd.t.Fatal("WebKitWebDriver never answered")
}

// call sends one command and decodes its "value" into out (when not nil).
func (wd *webDriver) call(method, path string, body, out any) {
	wd.t.Helper()
	var r *bytes.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		r = bytes.NewReader(data)
	} else {
		r = bytes.NewReader(nil)
	}
	req, _ := http.NewRequest(method, wd.base+path, r)
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: 90 * time.Second}).Do(req)
	if err != nil {
		wd.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		wd.t.Fatalf("%s %s: decode: %v", method, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		wd.t.Fatalf("%s %s: %s: %s", method, path, resp.Status, env.Value)
	}
	if out != nil {
		if err := json.Unmarshal(env.Value, out); err != nil {
			wd.t.Fatalf("%s %s: decode value: %v", method, path, err)
		}
	}
}

// find waits for a visible control of a kind ("link", "button", "heading",
// or "field" found by its label) with the visible name.
func (wd *webDriver) find(kind, name string) string {
	wd.t.Helper()
	const script = `const [kind, name] = arguments;
	const visible = (e) => e && e.getClientRects().length > 0;
	const text = (e) => (e.getAttribute('aria-label') || e.textContent || '').replace(/\s+/g, ' ').trim();
	if (kind === 'field') {
		for (const l of document.querySelectorAll('label')) if (text(l).startsWith(name) && visible(l.control)) return l.control;
		return null;
	}
	const sel = kind === 'link' ? 'a[href]' : kind === 'heading' ? 'h1,h2,h3' : 'button,[role=button]';
	return [...document.querySelectorAll(sel)].find((e) => visible(e) && text(e) === name) || null;`
	deadline := time.Now().Add(30 * time.Second)
	for {
		var found map[string]string
		wd.call("POST", wd.session+"/execute/sync", map[string]any{"script": script, "args": []string{kind, name}}, &found)
		if id := found[webElementKey]; id != "" {
			return id
		}
		if time.Now().After(deadline) {
			var text string
			wd.call("POST", wd.session+"/execute/sync", map[string]any{"script": "return document.body.innerText.slice(0, 600)", "args": []string{}}, &text)
			wd.t.Fatalf("no visible %s %q; the page says:\n%s", kind, name, text)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

func (wd *webDriver) click(id string) {
	wd.t.Helper()
	wd.call("POST", wd.session+"/element/"+id+"/click", map[string]any{}, nil)
}

func (wd *webDriver) typeInto(id, text string) {
	wd.t.Helper()
	wd.call("POST", wd.session+"/element/"+id+"/value", map[string]any{"text": text}, nil)
}
