//go:build e2e

package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// lunaURI is the otpauth URI of Luna's own virtual MFA device.
var lunaURI = regexp.MustCompile(`^otpauth://totp/Amazon%20Web%20Services:Luna@[^?]+\?secret=([A-Z2-7]{64})&issuer=Amazon%20Web%20Services$`)

// The access-denied messages of the IAM users page for Luna.
const (
	lunaListUsers    = "User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/"
	lunaExplicitDeny = lunaListUsers + " with an explicit deny in an identity-based policy"
	lunaImplicitDeny = lunaListUsers + " because no identity-based policy allows the iam:ListUsers action"
)

// goHash moves to a route as a student typing the address would.
func goHash(p *Page, hash string) {
	p.t.Helper()
	Eval[any](p, `location.hash = '`+hash+`'`)
}

// openWhy unfolds the Why? of the page unless it is open (the page
// remembers it).
func openWhy(p *Page) {
	p.t.Helper()
	p.Find("button", "Why?")
	if Eval[string](p, `document.querySelector('.why-toggle').getAttribute('aria-expanded')`) != "true" {
		p.Click("button", "Why?")
	}
}

// openAccountMenu opens the top bar's account menu, whatever its name.
func openAccountMenu(p *Page) {
	p.t.Helper()
	p.Click("button", Eval[string](p, `document.getElementById('menu-btn-account').getAttribute('aria-label')`))
}

// signInAsLuna fills the IAM user form of the account's sign-in URL.
func signInAsLuna(p *Page, password string) {
	p.t.Helper()
	goHash(p, "#/signin/123456789012")
	p.Find("heading", "Sign in")
	if v := p.Value("textbox", "Account ID (12 digits) or account alias"); v != "123456789012" {
		p.t.Fatalf("the sign-in URL filled in %q", v)
	}
	clearField(p, "signin-user")
	clearField(p, "signin-iam-password")
	p.Type("textbox", "IAM user name", "Luna")
	p.Type("textbox", "Password", password)
	p.Click("button", "Sign in")
}

// lunaAssignsMFA assigns Luna's own virtual MFA device from her security
// credentials (allowed without MFA): the QR code read from a screenshot
// by zbarimg, two codes from oathtool. It returns the secret and the time
// step of the second code.
func lunaAssignsMFA(t *testing.T, p *Page) (string, int64) {
	t.Helper()
	openAccountMenu(p)
	p.Click("link", "My Security Credentials")
	p.Find("heading", "My Security Credentials")
	p.Click("button", "Assign MFA device")
	p.Click("button", "Continue")
	p.Find("heading", "Set up virtual MFA device")
	secret, assigned := lunaScansAndAssigns(t, p, "enforce-05-qr-en")
	p.Click("button", "Close")
	p.WaitText("arn:aws:iam::123456789012:mfa/Luna")
	return secret, assigned
}

// lunaSignsInWithMFA signs Luna out and in again with her password and a
// code of a time step after the last one used.
func lunaSignsInWithMFA(t *testing.T, p *Page, password, secret string, used int64, screenshot string) {
	t.Helper()
	openAccountMenu(p)
	p.Click("button", "Sign out")
	signInAsLuna(p, password)
	p.Find("heading", "Multi-factor authentication")
	if screenshot != "" {
		bothLanguages(p, screenshot)
	}
	now := waitForStepAfter(used)
	p.Type("textbox", "MFA code", oathCode(t, secret, now))
	p.Click("button", "Submit")
	p.Find("heading", "Console Home")
}

// eventRows is the text of the rows of the Event history's table, newest
// first.
func eventRows(p *Page) []string {
	return Eval[[]string](p, `[...document.querySelectorAll('.ct-table tbody tr')].map(r => r.innerText.replace(/\s+/g, ' '))`)
}

// waitEventRow waits until a row of the Event history's first rows holds
// every text.
func waitEventRow(p *Page, within int, texts ...string) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		rows := eventRows(p)
		for _, r := range rows[:min(within, len(rows))] {
			all := true
			for _, s := range texts {
				all = all && strings.Contains(r, s)
			}
			if all {
				return
			}
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("no event row among the first %d holds %q; rows: %q", within, texts, rows[:min(within, len(rows))])
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestLunaIsDeniedAndSeesWhy plays issue 14's scenario in Chromium, by
// visible labels: the root user works in a private window of the same
// browser while Luna, in the first tab, signs in through the account's
// sign-in URL, changes the first password the root user gave her, is
// denied the IAM users page (explicitly without MFA, implicitly with it,
// explicitly again from outside the campus network), each time with AWS's
// exact message and a Why? naming the condition key; the root user sees
// each denial arrive in CloudTrail's Event history.
func TestLunaIsDeniedAndSeesWhy(t *testing.T) {
	p := NewPageFor(t, newServer(t).URL, 6*time.Minute)
	p.Open("/?world=delegation-done&lang=en")
	p.Find("link", "Sign In to the Console")

	// A private window of the same browser (the Simulator menu's link,
	// checked below; saved work shared, a session of its own): the root
	// user signs in there and gives Luna a new password she must change
	// at her next sign-in.
	root := NewPageFor(t, p.Base, 6*time.Minute)
	root.Open("/?private=1&lang=en#/signin")
	root.Find("heading", "Sign in")
	root.Click("radio", "Root user")
	root.Type("textbox", "Root user email address", "student@example.com")
	root.Click("button", "Next")
	root.Type("textbox", "Password", "Labsim-Demo-2026!")
	root.Click("button", "Sign in")
	root.Find("heading", "Console Home")
	root.Click("link", "IAM")
	root.Click("link", "Users")
	root.Click("link", "Luna")
	root.Click("tab", "Security credentials")
	root.Click("button", "Reset password")
	root.Click("button", "Show")
	first := Eval[string](root, `document.getElementById('iam-secret').textContent`)
	if len(first) < 8 {
		t.Fatalf("the reset password shows as %q", first)
	}
	top(root)
	root.Screenshot("enforce-10-private-window-root-en")

	// Luna's tab: the account's sign-in URL.
	goHash(p, "#/signin/123456789012")
	p.Find("radio", "IAM user")
	bothLanguages(p, "enforce-01-signin-url")

	// A wrong password: AWS's one message.
	p.Type("textbox", "IAM user name", "Luna")
	p.Type("textbox", "Password", "Wrong-Pass-2026!")
	p.Click("button", "Sign in")
	p.WaitText("Your authentication information is incorrect. Please try again.")

	// Luna's first sign-in: a new password, allowed without MFA.
	const lunaNew = "Luna-Own-Pass-2026!"
	signInAsLuna(p, first)
	p.Find("heading", "Change password")
	p.Type("textbox", "Old password", first)
	p.Type("textbox", "New password", lunaNew)
	p.Type("textbox", "Retype new password", lunaNew)
	bothLanguages(p, "enforce-03-first-password")
	p.Click("button", "Confirm password change")
	p.Find("heading", "Console Home")
	if !strings.Contains(p.Text(), "Luna @ ") {
		t.Fatalf("the top bar does not name Luna")
	}
	p.Click("button", "Simulator")
	p.WaitText("Open a private window")
	if href := Eval[string](p, `document.getElementById('simulator-private').getAttribute('href')`); href != "./?private=1#/signin" {
		t.Fatalf("Open a private window links to %q", href)
	}
	p.Click("button", "Simulator")

	// Without MFA: explicitly denied, Why? names aws:MultiFactorAuthPresent.
	goHash(p, "#/iam/users")
	p.WaitText(lunaExplicitDeny)
	openWhy(p)
	p.WaitText("BoolIfExists aws:MultiFactorAuthPresent false")
	p.WaitText("DenyAllExceptListedIfNoMFA")
	bothLanguages(p, "enforce-03-denied-no-mfa-why")

	// The root user, in the other window, finds the denial in the Event
	// history, filtered to Luna's denials.
	root.Click("link", "labsim Console Home")
	root.Click("link", "CloudTrail")
	root.Find("heading", "Event history")
	choose(root, "User name", "Luna")
	choose(root, "Decision", "Denied")
	waitEventRow(root, 1, "Luna", "ListUsers", "iam.amazonaws.com", "Explicitly denied", "AccessDenied", "203.0.113.10")
	for _, r := range eventRows(root) {
		if !strings.Contains(r, "Luna") || !strings.Contains(r, "denied") {
			t.Fatalf("the filtered history shows %q", r)
		}
	}
	bothLanguages(root, "enforce-11-root-event-history")
	// The root window's last saves (its language switches) reach Luna's
	// window before she goes on, as a student sees the notice first.
	tabsQuiet(t, root, p)

	// Her own MFA device, then signed out and in again with MFA.
	secret, assigned := lunaAssignsMFA(t, p)

	lunaSignsInWithMFA(t, p, lunaNew, secret, assigned, "enforce-06-signin-mfa")

	// With MFA: no policy allows iam:ListUsers.
	goHash(p, "#/iam/users")
	p.WaitText(lunaImplicitDeny)
	openWhy(p)
	p.WaitText("No statement allows this request")
	bothLanguages(p, "enforce-07-denied-implicit-why")
	waitEventRow(root, 1, "Luna", "ListUsers", "Implicitly denied", "AccessDenied", "203.0.113.10")

	// From outside the campus network: an explicit deny again.
	p.Click("button", "Virtual phone")
	p.Click("button", "Simulated network")
	clearField(p, "devices-network-ip")
	p.Type("textbox", "Public IP address", "198.51.100.7")
	p.Click("button", "Use this address")
	p.WaitText("Your computer now uses 198.51.100.7.")
	p.Click("button", "Close the virtual devices")
	p.WaitText(lunaExplicitDeny)
	p.WaitText("NotIpAddress aws:SourceIp 203.0.113.0/24")
	p.WaitText("DenyOutsideAllowedNetwork")
	bothLanguages(p, "enforce-09-denied-source-ip-why")
	p.Reload()
	p.WaitText("Luna @ ")
	p.WaitText(lunaExplicitDeny)

	// The root user's window, never reloaded, shows it too.
	waitEventRow(root, 2, "Luna", "ListUsers", "Explicitly denied", "AccessDenied", "198.51.100.7")
	bothLanguages(root, "enforce-12-root-event-history-source-ip")
}

// tabsQuiet waits until the windows have handled every event and the
// saved document's revision has not changed for half a second: the other
// window's saves have been merged everywhere. (Two windows that kept
// answering each other's saves would time out here.)
func tabsQuiet(t *testing.T, pages ...*Page) {
	t.Helper()
	rev := func() string {
		return Eval[string](pages[0], `String(JSON.parse(localStorage.getItem('labsim:state') || '{}').revision)`)
	}
	deadline := time.Now().Add(15 * time.Second)
	last, since := rev(), time.Now()
	for time.Since(since) < 500*time.Millisecond {
		if time.Now().After(deadline) {
			t.Fatalf("the windows keep saving (revision %s)", last)
		}
		time.Sleep(50 * time.Millisecond)
		for _, p := range pages {
			p.Settle()
		}
		if r := rev(); r != last {
			last, since = r, time.Now()
		}
	}
}

// lunaScansAndAssigns shows the QR code of Luna's new device in the open
// MFA setup, reads it from a screenshot (shot) with zbarimg, types two
// consecutive codes from oathtool and assigns the device; it returns the
// secret and the time step of the second code.
func lunaScansAndAssigns(t *testing.T, p *Page, shot string) (string, int64) {
	t.Helper()
	p.Click("button", "Show QR code")
	top(p)
	uri := decodeQR(t, p, p.Screenshot(shot))
	m := lunaURI.FindStringSubmatch(uri)
	if m == nil {
		t.Fatalf("the QR code holds %q, not Luna's device", uri)
	}
	secret := m[1]
	now := time.Now()
	if now.Unix()%30 >= 27 {
		now = waitForStepAfter(mfaStep(now))
	}
	assigned := mfaStep(now)
	p.Type("textbox", "MFA code 1", oathCode(t, secret, time.Unix((assigned-1)*30+15, 0)))
	p.Type("textbox", "MFA code 2", oathCode(t, secret, time.Unix(assigned*30+15, 0)))
	p.Click("button", "Assign MFA")
	p.WaitText("You have successfully assigned virtual MFA.")
	return secret, assigned
}
