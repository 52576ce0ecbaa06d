package devices_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/devices"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/mfa"
)

// app renders the Authenticator app of m.
func app(m Model) ui.Node { return devices.AuthenticatorApp(m.Model, m.Catalog()) }

// appFind finds a control in the app by role and name.
func appFind(t *testing.T, m Model, role, name string) ui.Node {
	t.Helper()
	n, ok := ui.Find(app(m), role, name)
	require.True(t, ok, "no %s named %q in the app:\n%s", role, name, ui.HTML(app(m)))
	return n
}

// appPress activates an app control.
func appPress(t *testing.T, m Model, now time.Time, role, name string) Model {
	t.Helper()
	n := appFind(t, m, role, name)
	action, _ := n.Attr("data-action")
	arg, _ := n.Attr("data-arg")
	m, _ = Update(m, Click{Now: now, Action: action, Arg: arg})
	return m
}

// checkAppPseudo checks the app's text in the pseudo-locale.
func checkAppPseudo(t *testing.T, m Model) {
	t.Helper()
	m.UI.Lang = i18n.Pseudo
	app(m).Walk(func(n ui.Node) bool {
		if n.Tag == "" && !n.Verbatim && strings.TrimSpace(n.Text) != "" {
			require.True(t, strings.HasPrefix(n.Text, "⟦"), "text %q does not come from a catalog", n.Text)
		}
		for _, a := range []string{"aria-label", "placeholder", "title", "alt"} {
			if v, ok := n.Attr(a); ok && n.Tag != "" {
				require.True(t, strings.HasPrefix(v, "⟦"), "%s=%q does not come from a catalog", a, v)
			}
		}
		return true
	})
}

func TestAuthenticatorAddByScanningTheWizardsQRCode(t *testing.T) {
	m, secret := toSetup(t)
	require.True(t, ui.ContainsText(app(m), "No accounts yet."))
	checkAppPseudo(t, m)
	m = appPress(t, m, mfaT1, "button", "Add account")
	checkAppPseudo(t, m)

	// No QR code on screen yet: the camera sees nothing.
	m = appPress(t, m, mfaT1, "button", "Scan a QR code")
	require.Equal(t, "scan", m.MFA.Auth)
	require.True(t, ui.ContainsText(app(m), "The camera sees no QR code."))
	require.Empty(t, m.World.Devices.Authenticator)
	checkAppPseudo(t, m)

	m, _ = mfaPress(t, m, mfaT1, "button", "Show QR code")
	m = appPress(t, m, mfaT1, "button", "Scan a QR code")
	require.Equal(t, "", m.MFA.Auth)
	require.Len(t, m.World.Devices.Authenticator, 1)
	e := m.World.Devices.Authenticator[0]
	require.Equal(t, mfa.Issuer, e.Issuer)
	require.Equal(t, "root-account-mfa-device@123456789012", e.Account)
	require.Equal(t, secret, e.Secret)
	require.Equal(t, "device:AddAuthenticatorAccount", lastEvent(m).Action)
	checkAppPseudo(t, m)

	// The app's code and countdown at a given time (10 s into a step).
	code := mfaCodeAt(t, secret, mfaT1, 0)
	n, ok := ui.ByID(app(m), "auth-code-1")
	require.True(t, ok)
	require.Equal(t, code[:3]+" "+code[3:], n.TextContent())
	entry := appFind(t, m, "listitem", "Amazon Web Services: root-account-mfa-device@123456789012")
	require.True(t, ui.ContainsText(entry, code[:3]+" "+code[3:]))
	require.True(t, ui.ContainsText(entry, "New code in 20 seconds"))
	require.True(t, ui.ContainsText(app(m), "20 s"))
	// A clock tick at the next step shows the next code.
	m = send(m, Tick{Now: mfaT1.Add(25 * time.Second)})
	n, _ = ui.ByID(app(m), "auth-code-1")
	next := mfaCodeAt(t, secret, mfaT1, 1)
	require.Equal(t, next[:3]+" "+next[3:], n.TextContent())
	require.True(t, ui.ContainsText(app(m), "25 s"))

	// The app's codes assign the device.
	m, _ = mfaSend(m, mfaT1.Add(25*time.Second), "mfa.assign", map[string]string{"mfa.code1": code, "mfa.code2": next})
	require.Equal(t, "#/security-credentials/mfa/done", m.UI.Route)
}

func TestAuthenticatorAddByTypingTheKey(t *testing.T) {
	m := demoModel(t)
	m = appPress(t, m, mfaT1, "button", "Add account")
	m = appPress(t, m, mfaT1, "button", "Enter a setup key")
	appFind(t, m, "textbox", "Account name")
	appFind(t, m, "textbox", "Your key")
	checkAppPseudo(t, m)

	tests := []struct {
		name, account, key string
		field, text        string
	}{
		{"no account", "", mfa.DemoSecret.Base32(), "auth-account-error", "Enter an account name."},
		{"no key", "lab", "", "auth-key-error", "Enter the key."},
		{"bad characters", "lab", "ABCDEFGH01234567", "auth-key-error", "The key can contain only the letters A–Z and the digits 2–7."},
		{"too short", "lab", "ABCDEFGH", "auth-key-error", "The key is too short or too long: check that you typed all of it."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m2, fx := mfaSend(m, mfaT1, "auth.key", map[string]string{"auth.account": tt.account, "auth.key": tt.key})
			require.Len(t, effectsOf[Focus](fx), 1)
			n, ok := ui.ByID(app(m2), tt.field)
			require.True(t, ok)
			require.Equal(t, tt.text, n.TextContent())
			require.Empty(t, m2.World.Devices.Authenticator)
			v, _ := appFind(t, m2, "textbox", "Your key").Attr("value")
			require.Equal(t, tt.key, v, "nothing typed is lost")
			checkAppPseudo(t, m2)
		})
	}

	// Spaces and lower case, as a student copies a key, are fine.
	typed := strings.ToLower(mfa.DemoSecret.Base32()[:8]) + " " + mfa.DemoSecret.Base32()[8:]
	m, _ = mfaSend(m, mfaT1, "auth.key", map[string]string{"auth.account": "my lab", "auth.key": typed})
	require.Equal(t, "", m.MFA.Auth)
	require.Len(t, m.World.Devices.Authenticator, 1)
	require.Equal(t, mfa.DemoSecret, m.World.Devices.Authenticator[0].Secret)
	require.Empty(t, m.Field("auth.key"), "the typed key is not kept in the form")
	n, _ := ui.ByID(app(m), "auth-code-1")
	code := mfaCodeAt(t, mfa.DemoSecret, mfaT1, 0)
	require.Equal(t, code[:3]+" "+code[3:], n.TextContent())

	// Remove, with a confirmation.
	m = appPress(t, m, mfaT1, "button", "Remove my lab")
	appFind(t, m, "alertdialog", "")
	checkAppPseudo(t, m)
	m = appPress(t, m, mfaT1, "button", "Remove account")
	require.Empty(t, m.World.Devices.Authenticator)
}

func TestAuthenticatorAccountsAreSaved(t *testing.T) {
	m := demoModel(t)
	m, _ = mfaSend(m, mfaT1, "auth.key", map[string]string{"auth.account": "lab", "auth.key": mfa.DemoSecret.Base32()})
	data, err := m.Encode(m.Revision)
	require.NoError(t, err)
	s, err := Decode(data)
	require.NoError(t, err)
	require.Equal(t, m.World.Devices.Authenticator, s.World.Devices.Authenticator)
}

func TestTOTPParseURI(t *testing.T) {
	uri := mfa.URI("a b,c", "alias", mfa.DemoSecret)
	issuer, account, secret, err := devices.TOTPParseURI(uri)
	require.NoError(t, err)
	require.Equal(t, mfa.Issuer, issuer)
	require.Equal(t, "a b,c@alias", account)
	require.Equal(t, mfa.DemoSecret, secret)
	for _, bad := range []string{"https://example.com", "otpauth://hotp/x?secret=" + mfa.DemoSecret.Base32(), "otpauth://totp/x?secret=1"} {
		_, _, _, err := devices.TOTPParseURI(bad)
		require.Error(t, err, bad)
	}
}

// openAuthenticator opens the virtual phone's Authenticator app.
func openAuthenticator(t *testing.T, m Model) Model {
	t.Helper()
	m = click(m, "devices.open", "phone")
	m = click(m, "devices.app", "authenticator")
	find(t, m, "heading", "Authenticator")
	return m
}

// TestAuthenticatorFocusFollowsEveryScreen: every action of the app moves
// focus to something on the new screen, never to the page's body.
func TestAuthenticatorFocusFollowsEveryScreen(t *testing.T) {
	type step struct {
		press string // a button's name, or "" to submit the key form
		focus string
	}
	tests := []struct {
		name  string
		start func(t *testing.T) Model
		steps []step
	}{
		{"add, then cancel", demoModel, []step{
			{"Add account", devices.TOTPTitleID},
			{"Cancel", devices.TOTPAddBtnID},
		}},
		{"nothing to scan, then back", demoModel, []step{
			{"Add account", devices.TOTPTitleID},
			{"Scan a QR code", devices.TOTPTitleID},
			{"Scan a QR code", devices.TOTPTitleID},
			{"Back", devices.TOTPAddBtnID},
		}},
		{"type a key, remove with confirmation", demoModel, []step{
			{"Add account", devices.TOTPTitleID},
			{"Enter a setup key", "auth-account"},
			{"", "auth-label-1"},
			{"Remove lab", "auth-remove-1"},
			{"Cancel", "auth-remove-btn-1"},
			{"Remove lab", "auth-remove-1"},
			{"Remove account", devices.TOTPAddBtnID},
		}},
		{"key form cancelled", demoModel, []step{
			{"Add account", devices.TOTPTitleID},
			{"Enter a setup key", "auth-account"},
			{"Cancel", devices.TOTPAddBtnID},
		}},
		{"scan the wizard's QR code", func(t *testing.T) Model {
			m, _ := toSetup(t)
			m, _ = mfaPress(t, m, mfaT1, "button", "Show QR code")
			return m
		}, []step{
			{"Add account", devices.TOTPTitleID},
			{"Scan a QR code", "auth-label-1"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := openAuthenticator(t, tt.start(t))
			for i, s := range tt.steps {
				var fx []Effect
				if s.press == "" {
					m, fx = mfaSend(m, mfaT1, "auth.key", map[string]string{"auth.account": "lab", "auth.key": mfa.DemoSecret.Base32()})
				} else {
					n, ok := ui.Find(drawerOf(m), "button", s.press)
					require.True(t, ok, "step %d: no button %q in the drawer", i, s.press)
					action, _ := n.Attr("data-action")
					arg, _ := n.Attr("data-arg")
					m, fx = Update(m, Click{Now: mfaT1, Action: action, Arg: arg})
				}
				require.Equal(t, []Focus{{ID: s.focus}}, effectsOf[Focus](fx), "step %d (%q)", i, s.press)
				requireFocusInView(t, m, fx)
				checkPseudo(t, mfaPseudo(m))
			}
		})
	}
}

// drawerOf renders the virtual devices drawer of m.
func drawerOf(m Model) ui.Node { return devices.DevicesDrawer(m.Model, m.Catalog()) }

// TestAuthenticatorErrorsClearWhileTyping: the account name's and the
// key's errors go away as soon as the typed value passes its rule.
func TestAuthenticatorErrorsClearWhileTyping(t *testing.T) {
	m := click(click(demoModel(t), "devices.open", "phone"), "devices.app", "authenticator")
	m, _ = mfaPress(t, m, mfaT1, "button", "Add account")
	m, _ = mfaPress(t, m, mfaT1, "button", "Enter a setup key")
	m, _ = Update(m, Submit{Now: mfaT1, Form: "auth.key", Values: map[string]string{"auth.account": "", "auth.key": "ABC"}})
	require.True(t, suText(m, "Enter an account name."))
	m = send(m, Input{Now: mfaT1, Field: "auth.account", Value: "\u200B"})
	require.True(t, suText(m, "Enter an account name."), "an invisible-only name is still empty")
	m = send(m, Input{Now: mfaT1, Field: "auth.account", Value: "my lab"})
	require.False(t, suText(m, "Enter an account name."))
	require.True(t, suText(m, "The key is too short or too long"), "the other field keeps its error")
	m = send(m, Input{Now: mfaT1, Field: "auth.key", Value: "JBSWY3DPEHPK3PXP"})
	require.False(t, suText(m, "The key is too short or too long"))
}
