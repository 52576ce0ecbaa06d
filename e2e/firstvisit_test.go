//go:build e2e

package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The site has two WebAssembly binaries (assets/app.js): entry.wasm, the
// first-visit binary, serves the landing page, the sign-up and the
// information pages of a browser that never used the full console;
// main.wasm, the full console, takes the page over (labsimHandoff) when the
// student goes anywhere else, and is loaded at once by every later visit
// (localStorage labsim:console) and by any deep link. These tests follow a
// student through both and check which binary each load downloaded.

// binaryFetches counts, per WebAssembly file name, the Resource Timing
// entries of the current document: what this page load downloaded.
func binaryFetches(p *Page) map[string]int {
	p.t.Helper()
	return Eval[map[string]int](p, `(() => { const n = {'entry.wasm': 0, 'main.wasm': 0};
		for (const e of performance.getEntriesByType('resource')) {
			const f = new URL(e.name).pathname.split('/').pop();
			if (f.endsWith('.wasm')) n[f] = (n[f] || 0) + 1;
		}
		return n; })()`)
}

// requestCount counts the tab's network requests, over all its loads so
// far, whose path ends with /name.
func (p *Page) requestCount(name string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, u := range p.requests {
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		if strings.HasSuffix(u, "/"+name) {
			n++
		}
	}
	return n
}

// requireBinary checks which binary runs the page (window.labsimBinary)
// and how many times this document fetched each one.
func requireBinary(t *testing.T, p *Page, where, running string, entry, main int) {
	t.Helper()
	if got := Eval[string](p, `String(window.labsimBinary)`); got != running {
		t.Fatalf("%s: window.labsimBinary is %q, want %q", where, got, running)
	}
	got := binaryFetches(p)
	if got["entry.wasm"] != entry || got["main.wasm"] != main {
		t.Fatalf("%s: this load fetched entry.wasm %d and main.wasm %d times (Resource Timing), want %d and %d",
			where, got["entry.wasm"], got["main.wasm"], entry, main)
	}
}

// waitConsole waits until the full console has taken the page over: it
// runs (labsimBinary), the loading bar is gone and the page answers again
// (#root neither inert nor busy).
func waitConsole(t *testing.T, p *Page) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !Eval[bool](p, `window.labsimBinary === 'main.wasm' && document.getElementById('boot').hidden &&
		!document.getElementById('root').inert && document.getElementById('root').getAttribute('aria-busy') === 'false'`) {
		if time.Now().After(deadline) {
			t.Fatalf("the full console never took the page over (labsimBinary %q); page text:\n%s",
				Eval[string](p, `String(window.labsimBinary)`), p.Text())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The first-visit binary's message counts stay on window, and the full
	// console's queue counts from zero: Settle would compare the two.
	// Both count again from zero; the console overwrites each with its own
	// total at its next message, so waiting on them stays correct.
	Eval[bool](p, `(window.labsimQueued = 0, window.labsimHandled = 0, true)`)
	p.Settle()
}

// focusedElement describes the element that has keyboard focus and
// whether it is drawn: "#id" (or the tag name) and visible.
func focusedElement(p *Page) (string, bool) {
	p.t.Helper()
	got := Eval[[]any](p, `(() => { const e = document.activeElement;
		if (!e || e === document.body) return ['body', false];
		const r = e.getBoundingClientRect(), s = getComputedStyle(e);
		const seen = r.width > 0 && r.height > 0 && s.visibility === 'visible' && r.bottom > 0 && r.top < innerHeight && !e.closest('[inert],[hidden]');
		return [e.id ? '#' + e.id : e.tagName.toLowerCase(), seen]; })()`)
	name, _ := got[0].(string)
	seen, _ := got[1].(bool)
	return name, seen
}

// untranslated matches a message key the catalog lacks, which the page
// shows as "[area.key]".
var untranslated = regexp.MustCompile(`\[[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+\]`)

// requireTranslated fails when the page's markup (text or attributes, so
// accessible names too) shows a message key instead of its text.
func requireTranslated(t *testing.T, p *Page, where string) {
	t.Helper()
	html := Eval[string](p, `document.getElementById('root').outerHTML`)
	if keys := untranslated.FindAllString(html, -1); len(keys) > 0 {
		t.Errorf("%s: message keys instead of text: %s", where, strings.Join(keys, " "))
	}
}

// TestFirstVisitSignsUpInEntryThenSignsInInTheFullConsole follows a first
// visit: the landing page and the whole Korean sign-up run in entry.wasm
// without downloading the full console; signing in as root hands the page
// over to main.wasm, which downloads once and signs in with the password
// typed at sign-up (the world crossed the hand-over). No console error or
// exception is allowed (the harness fails the test on any). Focus after the
// hand-over: firstvisit_gaps_test.go.
func TestFirstVisitSignsUpInEntryThenSignsInInTheFullConsole(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=ko")
	p.Find("heading", "오프라인으로 실행되는 콘솔에서 AWS 배우기")
	requireBinary(t, p, "the landing page", "entry.wasm", 1, 0)

	id := suSignUp(t, p, suKO, "park@example.com", "Hanbit-Entry-2026", "박서연의 계정", false)
	requireBinary(t, p, "after the whole sign-up", "entry.wasm", 1, 0)
	requireTranslated(t, p, "the end of the sign-up")
	if n := p.requestCount("main.wasm"); n != 0 {
		t.Fatalf("the sign-up requested main.wasm %d times", n)
	}

	// Going to the console hands the page over.
	p.Click("link", suKO.console)
	waitConsole(t, p)
	requireBinary(t, p, "after the hand-over", "main.wasm", 1, 1)
	if n := p.requestCount("main.wasm"); n != 1 {
		t.Fatalf("main.wasm was requested %d times, want once", n)
	}
	if got := Eval[string](p, `localStorage.getItem('labsim:console')`); got != "1" {
		t.Fatalf("localStorage labsim:console is %q after the full console started, want \"1\"", got)
	}
	marks := Eval[[]string](p, `performance.getEntriesByType('mark').map(m => m.name).filter(n => n.startsWith('labsim:'))`)
	for _, want := range []string{"labsim:handoff", "labsim:fetch-console"} {
		if !strings.Contains(strings.Join(marks, " "), want) {
			t.Errorf("no %s performance mark after the hand-over (marks %v)", want, marks)
		}
	}
	p.suWaitHeading(suKO.signin)
	p.Screenshot("firstvisit-ko-after-handoff")

	// The full console signs in with the password typed in entry.wasm.
	p.Click("button", suKO.next)
	p.Type("textbox", suKO.password, "Hanbit-Entry-2026")
	p.Click("button", suKO.signInButton)
	p.suWaitHeading(suKO.home)
	p.Find("button", suKO.accountMenu+"박서연의 계정")
	if got := p.Text(); !strings.Contains(got, id[:4]+"-"+id[4:8]+"-"+id[8:]) {
		t.Fatalf("Console Home does not show the account ID %s", id)
	}
	requireBinary(t, p, "signed in", "main.wasm", 1, 1)
	p.Screenshot("firstvisit-ko-signed-in")

	// A reload in the same browser loads the full console at once: the
	// first-visit binary is not downloaded again.
	p.Reload()
	requireBinary(t, p, "the reload after the hand-over", "main.wasm", 0, 1)
	p.suWaitHeading(suKO.home)
	p.Find("button", suKO.accountMenu+"박서연의 계정")
	if n := p.requestCount("entry.wasm"); n != 1 {
		t.Fatalf("entry.wasm was requested %d times over the visit, want once", n)
	}
	// So does a new visit of the landing page in that browser.
	p.Open("/?lang=en#/")
	requireBinary(t, p, "the landing page after the console was used", "main.wasm", 0, 1)
}

// TestFirstVisitDeepLinksLoadTheFullConsole opens, in fresh browsers,
// links only the full console serves: neither downloads entry.wasm.
func TestFirstVisitDeepLinksLoadTheFullConsole(t *testing.T) {
	for _, c := range []struct{ path, heading, role, name string }{
		// A signed-out visitor of a console page lands on the landing page.
		{"/?lang=en#/iam", "Learn AWS in a console that runs offline", "", ""},
		{"/?lab=create-account&lang=en", "", "complementary", "Lab guide"},
		{"/?lang=en#/signin", "Sign in", "", ""},
		{"/?world=demo&lang=en", "Console Home", "", ""},
	} {
		t.Run(strings.NewReplacer("/", "", "?", "", "#", "-").Replace(c.path), func(t *testing.T) {
			p := NewPage(t)
			p.Open(c.path)
			if c.heading != "" {
				p.Find("heading", c.heading)
			} else {
				p.Find(c.role, c.name)
			}
			requireBinary(t, p, c.path, "main.wasm", 0, 1)
			if n := p.requestCount("entry.wasm"); n != 0 {
				t.Fatalf("%s: entry.wasm was requested %d times", c.path, n)
			}
		})
	}
}

// TestFirstVisitReloadMidSignUpStaysInEntry reloads the sign-up on its
// second and third pages: entry.wasm serves the reload (main.wasm is never
// fetched), on the same page with what was typed kept (but never the
// password or the card number, which are not saved).
func TestFirstVisitReloadMidSignUpStaysInEntry(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en#/signup/1")
	requireBinary(t, p, "page 1", "entry.wasm", 1, 0)
	p.Type("textbox", suEN.email, "reload@example.com")
	p.Type("textbox", suEN.password, "Lab-Student-2026")
	p.Type("textbox", suEN.confirm, "Lab-Student-2026")
	p.Type("textbox", suEN.accountName, "reload-lab")
	p.Click("button", suEN.continue1)
	p.suWaitHeading(suEN.step2)
	p.Click("radio", suEN.personal)
	p.Type("textbox", suEN.fullName, "Reload Student")
	p.Type("textbox", suEN.phone, "+82 10-2222-3333")

	p.Reload()
	p.suWaitHeading(suEN.step2)
	requireBinary(t, p, "the reload on page 2", "entry.wasm", 1, 0)
	requireTranslated(t, p, "page 2")
	if got := Eval[string](p, `location.hash`); got != "#/signup/2" {
		t.Fatalf("after the reload the address is %q", got)
	}
	for _, f := range []struct{ name, want string }{{suEN.fullName, "Reload Student"}, {suEN.phone, "+82 10-2222-3333"}} {
		if v := p.Value("textbox", f.name); v != f.want {
			t.Fatalf("after the reload on page 2 %s is %q, want %q", f.name, v, f.want)
		}
	}

	p.suSelect(suEN.country, suEN.countryKR)
	p.Type("textbox", suEN.address, "1 Sejong-daero")
	p.Type("textbox", suEN.city, "Jongno-gu")
	p.Type("textbox", suEN.postal, "03172")
	p.Click("checkbox", suEN.agree)
	p.Click("button", suEN.continue2)
	p.suWaitHeading(suEN.step3)
	p.Type("textbox", suEN.card, testCard)
	p.Type("textbox", suEN.holder, "RELOAD STUDENT")

	p.Reload()
	p.suWaitHeading(suEN.step3)
	requireBinary(t, p, "the reload on page 3", "entry.wasm", 1, 0)
	requireTranslated(t, p, "page 3")
	if v := p.Value("textbox", suEN.holder); v != "RELOAD STUDENT" {
		t.Fatalf("after the reload on page 3 the cardholder is %q", v)
	}
	if v := p.Value("textbox", suEN.card); strings.Contains(strings.ReplaceAll(v, " ", ""), "4111111111111111") {
		t.Fatalf("the card number survived a reload: %q", v)
	}
	if n := p.requestCount("main.wasm"); n != 0 {
		t.Fatalf("main.wasm was requested %d times during the sign-up", n)
	}
	if n := p.requestCount("entry.wasm"); n != 3 {
		t.Fatalf("entry.wasm was requested %d times over three loads", n)
	}
}

// TestFirstVisitLanguageSwitch switches the landing page between Korean
// and English in entry.wasm: the labels and the document's language follow.
func TestFirstVisitLanguageSwitch(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=ko")
	requireBinary(t, p, "the Korean landing page", "entry.wasm", 1, 0)
	steps := []struct{ button, lang, title, create, gone string }{
		{"English", "en", "Learn AWS in a console that runs offline", "Create an AWS Account", "AWS 계정 생성"},
		{"한국어", "ko", "오프라인으로 실행되는 콘솔에서 AWS 배우기", "AWS 계정 생성", "Create an AWS Account"},
	}
	p.Find("heading", steps[1].title)
	for _, s := range steps {
		p.Click("button", s.button)
		p.Find("heading", s.title)
		p.Find("link", s.create)
		if p.Has("link", s.gone) {
			t.Fatalf("after %s the landing page still has a link %q", s.button, s.gone)
		}
		if got := Eval[string](p, `document.documentElement.lang`); got != s.lang {
			t.Fatalf("after %s <html lang=%q>", s.button, got)
		}
		if got := Eval[string](p, `new URLSearchParams(location.search).get('lang')`); got != s.lang {
			t.Fatalf("after %s the address has lang=%q", s.button, got)
		}
		if got := Eval[string](p, fmt.Sprintf(`document.querySelector('#site-lang [lang=%s]').getAttribute('aria-pressed')`, s.lang)); got != "true" {
			t.Fatalf("after %s the button is not pressed (%q)", s.button, got)
		}
	}
	// The switch is kept: a reload stays in Korean, still in entry.wasm.
	p.Reload()
	p.Find("heading", steps[1].title)
	requireBinary(t, p, "the reload after switching", "entry.wasm", 1, 0)
}

// TestFirstVisitFailedHandOverIsExplained breaks main.wasm on the server:
// the hand-over from the sign-up explains the failure with a Reload
// button over an inert page, and the sign-up already saved is kept.
func TestFirstVisitFailedHandOverIsExplained(t *testing.T) {
	p := pageWithBrokenBinary(t, "main.wasm")
	p.Open("/?lang=en#/signup/1")
	requireBinary(t, p, "the sign-up", "entry.wasm", 1, 0)
	p.Type("textbox", suEN.email, "offline@example.com")
	p.Click("link", "Sign in to an existing AWS account")
	p.WaitText("The simulator could not be loaded: main.wasm: HTTP 500")
	p.Find("button", "Reload")
	if !Eval[bool](p, `document.getElementById('root').inert`) {
		t.Fatal("the page under the failed hand-over still takes clicks")
	}
	if got := Eval[string](p, `localStorage.getItem('labsim:state') || ''`); !strings.Contains(got, "offline@example.com") {
		t.Fatalf("the sign-up typed before the hand-over is not saved:\n%s", got)
	}
	p.Screenshot("firstvisit-handover-failed")
}

// TestFirstVisitHeaderHandsOverAndBackReturns: the header's Simulator link
// on the sign-up hands the page over; the browser's Back button then
// returns, in the full console, to the sign-up page with what was typed.
func TestFirstVisitHeaderHandsOverAndBackReturns(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en#/signup/1")
	requireBinary(t, p, "the sign-up", "entry.wasm", 1, 0)
	p.Type("textbox", suEN.email, "header@example.com")
	p.Type("textbox", suEN.accountName, "header-lab")
	p.Click("link", "Simulator")
	waitConsole(t, p)
	p.suWaitHeading("Simulator data")
	requireBinary(t, p, "the Simulator page", "main.wasm", 1, 1)
	if err := chromedp.Do(p.ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	p.suWaitHeading(suEN.title)
	for _, f := range []struct{ name, want string }{{suEN.email, "header@example.com"}, {suEN.accountName, "header-lab"}} {
		if v := p.Value("textbox", f.name); v != f.want {
			t.Fatalf("back on the sign-up in the full console, %s is %q, want %q", f.name, v, f.want)
		}
	}
	requireBinary(t, p, "back on the sign-up", "main.wasm", 1, 1)
}

// TestFirstVisitTabFollowsASignInInAnotherTab: a first-visit tab on the
// landing page (entry.wasm) follows the browser's sign-in in another tab
// (the session is the browser's): it hands itself over and shows the
// signed-in console, in main.wasm, without a click.
func TestFirstVisitTabFollowsASignInInAnotherTab(t *testing.T) {
	a := NewPage(t)
	a.Open("/?lang=en")
	requireBinary(t, a, "tab A's landing page", "entry.wasm", 1, 0)
	b := NewPageOn(t, a.Base)
	b.Open("/?world=signed-up&lang=en#/signin")
	requireBinary(t, b, "tab B's link to a prepared world", "main.wasm", 0, 1)
	b.Click("link", "Sign In to the Console")
	b.Type("textbox", suEN.rootEmail, "student@example.com")
	b.Click("button", suEN.next)
	b.Type("textbox", suEN.password, "Labsim-Demo-2026!")
	b.Click("button", suEN.signInButton)
	b.suWaitHeading(suEN.home)

	waitConsole(t, a)
	a.suWaitHeading(suEN.home)
	requireBinary(t, a, "tab A after the sign-in in tab B", "main.wasm", 1, 1)
}
