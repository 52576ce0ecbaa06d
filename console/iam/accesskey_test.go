package iam_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/i18n"
	ct "labsim/internal/consoletest"
)

const ackLabel = "I understand the above recommendation and want to proceed to create an access key."

// createKey runs the Create access key wizard from the user's Security
// credentials tab with a description, downloads the .csv file and leaves
// with Done.
func createKey(t *testing.T, m console.Model, desc string) console.Model {
	t.Helper()
	m = ct.Press(t, m, "button", "Create access key")
	m = ct.SuCheck(t, m, "checkbox", ackLabel, true)
	m = ct.SuSubmit(t, m, "Next")
	m = ct.SuType(t, m, "textbox", "Description tag value", desc)
	m = ct.SuSubmit(t, m, "Create access key")
	require.NotEmpty(t, m.IAM.Secret.KeySecret, "%v", m.Notices)
	_, fx := ct.PressAt(t, m, ct.T1, "button", "Download .csv file")
	m = ct.Send(m, console.Click{Now: ct.T1, Action: "iam.ak.csv"})
	require.Contains(t, ct.EffectsOf[console.Download](fx)[0].Data, m.IAM.Secret.KeySecret)
	m = ct.Press(t, m, "button", "Done")
	require.Empty(t, m.IAM.Secret.KeySecret)
	return m
}

func TestCreateAccessKeyWizard(t *testing.T) {
	m := demo(t, "en")
	m = createUser(t, m, []string{"iam.cu.name", "Luna"}, nil)
	m = goTo(m, "#/iam/users/Luna")
	m = ct.Press(t, m, "tab", "Security credentials")
	m = ct.Press(t, m, "button", "Create access key")

	// Step 1: the use case, the alternatives for it, the confirmation.
	require.Equal(t, "#/iam/users/Luna/create-access-key", m.UI.Route)
	ct.Find(t, m, "heading", "Access key best practices & alternatives")
	ct.Find(t, m, "navigation", "Steps")
	require.True(t, ct.Find(t, m, "radio", "Command Line Interface (CLI)").Has("checked"), "CLI is the default use case")
	alt := ct.Find(t, m, "region", "Alternatives recommended")
	require.Contains(t, alt.TextContent(), "AWS CloudShell")
	for _, u := range []struct{ label, alt string }{
		{"Local code", "AWS Toolkit"}, {"Application running on an AWS compute service", "IAM role"},
		{"Third-party service", "assume an IAM role"}, {"Application running outside AWS", "IAM Roles Anywhere"}, {"Other", "temporary credentials"},
	} {
		m2 := ct.SuCheck(t, m, "radio", u.label, true)
		require.Contains(t, ct.Find(t, m2, "region", "Alternatives recommended").TextContent(), u.alt, u.label)
		require.True(t, ct.Find(t, m2, "radio", u.label).Has("checked"))
	}
	m = ct.SuCheck(t, m, "radio", "Third-party service", true)
	m, fx := ct.SuSubmitFx(t, m, "Next")
	require.Equal(t, "#/iam/users/Luna/create-access-key", m.UI.Route, "Next needs the confirmation")
	require.Equal(t, "iam-ak-ack", focusOf(fx))
	require.Equal(t, "Confirm that you understand the recommendation to continue.", ct.SuErrorOf(t, m, "checkbox", ackLabel))
	m = ct.SuCheck(t, m, "checkbox", ackLabel, true)
	ct.SuNoError(t, m, "checkbox", ackLabel)
	ct.CheckPseudo(t, ct.Pseudo(m))
	m = ct.SuSubmit(t, m, "Next")

	// Step 2: the optional description, checked as a tag value.
	require.Equal(t, "#/iam/users/Luna/create-access-key/description", m.UI.Route)
	ct.Find(t, m, "heading", "Set description tag - optional")
	for _, bad := range []struct{ value, want string }{
		{"Luna's laptop", "“'”"},
		{strings.Repeat("d", 257), "at most 256 characters; this one has 257"},
		{"ci\x01", "U+0001"},
	} {
		m2 := ct.SuType(t, m, "textbox", "Description tag value", bad.value)
		m2, fx = ct.SuSubmitFx(t, m2, "Create access key")
		require.Equal(t, "iam-ak-desc", focusOf(fx))
		require.Contains(t, ct.SuErrorOf(t, m2, "textbox", "Description tag value"), bad.want)
		u, _ := m2.World.IAMUser(m2.Session.AccountID, "Luna")
		require.Empty(t, u.AccessKeys, "nothing is created")
		require.Equal(t, bad.value, ct.AttrOf(ct.Find(t, m2, "textbox", "Description tag value"), "value"), "what was typed stays")
	}
	m = ct.SuType(t, m, "textbox", "Description tag value", "Luna laptop: AWS CLI")
	ct.CheckPseudo(t, ct.Pseudo(m))
	// Previous keeps the choices.
	m = ct.Press(t, m, "button", "Previous")
	require.True(t, ct.Find(t, m, "radio", "Third-party service").Has("checked"))
	require.True(t, ct.Find(t, m, "checkbox", ackLabel).Has("checked"))
	m = ct.SuSubmit(t, m, "Next")
	m = ct.SuSubmit(t, m, "Create access key")

	// Step 3: the secret once, through the door, logged without it.
	require.Equal(t, "#/iam/users/Luna/create-access-key/retrieve", m.UI.Route)
	ct.Find(t, m, "heading", "Retrieve access keys")
	s := m.IAM.Secret
	require.Len(t, s.KeySecret, 40)
	require.True(t, ct.Shows(m, s.KeyID))
	require.False(t, ct.Shows(m, s.KeySecret), "hidden until Show")
	ev := ct.LastEvent(m)
	require.Equal(t, "iam:CreateAccessKey", ev.Action)
	require.Equal(t, s.KeyID, ev.Detail["accessKeyId"])
	for _, v := range ev.Detail {
		require.NotContains(t, v, s.KeySecret)
	}
	u, _ := m.World.IAMUser(m.Session.AccountID, "Luna")
	require.Equal(t, "Luna laptop: AWS CLI", u.Tags[len(u.Tags)-1].Value)
	require.Equal(t, s.KeyID, u.Tags[len(u.Tags)-1].Key, "the description is a tag keyed by the key's ID")
	m = ct.Press(t, m, "button", "Show the secret access key")
	require.True(t, ct.Shows(m, s.KeySecret))
	ct.CheckPseudo(t, ct.Pseudo(m))

	// Done without the .csv file asks first; Cancel stays with the secret.
	m, fx = ct.PressAt(t, m, ct.T1, "button", "Done")
	require.Equal(t, "iam-dialog-title", focusOf(fx))
	ct.Find(t, m, "dialog", "Leave without downloading the access key of Luna?")
	m = ct.Press(t, m, "button", "Cancel")
	require.Equal(t, s.KeySecret, m.IAM.Secret.KeySecret)
	m = ct.Press(t, m, "button", "Done")
	m = ct.SuSubmit(t, m, "Leave without the file")
	require.Equal(t, "#/iam/users/Luna", m.UI.Route)
	require.Empty(t, m.IAM.Secret.KeySecret)
	require.True(t, ct.Find(t, m, "tab", "Security credentials").Has("aria-selected"))
	ct.Find(t, m, "heading", "Access keys (1)")
	require.True(t, ct.Shows(m, "Luna laptop: AWS CLI"), "the description is shown beside the key")

	// Back to step 3 (or a reload): the secret is gone for good.
	m = goTo(m, "#/iam/users/Luna/create-access-key/retrieve")
	require.True(t, ct.Shows(m, "The secret access key can no longer be shown"))
	_, ok := ct.Find(t, m, "heading", "Retrieve access keys"), true
	require.True(t, ok)

	// The second key with the .csv file leaves without asking; then the
	// quota of two is reached: the button is off and the wizard says so.
	m = goTo(m, "#/iam/users/Luna")
	m = createKey(t, m, "")
	ct.Find(t, m, "heading", "Access keys (2)")
	require.True(t, ct.Find(t, m, "button", "Create access key").Has("disabled"))
	m = goTo(m, "#/iam/users/Luna/create-access-key")
	require.True(t, ct.Shows(m, "Luna already has 2 access keys"))
	m = ct.SuCheck(t, m, "checkbox", ackLabel, true)
	m = ct.SuSubmit(t, m, "Next")
	require.Equal(t, "#/iam/users/Luna/create-access-key", m.UI.Route)
	// Step 2 reached by its address: IAM's quota refuses a third key.
	m = goTo(m, "#/iam/users/Luna/create-access-key/description")
	m = ct.SuSubmit(t, m, "Create access key")
	require.Equal(t, "#/iam/users/Luna/create-access-key/description", m.UI.Route)
	require.True(t, ct.Shows(m, "LimitExceeded"), "%v", m.Notices)
	u, _ = m.World.IAMUser(m.Session.AccountID, "Luna")
	require.Len(t, u.AccessKeys, 2)
	// Without the confirmation, step 2 sends the student back to step 1.
	m = goTo(m, "#/iam/users/Luna/create-access-key")
	m = ct.SuCheck(t, m, "checkbox", ackLabel, false)
	m = goTo(m, "#/iam/users/Luna/create-access-key/description")
	m = ct.SuSubmit(t, m, "Create access key")
	require.Equal(t, "#/iam/users/Luna/create-access-key", m.UI.Route)
	require.Equal(t, "Confirm that you understand the recommendation to continue.", ct.SuErrorOf(t, m, "checkbox", ackLabel))

	// Cancel goes back to the user's credentials.
	m = ct.Press(t, m, "button", "Cancel")
	require.Equal(t, "#/iam/users/Luna", m.UI.Route)

	// Deleting the described key deletes its description tag too.
	u, _ = m.World.IAMUser(m.Session.AccountID, "Luna")
	id := u.AccessKeys[0].ID
	require.Equal(t, "Luna laptop: AWS CLI", u.Tags[len(u.Tags)-1].Value)
	m = ct.SuCheck(t, m, "checkbox", id, true)
	m = ct.Press(t, m, "button", "Delete access key")
	u, _ = m.World.IAMUser(m.Session.AccountID, "Luna")
	require.Len(t, u.AccessKeys, 1)
	require.Empty(t, u.Tags)
	require.False(t, ct.Shows(m, "Luna laptop: AWS CLI"))
}

func TestCreateAccessKeyWizardInKorean(t *testing.T) {
	m := demo(t, "ko")
	m = createUser(t, m, []string{"iam.cu.name", "Luna"}, nil)
	m = goTo(m, "#/iam/users/Luna/create-access-key")
	ct.Find(t, m, "heading", "액세스 키 모범 사례 및 대안")
	ct.Find(t, m, "radio", "Command Line Interface(CLI)")
	ct.Find(t, m, "radio", "서드 파티 서비스")
	m = ct.SuCheck(t, m, "checkbox", "위의 권장 사항을 이해했으며 액세스 키 생성을 계속하려고 합니다.", true)
	m = ct.SuSubmit(t, m, "다음")
	ct.Find(t, m, "heading", "설명 태그 설정 - 선택 사항")
	m = ct.SuSubmit(t, m, "액세스 키 만들기")
	ct.Find(t, m, "heading", "액세스 키 검색")
	ct.Find(t, m, "button", ".csv 파일 다운로드")
	ct.Find(t, m, "button", "완료")
	_ = i18n.KO
}

func TestCreateAccessKeyForAMissingUser(t *testing.T) {
	m := demo(t, "en")
	m = goTo(m, "#/iam/users/Nobody/create-access-key")
	require.True(t, ct.Shows(m, "Nobody"))
	ct.Find(t, m, "link", "Users")
	m = ct.Send(m, console.Submit{Now: ct.T1, Form: "iam.ak.create", Values: map[string]string{"iam.ak.ack": "true"}})
	require.Equal(t, "#/iam/users/Nobody/create-access-key", m.UI.Route)
	for _, bad := range []string{"#/iam/users/Luna/create-access-key/other", "#/iam/users/a/b/create-access-key"} {
		require.True(t, ct.Shows(goTo(m, bad), "Page not found"), bad)
	}
}
