//go:build e2e

package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"labsim/console"
	"labsim/sim"
)

// awaitJS evaluates JavaScript that gives a promise and decodes what it
// resolves to.
func awaitJS[T any](p *Page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// goHash moves the page to a route by its URL fragment, as a link does,
// and waits until the page stops changing (no DOM mutation for 150 ms); it
// returns the fragment the page shows (a wizard step not reached yet
// shows an earlier one).
func (p *Page) goHash(h string) string {
	p.t.Helper()
	return awaitJS[string](p, `new Promise(res => {
		const want = `+jsString(h)+`;
		let t;
		const done = () => { obs.disconnect(); res(location.hash || '#/'); };
		const obs = new MutationObserver(() => { clearTimeout(t); t = setTimeout(done, 150); });
		obs.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
		t = setTimeout(done, 400);
		if (location.hash === want || (want === '#/' && location.hash === '')) { clearTimeout(t); t = setTimeout(done, 50); }
		else location.hash = want;
	})`)
}

// clickAction clicks the first control with a data-action (and data-arg),
// whatever the language, and waits until the page settles.
func (p *Page) clickAction(action, arg string) {
	p.t.Helper()
	sel := `[data-action="` + action + `"]`
	if arg != "" {
		sel = `[data-action="` + action + `"][data-arg="` + arg + `"]`
	}
	ok := awaitJS[bool](p, `new Promise(res => {
		const b = document.querySelector(`+jsString(sel)+`);
		if (!b) { res(false); return; }
		let t;
		const obs = new MutationObserver(() => { clearTimeout(t); t = setTimeout(() => { obs.disconnect(); res(true); }, 150); });
		obs.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
		t = setTimeout(() => { obs.disconnect(); res(true); }, 400);
		b.click();
	})`)
	if !ok {
		p.t.Fatalf("no control %s; page text:\n%s", sel, p.Text())
	}
}

// signInRoot signs in as the root user of the prepared world
// delegation-done (signed out) from the landing page, in English.
func signInRoot(p *Page) {
	p.t.Helper()
	p.Click("link", "Sign In to the Console")
	p.Type("textbox", "Root user email address", "student@example.com")
	p.Click("button", "Next")
	p.Type("textbox", "Password", "Labsim-Demo-2026!")
	p.Click("button", "Sign in")
	p.Find("heading", "Console Home")
}

// walkRoutes opens every route of console.Routes() in a language: the
// public ones signed out, then every route (Console Home and the
// Simulator page again) as the root user of delegation-done. visit runs
// on each; the walk fails when a route of the list was not visited.
func walkRoutes(t *testing.T, lang string, setup func(p *Page), visit func(p *Page, name string)) {
	p := NewPage(t)
	if setup != nil {
		setup(p)
	}
	p.Open("/?world=delegation-done&lang=" + lang)
	visited := map[string]bool{}
	for _, h := range console.Routes() {
		if !console.PublicRoute(h) {
			continue
		}
		got := p.goHash(h)
		if got != h {
			t.Logf("%s %s (signed out) shows %s", lang, h, got)
		}
		visit(p, lang+" signed out "+h)
		visited[h] = true
	}
	p.Open("/?lang=en#/")
	signInRoot(p)
	if lang != "en" {
		p.Open("/?lang=" + lang + "#/")
	}
	for _, h := range console.Routes() {
		if console.PublicRoute(h) && h != "#/" && h != "#/simulator" {
			continue
		}
		got := p.goHash(h)
		if got != h {
			t.Logf("%s %s (root) shows %s", lang, h, got)
		}
		visit(p, lang+" root "+h)
		visited[h] = true
	}
	for _, h := range console.Routes() {
		if !visited[h] {
			t.Errorf("%s: route %s of console.Routes() was not visited", lang, h)
		}
	}
	if n := len(visited); n != len(console.Routes()) || !slices.Contains(console.Routes(), "#/iam") {
		t.Errorf("%s: visited %d routes of %d", lang, n, len(console.Routes()))
	}
}

// TestAccessibilityOfEveryRoute runs axe-core (WCAG 2.1 A and AA, zero
// violations of any impact) on every route of the console's registry in
// both languages, and on the states a route alone does not reach: the
// lab guide (list, the start confirmation, a running lab), the devices
// drawer's phone and inbox, the account menu.
func TestAccessibilityOfEveryRoute(t *testing.T) {
	src := axeSource(t)
	for _, lang := range []string{"en", "ko"} {
		walkRoutes(t, lang, nil, func(p *Page, name string) {
			p.audit(t, src, name)
			if got := Eval[string](p, `document.documentElement.lang`); got != lang {
				t.Errorf("%s: <html lang=%q>, want %q", name, got, lang)
			}
		})

		p := NewPage(t)
		p.Open("/?world=demo&lang=" + lang)
		p.clickAction("menu", "account")
		p.audit(t, src, lang+" account menu")
		p.clickAction("guide", "")
		p.audit(t, src, lang+" lab guide list")
		p.clickAction("lab.start", "cloud-concepts")
		p.audit(t, src, lang+" lab start confirmation")
		p.clickAction("lab.begin", "cloud-concepts")
		p.audit(t, src, lang+" lab running")
		p.clickAction("devices.open", "phone")
		p.audit(t, src, lang+" devices drawer phone")
		p.clickAction("devices.tab", "inbox")
		p.audit(t, src, lang+" devices drawer inbox")
	}
}

// langOf returns the lang attribute of the first element a selector finds
// and the language it inherits (its closest ancestor's lang), or "none".
func langOf(p *Page, sel string) string {
	p.t.Helper()
	return Eval[string](p, `(() => { const e = document.querySelector(`+jsString(sel)+`);
		if (!e) return 'none'; const l = e.closest('[lang]'); return l ? l.lang : ''; })()`)
}

// TestPageLanguageAndEnglishFragments checks that the document's lang
// follows the chosen language, switching with it, and that English
// fragments in Korean pages (service names, policy names, AWS's
// access-denied message) carry lang="en".
func TestPageLanguageAndEnglishFragments(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=ko")
	if got := Eval[string](p, `document.documentElement.lang`); got != "ko" {
		t.Errorf("Korean page: <html lang=%q>", got)
	}
	p.clickAction("lang", "en")
	if got := Eval[string](p, `document.documentElement.lang`); got != "en" {
		t.Errorf("after switching to English: <html lang=%q>", got)
	}
	p.clickAction("lang", "ko")
	if got := Eval[string](p, `document.documentElement.lang`); got != "ko" {
		t.Errorf("after switching back to Korean: <html lang=%q>", got)
	}
	checks := []struct{ hash, sel string }{
		{"#/services/iam", "#page-title"},
		{"#/services/iam", ".breadcrumbs [aria-current=page]"},
		{"#/iam/policies", `a[href="#/iam/policies/aws/IAMFullAccess"]`},
		{"#/iam/policies/aws/IAMFullAccess", "#page-title"},
	}
	for _, c := range checks {
		p.goHash(c.hash)
		if got := langOf(p, c.sel); got != "en" {
			t.Errorf("ko %s %s: lang %q, want en", c.hash, c.sel, got)
		}
	}
	p.clickAction("menu", "services")
	if n := Eval[int](p, `[...document.querySelectorAll('.svc-name')].filter(e => e.closest('[lang]').lang !== 'en').length`); n != 0 ||
		Eval[int](p, `document.querySelectorAll('.svc-name').length`) == 0 {
		t.Errorf("ko services menu: %d service names without lang=en", n)
	}

	// AWS's access-denied message is English in the Korean console too:
	// Luna (delegation-done) has no S3 permission.
	q := NewPage(t)
	q.Open("/?world=delegation-done&lang=en#/signin/" + sim.DemoAccountID)
	signInAsLuna(q, sim.LunaPassword)
	q.Find("heading", "Console Home")
	q.Click("button", "한국어")
	q.waitLang("ko")
	q.goHash("#/s3")
	q.WaitText("is not authorized to perform: s3:ListAllMyBuckets")
	if got := langOf(q, ".denied-message"); got != "en" {
		t.Errorf("ko access denied message: lang %q, want en", got)
	}
	if got := Eval[string](q, `document.documentElement.lang`); got != "ko" {
		t.Errorf("Korean denied page: <html lang=%q>", got)
	}
}

// overflowJS lists what makes the document wider than the viewport: the
// outermost elements whose right edge passes it, leaving out those inside
// an element that scrolls by itself (code, pre and tables in their own
// container).
const overflowJS = `(() => {
	const vw = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth <= vw) return [];
	const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
		const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true; } return false; };
	const out = [];
	for (const e of document.body.querySelectorAll('*')) {
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.right <= vw + 0.5 || scrolls(e)) continue;
		if (e.parentElement && e.parentElement.getBoundingClientRect().right > vw + 0.5 && !scrolls(e.parentElement) && e.parentElement !== document.body) continue;
		out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
		if (out.length === 6) break;
	}
	return [String(document.documentElement.scrollWidth) + ' > ' + vw].concat(out);
})()`

// TestReflowAt320 opens every route of console.Routes() in both languages
// at 320 CSS pixels wide (WCAG 1.4.10 reflow): the document never scrolls
// sideways; only code, pre and tables scroll inside their own container.
func TestReflowAt320(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		walkRoutes(t, lang, func(p *Page) {
			if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(320, 640)); err != nil {
				t.Fatalf("emulate 320 px: %v", err)
			}
		}, func(p *Page, name string) {
			if got := Eval[[]string](p, overflowJS); len(got) > 0 {
				t.Errorf("%s at 320 px: document scroll width %s; overflowing: %s", name, got[0], strings.Join(got[1:], ", "))
			}
		})
	}
}
