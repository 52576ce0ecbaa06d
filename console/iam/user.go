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

// Fields of the user details page.
const (
	fieldUserTab = "iam.utab"
	fieldTagKey  = "iam.u.tagkey"
	fieldTagVal  = "iam.u.tagvalue"
	uaPrefix     = "iam.ua."
)

// userPage is an IAM user's details.
var userPage = ui.Tpl{Tag: "div", Kids: []ui.Tpl{{Tag: "div", Attrs: modalBehind, Kids: []ui.Tpl{
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "breadcrumbs"}, {Key: "aria-label", Val: "%nav.breadcrumbs"}}, Kids: []ui.Tpl{{Tag: "ol", Kids: []ui.Tpl{
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam"}}, T: "iam.short"}}},
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/users"}}, T: "iam.nav.users"}}},
		{Tag: "li", Attrs: []ui.Attr{{Key: "aria-current", Val: "page"}}, D: "name"},
	}}}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, D: "name"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-delete"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.delete"}}, T: "iam.delete"},
	}},
	{Slot: "secret"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", T: "iam.summary"},
		{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
			{Tag: "dt", T: "iam.arn"}, {Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "arn"},
			{Tag: "dt", T: "iam.col.created"}, {Tag: "dd", D: "created"},
			{Tag: "dt", T: "iam.u.consoleAccess"}, {Tag: "dd", T: "$consoleKey"},
			{Tag: "dt", T: "iam.col.lastSignin"}, {Tag: "dd", T: "=signin"},
		}},
	}},
	{Slot: "tabs"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "role", Val: "tabpanel"}, {Key: "id", Val: "iam-tabpanel"}, {Key: "aria-labelledby", Val: "$tabID"}}, Kids: []ui.Tpl{
		{If: "tab.permissions", Tag: "div", Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
				{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-u-policies"}}, T: "iam.policies.count", Args: []string{"n", "$policyCount"}},
				{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inline-actions"}}, Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-detach"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.detach"}}, T: "iam.remove"},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-attach"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.u.attachOpen"}}, T: "iam.addPermissions"},
				}},
			}},
			{Slot: "policies"},
		}},
		{If: "tab.groups", Tag: "div", Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
				{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-u-groups"}}, T: "iam.u.groupsCount", Args: []string{"n", "$groupCount"}},
				{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inline-actions"}}, Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-leave"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.leave"}}, T: "iam.remove"},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-join"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.u.joinOpen"}}, T: "iam.u.addToGroups"},
				}},
			}},
			{Slot: "groups"},
		}},
		{If: "tab.tags", Tag: "div", Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
				{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-u-tags"}}, T: "iam.u.tagsCount", Args: []string{"n", "$tagCount"}},
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-untag"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.untag"}}, T: "iam.remove"},
			}},
			{Slot: "tagTable"},
			{Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "iam.u.tag"}, {Key: "novalidate", Val: ""}, {Key: "class", Val: "iam-tag-row"}}, Kids: []ui.Tpl{
				textField("iam-u-tagkey", fieldTagKey, "iam.tags.key", "text", ""),
				textField("iam-u-tagvalue", fieldTagVal, "iam.tags.value", "text", ""),
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-normal"}}, T: "iam.tags.addOne"},
			}},
		}},
		{If: "tab.security", Tag: "div", Kids: []ui.Tpl{
			{Tag: "h2", T: "iam.u.consoleSignin"},
			{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
				{Tag: "dt", T: "iam.cu.signinURL"}, {Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "url"},
				{Tag: "dt", T: "iam.cu.consolePw"}, {Tag: "dd", T: "=pwState"},
			}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inline-actions"}}, Kids: []ui.Tpl{
				{If: "console", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.pw.reset"}, {Key: "data-arg", Val: "$name"}}, T: "iam.cu.resetPw"},
				{If: "console", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.disableConsole"}}, T: "iam.u.disableConsole"},
				{If: "!console", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.enableConsole"}}, T: "iam.u.enableConsole"},
			}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
				{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-u-mfa"}}, T: "iam.u.mfaCount", Args: []string{"n", "$mfaCount"}},
				// The administrator's wizard is console/mfa's dialog (data-action mfa.adminStart).
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-mfa-assign"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "mfa.adminStart"}, {Key: "data-arg", Val: "$name"}}, T: "cred.user.assign"},
			}},
			{Tag: "ul", Kids: []ui.Tpl{{Each: "mfa", Tag: "li", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "serial"}}},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "iam.u.mfaNote"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
				{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-u-keys"}}, T: "iam.u.keysCount", Args: []string{"n", "$keyCount"}},
				{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inline-actions"}}, Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-keystatus"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.keyToggle"}}, T: "iam.u.keyToggle"},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-keydel"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.u.keyDelete"}, {Key: "aria-label", Val: "%iam.u.keyDeleteLabel"}}, T: "iam.delete"},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-u-keynew"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.u.keyOpen"},
						{Key: "disabled", Val: "?keysFull"}, {Key: "aria-describedby", Val: "iam-u-keynote"}}, T: "iam.u.keyCreate"},
				}},
			}},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "iam-u-keynote"}, {Key: "class", Val: "field-hint"}}, T: "iam.u.keyLimit"},
			{Slot: "keyTable"},
		}},
	}},
}}, {Slot: "dialog"}}}

// secretPanel shows a new console password or access key once.
var secretPanel = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert alert-success"}, {Key: "role", Val: "status"}}, Kids: []ui.Tpl{
	{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-secret-title"}, {Key: "tabindex", Val: "-1"}}, T: "$stitle"},
	{Tag: "p", T: "iam.secret.once"},
	{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
		{Tag: "dt", T: "$slabel"},
		{Tag: "dd", Kids: []ui.Tpl{
			{If: "shown", Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "iam-secret"}, {Key: "class", Val: "mono"}}, D: "secret"},
			{If: "!shown", Tag: "span", Attrs: []ui.Attr{{Key: "aria-label", Val: "%iam.cu.pwHidden"}}, D: "stars"},
			{Lit: " "},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-link"}, {Key: "data-action", Val: "iam.secret.show"}}, T: "$showKey"},
		}},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inline-actions"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "$csvAction"}}, T: "iam.cu.csv"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.u.secretDone"}}, T: "iam.done"},
	}},
}}

// currentUser is the user whose page is open.
func currentUser(m core.Model) (iam.User, bool) {
	p, name := pageOf(m.Route())
	if p != subUser {
		return iam.User{}, false
	}
	return iamAccount(m).User(name)
}

// userView renders a user's details.
func userView(m core.Model, c i18n.Catalog, name string) ui.Node {
	acct, _ := m.Account()
	a := acct.IAM
	u, ok := a.User(name)
	if !ok {
		return missing.Root(c, vals("text", "iam.u.missing", "name", name, "href", "#/iam/users", "back", "iam.nav.users"))
	}
	tab := m.Field(fieldUserTab)
	switch tab {
	case "groups", "tags", "security":
	default:
		tab = "permissions"
	}
	sel := "iam.ud." + u.Name + "/"
	consoleKey := "iam.u.disabled"
	pwState := c.T("iam.u.pwNone")
	if u.Login.Enabled() {
		consoleKey = "iam.u.enabled"
		pwState = c.T("iam.u.pwSet", "age", age(c, u.Login.ChangedAt, m.Now))
		if u.Login.MustChange {
			pwState += " · " + c.T("iam.u.pwMustChange")
		}
	}
	signin := c.T("iam.never")
	if !u.LastSignIn.IsZero() {
		signin = age(c, u.LastSignIn, m.Now)
	}
	v := ui.Vals{{K: "name", S: u.Name}, {K: "arn", S: u.ARN}, {K: "created", S: date(u.CreatedAt)}, {K: "consoleKey", S: consoleKey},
		{K: "signin", S: signin}, {K: "tab." + tab, B: true}, {K: "tabID", S: "iam-tab-" + tab},
		{K: "tabs", N: []ui.Node{tabs(c, "iam.u.tabs", "iam.u.tab", tab, [][2]string{{"permissions", "iam.u.tabPermissions"}, {"groups", "iam.u.tabGroups"},
			{"tags", "iam.u.tabTags"}, {"security", "iam.u.tabSecurity"}})}}}
	if s := m.IAM.Secret; s.User == u.Name && s.Password != "" {
		show := "iam.show"
		if s.Shown {
			show = "iam.hide"
		}
		sv := vals("?shown", onText(s.Shown), "stars", "********", "showKey", show,
			"stitle", "iam.u.pwCreated", "slabel", "iam.cu.consolePw", "secret", s.Password, "csvAction", "iam.secret.csv")
		v = append(v, ui.V{K: "secret", N: []ui.Node{secretPanel.Root(c, sv)}})
	}
	switch tab {
	case "permissions":
		v = append(v, ui.V{K: "policyCount", S: strconv.Itoa(len(effectiveRows(a, u)))}, ui.V{K: "policies", N: userPolicyTable(m, c, a, u, sel)})
	case "groups":
		var rows []row
		for _, gname := range u.Groups {
			g, _ := a.Group(gname)
			var pols []string
			for _, arn := range g.Attached {
				pols = append(pols, policyName(arn))
			}
			id := "udg-" + gname
			rows = append(rows, row{cells: cells(labelCell(gname, id, id+"-l"), dataCell(strings.Join(pols, ", "))), keys: strs("name", gname),
				sel: selBox("checkbox", id, sel+"g/"+gname, "true", m.Field(sel+"g/"+gname) == "true", id+"-l")})
		}
		cols := []col{{"name", c.T("iam.col.groupName")}, {"", c.T("iam.col.attachedPolicies")}}
		v = append(v, ui.V{K: "groupCount", S: strconv.Itoa(len(u.Groups))}, ui.V{K: "groups", N: renderTable(m, c, "udg", "iam-u-groups", cols, rows, "name", false, true, "iam.u.noGroups")})
	case "tags":
		var rows []row
		for _, t := range u.Tags {
			id := "udt-" + t.Key
			rows = append(rows, row{cells: cells(labelCell(t.Key, id, id+"-l"), dataCell(t.Value)), keys: strs("name", t.Key),
				sel: selBox("checkbox", id, sel+"t/"+t.Key, "true", m.Field(sel+"t/"+t.Key) == "true", id+"-l")})
		}
		cols := []col{{"name", c.T("iam.tags.key")}, {"", c.T("iam.tags.value")}}
		v = append(v, ui.V{K: "tagCount", S: strconv.Itoa(len(u.Tags))}, ui.V{K: "tagTable", N: renderTable(m, c, "udt", "iam-u-tags", cols, rows, "name", false, true, "iam.tags.none")})
		v = append(v, fieldVals(m, c, "iam-u-tagkey", fieldTagKey)...)
		v = append(v, fieldVals(m, c, "iam-u-tagvalue", fieldTagVal)...)
	case "security":
		var mfa []ui.Vals
		for _, d := range u.MFA {
			mfa = append(mfa, vals("serial", d.Serial))
		}
		var rows []row
		for _, k := range u.AccessKeys {
			id := "udk-" + k.ID
			status := "iam.key.active"
			if k.Status != iam.KeyActive {
				status = "iam.key.inactive"
			}
			rows = append(rows, row{cells: cells(labelCell(k.ID, id, id+"-l"), dataCell(keyDescription(u, k.ID)), textCell(c.T(status)), textCell(age(c, k.CreatedAt, m.Now))), keys: strs("name", k.ID),
				sel: selBox("checkbox", id, sel+"k/"+k.ID, "true", m.Field(sel+"k/"+k.ID) == "true", id+"-l")})
		}
		cols := []col{{"name", c.T("iam.u.keyID")}, {"", c.T("iam.col.description")}, {"", c.T("iam.col.status")}, {"", c.T("iam.col.created")}}
		v = append(v, ui.V{K: "url", S: SigninURL(acct)}, ui.V{K: "pwState", S: pwState}, ui.V{K: "console", B: u.Login.Enabled()},
			ui.V{K: "mfaCount", S: strconv.Itoa(len(u.MFA))}, ui.V{K: "mfa", L: mfa},
			ui.V{K: "keyCount", S: strconv.Itoa(len(u.AccessKeys))}, ui.V{K: "keysFull", B: len(u.AccessKeys) >= iam.MaxAccessKeysPerUser},
			ui.V{K: "keyTable", N: renderTable(m, c, "udk", "iam-u-keys", cols, rows, "name", false, true, "iam.u.noKeys")})
	}
	switch m.IAM.Dialog {
	case "attachUser":
		skip := map[string]bool{}
		for _, arn := range u.Attached {
			skip[arn] = true
		}
		v = append(v, ui.V{K: "dialog", N: []ui.Node{dialog(c, "iam.u.attachTitle", u.Name, "iam.u.attach", "iam.attachPolicies", false,
			pickerNode(m, c, "uap", uaPrefix+"p.", uaPrefix+"pfilter", uaPrefix+"ptype", "iam-dialog-title", skip))}})
	case "joinGroups":
		var rows []row
		for _, g := range a.Groups {
			if containsFold(u.Groups, g.Name) {
				continue
			}
			id := "uag-" + g.Name
			rows = append(rows, row{cells: cells(labelCell(g.Name, id, id+"-l"), dataCell(strconv.Itoa(len(a.Members(g.Name))))), keys: strs("name", g.Name),
				sel: selBox("checkbox", id, uaPrefix+"g."+g.Name, "true", m.Field(uaPrefix+"g."+g.Name) == "true", id+"-l")})
		}
		cols := []col{{"name", c.T("iam.col.groupName")}, {"", c.T("iam.col.users")}}
		v = append(v, ui.V{K: "dialog", N: []ui.Node{dialog(c, "iam.u.joinTitle", u.Name, "iam.u.join", "iam.u.addToGroups", false,
			renderTable(m, c, "uag", "iam-dialog-title", cols, rows, "name", false, true, "iam.groups.none")...)}})
	case "deleteUser":
		body := confirmTpl.Root(c, append(vals("text", "iam.u.deleteText", "name", u.Name), fieldVals(m, c, "iam-del-confirm", fieldDelConfirm)...))
		v = append(v, ui.V{K: "dialog", N: []ui.Node{dialog(c, "iam.u.deleteTitle", u.Name, "iam.u.delete", "iam.delete", true, body)}})
	}
	// console/mfa's Assign MFA device dialog over this page is modal too.
	mfaDialog := m.Field(core.FieldMFAAdminUser) == u.Name
	v = append(v, vals("?modal", onText(m.IAM.Dialog != "" || mfaDialog))...)
	return userPage.Root(c, v)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// policyRow is one policy of a user with how it is attached.
type policyRow struct {
	name, arn, typeKey, via, group string
	direct, inline                 bool
}

// effectiveRows lists a user's policies: attached directly, inline, and
// those that come from each group.
func effectiveRows(a iam.Account, u iam.User) []policyRow {
	var out []policyRow
	for _, arn := range u.Attached {
		out = append(out, policyRow{name: policyName(arn), arn: arn, typeKey: policyTypeKey(arn), via: "iam.attached.direct", direct: true})
	}
	for _, p := range u.Inline {
		out = append(out, policyRow{name: p.Name, typeKey: "iam.ptype.inline", via: "iam.attached.inline", inline: true})
	}
	for _, gname := range u.Groups {
		g, _ := a.Group(gname)
		for _, arn := range g.Attached {
			out = append(out, policyRow{name: policyName(arn), arn: arn, typeKey: policyTypeKey(arn), via: "iam.attached.group", group: g.Name})
		}
		for _, p := range g.Inline {
			out = append(out, policyRow{name: p.Name, typeKey: "iam.ptype.inline", via: "iam.attached.group", group: g.Name})
		}
	}
	return out
}

// userPolicyTable lists a user's policies with how each is attached; only
// those attached directly or inline can be removed here.
func userPolicyTable(m core.Model, c i18n.Catalog, a iam.Account, u iam.User, sel string) []ui.Node {
	var rows []row
	for i, p := range effectiveRows(a, u) {
		id := "udp-" + strconv.Itoa(i)
		field := sel + "p/" + p.name
		if p.inline {
			field = sel + "i/" + p.name
		}
		rows = append(rows, row{
			cells: cells(labelCell(p.name, id, id+"-l"), textCell(c.T(p.typeKey)), textCell(c.T(p.via, "group", p.group))),
			keys:  strs("name", p.name),
			sel: append(selBox("checkbox", id, field, "true", (p.direct || p.inline) && m.Field(field) == "true", id+"-l"),
				ui.V{K: "off", S: "1", B: !p.direct && !p.inline}),
		})
	}
	cols := []col{{"name", c.T("iam.col.policyName")}, {"", c.T("iam.col.type")}, {"", c.T("iam.col.attachedVia")}}
	return renderTable(m, c, "udp", "iam-u-policies", cols, rows, "", false, true, "iam.policies.none")
}

// userClick handles the user page's buttons.
func userClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	u, ok := currentUser(m)
	if !ok {
		return m, nil
	}
	sel := "iam.ud." + u.Name + "/"
	open := func(d, focus string) (core.Model, []core.Effect) {
		m = withErrors(clearPrefix(m, uaPrefix), nil)
		m.IAM.Dialog = d
		return m, []core.Effect{core.Focus{ID: focus}}
	}
	switch action {
	case "iam.u.tab":
		switch arg {
		case "groups", "tags", "security":
		default:
			arg = "permissions"
		}
		return m.SetFields(fieldUserTab, arg), []core.Effect{core.Focus{ID: "iam-tab-" + arg}}
	case "iam.u.attachOpen":
		return open("attachUser", "iam-dialog-title")
	case "iam.u.joinOpen":
		return open("joinGroups", "iam-dialog-title")
	case "iam.u.delete":
		m = m.ClearFields(fieldDelConfirm)
		return open("deleteUser", "iam-del-confirm")
	case "iam.u.keyOpen":
		// The Create access key wizard has its own pages.
		return withErrors(clearPrefix(m, akPrefix), nil).Go(akHash(u.Name, 1))
	case "iam.u.secretDone":
		m.IAM.Secret = core.IAMSecret{}
		return m, []core.Effect{core.Focus{ID: "page-title"}}
	case "iam.u.detach":
		var names []string
		for _, p := range effectiveRows(iamAccount(m), u) {
			var op sim.Op
			switch {
			case p.direct && m.Field(sel+"p/"+p.name) == "true":
				op = sim.DetachUserPolicy{UserName: u.Name, PolicyARN: p.arn}
			case p.inline && m.Field(sel+"i/"+p.name) == "true":
				op = sim.DeleteUserPolicy{UserName: u.Name, PolicyName: p.name}
			default:
				continue
			}
			next, err := do(m, op)
			if err != nil {
				return fail(next, err)
			}
			m = next.ClearFields(sel+"p/"+p.name, sel+"i/"+p.name)
			names = append(names, p.name)
		}
		if len(names) == 0 {
			m.Notify("warning", "iam.selectPolicies")
			return m, []core.Effect{core.Focus{ID: "iam-u-detach"}}
		}
		m.Notify("success", "iam.u.detached", "policies", strings.Join(names, ", "), "user", u.Name)
		return m, []core.Effect{core.Focus{ID: "iam-u-policies"}}
	case "iam.u.leave":
		var names []string
		for _, g := range u.Groups {
			if m.Field(sel+"g/"+g) != "true" {
				continue
			}
			next, err := do(m, sim.RemoveUserFromGroup{UserName: u.Name, GroupName: g})
			if err != nil {
				return fail(next, err)
			}
			m = next.ClearFields(sel + "g/" + g)
			names = append(names, g)
		}
		if len(names) == 0 {
			m.Notify("warning", "iam.u.selectGroups")
			return m, []core.Effect{core.Focus{ID: "iam-u-leave"}}
		}
		m.Notify("success", "iam.u.left", "groups", strings.Join(names, ", "), "user", u.Name)
		return m, []core.Effect{core.Focus{ID: "iam-u-groups"}}
	case "iam.u.untag":
		var keys []string
		for _, t := range u.Tags {
			if m.Field(sel+"t/"+t.Key) == "true" {
				keys = append(keys, t.Key)
			}
		}
		if len(keys) == 0 {
			return m, []core.Effect{core.Focus{ID: "iam-u-untag"}}
		}
		next, err := do(m, sim.UntagUser{UserName: u.Name, Keys: keys})
		if err != nil {
			return fail(next, err)
		}
		for _, k := range keys {
			next = next.ClearFields(sel + "t/" + k)
		}
		return next, []core.Effect{core.Focus{ID: "iam-u-tags"}}
	case "iam.u.disableConsole":
		next, err := do(m, sim.DeleteLoginProfile{UserName: u.Name})
		if err != nil {
			return fail(next, err)
		}
		next.Notify("success", "iam.u.consoleDisabled", "user", u.Name)
		return next, nil
	case "iam.u.enableConsole":
		env := m.Env()
		pw := iamAccount(m).PasswordPolicy.GeneratePassword(env.Rand)
		next, err := do(m, sim.CreateLoginProfile{UserName: u.Name, Password: pw, MustChange: true})
		if err != nil {
			return fail(next, err)
		}
		next.IAM.Secret = core.IAMSecret{User: u.Name, Password: pw}
		next.Notify("success", "iam.u.consoleEnabled", "user", u.Name)
		return next, []core.Effect{core.Focus{ID: "iam-secret-title"}}
	case "iam.u.keyToggle", "iam.u.keyDelete":
		var ids []string
		for _, k := range u.AccessKeys {
			if m.Field(sel+"k/"+k.ID) != "true" {
				continue
			}
			var op sim.Op = sim.ConsoleDeleteAccessKey{UserName: u.Name, KeyID: k.ID}
			if action == "iam.u.keyToggle" {
				status := iam.KeyInactive
				if k.Status != iam.KeyActive {
					status = iam.KeyActive
				}
				op = sim.UpdateAccessKey{UserName: u.Name, KeyID: k.ID, Status: status}
			}
			next, err := do(m, op)
			if err != nil {
				return fail(next, err)
			}
			m = next
			if action == "iam.u.keyDelete" {
				m = m.ClearFields(sel + "k/" + k.ID)
			}
			ids = append(ids, k.ID)
		}
		if len(ids) == 0 {
			m.Notify("warning", "iam.u.selectKeys")
		}
		return m, []core.Effect{core.Focus{ID: "iam-u-keys"}}
	}
	return m, nil
}

// userSubmit handles the user page's forms and dialogs.
func userSubmit(m core.Model, form string) (core.Model, []core.Effect) {
	u, ok := currentUser(m)
	if !ok {
		return m, nil
	}
	switch form {
	case "iam.u.attach":
		return attachChosen(m, uaPrefix, len(u.Attached), func(arn string) sim.Op {
			return sim.AttachUserPolicy{UserName: u.Name, PolicyARN: arn}
		}, attachTexts{limit: "iam.err.userPolicies", done: "iam.u.attached", arg: "user", name: u.Name, focus: "iam-u-policies"})
	case "iam.u.join":
		var names []string
		for _, g := range iamAccount(m).Groups {
			if m.Field(uaPrefix+"g."+g.Name) != "true" {
				continue
			}
			next, err := do(m, sim.AddUserToGroup{UserName: u.Name, GroupName: g.Name})
			if err != nil {
				return fail(next, err)
			}
			m = next
			names = append(names, g.Name)
		}
		m = clearPrefix(m, uaPrefix)
		m.IAM.Dialog = ""
		if len(names) > 0 {
			m.Notify("success", "iam.u.joined", "groups", strings.Join(names, ", "), "user", u.Name)
		}
		return m, []core.Effect{core.Focus{ID: "iam-u-groups"}}
	case "iam.u.delete":
		if m.Field(fieldDelConfirm) != u.Name {
			return withErrors(m, map[string][]string{fieldDelConfirm: {"iam.err.confirm", "name", u.Name}}), []core.Effect{core.Focus{ID: "iam-del-confirm"}}
		}
		next, err := do(m, sim.ConsoleDeleteUser{Name: u.Name})
		if err != nil {
			return fail(next, err)
		}
		next = withErrors(clearPrefix(next.ClearFields(fieldDelConfirm), "iam.ud."+u.Name+"/"), nil)
		next.IAM.Dialog = ""
		next.Notify("success", "iam.u.deleted", "user", u.Name)
		return next.Go("#/iam/users")
	case "iam.u.tag":
		k, val := strings.TrimSpace(m.Field(fieldTagKey)), m.Field(fieldTagVal)
		if k == "" {
			return withErrors(m, map[string][]string{fieldTagKey: {"iam.err.tagKeyEmpty"}}), []core.Effect{core.Focus{ID: "iam-u-tagkey"}}
		}
		next, err := do(m, sim.TagUser{UserName: u.Name, Tags: []iam.Tag{{Key: k, Value: val}}})
		if err != nil {
			return withErrors(next, map[string][]string{fieldTagKey: {"iam.err.tag", "error", next.Catalog().Err(err)}}), []core.Effect{core.Focus{ID: "iam-u-tagkey"}}
		}
		next = withErrors(next.ClearFields(fieldTagKey, fieldTagVal), nil)
		return next, []core.Effect{core.Focus{ID: "iam-u-tagkey"}}
	}
	return m, nil
}
