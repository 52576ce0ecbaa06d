package iam_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
)

func TestIAMDashboardBeforeAndAfterRootMFA(t *testing.T) {
	m := ct.Demo(t)
	// The Services menu's IAM entry opens the dashboard.
	m = ct.Click(m, "menu", "services")
	href := ""
	for _, l := range ui.FindAll(console.View(m), "link", "") {
		if ui.ContainsText(l, "Manage access to AWS resources") {
			href, _ = l.Attr("href")
		}
	}
	require.Equal(t, "#/iam", href)
	m = ct.Send(m, console.Navigate{Now: ct.T1, Hash: href})
	ct.Find(t, m, "heading", "IAM dashboard")
	ct.Find(t, m, "button", "Global")
	ct.Find(t, m, "heading", "Security recommendations")
	ct.Find(t, m, "heading", "Add MFA for root user")
	ct.Find(t, m, "heading", "Root user has no active access keys")
	v := console.View(m)
	require.True(t, ui.ContainsText(v, "123456789012"))
	url, ok := ui.ByID(v, "iam-signin-url")
	require.True(t, ok)
	require.Equal(t, "https://123456789012.signin.aws.amazon.com/console", url.TextContent())
	require.Equal(t, "IAM dashboard | "+m.Catalog().T("app.name"), console.Title(m))
	ct.CheckPseudo(t, ct.Pseudo(m))

	// Copying claims no success (the browser copies asynchronously); a
	// failure shows only the warning with the URL to copy by hand.
	m2, fx := ct.PressAt(t, m, ct.T1, "button", "Copy sign-in URL")
	require.Equal(t, []console.Copy{{Text: "https://123456789012.signin.aws.amazon.com/console"}}, ct.EffectsOf[console.Copy](fx))
	require.Equal(t, m.Notices, m2.Notices, "no banner before the copy is known to have worked")
	failed := ct.Send(m2, console.EffectFailed{Now: ct.T1, Effect: "copy", Text: "https://123456789012.signin.aws.amazon.com/console"})
	require.Len(t, failed.Notices, len(m.Notices)+1)
	for _, n := range failed.Notices {
		require.NotEqual(t, "success", n.Kind, "no success banner beside the failure")
	}
	fallback := failed.Notices[len(failed.Notices)-1]
	require.Equal(t, "warning", fallback.Kind)
	require.Equal(t, "https://123456789012.signin.aws.amazon.com/console", fallback.Diagnostics)

	// Add MFA opens the wizard.
	m2, _ = ct.PressAt(t, m, ct.T1, "button", "Add MFA")
	require.Equal(t, "#/security-credentials/mfa", m2.UI.Route)

	// Once assigned, the box says so.
	m3, _ := ct.AssignedMFA(t)
	m3 = ct.Send(m3, console.Navigate{Now: ct.T1, Hash: "#/iam"})
	ct.Find(t, m3, "heading", "Root user has MFA")
	_, still := ui.Find(console.View(m3), "button", "Add MFA")
	require.False(t, still)
	ct.CheckPseudo(t, ct.Pseudo(m3))

	// An alias changes the sign-in URL.
	a := m3.World.Accounts[m3.Session.AccountID]
	a.Alias = "my-lab"
	m3.World.Accounts[a.ID] = a
	url, _ = ui.ByID(console.View(m3), "iam-signin-url")
	require.Equal(t, "https://my-lab.signin.aws.amazon.com/console", url.TextContent())
}

func TestServicesIAMPageStillWorks(t *testing.T) {
	m := ct.Demo(t)
	m = ct.Send(m, console.Navigate{Now: ct.T1, Hash: "#/services/iam"})
	require.Equal(t, "#/services/iam", m.UI.Route)
	ct.Find(t, m, "heading", "IAM")
}

func TestIAMDashboardInKorean(t *testing.T) {
	m, _ := ct.Start(t, map[string]string{"world": "demo", "lang": "ko"}, "")
	m = ct.Send(m, console.Navigate{Now: ct.T1, Hash: "#/iam"})
	ct.Find(t, m, "heading", "IAM 대시보드")
	ct.Find(t, m, "heading", "보안 권장 사항")
	ct.Find(t, m, "heading", "루트 사용자에 대해 MFA 추가")
	ct.Find(t, m, "button", "MFA 추가")
	ct.Find(t, m, "heading", "AWS 계정")
}
