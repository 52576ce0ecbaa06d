package info_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/i18n"
	"labsim/console/info"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
)

// TestInformationPages: every topic has a page in both languages that
// says what AWS offers and what the simulator lets the student do; the
// sign-up's topics are public, the account menu's need a session.
func TestInformationPages(t *testing.T) {
	signedIn := ct.Demo(t)
	signedOut, _ := ct.Start(t, map[string]string{"lang": "en"}, "")
	for _, topic := range info.Topics {
		for _, lang := range []string{"en", "ko"} {
			m := ct.Send(signedIn, console.Navigate{Now: ct.T0, Hash: info.Href(topic)})
			m = ct.Send(m, console.Click{Now: ct.T0, Action: "lang", Arg: lang})
			root := console.View(m)
			h, ok := ui.ByID(root, "page-title")
			require.True(t, ok)
			require.NotEqual(t, "Page not found", h.TextContent(), topic)
			require.NotContains(t, h.TextContent(), "info.", "%s has a title in %s", topic, lang)
			ct.CheckPseudo(t, ct.Pseudo(m))
		}
		out := ct.Send(signedOut, console.Navigate{Now: ct.T0, Hash: info.Href(topic)})
		public := topic == "support-plans" || topic == "sales"
		require.Equal(t, public, !ct.Shows(out, "Page not found") && ct.Shows(out, "In this simulator"), topic)
	}
	m := ct.Send(signedIn, console.Navigate{Now: ct.T0, Hash: "#/info/nowhere"})
	require.True(t, ct.Shows(m, "Page not found"))
}

// TestSignupLinksLeadToInformationPages: "Learn more" after the
// Enterprise text and "contact sales" on the congratulations page.
func TestSignupLinksLeadToInformationPages(t *testing.T) {
	screens := ct.SuAllScreens(t)
	five, done := screens["5"], screens["done"]
	five.UI.Lang, done.UI.Lang = i18n.EN, i18n.EN
	require.Equal(t, "#/info/support-plans", ct.AttrOf(ct.Find(t, five, "link", "Learn more"), "href"))
	require.Equal(t, "#/info/sales", ct.AttrOf(ct.Find(t, done, "link", "contact sales"), "href"))
}
