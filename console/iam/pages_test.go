package iam_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
)

// demo is the signed-in demo world with a cheap password hash.
func demo(t *testing.T, lang string) console.Model {
	t.Helper()
	m := ct.StartCheap(t, map[string]string{"world": "demo", "lang": lang})
	require.True(t, m.Session.SignedIn())
	return m
}

func goTo(m console.Model, hash string) console.Model {
	return ct.Send(m, console.Navigate{Now: ct.T1, Hash: hash})
}

// typeIn sends the value of a field as the browser's input event does.
func typeIn(m console.Model, field, value string) console.Model {
	return ct.Send(m, console.Input{Now: ct.T1, Field: field, Value: value})
}

// submitForm submits the form that contains the control found by role and
// name, with the fields the model holds plus kv.
func submitForm(t *testing.T, m console.Model, form string, kv ...string) (console.Model, []console.Effect) {
	t.Helper()
	values := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		values[kv[i]] = kv[i+1]
	}
	return ct.SubmitAt(m, ct.T1, form, values)
}

// focusOf is the element the effects move focus to.
func focusOf(fx []console.Effect) string {
	f := ct.EffectsOf[console.Focus](fx)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1].ID
}

func errorOf(t *testing.T, m console.Model, role, name string) string {
	t.Helper()
	return ct.Description(t, m, role, name)
}

func TestIAMNavigationAndPagesWithoutSimulation(t *testing.T) {
	m := demo(t, "en")
	m = goTo(m, "#/iam")
	nav := ct.Find(t, m, "navigation", "Identity and Access Management (IAM)")
	for _, l := range []struct{ name, href string }{{"Dashboard", "#/iam"}, {"User groups", "#/iam/groups"}, {"Users", "#/iam/users"},
		{"Roles", "#/iam/roles"}, {"Policies", "#/iam/policies"}, {"Identity providers", "#/iam/providers"}, {"Account settings", "#/iam/settings"}} {
		link, ok := ui.Find(nav, "link", l.name)
		require.True(t, ok, l.name)
		require.Equal(t, l.href, ct.AttrOf(link, "href"))
	}
	for _, p := range []struct{ hash, heading, says string }{
		{"#/iam/roles", "Roles", "Roles are not part of this simulator yet"},
		{"#/iam/providers", "Identity providers", "not part of this simulator"},
	} {
		m2 := goTo(m, p.hash)
		ct.Find(t, m2, "heading", p.heading)
		require.True(t, ct.Shows(m2, p.says), p.hash)
		cur, _ := ui.Find(console.View(m2), "link", p.heading)
		require.Equal(t, "page", ct.AttrOf(cur, "aria-current"))
		ct.Find(t, m2, "link", "Go to Users")
		ct.CheckPseudo(t, ct.Pseudo(m2))
	}
	// Policies are their own area (console/iam/policies): the link opens
	// the list of policies, not an information page.
	require.True(t, ct.Shows(goTo(m, "#/iam/policies"), "A policy is an object in AWS that defines permissions."))
	for _, bad := range []string{"#/iam/nothing", "#/iam/users/a/b", "#/iam/groups/x/y", "#/iam/settings/x"} {
		ct.Find(t, goTo(m, bad), "heading", "Page not found")
	}
	ct.Find(t, goTo(m, "#/iam/users/Nobody"), "heading", "Page not found")
}

func TestAccountAliasCreateEditDelete(t *testing.T) {
	m := demo(t, "en")
	m = goTo(m, "#/iam")
	m, fx := ct.PressAt(t, m, ct.T1, "button", "Create account alias")
	require.Equal(t, "iam-alias-input", focusOf(fx))
	ct.Find(t, m, "dialog", "Create alias for AWS account")
	require.True(t, ct.Shows(m, "Type an alias to see the new sign-in URL."))
	m = typeIn(m, "iam.alias", "My_Lab")
	preview, _ := ui.ByID(console.View(m), "iam-alias-preview")
	require.Equal(t, "https://My_Lab.signin.aws.amazon.com/console", preview.TextContent())

	for _, c := range []struct{ alias, msg string }{
		{"My_Lab", "The alias can contain only lowercase letters"},
		{"ab", "between 3 and 63 characters"},
		{"-lab", "cannot start or end with a hyphen"},
		{"a--b", "single hyphens"},
		{"123456789012", "cannot be a 12-digit number"},
	} {
		m2, fx := submitForm(t, m, "iam.alias", "iam.alias", c.alias)
		require.Equal(t, "iam-alias-input", focusOf(fx), c.alias)
		require.Contains(t, errorOf(t, m2, "textbox", "Preferred alias"), c.msg, c.alias)
		require.Equal(t, "", m2.World.Accounts[m2.Session.AccountID].Alias)
	}
	m, _ = submitForm(t, m, "iam.alias", "iam.alias", "my-lab")
	_, open := ui.Find(console.View(m), "dialog", "")
	require.False(t, open)
	url, _ := ui.ByID(console.View(m), "iam-signin-url")
	require.Equal(t, "https://my-lab.signin.aws.amazon.com/console", url.TextContent())
	require.True(t, ct.Shows(m, "Alias my-lab created for this account."))
	require.Equal(t, "iam:CreateAccountAlias", ct.LastEvent(m).Action)

	// Edit shows the current alias; Delete asks first.
	m2 := ct.Press(t, m, "button", "Edit account alias")
	ct.Find(t, m2, "dialog", "Edit alias for AWS account")
	m = ct.Press(t, m, "button", "Delete account alias")
	ct.Find(t, m, "dialog", "Delete account alias?")
	m = ct.Press(t, m, "button", "Delete")
	url, _ = ui.ByID(console.View(m), "iam-signin-url")
	require.Equal(t, "https://123456789012.signin.aws.amazon.com/console", url.TextContent())
	ct.CheckPseudo(t, ct.Pseudo(m))
}

// createUser walks the Create user wizard: step 1's values, then the
// permissions step's, and creates the user.
func createUser(t *testing.T, m console.Model, details, perms []string) console.Model {
	t.Helper()
	m = ct.Send(goTo(m, "#/iam/users"), console.Click{Now: ct.T1, Action: "iam.cu.start"})
	require.Equal(t, "#/iam/users/create", m.UI.Route)
	m, _ = submitForm(t, m, "iam.cu.details", details...)
	require.Equal(t, "#/iam/users/create/permissions", m.UI.Route, "%v", m.Notices)
	m, _ = submitForm(t, m, "iam.cu.perms", perms...)
	require.Equal(t, "#/iam/users/create/review", m.UI.Route)
	m = ct.Send(m, console.Click{Now: ct.T1, Action: "iam.cu.back", Arg: "#/iam/users/create/permissions"})
	require.Equal(t, "#/iam/users/create/permissions", m.UI.Route)
	m, _ = submitForm(t, m, "iam.cu.perms")
	m, _ = submitForm(t, m, "iam.cu.create")
	return m
}

func TestCreateUserWizardSuperUser(t *testing.T) {
	m := demo(t, "en")
	m = goTo(m, "#/iam/users")
	ct.Find(t, m, "heading", "Users (0)")
	m = ct.Press(t, m, "button", "Create user")
	ct.Find(t, m, "heading", "Specify user details")
	ct.CheckPseudo(t, ct.Pseudo(m))

	// Errors next to their fields, focus to the first.
	m2, fx := submitForm(t, m, "iam.cu.details", "iam.cu.name", "", "iam.cu.console", "true", "iam.cu.pwtype", "custom", "iam.cu.password", "short")
	require.Equal(t, "iam-cu-name", focusOf(fx))
	require.Equal(t, "Enter a user name.", errorOf(t, m2, "textbox", "User name"))
	require.Contains(t, errorOf(t, m2, "textbox", "Password"), "too short")
	m2, fx = submitForm(t, m, "iam.cu.details", "iam.cu.name", "Super User", "iam.cu.console", "false")
	require.Equal(t, "iam-cu-name", focusOf(fx))
	require.Contains(t, errorOf(t, m2, "textbox", "User name"), "Valid characters")
	m2, fx = submitForm(t, m, "iam.cu.details", "iam.cu.name", "SuperUser", "iam.cu.console", "true", "iam.cu.pwtype", "custom", "iam.cu.password", "alllowercase")
	require.Equal(t, "iam-cu-pw", focusOf(fx))
	require.Contains(t, errorOf(t, m2, "textbox", "Password"), "at least three")

	// The console options show once console access is on.
	m = typeIn(m, "iam.cu.console", "true")
	ct.Find(t, m, "radio", "I want to create an IAM user")
	ct.Find(t, m, "radio", "Autogenerated password")
	ct.Find(t, m, "checkbox", "Users must create a new password at next sign-in - Recommended")
	m = createUser(t, m,
		[]string{"iam.cu.name", "SuperUser", "iam.cu.console", "true", "iam.cu.pwtype", "custom", "iam.cu.password", "Super-Pass-2026", "iam.cu.mustchange", "true"},
		[]string{"iam.cu.perm", "attach", "iam.cu.p.IAMFullAccess", "true"})
	require.Equal(t, "#/iam/users/create/password", m.UI.Route)
	ct.Find(t, m, "heading", "Retrieve password")
	url, _ := ui.ByID(console.View(m), "iam-cu-url")
	require.Equal(t, "https://123456789012.signin.aws.amazon.com/console", url.TextContent())
	require.False(t, ct.Shows(m, "Super-Pass-2026"), "hidden until Show")
	m = ct.Press(t, m, "button", "Show")
	require.True(t, ct.Shows(m, "Super-Pass-2026"))
	_, fx = ct.PressAt(t, m, ct.T1, "button", "Download .csv file")
	dl := ct.EffectsOf[console.Download](fx)
	require.Len(t, dl, 1)
	require.Equal(t, "User name,Password,Console sign-in URL\nSuperUser,Super-Pass-2026,https://123456789012.signin.aws.amazon.com/console\n", dl[0].Data)
	ct.CheckPseudo(t, ct.Pseudo(m))

	u, ok := m.World.IAMUser(m.Session.AccountID, "SuperUser")
	require.True(t, ok)
	require.True(t, u.Login.MustChange)
	require.Equal(t, []string{"arn:aws:iam::aws:policy/IAMUserChangePassword", "arn:aws:iam::aws:policy/IAMFullAccess"}, u.Attached)
	// The password is never in the saved document.
	saved, err := m.Encode(1)
	require.NoError(t, err)
	require.NotContains(t, saved, "Super-Pass-2026")

	// Email sign-in instructions: the inbox gets the URL and user name, no password.
	m = ct.Press(t, m, "button", "Email sign-in instructions")
	mail := m.World.Devices.Inbox[len(m.World.Devices.Inbox)-1]
	require.Equal(t, "SuperUser", mail.Args["user"])
	require.NotContains(t, strings.Join([]string{mail.Args["user"], mail.Args["url"], mail.Args["account"]}, " "), "Super-Pass")

	// Leaving the page forgets the password; coming back offers a reset.
	m = goTo(m, "#/iam/users")
	ct.Find(t, m, "heading", "Users (1)")
	ct.Find(t, m, "link", "SuperUser")
	m = goTo(m, "#/iam/users/create/password")
	require.True(t, ct.Shows(m, "The password can no longer be shown"))
	require.False(t, ct.Shows(m, "Super-Pass-2026"))
	m = ct.Press(t, m, "button", "Reset password")
	require.NotEmpty(t, m.IAM.Secret.Password)
	require.Equal(t, "iam:UpdateLoginProfile", ct.LastEvent(m).Action)
	require.NotContains(t, ct.LastEvent(m).Detail, "password")
}

func TestCreateUserTakenNameAndKorean(t *testing.T) {
	m := demo(t, "ko")
	m = createUser(t, m, []string{"iam.cu.name", "Luna"}, nil)
	require.Equal(t, "#/iam/users/Luna", m.UI.Route)
	ct.Find(t, m, "heading", "Luna")
	m = ct.Press(t, goTo(m, "#/iam/users"), "button", "사용자 생성")
	ct.Find(t, m, "heading", "사용자 세부 정보 지정")
	ct.Find(t, m, "checkbox", "AWS Management Console에 대한 사용자 액세스 권한 제공 - 선택 사항")
	m2, _ := submitForm(t, m, "iam.cu.details", "iam.cu.name", "luna")
	require.Equal(t, "이 이름의 사용자가 이미 있습니다.", errorOf(t, m2, "textbox", "사용자 이름"))
	m2, _ = submitForm(t, m, "iam.cu.details", "iam.cu.name", "Sun")
	ct.Find(t, m2, "heading", "권한 설정")
	ct.Find(t, m2, "radio", "그룹에 사용자 추가")
	ct.Find(t, m2, "radio", "권한 복사")
	ct.Find(t, m2, "radio", "직접 정책 연결")
}

func TestGroupsCreateMembersAndDelete(t *testing.T) {
	m := demo(t, "en")
	m = goTo(m, "#/iam/groups")
	ct.Find(t, m, "heading", "User groups (0)")
	m = ct.Press(t, m, "button", "Create group")
	ct.Find(t, m, "heading", "Create user group")
	m2, fx := submitForm(t, m, "iam.cg", "iam.cg.name", "Network Admin")
	require.Equal(t, "iam-cg-name", focusOf(fx))
	require.Contains(t, errorOf(t, m2, "textbox", "User group name"), "Valid characters")
	m = typeIn(m, "iam.cg.pfilter", "vpc")
	ct.Find(t, m, "checkbox", "AmazonVPCFullAccess")
	_, hidden := ui.Find(console.View(m), "checkbox", "IAMFullAccess")
	require.False(t, hidden, "the search filters the policies")
	m, _ = submitForm(t, m, "iam.cg", "iam.cg.name", "NetworkAdmin", "iam.cg.p.AmazonVPCFullAccess", "true")
	require.Equal(t, "#/iam/groups/NetworkAdmin", m.UI.Route)
	g, ok := m.World.IAMGroup(m.Session.AccountID, "NetworkAdmin")
	require.True(t, ok)
	require.Equal(t, []string{"arn:aws:iam::aws:policy/AmazonVPCFullAccess"}, g.Attached)

	// Luna in NetworkAdmin from the wizard.
	m = createUser(t, m, []string{"iam.cu.name", "Luna"}, []string{"iam.cu.perm", "group", "iam.cu.g.NetworkAdmin", "true"})
	require.Equal(t, []string{"Luna"}, m.World.GroupMembers(m.Session.AccountID, "NetworkAdmin"))

	// The user's permissions say where each policy comes from.
	m = ct.Press(t, m, "tab", "Permissions")
	require.True(t, ct.Shows(m, "Group NetworkAdmin"))

	// Remove and re-add Luna on the group's page.
	m = goTo(m, "#/iam/groups/NetworkAdmin")
	ct.Find(t, m, "tab", "Users")
	ct.Find(t, m, "heading", "Users in this group (1)")
	m = typeIn(m, "iam.gd.NetworkAdmin/u/Luna", "true")
	m = ct.Press(t, m, "button", "Remove")
	ct.Find(t, m, "heading", "Users in this group (0)")
	require.Empty(t, m.World.GroupMembers(m.Session.AccountID, "NetworkAdmin"))
	m = ct.Press(t, m, "button", "Add users")
	ct.Find(t, m, "dialog", "Add users to NetworkAdmin")
	ct.CheckPseudo(t, ct.Pseudo(m))
	m, _ = submitForm(t, m, "iam.g.add", "iam.ga.u.Luna", "true")
	ct.Find(t, m, "heading", "Users in this group (1)")

	// Permissions tab: detach and attach.
	m = ct.Press(t, m, "tab", "Permissions")
	ct.Find(t, m, "heading", "Permissions policies (1)")
	ct.CheckPseudo(t, ct.Pseudo(m))

	// Delete asks for the name.
	m = ct.Press(t, m, "button", "Delete")
	ct.Find(t, m, "dialog", "Delete NetworkAdmin?")
	m2, fx = submitForm(t, m, "iam.g.delete", "iam.del.confirm", "networkadmin")
	require.Equal(t, "iam-del-confirm", focusOf(fx))
	require.Equal(t, "Enter NetworkAdmin to confirm.", errorOf(t, m2, "textbox", "Name to confirm"))
	m, _ = submitForm(t, m, "iam.g.delete", "iam.del.confirm", "NetworkAdmin")
	require.Equal(t, "#/iam/groups", m.UI.Route)
	_, ok = m.World.IAMGroup(m.Session.AccountID, "NetworkAdmin")
	require.False(t, ok)
	u, _ := m.World.IAMUser(m.Session.AccountID, "Luna")
	require.Empty(t, u.Groups)
}

func TestCreateGroupInsideTheWizard(t *testing.T) {
	m := demo(t, "en")
	m = ct.Press(t, goTo(m, "#/iam/users"), "button", "Create user")
	m, _ = submitForm(t, m, "iam.cu.details", "iam.cu.name", "Luna")
	m, fx := ct.PressAt(t, m, ct.T1, "button", "Create group")
	require.Equal(t, "iam-ng-name", focusOf(fx))
	ct.Find(t, m, "dialog", "Create user group")
	m, _ = submitForm(t, m, "iam.ng", "iam.ng.name", "NetworkAdmin", "iam.ng.p.AmazonVPCFullAccess", "true")
	box := ct.Find(t, m, "checkbox", "NetworkAdmin")
	require.True(t, box.Has("checked"), "the new group is chosen for the user")
	m, _ = submitForm(t, m, "iam.cu.perms")
	m, _ = submitForm(t, m, "iam.cu.create")
	require.Equal(t, []string{"Luna"}, m.World.GroupMembers(m.Session.AccountID, "NetworkAdmin"))
}

func TestUserDetailsKeysConsoleAndDelete(t *testing.T) {
	m := demo(t, "en")
	m = createUser(t, m, []string{"iam.cu.name", "Luna"}, []string{"iam.cu.perm", "attach", "iam.cu.p.ReadOnlyAccess", "true"})
	m = ct.Press(t, m, "tab", "Security credentials")
	ct.Find(t, m, "heading", "Access keys (0)")
	ct.CheckPseudo(t, ct.Pseudo(m))
	for range 2 {
		m = createKey(t, m, "")
	}
	ct.Find(t, m, "heading", "Access keys (2)")
	require.True(t, ct.Find(t, m, "button", "Create access key").Has("disabled"), "at most 2")

	// Console access: enable shows a password once, disable removes it.
	m = ct.Press(t, m, "button", "Enable console access")
	require.NotEmpty(t, m.IAM.Secret.Password)
	ct.Find(t, m, "heading", "New console password")
	m = ct.Press(t, m, "button", "Disable console access")
	u, _ := m.World.IAMUser(m.Session.AccountID, "Luna")
	require.False(t, u.Login.Enabled())

	// Permissions: directly attached, removable.
	m = ct.Press(t, m, "tab", "Permissions")
	require.True(t, ct.Shows(m, "Directly"))
	m = typeIn(m, "iam.ud.Luna/p/ReadOnlyAccess", "true")
	m = ct.Press(t, m, "button", "Remove")
	ct.Find(t, m, "heading", "Permissions policies (0)")

	// Delete with the name typed.
	m = ct.Press(t, m, "button", "Delete")
	ct.Find(t, m, "dialog", "Delete Luna?")
	m, _ = submitForm(t, m, "iam.u.delete", "iam.del.confirm", "Luna")
	require.Equal(t, "#/iam/users", m.UI.Route)
	_, ok := m.World.IAMUser(m.Session.AccountID, "Luna")
	require.False(t, ok)
	require.Equal(t, "iam:DeleteUser", ct.LastEvent(m).Action)
}

func TestUsersListSearchSortAndPages(t *testing.T) {
	m := demo(t, "en")
	for _, n := range []string{"u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10", "u11", "admin"} {
		m = createUser(t, m, []string{"iam.cu.name", n}, nil)
	}
	m = goTo(m, "#/iam/users")
	ct.Find(t, m, "heading", "Users (12)")
	ct.Find(t, m, "link", "admin")
	_, onPage2 := ui.Find(console.View(m), "link", "u11")
	require.False(t, onPage2)
	require.True(t, ct.Shows(m, "Page 1 of 2"))
	m = ct.Press(t, m, "button", "Next page")
	ct.Find(t, m, "link", "u11")
	m = ct.Press(t, m, "button", "User name ▲")
	ct.Find(t, m, "button", "User name ▼")
	ct.Find(t, m, "link", "u11")
	m = typeIn(m, "iam.users.filter", "u1")
	_, shown := ui.Find(console.View(m), "link", "admin")
	require.False(t, shown)
	ct.Find(t, m, "link", "u10")
	ct.CheckPseudo(t, ct.Pseudo(m))
}

func TestPasswordPolicyCustomAppliesToNewUsers(t *testing.T) {
	m := demo(t, "en")
	m = goTo(m, "#/iam/settings")
	ct.Find(t, m, "heading", "Password policy")
	require.True(t, ct.Shows(m, "IAM default"))
	m, fx := ct.PressAt(t, m, ct.T1, "button", "Edit password policy")
	require.Equal(t, "iam-pp-title", focusOf(fx))
	m = typeIn(m, "iam.pp.mode", "custom")
	ct.Find(t, m, "textbox", "Password minimum length")
	ct.CheckPseudo(t, ct.Pseudo(m))
	m2, fx := submitForm(t, m, "iam.pp", "iam.pp.min", "3")
	require.Equal(t, "iam-pp-min", focusOf(fx))
	require.Equal(t, "Enter a number from 6 to 128.", errorOf(t, m2, "textbox", "Password minimum length"))
	m, _ = submitForm(t, m, "iam.pp", "iam.pp.min", "12", "iam.pp.change", "true", "iam.pp.symbol", "true")
	require.True(t, ct.Shows(m, "Custom"))
	require.True(t, ct.Shows(m, "Minimum password length is 12 characters"))
	p := m.World.IAMAccount(m.Session.AccountID).PasswordPolicy
	require.True(t, p.Custom)
	require.Equal(t, 12, p.MinLength)

	// The wizard checks the new policy, and with users allowed to change
	// their password it attaches no IAMUserChangePassword.
	m = ct.Press(t, goTo(m, "#/iam/users"), "button", "Create user")
	m2, _ = submitForm(t, m, "iam.cu.details", "iam.cu.name", "Luna", "iam.cu.console", "true", "iam.cu.pwtype", "custom", "iam.cu.password", "Short-1")
	require.Contains(t, errorOf(t, m2, "textbox", "Password"), "too short")
	m = createUser(t, m, []string{"iam.cu.name", "Luna", "iam.cu.console", "true", "iam.cu.pwtype", "auto"}, nil)
	require.GreaterOrEqual(t, len(m.IAM.Secret.Password), 16)
	u, _ := m.World.IAMUser(m.Session.AccountID, "Luna")
	require.Empty(t, u.Attached)
}

func TestRetrievePasswordAfterReload(t *testing.T) {
	m := demo(t, "en")
	m = createUser(t, m, []string{"iam.cu.name", "SuperUser", "iam.cu.console", "true", "iam.cu.pwtype", "auto"}, nil)
	pw := m.IAM.Secret.Password
	require.NotEmpty(t, pw)
	require.Equal(t, "#/iam/users/create/password", m.UI.Route)
	saved, err := m.Encode(1)
	require.NoError(t, err)
	require.NotContains(t, saved, pw)

	// A reload resumes on the same page, which can no longer show it.
	r, _ := ct.Start(t, map[string]string{}, saved)
	require.Equal(t, "#/iam/users/create/password", r.UI.Route)
	ct.Find(t, r, "heading", "Retrieve password")
	require.True(t, ct.Shows(r, "The password can no longer be shown"))
	_, shown := ui.Find(console.View(r), "button", "Show")
	require.False(t, shown)
	ct.Find(t, r, "button", "Reset password")
	ct.CheckPseudo(t, ct.Pseudo(r))
}
