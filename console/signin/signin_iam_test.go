package signin_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/mfa"
)

// iamStart opens the delegation-done account's sign-in URL.
func iamStart(t *testing.T) Model {
	t.Helper()
	m := siStart(t, "delegation-done")
	return send(m, Navigate{Now: t0, Hash: "#/signin/" + sim.DemoAccountID})
}

// iamSignIn types the IAM user form and submits it (the busy step too).
func iamSignIn(t *testing.T, m Model, acct, user, pw string) Model {
	t.Helper()
	m = suType(t, m, "textbox", "Account ID (12 digits) or account alias", acct)
	m = suType(t, m, "textbox", "IAM user name", user)
	m = suType(t, m, "textbox", "Password", pw)
	return suSubmit(t, m, "Sign in")
}

func TestIAMUserSignInURLFillsTheAccount(t *testing.T) {
	m := iamStart(t)
	require.True(t, find(t, m, "radio", "IAM user").Has("checked"))
	require.Equal(t, sim.DemoAccountID, suAttr(find(t, m, "textbox", "Account ID (12 digits) or account alias"), "value"))
	find(t, m, "checkbox", "Remember this account")
	require.True(t, suText(m, "ask the administrator"), "IAM users have no Forgot password? link")
	checkPseudo(t, mfaPseudo(m))
}

func TestIAMUserSignInOneMessageForEveryWrongPart(t *testing.T) {
	for _, tc := range []struct{ name, acct, user, pw string }{
		{"wrong account", "999999999999", sim.LunaName, sim.LunaPassword},
		{"unknown alias", "no-such-alias", sim.LunaName, sim.LunaPassword},
		{"wrong user", sim.DemoAccountID, "Lunaa", sim.LunaPassword},
		{"user name case", sim.DemoAccountID, "luna", sim.LunaPassword},
		{"wrong password", sim.DemoAccountID, sim.LunaName, "Labsim-Luna-2025!"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := iamSignIn(t, iamStart(t), tc.acct, tc.user, tc.pw)
			alert := find(t, m, "alert", "")
			require.Contains(t, alert.TextContent(), "Authentication failed")
			require.Contains(t, alert.TextContent(), "Your authentication information is incorrect. Please try again.")
			require.False(t, m.Session.SignedIn())
			ev := suLastEvent(m)
			require.Equal(t, sim.ConsoleLoginAction, ev.Action)
			require.Equal(t, account.CodeAuthenticationFailed, ev.ErrorCode)
		})
	}
}

func TestIAMUserSignInWithoutMFA(t *testing.T) {
	m := iamSignIn(t, iamStart(t), sim.DemoAccountID, sim.LunaName, sim.LunaPassword)
	require.True(t, m.Session.IsIAMUser())
	require.Equal(t, sim.LunaName, m.Session.UserName)
	require.True(t, m.Session.MFAAt.IsZero())
	require.Equal(t, "#/", m.UI.Route)
	require.NotContains(t, m.Secrets, fieldSIIAMPass)
	require.Equal(t, sim.ConsoleLoginAction, suLastEvent(m).Action)
	require.Equal(t, "", suLastEvent(m).ErrorCode)
	require.Contains(t, m.AccountName(), "Luna @ ")
}

// mustChange makes Luna's password temporary, as the root user would.
func mustChange(t *testing.T, m Model) Model {
	t.Helper()
	a := m.World.Accounts[sim.DemoAccountID]
	env := m.Env()
	w, err := m.World.Do(sim.RootSession(a, t0, false), sim.UpdateLoginProfile{UserName: sim.LunaName, Password: sim.LunaPassword, MustChange: true}, env)
	require.NoError(t, err)
	m.World = w
	return m
}

func TestIAMUserFirstSignInChangesThePassword(t *testing.T) {
	m := iamSignIn(t, mustChange(t, iamStart(t)), sim.DemoAccountID, sim.LunaName, sim.LunaPassword)
	require.Equal(t, "#/signin/new-password", m.UI.Route)
	find(t, m, "heading", "Change password")

	m = suType(t, m, "textbox", "Old password", sim.LunaPassword)
	m = suType(t, m, "textbox", "New password", "short")
	m = suType(t, m, "textbox", "Retype new password", "other")
	m = suSubmit(t, m, "Confirm password change")
	require.Equal(t, "The password is too short for the account password policy.", suErrorOf(t, m, "textbox", "New password"))
	require.Equal(t, "The passwords do not match.", suErrorOf(t, m, "textbox", "Retype new password"))

	m = suType(t, m, "textbox", "Old password", "Wrong-Old-2026!")
	m = suType(t, m, "textbox", "New password", "Luna-New-Pass-2026!")
	m = suType(t, m, "textbox", "Retype new password", "Luna-New-Pass-2026!")
	m = suSubmit(t, m, "Confirm password change")
	require.Equal(t, "The old password is incorrect.", suErrorOf(t, m, "textbox", "Old password"))

	m = suType(t, m, "textbox", "Old password", sim.LunaPassword)
	m = suSubmit(t, m, "Confirm password change")
	require.Equal(t, "#/", m.UI.Route)
	ev := suLastEvent(m)
	require.Equal(t, "iam:ChangePassword", ev.Action, "the change goes through the door")
	require.Equal(t, "", ev.ErrorCode)
	require.False(t, m.World.PasswordChangeRequired(sim.DemoAccountID, sim.LunaName, t0))
	require.True(t, m.World.Accounts[sim.DemoAccountID].IAM.CheckPassword(sim.LunaName, "Luna-New-Pass-2026!"))
}

func TestIAMUserSignInWithMFA(t *testing.T) {
	m := iamStart(t)
	// Luna assigns herself a device, as her guardrails allow without MFA.
	a := m.World.Accounts[sim.DemoAccountID]
	luna, _ := a.IAM.User(sim.LunaName)
	s := sim.UserSession(a, luna, t0, false)
	env := m.Env()
	var secret mfa.Secret
	w, err := m.World.Do(s, sim.CreateVirtualMFADevice{Name: sim.LunaName, Secret: &secret}, env)
	require.NoError(t, err)
	w, err = w.Do(s, sim.EnableMFADevice{UserName: sim.LunaName, DeviceName: sim.LunaName, Secret: secret,
		Code1: mfaCodeAt(t, secret, t0, -1), Code2: mfaCodeAt(t, secret, t0, 0)}, env)
	require.NoError(t, err)
	m.World = w

	m = iamSignIn(t, m, sim.DemoAccountID, sim.LunaName, sim.LunaPassword)
	require.Equal(t, "#/signin/iam-mfa", m.UI.Route)
	require.False(t, m.Session.SignedIn())
	m = suSubmit(t, m, "Submit")
	require.Equal(t, "Enter the MFA code.", suErrorOf(t, m, "textbox", "MFA code"))

	// A code already used at assignment is refused.
	m = suType(t, m, "textbox", "MFA code", mfaCodeAt(t, secret, t0, 0))
	m = suSubmit(t, m, "Submit")
	require.False(t, m.Session.SignedIn())
	require.Contains(t, find(t, m, "alert", "").TextContent(), "The MFA code is not valid.")

	later := t0.Add(time.Minute)
	m = send(m, Tick{Now: later})
	m = suType(t, m, "textbox", "MFA code", mfaCodeAt(t, secret, later, 0))
	m = suSubmit(t, m, "Submit")
	require.True(t, m.Session.IsIAMUser())
	require.False(t, m.Session.MFAAt.IsZero())
	require.Equal(t, "#/", m.UI.Route)
}

// A control or bidirectional character in the account or user name is
// named next to its field; the sign-in is not tried (found by the browser's
// hostile-input test: it was tried and answered with AWS's one message).
func TestIAMUserSignInNamesARefusedCharacterNextToItsField(t *testing.T) {
	for _, tc := range []struct{ acct, user, field, char string }{
		{"1234\x01", "Luna", "Account ID (12 digits) or account alias", "U+0001"},
		{sim.DemoAccountID, "Lu\x00na", "IAM user name", "U+0000"},
		{sim.DemoAccountID, "Luna\u202Eexe", "IAM user name", "U+202E"},
	} {
		start := iamStart(t)
		m := iamSignIn(t, start, tc.acct, tc.user, "Some-Pass-1")
		require.Contains(t, suDescription(t, m, "textbox", tc.field), tc.char, "%q / %q", tc.acct, tc.user)
		require.False(t, m.Session.SignedIn())
		require.Len(t, m.World.Events, len(start.World.Events), "no sign-in was tried")
	}
}
