package console

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

func TestFreshStartShowsLandingInBrowserLanguage(t *testing.T) {
	m, fx := start(t, nil, "")
	require.False(t, m.Session.SignedIn())
	require.Equal(t, i18n.EN, m.UI.Lang)
	require.Equal(t, "ap-northeast-2", m.UI.Region)
	find(t, m, "link", "Create an AWS Account")
	find(t, m, "link", "Sign In to the Console")
	find(t, m, "heading", "Learn AWS in a console that runs offline")
	require.NotEmpty(t, effectsOf[Save](fx), "the first state is saved")

	m, _ = Update(Model{}, Init{Now: t0, BrowserLang: "ko-KR"})
	require.Equal(t, i18n.KO, m.UI.Lang)
	find(t, m, "link", "AWS 계정 생성")
}

func TestLanguageFromQueryBeatsSavedAndBrowser(t *testing.T) {
	m, _ := start(t, map[string]string{"lang": "ko"}, "")
	saved, err := m.Encode(3)
	require.NoError(t, err)
	m2, _ := Update(Model{}, Init{Now: t0, Saved: saved, BrowserLang: "en"})
	require.Equal(t, i18n.KO, m2.UI.Lang, "saved choice beats the browser")
	m3, _ := Update(Model{}, Init{Now: t0, Saved: saved, BrowserLang: "ko", Query: map[string]string{"lang": "en"}})
	require.Equal(t, i18n.EN, m3.UI.Lang, "the URL beats the saved choice")
}

func TestPreparedWorldFromURLIsAppliedOnceAndURLRewritten(t *testing.T) {
	m, fx := start(t, map[string]string{"world": "demo", "lang": "en"}, "")
	require.True(t, m.Session.Root)
	urls := effectsOf[SetURL](fx)
	require.NotEmpty(t, urls)
	last := urls[len(urls)-1]
	require.Equal(t, "?lang=en", last.Query, "world= is dropped so that a reload keeps the student's work")
	find(t, m, "heading", "Console Home")
	m2, _ := start(t, map[string]string{"world": "nope"}, "")
	require.Equal(t, "notice.world.unknown", m2.Notices[0].Key)
}

func TestServicesMenuFiltersAndOpensAServicePage(t *testing.T) {
	m := demoModel(t)
	m = press(t, m, "button", "Services")
	require.Equal(t, "services", m.Menu)
	require.Equal(t, "true", attrOf(find(t, m, "button", "Services"), "aria-expanded"))
	find(t, m, "searchbox", "Search services")
	m = send(m, Input{Now: t0, Field: "services.filter", Value: "S3"})
	menu := find(t, m, "region", "Services")
	var names []string
	for _, l := range ui.FindAll(menu, "link", "") {
		names = append(names, l.Kids[0].TextContent())
	}
	require.Equal(t, []string{"S3", "S3 Glacier"}, names)
	m = send(m, Input{Now: t0, Field: "services.filter", Value: "zzzz"})
	require.True(t, ui.ContainsText(View(m), "No matches"))

	m = send(m, Navigate{Now: t0, Hash: "#/services/s3"})
	require.Equal(t, "", m.Menu, "navigation closes menus")
	find(t, m, "heading", "S3")
	require.True(t, ui.ContainsText(View(m), "Amazon Simple Storage Service"))
	require.True(t, ui.ContainsText(View(m), "Storage"))
	require.True(t, ui.ContainsText(View(m), "In this simulator"))
	require.Equal(t, "S3 | labsim", Title(m))
}

func TestEveryServiceHasAPage(t *testing.T) {
	m := demoModel(t)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		m.UI.Lang = lang
		for _, s := range Services {
			m2 := send(m, Navigate{Now: t0, Hash: "#/services/" + s.ID})
			find(t, m2, "heading", s.Name)
			c := m2.Catalog()
			require.True(t, ui.ContainsText(View(m2), c.T("svc."+s.ID+".desc")), s.ID)
			require.True(t, ui.ContainsText(View(m2), c.T("cat."+s.Category)), s.ID)
		}
	}
}

func attrOf(n ui.Node, k string) string { v, _ := n.Attr(k); return v }

func TestRegionSelectorChangesRegionAndShowsGlobalOnIAM(t *testing.T) {
	m := demoModel(t)
	find(t, m, "button", "Region: Seoul")
	m = click(m, "menu", "region")
	m = press(t, m, "button", "US East (Ohio) us-east-2")
	require.Equal(t, "us-east-2", m.UI.Region)
	require.Equal(t, "", m.Menu)
	s, err := Decode(mustEncode(t, m))
	require.NoError(t, err)
	require.Equal(t, "us-east-2", s.UI.Region, "the region is saved")

	m = send(m, Navigate{Now: t0, Hash: "#/services/iam"})
	g := find(t, m, "button", "Global")
	require.True(t, g.Has("disabled"))
}

func mustEncode(t *testing.T, m Model) string {
	s, err := m.Encode(m.Revision)
	require.NoError(t, err)
	return s
}

func TestLanguageSwitchRerendersAndRewritesURL(t *testing.T) {
	m := demoModel(t)
	m, fx := Update(m, Click{Now: t0, Action: "lang", Arg: "ko"})
	require.Equal(t, i18n.KO, m.UI.Lang)
	find(t, m, "button", "서비스")
	require.Equal(t, []SetURL{{Query: "?lang=ko", Hash: "#/"}}, effectsOf[SetURL](fx))
	require.Len(t, effectsOf[Save](fx), 1)
}

func TestAccountMenuShowsIDCredentialsAndSignsOut(t *testing.T) {
	m := demoModel(t)
	m = press(t, m, "button", "Account menu: labsim-demo")
	menu := find(t, m, "region", "Account")
	require.True(t, ui.ContainsText(menu, "1234-5678-9012"))
	_, ok := ui.Find(menu, "link", "My Security Credentials")
	require.True(t, ok)
	m = press(t, m, "button", "Sign out")
	require.False(t, m.Session.SignedIn())
	require.Equal(t, "signin:ConsoleLogout", m.World.Events[len(m.World.Events)-1].Action)
	find(t, m, "link", "Create an AWS Account")
}

func TestSignedOutVisitorsOfConsolePagesSeeTheLanding(t *testing.T) {
	m, _ := start(t, nil, "")
	m, fx := Update(m, Navigate{Now: t0, Hash: "#/services/ec2"})
	require.Equal(t, "#/", m.UI.Route)
	require.NotEmpty(t, effectsOf[SetURL](fx))
}

func TestDeepLinkAndUnknownPage(t *testing.T) {
	m, _ := start(t, map[string]string{"world": "demo"}, "")
	saved := mustEncode(t, m)
	m2, _ := Update(Model{}, Init{Now: t0, Saved: saved, Hash: "#/services/vpc"})
	find(t, m2, "heading", "VPC")
	m3, _ := Update(Model{}, Init{Now: t0, Saved: saved, Hash: ""})
	require.Equal(t, m.UI.Route, m3.UI.Route, "a bare URL resumes the saved page")
	m4 := send(m2, Navigate{Now: t0, Hash: "#/nowhere"})
	find(t, m4, "heading", "Page not found")
}

func TestMenusCloseWithEscapeAndGuideToggles(t *testing.T) {
	m := demoModel(t)
	m = click(m, "menu", "services")
	m = send(m, Key{Now: t0, Key: "Escape"})
	require.Equal(t, "", m.Menu)
	m = press(t, m, "button", "Lab guide")
	find(t, m, "complementary", "")
	require.True(t, m.UI.GuideOpen)
	m = press(t, m, "button", "Close the lab guide")
	require.False(t, m.UI.GuideOpen)
}

func TestUpdateNeverChangesTheOldModel(t *testing.T) {
	m := demoModel(t)
	m = send(m, Input{Now: t0, Field: "a", Value: "1"})
	before := mustEncode(t, m)
	_ = send(m, Input{Now: t0, Field: "a", Value: "2"})
	_ = click(m, "region", "us-west-2")
	_ = click(m, "signout", "")
	require.Equal(t, before, mustEncode(t, m))
	require.Equal(t, "1", m.UI.Fields["a"])
}

func TestSecretsAreNeverSavedOrExported(t *testing.T) {
	m := demoModel(t)
	m = send(m, Input{Now: t0, Field: "signup.password", Value: "Secret-Pass-123"})
	m = send(m, Input{Now: t0, Field: "signup.card.number", Value: "4111111111111111"})
	m = send(m, Input{Now: t0, Field: "signup.email", Value: "kept@example.com"})
	enc := mustEncode(t, m)
	require.NotContains(t, enc, "Secret-Pass-123")
	require.NotContains(t, enc, "4111111111111111")
	require.Contains(t, enc, "kept@example.com")
	_, fx := Update(m, Click{Now: t0, Action: "export"})
	dl := effectsOf[Download](fx)
	require.Len(t, dl, 1)
	require.NotContains(t, dl[0].Data, "Secret-Pass-123")
	require.NotContains(t, dl[0].Data, "4111111111111111")
	for _, s := range effectsOf[Save](fx) {
		require.NotContains(t, s.Data, "Secret-Pass-123")
	}
	require.NotContains(t, m.diagnostics("x"), "Secret-Pass-123")
	require.NotContains(t, m.diagnostics("x"), "kept@example.com")
}

func TestPseudoLocaleFindsNoUntranslatedText(t *testing.T) {
	hashes := []string{"#/", "#/services/s3", "#/services/iam", "#/simulator", "#/nowhere"}
	check := func(m Model) { checkPseudo(t, m) }
	signedOut, _ := start(t, map[string]string{"lang": "pseudo"}, "")
	signedIn, _ := start(t, map[string]string{"lang": "pseudo", "world": "demo"}, "")
	for _, base := range []Model{signedOut, signedIn} {
		for _, h := range hashes {
			m := send(base, Navigate{Now: t0, Hash: h})
			check(m)
			for _, menu := range []string{"services", "region", "account", "simulator"} {
				if m.Session.SignedIn() {
					check(click(m, "menu", menu))
				}
			}
			m = click(m, "guide", "")
			check(m)
		}
	}
	crashed := send(signedIn, Crashed{Now: t0, Report: "x"})
	check(crashed)
}

func TestPreparedWorldsAreListedWithDescriptions(t *testing.T) {
	m, _ := start(t, nil, "")
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	for _, p := range sim.PreparedWorlds() {
		find(t, m, "button", "Load world "+p.Name)
		require.True(t, m.Catalog().Has("world."+p.Name), p.Name)
	}
	m = press(t, m, "button", "Load world demo")
	require.False(t, m.Session.SignedIn(), "loading asks for confirmation first")
	find(t, m, "alertdialog", "")
	m = press(t, m, "button", "Confirm")
	require.True(t, m.Session.SignedIn())
}

func TestKeyboardFocusFollowsMenus(t *testing.T) {
	m := demoModel(t)
	for menu, want := range map[string]string{"services": "services-filter", "region": "region-ap-northeast-2",
		"account": "account-credentials", "simulator": "simulator-open"} {
		m2, fx := Update(m, Click{Now: t0, Action: "menu", Arg: menu})
		require.Equal(t, []Focus{{ID: want}}, effectsOf[Focus](fx), menu)
		_, ok := ui.ByID(View(m2), want)
		require.True(t, ok, "the focus target %s exists", want)
		m3, fx := Update(m2, Key{Now: t0, Key: "Escape"})
		require.Equal(t, "", m3.Menu)
		require.Equal(t, []Focus{{ID: "menu-btn-" + menu}}, effectsOf[Focus](fx), "focus returns to the menu button")
		m4 := click(m2, "outside", "")
		require.Equal(t, "", m4.Menu, "a click outside closes the menu")
	}
	_, fx := Update(m, Click{Now: t0, Action: "skip"})
	require.Equal(t, []Focus{{ID: "page-title"}}, effectsOf[Focus](fx))
	find(t, m, "button", "Skip to main content")
}

func TestLinkToAStepNotReachedCorrectsTheAddressBar(t *testing.T) {
	m, _ := start(t, map[string]string{"lang": "en"}, "")
	m, fx := Update(m, Navigate{Now: t0, Hash: "#/signup/4"})
	require.Equal(t, "#/signup/1", m.UI.Route)
	urls := effectsOf[SetURL](fx)
	require.NotEmpty(t, urls)
	require.Equal(t, "#/signup/1", urls[len(urls)-1].Hash)
}

func TestEscapeClosesTheDevicesDrawer(t *testing.T) {
	m := demoModel(t)
	m = click(m, "devices.open", "phone")
	require.Equal(t, "phone", m.Drawer.Tab)
	m, fx := Update(m, Key{Now: t0, Key: "Escape"})
	require.Equal(t, "", m.Drawer.Tab)
	require.Equal(t, []Focus{{ID: "devices-btn-phone"}}, effectsOf[Focus](fx))
}

func TestInfoNoticesGoAwayWhenThePageChanges(t *testing.T) {
	m := demoModel(t)
	require.Equal(t, "notice.world.loaded.demo", m.Notices[0].Key)
	m = send(m, StorageFailed{Now: t0.Add(time.Second), Reason: "full"})
	m = send(m, Navigate{Now: t0.Add(2 * time.Second), Hash: "#/services/s3"})
	require.Len(t, m.Notices, 1, "the info banner went, the warning stays")
	require.Equal(t, "warning", m.Notices[0].Kind)
}
