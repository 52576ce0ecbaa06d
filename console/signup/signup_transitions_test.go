package signup_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/core"
	"labsim/sim/account"
)

// suReload saves the model and boots a new one from the saved document,
// as a browser reload does.
func suReload(t *testing.T, m Model) Model {
	t.Helper()
	saved, err := m.Encode(m.Revision)
	require.NoError(t, err)
	n, _ := Update(Model{}, Init{Now: t0, Seed: [32]byte{3}, Saved: saved, Hash: m.UI.Route, BrowserLang: "en-US",
		Storage: StorageStatus{Mode: "local"}, PasswordCost: 1000})
	return n
}

func TestSignUpStepsAreRoutesAndBackForwardKeepsTyping(t *testing.T) {
	m := suToStep(t, 3)
	m = suType(t, m, "textbox", "Cardholder's name", "Kim Minji")
	// Back to page 2 (the browser's back button sends a Navigate).
	m = send(m, Navigate{Now: t0, Hash: "#/signup/2"})
	find(t, m, "heading", "Contact information")
	require.Equal(t, "Kim Minji", suAttr(find(t, m, "textbox", "Full Name"), "value"))
	require.Equal(t, "true", core.BoolAttr(find(t, m, "checkbox", "I have read and agree to the terms of the AWS Customer Agreement.").Has("checked")))
	m = send(m, Navigate{Now: t0, Hash: "#/signup/1"})
	require.Equal(t, "kim@example.com", suAttr(find(t, m, "textbox", "Email address"), "value"))
	require.Equal(t, suPass, suAttr(find(t, m, "textbox", "Password"), "value"), "within the page session the password is still typed")
	// Forward again.
	m = send(m, Navigate{Now: t0, Hash: "#/signup/3"})
	require.Equal(t, "Kim Minji", suAttr(find(t, m, "textbox", "Cardholder's name"), "value"))
}

func TestSignUpLaterStepOpensTheFurthestReached(t *testing.T) {
	tests := []struct {
		reached int
		hash    string
		heading string
	}{
		{1, "#/signup/5", "Sign up for AWS"},
		{2, "#/signup/4", "Contact information"},
		{3, "#/signup/9", "Billing information"},
		{3, "#/signup/x", "Billing information"},
		{3, "#/signup", "Billing information"},
		{3, "#/signup/2", "Contact information"},
		{3, "#/signup/done", "Billing information"},
		{3, "#/signup/3/bank", "Billing information"},
	}
	for _, tt := range tests {
		t.Run(tt.hash, func(t *testing.T) {
			m := suToStep(t, tt.reached)
			m = send(m, Navigate{Now: t0, Hash: tt.hash})
			if tt.reached == 1 {
				find(t, m, "textbox", "Email address")
				return
			}
			find(t, m, "heading", tt.heading)
		})
	}
}

func TestSignUpReloadResumesWithoutSecrets(t *testing.T) {
	m := suToStep(t, 3)
	m = suFill3(t, m)
	saved, err := m.Encode(m.Revision)
	require.NoError(t, err)
	require.NotContains(t, saved, suPass)
	require.NotContains(t, saved, "4111 1111 1111 1111")
	require.NotContains(t, saved, "4111111111111111")

	r := suReload(t, m)
	require.Equal(t, "#/signup/3", r.UI.Route)
	find(t, r, "heading", "Billing information")
	require.Empty(t, suAttr(find(t, r, "textbox", "Credit or Debit card number"), "value"), "the card number is not kept")
	require.Equal(t, "Kim Minji", suAttr(find(t, r, "textbox", "Cardholder's name"), "value"))
	require.Equal(t, "12", r.Field(fieldSUExpMonth))

	// Page 1 after the reload: the password boxes are empty and say why.
	r1 := send(r, Navigate{Now: t0, Hash: "#/signup/1"})
	require.Empty(t, suAttr(find(t, r1, "textbox", "Password"), "value"))
	require.True(t, suText(r1, "Passwords are never saved in this browser"))

	// Finishing after the reload uses the hash made on page 1.
	r = suSubmit(t, suType(t, r, "textbox", "Credit or Debit card number", account.TestCardNumber), "Verify and Continue (step 3 of 5)")
	r = suPress(t, r, "button", "Confirm")
	r = suReload(t, r)
	require.Equal(t, "#/signup/4", r.UI.Route)
	find(t, r, "img", "Security check: six distorted letters and digits")
	r = suType(t, r, "textbox", "Type the characters as shown above", r.Field(fieldSUCaptchaText))
	r = suSubmit(t, r, "Send SMS (step 4 of 5)")
	sms, _ := r.World.Devices.LastPhoneItem()
	r = suReload(t, r)
	r = suSubmit(t, suType(t, r, "textbox", "Verification code", sms.Args["code"]), "Continue (step 4 of 5)")
	r = suReload(t, r)
	require.Equal(t, "#/signup/5", r.UI.Route)
	r = suSubmit(t, r, "Complete sign up")
	require.Equal(t, "#/signup/done", r.UI.Route)
	a, ok := r.World.AccountByEmail("kim@example.com")
	require.True(t, ok)
	require.True(t, a.RootPassword.Verify(suPass))
}

func TestSignUpBankCancelKeepsTheForm(t *testing.T) {
	m := suToStep(t, 3)
	m = suSubmit(t, suFill3(t, m), "Verify and Continue (step 3 of 5)")
	require.Equal(t, "#/signup/3/bank", m.UI.Route)
	find(t, m, "button", "Cancel")
	m = suPress(t, m, "button", "Cancel")
	require.Equal(t, "#/signup/3", m.UI.Route)
	require.Equal(t, account.TestCardNumber, suAttr(find(t, m, "textbox", "Credit or Debit card number"), "value"))
	require.Equal(t, "Kim Minji", suAttr(find(t, m, "textbox", "Cardholder's name"), "value"))
	require.Empty(t, m.Field(fieldSUCardLast4), "nothing was confirmed")

	// The bank page needs the card number typed in this page session.
	r := suReload(t, suSubmit(t, m, "Verify and Continue (step 3 of 5)"))
	find(t, r, "heading", "Billing information")
	// Confirm after the number was cleared goes back to the form.
	m.Secrets = nil
	m, _ = Update(m, Click{Now: t0, Action: "signup.bank.confirm"})
	require.Equal(t, "#/signup/3", m.UI.Route)
	require.Equal(t, "Enter the card number (use the test card number above).", suErrorOf(t, m, "textbox", "Credit or Debit card number"))
}

func TestSignUpShowsBusyBeforeHashing(t *testing.T) {
	m := suFill1(t, suToStep(t, 1), "kim@example.com")
	form, ok := suFormOf(t, m, "Continue (step 1 of 5)")
	require.True(t, ok)
	m, fx := Update(m, Submit{Now: t0, Form: "signup.step1", Values: suFormValues(form)})
	require.Equal(t, []Effect{Next{Msg: Click{Now: t0, Action: "signup.hash"}}}, effectsWithout[Save](fx))
	require.Empty(t, m.Field(fieldSUHash), "nothing is hashed before the page paints")
	btn := find(t, m, "button", "Protecting your password…")
	require.True(t, btn.Has("disabled"))
	require.Equal(t, "true", suAttr(btn, "aria-busy"))
	// A second submit while busy does nothing.
	m2, fx2 := Update(m, Submit{Now: t0, Form: "signup.step1", Values: suFormValues(form)})
	require.Empty(t, effectsWithout[Save](fx2))
	require.Equal(t, m.Auth, m2.Auth)
	// The Next message does the work.
	m, _ = Update(m, Click{Now: t0, Action: "signup.hash"})
	require.Equal(t, "#/signup/2", m.UI.Route)
	// A stray Next message (not busy) is ignored.
	m3, _ := Update(m, Click{Now: t0, Action: "signup.hash"})
	require.Equal(t, m.UI, m3.UI)
	m4, _ := Update(m, Click{Now: t0, Action: "signup.create"})
	require.Empty(t, m4.World.Accounts)
}

func TestSignUpCreateGoesBackWhenPage1ChangedAndIsNowInvalid(t *testing.T) {
	m := suToStep(t, 5)
	// Page 1 edited without continuing: the email is now used by an
	// account created meanwhile in another tab.
	other := suToStep(t, 5)
	other = suSubmit(t, other, "Complete sign up")
	m.World.Accounts = other.World.Accounts
	m = suSubmit(t, m, "Complete sign up")
	require.Equal(t, "#/signup/1", m.UI.Route)
	require.Contains(t, suErrorOf(t, m, "textbox", "Email address"), "already uses this email address")

	m = suSubmit(t, suFill1(t, m, "new@example.com"), "Continue (step 1 of 5)")
	require.Equal(t, "#/signup/2", m.UI.Route)
	m = send(m, Navigate{Now: t0, Hash: "#/signup/5"})
	m = suSubmit(t, m, "Complete sign up")
	require.Equal(t, "#/signup/done", m.UI.Route)
	require.Len(t, m.World.Accounts, 2, "two accounts side by side")
}

func TestSignUpAnotherAccountStartsFresh(t *testing.T) {
	m := suSubmit(t, suToStep(t, 5), "Complete sign up")
	m = send(m, Navigate{Now: t0, Hash: "#/signup/1"})
	require.Empty(t, suAttr(find(t, m, "textbox", "Email address"), "value"))
	m = send(m, Navigate{Now: t0, Hash: "#/signup/4"})
	find(t, m, "textbox", "Email address")
	m = send(m, Navigate{Now: t0, Hash: "#/signup/done"})
	find(t, m, "heading", "Congratulations")
}

func TestSignUpTitlesAndFocus(t *testing.T) {
	m := suToStep(t, 2)
	require.Equal(t, "Sign up for AWS – Contact information | labsim", Title(m))
	m = suSubmit(t, suFill2(t, m), "Continue (step 2 of 5)")
	require.Equal(t, "Sign up for AWS – Billing information | labsim", Title(m))
	m = suSubmit(t, suFill3(t, m), "Verify and Continue (step 3 of 5)")
	require.Equal(t, "Approve the verification charge | labsim", Title(m))
	m = suSubmit(t, suToStep(t, 5), "Complete sign up")
	require.Equal(t, "Congratulations | labsim", Title(m))
}
