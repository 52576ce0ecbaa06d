package iam

import (
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/iam"
)

// Fields of the group pages.
const (
	fieldGroupsFilter = "iam.groups.filter"
	cgPrefix          = "iam.cg."
	fieldCGName       = "iam.cg.name"
	ngPrefix          = "iam.ng."
	fieldNGName       = "iam.ng.name"
	fieldGroupTab     = "iam.gtab"
	fieldDelConfirm   = "iam.del.confirm"
	gaPrefix          = "iam.ga."
)

// groupsPage is the User groups list.
var groupsPage = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.groups.title", Args: []string{"n", "$count"}},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.g.create"}}, T: "iam.cg.button"},
	}},
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "iam.groups.desc"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "search"}, {Key: "name", Val: fieldGroupsFilter}, {Key: "value", Val: "$filter"},
			{Key: "class", Val: "iam-search"}, {Key: "aria-label", Val: "%iam.groups.search"}, {Key: "placeholder", Val: "%iam.groups.search"}}},
		{Slot: "table"},
	}},
}}

// createGroupPage is Create user group.
var createGroupPage = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "breadcrumbs"}, {Key: "aria-label", Val: "%nav.breadcrumbs"}}, Kids: []ui.Tpl{{Tag: "ol", Kids: []ui.Tpl{
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam"}}, T: "iam.short"}}},
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/groups"}}, T: "iam.nav.groups"}}},
		{Tag: "li", Attrs: []ui.Attr{{Key: "aria-current", Val: "page"}}, T: "iam.cg.title"},
	}}}},
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.cg.title"},
	{Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "iam.cg"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
			{Tag: "h2", T: "iam.cg.nameTitle"},
			textField("iam-cg-name", fieldCGName, "iam.cg.name", "text", "iam.cg.nameHint"),
		}},
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-cg-users"}}, T: "iam.cg.addUsers"},
			{Slot: "users"},
		}},
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-cg-policies"}}, T: "iam.cg.attach"},
			{Slot: "picker"},
		}},
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.g.list"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.cg.submit"},
		}},
	}},
}}

// dialogFrame is a modal dialog around a form or a message.
var dialogFrame = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-backdrop"}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-dialog iam-dialog-wide"}, {Key: "role", Val: "dialog"}, {Key: "aria-modal", Val: "true"}, {Key: "aria-labelledby", Val: "iam-dialog-title"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-dialog-title"}, {Key: "tabindex", Val: "-1"}}, T: "$dtitle", Args: []string{"name", "$dname"}},
		{Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "$dform"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
			{Slot: "dbody"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.dialog.cancel"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "$dclass"}}, T: "$dsubmit"},
			}},
		}},
	}},
}}

// dialog renders a dialog with its body.
func dialog(c i18n.Catalog, title, name, form, submitKey string, danger bool, body ...ui.Node) ui.Node {
	// A destructive dialog's button names what it does ("Delete"); the
	// console styles it as its primary action, like AWS's.
	cls := "btn btn-primary"
	if danger {
		cls += " iam-danger"
	}
	return dialogFrame.Root(c, ui.Vals{{K: "dtitle", S: title}, {K: "dname", S: name}, {K: "dform", S: form},
		{K: "dsubmit", S: submitKey}, {K: "dclass", S: cls}, {K: "dbody", N: body}})
}

// nameFieldTpl and confirmTpl are dialog bodies.
var nameFieldTpl = textField("iam-ng-name", fieldNGName, "iam.cg.name", "text", "iam.cg.nameHint")

var confirmTpl = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "p", T: "$text", Args: []string{"name", "$name"}},
	textField("iam-del-confirm", fieldDelConfirm, "iam.del.confirmLabel", "text", ""),
}}

// groupPage is a user group's details.
var groupPage = ui.Tpl{Tag: "div", Kids: []ui.Tpl{{Tag: "div", Attrs: modalBehind, Kids: []ui.Tpl{
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "breadcrumbs"}, {Key: "aria-label", Val: "%nav.breadcrumbs"}}, Kids: []ui.Tpl{{Tag: "ol", Kids: []ui.Tpl{
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam"}}, T: "iam.short"}}},
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/groups"}}, T: "iam.nav.groups"}}},
		{Tag: "li", Attrs: []ui.Attr{{Key: "aria-current", Val: "page"}}, D: "name"},
	}}}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, D: "name"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-g-delete"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.g.delete"}}, T: "iam.delete"},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", T: "iam.summary"},
		{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
			{Tag: "dt", T: "iam.cg.name"}, {Tag: "dd", D: "name"},
			{Tag: "dt", T: "iam.col.created"}, {Tag: "dd", D: "created"},
			{Tag: "dt", T: "iam.arn"}, {Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "arn"},
		}},
	}},
	{Slot: "tabs"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "role", Val: "tabpanel"}, {Key: "id", Val: "iam-tabpanel"}, {Key: "aria-labelledby", Val: "$tabID"}}, Kids: []ui.Tpl{
		{If: "tabUsers", Tag: "div", Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
				{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-g-users"}}, T: "iam.g.usersIn", Args: []string{"n", "$userCount"}},
				{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inline-actions"}}, Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-g-remove"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.g.removeUsers"}}, T: "iam.remove"},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-g-add"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.g.addUsers"}}, T: "iam.g.addUsers"},
				}},
			}},
			{Slot: "users"},
		}},
		{If: "!tabUsers", Tag: "div", Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
				{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-g-policies"}}, T: "iam.policies.count", Args: []string{"n", "$policyCount"}},
				{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inline-actions"}}, Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-g-detach"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.g.detach"}}, T: "iam.remove"},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-g-attach"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.g.attachOpen"}}, T: "iam.addPermissions"},
				}},
			}},
			{Slot: "policies"},
		}},
	}},
}}, {Slot: "dialog"}}}

// tabList is a row of tabs: buttons that switch the panel.
var tabList = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "role", Val: "tablist"}, {Key: "class", Val: "iam-tabs"}, {Key: "aria-label", Val: "$label"}}, Kids: []ui.Tpl{
	{Each: "tabs", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "role", Val: "tab"}, {Key: "id", Val: "$id"},
		{Key: "aria-selected", Val: "$sel"}, {Key: "aria-controls", Val: "iam-tabpanel"}, {Key: "data-action", Val: "$action"}, {Key: "data-arg", Val: "$arg"}}, T: "$key"},
}}

// tabs renders a tab list; cur is the selected tab's arg.
func tabs(c i18n.Catalog, label, action, cur string, list [][2]string) ui.Node {
	var v []ui.Vals
	for _, t := range list {
		sel := "false"
		if t[0] == cur {
			sel = "true"
		}
		v = append(v, vals("id", "iam-tab-"+t[0], "sel", sel, "action", action, "arg", t[0], "key", t[1]))
	}
	return tabList.Root(c, ui.Vals{{K: "label", S: c.T(label)}, {K: "tabs", L: v}})
}

// groupsView renders the User groups list.
func groupsView(m core.Model, c i18n.Catalog) ui.Node {
	a := iamAccount(m)
	filter := m.Field(fieldGroupsFilter)
	var rows []row
	for _, g := range a.Groups {
		if !matches(g.Name, filter) {
			continue
		}
		perm := "iam.g.notDefined"
		if len(g.Attached)+len(g.Inline) > 0 {
			perm = "iam.g.defined"
		}
		n := len(a.Members(g.Name))
		rows = append(rows, row{
			cells: cells(linkCell(g.Name, "#/iam/groups/"+g.Name, ""), dataCell(strconv.Itoa(n)), textCell(c.T(perm)), textCell(age(c, g.CreatedAt, m.Now))),
			keys:  strs("name", g.Name, "users", pad(n), "perm", c.T(perm), "created", date(g.CreatedAt)),
		})
	}
	cols := []col{{"name", c.T("iam.col.groupName")}, {"users", c.T("iam.col.users")}, {"perm", c.T("iam.col.permissions")}, {"created", c.T("iam.col.created")}}
	return groupsPage.Root(c, ui.Vals{{K: "count", S: strconv.Itoa(len(a.Groups))}, {K: "filter", S: filter},
		{K: "table", N: renderTable(m, c, "groups", "page-title", cols, rows, "name", true, false, "iam.groups.none")}})
}

// userPicker lists users with checkboxes named prefix+user name.
func userPicker(m core.Model, c i18n.Catalog, list, prefix, labelID string, skip func(iam.User) bool) []ui.Node {
	a := iamAccount(m)
	var rows []row
	for _, u := range a.Users {
		if skip != nil && skip(u) {
			continue
		}
		id := list + "-" + u.Name
		rows = append(rows, row{
			cells: cells(labelCell(u.Name, id, id+"-l"), dataCell(strconv.Itoa(len(u.Groups))), textCell(age(c, u.CreatedAt, m.Now))),
			keys:  strs("name", u.Name),
			sel:   selBox("checkbox", id, prefix+u.Name, "true", m.Field(prefix+u.Name) == "true", id+"-l"),
		})
	}
	cols := []col{{"name", c.T("iam.col.userName")}, {"", c.T("iam.col.groups")}, {"", c.T("iam.col.created")}}
	return renderTable(m, c, list, labelID, cols, rows, "name", false, true, "iam.users.empty")
}

// createGroupView renders Create user group.
func createGroupView(m core.Model, c i18n.Catalog) ui.Node {
	v := ui.Vals{{K: "users", N: userPicker(m, c, "cgu", cgPrefix+"u.", "iam-cg-users", nil)},
		{K: "picker", N: []ui.Node{pickerNode(m, c, "cgp", cgPrefix+"p.", cgPrefix+"pfilter", cgPrefix+"ptype", "iam-cg-policies", nil)}}}
	v = append(v, fieldVals(m, c, "iam-cg-name", fieldCGName)...)
	return createGroupPage.Root(c, v)
}

// newGroupDialog is Create user group inside the Create user wizard.
func newGroupDialog(m core.Model, c i18n.Catalog) ui.Node {
	name := nameFieldTpl.Root(c, fieldVals(m, c, "iam-ng-name", fieldNGName))
	picker := pickerNode(m, c, "ngp", ngPrefix+"p.", ngPrefix+"pfilter", ngPrefix+"ptype", "iam-dialog-title", nil)
	return dialog(c, "iam.cg.title", "", "iam.ng", "iam.cg.submit", false, name, picker)
}

// chosenPolicies are the policy ARNs checked in a picker.
func chosenPolicies(m core.Model, prefix string) []string {
	var out []string
	for _, e := range allPolicies(iamAccount(m)) {
		if m.Field(prefix+e.name) == "true" {
			out = append(out, e.arn)
		}
	}
	return out
}

// chosenUsers are the user names checked in a user picker.
func chosenUsers(m core.Model, prefix string) []string {
	var out []string
	for _, u := range iamAccount(m).Users {
		if m.Field(prefix+u.Name) == "true" {
			out = append(out, u.Name)
		}
	}
	return out
}

// createGroup runs the console's Create user group; errors about the
// name go next to the name field.
func createGroup(m core.Model, field, fieldID, name string, users, arns []string) (core.Model, []core.Effect, bool) {
	if err := iam.ValidateGroupName(name); err != nil {
		return withErrors(m, map[string][]string{field: nameErr(err, "group")}), []core.Effect{core.Focus{ID: fieldID}}, false
	}
	if len(arns) > iam.MaxManagedPerIdentity {
		return withErrors(m, map[string][]string{field: {"iam.err.groupPolicies", "n", strconv.Itoa(iam.MaxManagedPerIdentity)}}), []core.Effect{core.Focus{ID: fieldID}}, false
	}
	next, err := do(m, sim.ConsoleCreateGroup{Name: name, Users: users, PolicyARNs: arns})
	if err != nil {
		if e := nameErr(err, "group"); e != nil {
			return withErrors(next, map[string][]string{field: e}), []core.Effect{core.Focus{ID: fieldID}}, false
		}
		next, fx := fail(next, err)
		return next, fx, false
	}
	next = withErrors(next, nil)
	next.Notify("success", "iam.cg.created", "group", name)
	return next, nil, true
}

// submitCreateGroup submits Create user group.
func submitCreateGroup(m core.Model) (core.Model, []core.Effect) {
	name := m.Field(fieldCGName)
	next, fx, ok := createGroup(m, fieldCGName, "iam-cg-name", name, chosenUsers(m, cgPrefix+"u."), chosenPolicies(m, cgPrefix+"p."))
	if !ok {
		return next, fx
	}
	next = clearPrefix(next, cgPrefix)
	return next.Go("#/iam/groups/" + name)
}

// createGroupFromWizard submits the wizard's Create user group: the new
// group is selected for the user.
func createGroupFromWizard(m core.Model) (core.Model, []core.Effect) {
	name := m.Field(fieldNGName)
	next, fx, ok := createGroup(m, fieldNGName, "iam-ng-name", name, nil, chosenPolicies(m, ngPrefix+"p."))
	if !ok {
		return next, fx
	}
	next = clearPrefix(next, ngPrefix)
	next = next.SetFields(cuGroupPrefix+name, "true", fieldCUPerm, "group")
	next.IAM.Dialog = ""
	return next, []core.Effect{core.Focus{ID: "iam-cu-groups"}}
}

// groupView renders a group's details.
func groupView(m core.Model, c i18n.Catalog, name string) ui.Node {
	a := iamAccount(m)
	g, ok := a.Group(name)
	if !ok {
		return missing.Root(c, vals("text", "iam.g.missing", "name", name, "href", "#/iam/groups", "back", "iam.nav.groups"))
	}
	tab := m.Field(fieldGroupTab)
	if tab != "permissions" {
		tab = "users"
	}
	sel := "iam.gd." + g.Name + "/"
	v := ui.Vals{{K: "name", S: g.Name}, {K: "created", S: date(g.CreatedAt)}, {K: "arn", S: g.ARN}, {K: "tabUsers", B: tab == "users"},
		{K: "tabID", S: "iam-tab-" + tab},
		{K: "tabs", N: []ui.Node{tabs(c, "iam.g.tabs", "iam.g.tab", tab, [][2]string{{"users", "iam.g.tabUsers"}, {"permissions", "iam.g.tabPermissions"}})}}}
	members := a.Members(g.Name)
	v = append(v, vals("userCount", strconv.Itoa(len(members)), "policyCount", strconv.Itoa(len(g.Attached)))...)
	if tab == "users" {
		in := map[string]bool{}
		for _, u := range members {
			in[u] = true
		}
		v = append(v, ui.V{K: "users", N: userPicker(m, c, "gdu", sel+"u/", "iam-g-users", func(u iam.User) bool { return !in[u.Name] })})
	} else {
		v = append(v, ui.V{K: "policies", N: attachedTable(m, c, "gdp", sel+"p/", "iam-g-policies", g.Attached)})
	}
	switch m.IAM.Dialog {
	case "addUsers":
		in := map[string]bool{}
		for _, u := range members {
			in[u] = true
		}
		v = append(v, ui.V{K: "dialog", N: []ui.Node{dialog(c, "iam.g.addUsersTitle", g.Name, "iam.g.add", "iam.g.addUsers", false,
			userPicker(m, c, "gau", gaPrefix+"u.", "iam-dialog-title", func(u iam.User) bool { return in[u.Name] })...)}})
	case "attachGroup":
		skip := map[string]bool{}
		for _, arn := range g.Attached {
			skip[arn] = true
		}
		v = append(v, ui.V{K: "dialog", N: []ui.Node{dialog(c, "iam.g.attachTitle", g.Name, "iam.g.attach", "iam.attachPolicies", false,
			pickerNode(m, c, "gap", gaPrefix+"p.", gaPrefix+"pfilter", gaPrefix+"ptype", "iam-dialog-title", skip))}})
	case "deleteGroup":
		body := confirmTpl.Root(c, append(vals("text", "iam.g.deleteText", "name", g.Name), fieldVals(m, c, "iam-del-confirm", fieldDelConfirm)...))
		v = append(v, ui.V{K: "dialog", N: []ui.Node{dialog(c, "iam.g.deleteTitle", g.Name, "iam.g.delete", "iam.delete", true, body)}})
	}
	v = append(v, vals("?modal", onText(m.IAM.Dialog != ""))...)
	return groupPage.Root(c, v)
}

// attachedTable lists attached managed policies with checkboxes.
func attachedTable(m core.Model, c i18n.Catalog, list, prefix, labelID string, arns []string) []ui.Node {
	var rows []row
	for _, arn := range arns {
		n := policyName(arn)
		id := strings.ReplaceAll(list+"-"+n, ".", "-")
		rows = append(rows, row{
			cells: cells(labelCell(n, id, id+"-l"), textCell(c.T(policyTypeKey(arn))), textCell(c.T("iam.attached.direct"))),
			keys:  strs("name", n),
			sel:   selBox("checkbox", id, prefix+n, "true", m.Field(prefix+n) == "true", id+"-l"),
		})
	}
	cols := []col{{"name", c.T("iam.col.policyName")}, {"", c.T("iam.col.type")}, {"", c.T("iam.col.attachedVia")}}
	return renderTable(m, c, list, labelID, cols, rows, "name", false, true, "iam.policies.none")
}

// missing is the page of an entity that does not exist (any more).
var missing = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "notfound.title"},
	{Tag: "p", T: "$text", Args: []string{"name", "$name"}},
	{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$href"}}, T: "$back"},
}}

// currentGroup is the group whose page is open.
func currentGroup(m core.Model) (iam.Group, bool) {
	p, name := pageOf(m.Route())
	if p != subGroup {
		return iam.Group{}, false
	}
	return iamAccount(m).Group(name)
}

// groupClick handles the group pages' buttons.
func groupClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	switch action {
	case "iam.g.create":
		m = withErrors(clearPrefix(m, cgPrefix), nil)
		return m.Go("#/iam/groups/create")
	case "iam.g.list":
		m = withErrors(clearPrefix(m, cgPrefix), nil)
		return m.Go("#/iam/groups")
	case "iam.ng.open":
		m = withErrors(clearPrefix(m, ngPrefix), nil)
		m.IAM.Dialog = "createGroup"
		return m, []core.Effect{core.Focus{ID: "iam-ng-name"}}
	}
	g, ok := currentGroup(m)
	if !ok {
		return m, nil
	}
	sel := "iam.gd." + g.Name + "/"
	switch action {
	case "iam.g.tab":
		if arg != "permissions" {
			arg = "users"
		}
		m = m.SetFields(fieldGroupTab, arg)
		return m, []core.Effect{core.Focus{ID: "iam-tab-" + arg}}
	case "iam.g.addUsers":
		m = withErrors(clearPrefix(m, gaPrefix), nil)
		m.IAM.Dialog = "addUsers"
		return m, []core.Effect{core.Focus{ID: "iam-dialog-title"}}
	case "iam.g.attachOpen":
		m = withErrors(clearPrefix(m, gaPrefix), nil)
		m.IAM.Dialog = "attachGroup"
		return m, []core.Effect{core.Focus{ID: "iam-dialog-title"}}
	case "iam.g.delete":
		m = withErrors(m.ClearFields(fieldDelConfirm), nil)
		m.IAM.Dialog = "deleteGroup"
		return m, []core.Effect{core.Focus{ID: "iam-del-confirm"}}
	case "iam.g.removeUsers":
		users := chosenUsers(m, sel+"u/")
		if len(users) == 0 {
			m.Notify("warning", "iam.g.selectUsers")
			return m, []core.Effect{core.Focus{ID: "iam-g-remove"}}
		}
		for _, u := range users {
			next, err := do(m, sim.RemoveUserFromGroup{UserName: u, GroupName: g.Name})
			if err != nil {
				return fail(next, err)
			}
			m = next.ClearFields(sel + "u/" + u)
		}
		m.Notify("success", "iam.g.removed", "users", strings.Join(users, ", "), "group", g.Name)
		return m, []core.Effect{core.Focus{ID: "iam-g-users"}}
	case "iam.g.detach":
		var arns []string
		for _, arn := range g.Attached {
			if m.Field(sel+"p/"+policyName(arn)) == "true" {
				arns = append(arns, arn)
			}
		}
		if len(arns) == 0 {
			m.Notify("warning", "iam.selectPolicies")
			return m, []core.Effect{core.Focus{ID: "iam-g-detach"}}
		}
		var names []string
		for _, arn := range arns {
			next, err := do(m, sim.DetachGroupPolicy{GroupName: g.Name, PolicyARN: arn})
			if err != nil {
				return fail(next, err)
			}
			m = next.ClearFields(sel + "p/" + policyName(arn))
			names = append(names, policyName(arn))
		}
		m.Notify("success", "iam.g.detached", "policies", strings.Join(names, ", "), "group", g.Name)
		return m, []core.Effect{core.Focus{ID: "iam-g-policies"}}
	}
	return m, nil
}

// groupSubmit handles the group page's dialogs.
func groupSubmit(m core.Model, form string) (core.Model, []core.Effect) {
	g, ok := currentGroup(m)
	if !ok {
		return m, nil
	}
	switch form {
	case "iam.g.add":
		users := chosenUsers(m, gaPrefix+"u.")
		for _, u := range users {
			next, err := do(m, sim.AddUserToGroup{UserName: u, GroupName: g.Name})
			if err != nil {
				return fail(next, err)
			}
			m = next
		}
		m = clearPrefix(m, gaPrefix)
		m.IAM.Dialog = ""
		if len(users) > 0 {
			m.Notify("success", "iam.g.added", "users", strings.Join(users, ", "), "group", g.Name)
		}
		return m, []core.Effect{core.Focus{ID: "iam-g-users"}}
	case "iam.g.attach":
		return attachChosen(m, gaPrefix, len(g.Attached), func(arn string) sim.Op {
			return sim.AttachGroupPolicy{GroupName: g.Name, PolicyARN: arn}
		}, attachTexts{limit: "iam.err.groupPolicies", done: "iam.g.attached", arg: "group", name: g.Name, focus: "iam-g-policies"})
	case "iam.g.delete":
		if m.Field(fieldDelConfirm) != g.Name {
			return withErrors(m, map[string][]string{fieldDelConfirm: {"iam.err.confirm", "name", g.Name}}), []core.Effect{core.Focus{ID: "iam-del-confirm"}}
		}
		next, err := do(m, sim.ConsoleDeleteGroup{Name: g.Name})
		if err != nil {
			return fail(next, err)
		}
		next = withErrors(clearPrefix(next.ClearFields(fieldDelConfirm), "iam.gd."+g.Name+"/"), nil)
		next.IAM.Dialog = ""
		next.Notify("success", "iam.g.deleted", "group", g.Name)
		return next.Go("#/iam/groups")
	}
	return m, nil
}
