package console_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
)

// TestAccountMenuAsAWS: the account menu shows the name and the dashed
// 12-digit ID with a copy button, the account pages, My Security
// Credentials (내 보안 자격 증명), Settings and Sign out; every entry opens
// a page; signing out lands signed out with a note and the address
// updated.
func TestAccountMenuAsAWS(t *testing.T) {
	m := click(demoModel(t), "menu", "account")
	find(t, m, "button", "Account menu: labsim-demo")
	require.True(t, suText(m, "1234-5678-9012"))
	for _, l := range []string{"Account", "Organization", "Service Quotas", "Billing and Cost Management", "My Security Credentials", "Settings"} {
		href := suAttr(find(t, m, "link", l), "href")
		p := send(m, Navigate{Now: t0, Hash: href})
		require.NotEqual(t, "Page not found", Title(p)[:len("Page not found")], l)
	}
	find(t, m, "button", "Sign out")
	ko := m
	ko.UI.Lang = i18n.KO
	find(t, ko, "link", "내 보안 자격 증명")

	// Copy: the ID without dashes, "Copied" shown, focus kept on the button.
	c, fx := Update(m, Click{Now: t0, Action: "account.copyId"})
	require.Equal(t, []Copy{{Text: "123456789012"}}, effectsOf[Copy](fx))
	require.True(t, suText(c, "✓ Copied"))
	requireFocusInView(t, c, fx)

	// Sign out.
	out, fx := Update(m, Click{Now: t0, Action: "signout"})
	require.False(t, out.Session.SignedIn())
	require.True(t, suText(out, "You have signed out."))
	urls := effectsOf[SetURL](fx)
	require.NotEmpty(t, urls)
	require.Equal(t, "#/", urls[len(urls)-1].Hash)
}
