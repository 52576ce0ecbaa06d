package iam

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/awserr"
)

// Field and form names of the dashboard.
const fieldAlias = "iam.alias"

// dashboard is the IAM dashboard page.
var dashboard = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.dash.title"},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "iam-reco"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-reco"}}, T: "iam.reco.title"},
		{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "reco-list"}}, Kids: []ui.Tpl{
			// One security recommendation: its status icon, title,
			// status for screen readers, description and action.
			{Each: "recos", Tag: "li", Attrs: []ui.Attr{{Key: "class", Val: "$class"}}, Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "reco-icon"}, {Key: "aria-hidden", Val: "true"}}, D: "icon"},
				{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "reco-body"}}, Kids: []ui.Tpl{
					{Tag: "h3", T: "$title"},
					{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "visually-hidden"}}, T: "$status"},
					{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "$desc"},
				}},
				{If: "addMFA", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "mfa.start"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.reco.addMFA.button"},
			}},
		}},
	}},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "iam-resources"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-resources"}}, T: "iam.res.title"},
		{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "iam-counts"}}, Kids: []ui.Tpl{
			{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/groups"}}, Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-count-label"}}, T: "iam.nav.groups"},
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-count"}}, D: "groups"}}}}},
			{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/users"}}, Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-count-label"}}, T: "iam.nav.users"},
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-count"}}, D: "users"}}}}},
			{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/policies"}}, Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-count-label"}}, T: "iam.res.policies"},
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-count"}}, D: "policies"}}}}},
		}},
	}},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "iam-account"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-account"}}, T: "iam.account.title"},
		{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
			{Tag: "dt", T: "iam.account.id"},
			{Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "id"},
			{Tag: "dt", T: "iam.account.alias"},
			{Tag: "dd", Kids: []ui.Tpl{
				{If: "alias", Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "iam-alias-value"}, {Key: "class", Val: "mono"}}, D: "alias"},
				{If: "!alias", Tag: "span", T: "iam.account.noAlias"},
				{Lit: " "},
				{If: "!alias", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-alias-btn"}, {Key: "data-action", Val: "iam.alias.open"},
					{Key: "class", Val: "btn btn-normal btn-small"}, {Key: "aria-label", Val: "%iam.alias.createLabel"}}, T: "iam.alias.create"},
				{If: "alias", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-alias-btn"}, {Key: "data-action", Val: "iam.alias.open"},
					{Key: "class", Val: "btn btn-normal btn-small"}, {Key: "aria-label", Val: "%iam.alias.editLabel"}}, T: "iam.alias.edit"},
				{If: "alias", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-alias-del"}, {Key: "data-action", Val: "iam.alias.delete"},
					{Key: "class", Val: "btn btn-normal btn-small"}, {Key: "aria-label", Val: "%iam.alias.deleteLabel"}}, T: "iam.alias.delete"},
			}},
			{Tag: "dt", T: "iam.account.signinURL"},
			{Tag: "dd", Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "iam-signin-url"}, {Key: "class", Val: "mono"}}, D: "url"},
				{Lit: " "},
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.copyURL"},
					{Key: "class", Val: "btn btn-normal btn-small"}, {Key: "aria-label", Val: "%iam.account.copyLabel"}}, T: "iam.account.copy"},
				{Lit: " "},
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "copied"}, {Key: "role", Val: "status"}}, Kids: []ui.Tpl{{If: "copied", T: "iam.account.copied"}}},
			}},
		}},
		// Create or edit the alias.
		{If: "aliasDialog", Tag: "form", Attrs: []ui.Attr{{Key: "class", Val: "iam-dialog"}, {Key: "role", Val: "dialog"}, {Key: "aria-modal", Val: "true"},
			{Key: "aria-labelledby", Val: "iam-alias-title"}, {Key: "data-form", Val: "iam.alias"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-alias-title"}, {Key: "tabindex", Val: "-1"}}, T: "$aliasTitle"},
			textField("iam-alias-input", fieldAlias, "iam.alias.preferred", "text", "iam.alias.hint"),
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-label"}}, T: "iam.alias.newURL"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "iam-alias-preview"}, {Key: "class", Val: "mono"}, {Key: "aria-live", Val: "polite"}}, D: "preview"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "iam.alias.idStillWorks", Args: []string{"url", "$idURL"}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.dialog.cancel"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "$aliasSubmit"},
			}},
		}},
		// Delete the alias.
		{If: "deleteDialog", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-dialog"}, {Key: "role", Val: "dialog"}, {Key: "aria-modal", Val: "true"},
			{Key: "aria-labelledby", Val: "iam-alias-del-title"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-alias-del-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.alias.deleteTitle"},
			{Tag: "p", T: "iam.alias.deleteText", Args: []string{"alias", "$alias", "url", "$idURL"}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.dialog.cancel"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.alias.deleteYes"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.alias.delete"},
			}},
		}},
	}},
}}

// dashboardView renders the IAM dashboard.
func dashboardView(m core.Model, c i18n.Catalog) ui.Node {
	acct, _ := m.Account()
	hasMFA := len(acct.RootMFA) > 0
	mfa := vals("class", "reco reco-todo", "icon", "!", "title", "iam.reco.addMFA", "status", "iam.reco.todo", "desc", "iam.reco.addMFA.desc", "?addMFA", "1")
	if hasMFA {
		mfa = vals("class", "reco reco-done", "icon", "✓", "title", "iam.reco.hasMFA", "status", "iam.reco.done", "desc", "iam.reco.hasMFA.desc")
	}
	keys := vals("class", "reco reco-done", "icon", "✓", "title", "iam.reco.noKeys", "status", "iam.reco.done", "desc", "iam.reco.noKeys.desc")
	if len(acct.RootAccessKeys) > 0 {
		// Root access keys are discouraged: the recommendation turns red.
		keys = vals("class", "reco reco-todo reco-danger", "icon", "!", "title", "iam.reco.hasKeys", "status", "iam.reco.todo", "desc", "iam.reco.hasKeys.desc")
	}
	a := acct.IAM
	preview := c.T("iam.alias.previewEmpty")
	if typed := m.Field(fieldAlias); typed != "" {
		preview = aliasURL(typed)
	}
	titleKey, submitKey := "iam.alias.createTitle", "iam.alias.createSubmit"
	if acct.Alias != "" {
		titleKey, submitKey = "iam.alias.editTitle", "iam.alias.saveSubmit"
	}
	v := ui.Vals{
		{K: "recos", L: []ui.Vals{mfa, keys}},
		{K: "id", S: acct.ID},
		{K: "alias", S: acct.Alias, B: acct.Alias != ""},
		{K: "url", S: SigninURL(acct)},
		{K: "copied", B: m.IAM.Copied != "" && m.IAM.Copied == SigninURL(acct)},
		{K: "idURL", S: aliasURL(acct.ID)},
		{K: "users", S: strconv.Itoa(len(a.Users))},
		{K: "groups", S: strconv.Itoa(len(a.Groups))},
		{K: "policies", S: strconv.Itoa(len(a.Policies))},
		{K: "aliasDialog", B: m.IAM.Dialog == "alias"},
		{K: "deleteDialog", B: m.IAM.Dialog == "deleteAlias"},
		{K: "preview", S: preview},
		{K: "aliasTitle", S: titleKey},
		{K: "aliasSubmit", S: submitKey},
	}
	v = append(v, fieldVals(m, c, "iam-alias-input", fieldAlias)...)
	return dashboard.Root(c, v)
}

// dashboardClick handles the dashboard's buttons. Copying claims no
// success: the browser copies asynchronously, and only a failure is
// reported back (EffectFailed), which shows a warning with the URL to
// copy by hand.
func dashboardClick(m core.Model, action string) (core.Model, []core.Effect) {
	acct, ok := m.Account()
	if !ok {
		return m, nil
	}
	switch action {
	case "iam.copyURL":
		m.IAM.Copied = SigninURL(acct)
		return m, []core.Effect{core.Copy{Text: m.IAM.Copied}}
	case "iam.alias.open":
		m = withErrors(setField(m, fieldAlias, acct.Alias), nil)
		m.IAM.Dialog = "alias"
		return m, []core.Effect{core.Focus{ID: "iam-alias-input"}}
	case "iam.alias.delete":
		m.IAM.Dialog = "deleteAlias"
		return m, []core.Effect{core.Focus{ID: "iam-alias-del-title"}}
	case "iam.alias.deleteYes":
		m.IAM.Dialog = ""
		next, err := do(m, sim.DeleteAccountAlias{Alias: acct.Alias})
		if err != nil {
			return fail(next, err)
		}
		next.Notify("success", "iam.alias.deleted", "alias", acct.Alias)
		return next, []core.Effect{core.Focus{ID: "iam-alias-btn"}}
	}
	return m, nil
}

// createAlias submits the alias dialog (iam:CreateAccountAlias).
func createAlias(m core.Model) (core.Model, []core.Effect) {
	alias := m.Field(fieldAlias)
	next, err := do(m, sim.CreateAccountAlias{Alias: alias})
	if err != nil {
		key := ""
		if e, ok := awserr.As(err); ok {
			switch {
			case e.Code == awserr.EntityAlreadyExists:
				key = "iam.err.aliasTaken"
			case e.Code == awserr.ValidationError && e.Param("constraint") == "length":
				key = "iam.err.aliasLength"
			case e.Code == awserr.ValidationError && e.Param("constraint") == "accountId":
				key = "iam.err.aliasDigits"
			case e.Code == awserr.ValidationError:
				key = "iam.err.aliasPattern"
			}
		}
		if key == "" {
			return fail(next, err)
		}
		next = withErrors(next, map[string][]string{fieldAlias: {key}})
		return next, []core.Effect{core.Focus{ID: "iam-alias-input"}}
	}
	next.IAM.Dialog = ""
	next = withErrors(next.ClearFields(fieldAlias), nil)
	next.Notify("success", "iam.alias.created", "alias", alias)
	return next, []core.Effect{core.Focus{ID: "iam-alias-btn"}}
}
