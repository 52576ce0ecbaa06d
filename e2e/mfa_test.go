//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The MFA tests run in real time: a TOTP step is 30 s, assigning uses up
// the step of MFA code 2, and a sign-in needs a later step. Each test
// therefore waits for at most one step boundary per used-up step (about
// 30 s), computed from the clock rather than slept blindly.

// mfaURI is the otpauth URI AWS puts in the QR code, for the demo account.
var mfaURI = regexp.MustCompile(`^otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012\?secret=([A-Z2-7]{64})&issuer=Amazon%20Web%20Services$`)

// mfaStep is the TOTP time step of t.
func mfaStep(t time.Time) int64 { return t.Unix() / 30 }

// oathCode computes the code of a base32 secret at a time with oathtool,
// a TOTP implementation independent of the simulator's.
func oathCode(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	out, err := exec.Command("oathtool", "--totp", "-b", secret, "-N", fmt.Sprintf("@%d", at.Unix())).Output()
	if err != nil {
		t.Fatalf("oathtool: %v (install the Debian package oathtool)", err)
	}
	code := strings.TrimSpace(string(out))
	if len(code) != 6 {
		t.Fatalf("oathtool printed %q", code)
	}
	return code
}

// waitForStepAfter waits until the time step after step has begun (plus a
// second of margin) and returns the time then.
func waitForStepAfter(step int64) time.Time {
	start := time.Unix((step+1)*30, 0).Add(time.Second)
	if d := time.Until(start); d > 0 {
		time.Sleep(d)
	}
	return time.Now()
}

// bothLanguages takes a screenshot of the page in English, switches to
// Korean for a second one, and switches back.
func bothLanguages(p *Page, name string) {
	p.t.Helper()
	top(p)
	p.Screenshot(name + "-en")
	p.Click("button", "한국어")
	p.waitLang("ko")
	top(p)
	p.Screenshot(name + "-ko")
	p.Click("button", "English")
	p.waitLang("en")
}

// top scrolls to the top so that the sticky top bar does not cover the
// page in a full-page screenshot.
func top(p *Page) { Eval[any](p, `window.scrollTo(0, 0)`) }

// waitLang waits until the page is rendered in the language.
func (p *Page) waitLang(lang string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for Eval[string](p, `document.getElementById('app').getAttribute('lang')`) != lang {
		if time.Now().After(deadline) {
			p.t.Fatalf("the page never switched to %s", lang)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// clearField empties a field as a student selecting its text and deleting
// it would: the page hears an input event.
func clearField(p *Page, id string) {
	p.t.Helper()
	Eval[any](p, `(() => { const e = document.getElementById('`+id+`'); e.value = '';
		e.dispatchEvent(new Event('input', {bubbles: true})); })()`)
}

// decodeQR crops the QR image out of a full-page screenshot and decodes it
// from the pixels with zbarimg, then decodes a copy scaled to 50 % too. It
// returns the text, which must be the same both times.
func decodeQR(t *testing.T, p *Page, shot string) string {
	t.Helper()
	raw, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("read screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	r := Eval[map[string]float64](p, `(() => { const r = document.getElementById('mfa-qr').getBoundingClientRect();
		return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, dpr: devicePixelRatio}; })()`)
	dpr := r["dpr"]
	if r["w"] < 6*(21+8) {
		t.Fatalf("the QR code is drawn %v CSS px wide: under 6 px per module", r["w"])
	}
	const margin = 16
	crop := image.Rect(int((r["x"]-margin)*dpr), int((r["y"]-margin)*dpr), int((r["x"]+r["w"]+margin)*dpr), int((r["y"]+r["h"]+margin)*dpr)).Intersect(img.Bounds())
	full := image.NewRGBA(image.Rect(0, 0, crop.Dx(), crop.Dy()))
	draw.Draw(full, full.Bounds(), img, crop.Min, draw.Src)
	text := zbar(t, full, "qr-full.png")

	half := image.NewRGBA(image.Rect(0, 0, crop.Dx()/2, crop.Dy()/2))
	for y := 0; y < half.Bounds().Dy(); y++ {
		for x := 0; x < half.Bounds().Dx(); x++ {
			half.Set(x, y, full.At(2*x, 2*y)) // nearest neighbour
		}
	}
	if got := zbar(t, half, "qr-half.png"); got != text {
		t.Fatalf("the 50%% copy decodes to %q, the full one to %q", got, text)
	}
	return text
}

// zbar writes img as a PNG and decodes it with zbarimg.
func zbar(t *testing.T, img image.Image, name string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("zbarimg", "--raw", "-q", file).Output()
	if err != nil {
		t.Fatalf("zbarimg could not read %s: %v (install the Debian package zbar-tools)", name, err)
	}
	return strings.TrimSpace(string(out))
}

// openWizardSetup goes from Console Home to the setup step the textbook's
// way: account name → My Security Credentials → Multi-factor
// authentication (MFA) → Activate MFA → Virtual MFA device → Continue, in
// the modal dialog over the page, taking screenshots in both languages.
func openWizardSetup(t *testing.T, p *Page, shots bool) {
	t.Helper()
	p.Click("button", "Account menu: labsim-demo")
	p.Click("link", "My Security Credentials")
	p.Find("heading", "My Security Credentials")
	if shots {
		bothLanguages(p, "mfa-01-credentials")
	}
	p.Click("button", "Multi-factor authentication (MFA)")
	if shots {
		bothLanguages(p, "mfa-01-credentials-mfa-open")
	}
	p.Click("button", "Activate MFA")
	p.Find("dialog", "Manage MFA device")
	p.Find("radio", "Virtual MFA device")
	if shots {
		bothLanguages(p, "mfa-02-device-type")
	}
	p.Click("button", "Continue")
	p.Find("dialog", "Set up virtual MFA device")
}

// signInAsRoot signs out and back in with the demo root password, up to
// the MFA page.
func signInAsRoot(t *testing.T, p *Page, shots bool) {
	t.Helper()
	p.Click("button", "Account menu: labsim-demo")
	p.Click("button", "Sign out")
	p.Click("link", "Sign In to the Console")
	p.Type("textbox", "Root user email address", "student@example.com")
	p.Click("button", "Next")
	p.Type("textbox", "Password", "Labsim-Demo-2026!")
	p.Click("button", "Sign in")
	p.Find("heading", "Multi-factor authentication")
	if shots {
		bothLanguages(p, "mfa-07-signin-mfa")
	}
}

func TestMFAWithARealQRCode(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	openWizardSetup(t, p, true)
	bothLanguages(p, "mfa-03-setup")
	p.Click("button", "Show QR code")
	p.Find("image", "QR code of the virtual MFA device for 123456789012")
	top(p)
	shot := p.Screenshot("mfa-04-qr-en")
	uri := decodeQR(t, p, shot)
	m := mfaURI.FindStringSubmatch(uri)
	if m == nil {
		t.Fatalf("the QR code holds %q", uri)
	}
	secret := m[1]
	p.Click("button", "한국어")
	p.waitLang("ko")
	p.Screenshot("mfa-04-qr-ko")
	p.Click("button", "English")
	p.waitLang("en")

	// Show secret key shows the same secret as the picture.
	p.Click("button", "Show secret key")
	if key := Eval[string](p, `document.getElementById('mfa-key').textContent`); key != secret {
		t.Fatalf("Show secret key shows %q, the QR code %q", key, secret)
	}

	// A wrong pair first: the error is next to the fields.
	p.Type("textbox", "MFA code 1", "123456")
	p.Type("textbox", "MFA code 2", "12345")
	p.Click("button", "Assign MFA")
	p.WaitText("MFA code 2 must be exactly 6 digits.")
	bothLanguages(p, "mfa-05-format-error")

	// Two consecutive codes from oathtool: the previous step and this one.
	now := time.Now()
	if now.Unix()%30 >= 27 {
		now = waitForStepAfter(mfaStep(now))
	}
	assignedStep := mfaStep(now)
	code1 := oathCode(t, secret, time.Unix((assignedStep-1)*30+15, 0))
	code2 := oathCode(t, secret, time.Unix(assignedStep*30+15, 0))
	clearField(p, "mfa-code1")
	clearField(p, "mfa-code2")
	p.Type("textbox", "MFA code 1", code1)
	p.Type("textbox", "MFA code 2", code2)
	p.Click("button", "Assign MFA")
	p.WaitText("You have successfully assigned virtual MFA.")
	bothLanguages(p, "mfa-06-assigned")
	p.Click("button", "Close")
	p.WaitText("arn:aws:iam::123456789012:mfa/root-account-mfa-device")
	bothLanguages(p, "mfa-06-credentials-with-device")

	signInAsRoot(t, p, true)

	// Neither assigned code signs in; a code of a later step does.
	p.Type("textbox", "MFA code", code2)
	p.Click("button", "Submit")
	p.WaitText("Your authentication information is incorrect. Please try again.")
	bothLanguages(p, "mfa-08-signin-refused")
	now = waitForStepAfter(assignedStep)
	clearField(p, "signinmfa-code")
	p.Type("textbox", "MFA code", oathCode(t, secret, now))
	p.Click("button", "Submit")
	p.Find("heading", "Console Home")
	bothLanguages(p, "mfa-09-signed-in")

	// The IAM dashboard now says the root user has MFA.
	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	p.Find("heading", "Root user has MFA")
	bothLanguages(p, "mfa-10-iam-dashboard")
}

func TestMFAWithTheBuiltInAuthenticator(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	// The IAM dashboard's recommendation leads to the wizard too.
	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	p.Find("heading", "Add MFA for root user")
	bothLanguages(p, "auth-01-iam-dashboard")
	p.Click("button", "Add MFA")
	p.Click("button", "Continue")
	p.Click("button", "Show QR code")

	// The virtual phone's Authenticator scans the QR code on the screen.
	p.Click("button", "Virtual phone")
	p.Click("button", "Authenticator")
	p.Click("button", "Add account")
	bothLanguages(p, "auth-02-add-account")
	p.Click("button", "Scan a QR code")
	// The app's list item is named by its visible label; its code is the
	// big number in it.
	const label = "Amazon Web Services: root-account-mfa-device@123456789012"
	p.Find("listitem", label)
	bothLanguages(p, "auth-03-code")
	read := func() string {
		return strings.ReplaceAll(Eval[string](p, `[...document.querySelectorAll('.auth-entry')]
			.find(e => e.querySelector('.auth-label').textContent === '`+label+`')
			.querySelector('.auth-code').textContent`), " ", "")
	}

	// Code 1 now; code 2 once the app shows the next one.
	code1 := read()
	deadline := time.Now().Add(35 * time.Second)
	code2 := code1
	for code2 == code1 {
		if time.Now().After(deadline) {
			t.Fatal("the app's code never changed")
		}
		time.Sleep(200 * time.Millisecond)
		code2 = read()
	}
	assignedStep := mfaStep(time.Now())
	p.Type("textbox", "MFA code 1", code1)
	p.Type("textbox", "MFA code 2", code2)
	p.Click("button", "Assign MFA")
	p.WaitText("You have successfully assigned virtual MFA.")
	p.Click("button", "Close")

	// Put the phone away (its drawer covers the account menu) and sign in
	// again.
	p.Click("button", "Virtual phone")
	signInAsRoot(t, p, false)
	// The app keeps the account: wait for a code of a step not used yet.
	waitForStepAfter(assignedStep)
	if !p.Has("listitem", label) {
		p.Click("button", "Virtual phone")
		if !p.Has("listitem", label) {
			p.Click("button", "Authenticator")
		}
	}
	p.Find("listitem", label)
	bothLanguages(p, "auth-04-signin-with-app")
	p.Type("textbox", "MFA code", read())
	p.Click("button", "Submit")
	p.Find("heading", "Console Home")
}

func TestMFATroubleshootWithAlternativeFactors(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=root-mfa&lang=en")
	p.Click("link", "Sign In to the Console")
	p.Type("textbox", "Root user email address", "student@example.com")
	p.Click("button", "Next")
	p.Type("textbox", "Password", "Labsim-Demo-2026!")
	p.Click("button", "Sign in")
	p.Find("heading", "Multi-factor authentication")
	p.Click("link", "Troubleshoot MFA")
	p.Find("heading", "Troubleshoot MFA")
	bothLanguages(p, "ts-01-troubleshoot")
	p.Click("button", "Sign in using alternative factors")
	p.Click("button", "Send verification email")
	p.Find("textbox", "Email verification code")
	bothLanguages(p, "ts-02-email-sent")

	// The code is in the virtual inbox.
	p.Click("button", "Inbox")
	p.Click("button", "Amazon Web Services: verify your email address to sign in")
	m := regexp.MustCompile(`verification code is (\d{6})`).FindStringSubmatch(Eval[string](p, `document.querySelector('.email').innerText`))
	if m == nil {
		t.Fatalf("no code in the email:\n%s", p.Text())
	}
	p.Screenshot("ts-03-email-en")
	p.Click("button", "Inbox") // put the drawer away
	p.Type("textbox", "Email verification code", m[1])
	p.Click("button", "Verify email address")
	p.WaitText("Email address verified.")

	// The call: the page shows a number to type on the phone's keypad.
	p.Click("button", "Call me now")
	pin := Eval[string](p, `document.querySelector('#signinmfa-pin .pin').textContent`)
	if len(pin) != 4 {
		t.Fatalf("pin %q", pin)
	}
	bothLanguages(p, "ts-04-call")
	p.Click("button", "Virtual phone")
	p.Click("button", "Answer")
	for _, d := range pin {
		p.Click("button", string(d))
	}
	p.WaitText("Phone number verified.")
	bothLanguages(p, "ts-05-phone-verified")
	p.Click("button", "Virtual phone")
	p.Click("button", "Sign in to the console")
	p.Find("heading", "Console Home")
	p.WaitText("You signed in with alternative factors of authentication.")
	bothLanguages(p, "ts-06-signed-in")
}
