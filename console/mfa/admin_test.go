package mfa_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/mfa"
)

// lunaPage boots delegation-done with a session made by mk and opens the
// Security credentials tab of Luna's page.
func lunaPage(t *testing.T, mk func(a sim.Account) sim.Session) Model {
	t.Helper()
	m := ct.StartCheap(t, map[string]string{"world": "delegation-done", "lang": "en"})
	m.Session = mk(m.World.Accounts[sim.DemoAccountID])
	m = send(m, Navigate{Now: mfaT1, Hash: "#/iam/users/Luna"})
	return ct.Click(m, "iam.u.tab", "security")
}

func asRoot(a sim.Account) sim.Session { return sim.RootSession(a, mfaT1, false) }

// TestAdminAssignsMFADeviceToAUser: on an IAM user's Security credentials
// tab the root user (or an allowed administrator) assigns a virtual MFA
// device through the same wizard, as a modal dialog over the page: the
// device name, the type, a real QR code of the user's device, two
// consecutive codes. Each call goes through the door, authorised and
// logged without the secret; Escape, Cancel and Close return focus to
// Assign MFA device.
func TestAdminAssignsMFADeviceToAUser(t *testing.T) {
	m := lunaPage(t, asRoot)
	require.Empty(t, m.World.Accounts[sim.DemoAccountID].IAM.Users[luna(t, m)].MFA)
	m, fx := mfaPress(t, m, mfaT1, "button", "Assign MFA device")
	requireAdminDialog(t, m, fx, "Assign MFA device: Luna")
	name := find(t, m, "textbox", "Device name")
	require.Equal(t, "Luna", suAttr(name, "value"))
	find(t, m, "radio", "Virtual MFA device")
	checkPseudo(t, mfaPseudo(m))

	// A device name AWS refuses, and a hardware device, are refused at
	// their field with nothing created.
	n := len(m.World.Events)
	bad, fx := mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.admin.device": "Luna phone", "mfa.type": "virtual"})
	require.Equal(t, "mfa-device-name", lastFocus(t, fx))
	require.Equal(t, "true", suAttr(find(t, bad, "textbox", "Device name"), "aria-invalid"))
	require.Equal(t, "Luna phone", suAttr(find(t, bad, "textbox", "Device name"), "value"), "nothing typed is lost")
	require.Len(t, bad.World.Events, n)
	hw, fx := mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.admin.device": "Luna", "mfa.type": "hardware"})
	require.Equal(t, "mfa-type-hardware", lastFocus(t, fx))
	require.Len(t, hw.World.Events, n)

	// Escape on the first step closes the dialog, focus on the opener.
	esc, fx := Update(m, Key{Now: mfaT1, Key: "Escape"})
	require.Equal(t, "iam-u-mfa-assign", lastFocus(t, fx))
	requireFocusInView(t, esc, fx)
	_, open := ui.Find(View(esc), "dialog", "")
	require.False(t, open)

	m, fx = mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.admin.device": "Luna", "mfa.type": "virtual"})
	requireAdminDialog(t, m, fx, "Set up virtual MFA device")
	ev := lastEvent(m)
	require.Equal(t, "iam:CreateVirtualMFADevice", ev.Action)
	require.Equal(t, "arn:aws:iam::123456789012:mfa/Luna", ev.Resource)
	require.Equal(t, sim.Allowed, ev.Decision)
	require.Equal(t, "#/iam/users/Luna", m.UI.Route, "the dialog opens over the user's page")

	// The real QR code of Luna's device, and the same secret as text.
	m, fx = mfaPress(t, m, mfaT1, "button", "Show QR code")
	require.Equal(t, "mfa-qr", lastFocus(t, fx))
	src := suAttr(find(t, m, "img", "QR code of the virtual MFA device for 123456789012"), "src")
	uri, _ := decodeDataURL(t, src)
	m, _ = mfaPress(t, m, mfaT1, "button", "Show secret key")
	key, ok := ui.ByID(View(m), "mfa-key")
	require.True(t, ok)
	secret, err := mfa.ParseSecret(key.TextContent())
	require.NoError(t, err)
	require.Equal(t, mfa.URI("Luna", "123456789012", secret), uri)
	// The virtual phone's Authenticator app can scan it from the dialog.
	onScreen, ok := m.MFAQROnScreen()
	require.True(t, ok)
	require.Equal(t, uri, onScreen)
	checkPseudo(t, mfaPseudo(m))

	// Wrong codes are refused next to the fields; then two consecutive
	// codes assign the device to Luna.
	wrong, _ := mfaSend(m, mfaT1, "mfa.assign", map[string]string{"mfa.code1": "000000", "mfa.code2": "000001"})
	e, ok := ui.ByID(View(wrong), "mfa-codes-error")
	require.True(t, ok)
	require.Equal(t, "Authentication code for device is not valid.", e.TextContent())
	m, fx = mfaSend(m, mfaT1, "mfa.assign", map[string]string{
		"mfa.code1": mfaCodeAt(t, secret, mfaT1, -1), "mfa.code2": mfaCodeAt(t, secret, mfaT1, 0)})
	requireAdminDialog(t, m, fx, "Set up virtual MFA device")
	require.True(t, ui.ContainsText(View(m), "You have successfully assigned virtual MFA."))
	ev = lastEvent(m)
	require.Equal(t, "iam:EnableMFADevice", ev.Action)
	require.Equal(t, "arn:aws:iam::123456789012:user/Luna", ev.Resource)
	u := m.World.Accounts[sim.DemoAccountID].IAM.Users[luna(t, m)]
	require.Len(t, u.MFA, 1)
	require.Equal(t, "arn:aws:iam::123456789012:mfa/Luna", u.MFA[0].Serial)
	checkPseudo(t, mfaPseudo(m))

	m, fx = mfaPress(t, m, mfaT1, "button", "Close")
	require.Equal(t, "iam-u-mfa-assign", lastFocus(t, fx))
	requireFocusInView(t, m, fx)
	require.True(t, ui.ContainsText(View(m), "arn:aws:iam::123456789012:mfa/Luna"))
	require.True(t, ui.ContainsText(View(m), "Multi-factor authentication (MFA) (1)"))

	// Never logged, never in diagnostics.
	log, err := json.Marshal(m.World.Events)
	require.NoError(t, err)
	require.NotContains(t, string(log), secret.Base32())
	require.NotContains(t, ct.Diagnostics(m, ""), secret.Base32())

	// A second device with the same name is refused at the name.
	m, _ = mfaPress(t, m, mfaT1, "button", "Assign MFA device")
	dup, fx := mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.admin.device": "Luna", "mfa.type": "virtual"})
	require.Equal(t, "mfa-device-name", lastFocus(t, fx))
	require.Equal(t, "iam:CreateVirtualMFADevice", lastEvent(dup).Action)
	require.NotEmpty(t, lastEvent(dup).ErrorCode)
}

// TestAdminMFACancelDeletesTheUnassignedDevice: Cancel after Continue
// deletes the device (iam:DeleteVirtualMFADevice), as AWS's console does.
func TestAdminMFACancelDeletesTheUnassignedDevice(t *testing.T) {
	m := lunaPage(t, asRoot)
	m, _ = mfaPress(t, m, mfaT1, "button", "Assign MFA device")
	m, _ = mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.admin.device": "luna-phone", "mfa.type": "virtual"})
	for _, close := range []func(Model) (Model, []Effect){
		func(m Model) (Model, []Effect) { return mfaPress(t, m, mfaT1, "button", "Cancel") },
		func(m Model) (Model, []Effect) { return mfaPress(t, m, mfaT1, "button", "Close dialog") },
		func(m Model) (Model, []Effect) { return Update(m, Key{Now: mfaT1, Key: "Escape"}) },
	} {
		c, fx := close(m)
		require.Equal(t, "iam-u-mfa-assign", lastFocus(t, fx))
		ev := lastEvent(c)
		require.Equal(t, "iam:DeleteVirtualMFADevice", ev.Action)
		require.Equal(t, "arn:aws:iam::123456789012:mfa/luna-phone", ev.Resource)
		_, pending := c.MFAPendingSecret()
		require.False(t, pending)
		require.Empty(t, c.World.Accounts[sim.DemoAccountID].IAM.Users[luna(t, c)].MFA)
	}
	// Leaving the page hides the dialog; it is not shown on another page.
	away := send(m, Navigate{Now: mfaT1, Hash: "#/iam/users/SuperUser"})
	_, open := ui.Find(View(away), "dialog", "")
	require.False(t, open)
}

// TestAdminMFANeedsPermission: an administrator whose policies do not
// allow iam:CreateVirtualMFADevice gets AWS's AccessDenied at the step,
// logged as denied; nothing is created.
func TestAdminMFANeedsPermission(t *testing.T) {
	m := ct.StartCheap(t, map[string]string{"world": "delegation-done", "lang": "en"})
	root := asRoot(m.World.Accounts[sim.DemoAccountID])
	w, err := m.World.Do(root, sim.CreateUser{Name: "Reader"}, m.Env())
	require.NoError(t, err)
	w, err = w.Do(root, sim.AttachUserPolicy{UserName: "Reader", PolicyARN: "arn:aws:iam::aws:policy/IAMReadOnlyAccess"}, m.Env())
	require.NoError(t, err)
	a := w.Accounts[sim.DemoAccountID]
	reader, _ := a.IAM.User("Reader")
	m.World = w
	m.Session = sim.UserSession(a, reader, mfaT1, false)
	m = send(m, Navigate{Now: mfaT1, Hash: "#/iam/users/Luna"})
	m = ct.Click(m, "iam.u.tab", "security")
	m, _ = mfaPress(t, m, mfaT1, "button", "Assign MFA device")
	denied, fx := mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.admin.device": "Luna", "mfa.type": "virtual"})
	require.Equal(t, "mfa-type-virtual", lastFocus(t, fx))
	ev := lastEvent(denied)
	require.Equal(t, "iam:CreateVirtualMFADevice", ev.Action)
	require.NotEqual(t, sim.Allowed, ev.Decision)
	errNode, ok := ui.ByID(View(denied), "mfa-type-error")
	require.True(t, ok)
	require.Contains(t, errNode.TextContent(), "iam:CreateVirtualMFADevice")
	require.Equal(t, "alert", suAttr(errNode, "role"))
	_, pending := denied.MFAPendingSecret()
	require.False(t, pending)
}

// luna returns Luna's index in the demo account's users.
func luna(t *testing.T, m Model) int {
	t.Helper()
	for i, u := range m.World.Accounts[sim.DemoAccountID].IAM.Users {
		if u.Name == "Luna" {
			return i
		}
	}
	t.Fatal("no Luna")
	return -1
}

// requireAdminDialog checks the administrator's dialog: modal, named by
// its heading which has focus, over the IAM user's page made inert.
func requireAdminDialog(t *testing.T, m Model, fx []Effect, title string) {
	t.Helper()
	v := View(m)
	d, ok := ui.Find(v, "dialog", title)
	require.True(t, ok, "a dialog named %q", title)
	require.Equal(t, "true", suAttr(d, "aria-modal"))
	require.Equal(t, "mfa-dialog-title", lastFocus(t, fx))
	requireFocusInView(t, m, fx)
	var inert bool
	v.Walk(func(n ui.Node) bool {
		if n.Has("inert") {
			inert = true
			require.Equal(t, "true", suAttr(n, "aria-hidden"))
		}
		return true
	})
	require.True(t, inert, "the user's page behind the dialog is inert")
}
