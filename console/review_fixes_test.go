package console

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/core"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/mfa"
)

func TestOneTimeCodesAreNeverSaved(t *testing.T) {
	m := demoModel(t)
	for _, f := range []string{"mfa.code1", "mfa.code2", "signinmfa.code", "signinmfa.emailcode", "signup.verificationCode"} {
		m = send(m, Input{Now: t0, Field: f, Value: "482913"})
		require.Equal(t, "482913", m.field(f), "%s is readable while the page is open", f)
	}
	require.NotContains(t, mustEncode(t, m), "482913")
}

// TestSecretLookingInputsAreSecretFields renders the pages that take
// passwords and codes and checks that every password input and every
// one-time-code input is kept only in the transient secrets.
func TestSecretLookingInputsAreSecretFields(t *testing.T) {
	signedOut, _ := start(t, map[string]string{"lang": "en", "world": "signed-up"}, "")
	demo := demoModel(t)
	var models []Model
	for _, h := range []string{"#/signup/1", "#/signin", "#/signin/password", "#/signin/reset/x"} {
		models = append(models, send(signedOut, Navigate{Now: t0, Hash: h}))
	}
	for _, h := range []string{"#/security-credentials", "#/iam"} {
		models = append(models, send(demo, Navigate{Now: t0, Hash: h}))
	}
	checked := 0
	for _, m := range models {
		View(m).Walk(func(n ui.Node) bool {
			if n.Tag != "input" {
				return true
			}
			typ, _ := n.Attr("type")
			ac, _ := n.Attr("autocomplete")
			name, _ := n.Attr("name")
			if typ == "password" || ac == "one-time-code" || strings.HasPrefix(ac, "cc-") {
				checked++
				require.True(t, isSecretField(name), "input %q on %s looks secret but would be saved", name, m.UI.Route)
			}
			return true
		})
	}
	require.NotZero(t, checked)
}

func TestBannersAreNeverChangedInPlaceAndShowTheLatestText(t *testing.T) {
	m := demoModel(t)
	m = send(m, EffectFailed{Now: t0, Effect: "download", Text: "first"})
	m = send(m, StorageFailed{Now: t0, Reason: "full"})
	before := append([]Notice(nil), m.Notices...)
	m2 := send(m, EffectFailed{Now: t0, Effect: "download", Text: "second"})
	require.Equal(t, before, m.Notices, "the old model's banners are untouched")
	var texts []string
	for _, n := range m2.Notices {
		if n.Key == "notice.failed.download" {
			texts = append(texts, n.Diagnostics)
		}
		if n.Key == "notice.storage.full" {
			require.Empty(t, n.Diagnostics)
		}
	}
	require.Equal(t, []string{"second"}, texts, "one fallback banner with the latest text")
}

func TestHugePastesAreCut(t *testing.T) {
	m := demoModel(t)
	m = send(m, Input{Now: t0, Field: "signup.accountName", Value: strings.Repeat("가", 100000)})
	v := m.field("signup.accountName")
	require.LessOrEqual(t, len(v), core.MaxFieldLen)
	require.True(t, strings.HasPrefix(strings.Repeat("가", 100000), v), "cut on a character boundary")
}

func TestACrashClearsBusyStates(t *testing.T) {
	m := demoModel(t)
	m.Auth.Busy = "signin.verify"
	m.MFA.Busy = "signin"
	m = send(m, Crashed{Now: t0, Report: "boom"})
	require.Empty(t, m.Auth.Busy)
	require.Empty(t, m.MFA.Busy)
}

func TestWorldLinkKeepsPreviousWorkAside(t *testing.T) {
	prev, _ := start(t, map[string]string{"world": "demo"}, "")
	saved := mustEncode(t, prev)
	m, fx := Update(Model{}, Init{Now: t0, Saved: saved, Query: map[string]string{"world": "fresh", "lang": "en"}})
	aside := effectsOf[SetAside](fx)
	require.Len(t, aside, 1)
	require.Equal(t, saved, aside[0].Data)
	require.True(t, ui.ContainsText(View(m), "kept aside"))
}

func TestSaveConflictMergesTheOtherTabsWork(t *testing.T) {
	m := demoModel(t)
	// Another tab added an authenticator account over the same document.
	other := m
	w, err := other.World.Do(other.Session, sim.AddAuthenticatorAccount{Issuer: "AWS", Account: "root", Secret: mfa.DemoSecret}, other.env())
	require.NoError(t, err)
	other.World = w
	otherData := withBase(mustEncode(t, other), m.persist.stored)
	// This tab changed something else; its save finds the other document.
	m, fx := Update(m, Click{Now: t0, Action: "region", Arg: "us-west-2"})
	m, fx = Update(m, StorageChanged{Now: t0, Data: otherData, Conflict: true})
	require.Len(t, m.World.Devices.Authenticator, 1, "the other tab's change is kept")
	require.Equal(t, "us-west-2", m.UI.Region, "and so is this tab's")
	require.Equal(t, 1, m.Merges())
	require.True(t, ui.ContainsText(View(m), "Changes made in another tab were loaded."))
	saves := effectsOf[Save](fx)
	require.Len(t, saves, 1, "the merged work is saved over the other document")
	require.Equal(t, otherData, saves[0].Base)
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestRevisionAndDevicesAreCheckedOnLoad(t *testing.T) {
	good := mustEncode(t, demoModel(t))
	huge := strings.Replace(good, `"revision":`, `"revision":9223372036854775000,"x":`, 1)
	_, err := Decode(huge)
	require.Error(t, err)
	st, _ := start(t, map[string]string{"world": "root-mfa"}, "")
	withMFA := mustEncode(t, st)
	bad := strings.Replace(withMFA, `"serial":"arn:aws:iam::123456789012:mfa/root-account-mfa-device"`, `"serial":"nonsense"`, 1)
	require.NotEqual(t, withMFA, bad)
	_, err = Decode(bad)
	require.Error(t, err, "an imported MFA device must be well formed")
}

func TestConfirmationsMoveFocusAndGiveItBack(t *testing.T) {
	m := demoModel(t)
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	m, fx := Update(m, Click{Now: t0, Action: "reset"})
	require.Equal(t, []Focus{{ID: "confirm-text"}}, effectsOf[Focus](fx))
	_, ok := ui.ByID(View(m), "confirm-text")
	require.True(t, ok)
	m, fx = Update(m, Click{Now: t0, Action: "cancel"})
	require.Equal(t, []Focus{{ID: "reset-button"}}, effectsOf[Focus](fx))
	_, ok = ui.ByID(View(m), "reset-button")
	require.True(t, ok)
	m, _ = Update(m, Click{Now: t0, Action: "world", Arg: "demo"})
	_, fx = Update(m, Click{Now: t0, Action: "cancel"})
	require.Equal(t, []Focus{{ID: "world-demo"}}, effectsOf[Focus](fx))
}

func TestDiagnosticsHideRouteTokens(t *testing.T) {
	m, _ := start(t, map[string]string{"world": "signed-up"}, "")
	m = send(m, Navigate{Now: t0, Hash: "#/signin/reset/SECRETTOKEN123"})
	require.NotContains(t, m.diagnostics("x"), "SECRETTOKEN123")
}
