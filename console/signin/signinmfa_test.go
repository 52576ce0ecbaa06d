package signin_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/mfa"
)

func TestSigninMFAPage(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	find(t, m, "heading", "Multi-factor authentication")
	require.True(t, ui.ContainsText(View(m), "Your account is secured using multi-factor authentication (MFA)."))
	find(t, m, "textbox", "MFA code")
	find(t, m, "button", "Submit")
	find(t, m, "link", "Troubleshoot MFA")
	checkPseudo(t, mfaPseudo(m))

	// Busy while the password is checked again.
	code := mfaCodeAt(t, mfa.DemoSecret, mfaT1, 0)
	busy, fx := Update(m, Submit{Now: mfaT1, Form: "signinmfa.submit", Values: map[string]string{"signinmfa.code": code}})
	require.Len(t, effectsOf[Next](fx), 1)
	find(t, busy, "button", "Signing in…")
	checkPseudo(t, mfaPseudo(busy))

	m, fx = runNext(busy, fx)
	require.True(t, m.Session.SignedIn())
	require.True(t, m.Session.Root)
	require.Equal(t, mfaT1, m.Session.MFAAt)
	require.Equal(t, "#/", m.UI.Route)
	require.Contains(t, fx, Effect(Focus{ID: "page-title"}))
	require.Empty(t, m.Secrets["signin.password"], "the password is forgotten")
	require.Empty(t, m.Field("signinmfa.code"))
	ev := lastEvent(m)
	require.Equal(t, "signin:ConsoleLogin", ev.Action)
	require.Equal(t, "true", ev.Detail["mfa"])
	require.Equal(t, mfa.Step(mfaT1), m.World.Accounts[sim.DemoAccountID].RootMFA[0].LastUsedStep)
}

func TestSigninMFACodes(t *testing.T) {
	c := func(k int64) string { return mfaCodeAt(t, mfa.DemoSecret, mfaT1, k) }
	tests := []struct {
		name string
		code string
		ok   bool
	}{
		{"current", c(0), true},
		{"one step behind", c(-1), true},
		{"one step ahead", c(1), true},
		{"typed with a space", c(0)[:3] + " " + c(0)[3:], true},
		{"two steps behind", c(-2), false},
		{"two steps ahead", c(2), false},
		{"wrong", "000000", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "wrong" && (c(0) == "000000" || c(-1) == "000000" || c(1) == "000000") {
				t.Skip("the code happens to be 000000")
			}
			m := toSigninMFA(t, mfaT1)
			m, fx := submitCode(m, mfaT1, tt.code)
			require.Equal(t, tt.ok, m.Session.SignedIn())
			if tt.ok {
				return
			}
			require.Equal(t, "#/signin-mfa", m.UI.Route)
			require.Equal(t, []Focus{{ID: "signinmfa-code"}}, effectsOf[Focus](fx))
			alert, ok := ui.ByID(View(m), "signinmfa-failed")
			require.True(t, ok)
			require.Contains(t, alert.TextContent(), "Authentication failed")
			require.Contains(t, alert.TextContent(), "Your authentication information is incorrect. Please try again.")
			in := find(t, m, "textbox", "MFA code")
			v, _ := in.Attr("value")
			require.Equal(t, tt.code, v, "nothing typed is lost")
			d, _ := in.Attr("aria-describedby")
			require.Equal(t, "signinmfa-failed", d)
			require.Equal(t, "InvalidAuthenticationCode", lastEvent(m).ErrorCode)
			checkPseudo(t, mfaPseudo(m))
		})
	}
}

func TestSigninMFAFormatErrorsAskNothing(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	n := len(m.World.Events)
	for _, code := range []string{"", "12345", "1234567", "12a456"} {
		m2, fx := submitCode(m, mfaT1, code)
		require.Empty(t, effectsOf[Next](fx))
		require.Len(t, m2.World.Events, n, "a malformed code is refused by the page")
		e, ok := ui.ByID(View(m2), "signinmfa-code-error")
		require.True(t, ok, code)
		require.Equal(t, "The MFA code must be exactly 6 digits.", e.TextContent())
		checkPseudo(t, mfaPseudo(m2))
	}
}

func TestSigninMFAReplayedStepIsRefused(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	code := mfaCodeAt(t, mfa.DemoSecret, mfaT1, 0)
	m, _ = submitCode(m, mfaT1, code)
	require.True(t, m.Session.SignedIn())
	m = click(m, "signout", "")
	require.False(t, m.Session.SignedIn())
	world := m.World

	// Same code, a few seconds later: the step is used up.
	m = toSigninMFA(t, mfaT1)
	m.World = world
	later := mfaT1.Add(5 * time.Second)
	m, _ = submitCode(m, later, code)
	require.False(t, m.Session.SignedIn())
	_, ok := ui.ByID(View(m), "signinmfa-failed")
	require.True(t, ok, "a replayed code gets the normal message")

	// The next step's code works.
	next := mfa.StepStart(mfa.Step(mfaT1) + 1).Add(time.Second)
	m, _ = submitCode(m, next, mfaCodeAt(t, mfa.DemoSecret, next, 0))
	require.True(t, m.Session.SignedIn())
}

func TestSigninMFAHintAfterThreeFailures(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	for range 3 {
		m, _ = submitCode(m, mfaT1, "999999")
	}
	if m.Session.SignedIn() {
		t.Skip("999999 happens to be a valid code")
	}
	require.True(t, ui.ContainsText(View(m), `root-account-mfa-device@123456789012`))
}

func TestSigninMFAAfterReloadAsksForThePasswordAgain(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	data, err := m.Encode(m.Revision)
	require.NoError(t, err)
	r, _ := Update(Model{}, Init{Now: mfaT1, Seed: [32]byte{3}, Saved: data, Hash: "#/signin-mfa", Query: map[string]string{"lang": "en"}})
	require.Equal(t, "#/signin-mfa", r.UI.Route)
	require.True(t, ui.ContainsText(View(r), "Your sign-in has expired"))
	link := find(t, r, "link", "Sign in again")
	href, _ := link.Attr("href")
	require.Equal(t, "#/signin/password", href)
	checkPseudo(t, mfaPseudo(r))
}

func TestSigninMFACancel(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	m, _ = mfaPress(t, m, mfaT1, "button", "Cancel")
	require.Equal(t, "#/signin", m.UI.Route)
	require.Empty(t, m.Secrets["signin.password"])
}

func TestSigninMFATroubleshootAlternativeFactors(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	m, _ = Update(m, Navigate{Now: mfaT1, Hash: "#/signin-mfa/troubleshoot"})
	find(t, m, "heading", "Troubleshoot MFA")
	checkPseudo(t, mfaPseudo(m))
	m, _ = mfaPress(t, m, mfaT1, "button", "Sign in using alternative factors")
	require.Equal(t, "#/signin-mfa/alternative", m.UI.Route)
	find(t, m, "heading", "Step 1: Email address verification")
	checkPseudo(t, mfaPseudo(m))

	// Step 1: the email.
	m, _ = mfaPress(t, m, mfaT1, "button", "Send verification email")
	mail := m.World.Devices.Inbox[len(m.World.Devices.Inbox)-1]
	require.Equal(t, sim.RecoveryMailSubjectKey, mail.SubjectKey)
	require.Equal(t, sim.DemoEmail, mail.To)
	find(t, m, "textbox", "Email verification code")
	checkPseudo(t, mfaPseudo(m))
	wrong := "000000"
	if mail.Args["code"] == wrong {
		wrong = "111111"
	}
	m2, fx := Update(m, Submit{Now: mfaT1, Form: "signinmfa.verifyEmail", Values: map[string]string{"signinmfa.emailcode": wrong}})
	require.Equal(t, []Focus{{ID: "signinmfa-emailcode"}}, effectsOf[Focus](fx))
	e, ok := ui.ByID(View(m2), "signinmfa-emailcode-error")
	require.True(t, ok)
	require.Contains(t, e.TextContent(), "This code is not valid.")
	checkPseudo(t, mfaPseudo(m2))
	m, _ = Update(m, Submit{Now: mfaT1, Form: "signinmfa.verifyEmail", Values: map[string]string{"signinmfa.emailcode": mail.Args["code"]}})
	require.True(t, ui.ContainsText(View(m), "Email address verified."))
	checkPseudo(t, mfaPseudo(m))

	// Step 2: the call; the page shows the number to type on the phone.
	m, _ = mfaPress(t, m, mfaT1, "button", "Call me now")
	call, ok := m.World.Devices.RingingCall()
	require.True(t, ok)
	require.Equal(t, sim.RecoveryCallTextKey, call.TextKey)
	pin := call.Args["pin"]
	require.Len(t, pin, account.VoicePINDigits)
	pinRow, ok := ui.ByID(View(m), "signinmfa-pin")
	require.True(t, ok)
	require.Equal(t, "Number to type on the phone: "+pin, pinRow.TextContent())
	checkPseudo(t, mfaPseudo(m))
	_, hasSignin := ui.Find(View(m), "button", "Sign in to the console")
	require.False(t, hasSignin, "not before the phone is verified")

	// The student answers on the phone and types the number.
	w, err := m.World.Do(m.Session, sim.AnswerCall{ItemID: call.ID, Digits: pin}, m.Env())
	require.NoError(t, err)
	m.World = w
	require.True(t, ui.ContainsText(View(m), "Phone number verified."))
	checkPseudo(t, mfaPseudo(m))

	// Step 3: sign in without MFA.
	m, fx = mfaPress(t, m, mfaT1, "button", "Sign in to the console")
	require.Len(t, effectsOf[Next](fx), 1)
	m, _ = runNext(m, fx)
	require.True(t, m.Session.SignedIn())
	require.True(t, m.Session.MFAAt.IsZero(), "no MFA was used")
	require.Equal(t, "#/", m.UI.Route)
	require.Equal(t, "signinmfa.lostNotice", m.Notices[len(m.Notices)-1].Key)
	ev := lastEvent(m)
	require.Equal(t, "signin:ConsoleLogin", ev.Action)
	require.Equal(t, "true", ev.Detail["alternativeFactors"])
	require.Len(t, m.World.Accounts[sim.DemoAccountID].RootMFA, 1, "the device stays until the student removes it")
}

func TestSigninMFAWrongPINOffersAnotherCall(t *testing.T) {
	m := toSigninMFA(t, mfaT1)
	m = send(m, Navigate{Now: mfaT1, Hash: "#/signin-mfa/alternative"})
	m, _ = mfaPress(t, m, mfaT1, "button", "Send verification email")
	code := m.World.Devices.Inbox[len(m.World.Devices.Inbox)-1].Args["code"]
	m, _ = Update(m, Submit{Now: mfaT1, Form: "signinmfa.verifyEmail", Values: map[string]string{"signinmfa.emailcode": code}})
	m, _ = mfaPress(t, m, mfaT1, "button", "Call me now")
	call, _ := m.World.Devices.RingingCall()
	w, err := m.World.Do(m.Session, sim.AnswerCall{ItemID: call.ID, Decline: true}, m.Env())
	require.NoError(t, err)
	m.World = w
	require.True(t, ui.ContainsText(View(m), "The phone number was not verified"))
	checkPseudo(t, mfaPseudo(m))
	find(t, m, "button", "Call me now")
}

// TestSigninMFANeedsAPasswordCheckedByTheSignInPage: typing an email and
// any password without signing in, then opening #/signin-mfa, offers
// nothing; neither do forged clicks and forms there.
func TestSigninMFANeedsAPasswordCheckedByTheSignInPage(t *testing.T) {
	tests := []struct {
		name     string
		password string
		submit   bool // submit the password page (with the wrong password it fails)
	}{
		{"typed, not submitted", "anything", false},
		{"right password typed, not submitted", sim.DemoPassword, false},
		{"wrong password submitted", "Wrong-Passw0rd", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := start(t, map[string]string{"world": "root-mfa", "lang": "en"}, "")
			m = send(m, Navigate{Now: mfaT1, Hash: "#/signin"})
			m = send(m, Input{Now: mfaT1, Field: fieldSIEmail, Value: sim.DemoEmail})
			m = send(m, Input{Now: mfaT1, Field: fieldSIPassword, Value: tt.password})
			if tt.submit {
				m = send(m, Navigate{Now: mfaT1, Hash: "#/signin/password"})
				var fx []Effect
				m, fx = Update(m, Submit{Now: mfaT1, Form: "signin.password", Values: map[string]string{fieldSIPassword: tt.password}})
				m, _ = runNext(m, fx)
				require.Equal(t, "#/signin/password", m.UI.Route)
			}
			m = send(m, Navigate{Now: mfaT1, Hash: "#/signin-mfa/alternative"})
			require.True(t, ui.ContainsText(View(m), "Your sign-in has expired"))
			link := find(t, m, "link", "Sign in again")
			href, _ := link.Attr("href")
			require.Equal(t, hashSigninPassword, href)
			_, ok := ui.Find(View(m), "button", "Send verification email")
			require.False(t, ok)

			events, inbox := len(m.World.Events), len(m.World.Devices.Inbox)
			for _, msg := range []Msg{
				Click{Now: mfaT1, Action: "signinmfa.sendEmail"},
				Click{Now: mfaT1, Action: "signinmfa.call"},
				Click{Now: mfaT1, Action: "signinmfa.altSignin"},
				Submit{Now: mfaT1, Form: "signinmfa.submit", Values: map[string]string{fieldSigninMFACode: "123456"}},
				Submit{Now: mfaT1, Form: "signinmfa.verifyEmail", Values: map[string]string{fieldSigninMFAEmailCode: "123456"}},
			} {
				var fx []Effect
				m, fx = Update(m, msg)
				m, _ = runNext(m, fx)
			}
			require.Len(t, m.World.Devices.Inbox, inbox, "no recovery email is sent")
			require.Len(t, m.World.Events, events, "nothing is tried")
			require.False(t, m.Session.SignedIn())
			require.Zero(t, m.MFA.Failures)
		})
	}
}

// TestSigninMFAWrongPasswordIsAPasswordError: a password changed after it
// was checked is reported on the password page, not as a refused MFA code,
// and does not count toward the three-failures hint.
func TestSigninMFAWrongPasswordIsAPasswordError(t *testing.T) {
	tests := []struct {
		name string
		try  func(t *testing.T, m Model) (Model, []Effect)
	}{
		{"MFA code", func(t *testing.T, m Model) (Model, []Effect) {
			return submitCode(m, mfaT1, mfaCodeAt(t, mfa.DemoSecret, mfaT1, 0))
		}},
		{"alternative factors", func(t *testing.T, m Model) (Model, []Effect) {
			m = send(m, Navigate{Now: mfaT1, Hash: "#/signin-mfa/alternative"})
			m, _ = mfaPress(t, m, mfaT1, "button", "Send verification email")
			code := m.World.Devices.Inbox[len(m.World.Devices.Inbox)-1].Args["code"]
			m, _ = Update(m, Submit{Now: mfaT1, Form: "signinmfa.verifyEmail", Values: map[string]string{"signinmfa.emailcode": code}})
			m, _ = mfaPress(t, m, mfaT1, "button", "Call me now")
			call, ok := m.World.Devices.RingingCall()
			require.True(t, ok)
			w, err := m.World.Do(m.Session, sim.AnswerCall{ItemID: call.ID, Digits: call.Args["pin"]}, m.Env())
			require.NoError(t, err)
			m.World = w
			m, fx := mfaPress(t, m, mfaT1, "button", "Sign in to the console")
			return runNext(m, fx)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := toSigninMFA(t, mfaT1)
			// The password changes after it was checked (typed again in
			// another field of the same name, or reset meanwhile).
			m = send(m, Input{Now: mfaT1, Field: fieldSIPassword, Value: "Wrong-Passw0rd"})
			m, fx := tt.try(t, m)
			require.False(t, m.Session.SignedIn())
			require.Equal(t, hashSigninPassword, m.UI.Route)
			box, ok := ui.ByID(View(m), "signin-error")
			require.True(t, ok)
			require.Contains(t, box.TextContent(), "Authentication failed")
			require.Equal(t, []Focus{{ID: "page-title"}, {ID: "signin-error"}}, effectsOf[Focus](fx))
			requireFocusInView(t, m, fx)
			require.Zero(t, m.MFA.Failures, "not a refused MFA code")
			_, failed := ui.ByID(View(m), "signinmfa-failed")
			require.False(t, failed)
			require.Equal(t, "AuthenticationFailed", lastEvent(m).ErrorCode)
			require.Empty(t, m.Secrets[secretSIVerified], "the check is forgotten")
			checkPseudo(t, mfaPseudo(m))
		})
	}
}
