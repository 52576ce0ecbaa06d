//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// activeFocus describes document.activeElement: its id, or "BODY" when
// focus dropped to the body, and "hidden" when the element has no box.
func activeFocus(p *Page) string {
	return Eval[string](p, `(() => {
		const e = document.activeElement;
		if (!e || e === document.body) return "BODY";
		const r = e.getBoundingClientRect();
		if (r.width === 0 && r.height === 0) return "hidden:" + e.id;
		return e.id || e.tagName;
	})()`)
}

// waitFocus waits until focus is on the element with the id (the app
// moves focus after it renders).
func waitFocus(t *testing.T, p *Page, id, after string) {
	t.Helper()
	for range 100 {
		if activeFocus(p) == id {
			return
		}
		Eval[any](p, `new Promise(r => setTimeout(r, 50))`)
	}
	t.Fatalf("after %s focus is on %q, want #%s", after, activeFocus(p), id)
}

// TestFocusStaysOnVisibleElements: after Show QR code, Show secret key,
// choosing a region and closing the lab guide, focus is on a visible
// element, never <body>.
func TestFocusStaysOnVisibleElements(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	openWizardSetup(t, p, false)
	p.Click("button", "Show QR code")
	waitFocus(t, p, "mfa-qr", "Show QR code")
	p.Click("button", "Show secret key")
	waitFocus(t, p, "mfa-key", "Show secret key")

	p.Click("link", "labsim Console Home")
	p.Find("heading", "Console Home")
	Eval[any](p, `document.getElementById("menu-btn-region").click()`)
	waitFocus(t, p, "region-ap-northeast-2", "opening the Region menu")
	Eval[any](p, `document.getElementById("region-eu-west-1").click()`)
	waitFocus(t, p, "menu-btn-region", "choosing a region")

	p.Click("button", "Lab guide")
	p.Click("button", "Close the lab guide")
	waitFocus(t, p, "guide-btn", "closing the lab guide")
}

// TestAccountMenuAndSignOut: the account menu as AWS's, in both
// languages, and sign-out's note with the address replaced.
func TestAccountMenuAndSignOut(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en#/iam")
	p.Click("button", "Account menu: labsim-demo")
	for _, l := range []string{"Account", "Organization", "Service Quotas", "Billing and Cost Management", "My Security Credentials", "Settings"} {
		p.Find("link", l)
	}
	p.WaitText("1234-5678-9012")
	top(p)
	p.Screenshot("fidelity-account-menu-en")
	p.Click("button", "한국어")
	p.waitLang("ko")
	p.Click("button", "계정 메뉴: labsim-demo")
	p.Find("link", "내 보안 자격 증명")
	top(p)
	p.Screenshot("fidelity-account-menu-ko")
	p.Click("button", "English")
	p.waitLang("en")
	p.Click("button", "Account menu: labsim-demo")
	p.Click("button", "Copy account ID")
	waitFocus(t, p, "account-copy-id", "Copy account ID")
	p.Click("button", "Sign out")
	p.WaitText("You have signed out.")
	if h := Eval[string](p, `location.hash`); strings.HasPrefix(h, "#/iam") {
		t.Fatalf("the address still names %s after signing out", h)
	}
	p.Screenshot("fidelity-signed-out-en")
}

// TestKeyboardOnlySearchToIAM: from Console Home, by keyboard only: Alt+S
// puts focus in the top bar's unified search, typing "iam" lists IAM,
// Down highlights it (focus stays in the field, the highlighted option
// is its active descendant), Enter opens the IAM dashboard with focus on
// a visible element; then "users" and Down to the Users feature opens
// IAM's Users.
func TestKeyboardOnlySearchToIAM(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en#/services/s3")
	p.Click("link", "labsim Console Home")
	p.Find("heading", "Recently visited")
	p.Find("link", "S3")
	bothLanguages(p, "fidelity-console-home")
	altS := func() {
		t.Helper()
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent("s", chromedp.KeyModifiers(chromedp.ModifierAlt))); err != nil {
			t.Fatal(err)
		}
		waitFocus(t, p, "search-input", "Alt+S")
	}
	altS()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("iam")); err != nil {
		t.Fatal(err)
	}
	p.Find("option", "IAM Manage access to AWS resources")
	p.Find("option", "Users IAM feature")
	p.Press(kb.ArrowDown)
	if a := Eval[string](p, `document.getElementById("search-input").getAttribute("aria-activedescendant")`); a != "search-opt-0" {
		t.Fatalf("after Down the active option is %q", a)
	}
	waitFocus(t, p, "search-input", "Down")
	top(p)
	p.Screenshot("topbar-search-iam-en")
	p.Press(kb.Enter)
	p.Find("heading", "IAM dashboard")
	if h := Eval[string](p, `location.hash`); h != "#/iam" {
		t.Fatalf("address %q after Enter, want #/iam", h)
	}
	if f := activeFocus(p); f == "BODY" || strings.HasPrefix(f, "hidden") {
		t.Fatalf("focus on %s after opening IAM", f)
	}

	altS()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("users")); err != nil {
		t.Fatal(err)
	}
	p.Find("option", "Users IAM feature")
	for Eval[string](p, `(document.getElementById(document.getElementById("search-input").getAttribute("aria-activedescendant") || "x") || {}).textContent || ""`) != "Users IAM feature" {
		p.Press(kb.ArrowDown)
	}
	p.Press(kb.Enter)
	p.Find("heading", "Users (0)")
	if h := Eval[string](p, `location.hash`); h != "#/iam/users" {
		t.Fatalf("address %q after Enter on Users, want #/iam/users", h)
	}
	if f := activeFocus(p); f == "BODY" || strings.HasPrefix(f, "hidden") {
		t.Fatalf("focus on %s after opening Users", f)
	}
}

// TestGuideAndPhoneTogetherAt1366: with the lab guide docked and the phone
// drawer open at 1366×768, the page keeps at least 800px (the drawer
// overlays instead of squeezing it).
func TestGuideAndPhoneTogetherAt1366(t *testing.T) {
	p := NewPage(t)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		t.Fatal(err)
	}
	p.Open("/?world=demo&lang=ko")
	p.Click("button", "실습 가이드")
	p.Click("button", "가상 휴대폰")
	p.Find("complementary", "가상 장치")
	w := Eval[float64](p, `document.getElementById("main").getBoundingClientRect().width`)
	if w < 800 {
		t.Fatalf("the page is %.0fpx wide with the guide and the phone open", w)
	}
	p.Screenshot("fidelity-guide-and-phone-1366-ko")
}

// TestSecurityCredentialsRootKeyAndPassword: My Security Credentials by
// visible labels: a root access key after AWS's warning (the secret shown
// once, focus on it), deleted again; screenshots in both languages.
func TestSecurityCredentialsRootKeyAndPassword(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Account menu: labsim-demo")
	p.Click("link", "My Security Credentials")
	p.Find("heading", "Access keys (access key ID and secret access key)")
	p.Click("button", "Password")
	p.Click("button", "Access keys (access key ID and secret access key)")
	bothLanguages(p, "fidelity-credentials")
	p.Click("button", "Create access key")
	waitFocus(t, p, "cred-key-confirm", "Create access key")
	p.Click("button", "Create access key")
	waitFocus(t, p, "cred-key-created", "confirming")
	p.WaitText("This is the only time the secret access key can be seen.")
	p.Screenshot("fidelity-credentials-key-en")
	id := Eval[string](p, `document.querySelector("[data-action='mfa.rootkeyDelete']").getAttribute("data-arg")`)
	p.Click("button", "Delete access key "+id)
	waitFocus(t, p, "cred-key-create", "Delete")
	p.Type("textbox", "Current password", "Labsim-Demo-2026!")
	p.Type("textbox", "New password", "Labsim-New-2026!")
	p.Type("textbox", "Confirm new password", "Labsim-New-2026!")
	p.Click("button", "Change password")
	p.WaitText("Your password has been changed.")
	waitFocus(t, p, "cred-password-done", "Change password")
}
