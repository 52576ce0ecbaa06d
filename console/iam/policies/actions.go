package policies

import (
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/iam"
	"labsim/sim/textin"
)

var reviewTpl = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "pol-step"}}, T: "policies.step2"},
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "$heading", Args: []string{"name", "$name"}},
	{If: "errText", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert alert-error"}, {Key: "role", Val: "alert"}}, D: "errText"},
	{Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "$form"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
		{If: "askName", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pol-rev-details"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-rev-details"}}, T: "policies.review.details"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-name"}, {Key: "class", Val: "field-label"}}, T: "policies.review.name"},
				{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "pol-name"}, {Key: "type", Val: "text"}, {Key: "name", Val: fieldName}, {Key: "value", Val: "$nameValue"},
					{Key: "autocomplete", Val: "off"}, {Key: "spellcheck", Val: "false"}, {Key: "aria-invalid", Val: "?nameErr:true"}, {Key: "aria-describedby", Val: "pol-name-hint pol-name-err"}}},
				{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-name-hint"}, {Key: "class", Val: "field-hint"}}, T: "$nameHint"},
				{If: "nameErr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-name-err"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "$nameErrKey"},
			}},
			{If: "askDesc", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-desc"}, {Key: "class", Val: "field-label"}}, T: "policies.review.desc"},
				{Tag: "textarea", Attrs: []ui.Attr{{Key: "id", Val: "pol-desc"}, {Key: "name", Val: fieldDesc}, {Key: "rows", Val: "3"},
					{Key: "aria-invalid", Val: "?descErr:true"}, {Key: "aria-describedby", Val: "pol-desc-hint pol-desc-err"}}, D: "descValue"},
				{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-desc-hint"}, {Key: "class", Val: "field-hint"}}, T: "policies.review.descHint"},
				{If: "descErr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-desc-err"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "$descErrKey"},
			}},
		}},
		{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pol-rev-perms"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-rev-perms"}}, T: "policies.perms.title"},
			{Slot: "summary"},
		}},
		{If: "askTags", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pol-rev-tags"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-rev-tags"}}, T: "policies.review.tags"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policies.review.tagsHint"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "tag-row"}}, Kids: []ui.Tpl{
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-tag-key"}, {Key: "class", Val: "field-label"}}, T: "policies.review.tagKey"},
				{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "pol-tag-key"}, {Key: "type", Val: "text"}, {Key: "name", Val: fieldTagKey}, {Key: "value", Val: "$tagKey"}, {Key: "autocomplete", Val: "off"},
					{Key: "aria-invalid", Val: "?tagErr:true"}, {Key: "aria-describedby", Val: "?tagErr:pol-tag-err"}}},
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-tag-value"}, {Key: "class", Val: "field-label"}}, T: "policies.review.tagValue"},
				{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "pol-tag-value"}, {Key: "type", Val: "text"}, {Key: "name", Val: fieldTagValue}, {Key: "value", Val: "$tagValue"}, {Key: "autocomplete", Val: "off"},
					{Key: "aria-invalid", Val: "?tagValErr:true"}, {Key: "aria-describedby", Val: "?tagValErr:pol-tag-value-err"}}},
			}},
			{If: "tagErr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-tag-err"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "$tagErrKey"},
			{If: "tagValErr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-tag-value-err"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "$tagValErrKey"},
		}},
		// At five versions the console asks which old version to delete.
		{If: "atQuota", Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-describedby", Val: "?dropErr:pol-drop-err"}}, Kids: []ui.Tpl{
			{Tag: "legend", T: "policies.review.quota"},
			{Each: "drops", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "radio-row"}}, Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: "$rid"}, {Key: "name", Val: fieldDrop}, {Key: "value", Val: "$id"}, {Key: "checked", Val: "?sel"}}},
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "$rid"}}, T: "policies.review.dropOption", Args: []string{"id", "$id", "created", "$created"}},
			}},
			{If: "dropErr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-drop-err"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "policies.review.dropRequired"},
		}},
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
			{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$back"}, {Key: "class", Val: "btn btn-normal"}}, T: "policies.previous"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "$submit"},
		}},
	}},
}}

// reviewView renders step 2: name, description and tags (Create policy),
// the name (inline), or the version to drop (Edit at five versions).
func reviewView(m core.Model, c i18n.Catalog, w where) ui.Node {
	back := w
	back.review = false
	text := m.Field(fieldDoc)
	errs := map[string]string{}
	if m.Policy.ErrRoute == m.UI.Route {
		errs = m.Policy.Errors
	}
	sum := summaryNode(m, c, text)
	v := ui.Vals{
		{K: "back", S: back.hash()}, {K: "summary", N: []ui.Node{sum}},
		{K: "errText", S: errText(m), B: errText(m) != ""},
		{K: "nameValue", S: m.Field(fieldName)}, {K: "descValue", S: m.Field(fieldDesc)},
		{K: "tagKey", S: m.Field(fieldTagKey)}, {K: "tagValue", S: m.Field(fieldTagValue)},
		{K: "nameErr", B: errs[fieldName] != ""}, {K: "nameErrKey", S: errs[fieldName]},
		{K: "descErr", B: errs[fieldDesc] != ""}, {K: "descErrKey", S: errs[fieldDesc]},
		{K: "tagErr", B: errs[fieldTagKey] != ""}, {K: "tagErrKey", S: errs[fieldTagKey]},
		{K: "tagValErr", B: errs[fieldTagValue] != ""}, {K: "tagValErrKey", S: errs[fieldTagValue]},
		{K: "dropErr", B: errs[fieldDrop] != ""},
	}
	switch w.page {
	case "create":
		v = append(v, ui.V{K: "heading", S: "policies.review.title"}, ui.V{K: "form", S: "policies.create"}, ui.V{K: "askName", B: true},
			ui.V{K: "askDesc", B: true}, ui.V{K: "askTags", B: true}, ui.V{K: "nameHint", S: "policies.review.nameHint"}, ui.V{K: "submit", S: "policies.create.title"})
	case "inline":
		v = append(v, ui.V{K: "heading", S: "policies.review.title"}, ui.V{K: "form", S: "policies.inline"}, ui.V{K: "askName", B: true},
			ui.V{K: "nameHint", S: "policies.review.inlineHint"}, ui.V{K: "submit", S: "policies.create.title"})
	case "edit":
		v = append(v, ui.V{K: "heading", S: "policies.review.saveTitle"}, ui.V{K: "name", S: w.name}, ui.V{K: "form", S: "policies.save"},
			ui.V{K: "submit", S: "policies.review.save"})
		if e, ok := lookup(m, where{kind: "customer", name: w.name}); ok && len(e.Customer.Versions) >= iam.MaxPolicyVersions {
			var drops []ui.Vals
			for _, ver := range e.Customer.Versions {
				if ver.ID == e.Customer.DefaultVersion {
					continue
				}
				drops = append(drops, ui.Vals{{K: "id", S: ver.ID}, {K: "rid", S: "pol-drop-" + ver.ID},
					{K: "created", S: ver.CreatedAt.UTC().Format("2006-01-02 15:04 UTC")}, {K: "sel", B: m.Field(fieldDrop) == ver.ID}})
			}
			v = append(v, ui.V{K: "atQuota", B: true}, ui.V{K: "drops", L: drops})
		}
	}
	return reviewTpl.Root(c, v)
}

// click handles the policy pages' buttons.
func click(m core.Model, action, arg string) (core.Model, []core.Effect) {
	w := parseWhere(m.Route())
	switch action {
	case "policies.page":
		return m.SetFields(fieldPageNo, arg), nil
	case "policies.panel":
		return m.SetFields(fieldPanelTab, arg), nil
	case "policies.mode":
		return setMode(m, arg)
	case "policies.goto":
		return gotoFinding(m, arg)
	case "policies.next":
		return editorNext(m)
	case "policies.attach":
		return attach(m, w, m.Field(fieldAttachTo))
	case "policies.detach":
		return detach(m, w, arg)
	case "policies.setDefault", "policies.deleteVersion":
		e, ok := lookup(m, w)
		if !ok || e.Type != "customer" {
			return m, nil
		}
		m = clearErr(m)
		var op sim.Op = sim.SetDefaultPolicyVersion{PolicyARN: e.ARN, VersionID: arg}
		note := "policies.notice.defaultSet"
		if action == "policies.deleteVersion" {
			op, note = sim.DeletePolicyVersion{PolicyARN: e.ARN, VersionID: arg}, "policies.notice.versionDeleted"
		}
		m, err := do(m, op)
		if err == nil {
			m.Notify("success", note, "id", arg)
			if w.version == arg {
				w.version = ""
				return m.Go(w.hash())
			}
		}
		return m, nil
	case "policies.delete":
		m = clearErr(m)
		m.Confirm = confirmDelete
		return m.SetFields(fieldDeleteName, ""), []core.Effect{core.Focus{ID: "pol-del-name"}}
	case "policies.deleteCancel":
		m.Confirm = ""
		return m, nil
	case "policies.deleteDo":
		return deletePolicy(m, w)
	}
	if strings.HasPrefix(action, vPrefix) {
		return visualClick(m, action, arg)
	}
	return m, nil
}

// attach attaches the policy to a user or group ("user:<name>").
func attach(m core.Model, w where, target string) (core.Model, []core.Effect) {
	e, ok := lookup(m, w)
	kind, name, found := strings.Cut(target, ":")
	if !ok || !found {
		return m, nil
	}
	m = clearErr(m)
	var op sim.Op = sim.AttachUserPolicy{UserName: name, PolicyARN: e.ARN}
	if kind == "group" {
		op = sim.AttachGroupPolicy{GroupName: name, PolicyARN: e.ARN}
	}
	m, err := do(m, op)
	if err == nil {
		m = m.SetFields(fieldAttachTo, "")
		m.Notify("success", "policies.notice.attached", "policy", e.Name, "name", name)
	}
	return m, nil
}

// detach detaches the policy from a user or group ("user:<name>").
func detach(m core.Model, w where, target string) (core.Model, []core.Effect) {
	e, ok := lookup(m, w)
	kind, name, found := strings.Cut(target, ":")
	if !ok || !found {
		return m, nil
	}
	m = clearErr(m)
	var op sim.Op = sim.DetachUserPolicy{UserName: name, PolicyARN: e.ARN}
	if kind == "group" {
		op = sim.DetachGroupPolicy{GroupName: name, PolicyARN: e.ARN}
	}
	m, err := do(m, op)
	if err == nil {
		m.Notify("success", "policies.notice.detached", "policy", e.Name, "name", name)
	}
	return m, []core.Effect{core.Focus{ID: "pol-ent"}}
}

// deletePolicy deletes a customer managed policy as the console does:
// after the typed name matches, it detaches the policy from every entity,
// deletes its non-default versions, then the policy.
func deletePolicy(m core.Model, w where) (core.Model, []core.Effect) {
	e, ok := lookup(m, w)
	if !ok || e.Type != "customer" {
		return m, nil
	}
	m = clearErr(m)
	if strings.TrimSpace(m.Field(fieldDeleteName)) != e.Name {
		m.Policy.Errors = map[string]string{fieldDeleteName: "policies.delete.mismatch"}
		m.Policy.ErrRoute = m.UI.Route
		return m, []core.Effect{core.Focus{ID: "pol-del-name"}}
	}
	acct := m.World.IAMAccount(m.Session.AccountID)
	var ops []sim.Op
	for _, u := range acct.Users {
		for _, a := range u.Attached {
			if a == e.ARN {
				ops = append(ops, sim.DetachUserPolicy{UserName: u.Name, PolicyARN: e.ARN})
			}
		}
	}
	for _, g := range acct.Groups {
		for _, a := range g.Attached {
			if a == e.ARN {
				ops = append(ops, sim.DetachGroupPolicy{GroupName: g.Name, PolicyARN: e.ARN})
			}
		}
	}
	for _, v := range e.Customer.Versions {
		if v.ID != e.Customer.DefaultVersion {
			ops = append(ops, sim.DeletePolicyVersion{PolicyARN: e.ARN, VersionID: v.ID})
		}
	}
	ops = append(ops, sim.DeletePolicy{PolicyARN: e.ARN})
	for _, op := range ops {
		var err error
		if m, err = do(m, op); err != nil {
			return m, []core.Effect{core.Focus{ID: "page-title"}}
		}
	}
	m.Confirm = ""
	m = m.SetFields(fieldDeleteName, "")
	m.Notify("success", "policies.notice.deleted", "name", e.Name)
	return m.Go(HashList)
}

// submit handles the review step's forms.
func submit(m core.Model, form string) (core.Model, []core.Effect) {
	w := parseWhere(m.Route())
	key, _, t, ok := editorFor(m, w)
	if !ok || m.Field(fieldDocFor) != key {
		return m, nil
	}
	text := m.Field(fieldDoc)
	m = checkEditor(m, text, t)
	m = clearErr(m)
	if blocks(m.Policy.Check) {
		// The text changed in another tab or was never checked: back to
		// the editor, which shows why.
		w.review = false
		return m.Go(w.hash())
	}
	errs := map[string]string{}
	name := strings.TrimSpace(m.Field(fieldName))
	switch form {
	case "policies.create":
		if k := policyNameProblem(name); k != "" {
			errs[fieldName] = k
		} else if _, taken := m.World.CustomerPolicy(m.Session.AccountID, name); taken {
			errs[fieldName] = "policies.err.nameTaken"
		}
		if badText(m.Field(fieldDesc)) {
			errs[fieldDesc] = "policies.err.chars"
		} else if len(m.Field(fieldDesc)) > iam.MaxDescriptionLen {
			errs[fieldDesc] = "policies.err.descLength"
		}
		tk, tv := strings.TrimSpace(m.Field(fieldTagKey)), m.Field(fieldTagValue)
		if badText(m.Field(fieldTagKey)) {
			errs[fieldTagKey] = "policies.err.chars"
		} else if tk == "" && tv != "" {
			errs[fieldTagKey] = "policies.err.tagKey"
		}
		if badText(tv) {
			errs[fieldTagValue] = "policies.err.chars"
		}
		if len(errs) > 0 {
			return failed(m, errs)
		}
		var tags []iam.Tag
		if tk != "" {
			tags = []iam.Tag{{Key: tk, Value: tv}}
		}
		m, err := do(m, sim.CreatePolicy{Name: name, Path: "/", Description: m.Field(fieldDesc), Document: text, Tags: tags})
		if err != nil {
			return m, []core.Effect{core.Focus{ID: "page-title"}}
		}
		m = m.SetFields(fieldDoc, "", fieldDocFor, "", fieldName, "", fieldDesc, "", fieldTagKey, "", fieldTagValue, "", fieldPanelTab, "")
		m.Notify("success", "policies.notice.created", "name", name)
		return m.Go(HashList)
	case "policies.inline":
		if k := inlineNameProblem(name); k != "" {
			errs[fieldName] = k
		} else if inlineTaken(m, w, name) {
			errs[fieldName] = "policies.err.inlineTaken"
		}
		if len(errs) > 0 {
			return failed(m, errs)
		}
		var op sim.Op = sim.PutUserPolicy{UserName: w.name, PolicyName: name, Document: text}
		if w.kind == "group" {
			op = sim.PutGroupPolicy{GroupName: w.name, PolicyName: name, Document: text}
		}
		m, err := do(m, op)
		if err != nil {
			return m, []core.Effect{core.Focus{ID: "page-title"}}
		}
		m = m.SetFields(fieldDoc, "", fieldDocFor, "", fieldName, "", fieldPanelTab, "")
		m.Notify("success", "policies.notice.inlineCreated", "name", name, "entity", w.name)
		return m.Go(entityHash(w.kind, w.name))
	case "policies.save":
		e, ok := lookup(m, where{kind: "customer", name: w.name})
		if !ok {
			return m, nil
		}
		if len(e.Customer.Versions) >= iam.MaxPolicyVersions {
			drop := m.Field(fieldDrop)
			valid := false
			for _, v := range e.Customer.Versions {
				valid = valid || v.ID == drop && v.ID != e.Customer.DefaultVersion
			}
			if !valid {
				return failed(m, map[string]string{fieldDrop: "policies.review.dropRequired"})
			}
			var err error
			if m, err = do(m, sim.DeletePolicyVersion{PolicyARN: e.ARN, VersionID: drop}); err != nil {
				return m, []core.Effect{core.Focus{ID: "page-title"}}
			}
		}
		m, err := do(m, sim.CreatePolicyVersion{PolicyARN: e.ARN, Document: text, SetAsDefault: true})
		if err != nil {
			return m, []core.Effect{core.Focus{ID: "page-title"}}
		}
		m = m.SetFields(fieldDoc, "", fieldDocFor, "", fieldDrop, "", fieldPanelTab, "")
		m.Notify("success", "policies.notice.saved", "name", e.Name)
		return m.Go(where{page: "details", kind: "customer", name: e.Name, tab: "versions"}.hash())
	}
	return m, nil
}

// failed shows a submit's field problems and focuses the first.
func failed(m core.Model, errs map[string]string) (core.Model, []core.Effect) {
	m.Policy.Errors, m.Policy.ErrRoute = errs, m.UI.Route
	for _, f := range []struct{ field, id string }{{fieldName, "pol-name"}, {fieldDesc, "pol-desc"}, {fieldTagKey, "pol-tag-key"}, {fieldTagValue, "pol-tag-value"}, {fieldDrop, "page-title"}} {
		if errs[f.field] != "" {
			return m, []core.Effect{core.Focus{ID: f.id}}
		}
	}
	return m, nil
}

// badText reports whether a typed description or tag fails the input
// baseline (sim/textin): a control or text-direction character, or only
// invisible characters. IAM refuses the first; the second would look empty.
func badText(v string) bool {
	_, bad := textin.Check(v)
	return bad
}

// policyNameProblem checks a managed policy name (IAM's rules: 1–128 of
// letters, digits and + = , . @ _ -).
func policyNameProblem(name string) string {
	switch {
	case name == "":
		return "policies.err.nameRequired"
	case len(name) > iam.MaxPolicyNameLen:
		return "policies.err.nameLength"
	case iam.ValidatePolicyName(name) != nil:
		return "policies.err.nameChars"
	}
	return ""
}

// inlineNameProblem checks an inline policy name: 1–128 printable ASCII
// characters other than \ / * ? (IAM's quotas page).
func inlineNameProblem(name string) string {
	switch {
	case name == "":
		return "policies.err.nameRequired"
	case len(name) > iam.MaxPolicyNameLen:
		return "policies.err.nameLength"
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c <= ' ' || c > '~' || strings.IndexByte(`\/*?`, c) >= 0 {
			return "policies.err.inlineChars"
		}
	}
	return ""
}

// inlineTaken reports whether the user or group already has an inline
// policy of that name (PutUserPolicy would replace it silently).
func inlineTaken(m core.Model, w where, name string) bool {
	acct := m.World.IAMAccount(m.Session.AccountID)
	var list []iam.InlinePolicy
	if w.kind == "group" {
		g, _ := acct.Group(w.name)
		list = g.Inline
	} else {
		u, _ := acct.User(w.name)
		list = u.Inline
	}
	for _, p := range list {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}
