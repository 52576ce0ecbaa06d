package mfa_test

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	mfaarea "labsim/console/mfa"
	"labsim/console/ui"
	"labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/mfa"
)

// mfaT1 is 10 s into a time step, when the tests type their codes.
var mfaT1 = consoletest.T1

// mfaPseudo returns m rendered in the pseudo-locale.
func mfaPseudo(m Model) Model {
	m.UI.Lang = i18n.Pseudo
	return m
}

// mfaCodeAt returns secret's code k steps from now's step.
func mfaCodeAt(t *testing.T, s mfa.Secret, now time.Time, k int64) string {
	t.Helper()
	c, err := mfa.CodeAt(s, mfa.Step(now)+k)
	require.NoError(t, err)
	return c
}

// core.SubmitButton sends a form with its values at now.
func mfaSend(m Model, now time.Time, form string, values map[string]string) (Model, []Effect) {
	return Update(m, Submit{Now: now, Form: form, Values: values})
}

// mfaPress activates a control found by role and name at now.
func mfaPress(t *testing.T, m Model, now time.Time, role, name string) (Model, []Effect) {
	t.Helper()
	n := find(t, m, role, name)
	action, ok := n.Attr("data-action")
	require.True(t, ok, "%s %q has no data-action", role, name)
	arg, _ := n.Attr("data-arg")
	return Update(m, Click{Now: now, Action: action, Arg: arg})
}

// lastEvent returns the world's latest event.
func lastEvent(m Model) sim.Event { return m.World.Events[len(m.World.Events)-1] }

// toSetup takes the demo model through Activate MFA → Continue and returns
// the model on the setup step with its pending secret.
func toSetup(t *testing.T) (Model, mfa.Secret) {
	t.Helper()
	m := demoModel(t)
	m = send(m, Navigate{Now: mfaT1, Hash: "#/security-credentials"})
	m, _ = mfaPress(t, m, mfaT1, "button", "Multi-factor authentication (MFA)")
	m, _ = mfaPress(t, m, mfaT1, "button", "Activate MFA")
	m, _ = mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.type": "virtual"})
	require.Equal(t, "#/security-credentials/mfa/virtual", m.UI.Route)
	s, ok := m.MFAPendingSecret()
	require.True(t, ok)
	return m, s
}

// decodeDataURL decodes a QR code from a PNG data URL with gozxing, an
// independent decoder, using its full detector as a phone would.
func decodeDataURL(t *testing.T, url string) (text string, width int) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(url, "data:image/png;base64,"))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(raw))
	require.NoError(t, err)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(t, err)
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	require.NoError(t, err)
	return res.GetText(), img.Bounds().Dx()
}

func TestMFAWizardFromMySecurityCredentials(t *testing.T) {
	m := demoModel(t)
	// The path of the textbook: account name → My Security Credentials.
	m = click(m, "menu", "account")
	link := find(t, m, "link", "My Security Credentials")
	href, _ := link.Attr("href")
	m, fx := Update(m, Navigate{Now: mfaT1, Hash: href})
	require.Contains(t, fx, Effect(Focus{ID: "page-title"}))
	find(t, m, "heading", "My Security Credentials")
	find(t, m, "heading", "Multi-factor authentication (MFA)")
	// The section opens on Activate MFA, as the textbook's path says.
	_, shown := ui.Find(View(m), "button", "Activate MFA")
	require.False(t, shown, "the sections start collapsed")
	m, fx = mfaPress(t, m, mfaT1, "button", "Multi-factor authentication (MFA)")
	require.Equal(t, []Focus{{ID: "cred-sec-mfa"}}, effectsOf[Focus](fx), "focus stays on the section's button")
	require.True(t, ui.ContainsText(View(m), "No MFA device is assigned to the root user."))
	checkPseudo(t, mfaPseudo(m))

	m, fx = mfaPress(t, m, mfaT1, "button", "Activate MFA")
	require.Equal(t, "#/security-credentials/mfa", m.UI.Route)
	requireDialogFocus(t, m, fx, "Manage MFA device")
	virtual := find(t, m, "radio", "Virtual MFA device")
	require.True(t, virtual.Has("checked"), "the lab's device is chosen by default")
	find(t, m, "radio", "U2F security key")
	find(t, m, "radio", "Other hardware MFA device")
	checkPseudo(t, mfaPseudo(m))

	// The hardware devices are explained and refused honestly.
	for _, kind := range []string{"u2f", "hardware"} {
		m2, fx := mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.type": kind})
		require.Equal(t, "#/security-credentials/mfa", m2.UI.Route)
		require.Equal(t, []Focus{{ID: "mfa-type-" + kind}}, effectsOf[Focus](fx))
		errNode, ok := ui.ByID(View(m2), "mfa-type-error")
		require.True(t, ok)
		require.Contains(t, errNode.TextContent(), "Choose Virtual MFA device")
		checkPseudo(t, mfaPseudo(m2))
		require.Len(t, m2.World.Events, len(m.World.Events), "nothing is created")
	}

	m, fx = mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.type": "virtual"})
	require.Equal(t, "#/security-credentials/mfa/virtual", m.UI.Route)
	requireDialogFocus(t, m, fx, "Set up virtual MFA device")
	ev := lastEvent(m)
	require.Equal(t, "iam:CreateVirtualMFADevice", ev.Action)
	require.Equal(t, "arn:aws:iam::123456789012:mfa/root-account-mfa-device", ev.Resource)
	secret, ok := m.MFAPendingSecret()
	require.True(t, ok)
	require.Len(t, secret.Base32(), 64)
	find(t, m, "heading", "Set up virtual MFA device")
	find(t, m, "textbox", "MFA code 1")
	find(t, m, "textbox", "MFA code 2")
	require.True(t, ui.ContainsText(View(m), "Google Authenticator"))
	checkPseudo(t, mfaPseudo(m))
}

func TestMFAQRCodeIsTheExactURIAndCached(t *testing.T) {
	m, secret := toSetup(t)
	_, shown := ui.ByID(View(m), "mfa-qr")
	require.False(t, shown, "the QR code waits for Show QR code")

	m, _ = mfaPress(t, m, mfaT1, "button", "Show QR code")
	img := find(t, m, "img", "QR code of the virtual MFA device for 123456789012")
	src, _ := img.Attr("src")
	want := "otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012?secret=" +
		secret.Base32() + "&issuer=Amazon%20Web%20Services"
	text, width := decodeDataURL(t, src)
	require.Equal(t, want, text)
	mat, err := mfa.QR(want)
	require.NoError(t, err)
	side := (mat.Size() + 2*mfa.QuietZone) * mfaarea.ModulePx
	require.Equal(t, side, width)
	w, _ := img.Attr("width")
	require.Equal(t, strconv.Itoa(side), w, "drawn at its own size: %d CSS px per module", mfaarea.ModulePx)
	require.GreaterOrEqual(t, mfaarea.ModulePx, 6)
	require.Contains(t, img.Attrs, ui.A("class", "mfa-qr"))
	checkPseudo(t, mfaPseudo(m))

	// Clock ticks re-render without drawing again.
	cached := m.MFA.QR
	m = send(m, Tick{Now: mfaT1.Add(time.Second)})
	require.Equal(t, cached, m.MFA.QR)

	// The secret key.
	m, _ = mfaPress(t, m, mfaT1, "button", "Show secret key")
	key, ok := ui.ByID(View(m), "mfa-key")
	require.True(t, ok)
	require.Equal(t, secret.Base32(), key.TextContent())
	checkPseudo(t, mfaPseudo(m))

	// Never in diagnostics.
	d := consoletest.Diagnostics(m, "report")
	require.NotContains(t, d, secret.Base32())
	require.NotContains(t, d, "otpauth")

	// A reload keeps the pending secret, so the QR code stays the same.
	data, err := m.Encode(m.Revision)
	require.NoError(t, err)
	r, _ := Update(Model{}, Init{Now: mfaT1, Seed: [32]byte{8}, Saved: data, Hash: "#/security-credentials/mfa/virtual", Query: map[string]string{"lang": "en"}})
	require.Equal(t, "#/security-credentials/mfa/virtual", r.UI.Route)
	again, ok := r.MFAPendingSecret()
	require.True(t, ok)
	require.Equal(t, secret, again)
	require.False(t, r.MFA.ShowQR, "what was revealed is not saved")
	r, _ = mfaPress(t, r, mfaT1, "button", "Show QR code")
	src2, _ := find(t, r, "img", "QR code of the virtual MFA device for 123456789012").Attr("src")
	require.Equal(t, src, src2)
}

func TestMFAQRUsesTheAlias(t *testing.T) {
	m, secret := toSetup(t)
	a := m.World.Accounts[m.Session.AccountID]
	a.Alias = "my-lab"
	m.World.Accounts[a.ID] = a
	m, _ = mfaPress(t, m, mfaT1, "button", "Show QR code")
	src, _ := find(t, m, "img", "QR code of the virtual MFA device for my-lab").Attr("src")
	text, _ := decodeDataURL(t, src)
	require.Equal(t, mfa.URI(mfa.DefaultRootDeviceName, "my-lab", secret), text)
}

func TestMFAAssignErrorsAndSuccess(t *testing.T) {
	m, secret := toSetup(t)
	c := func(k int64) string { return mfaCodeAt(t, secret, mfaT1, k) }
	tests := []struct {
		name, code1, code2 string
		field, text, hint  string
		focus              string
	}{
		{"short code 1", "12345", c(0), "mfa-code1-error", "MFA code 1 must be exactly 6 digits.", "", "mfa-code1"},
		{"letters in code 2", c(-1), "12a456", "mfa-code2-error", "MFA code 2 can contain only the digits 0–9.", "", "mfa-code2"},
		{"empty", "", "", "mfa-code1-error", "MFA code 1 must be exactly 6 digits.", "", "mfa-code1"},
		{"wrong", "000000", "000001", "mfa-codes-error", "Authentication code for device is not valid.", "do not come from this QR code", "mfa-code1"},
		{"same code", c(0), c(0), "mfa-codes-error", "Authentication code for device is not valid.", "Both codes are the same", "mfa-code1"},
		{"not consecutive", c(-2), c(0), "mfa-codes-error", "Authentication code for device is not valid.", "do not follow each other", "mfa-code1"},
		{"stale", c(-8), c(-7), "mfa-codes-error", "Authentication code for device is not valid.", "too old", "mfa-code1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m2, fx := mfaSend(m, mfaT1, "mfa.assign", map[string]string{"mfa.code1": tt.code1, "mfa.code2": tt.code2})
			require.Equal(t, []Focus{{ID: tt.focus}}, effectsOf[Focus](fx))
			v := View(m2)
			n, ok := ui.ByID(v, tt.field)
			require.True(t, ok, "error %s", tt.field)
			require.Equal(t, tt.text, n.TextContent())
			role, _ := n.Attr("role")
			require.Equal(t, "alert", role)
			if tt.hint != "" {
				require.True(t, ui.ContainsText(v, tt.hint))
			}
			in := find(t, m2, "textbox", "MFA code 1")
			inv, _ := in.Attr("aria-invalid")
			require.Equal(t, tt.field != "mfa-code2-error", inv == "true")
			// Nothing typed is lost.
			val, _ := in.Attr("value")
			require.Equal(t, tt.code1, val)
			require.Empty(t, m2.World.Accounts[sim.DemoAccountID].RootMFA)
			checkPseudo(t, mfaPseudo(m2))
		})
	}

	// Typed as an app shows them ("123 456"), consecutive codes assign.
	spaced := func(s string) string { return s[:3] + " " + s[3:] }
	m, fx := mfaSend(m, mfaT1, "mfa.assign", map[string]string{"mfa.code1": spaced(c(-1)), "mfa.code2": c(0)})
	require.Equal(t, "#/security-credentials/mfa/done", m.UI.Route)
	requireDialogFocus(t, m, fx, "Set up virtual MFA device")
	ev := lastEvent(m)
	require.Equal(t, "iam:EnableMFADevice", ev.Action)
	require.Equal(t, "", ev.ErrorCode)
	devs := m.World.Accounts[sim.DemoAccountID].RootMFA
	require.Len(t, devs, 1)
	require.Equal(t, secret, devs[0].Secret)
	_, pending := m.MFAPendingSecret()
	require.False(t, pending, "the pending secret is gone once assigned")
	require.Empty(t, m.Field("mfa.code1"))
	require.True(t, ui.ContainsText(View(m), "You have successfully assigned virtual MFA. This virtual MFA will be required during sign-in."))
	checkPseudo(t, mfaPseudo(m))

	m, fx = mfaPress(t, m, mfaT1, "button", "Close")
	require.Equal(t, "#/security-credentials", m.UI.Route)
	require.Equal(t, "mfa-manage-0", lastFocus(t, fx), "focus goes to the new device's Manage")
	requireFocusInView(t, m, fx)
	v := View(m)
	require.True(t, ui.ContainsText(v, "arn:aws:iam::123456789012:mfa/root-account-mfa-device"))
	require.True(t, ui.ContainsText(v, "Assigned MFA devices: 1"))
	_, hasActivate := ui.Find(v, "button", "Activate MFA")
	require.False(t, hasActivate)
	find(t, m, "button", "Manage MFA device arn:aws:iam::123456789012:mfa/root-account-mfa-device")
	checkPseudo(t, mfaPseudo(m))

	// The wizard refuses a second device of the textbook generation.
	m = send(m, Navigate{Now: mfaT1, Hash: "#/security-credentials/mfa"})
	require.True(t, ui.ContainsText(View(m), "An MFA device is already assigned"))
	checkPseudo(t, mfaPseudo(m))
}

func TestMFAPreviousKeepsAndCancelDeletesThePendingDevice(t *testing.T) {
	m, secret := toSetup(t)
	m, _ = mfaPress(t, m, mfaT1, "button", "Previous")
	require.Equal(t, "#/security-credentials/mfa", m.UI.Route)
	n := len(m.World.Events)
	m, _ = mfaSend(m, mfaT1, "mfa.type", map[string]string{"mfa.type": "virtual"})
	again, _ := m.MFAPendingSecret()
	require.Equal(t, secret, again, "Continue again reuses the pending device")
	require.Len(t, m.World.Events, n, "no second CreateVirtualMFADevice")

	m, _ = mfaPress(t, m, mfaT1, "button", "Cancel")
	require.Equal(t, "#/security-credentials", m.UI.Route)
	_, ok := m.MFAPendingSecret()
	require.False(t, ok)
	require.Equal(t, "iam:DeleteVirtualMFADevice", lastEvent(m).Action)

	// The setup URL without a pending device offers to start again.
	m = send(m, Navigate{Now: mfaT1, Hash: "#/security-credentials/mfa/virtual"})
	require.True(t, ui.ContainsText(View(m), "This setup was cancelled or has expired."))
	checkPseudo(t, mfaPseudo(m))
	m, _ = mfaPress(t, m, mfaT1, "button", "Start again")
	require.Equal(t, "#/security-credentials/mfa", m.UI.Route)
}

func TestMFAPendingSecretBelongsToItsAccount(t *testing.T) {
	m, _ := toSetup(t)
	m.Session.AccountID = "999999999999"
	_, ok := m.MFAPendingSecret()
	require.False(t, ok)
}

// assigned returns the demo model with the root device assigned at mfaT1.
func assigned(t *testing.T) (Model, mfa.Secret) {
	t.Helper()
	m, secret := toSetup(t)
	m, _ = mfaSend(m, mfaT1, "mfa.assign", map[string]string{
		"mfa.code1": mfaCodeAt(t, secret, mfaT1, -1), "mfa.code2": mfaCodeAt(t, secret, mfaT1, 0)})
	require.Len(t, m.World.Accounts[sim.DemoAccountID].RootMFA, 1)
	m, _ = mfaPress(t, m, mfaT1, "button", "Close")
	return m, secret
}

func TestMFAManageRemoveWithConfirmation(t *testing.T) {
	m, _ := assigned(t)
	m, _ = mfaPress(t, m, mfaT1, "button", "Manage MFA device arn:aws:iam::123456789012:mfa/root-account-mfa-device")
	require.Equal(t, "#/security-credentials/manage", m.UI.Route)
	checkPseudo(t, mfaPseudo(m))
	m, _ = mfaPress(t, m, mfaT1, "button", "Remove MFA device")
	find(t, m, "alertdialog", "")
	checkPseudo(t, mfaPseudo(m))
	require.Len(t, m.World.Accounts[sim.DemoAccountID].RootMFA, 1, "nothing before confirmation")

	// Cancel keeps the device.
	m2, _ := mfaPress(t, m, mfaT1, "button", "Cancel")
	require.Empty(t, m2.Confirm)
	require.Len(t, m2.World.Accounts[sim.DemoAccountID].RootMFA, 1)

	m, _ = mfaPress(t, m, mfaT1, "button", "Remove")
	require.Equal(t, "#/security-credentials", m.UI.Route)
	require.Empty(t, m.World.Accounts[sim.DemoAccountID].RootMFA)
	n := len(m.World.Events)
	require.Equal(t, "iam:DeactivateMFADevice", m.World.Events[n-2].Action)
	require.Equal(t, "iam:DeleteVirtualMFADevice", m.World.Events[n-1].Action)
	require.Equal(t, "mfa.notice.removed", m.Notices[len(m.Notices)-1].Key)
	find(t, m, "button", "Activate MFA")
	checkPseudo(t, mfaPseudo(m))
}

// TestMFAManageRemoveMovesFocus: the removal's confirmation, its Cancel
// and its confirmation each move focus to something on the page.
func TestMFAManageRemoveMovesFocus(t *testing.T) {
	m, _ := assigned(t)
	m, _ = mfaPress(t, m, mfaT1, "button", "Manage MFA device arn:aws:iam::123456789012:mfa/root-account-mfa-device")
	steps := []struct {
		role, name, focus, route string
	}{
		{"button", "Remove MFA device", "mfa-remove-text", "#/security-credentials/manage"},
		{"button", "Cancel", mfaarea.RemoveBtnID, "#/security-credentials/manage"},
		{"button", "Remove MFA device", "mfa-remove-text", "#/security-credentials/manage"},
		{"button", "Remove", "cred-mfa-activate", "#/security-credentials"},
	}
	for _, s := range steps {
		var fx []Effect
		m, fx = mfaPress(t, m, mfaT1, s.role, s.name)
		require.Equal(t, s.route, m.UI.Route, s.name)
		focus := effectsOf[Focus](fx)
		require.NotEmpty(t, focus, s.name)
		require.Equal(t, s.focus, focus[len(focus)-1].ID, s.name)
		requireFocusInView(t, m, fx)
	}
	require.Empty(t, m.World.Accounts[sim.DemoAccountID].RootMFA)
}

func TestMFAManageResync(t *testing.T) {
	m, secret := assigned(t)
	later := mfaT1.Add(3 * time.Minute)
	m, _ = mfaPress(t, m, later, "button", "Manage MFA device arn:aws:iam::123456789012:mfa/root-account-mfa-device")
	m, _ = mfaPress(t, m, later, "button", "Resync MFA device")
	require.Equal(t, "#/security-credentials/manage/resync", m.UI.Route)
	find(t, m, "heading", "Resync MFA device")
	checkPseudo(t, mfaPseudo(m))

	m2, _ := mfaSend(m, later, "mfa.resync", map[string]string{"mfa.code1": "111111", "mfa.code2": "222222"})
	n, ok := ui.ByID(View(m2), "mfa-codes-error")
	require.True(t, ok)
	require.Equal(t, "Authentication code for device is not valid.", n.TextContent())
	checkPseudo(t, mfaPseudo(m2))

	m, _ = mfaSend(m, later, "mfa.resync", map[string]string{
		"mfa.code1": mfaCodeAt(t, secret, later, -1), "mfa.code2": mfaCodeAt(t, secret, later, 0)})
	require.Equal(t, "#/security-credentials", m.UI.Route)
	require.Equal(t, "iam:ResyncMFADevice", lastEvent(m).Action)
	require.Equal(t, "mfa.notice.resynced", m.Notices[len(m.Notices)-1].Key)
	require.Equal(t, mfa.Step(later), m.World.Accounts[sim.DemoAccountID].RootMFA[0].LastUsedStep)
}

func TestMFAPagesNeedASession(t *testing.T) {
	m, _ := start(t, map[string]string{"world": "signed-up", "lang": "en"}, "")
	for _, h := range []string{"#/security-credentials", "#/security-credentials/mfa/virtual", "#/iam"} {
		m2 := send(m, Navigate{Now: mfaT1, Hash: h})
		require.Equal(t, "#/", m2.UI.Route, h)
	}
}

func TestMFASecretNeverInDiagnosticsOrEvents(t *testing.T) {
	m, secret := assigned(t)
	m = send(m, Crashed{Now: mfaT1, Report: "boom"})
	for _, n := range m.Notices {
		require.NotContains(t, n.Diagnostics, secret.Base32())
	}
	require.NotContains(t, consoletest.Diagnostics(m, ""), secret.Base32())
	for _, ev := range m.World.Events {
		for k, v := range ev.Detail {
			require.NotContains(t, v, secret.Base32(), k)
		}
	}
}

func TestPNGWidth(t *testing.T) {
	url, err := mfa.DataURL("otpauth://totp/x?secret="+mfa.DemoSecret.Base32(), 3)
	require.NoError(t, err)
	_, width := decodeDataURL(t, url)
	got, err := mfaarea.PNGWidth(url)
	require.NoError(t, err)
	require.Equal(t, width, got)
	for _, bad := range []string{"", "data:image/png;base64,", "data:image/png;base64," + strings.Repeat("A", 40), "https://x"} {
		_, err := mfaarea.PNGWidth(bad)
		require.Error(t, err, bad)
	}
}

// lastFocus is the id of the last Focus effect: the one that wins.
func lastFocus(t *testing.T, fx []Effect) string {
	t.Helper()
	f := effectsOf[Focus](fx)
	require.NotEmpty(t, f)
	return f[len(f)-1].ID
}

// requireDialogFocus checks that a modal dialog named title is open: role
// dialog with aria-modal, named by its heading, which takes focus, and the
// page behind it inert and hidden from assistive technology.
func requireDialogFocus(t *testing.T, m Model, fx []Effect, title string) {
	t.Helper()
	v := View(m)
	d, ok := ui.Find(v, "dialog", title)
	require.True(t, ok, "a dialog named %q", title)
	require.Equal(t, "true", suAttr(d, "aria-modal"))
	require.Equal(t, "mfa-dialog-title", suAttr(d, "aria-labelledby"))
	require.Equal(t, "mfa-dialog-title", lastFocus(t, fx))
	requireFocusInView(t, m, fx)
	page, ok := ui.Find(v, "heading", "My Security Credentials")
	require.True(t, ok)
	_ = page
	behind := findClass(v, "mfa-page")
	require.NotNil(t, behind)
	require.True(t, behind.Has("inert"), "the page behind the dialog is inert")
	require.Equal(t, "true", suAttr(*behind, "aria-hidden"))
}

// findClass returns the first element whose class list has cls.
func findClass(n ui.Node, cls string) *ui.Node {
	for _, c := range strings.Fields(suAttr(n, "class")) {
		if c == cls {
			return &n
		}
	}
	for _, k := range n.Kids {
		if f := findClass(k, cls); f != nil {
			return f
		}
	}
	return nil
}
