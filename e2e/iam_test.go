//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// TestIAMDelegationInTheConsole is the textbook's IAM section in the
// console, by visible labels only, as the root user of the demo world:
// SuperUser with console access and IAMFullAccess, the group NetworkAdmin
// with AmazonVPCFullAccess, Luna in it (removed and added again on the
// group's page), an account alias, and the Create user wizard in Korean.
// Every page is photographed in both languages.
func TestIAMDelegationInTheConsole(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	p.Find("heading", "IAM dashboard")
	bothLanguages(p, "iam-01-dashboard")

	// SuperUser: console access, a custom password that must be changed,
	// IAMFullAccess attached directly.
	p.Click("link", "Users")
	p.Find("heading", "Users (0)")
	bothLanguages(p, "iam-02-users-empty")
	p.Click("button", "Create user")
	p.Find("heading", "Specify user details")
	p.Type("textbox", "User name", "SuperUser")
	p.Click("checkbox", "Provide user access to the AWS Management Console - optional")
	p.Click("radio", "Custom password")
	p.Type("textbox", "Password", "Super-Pass-2026")
	if !isChecked(p, "Users must create a new password at next sign-in - Recommended") {
		t.Fatal("must create a new password is not checked by default")
	}
	bothLanguages(p, "iam-03-create-details")
	p.Click("button", "Next")
	p.Find("heading", "Set permissions")
	p.Click("radio", "Attach policies directly")
	p.Type("searchbox", "Search policies", "IAMFull")
	p.Click("checkbox", "IAMFullAccess")
	bothLanguages(p, "iam-04-create-permissions")
	p.Click("button", "Next")
	p.Find("heading", "Review and create")
	p.WaitText("IAMUserChangePassword")
	p.WaitText("IAMFullAccess")
	bothLanguages(p, "iam-05-create-review")
	p.Click("button", "Create user")
	p.Find("heading", "Retrieve password")
	p.WaitText("https://123456789012.signin.aws.amazon.com/console")
	p.WaitText("SuperUser")
	if strings.Contains(p.Text(), "Super-Pass-2026") {
		t.Fatal("the password shows before Show")
	}
	p.Click("button", "Show")
	p.WaitText("Super-Pass-2026")
	bothLanguages(p, "iam-06-retrieve-password")
	p.Click("button", "Email sign-in instructions")
	p.WaitText("Sign-in instructions sent")
	p.Click("button", "Return to users list")
	p.Find("heading", "Users (1)")
	p.Find("link", "SuperUser")

	// NetworkAdmin with AmazonVPCFullAccess.
	p.Click("link", "User groups")
	p.Find("heading", "User groups (0)")
	p.Click("button", "Create group")
	p.Find("heading", "Create user group")
	p.Type("textbox", "User group name", "NetworkAdmin")
	p.Type("searchbox", "Search policies", "VPCFull")
	p.Click("checkbox", "AmazonVPCFullAccess")
	bothLanguages(p, "iam-07-create-group")
	p.Click("button", "Create user group")
	p.Find("heading", "NetworkAdmin")
	p.WaitText("User group NetworkAdmin created.")

	// Luna in NetworkAdmin, from the wizard.
	p.Click("link", "Users")
	p.Click("button", "Create user")
	p.Type("textbox", "User name", "Luna")
	p.Click("button", "Next")
	p.Find("heading", "Set permissions")
	p.Click("checkbox", "NetworkAdmin")
	p.Click("button", "Next")
	p.Find("heading", "Review and create")
	p.WaitText("Group membership")
	p.Click("button", "Create user")
	p.Find("heading", "Luna")
	p.WaitText("Group NetworkAdmin")
	bothLanguages(p, "iam-08-user-permissions")
	p.Click("tab", "Security credentials")
	p.Find("heading", "Access keys (0)")
	bothLanguages(p, "iam-09-user-security")

	// Remove Luna on the group's page, then add her again.
	p.Click("link", "User groups")
	p.Find("heading", "User groups (1)")
	bothLanguages(p, "iam-10-groups")
	p.Click("link", "NetworkAdmin")
	p.Find("heading", "Users in this group (1)")
	bothLanguages(p, "iam-11-group-users")
	p.Click("checkbox", "Luna")
	p.Click("button", "Remove")
	p.Find("heading", "Users in this group (0)")
	p.Click("button", "Add users")
	p.Find("dialog", "Add users to NetworkAdmin")
	p.Click("checkbox", "Luna")
	bothLanguages(p, "iam-12-group-add-users")
	p.Click("button", "Add users")
	p.Find("heading", "Users in this group (1)")
	p.WaitText("Added Luna to NetworkAdmin.")
	p.Click("tab", "Permissions")
	p.Find("heading", "Permissions policies (1)")
	bothLanguages(p, "iam-13-group-permissions")

	// An account alias changes the sign-in URL.
	p.Click("link", "Dashboard")
	p.WaitText("https://123456789012.signin.aws.amazon.com/console")
	p.Click("button", "Create account alias")
	p.Type("textbox", "Preferred alias", "my-lab-2026")
	p.WaitText("https://my-lab-2026.signin.aws.amazon.com/console")
	bothLanguages(p, "iam-14-alias")
	p.Click("button", "Create alias")
	p.WaitText("Alias my-lab-2026 created for this account.")
	if got := Eval[string](p, `document.getElementById('iam-signin-url').textContent`); got != "https://my-lab-2026.signin.aws.amazon.com/console" {
		t.Fatalf("sign-in URL %q after the alias", got)
	}
	bothLanguages(p, "iam-15-dashboard-alias")

	// Account settings and the pages the simulator explains.
	p.Click("link", "Account settings")
	p.Find("heading", "Password policy")
	bothLanguages(p, "iam-16-settings")
	p.Click("link", "Roles")
	p.WaitText("Roles are not part of this simulator yet")
	bothLanguages(p, "iam-17-roles")

	// The same wizard in Korean.
	p.Click("button", "한국어")
	p.waitLang("ko")
	p.Click("link", "사용자")
	p.Find("heading", "사용자 (2)")
	p.Click("button", "사용자 생성")
	p.Find("heading", "사용자 세부 정보 지정")
	p.Type("textbox", "사용자 이름", "Sun")
	p.Click("checkbox", "AWS Management Console에 대한 사용자 액세스 권한 제공 - 선택 사항")
	p.Find("radio", "IAM 사용자를 생성하고 싶음")
	p.Click("radio", "자동 생성된 암호")
	p.Click("button", "다음")
	p.Find("heading", "권한 설정")
	p.Click("checkbox", "NetworkAdmin")
	p.Click("button", "다음")
	p.Find("heading", "검토 및 생성")
	p.Click("button", "사용자 생성")
	p.Find("heading", "암호 검색")
	p.WaitText("https://my-lab-2026.signin.aws.amazon.com/console")
	p.Click("button", "표시")
	p.Screenshot("iam-18-retrieve-password-ko-alias")
	p.Click("button", "사용자 목록으로 돌아가기")
	p.Find("heading", "사용자 (3)")
	p.Screenshot("iam-19-users-ko")
}

// isChecked reports whether the checkbox with the accessible name is on.
func isChecked(p *Page, name string) bool {
	p.t.Helper()
	p.Find("checkbox", name)
	return Eval[bool](p, `[...document.querySelectorAll('input[type=checkbox]')].some(e => e.labels.length && e.labels[0].textContent === `+jsString(name)+` && e.checked)`)
}

// TestIAMAccessibility audits the IAM pages with axe-core in both
// languages: lists, the wizard's steps with errors, Create user group,
// Account settings, and a modal dialog.
func TestIAMAccessibility(t *testing.T) {
	src := axeSource(t)
	for _, lang := range []string{"en", "ko"} {
		p := NewPage(t)
		p.Open("/?world=demo&lang=" + lang)
		for _, h := range []string{"#/iam", "#/iam/users", "#/iam/groups", "#/iam/groups/create", "#/iam/settings", "#/iam/roles"} {
			p.Open("/?lang=" + lang + h)
			p.audit(t, src, lang+" "+h)
		}
		p.Open("/?lang=" + lang + "#/iam/users/create")
		p.Click("button", map[string]string{"en": "Next", "ko": "다음"}[lang])
		p.WaitText(map[string]string{"en": "Enter a user name.", "ko": "사용자 이름을 입력하세요."}[lang])
		p.audit(t, src, lang+" create user errors")
		p.Type("textbox", map[string]string{"en": "User name", "ko": "사용자 이름"}[lang], "Luna")
		p.Click("button", map[string]string{"en": "Next", "ko": "다음"}[lang])
		p.Find("heading", map[string]string{"en": "Set permissions", "ko": "권한 설정"}[lang])
		p.audit(t, src, lang+" set permissions")
		p.Click("button", map[string]string{"en": "Create group", "ko": "그룹 생성"}[lang])
		p.Find("dialog", map[string]string{"en": "Create user group", "ko": "사용자 그룹 생성"}[lang])
		p.audit(t, src, lang+" create group dialog")
	}
}
