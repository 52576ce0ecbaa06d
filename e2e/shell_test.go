//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestLandingPageWithoutAnyState(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en")
	p.Find("link", "Create an AWS Account")
	p.Find("link", "Sign In to the Console")
	p.Find("heading", "Learn AWS in a console that runs offline")
	p.Screenshot("landing-en")
	p.Open("/?lang=ko")
	p.Find("link", "AWS 계정 생성")
	p.Screenshot("landing-ko")
}

func TestShellInEnglishAndKorean(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Find("heading", "Console Home")
	p.Find("button", "Services")
	p.Find("button", "Region: Seoul")
	p.Find("button", "Account menu: labsim-demo")
	if got := Eval[string](p, `location.search`); got != "?lang=en" {
		t.Fatalf("world= should be dropped from the URL, got %q", got)
	}
	p.Screenshot("shell-en")
	p.Click("button", "한국어")
	p.Find("heading", "콘솔 홈")
	p.Find("button", "서비스")
	p.Find("button", "리전: 서울")
	if got := Eval[string](p, `location.search`); got != "?lang=ko" {
		t.Fatalf("the language switch rewrites the URL, got %q", got)
	}
	p.Screenshot("shell-ko")
	p.Reload()
	p.Find("heading", "콘솔 홈")
	if lang := Eval[string](p, `document.getElementById('app').getAttribute('lang')`); lang != "ko" {
		t.Fatalf("lang attribute %q", lang)
	}
}

func TestServicesMenuFiltersAndOpensAServicePage(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Services")
	p.Type("searchbox", "Search services", "S3")
	p.WaitText("S3 Glacier")
	menu := Eval[string](p, `document.getElementById('services-menu').innerText`)
	for _, absent := range []string{"EC2", "DynamoDB", "IAM"} {
		if strings.Contains(menu, absent) {
			t.Fatalf("filter S3 still shows %s:\n%s", absent, menu)
		}
	}
	p.Screenshot("services-filter-s3")
	p.Click("link", "S3 Glacier Low-cost archive storage")
	p.Find("heading", "S3 Glacier")
	p.WaitText("In this simulator")
	if h := Eval[string](p, `location.hash`); h != "#/services/glacier" {
		t.Fatalf("hash %q", h)
	}
	p.Screenshot("service-page-glacier")
	p.Click("button", "Services")
	p.Press(kb.Escape)
	if p.Has("searchbox", "Search services") {
		t.Fatal("Escape closes the Services menu")
	}
}

func TestRegionIsRememberedAfterReload(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Region: Seoul")
	p.Screenshot("region-menu")
	p.Click("button", "Europe (Frankfurt) eu-central-1")
	p.Find("button", "Region: Frankfurt")
	p.Reload()
	p.Find("button", "Region: Frankfurt")
	p.Open("/?lang=en#/services/iam")
	p.Find("button", "Global")
}

func TestDeepLinkBackForwardAndReload(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Open("/?lang=en#/services/vpc")
	p.Find("heading", "VPC")
	p.Reload()
	p.Find("heading", "VPC")
	p.Click("button", "Services")
	p.Click("link", "DynamoDB Managed NoSQL database")
	p.Find("heading", "DynamoDB")
	if err := chromedp.Do(p.ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	p.Find("heading", "VPC")
	if err := chromedp.Do(p.ctx, chromedp.NavigateForward()); err != nil {
		t.Fatal(err)
	}
	p.Find("heading", "DynamoDB")
}

func TestTypingWhileThePageRerendersLosesNothing(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Services")
	text := "elastic load balancing"
	p.Type("searchbox", "Search services", text)
	if v := p.Value("searchbox", "Search services"); v != text {
		t.Fatalf("typed %q, field has %q", text, v)
	}
	p.WaitText("Distribute traffic across targets")

	// An IME composition (Korean) while another tab's save re-renders the
	// page: the composition and the committed text survive.
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](`(() => { const f = document.getElementById('services-filter'); f.value=''; f.dispatchEvent(new Event('input', {bubbles:true})); })()`)); err != nil {
		t.Fatal(err)
	}
	p.Focus("searchbox", "Search services")
	for _, step := range []string{"ㅅ", "서", "서ㅂ", "서비"} {
		if _, err := chromedp.Call(p.ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: step, SelectionStart: int64(len([]rune(step))), SelectionEnd: int64(len([]rune(step)))}); err != nil {
			t.Fatal(err)
		}
	}
	// Another tab saves: the page re-renders with a banner mid-composition.
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const cur = localStorage.getItem('labsim:state');
		const doc = JSON.parse(cur); doc.revision += 5; doc.ui.fields = Object.assign({}, doc.ui.fields, {'other.tab': 'typed there'});
		const next = JSON.stringify(doc);
		window.dispatchEvent(new StorageEvent('storage', {key: 'labsim:state', oldValue: cur, newValue: next}));
	})()`)); err != nil {
		t.Fatal(err)
	}
	p.WaitText("Changes made in another tab") // loaded, or combined with this tab's
	if _, err := chromedp.Call(p.ctx, input.InsertText, input.InsertTextParams{Text: "서비스"}); err != nil {
		t.Fatal(err)
	}
	if v := p.Value("searchbox", "Search services"); v != "서비스" {
		t.Fatalf("after the composition the field has %q", v)
	}
	if active := Eval[string](p, `document.activeElement.id`); active != "services-filter" {
		t.Fatalf("focus moved to %q", active)
	}
}

func TestSecondTabSeesTheFirstTabsChange(t *testing.T) {
	a := NewPage(t)
	a.Open("/?world=demo&lang=en")
	b := NewPageOn(t, a.Base)
	b.Open("/?lang=en#/services/ec2")
	b.Find("heading", "EC2")
	a.Click("button", "Account menu: labsim-demo")
	a.Click("button", "Sign out")
	a.Find("link", "Create an AWS Account")
	b.WaitText("Changes made in another tab were loaded.")
	b.Find("link", "Create an AWS Account")
}

func TestKeyboardOnlyUseOfTheServicesMenu(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	active := func() string { return Eval[string](p, `document.activeElement && document.activeElement.id`) }
	p.Focus("button", "Services")
	p.Press(kb.Enter)
	deadline := time.Now().Add(5 * time.Second)
	for active() != "services-filter" {
		if time.Now().After(deadline) {
			t.Fatalf("opening the menu should focus its search box, focus is on %q", active())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("vpc")); err != nil {
		t.Fatal(err)
	}
	p.WaitText("Isolated cloud networks")
	p.Press(kb.Escape)
	deadline = time.Now().Add(5 * time.Second)
	for active() != "menu-btn-services" {
		if time.Now().After(deadline) {
			t.Fatalf("Escape should return focus to the Services button, focus is on %q", active())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Tab from the Services button reaches the next control of the bar.
	p.Press(kb.Tab)
	if a := active(); a == "" || a == "menu-btn-services" {
		t.Fatalf("Tab should move on, focus is on %q", a)
	}
}

func TestWorkReplacedByAWorldLinkCanBeRestored(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Region: Seoul")
	p.Click("button", "Europe (Ireland) eu-west-1")
	p.Find("button", "Region: Ireland")
	// An instructor's link replaces the student's work…
	p.Open("/?world=fresh&lang=en")
	p.WaitText("kept aside")
	p.Find("link", "Create an AWS Account")
	// …and the Simulator page brings it back.
	p.Open("/?lang=en#/simulator")
	p.Find("heading", "Work kept aside")
	txt := p.Text()
	if !strings.Contains(txt, "Replaced by a prepared world") {
		t.Fatalf("the work kept aside is not listed:\n%s", txt)
	}
	restore := Eval[string](p, `[...document.querySelectorAll('button[data-action="aside.restore"]')].map(b => b.getAttribute('aria-label'))[0]`)
	p.Click("button", restore)
	p.Screenshot("simulator-restore-confirm")
	p.Click("button", "Confirm")
	p.WaitText("The work kept aside was restored")
	p.Open("/?lang=en#/")
	p.Find("button", "Region: Ireland")
	p.Find("heading", "Console Home")
}
