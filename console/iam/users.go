package iam

import (
	"strconv"
	"time"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/iam"
)

// Fields of the users list.
const fieldUsersFilter = "iam.users.filter"

// usersPage is the Users list.
var usersPage = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.users.count", Args: []string{"n", "$count"}},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.cu.start"}}, T: "iam.cu.button"},
	}},
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "iam.users.desc"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "search"}, {Key: "name", Val: fieldUsersFilter}, {Key: "value", Val: "$filter"},
			{Key: "class", Val: "iam-search"}, {Key: "aria-label", Val: "%iam.users.search"}, {Key: "placeholder", Val: "%iam.users.search"}}},
		{Slot: "table"},
	}},
}}

// usersView renders the Users list.
func usersView(m core.Model, c i18n.Catalog) ui.Node {
	a := iamAccount(m)
	filter := m.Field(fieldUsersFilter)
	cols := []col{{"name", c.T("iam.col.userName")}, {"path", c.T("iam.col.path")}, {"groups", c.T("iam.col.groups")},
		{"mfa", c.T("iam.col.mfa")}, {"pwage", c.T("iam.col.passwordAge")}, {"signin", c.T("iam.col.lastSignin")},
		{"keyage", c.T("iam.col.keyAge")}, {"created", c.T("iam.col.created")}}
	var rows []row
	for _, u := range a.Users {
		if !matches(u.Name, filter) {
			continue
		}
		rows = append(rows, userRow(c, u, m.Now))
	}
	table := renderTable(m, c, "users", "page-title", cols, rows, "name", true, false, "iam.users.empty")
	return usersPage.Root(c, ui.Vals{{K: "count", S: strconv.Itoa(len(a.Users))}, {K: "filter", S: filter}, {K: "table", N: table}})
}

// userRow is a user's row of the Users list.
func userRow(c i18n.Catalog, u iam.User, now time.Time) row {
	none := textCell(c.T("iam.none"))
	mfa := none
	if len(u.MFA) > 0 {
		mfa = textCell(c.T("iam.mfa.virtual"))
	}
	pw, pwKey := none, ""
	if u.Login.Enabled() {
		pw, pwKey = textCell(age(c, u.Login.ChangedAt, now)), u.Login.ChangedAt.Format(time.RFC3339)
	}
	signin, signinKey := textCell(c.T("iam.never")), ""
	if !u.LastSignIn.IsZero() {
		signin, signinKey = textCell(age(c, u.LastSignIn, now)), u.LastSignIn.Format(time.RFC3339)
	}
	key, keyKey := none, ""
	for _, k := range u.AccessKeys {
		if k.Status == iam.KeyActive {
			key, keyKey = textCell(age(c, k.CreatedAt, now)), k.CreatedAt.Format(time.RFC3339)
			break
		}
	}
	return row{
		cells: cells(linkCell(u.Name, "#/iam/users/"+u.Name, ""), dataCell(u.Path), dataCell(strconv.Itoa(len(u.Groups))),
			mfa, pw, signin, key, textCell(age(c, u.CreatedAt, now))),
		keys: strs("name", u.Name, "path", u.Path, "groups", pad(len(u.Groups)), "mfa", pad(len(u.MFA)),
			"pwage", pwKey, "signin", signinKey, "keyage", keyKey, "created", u.CreatedAt.Format(time.RFC3339)),
	}
}

// pad makes a count sortable as text.
func pad(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 6 {
		s = "0" + s
	}
	return s
}
