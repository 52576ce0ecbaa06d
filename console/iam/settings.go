package iam

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// Fields of the password policy form; all start with "iam.pp.".
const (
	ppPrefix      = "iam.pp."
	fieldPPMode   = "iam.pp.mode"
	fieldPPMin    = "iam.pp.min"
	fieldPPUpper  = "iam.pp.upper"
	fieldPPLower  = "iam.pp.lower"
	fieldPPNumber = "iam.pp.number"
	fieldPPSymbol = "iam.pp.symbol"
	fieldPPExpire = "iam.pp.expire"
	fieldPPDays   = "iam.pp.days"
	fieldPPHard   = "iam.pp.hard"
	fieldPPChange = "iam.pp.change"
	fieldPPReuse  = "iam.pp.reuse"
	fieldPPReuseN = "iam.pp.reusen"
)

// ppCheck is a checkbox of the password policy form.
func ppCheck(id, name, label string) ui.Tpl {
	return ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field checkbox"}}, Kids: []ui.Tpl{
		{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "checkbox"}, {Key: "id", Val: id}, {Key: "name", Val: name}, {Key: "checked", Val: "?" + name}}},
		{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: id}}, T: label},
	}}
}

// settingsPage is Account settings with the password policy.
var settingsPage = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.nav.settings"},
	{If: "!editing", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-pp-title"}}, T: "iam.pp.title"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "iam-pp-edit"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.pp.edit"}, {Key: "aria-label", Val: "%iam.pp.editLabel"}}, T: "iam.edit"},
		}},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "iam.pp.desc"},
		{Tag: "p", Kids: []ui.Tpl{{Tag: "strong", T: "$modeKey"}}},
		{Tag: "ul", Kids: []ui.Tpl{{Each: "rules", Tag: "li", T: "=rule"}}},
	}},
	{If: "editing", Tag: "form", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "data-form", Val: "iam.pp"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-pp-title"}, {Key: "tabindex", Val: "-1"}}, T: "iam.pp.editTitle"},
		{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
			{Tag: "legend", Attrs: []ui.Attr{{Key: "class", Val: "field-label"}}, T: "iam.pp.title"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mfa-radio"}}, Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: "iam-pp-default"}, {Key: "name", Val: fieldPPMode}, {Key: "value", Val: "default"}, {Key: "checked", Val: "?!custom"}}},
				{Tag: "div", Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-pp-default"}, {Key: "class", Val: "radio-label"}}, T: "iam.pp.default"},
					{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "radio-desc"}}, T: "iam.pp.defaultDesc"},
				}},
			}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mfa-radio"}}, Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: "iam-pp-custom"}, {Key: "name", Val: fieldPPMode}, {Key: "value", Val: "custom"}, {Key: "checked", Val: "?custom"}}},
				{Tag: "div", Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-pp-custom"}, {Key: "class", Val: "radio-label"}}, T: "iam.pp.custom"},
					{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "radio-desc"}}, T: "iam.pp.customDesc"},
				}},
			}},
		}},
		{If: "custom", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "sub-form"}}, Kids: []ui.Tpl{
			textField("iam-pp-min", fieldPPMin, "iam.pp.min", "number", "iam.pp.minHint"),
			{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "legend", Attrs: []ui.Attr{{Key: "class", Val: "field-label"}}, T: "iam.pp.strength"},
				ppCheck("iam-pp-upper", fieldPPUpper, "iam.pp.upper"),
				ppCheck("iam-pp-lower", fieldPPLower, "iam.pp.lower"),
				ppCheck("iam-pp-number", fieldPPNumber, "iam.pp.number"),
				ppCheck("iam-pp-symbol", fieldPPSymbol, "iam.pp.symbol"),
			}},
			{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "legend", Attrs: []ui.Attr{{Key: "class", Val: "field-label"}}, T: "iam.pp.other"},
				ppCheck("iam-pp-expire", fieldPPExpire, "iam.pp.expire"),
				{If: fieldPPExpire, Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "sub-form"}}, Kids: []ui.Tpl{
					textField("iam-pp-days", fieldPPDays, "iam.pp.days", "number", "iam.pp.daysHint"),
				}},
				ppCheck("iam-pp-hard", fieldPPHard, "iam.pp.hard"),
				ppCheck("iam-pp-change", fieldPPChange, "iam.pp.change"),
				ppCheck("iam-pp-reuse", fieldPPReuse, "iam.pp.reuse"),
				{If: fieldPPReuse, Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "sub-form"}}, Kids: []ui.Tpl{
					textField("iam-pp-reusen", fieldPPReuseN, "iam.pp.reusen", "number", "iam.pp.reusenHint"),
				}},
			}},
		}},
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.pp.cancel"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.saveChanges"},
		}},
	}},
}}

// policyDescription lists what a password policy requires.
func policyDescription(c i18n.Catalog, p iam.PasswordPolicy) []string {
	out := policyRules(c, p)
	if !p.Custom {
		return append(out, c.T("iam.pp.neverExpires"), c.T("iam.pp.noChange"))
	}
	if p.MaxAgeDays > 0 {
		out = append(out, c.T("iam.pp.expiresIn", "n", strconv.Itoa(p.MaxAgeDays)))
		if p.HardExpiry {
			out = append(out, c.T("iam.pp.hard"))
		}
	} else {
		out = append(out, c.T("iam.pp.neverExpires"))
	}
	if p.AllowUsersToChange {
		out = append(out, c.T("iam.pp.change"))
	} else {
		out = append(out, c.T("iam.pp.noChange"))
	}
	if p.ReusePrevention > 0 {
		out = append(out, c.T("iam.pp.reuseN", "n", strconv.Itoa(p.ReusePrevention)))
	}
	return out
}

// settingsView renders Account settings.
func settingsView(m core.Model, c i18n.Catalog) ui.Node {
	p := iamAccount(m).PasswordPolicy
	var rules []ui.Vals
	for _, r := range policyDescription(c, p) {
		rules = append(rules, vals("rule", r))
	}
	mode := "iam.pp.default"
	if p.Custom {
		mode = "iam.pp.custom"
	}
	v := ui.Vals{{K: "editing", B: m.IAM.Dialog == "editPolicy"}, {K: "modeKey", S: mode}, {K: "rules", L: rules},
		{K: "custom", B: m.Field(fieldPPMode) == "custom"}}
	for _, f := range []string{fieldPPUpper, fieldPPLower, fieldPPNumber, fieldPPSymbol, fieldPPExpire, fieldPPHard, fieldPPChange, fieldPPReuse} {
		v = append(v, vals("?"+f, onText(checked(m, f, false)))...)
	}
	v = append(v, fieldVals(m, c, "iam-pp-min", fieldPPMin)...)
	v = append(v, fieldVals(m, c, "iam-pp-days", fieldPPDays)...)
	v = append(v, fieldVals(m, c, "iam-pp-reusen", fieldPPReuseN)...)
	return settingsPage.Root(c, v)
}

// settingsClick opens and closes the password policy form.
func settingsClick(m core.Model, action string) (core.Model, []core.Effect) {
	switch action {
	case "iam.pp.edit":
		p := iamAccount(m).PasswordPolicy
		mode := "default"
		if p.Custom {
			mode = "custom"
		}
		bs := core.BoolAttr
		days, reuse := p.MaxAgeDays, p.ReusePrevention
		if days == 0 {
			days = 90
		}
		if reuse == 0 {
			reuse = 5
		}
		m = m.SetFields(fieldPPMode, mode, fieldPPMin, strconv.Itoa(p.MinimumLength()), fieldPPUpper, bs(p.RequireUppercase || !p.Custom),
			fieldPPLower, bs(p.RequireLowercase || !p.Custom), fieldPPNumber, bs(p.RequireNumbers || !p.Custom), fieldPPSymbol, bs(p.RequireSymbols || !p.Custom),
			fieldPPExpire, bs(p.MaxAgeDays > 0), fieldPPDays, strconv.Itoa(days), fieldPPHard, bs(p.HardExpiry),
			fieldPPChange, bs(p.AllowUsersToChange), fieldPPReuse, bs(p.ReusePrevention > 0), fieldPPReuseN, strconv.Itoa(reuse))
		m = withErrors(m, nil)
		m.IAM.Dialog = "editPolicy"
		return m, []core.Effect{core.Focus{ID: "iam-pp-title"}}
	case "iam.pp.cancel":
		m = withErrors(clearPrefix(m, ppPrefix), nil)
		m.IAM.Dialog = ""
		return m, []core.Effect{core.Focus{ID: "iam-pp-edit"}}
	}
	return m, nil
}

// settingsSubmit saves the password policy
// (iam:UpdateAccountPasswordPolicy or iam:DeleteAccountPasswordPolicy).
func settingsSubmit(m core.Model) (core.Model, []core.Effect) {
	cur := iamAccount(m).PasswordPolicy
	if m.Field(fieldPPMode) != "custom" {
		if cur.Custom {
			next, err := do(m, sim.DeleteAccountPasswordPolicy{})
			if err != nil {
				return fail(next, err)
			}
			m = next
		}
		m = withErrors(clearPrefix(m, ppPrefix), nil)
		m.IAM.Dialog = ""
		m.Notify("success", "iam.pp.saved")
		return m, []core.Effect{core.Focus{ID: "iam-pp-edit"}}
	}
	errs := map[string][]string{}
	num := func(field string, lo, hi int) int {
		n, err := strconv.Atoi(m.Field(field))
		if err != nil || n < lo || n > hi {
			errs[field] = []string{"iam.err.range", "min", strconv.Itoa(lo), "max", strconv.Itoa(hi)}
		}
		return n
	}
	p := iam.PasswordPolicy{Custom: true, MinLength: num(fieldPPMin, iam.MinPasswordLengthLow, iam.MaxPasswordLen),
		RequireUppercase: checked(m, fieldPPUpper, false), RequireLowercase: checked(m, fieldPPLower, false),
		RequireNumbers: checked(m, fieldPPNumber, false), RequireSymbols: checked(m, fieldPPSymbol, false),
		AllowUsersToChange: checked(m, fieldPPChange, false), HardExpiry: checked(m, fieldPPHard, false)}
	if checked(m, fieldPPExpire, false) {
		p.MaxAgeDays = num(fieldPPDays, 1, iam.MaxAgeDaysLimit)
	}
	if checked(m, fieldPPReuse, false) {
		p.ReusePrevention = num(fieldPPReuseN, 1, iam.MaxReusePrevention)
	}
	for _, f := range [][2]string{{fieldPPMin, "iam-pp-min"}, {fieldPPDays, "iam-pp-days"}, {fieldPPReuseN, "iam-pp-reusen"}} {
		if errs[f[0]] != nil {
			return withErrors(m, errs), []core.Effect{core.Focus{ID: f[1]}}
		}
	}
	next, err := do(m, sim.UpdateAccountPasswordPolicy{Policy: p})
	if err != nil {
		if e, ok := awserr.As(err); ok && e.Code == awserr.ValidationError {
			return withErrors(next, map[string][]string{fieldPPMin: {"iam.err.policy"}}), []core.Effect{core.Focus{ID: "iam-pp-min"}}
		}
		return fail(next, err)
	}
	next = withErrors(clearPrefix(next, ppPrefix), nil)
	next.IAM.Dialog = ""
	next.Notify("success", "iam.pp.saved")
	return next, []core.Effect{core.Focus{ID: "iam-pp-edit"}}
}
