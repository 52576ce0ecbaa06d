package signin_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	"labsim/sim/account"
)

func TestSignInRootWithoutMFA(t *testing.T) {
	m := siStart(t, "signed-up")
	find(t, m, "heading", "Sign in")
	require.True(t, find(t, m, "radio", "Root user").Has("checked"))
	require.Equal(t, "Account owner that performs tasks requiring unrestricted access.", suDescription(t, m, "radio", "Root user"))

	m = suSubmit(t, m, "Next")
	require.Equal(t, "Enter your email address.", suErrorOf(t, m, "textbox", "Root user email address"))
	m = suSubmit(t, suType(t, m, "textbox", "Root user email address", "student@"), "Next")
	require.Equal(t, "Check the part after the @, for example example.com.", suErrorOf(t, m, "textbox", "Root user email address"))

	m, fx := suSubmitFx(t, suType(t, m, "textbox", "Root user email address", " Student@Example.com "), "Next")
	require.Equal(t, "#/signin/password", m.UI.Route)
	require.Contains(t, effectsOf[Focus](fx), Focus{ID: "signin-password"})
	find(t, m, "heading", "Root user sign in")
	require.True(t, suText(m, "Student@Example.com"))
	find(t, m, "link", "Forgot password?")

	m = suSubmit(t, m, "Sign in")
	require.Equal(t, "Enter a password.", suErrorOf(t, m, "textbox", "Password"))
	require.Len(t, m.World.Events, 0, "nothing is tried without a password")

	// A wrong password: one generic error, logged as a failed ConsoleLogin.
	m = suSubmit(t, suType(t, m, "textbox", "Password", "Wrong-Pass-1"), "Sign in")
	alert := find(t, m, "alert", "")
	require.Contains(t, alert.TextContent(), "Authentication failed")
	require.Contains(t, alert.TextContent(), "Your authentication information is incorrect. Please try again.")
	ev := suLastEvent(m)
	require.Equal(t, sim.ConsoleLoginAction, ev.Action)
	require.Equal(t, account.CodeAuthenticationFailed, ev.ErrorCode)
	require.False(t, m.Session.SignedIn())
	require.Equal(t, "Wrong-Pass-1", suAttr(find(t, m, "textbox", "Password"), "value"), "nothing typed is lost")

	// The right one: "Signing in…" first, then Console Home.
	m = suType(t, m, "textbox", "Password", sim.DemoPassword)
	form, _ := suFormOf(t, m, "Sign in")
	busy, fx := Update(m, Submit{Now: t0, Form: "signin.password", Values: suFormValues(form)})
	btn := find(t, busy, "button", "Signing in…")
	require.True(t, btn.Has("disabled"))
	require.Equal(t, "true", suAttr(btn, "aria-busy"))
	require.Equal(t, []Effect{Next{Msg: Click{Now: t0, Action: "signin.verify"}}}, effectsWithout[Save](fx))
	require.False(t, busy.Session.SignedIn())
	m, fx = Update(busy, Click{Now: t0, Action: "signin.verify"})
	require.True(t, m.Session.Root)
	require.Equal(t, sim.DemoAccountID, m.Session.AccountID)
	require.Equal(t, "arn:aws:iam::123456789012:root", m.Session.Principal)
	require.True(t, m.Session.MFAAt.IsZero())
	require.Equal(t, "#/", m.UI.Route)
	require.Contains(t, effectsOf[SetURL](fx), SetURL{Query: "?lang=en", Hash: "#/", Push: true})
	require.NotContains(t, m.Secrets, fieldSIPassword, "the password is forgotten")
	ev = suLastEvent(m)
	require.Equal(t, sim.ConsoleLoginAction, ev.Action)
	require.Equal(t, "", ev.ErrorCode)
	require.Equal(t, map[string]string{"mfa": "false"}, ev.Detail)
	find(t, m, "heading", "Console Home")
}

func TestSignInUnknownEmailGivesTheSameError(t *testing.T) {
	m := siStart(t, "signed-up")
	m = suSubmit(t, suType(t, m, "textbox", "Root user email address", "nobody@example.com"), "Next")
	m = suSubmit(t, suType(t, m, "textbox", "Password", sim.DemoPassword), "Sign in")
	require.Contains(t, find(t, m, "alert", "").TextContent(), "Your authentication information is incorrect. Please try again.")
	require.Equal(t, "*", suLastEvent(m).Resource)
}

func TestSignInWithRootMFAGoesToTheMFAPage(t *testing.T) {
	m := siStart(t, "root-mfa")
	m = suSubmit(t, suType(t, m, "textbox", "Root user email address", sim.DemoEmail), "Next")
	n := len(m.World.Events)
	w := suSubmit(t, suType(t, m, "textbox", "Password", "Wrong-Pass-1"), "Sign in")
	require.Contains(t, find(t, w, "alert", "").TextContent(), "Authentication failed")
	require.Len(t, w.World.Events, n+1, "the refusal is logged")
	require.Equal(t, account.CodeAuthenticationFailed, suLastEvent(w).ErrorCode)

	m = suSubmit(t, suType(t, m, "textbox", "Password", sim.DemoPassword), "Sign in")
	require.Equal(t, "#/signin-mfa", m.UI.Route)
	require.False(t, m.Session.SignedIn())
	require.Equal(t, sim.DemoPassword, m.Secrets[fieldSIPassword], "kept for the MFA page, transient only")
	require.Equal(t, sim.DemoEmail, m.Field(fieldSIEmail))
	require.Len(t, m.World.Events, n, "nothing is logged until the MFA code")
	saved, err := m.Encode(m.Revision)
	require.NoError(t, err)
	require.NotContains(t, saved, sim.DemoPassword)
}

func TestSignInIAMUserIsRefusedUntilIAMUsersExist(t *testing.T) {
	m := siStart(t, "signed-up")
	m = suCheck(t, m, "radio", "IAM user", true)
	require.Equal(t, "User within an account that performs daily tasks.", suDescription(t, m, "radio", "IAM user"))
	m = suSubmit(t, m, "Sign in")
	require.Equal(t, "Enter the account ID (12 digits) or account alias.", suErrorOf(t, m, "textbox", "Account ID (12 digits) or account alias"))
	require.Equal(t, "Enter your IAM user name.", suErrorOf(t, m, "textbox", "IAM user name"))
	require.Equal(t, "Enter your password.", suErrorOf(t, m, "textbox", "Password"))
	m = suType(t, m, "textbox", "Account ID (12 digits) or account alias", sim.DemoAccountID)
	m = suType(t, m, "textbox", "IAM user name", "alice")
	m = suType(t, m, "textbox", "Password", "Alice-Pass-1")
	m = suSubmit(t, m, "Sign in")
	require.Contains(t, find(t, m, "alert", "").TextContent(), "Your authentication information is incorrect. Please try again.")
	require.Equal(t, "arn:aws:iam::123456789012:user/alice", suLastEvent(m).Resource)
	require.False(t, m.Session.SignedIn())
	require.NotContains(t, m.UI.Fields, fieldSIIAMPass)
}

func TestSignInPasswordPageNeedsTheEmail(t *testing.T) {
	m := siStart(t, "signed-up")
	m = send(m, Navigate{Now: t0, Hash: "#/signin/password"})
	find(t, m, "textbox", "Root user email address")
	require.Equal(t, "Sign in | labsim", Title(m))
}

func TestForgotPasswordAndReset(t *testing.T) {
	m := siStart(t, "signed-up")
	m = suSubmit(t, suType(t, m, "textbox", "Root user email address", sim.DemoEmail), "Next")
	m = send(m, Navigate{Now: t0, Hash: "#/signin/forgot"})
	find(t, m, "heading", "Password recovery")
	require.Equal(t, sim.DemoEmail, suAttr(find(t, m, "textbox", "Root user email address"), "value"), "the email is carried over")

	m = suSubmit(t, suType(t, m, "textbox", "Root user email address", "bad"), "Send email")
	require.Equal(t, "An email address has exactly one @.", suErrorOf(t, m, "textbox", "Root user email address"))

	// An unknown address gets the same answer and no email.
	u := suSubmit(t, suType(t, m, "textbox", "Root user email address", "nobody@example.com"), "Send email")
	require.True(t, suText(u, "If an AWS account uses nobody@example.com"))
	require.Empty(t, u.World.Devices.Inbox)

	m = suSubmit(t, suType(t, m, "textbox", "Root user email address", sim.DemoEmail), "Send email")
	require.True(t, suText(m, "If an AWS account uses student@example.com"))
	require.Equal(t, sim.PasswordRecoveryAction, suLastEvent(m).Action)
	require.Equal(t, "1 unread", suDescription(t, m, "button", "Inbox"))

	m = suPress(t, m, "button", "Open the inbox")
	m = suPress(t, m, "button", "Amazon Web Services password assistance")
	link := find(t, m, "link", "Reset your password")
	href := suAttr(link, "href")
	require.Regexp(t, `^#/signin/reset/[0-9a-f]{32}$`, href)
	require.Equal(t, "0 unread", suDescription(t, m, "button", "Inbox"), "opening the email marks it read")

	m = send(m, Navigate{Now: t0, Hash: href})
	find(t, m, "heading", "Reset password")
	require.True(t, suText(m, "labsim-demo (student@example.com)"))
	m = suSubmit(t, m, "Reset password")
	require.Equal(t, "Enter a password.", suErrorOf(t, m, "textbox", "New password"))
	m = suType(t, m, "textbox", "New password", "student@example.com")
	m = suType(t, m, "textbox", "Confirm new password", "student@example.com")
	m = suSubmit(t, m, "Reset password")
	require.Equal(t, "Use at least 3 of the 4 types: uppercase letters, lowercase letters, numbers and symbols. This password uses 2.",
		suErrorOf(t, m, "textbox", "New password"))
	m = suType(t, m, "textbox", "New password", "New-Passw0rd")
	m = suSubmit(t, m, "Reset password")
	require.Equal(t, "The passwords do not match.", suErrorOf(t, m, "textbox", "Confirm new password"))
	m = suType(t, m, "textbox", "Confirm new password", "New-Passw0rd")
	require.True(t, suText(m, "Matches"))
	m = suSubmit(t, m, "Reset password")
	require.Equal(t, "#/signin/password", m.UI.Route)
	require.True(t, suText(m, "Your password has been reset. Sign in with your new password."))
	require.Equal(t, sim.PasswordRecoveredAction, suLastEvent(m).Action)

	// The link works once.
	used := send(m, Navigate{Now: t0, Hash: href})
	require.True(t, suText(used, "This password reset link was already used."))
	find(t, used, "link", "Request a new link")
	expired := send(m, Navigate{Now: t0.Add(2 * sim.ResetLinkTTL), Hash: "#/signin/reset/feed"})
	require.True(t, suText(expired, "This password reset link is not valid."))

	// Signing in with the new password.
	m = suSubmit(t, suType(t, m, "textbox", "Password", "New-Passw0rd"), "Sign in")
	require.True(t, m.Session.SignedIn())
}

func TestSignInAfterSignUpWithTheNewAccount(t *testing.T) {
	m := suSubmit(t, suToStep(t, 5), "Complete sign up")
	m = send(m, Navigate{Now: t0, Hash: "#/signin"})
	m = suSubmit(t, m, "Next")
	m = suSubmit(t, suType(t, m, "textbox", "Password", suPass), "Sign in")
	require.True(t, m.Session.Root)
	a, _ := m.World.AccountByEmail("kim@example.com")
	require.Equal(t, a.ID, m.Session.AccountID)
	find(t, m, "button", "Account menu: my-lab")
}
