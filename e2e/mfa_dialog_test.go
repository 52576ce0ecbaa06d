//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

// activeID is the id of the focused element ("BODY" when focus is lost).
func activeID(p *Page) string {
	return Eval[string](p, `document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : ''`)
}

// waitFocusOn waits until the element with the id has focus.
func waitFocusOn(p *Page, id string) {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for activeID(p) != id {
		if time.Now().After(deadline) {
			p.t.Fatalf("focus is on %q, not %q", activeID(p), id)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// inDialog reports whether focus is inside the open modal dialog.
func inDialog(p *Page) bool {
	return Eval[bool](p, `(() => { const d = document.querySelector('[aria-modal="true"]'); return !!d && d.contains(document.activeElement); })()`)
}

// checkTrap tabs through the open dialog more than once around, forwards
// and backwards: focus never leaves it and wraps at both ends.
func checkTrap(t *testing.T, p *Page) {
	t.Helper()
	n := Eval[int](p, `document.querySelector('[aria-modal="true"]').querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])').length`)
	if n < 2 {
		t.Fatalf("the dialog has %d focusable controls", n)
	}
	seen := map[string]int{}
	for i := 0; i < n+2; i++ {
		p.Press(kb.Tab)
		if !inDialog(p) {
			t.Fatalf("Tab %d left the dialog: focus on %q", i+1, activeID(p))
		}
		seen[Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`)]++
	}
	wrapped := false
	for _, c := range seen {
		if c > 1 {
			wrapped = true
		}
	}
	if !wrapped {
		t.Fatalf("Tab never came back to a control: %v", seen)
	}
	for i := 0; i < n+2; i++ {
		shiftTab(p)
		if !inDialog(p) {
			t.Fatalf("Shift+Tab %d left the dialog: focus on %q", i+1, activeID(p))
		}
	}
}

// TestMFADialogByKeyboard: My Security Credentials' sections open from the
// keyboard; Activate MFA opens a modal dialog named by its heading, which
// takes focus; Tab and Shift+Tab stay inside; Escape closes it and focus
// returns to Activate MFA; back and forward close and reopen it; a reload
// on its address shows it again. axe-core audits the open dialog.
func TestMFADialogByKeyboard(t *testing.T) {
	src := axeSource(t)
	p := NewPage(t)
	p.Open("/?world=demo&lang=en#/security-credentials")
	p.Find("heading", "My Security Credentials")
	bothLanguages(p, "cred-01-sections")

	// The section's heading is a button: Enter expands it, focus stays.
	p.Focus("button", "Multi-factor authentication (MFA)")
	p.Press(kb.Enter)
	waitFocusOn(p, "cred-sec-mfa")
	if got := Eval[string](p, `document.getElementById('cred-sec-mfa').getAttribute('aria-expanded')`); got != "true" {
		t.Fatalf("aria-expanded is %q after Enter", got)
	}
	p.Find("button", "Activate MFA")
	p.Press(" ")
	waitFocusOn(p, "cred-sec-mfa")
	if p.Has("button", "Activate MFA") {
		t.Fatal("Space did not collapse the section")
	}
	p.Press(kb.Enter)
	p.Press(kb.Tab)
	waitFocusOn(p, "cred-mfa-activate")

	// Activate MFA: the dialog, focus on its heading, the page behind
	// hidden from the accessibility tree.
	p.Press(kb.Enter)
	p.Find("dialog", "Manage MFA device")
	waitFocusOn(p, "mfa-dialog-title")
	if p.Has("heading", "My Security Credentials") {
		t.Fatal("the page behind the dialog is still in the accessibility tree")
	}
	p.audit(t, src, "en MFA dialog")
	checkTrap(t, p)
	bothLanguages(p, "cred-02-mfa-dialog")

	// Escape closes it; focus returns to Activate MFA.
	p.Press(kb.Escape)
	waitFocusOn(p, "cred-mfa-activate")
	if p.Has("dialog", "Manage MFA device") {
		t.Fatal("Escape did not close the dialog")
	}

	// The setup step: Cancel closes it, focus on Activate MFA again.
	p.Press(kb.Enter)
	p.Find("dialog", "Manage MFA device")
	p.Click("button", "Continue")
	p.Find("dialog", "Set up virtual MFA device")
	waitFocusOn(p, "mfa-dialog-title")
	p.Click("button", "Show QR code")
	waitFocusOn(p, "mfa-qr")
	checkTrap(t, p)
	p.audit(t, src, "en MFA setup dialog")
	p.Click("button", "Cancel")
	waitFocusOn(p, "cred-mfa-activate")

	// Back and forward: the browser's history closes and reopens it.
	p.Click("button", "Activate MFA")
	p.Find("dialog", "Manage MFA device")
	Eval[any](p, `history.back()`)
	waitFocusOn(p, "cred-mfa-activate")
	Eval[any](p, `history.forward()`)
	p.Find("dialog", "Manage MFA device")
	waitFocusOn(p, "mfa-dialog-title")

	// A reload on the dialog's address shows it again, focus inside.
	p.Reload()
	p.Find("dialog", "Manage MFA device")
	waitFocusOn(p, "mfa-dialog-title")
	p.Click("button", "Close dialog")
	waitFocusOn(p, "cred-mfa-activate")
	if !strings.HasSuffix(Eval[string](p, `location.hash`), "#/security-credentials") {
		t.Fatalf("the address is %s after closing", Eval[string](p, `location.hash`))
	}

	// Korean: the dialog's labels.
	p.Click("button", "한국어")
	p.waitLang("ko")
	p.Click("button", "MFA 활성화")
	p.Find("dialog", "MFA 디바이스 관리")
	p.audit(t, src, "ko MFA dialog")
	p.Click("button", "취소")
	waitFocusOn(p, "cred-mfa-activate")
}

// TestAdminAssignsMFAToLuna: the root user of delegation-done opens Luna's
// page by visible labels, assigns her a virtual MFA device in the dialog
// (QR code read from the screenshot with zbarimg, codes from oathtool),
// and Luna then signs in with a code of that device.
func TestAdminAssignsMFAToLuna(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=delegation-done&lang=en")
	signInRoot(p)
	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	p.Click("link", "Users")
	p.Click("link", "Luna")
	p.Find("heading", "Luna")
	p.Click("tab", "Security credentials")
	p.Find("heading", "Multi-factor authentication (MFA) (0)")
	p.Click("button", "Assign MFA device")
	p.Find("dialog", "Assign MFA device: Luna")
	waitFocusOn(p, "mfa-dialog-title")
	if v := p.Value("textbox", "Device name"); v != "Luna" {
		t.Fatalf("the device name is %q", v)
	}
	checkTrap(t, p)
	bothLanguages(p, "iam-mfa-01-assign")
	p.Click("button", "Continue")
	p.Find("dialog", "Set up virtual MFA device")
	secret, assigned := lunaScansAndAssigns(t, p, "iam-mfa-02-qr-en")
	bothLanguages(p, "iam-mfa-03-assigned")
	p.Click("button", "Close")
	waitFocusOn(p, "iam-u-mfa-assign")
	p.Find("heading", "Multi-factor authentication (MFA) (1)")
	p.WaitText("arn:aws:iam::123456789012:mfa/Luna")
	bothLanguages(p, "iam-mfa-04-user-with-device")

	// Luna signs in with a code of the device the administrator assigned.
	openAccountMenu(p)
	p.Click("button", "Sign out")
	signInAsLuna(p, "Labsim-Luna-2026!")
	p.Find("heading", "Multi-factor authentication")
	now := waitForStepAfter(assigned)
	p.Type("textbox", "MFA code", oathCode(t, secret, now))
	p.Click("button", "Submit")
	p.Find("heading", "Console Home")
}
