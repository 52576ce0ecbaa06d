//go:build entry

// The first-visit binary serves the landing page and the sign-up exactly
// as the full console renders them, and hands every other page over
// (README "Size and speed").
package entrytest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/i18n"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
)

var t0 = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

// boot starts the console as the browser does on a first visit.
func boot(query map[string]string, hash, saved, tab string, storage string) (console.Model, []console.Effect) {
	return console.Update(console.Model{}, console.Init{Now: t0, Seed: [32]byte{7}, Query: query, Hash: hash, Saved: saved, Tab: tab,
		BrowserLang: "en-US", Storage: console.StorageStatus{Mode: storage}, Deployment: "site"})
}

func handsOff(fx []console.Effect) bool {
	for _, e := range fx {
		if _, ok := e.(console.Handoff); ok {
			return true
		}
	}
	return false
}

// TestSignUpScreensRenderAsInTheFullConsole compares every sign-up screen,
// in both languages, with the full console's golden files
// (console/testdata/golden, TestEveryPageRendersAsBefore): the student
// sees the same page whichever binary shows it.
func TestSignUpScreensRenderAsInTheFullConsole(t *testing.T) {
	screens := ct.SuSignUpScreens(t)
	names := make([]string, 0, len(screens))
	for k := range screens {
		if !strings.HasPrefix(k, "ko-ko-") {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	require.Greater(t, len(names), 20)
	for _, name := range names {
		for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
			m := screens[name]
			m.UI.Lang = l
			want, err := os.ReadFile(filepath.Join("..", "testdata", "golden", name+"."+string(l)+".html"))
			require.NoError(t, err, "%s: no golden file", name)
			require.Equal(t, string(want), ui.HTML(console.View(m)), "%s in %s", name, l)
		}
	}
}

func TestLandingAndSignUpAreServedHere(t *testing.T) {
	for _, hash := range []string{"", "#/", "#/signup"} {
		m, fx := boot(map[string]string{"lang": "en"}, hash, "", "", "local")
		require.False(t, handsOff(fx), "%q", hash)
		want, err := os.ReadFile(filepath.Join("..", "testdata", "golden", "out__.en.html"))
		require.NoError(t, err)
		if hash != "#/signup" {
			require.Equal(t, string(want), ui.HTML(console.View(m)), "the landing page as the full console renders it")
		}
		_, ok := ui.Find(console.View(m), "link", "Create an AWS Account")
		require.True(t, ok)
	}
	// The language switch stays here.
	m, _ := boot(map[string]string{"lang": "en"}, "#/", "", "", "local")
	m, fx := console.Update(m, console.Click{Now: t0, Action: "lang", Arg: "ko"})
	require.False(t, handsOff(fx))
	require.Equal(t, i18n.KO, m.UI.Lang)
}

func TestEveryOtherPageIsHandedOver(t *testing.T) {
	for _, hash := range []string{"#/signin", "#/simulator", "#/iam", "#/iam/users", "#/security-credentials", "#/nowhere", "#/signin-mfa"} {
		_, fx := boot(nil, hash, "", "", "local")
		require.True(t, handsOff(fx), "start-up on %s", hash)
		m, _ := boot(nil, "#/", "", "", "local")
		next, fx := console.Update(m, console.Navigate{Now: t0, Hash: hash})
		require.True(t, handsOff(fx), "a link to %s", hash)
		require.Equal(t, m.UI.Route, next.UI.Route, "the route is the full console's to change")
	}
	for _, q := range []map[string]string{{"lab": "create-account"}, {"world": "demo"}} {
		_, fx := boot(q, "#/", "", "", "local")
		require.True(t, handsOff(fx), "%v", q)
	}
	_, fx := boot(nil, "#/", "", "", "memory")
	require.True(t, handsOff(fx), "a page that cannot keep its work in localStorage")
}

// TestSignUpCrossesTheHandOver walks the whole sign-up in this binary,
// then follows the link to sign in: the console hands over, and the last
// save before it holds the new account for the full console to read.
func TestSignUpCrossesTheHandOver(t *testing.T) {
	m := ct.SuToStep(t, 5)
	m = ct.SuCheck(t, m, "radio", "Basic support - Free", true)
	m, fx := ct.SuSubmitFx(t, m, "Complete sign up")
	require.False(t, handsOff(fx))
	require.Len(t, m.World.Accounts, 1)
	saved, err := m.Encode(m.Revision)
	require.NoError(t, err)
	next, fx := console.Update(m, console.Navigate{Now: t0, Hash: "#/signin"})
	require.True(t, handsOff(fx))
	require.Equal(t, m.Revision, next.Revision, "nothing changed after the last save")
	doc, err := console.Decode(saved)
	require.NoError(t, err)
	require.Len(t, doc.World.Accounts, 1)
}

// TestEveryPageHereHasItsMessages renders the pages and drawers this
// binary shows beyond the sign-up screens (the information pages it links
// to, the virtual devices' tabs, the landing page in Korean) and fails on
// a message its catalog lacks (shown as "[key]").
func TestEveryPageHereHasItsMessages(t *testing.T) {
	m, _ := boot(map[string]string{"lang": "en"}, "#/", "", "", "local")
	var states []console.Model
	for _, topic := range []string{"support-plans", "sales", "account", "nowhere"} {
		next, fx := console.Update(m, console.Navigate{Now: t0, Hash: "#/info/" + topic})
		require.False(t, handsOff(fx), topic)
		states = append(states, next)
	}
	for _, tab := range []string{"phone", "inbox", "network"} {
		states = append(states, ct.Click(m, "devices.open", tab))
	}
	app := ct.Click(ct.Click(m, "devices.open", "phone"), "devices.app", "authenticator")
	add, _ := ct.PressAt(t, app, t0, "button", "Add account")
	key, _ := ct.PressAt(t, add, t0, "button", "Enter a setup key")
	states = append(states, app, add, key)
	states = append(states, m)
	for _, s := range states {
		for _, l := range []i18n.Lang{i18n.EN, i18n.KO} {
			s.UI.Lang = l
			html := ui.HTML(console.View(s)) + console.Title(s)
			require.NotRegexp(t, `\[[a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+\]`, html, "%s in %s", s.UI.Route, l)
		}
	}
}

// TestLabGuideOpensInTheFullConsole: the landing page's Lab guide button
// hands over with the guide saved open, so that the full console shows
// it.
func TestLabGuideOpensInTheFullConsole(t *testing.T) {
	m, _ := boot(map[string]string{"lang": "en"}, "#/", "", "", "local")
	m, fx := console.Update(m, console.Click{Now: t0, Action: "guide"})
	require.True(t, handsOff(fx))
	require.True(t, m.UI.GuideOpen)
	saved := ct.EffectsOf[console.Save](fx)
	tabs := ct.EffectsOf[console.SaveTab](fx)
	require.True(t, len(saved) > 0 || len(tabs) > 0, "the open guide is saved before the hand-over")
	var docs []string
	for _, s := range saved {
		docs = append(docs, s.Data)
	}
	for _, s := range tabs {
		docs = append(docs, s.Data)
	}
	require.Contains(t, strings.Join(docs, "\n"), `"guideOpen":true`)
}
