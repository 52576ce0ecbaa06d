//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// These tests check what a first visit (entry.wasm) must offer as the full
// console does: keyboard focus after the hand-over, every message of the
// pages it serves, the virtual phone's Authenticator app and the landing
// page's Lab guide button, the language of the hand-over's loading bar
// and errors. They were written against the first two-binary
// build, where each of them failed (see the commit message).

// TestFirstVisitHandOverFocusesThePageTitle: the hand-over replaces the
// page under the student's keyboard; focus must land on the new page's
// title, as on any other page change, not on <body>.
func TestFirstVisitHandOverFocusesThePageTitle(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en")
	requireBinary(t, p, "the landing page", "entry.wasm", 1, 0)
	p.Click("link", "Sign In to the Console")
	waitConsole(t, p)
	p.suWaitHeading("Sign in")
	if got, seen := focusedElement(p); got != "#page-title" || !seen {
		t.Fatalf("after the hand-over keyboard focus is on %s (visible %v), want the sign-in page's title #page-title", got, seen)
	}
}

// TestFirstVisitPagesShowNoMessageKeys visits, in both languages, every
// page and drawer screen the first-visit binary serves itself and checks
// that each message is in its catalog.
func TestFirstVisitPagesShowNoMessageKeys(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		p := NewPage(t)
		p.Open("/?lang=" + lang)
		for _, h := range []string{"#/", "#/signup/1", "#/info/support-plans", "#/info/sales", "#/info/account",
			"#/info/organization", "#/info/quotas", "#/info/billing", "#/info/settings"} {
			p.goHash(h)
			requireTranslated(t, p, lang+" "+h)
		}
		p.goHash("#/signup/1")
		p.clickAction("devices.open", "phone")
		requireTranslated(t, p, lang+" the phone's home screen")
		for _, app := range []string{"messages", "calls", "authenticator"} {
			p.clickAction("devices.app", app)
			requireTranslated(t, p, lang+" the phone's app "+app)
			p.clickAction("devices.home", "")
		}
		for _, tab := range []string{"inbox", "network"} {
			p.clickAction("devices.tab", tab)
			requireTranslated(t, p, lang+" the drawer's "+tab)
		}
		requireBinary(t, p, lang+" after every page", "entry.wasm", 1, 0)
	}
}

// TestFirstVisitPhoneAuthenticatorAddsAnAccount uses the virtual phone's
// Authenticator app from the sign-up page of a first visit: it shows and
// adds an account by its setup key, whichever binary serves it.
func TestFirstVisitPhoneAuthenticatorAddsAnAccount(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en#/signup/1")
	requireBinary(t, p, "the sign-up", "entry.wasm", 1, 0)
	p.Click("button", "Virtual phone")
	p.Click("button", "Authenticator")
	p.Click("button", "Add account")
	p.Click("button", "Enter a setup key")
	p.Type("textbox", "Account name", "first-visit")
	p.Type("textbox", "Your key", "JBSWY3DPEHPK3PXP")
	p.Click("button", "Add")
	p.WaitText("first-visit")
	if got := stored(p).accounts(); len(got) != 1 || got[0] != "first-visit" {
		t.Fatalf("the saved authenticator accounts are %v", got)
	}
}

// TestFirstVisitLandingOffersTheLabGuide: the landing page of a first
// visit has the Lab guide button of the full console's landing page, and
// it opens the guide (in the full console, after the hand-over).
func TestFirstVisitLandingOffersTheLabGuide(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en")
	requireBinary(t, p, "the landing page", "entry.wasm", 1, 0)
	p.Click("button", "Lab guide")
	p.Find("complementary", "Lab guide")
	p.Find("button", "Start lab: Create an AWS account")
}

// TestFirstVisitHandOverSpeaksTheChosenLanguage: a student who opened the
// site in English and chose 한국어 on the landing page sees the hand-over's
// loading bar and errors in Korean. app.js picks its texts once, from the
// first address; the failed download shows them without a race.
func TestFirstVisitHandOverSpeaksTheChosenLanguage(t *testing.T) {
	p := pageWithBrokenBinary(t, "main.wasm")
	p.Open("/?lang=en")
	requireBinary(t, p, "the landing page", "entry.wasm", 1, 0)
	p.Click("button", "한국어")
	p.Find("heading", "오프라인으로 실행되는 콘솔에서 AWS 배우기")
	p.Click("link", "콘솔에 로그인")
	p.WaitText("main.wasm: HTTP 500")
	if got := Eval[string](p, `document.getElementById('fatal').innerText`); !strings.Contains(got, "시뮬레이터를 불러오지 못했습니다: main.wasm: HTTP 500") {
		t.Fatalf("the failed hand-over of a Korean page says %q", got)
	}
	p.Find("button", "다시 불러오기")
}

// TestFirstVisitInstructorSiteLoadsTheFullConsole: a site built with an
// instructor's labs (<html data-labs="labs">) is read by the full console
// only (wasm/embed_entry.go: the first-visit binary is not loaded "without
// ... instructor labs"), so its first visit loads main.wasm and shows the
// instructor's notice at once.
func TestFirstVisitInstructorSiteLoadsTheFullConsole(t *testing.T) {
	p := NewPageOn(t, siteWithLabs(t))
	p.Open("/?lang=en")
	p.Find("heading", "Learn AWS in a console that runs offline")
	p.WaitText("Some of your instructor's lab files could not be offered. The lab guide lists why.")
	requireBinary(t, p, "an instructor's site", "main.wasm", 0, 1)
}
