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
func signInAsLuna(p *Page) {
	p.t.Helper()
	goHash(p, "#/signin/123456789012")
	p.Find("heading", "Sign in")
	if v := p.Value("textbox", "Account ID (12 digits) or account alias"); v != "123456789012" {
		p.t.Fatalf("the sign-in URL filled in %q", v)
	}
	clearField(p, "signin-user")
	clearField(p, "signin-iam-password")
	p.Type("textbox", "IAM user name", "Luna")
	p.Type("textbox", "Password", "Labsim-Luna-2026!")
	p.Click("button", "Sign in")
}

func TestLunaIsDeniedAndSeesWhy(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=delegation-done&lang=en#/signin/123456789012")
	p.Find("radio", "IAM user")
	bothLanguages(p, "enforce-01-signin-url")

	// A wrong password: AWS's one message.
	p.Type("textbox", "IAM user name", "Luna")
	p.Type("textbox", "Password", "Wrong-Pass-2026!")
	p.Click("button", "Sign in")
	p.WaitText("Your authentication information is incorrect. Please try again.")
	bothLanguages(p, "enforce-02-signin-failed")

	signInAsLuna(p)
	p.Find("heading", "Console Home")
	if !strings.Contains(p.Text(), "Luna @ ") {
		t.Fatalf("the top bar does not name Luna")
	}

	// Without MFA: explicitly denied, Why? names aws:MultiFactorAuthPresent.
	goHash(p, "#/iam/users")
	p.WaitText(lunaExplicitDeny)
	openWhy(p)
	p.WaitText("BoolIfExists aws:MultiFactorAuthPresent false")
	p.WaitText("DenyAllExceptListedIfNoMFA")
	bothLanguages(p, "enforce-03-denied-no-mfa-why")

	// Her own MFA device, allowed without MFA.
	openAccountMenu(p)
	p.Click("link", "My Security Credentials")
	p.Find("heading", "My Security Credentials")
	bothLanguages(p, "enforce-04-own-credentials")
	p.Click("button", "Assign MFA device")
	p.Click("button", "Continue")
	p.Find("heading", "Set up virtual MFA device")
	p.Click("button", "Show QR code")
	top(p)
	shot := p.Screenshot("enforce-05-qr-en")
	uri := decodeQR(t, p, shot)
	m := lunaURI.FindStringSubmatch(uri)
	if m == nil {
		t.Fatalf("the QR code holds %q", uri)
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
	p.Click("button", "Close")
	p.WaitText("arn:aws:iam::123456789012:mfa/Luna")

	// Signed out and in again with MFA.
	openAccountMenu(p)
	p.Click("button", "Sign out")
	signInAsLuna(p)
	p.Find("heading", "Multi-factor authentication")
	bothLanguages(p, "enforce-06-signin-mfa")
	now = waitForStepAfter(assigned)
	p.Type("textbox", "MFA code", oathCode(t, secret, now))
	p.Click("button", "Submit")
	p.Find("heading", "Console Home")

	// With MFA: no policy allows iam:ListUsers.
	goHash(p, "#/iam/users")
	p.WaitText(lunaImplicitDeny)
	openWhy(p)
	p.WaitText("No statement allows this request")
	bothLanguages(p, "enforce-07-denied-implicit-why")

	// From outside the campus network: an explicit deny again.
	p.Click("button", "Virtual phone")
	p.Click("button", "Simulated network")
	clearField(p, "devices-network-ip")
	p.Type("textbox", "Public IP address", "198.51.100.7")
	p.Click("button", "Use this address")
	p.WaitText("Your computer now uses 198.51.100.7.")
	bothLanguages(p, "enforce-08-simulated-network")
	p.Click("button", "Close the virtual devices")
	p.WaitText(lunaExplicitDeny)
	p.WaitText("NotIpAddress aws:SourceIp 203.0.113.0/24")
	p.WaitText("DenyOutsideAllowedNetwork")
	bothLanguages(p, "enforce-09-denied-source-ip-why")

	// A private window of the same browser: the root user signs in there
	// while this tab stays Luna's.
	p.Click("button", "Simulator")
	p.WaitText("Open a private window")
	if href := Eval[string](p, `document.getElementById('simulator-private').getAttribute('href')`); href != "./?private=1#/signin" {
		t.Fatalf("Open a private window links to %q", href)
	}
	root := NewPageOn(t, p.Base)
	root.Open("/?private=1&lang=en#/signin")
	root.Find("heading", "Sign in")
	root.Click("radio", "Root user")
	root.Type("textbox", "Root user email address", "student@example.com")
	root.Click("button", "Next")
	root.Type("textbox", "Password", "Labsim-Demo-2026!")
	root.Click("button", "Sign in")
	root.Find("heading", "Console Home")
	goHash(root, "#/iam/users")
	root.Find("link", "Luna")
	top(root)
	root.Screenshot("enforce-10-private-window-root-en")
	// Luna's tab, reloaded, is still Luna's and still denied.
	p.Reload()
	p.WaitText("Luna @ ")
	p.WaitText(lunaExplicitDeny)
}
