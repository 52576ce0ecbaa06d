package console_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// searchFor types a query into the unified search.
func searchFor(m Model, q string) Model {
	return send(m, Input{Now: t0, Field: "search.q", Value: q})
}

// searchGroups returns the results on screen: group heading → option
// names, in order.
func searchResults(t *testing.T, m Model) map[string][]string {
	t.Helper()
	root := View(m)
	out := map[string][]string{}
	for _, g := range ui.FindAll(root, "group", "") {
		id, _ := g.Attr("aria-labelledby")
		if !strings.HasPrefix(id, "search-g-") {
			continue
		}
		head := ui.Name(root, g)
		head = head[:strings.LastIndex(head, " (")] // the count: TestUnifiedSearchFinds
		for _, o := range ui.FindAll(g, "option", "") {
			out[head] = append(out[head], ui.Name(root, o))
		}
	}
	return out
}

// TestUnifiedSearchFinds: the top bar's search finds services, features
// (Users → IAM's Users, MFA, Policies, Security credentials) and the
// simulator's documentation pages, grouped with counts, in both
// languages; a query that matches nothing says so.
func TestUnifiedSearchFinds(t *testing.T) {
	cases := []struct {
		lang  i18n.Lang
		query string
		group string
		want  string
	}{
		{i18n.EN, "iam", "Services", "IAM Manage access to AWS resources"},
		{i18n.EN, "users", "Features", "Users IAM feature"},
		{i18n.EN, "users", "Features", "Create user IAM feature"},
		{i18n.EN, "mfa", "Features", "Multi-factor authentication (MFA) IAM feature"},
		{i18n.EN, "policies", "Features", "Policies IAM feature"},
		{i18n.EN, "security credentials", "Features", "My Security Credentials IAM feature"},
		{i18n.EN, "subnet", "Features", "Subnets VPC feature"},
		{i18n.EN, "users", "Documentation", "What is IAM? Simulator documentation"},
		{i18n.EN, "billing", "Documentation", "Billing and Cost Management Simulator documentation"},
		{i18n.EN, "S3", "Services", "S3 Glacier Low-cost archive storage"},
		{i18n.KO, "사용자", "기능", "사용자 IAM 기능"},
		{i18n.KO, "mfa", "기능", "멀티 팩터 인증(MFA) IAM 기능"},
		{i18n.KO, "보안 자격 증명", "기능", "내 보안 자격 증명 IAM 기능"},
		{i18n.KO, "iam", "설명서", "IAM 소개 시뮬레이터 설명서"},
	}
	for _, c := range cases {
		t.Run(string(c.lang)+"/"+c.query+"/"+c.want, func(t *testing.T) {
			m := demoModel(t)
			m.UI.Lang = c.lang
			m = searchFor(m, c.query)
			require.Equal(t, "search", m.Menu)
			got := searchResults(t, m)
			require.Contains(t, got, c.group, "groups: %v", got)
			require.Contains(t, got[c.group], c.want)
		})
	}
	// Each group's heading counts its results.
	users := searchFor(demoModel(t), "users")
	for _, g := range []string{"Services (1)", "Features (3)", "Documentation (1)"} {
		find(t, users, "group", g)
	}
	m := searchFor(demoModel(t), "zzzz")
	require.True(t, suText(m, "No results."))
	require.Equal(t, "false", suAttr(find(t, m, "combobox", "Search"), "aria-expanded"))
	checkPseudo(t, searchFor(mfaPseudo(demoModel(t)), "iam"))
	// An empty query closes the results.
	require.Equal(t, "", searchFor(searchFor(demoModel(t), "iam"), " ").Menu)
}

// TestUnifiedSearchResultsOpenPages: every feature and documentation
// entry leads to a page of this build (never "Page not found"), as the
// root user of the demo world.
func TestUnifiedSearchResultsOpenPages(t *testing.T) {
	m := demoModel(t)
	for _, href := range console.SearchTargets() {
		p := send(m, Navigate{Now: t0, Hash: href})
		want := href
		if strings.Contains(href, "/section/") {
			// A link to one section of My Security Credentials is the page.
			want = "#/security-credentials"
		}
		require.Equal(t, want, p.UI.Route, "the address of %s", href)
		require.False(t, strings.HasPrefix(Title(p), "Page not found"), href)
	}
}

// TestSearchOpensTheSectionOfMySecurityCredentials: the MFA and Access
// keys results open My Security Credentials with that section expanded,
// its heading button focused and the address the page's own.
func TestSearchOpensTheSectionOfMySecurityCredentials(t *testing.T) {
	for href, name := range map[string]string{
		"#/security-credentials/section/mfa":  "Multi-factor authentication (MFA)",
		"#/security-credentials/section/keys": "Access keys (access key ID and secret access key)",
	} {
		m, fx := Update(demoModel(t), Navigate{Now: t0, Hash: href})
		require.Equal(t, "#/security-credentials", m.UI.Route)
		require.Equal(t, "true", suAttr(find(t, m, "button", name), "aria-expanded"), href)
		require.Equal(t, "false", suAttr(find(t, m, "button", "Password"), "aria-expanded"), href)
		require.Contains(t, fx, Effect(SetURL{Query: "?lang=en", Hash: "#/security-credentials"}), href)
		focus := effectsOf[Focus](fx)
		require.NotEmpty(t, focus)
		require.Equal(t, suAttr(find(t, m, "button", name), "id"), focus[len(focus)-1].ID, href)
	}
	// An unknown section is the page, every section closed.
	m := send(demoModel(t), Navigate{Now: t0, Hash: "#/security-credentials/section/nope"})
	require.Equal(t, "#/security-credentials", m.UI.Route)
	require.Equal(t, "false", suAttr(find(t, m, "button", "Multi-factor authentication (MFA)"), "aria-expanded"))
}

// slicesIndex is the position of the option named name among the results.
func slicesIndex(t *testing.T, m Model, name string) int {
	t.Helper()
	root := View(m)
	for i, o := range ui.FindAll(root, "option", "") {
		if ui.Name(root, o) == name {
			return i
		}
	}
	t.Fatalf("no option %q", name)
	return -1
}

// TestUnifiedSearchKeyboard: Alt+S focuses the search; Down and Up move
// the highlighted result (aria-activedescendant, aria-selected) round
// the list while focus stays in the field; Enter opens it with the
// address pushed and focus on the page's title; Escape closes the
// results and keeps focus in the field; signed out, Alt+S does nothing.
func TestUnifiedSearchKeyboard(t *testing.T) {
	m := demoModel(t)
	m, fx := Update(m, Key{Now: t0, Key: "Alt+S"})
	require.Equal(t, []Focus{{ID: "search-input"}}, effectsOf[Focus](fx))
	requireFocusInView(t, m, fx)

	m = searchFor(m, "users")
	box := find(t, m, "combobox", "Search")
	require.Equal(t, "true", suAttr(box, "aria-expanded"))
	require.Equal(t, "search-results", suAttr(box, "aria-controls"))
	_, has := box.Attr("aria-activedescendant")
	require.False(t, has, "nothing highlighted before an arrow key")
	n := len(ui.FindAll(View(m), "option", ""))
	require.Greater(t, n, 2)

	down, fx := Update(m, Key{Now: t0, Key: "ArrowDown", Target: "search-input"})
	require.Equal(t, []Focus{{ID: "search-input"}}, effectsOf[Focus](fx))
	require.Equal(t, "search-opt-0", suAttr(find(t, down, "combobox", "Search"), "aria-activedescendant"))
	opt, ok := ui.ByID(View(down), "search-opt-0")
	require.True(t, ok)
	require.Equal(t, "true", suAttr(opt, "aria-selected"))
	down = send(down, Key{Now: t0, Key: "ArrowDown", Target: "search-input"})
	require.Equal(t, "search-opt-1", suAttr(find(t, down, "combobox", "Search"), "aria-activedescendant"))
	up := send(send(m, Key{Now: t0, Key: "ArrowUp", Target: "search-input"}), Key{Now: t0, Key: "ArrowUp", Target: "search-input"})
	require.Equal(t, console.SearchOptionID(n-2), suAttr(find(t, up, "combobox", "Search"), "aria-activedescendant"), "Up wraps to the end")

	// Enter on the highlighted "Users" (after the services).
	at := m
	for range slicesIndex(t, m, "Users IAM feature") + 1 {
		at = send(at, Key{Now: t0, Key: "ArrowDown", Target: "search-input"})
	}
	opened, fx := Update(at, Key{Now: t0, Key: "Enter", Target: "search-input"})
	require.Equal(t, "#/iam/users", opened.UI.Route)
	require.Equal(t, "", opened.Menu)
	require.Equal(t, "users", opened.Search, "the query stays in the field")
	urls := effectsOf[SetURL](fx)
	require.True(t, urls[len(urls)-1].Push)
	f := effectsOf[Focus](fx)
	require.Equal(t, "page-title", f[len(f)-1].ID)
	requireFocusInView(t, opened, fx)
	// Alt+S selects it, so that typing replaces it.
	_, fx = Update(opened, Key{Now: t0, Key: "Alt+S"})
	require.Contains(t, fx, Effect(console.SetSelection{ID: "search-input", End: len("users")}))

	// Enter without a highlight opens the first result.
	first, _ := Update(searchFor(demoModel(t), "iam"), Key{Now: t0, Key: "Enter", Target: "search-input"})
	require.Equal(t, "#/iam", first.UI.Route)

	closed, fx := Update(down, Key{Now: t0, Key: "Escape"})
	require.Equal(t, "", closed.Menu)
	require.Equal(t, "users", closed.Search, "Escape keeps what was typed")
	require.Equal(t, []Focus{{ID: "search-input"}}, effectsOf[Focus](fx))
	requireFocusInView(t, closed, fx)
	// Down opens the results again.
	again := send(closed, Key{Now: t0, Key: "ArrowDown", Target: "search-input"})
	require.Equal(t, "search", again.Menu)
	require.Equal(t, "search-opt-0", suAttr(find(t, again, "combobox", "Search"), "aria-activedescendant"))

	// No results: the keys do nothing.
	none := searchFor(demoModel(t), "zzzz")
	same, _ := Update(none, Key{Now: t0, Key: "Enter", Target: "search-input"})
	require.Equal(t, none.UI.Route, same.UI.Route)

	out, _ := start(t, map[string]string{"lang": "en"}, "")
	out, fx = Update(out, Key{Now: t0, Key: "Alt+S"})
	require.Empty(t, effectsOf[Focus](fx))
	require.Equal(t, "", out.Menu)
}

// TestTopBarIcons: CloudShell, notifications, help and settings are
// labelled buttons; each opens a panel that says what it is (expanded
// state, heading) and Escape closes it with focus back on its button.
// The settings panel switches the language and stays open.
func TestTopBarIcons(t *testing.T) {
	for _, c := range []struct{ button, heading, text string }{
		{"CloudShell", "CloudShell", "This version of the simulator has no CloudShell."},
		{"Notifications", "Notifications", "You have no notifications."},
		{"Help", "Help", "Keyboard shortcuts"},
		{"Settings", "Settings", "See all user settings"},
	} {
		t.Run(c.button, func(t *testing.T) {
			m := demoModel(t)
			btn := find(t, m, "button", c.button)
			require.Equal(t, "false", suAttr(btn, "aria-expanded"))
			id := suAttr(btn, "id")
			open, fx := Update(m, Click{Now: t0, Action: "menu", Arg: suAttr(btn, "data-arg")})
			require.Equal(t, "true", suAttr(find(t, open, "button", c.button), "aria-expanded"))
			find(t, open, "region", c.heading)
			find(t, open, "heading", c.heading)
			require.True(t, suText(open, c.text))
			requireFocusInView(t, open, fx)
			checkPseudo(t, mfaPseudo(open))
			closed, fx := Update(open, Key{Now: t0, Key: "Escape"})
			require.Equal(t, "", closed.Menu)
			require.Equal(t, []Focus{{ID: id}}, effectsOf[Focus](fx))
			requireFocusInView(t, closed, fx)
		})
	}
	m := click(demoModel(t), "menu", "settings")
	langs, ok := ui.ByID(View(m), "settings-lang")
	require.True(t, ok)
	ko, ok := ui.Find(langs, "button", "한국어")
	require.True(t, ok)
	m = click(m, suAttr(ko, "data-action"), suAttr(ko, "data-arg"))
	require.Equal(t, i18n.KO, m.UI.Lang)
	require.Equal(t, "settings", m.Menu, "the settings panel stays open")
	find(t, m, "heading", "설정")
	require.True(t, suText(m, "서울"))
	for _, href := range []string{"#/simulator", "#/services/iam", "#/info/support-plans", "#/info/settings"} {
		require.False(t, strings.HasPrefix(Title(send(m, Navigate{Now: t0, Hash: href})), "페이지"), href)
	}
}

// TestSimulatorStrip: the simulator's own controls (virtual phone, inbox,
// language, lab guide, Simulator menu) are in a labelled region apart
// from the AWS top bar; the top bar holds only the console's controls.
func TestSimulatorStrip(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		m := demoModel(t)
		m.UI.Lang = lang
		root := View(m)
		label := map[i18n.Lang]string{i18n.EN: "Simulator controls (not part of the AWS console)", i18n.KO: "시뮬레이터 도구(AWS 콘솔의 일부가 아님)"}[lang]
		strip, ok := ui.Find(root, "region", label)
		require.True(t, ok, lang)
		bar, ok := ui.Find(root, "banner", "")
		require.True(t, ok)
		for _, id := range []string{"devices-btn-phone", "devices-btn-inbox", "topnav-lang", "guide-btn", "menu-btn-simulator"} {
			_, in := ui.ByID(strip, id)
			require.True(t, in, "%s in the strip", id)
			_, inBar := ui.ByID(bar, id)
			require.False(t, inBar, "%s not in the AWS top bar", id)
		}
		for _, id := range []string{"menu-btn-services", "search-input", "menu-btn-cloudshell", "menu-btn-notifications", "menu-btn-help", "menu-btn-settings", "menu-btn-region", "menu-btn-account"} {
			_, inBar := ui.ByID(bar, id)
			require.True(t, inBar, "%s in the AWS top bar", id)
		}
	}
	// The Simulator menu still opens from the strip, focus on its first entry.
	m, fx := Update(demoModel(t), Click{Now: t0, Action: "menu", Arg: "simulator"})
	require.Equal(t, []Focus{{ID: "simulator-open"}}, effectsOf[Focus](fx))
	requireFocusInView(t, m, fx)
}

// TestServicePagesSayWhatTheBuildHas: a service whose console this build
// has (read from the area registry) links to it and to its pages, never
// to the pages that only say a feature is not simulated; the others say
// they are described only.
func TestServicePagesSayWhatTheBuildHas(t *testing.T) {
	m := demoModel(t)
	iam := send(m, Navigate{Now: t0, Hash: "#/services/iam"})
	require.Equal(t, "#/iam", suAttr(find(t, iam, "link", "Open the IAM console"), "href"))
	for _, l := range []string{"Users", "User groups", "Policies", "My Security Credentials"} {
		find(t, iam, "link", l)
	}
	require.False(t, suText(iam, "come next"))
	_, roles := ui.Find(View(iam), "link", "Roles")
	require.False(t, roles, "Roles is an information page only")
	for _, id := range []string{"ec2", "vpc", "s3", "policysim"} {
		p := send(m, Navigate{Now: t0, Hash: "#/services/" + id})
		require.True(t, suText(p, "This build simulates this service's console"), id)
	}
	ls := send(m, Navigate{Now: t0, Hash: "#/services/lightsail"})
	require.True(t, suText(ls, "does not simulate its resources yet"))
	_, open := ui.Find(View(ls), "link", "Open the Lightsail console")
	require.False(t, open)
}
