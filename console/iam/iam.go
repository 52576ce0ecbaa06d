// Package iam is the console's IAM area: the dashboard with the account
// alias, users and the Create user wizard, user details, user groups and
// the account settings (password policy), with IAM's left navigation.
// Its actions and forms are named "iam.…"; every change goes through the
// world's one door (sim.World.Do).
package iam

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// Page is the IAM console's route page; "#/iam" is its dashboard.
const Page = "iam"

// Area is the IAM console.
func Area() core.Area {
	return core.Area{
		Pages:  []string{Page},
		Prefix: "iam",
		View:   view,
		Title:  title,
		Click:  click,
		Submit: submit,
		Escape: escape,
		Input:  input,
		Frame:  framed,
	}
}

// SigninURL is the sign-in URL for IAM users of an account: by alias when
// one is set, else by account ID.
func SigninURL(a sim.Account) string {
	if a.Alias != "" {
		return aliasURL(a.Alias)
	}
	return aliasURL(a.ID)
}

// aliasURL is the sign-in URL for an account ID or alias.
func aliasURL(idOrAlias string) string {
	return "https://" + idOrAlias + ".signin.aws.amazon.com/console"
}

// sub is the IAM page a route shows.
type sub int

const (
	subNotFound sub = iota
	subDashboard
	subUsers
	subCreateUser
	subUser
	subCreateKey
	subGroups
	subCreateGroup
	subGroup
	subSettings
	subRoles
	subPolicies
	subProviders
)

// pageOf maps a route to its IAM page and the entity it names.
func pageOf(r core.Route) (sub, string) {
	switch r.Arg {
	case "":
		if r.Rest == "" {
			return subDashboard, ""
		}
	case "users":
		switch {
		case r.Rest == "":
			return subUsers, ""
		case r.Rest == "create" || len(r.Rest) > 7 && r.Rest[:7] == "create/":
			return subCreateUser, r.Rest
		case !hasSlash(r.Rest):
			return subUser, r.Rest
		}
		if _, _, ok := akRoute(r.Rest); ok {
			return subCreateKey, r.Rest
		}
	case "groups":
		switch {
		case r.Rest == "":
			return subGroups, ""
		case r.Rest == "create":
			return subCreateGroup, ""
		case !hasSlash(r.Rest):
			return subGroup, r.Rest
		}
	case "settings", "roles", "policies", "providers":
		if r.Rest == "" {
			return map[string]sub{"settings": subSettings, "roles": subRoles, "policies": subPolicies, "providers": subProviders}[r.Arg], ""
		}
	}
	return subNotFound, ""
}

func hasSlash(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return true
		}
	}
	return false
}

// title is the document title of an IAM page.
func title(m core.Model, c i18n.Catalog, r core.Route) string {
	p, name := pageOf(r)
	switch p {
	case subDashboard:
		return c.T("iam.dash.title")
	case subUsers:
		return c.T("iam.nav.users")
	case subCreateUser:
		return c.T("iam.cu.title")
	case subUser, subGroup:
		return name
	case subGroups:
		return c.T("iam.nav.groups")
	case subCreateGroup:
		return c.T("iam.cg.title")
	case subSettings:
		return c.T("iam.nav.settings")
	case subCreateKey:
		return c.T("iam.u.keyCreate")
	case subRoles:
		return c.T("iam.nav.roles")
	case subPolicies:
		return c.T("iam.nav.policies")
	case subProviders:
		return c.T("iam.nav.providers")
	}
	return c.T("notfound.title")
}

// view renders an IAM page inside the IAM layout with its navigation.
func view(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	p, name := pageOf(r)
	var body ui.Node
	switch p {
	case subDashboard:
		body = dashboardView(m, c)
	case subUsers:
		body = usersView(m, c)
	case subCreateUser:
		body = createUserView(m, c, name)
	case subUser:
		body = userView(m, c, name)
	case subCreateKey:
		body = createKeyView(m, c, name)
	case subGroups:
		body = groupsView(m, c)
	case subCreateGroup:
		body = createGroupView(m, c)
	case subGroup:
		body = groupView(m, c, name)
	case subSettings:
		body = settingsView(m, c)
	case subRoles, subPolicies, subProviders:
		key := map[sub]string{subRoles: "roles", subPolicies: "policies", subProviders: "providers"}[p]
		body = infoPage.Root(c, vals("title", "iam.nav."+key, "body", "iam.info."+key, "?roles", onText(p == subRoles), "?policies", onText(p == subPolicies)))
	default:
		body = notFound.Root(c, nil)
	}
	return framed(m, c, r, body)
}

// framed puts a page in the IAM layout, with the navigation current on
// the route's page. The shell uses it for a page the signed-in user is
// denied (core.Area.Frame), so that the navigation stays.
func framed(_ core.Model, c i18n.Catalog, r core.Route, body ui.Node) ui.Node {
	p, _ := pageOf(r)
	return frame.Root(c, ui.Vals{
		{K: "page", N: []ui.Node{body}},
		{K: "curDash", B: p == subDashboard},
		{K: "curUsers", B: p == subUsers || p == subCreateUser || p == subUser || p == subCreateKey},
		{K: "curGroups", B: p == subGroups || p == subCreateGroup || p == subGroup},
		{K: "curRoles", B: p == subRoles},
		{K: "curPolicies", B: p == subPolicies},
		{K: "curProviders", B: p == subProviders},
		{K: "curSettings", B: p == subSettings},
	})
}

// navLink is one link of the IAM navigation, current when hole cur is on.
func navLink(href, key, cur string) ui.Tpl {
	return ui.Tpl{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: href}, {Key: "aria-current", Val: "?" + cur + ":page"}}, T: key}}}
}

// frame is the IAM layout: the left navigation and the page.
var frame = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-layout"}}, Kids: []ui.Tpl{
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "side-nav"}, {Key: "aria-labelledby", Val: "iam-nav-title"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-nav-title"}}, T: "iam.dash.nav"},
		{Tag: "ul", Kids: []ui.Tpl{
			navLink("#/iam", "iam.dash.navDashboard", "curDash"),
			{Tag: "li", Kids: []ui.Tpl{
				{Tag: "h3", Attrs: []ui.Attr{{Key: "class", Val: "side-nav-group"}, {Key: "id", Val: "iam-nav-access"}}, T: "iam.nav.access"},
				{Tag: "ul", Attrs: []ui.Attr{{Key: "aria-labelledby", Val: "iam-nav-access"}}, Kids: []ui.Tpl{
					navLink("#/iam/groups", "iam.nav.groups", "curGroups"),
					navLink("#/iam/users", "iam.nav.users", "curUsers"),
					navLink("#/iam/roles", "iam.nav.roles", "curRoles"),
					navLink("#/iam/policies", "iam.nav.policies", "curPolicies"),
					navLink("#/iam/providers", "iam.nav.providers", "curProviders"),
					navLink("#/iam/settings", "iam.nav.settings", "curSettings"),
				}},
			}},
		}},
	}},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "page mfa-page iam-page"}}, Kids: []ui.Tpl{{Slot: "page"}}},
}}

// infoPage says what the simulator lets a student do on an IAM page it
// does not simulate (yet).
var infoPage = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "$title"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "p", T: "$body"},
		{Tag: "p", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/users"}}, T: "iam.info.goUsers"}}},
		{Tag: "p", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/groups"}}, T: "iam.info.goGroups"}}},
	}},
}}

// notFound is an unknown IAM address.
var notFound = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "notfound.title"},
	{Tag: "p", T: "notfound.body"},
	{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam"}}, T: "iam.backToDashboard"},
}}

// escape closes an open IAM dialog.
func escape(m core.Model) (core.Model, []core.Effect, bool) {
	if m.IAM.Dialog == "" {
		return m, nil, false
	}
	back := dialogOpener(m)
	m.IAM.Dialog = ""
	return m, []core.Effect{core.Focus{ID: back}}, true
}

// dialogOpeners are the buttons that open the IAM pages' dialogs, by
// dialog: closing one (Cancel or Escape) returns focus there.
var dialogOpeners = map[string]string{
	"alias": "iam-alias-btn", "deleteAlias": "iam-alias-del", "createGroup": "iam-cu-newgroup",
	"addUsers": "iam-g-add", "attachGroup": "iam-g-attach", "deleteGroup": "iam-g-delete", "editPolicy": "iam-pp-edit",
	"akLeave": "iam-ak-done",
}

// dialogOpener returns the ID of the button that opened the open dialog,
// or the page's title when it is not known.
func dialogOpener(m core.Model) string {
	if id, ok := dialogOpeners[m.IAM.Dialog]; ok {
		return id
	}
	return "page-title"
}
