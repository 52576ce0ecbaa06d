package console

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
)

func TestIAMDashboardBeforeAndAfterRootMFA(t *testing.T) {
	m := demoModel(t)
	// The Services menu's IAM entry opens the dashboard.
	m = click(m, "menu", "services")
	href := ""
	for _, l := range ui.FindAll(View(m), "link", "") {
		if ui.ContainsText(l, "Manage access to AWS resources") {
			href, _ = l.Attr("href")
		}
	}
	require.Equal(t, "#/iam", href)
	m = send(m, Navigate{Now: mfaT1, Hash: href})
	find(t, m, "heading", "IAM dashboard")
	find(t, m, "button", "Global")
	find(t, m, "heading", "Security recommendations")
	find(t, m, "heading", "Add MFA for root user")
	find(t, m, "heading", "Root user has no active access keys")
	v := View(m)
	require.True(t, ui.ContainsText(v, "123456789012"))
	url, ok := ui.ByID(v, "iam-signin-url")
	require.True(t, ok)
	require.Equal(t, "https://123456789012.signin.aws.amazon.com/console", url.TextContent())
	require.Equal(t, "IAM dashboard | "+m.Catalog().T("app.name"), Title(m))
	checkPseudo(t, mfaPseudo(m))

	// Copying claims no success (the browser copies asynchronously); a
	// failure shows only the warning with the URL to copy by hand.
	m2, fx := mfaPress(t, m, mfaT1, "button", "Copy sign-in URL")
	require.Equal(t, []Copy{{Text: "https://123456789012.signin.aws.amazon.com/console"}}, effectsOf[Copy](fx))
	require.Equal(t, m.Notices, m2.Notices, "no banner before the copy is known to have worked")
	failed := send(m2, EffectFailed{Now: mfaT1, Effect: "copy", Text: "https://123456789012.signin.aws.amazon.com/console"})
	require.Len(t, failed.Notices, len(m.Notices)+1)
	for _, n := range failed.Notices {
		require.NotEqual(t, "success", n.Kind, "no success banner beside the failure")
	}
	fallback := failed.Notices[len(failed.Notices)-1]
	require.Equal(t, "warning", fallback.Kind)
	require.Equal(t, "https://123456789012.signin.aws.amazon.com/console", fallback.Diagnostics)

	// Add MFA opens the wizard.
	m2, _ = mfaPress(t, m, mfaT1, "button", "Add MFA")
	require.Equal(t, "#/security-credentials/mfa", m2.UI.Route)

	// Once assigned, the box says so.
	m3, _ := assigned(t)
	m3 = send(m3, Navigate{Now: mfaT1, Hash: "#/iam"})
	find(t, m3, "heading", "Root user has MFA")
	_, still := ui.Find(View(m3), "button", "Add MFA")
	require.False(t, still)
	checkPseudo(t, mfaPseudo(m3))

	// An alias changes the sign-in URL.
	a := m3.World.Accounts[m3.Session.AccountID]
	a.Alias = "my-lab"
	m3.World.Accounts[a.ID] = a
	url, _ = ui.ByID(View(m3), "iam-signin-url")
	require.Equal(t, "https://my-lab.signin.aws.amazon.com/console", url.TextContent())
}

func TestServicesIAMPageStillWorks(t *testing.T) {
	m := demoModel(t)
	m = send(m, Navigate{Now: mfaT1, Hash: "#/services/iam"})
	require.Equal(t, "#/services/iam", m.UI.Route)
	find(t, m, "heading", "IAM")
}

func TestIAMDashboardInKorean(t *testing.T) {
	m, _ := start(t, map[string]string{"world": "demo", "lang": "ko"}, "")
	m = send(m, Navigate{Now: mfaT1, Hash: "#/iam"})
	find(t, m, "heading", "IAM 대시보드")
	find(t, m, "heading", "보안 권장 사항")
	find(t, m, "heading", "루트 사용자에 대해 MFA 추가")
	find(t, m, "button", "MFA 추가")
	find(t, m, "heading", "AWS 계정")
}
