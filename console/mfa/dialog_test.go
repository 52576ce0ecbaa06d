package mfa_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
)

// TestMFADialogEscapeCancelAndBackReturnFocus: Escape, Cancel and × close
// the wizard (deleting the unassigned device) and focus returns to
// Activate MFA; leaving a dialog by the browser's back button does too; a
// reload or deep link on a dialog's route shows the dialog with focus on
// its heading.
func TestMFADialogEscapeCancelAndBackReturnFocus(t *testing.T) {
	setup, _ := toSetup(t)
	closeBy := map[string]func(Model) (Model, []Effect){
		"Escape": func(m Model) (Model, []Effect) { return Update(m, Key{Now: mfaT1, Key: "Escape"}) },
		"Cancel": func(m Model) (Model, []Effect) { return mfaPress(t, m, mfaT1, "button", "Cancel") },
		"×":      func(m Model) (Model, []Effect) { return mfaPress(t, m, mfaT1, "button", "Close dialog") },
	}
	for name, close := range closeBy {
		t.Run(name, func(t *testing.T) {
			for _, m := range []Model{setup, send(setup, Navigate{Now: mfaT1, Hash: "#/security-credentials/mfa"})} {
				m, fx := close(m)
				require.Equal(t, "#/security-credentials", m.UI.Route)
				require.Equal(t, "cred-mfa-activate", lastFocus(t, fx))
				requireFocusInView(t, m, fx)
				_, open := ui.Find(View(m), "dialog", "")
				require.False(t, open)
				_, pending := m.MFAPendingSecret()
				require.False(t, pending)
				require.Equal(t, "iam:DeleteVirtualMFADevice", lastEvent(m).Action)
				require.False(t, findClass(View(m), "mfa-page").Has("inert"))
			}
		})
	}

	// Back from the dialog: the page, focus on the opener; forward: the
	// dialog again, focus on its heading (the pending device is kept).
	back, fx := Update(setup, Navigate{Now: mfaT1, Hash: "#/security-credentials"})
	require.Equal(t, "cred-mfa-activate", lastFocus(t, fx))
	requireFocusInView(t, back, fx)
	fwd, fx := Update(back, Navigate{Now: mfaT1, Hash: "#/security-credentials/mfa/virtual"})
	requireDialogFocus(t, fwd, fx, "Set up virtual MFA device")
	_, pending := fwd.MFAPendingSecret()
	require.True(t, pending)

	// A reload on the dialog's route.
	data, err := setup.Encode(setup.Revision)
	require.NoError(t, err)
	r, fx := Update(Model{}, Init{Now: mfaT1, Seed: [32]byte{8}, Saved: data, Hash: "#/security-credentials/mfa/virtual", Query: map[string]string{"lang": "en"}})
	requireDialogFocus(t, r, fx, "Set up virtual MFA device")

	// A deep link to the wizard opens the MFA section behind it.
	m := send(demoModel(t), Navigate{Now: mfaT1, Hash: "#/security-credentials/mfa"})
	m, fx = Update(m, Key{Now: mfaT1, Key: "Escape"})
	require.Equal(t, "cred-mfa-activate", lastFocus(t, fx))
	requireFocusInView(t, m, fx)
}

// TestMFAManageDialogReturnsFocusToManage: Manage is a dialog too; Escape
// and Cancel return focus to the device's Manage button.
func TestMFAManageDialogReturnsFocusToManage(t *testing.T) {
	m, _ := assigned(t)
	const manage = "Manage MFA device arn:aws:iam::123456789012:mfa/root-account-mfa-device"
	open, fx := mfaPress(t, m, mfaT1, "button", manage)
	requireDialogFocus(t, open, fx, "Manage MFA device")
	for _, close := range []func(Model) (Model, []Effect){
		func(m Model) (Model, []Effect) { return Update(m, Key{Now: mfaT1, Key: "Escape"}) },
		func(m Model) (Model, []Effect) { return mfaPress(t, m, mfaT1, "button", "Cancel") },
	} {
		m2, fx := close(open)
		require.Equal(t, "#/security-credentials", m2.UI.Route)
		require.Equal(t, "mfa-manage-0", lastFocus(t, fx))
		requireFocusInView(t, m2, fx)
		require.Len(t, m2.World.Accounts["123456789012"].RootMFA, 1, "closing removes nothing")
	}
	resync, fx := mfaPress(t, open, mfaT1, "button", "Resync MFA device")
	requireDialogFocus(t, resync, fx, "Resync MFA device")
}
