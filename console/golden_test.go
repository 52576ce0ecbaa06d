package console_test

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// updateGolden rewrites testdata/golden from the current views. The files
// were first captured from the console before its pages became data (see
// TestEveryPageRendersAsBefore).
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden")

// goldenScreens collects every page and state of every area: the sign-up,
// sign-in and devices screens, the MFA pages, the authenticator app and the
// shell's pages and menus.
func goldenScreens(t *testing.T) map[string]Model {
	t.Helper()
	out := suAllScreens(t)
	for k := range out {
		// suAllScreens adds Korean copies while ranging over its map, so
		// some runs copy a copy: keep one of each.
		if len(k) > 6 && k[:6] == "ko-ko-" {
			delete(out, k)
		}
	}
	// The shell.
	signedOut, _ := start(t, map[string]string{"lang": "en"}, "")
	signedIn := demoModel(t)
	for _, h := range []string{"#/", "#/services/s3", "#/services/iam", "#/simulator", "#/nowhere", "#/iam"} {
		out["out"+h] = send(signedOut, Navigate{Now: t0, Hash: h})
		in := send(signedIn, Navigate{Now: t0, Hash: h})
		out["in"+h] = in
		if h == "#/" {
			for _, menu := range []string{"services", "region", "account", "simulator"} {
				out["in-menu-"+menu] = click(in, "menu", menu)
			}
			out["in-guide"] = click(in, "guide", "")
		}
	}
	out["crashed"] = send(signedIn, Crashed{Now: t0, Report: "x"})
	// My Security Credentials and the MFA wizard.
	cred := send(signedIn, Navigate{Now: mfaT1, Hash: "#/security-credentials"})
	out["credentials-collapsed"] = cred
	for _, sec := range []string{"pw", "mfa", "keys", "cloudfront", "x509", "ids"} {
		cred = click(cred, "mfa.section", sec)
	}
	out["credentials"] = cred
	typ, _ := mfaPress(t, cred, mfaT1, "button", "Activate MFA")
	out["mfa-type"] = typ
	typErr, _ := mfaSend(typ, mfaT1, "mfa.type", map[string]string{"mfa.type": "u2f"})
	out["mfa-type-error"] = typErr
	setup, secret := toSetup(t)
	out["mfa-setup"] = setup
	qr, _ := mfaPress(t, setup, mfaT1, "button", "Show QR code")
	out["mfa-setup-qr"] = qr
	key, _ := mfaPress(t, setup, mfaT1, "button", "Show secret key")
	out["mfa-setup-key"] = key
	bad, _ := mfaSend(setup, mfaT1, "mfa.assign", map[string]string{"mfa.code1": "12", "mfa.code2": ""})
	out["mfa-setup-errors"] = bad
	done, _ := mfaSend(setup, mfaT1, "mfa.assign", map[string]string{
		"mfa.code1": mfaCodeAt(t, secret, mfaT1, -1), "mfa.code2": mfaCodeAt(t, secret, mfaT1, 0)})
	out["mfa-assigned"] = done
	as, _ := assigned(t)
	out["credentials-device"] = as
	manage, _ := mfaPress(t, as, mfaT1, "button", "Manage MFA device arn:aws:iam::123456789012:mfa/root-account-mfa-device")
	out["mfa-manage"] = manage
	rm, _ := mfaPress(t, manage, mfaT1, "button", "Remove MFA device")
	out["mfa-manage-remove"] = rm
	// The MFA step of the sign-in.
	smfa := toSigninMFA(t, mfaT1)
	out["signin-mfa"] = smfa
	f1, _ := submitCode(smfa, mfaT1, "12")
	out["signin-mfa-format"] = f1
	failed := smfa
	for range 3 {
		failed, _ = submitCode(failed, mfaT1, "000000")
	}
	out["signin-mfa-failed"] = failed
	ts := send(smfa, Navigate{Now: mfaT1, Hash: "#/signin-mfa/troubleshoot"})
	out["signin-mfa-troubleshoot"] = ts
	alt, _ := mfaPress(t, ts, mfaT1, "button", "Sign in using alternative factors")
	out["signin-mfa-alt"] = alt
	alt, _ = mfaPress(t, alt, mfaT1, "button", "Send verification email")
	out["signin-mfa-alt-sent"] = alt
	mail := alt.World.Devices.Inbox[len(alt.World.Devices.Inbox)-1]
	wrong, _ := Update(alt, Submit{Now: mfaT1, Form: "signinmfa.verifyEmail", Values: map[string]string{"signinmfa.emailcode": "x"}})
	out["signin-mfa-alt-wrong"] = wrong
	alt, _ = Update(alt, Submit{Now: mfaT1, Form: "signinmfa.verifyEmail", Values: map[string]string{"signinmfa.emailcode": mail.Args["code"]}})
	out["signin-mfa-alt-verified"] = alt
	alt, _ = mfaPress(t, alt, mfaT1, "button", "Call me now")
	out["signin-mfa-alt-called"] = alt
	call, _ := alt.World.Devices.RingingCall()
	w, err := alt.World.Do(alt.Session, sim.AnswerCall{ItemID: call.ID, Digits: call.Args["pin"]}, alt.Env())
	require.NoError(t, err)
	alt.World = w
	out["signin-mfa-alt-phone"] = alt
	out["signin-mfa-expired"] = send(signedOut, Navigate{Now: mfaT1, Hash: "#/signin-mfa"})
	// The authenticator app.
	app := click(click(signedIn, "devices.open", "phone"), "devices.app", "authenticator")
	out["auth-home"] = app
	appPress := func(t *testing.T, m Model, role, name string) Model {
		t.Helper()
		m, _ = mfaPress(t, m, mfaT1, role, name)
		return m
	}
	add := appPress(t, app, "button", "Add account")
	out["auth-add"] = add
	out["auth-scan"] = appPress(t, add, "button", "Scan a QR code")
	keyScreen := appPress(t, add, "button", "Enter a setup key")
	out["auth-key"] = keyScreen
	keyErr, _ := mfaSend(keyScreen, mfaT1, "auth.key", map[string]string{"auth.account": "", "auth.key": "ABC"})
	out["auth-key-error"] = keyErr
	withAcct, _ := mfaSend(keyScreen, mfaT1, "auth.key", map[string]string{"auth.account": "my lab", "auth.key": "JBSWY3DPEHPK3PXP"})
	out["auth-account"] = withAcct
	out["auth-remove"] = appPress(t, withAcct, "button", "Remove my lab")
	return out
}

// TestEveryPageRendersAsBefore renders every screen in both languages and
// compares its HTML with the HTML the console gave before its pages became
// data (testdata/golden, captured from the builder-call views). The
// conversion is meant to keep every byte; intended differences are listed
// in goldenDifferences.
func TestEveryPageRendersAsBefore(t *testing.T) {
	screens := goldenScreens(t)
	names := make([]string, 0, len(screens))
	for k := range screens {
		names = append(names, k)
	}
	sort.Strings(names)
	dir := filepath.Join("testdata", "golden")
	if *updateGolden {
		require.NoError(t, os.MkdirAll(dir, 0o755))
	}
	for _, name := range names {
		for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
			m := screens[name]
			m.UI.Lang = l
			got := ui.HTML(View(m))
			file := filepath.Join(dir, goldenFile(name)+"."+string(l)+".html")
			if *updateGolden {
				require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
				continue
			}
			want, err := os.ReadFile(file)
			require.NoError(t, err, "no golden file for %s (run go test -run TestEveryPageRendersAsBefore -update-golden)", name)
			require.Equal(t, goldenDifferences(string(want)), got, "%s in %s", name, l)
		}
	}
}

// goldenFile turns a screen name into a file name.
func goldenFile(name string) string {
	b := []byte(name)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			b[i] = '_'
		}
	}
	return string(b)
}

// goldenDifferences applies the intended differences between the HTML
// before the conversion and now. There are none: the data pages render the
// same bytes as the builder calls did.
func goldenDifferences(before string) string { return before }
