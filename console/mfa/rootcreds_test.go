package mfa_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
)

// TestMySecurityCredentialsSections: the root user's page has the
// textbook's expandable sections, in its order: Password,
// Multi-factor authentication (MFA) opening on Activate MFA, Access keys,
// CloudFront key pairs, X.509 certificate and Account identifiers. Each
// heading is a button with aria-expanded that controls its region; the
// open sections are kept across a reload.
func TestMySecurityCredentialsSections(t *testing.T) {
	m := ct.Send(ct.Demo(t), console.Navigate{Now: ct.T1, Hash: "#/security-credentials"})
	for _, s := range []struct{ title, id, inside string }{
		{"Password", "pw", "Current password"},
		{"Multi-factor authentication (MFA)", "mfa", "No MFA device is assigned to the root user."},
		{"Access keys (access key ID and secret access key)", "keys", "AWS recommends that you do not create access keys"},
		{"CloudFront key pairs", "cloudfront", "The simulator has no CloudFront key pairs."},
		{"X.509 certificate", "x509", "The simulator has none"},
		{"Account identifiers", "ids", "arn:aws:iam::123456789012:root"},
	} {
		ct.Find(t, m, "heading", s.title)
		btn := ct.Find(t, m, "button", s.title)
		require.Equal(t, "false", ct.AttrOf(btn, "aria-expanded"), s.title)
		require.Equal(t, "cred-panel-"+s.id, ct.AttrOf(btn, "aria-controls"), s.title)
		require.False(t, ct.Shows(m, s.inside), "%s starts collapsed", s.title)
		panel, ok := ui.ByID(console.View(m), "cred-panel-"+s.id)
		require.True(t, ok, "the controlled region exists while collapsed")
		require.True(t, panel.Has("hidden"))

		open, fx := ct.PressAt(t, m, ct.T1, "button", s.title)
		require.Equal(t, []console.Focus{{ID: "cred-sec-" + s.id}}, ct.EffectsOf[console.Focus](fx), "focus stays on %s", s.title)
		btn = ct.Find(t, open, "button", s.title)
		require.Equal(t, "true", ct.AttrOf(btn, "aria-expanded"), s.title)
		panel, _ = ui.ByID(console.View(open), "cred-panel-"+s.id)
		require.False(t, panel.Has("hidden"))
		require.Equal(t, "region", ct.AttrOf(panel, "role"))
		require.Equal(t, "cred-sec-"+s.id, ct.AttrOf(panel, "aria-labelledby"))
		require.True(t, ct.Shows(open, s.inside), "%s shows its content", s.title)
		ct.CheckPseudo(t, ct.Pseudo(open))

		shut, _ := ct.PressAt(t, open, ct.T1, "button", s.title)
		require.False(t, ct.Shows(shut, s.inside), "%s collapses again", s.title)

		// A reload keeps the section open.
		data, err := open.Encode(open.Revision)
		require.NoError(t, err)
		r, _ := console.Update(console.Model{}, console.Init{Now: ct.T1, Seed: [32]byte{8}, Saved: data, Hash: "#/security-credentials", Query: map[string]string{"lang": "en"}})
		require.True(t, ct.Shows(r, s.inside), "%s stays open after a reload", s.title)
	}
	m, _ = ct.PressAt(t, m, ct.T1, "button", "Multi-factor authentication (MFA)")
	ct.Find(t, m, "button", "Activate MFA")
	m, _ = ct.PressAt(t, m, ct.T1, "button", "Access keys (access key ID and secret access key)")
	ct.Find(t, m, "button", "Create access key")
	ct.CheckPseudo(t, ct.Pseudo(m))
}

// openCreds is My Security Credentials with the named sections open.
func openCreds(t *testing.T, titles ...string) console.Model {
	t.Helper()
	m := ct.Send(ct.Demo(t), console.Navigate{Now: ct.T1, Hash: "#/security-credentials"})
	for _, s := range titles {
		m, _ = ct.PressAt(t, m, ct.T1, "button", s)
	}
	return m
}

// TestRootAccessKeyFromTheConsole: the warning first, then the key with
// its secret shown once; leaving the page forgets it; Delete removes the
// key. Focus goes to each new part.
func TestRootAccessKeyFromTheConsole(t *testing.T) {
	m := openCreds(t, "Access keys (access key ID and secret access key)")
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
	m := openCreds(t, "Password")
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
