package mfa_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	ct "labsim/internal/consoletest"
	"labsim/sim"
)

// TestMySecurityCredentialsSections: the root user's page has the
// textbook's sections: Multi-factor authentication (MFA) with Activate
// MFA, Password, Access keys, CloudFront key pairs, X.509 certificate and
// Account identifiers.
func TestMySecurityCredentialsSections(t *testing.T) {
	m := ct.Send(ct.Demo(t), console.Navigate{Now: ct.T1, Hash: "#/security-credentials"})
	for _, h := range []string{"Multi-factor authentication (MFA)", "Password", "Access keys (access key ID and secret access key)",
		"CloudFront key pairs", "X.509 certificate", "Account identifiers"} {
		ct.Find(t, m, "heading", h)
	}
	ct.Find(t, m, "button", "Activate MFA")
	ct.Find(t, m, "button", "Create access key")
	ct.CheckPseudo(t, ct.Pseudo(m))
}

// TestRootAccessKeyFromTheConsole: the warning first, then the key with
// its secret shown once; leaving the page forgets it; Delete removes the
// key. Focus goes to each new part.
func TestRootAccessKeyFromTheConsole(t *testing.T) {
	m := ct.Send(ct.Demo(t), console.Navigate{Now: ct.T1, Hash: "#/security-credentials"})
	require.True(t, ct.Shows(m, "AWS recommends that you do not create access keys for the root user"))
	m, fx := ct.PressAt(t, m, ct.T1, "button", "Create access key")
	ct.RequireFocusInView(t, m, fx)
	require.True(t, ct.Shows(m, "Create an access key for the root user anyway?"))
	m, fx = ct.PressAt(t, m, ct.T1, "button", "Create access key")
	ct.RequireFocusInView(t, m, fx)
	keys := m.World.Accounts[sim.DemoAccountID].RootAccessKeys
	require.Len(t, keys, 1)
	secret := m.IAM.Secret.KeySecret
	require.Len(t, secret, 40)
	require.True(t, ct.Shows(m, secret), "the secret is shown once")
	saved, err := json.Marshal(m.World)
	require.NoError(t, err)
	require.NotContains(t, string(saved), secret)

	away := ct.Send(ct.Send(m, console.Navigate{Now: ct.T1, Hash: "#/"}), console.Navigate{Now: ct.T1, Hash: "#/security-credentials"})
	require.False(t, ct.Shows(away, secret), "the secret is gone after leaving the page")

	m, fx = ct.PressAt(t, m, ct.T1, "button", "Delete access key "+keys[0].ID)
	ct.RequireFocusInView(t, m, fx)
	require.Empty(t, m.World.Accounts[sim.DemoAccountID].RootAccessKeys)
	require.Equal(t, "iam:DeleteAccessKey", ct.LastEvent(m).Action)
}

// TestRootPasswordChangeFromTheConsole: the current password is checked,
// the new one follows the sign-up rules and its confirmation, each problem
// at its field; success says so and the new password signs in.
func TestRootPasswordChangeFromTheConsole(t *testing.T) {
	m := ct.Send(ct.Demo(t), console.Navigate{Now: ct.T1, Hash: "#/security-credentials"})
	bad, fx := ct.SubmitAt(m, ct.T1, "mfa.password", map[string]string{
		"mfa.password.current": "wrong", "mfa.password.new": "short", "mfa.password.confirm": "other"})
	require.Equal(t, "The current password is not correct.", ct.SuErrorOf(t, bad, "textbox", "Current password"))
	require.NotEmpty(t, ct.SuErrorOf(t, bad, "textbox", "New password"))
	ct.RequireFocusInView(t, bad, fx)

	ok, fx := ct.SubmitAt(m, ct.T1, "mfa.password", map[string]string{
		"mfa.password.current": sim.DemoPassword, "mfa.password.new": "Labsim-New-2026!", "mfa.password.confirm": "Labsim-New-2026!"})
	require.True(t, ct.Shows(ok, "Your password has been changed."))
	ct.RequireFocusInView(t, ok, fx)
	require.True(t, ok.World.Accounts[sim.DemoAccountID].RootPassword.Verify("Labsim-New-2026!"))
	require.Equal(t, "iam:ChangePassword", ct.LastEvent(ok).Action)
	log, err := json.Marshal(ok.World.Events)
	require.NoError(t, err)
	require.NotContains(t, string(log), "Labsim-New-2026!")
	require.Empty(t, ok.Secrets["mfa.password.new"], "the typed passwords are forgotten")
}

// TestMFACodeErrorsClearWhileTyping: an MFA code's format error goes away
// once the field holds six digits.
func TestMFACodeErrorsClearWhileTyping(t *testing.T) {
	setup, _ := ct.ToMFASetup(t)
	bad, _ := ct.SubmitAt(setup, ct.T1, "mfa.assign", map[string]string{"mfa.code1": "12", "mfa.code2": ""})
	require.Equal(t, "true", ct.AttrOf(ct.Find(t, bad, "textbox", "MFA code 1"), "aria-invalid"))
	code2Bad := ct.AttrOf(ct.Find(t, bad, "textbox", "MFA code 2"), "aria-invalid")
	bad = ct.Send(bad, console.Input{Now: ct.T1, Field: "mfa.code1", Value: "12345"})
	require.Equal(t, "true", ct.AttrOf(ct.Find(t, bad, "textbox", "MFA code 1"), "aria-invalid"))
	bad = ct.Send(bad, console.Input{Now: ct.T1, Field: "mfa.code1", Value: "123456"})
	require.NotEqual(t, "true", ct.AttrOf(ct.Find(t, bad, "textbox", "MFA code 1"), "aria-invalid"))
	require.Equal(t, code2Bad, ct.AttrOf(ct.Find(t, bad, "textbox", "MFA code 2"), "aria-invalid"), "the other code keeps its state")
}
