package iam

import (
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/catalog"
	"labsim/sim/iam"
)

// Fields of the Create user wizard; all start with "iam.cu.".
const (
	cuPrefix       = "iam.cu."
	fieldCUName    = "iam.cu.name"
	fieldCUConsole = "iam.cu.console"
	fieldCUKind    = "iam.cu.kind"
	fieldCUPwType  = "iam.cu.pwtype"
	fieldCUPw      = "iam.cu.password"
	fieldCUChange  = "iam.cu.mustchange"
	fieldCUPerm    = "iam.cu.perm"
	fieldCUCopy    = "iam.cu.copy"
	fieldCUGFilter = "iam.cu.gfilter"
	fieldCUPFilter = "iam.cu.pfilter"
	fieldCUPType   = "iam.cu.ptype"
	fieldCUTags    = "iam.cu.tags"
	cuGroupPrefix  = "iam.cu.g."
	cuPolicyPrefix = "iam.cu.p."
	// fieldCUCreated names the user the wizard created last, so that the
	// Retrieve password step can offer Reset password after a reload.
	fieldCUCreated = "iam.created"
)

// Routes of the wizard's steps.
const (
	hashCU1 = "#/iam/users/create"
	hashCU2 = "#/iam/users/create/permissions"
	hashCU3 = "#/iam/users/create/review"
	hashCU4 = "#/iam/users/create/password"
)

// wizardSteps is the wizard's list of steps with the current one marked.
var wizardSteps = ui.Tpl{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "iam-steps"}, {Key: "aria-label", Val: "%iam.cu.steps"}}, Kids: []ui.Tpl{
	{Tag: "ol", Kids: []ui.Tpl{
		{Each: "steps", Tag: "li", Attrs: []ui.Attr{{Key: "aria-current", Val: "?cur:step"}, {Key: "class", Val: "$cls"}}, Kids: []ui.Tpl{
			{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-step-n"}}, T: "iam.cu.stepN", Args: []string{"n", "$n"}},
			{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "iam-step-t"}}, T: "$t"},
		}},
	}},
}}

// wizardPage is the frame of a wizard step: steps, heading and body.
var wizardPage = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-wizard"}}, Kids: []ui.Tpl{
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "breadcrumbs"}, {Key: "aria-label", Val: "%nav.breadcrumbs"}}, Kids: []ui.Tpl{{Tag: "ol", Kids: []ui.Tpl{
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam"}}, T: "iam.short"}}},
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$listHref"}}, T: "$listKey"}}},
		{Tag: "li", Attrs: []ui.Attr{{Key: "aria-current", Val: "page"}}, T: "$crumb"},
	}}}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-wizard-grid"}}, Kids: []ui.Tpl{
		{Slot: "steps"},
		{Tag: "div", Kids: []ui.Tpl{
			{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "$title"},
			{Slot: "body"},
		}},
	}},
}}

// cuDetails is step 1, Specify user details.
var cuDetails = ui.Tpl{Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "iam.cu.details"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", T: "iam.cu.userDetails"},
		textField("iam-cu-name", fieldCUName, "iam.col.userName", "text", "iam.cu.nameHint"),
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field checkbox"}}, Kids: []ui.Tpl{
			{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "checkbox"}, {Key: "id", Val: "iam-cu-console"}, {Key: "name", Val: fieldCUConsole},
				{Key: "checked", Val: "?console"}, {Key: "aria-describedby", Val: "iam-cu-console-desc"}}},
			{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-cu-console"}}, T: "iam.cu.console"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-console-desc"}, {Key: "class", Val: "field-hint"}}, T: "iam.cu.consoleDesc"},
		}},
		{If: "console", Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
			{Tag: "legend", Attrs: []ui.Attr{{Key: "class", Val: "field-label"}}, T: "iam.cu.person"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mfa-radio"}}, Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: "iam-cu-kind-ic"}, {Key: "name", Val: fieldCUKind}, {Key: "value", Val: "ic"},
					{Key: "disabled", Val: ""}, {Key: "aria-describedby", Val: "iam-cu-kind-ic-desc"}}},
				{Tag: "div", Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-cu-kind-ic"}, {Key: "class", Val: "radio-label"}}, T: "iam.cu.kindIC"},
					{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-kind-ic-desc"}, {Key: "class", Val: "radio-desc"}}, T: "iam.cu.kindICDesc"},
				}},
			}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mfa-radio"}}, Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: "iam-cu-kind-iam"}, {Key: "name", Val: fieldCUKind}, {Key: "value", Val: "iam"},
					{Key: "checked", Val: ""}}},
				{Tag: "div", Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-cu-kind-iam"}, {Key: "class", Val: "radio-label"}}, T: "iam.cu.kindIAM"},
				}},
			}},
		}},
		{If: "console", Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
			{Tag: "legend", Attrs: []ui.Attr{{Key: "class", Val: "field-label"}}, T: "iam.cu.consolePw"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mfa-radio"}}, Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: "iam-cu-pw-auto"}, {Key: "name", Val: fieldCUPwType}, {Key: "value", Val: "auto"},
					{Key: "checked", Val: "?!custom"}, {Key: "aria-describedby", Val: "iam-cu-pw-auto-desc"}}},
				{Tag: "div", Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-cu-pw-auto"}, {Key: "class", Val: "radio-label"}}, T: "iam.cu.pwAuto"},
					{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-pw-auto-desc"}, {Key: "class", Val: "radio-desc"}}, T: "iam.cu.pwAutoDesc"},
				}},
			}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mfa-radio"}}, Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: "iam-cu-pw-custom"}, {Key: "name", Val: fieldCUPwType}, {Key: "value", Val: "custom"},
					{Key: "checked", Val: "?custom"}, {Key: "aria-describedby", Val: "iam-cu-pw-custom-desc"}}},
				{Tag: "div", Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-cu-pw-custom"}, {Key: "class", Val: "radio-label"}}, T: "iam.cu.pwCustom"},
					{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-pw-custom-desc"}, {Key: "class", Val: "radio-desc"}}, T: "iam.cu.pwCustomDesc"},
				}},
			}},
			{If: "custom", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "sub-form"}}, Kids: []ui.Tpl{
				textField("iam-cu-pw", fieldCUPw, "iam.cu.pwLabel", "password", ""),
				{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, Kids: []ui.Tpl{
					{Each: "rules", Tag: "li", T: "=rule"},
				}},
			}},
		}},
		{If: "console", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field checkbox"}}, Kids: []ui.Tpl{
			{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "checkbox"}, {Key: "id", Val: "iam-cu-change"}, {Key: "name", Val: fieldCUChange},
				{Key: "checked", Val: "?change"}, {Key: "aria-describedby", Val: "iam-cu-change-desc"}}},
			{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "iam-cu-change"}}, T: "iam.cu.mustChange"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-change-desc"}, {Key: "class", Val: "field-hint"}}, T: "$changeDesc"},
		}},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.cu.cancel"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.next"},
	}},
}}

// permOption is one radio of the permissions options.
func permOption(value, key string) ui.Tpl {
	id := "iam-cu-perm-" + value
	return ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mfa-radio"}}, Kids: []ui.Tpl{
		{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "radio"}, {Key: "id", Val: id}, {Key: "name", Val: fieldCUPerm}, {Key: "value", Val: value},
			{Key: "checked", Val: "?perm." + value}, {Key: "aria-describedby", Val: id + "-desc"}}},
		{Tag: "div", Kids: []ui.Tpl{
			{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: id}, {Key: "class", Val: "radio-label"}}, T: key},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: id + "-desc"}, {Key: "class", Val: "radio-desc"}}, T: key + "Desc"},
		}},
	}}
}

// policyPicker is the searchable list of policies with a type filter.
var policyPicker = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-filters"}}, Kids: []ui.Tpl{
		{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "search"}, {Key: "name", Val: "$pfName"}, {Key: "value", Val: "$pfilter"},
			{Key: "class", Val: "iam-search"}, {Key: "aria-label", Val: "%iam.policies.search"}, {Key: "placeholder", Val: "%iam.policies.search"}}},
		{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "$ptID"}, {Key: "class", Val: "visually-hidden"}}, T: "iam.policies.filterType"},
		{Tag: "select", Attrs: []ui.Attr{{Key: "id", Val: "$ptID"}, {Key: "name", Val: "$ptName"}}, Kids: []ui.Tpl{
			{Each: "ptypes", Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "$v"}, {Key: "selected", Val: "?on"}}, T: "$k"},
		}},
	}},
	{Slot: "ptable"},
}}

// cuPermissions is step 2, Set permissions.
var cuPermissions = ui.Tpl{Tag: "div", Kids: []ui.Tpl{{Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "iam.cu.perms"}, {Key: "novalidate", Val: ""}, {Key: "inert", Val: "?modal"}, {Key: "aria-hidden", Val: "?modal:true"}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
			{Tag: "legend", Attrs: []ui.Attr{{Key: "class", Val: "field-label"}}, T: "iam.cu.permOptions"},
			permOption("group", "iam.cu.permGroup"),
			permOption("copy", "iam.cu.permCopy"),
			permOption("attach", "iam.cu.permAttach"),
		}},
	}},
	{If: "perm.group", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-head"}}, Kids: []ui.Tpl{
			{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-groups"}}, T: "iam.groups.count", Args: []string{"n", "$groupCount"}},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "id", Val: "iam-cu-newgroup"}, {Key: "data-action", Val: "iam.ng.open"}}, T: "iam.cg.button"},
		}},
		{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "search"}, {Key: "name", Val: fieldCUGFilter}, {Key: "value", Val: "$gfilter"},
			{Key: "class", Val: "iam-search"}, {Key: "aria-label", Val: "%iam.groups.search"}, {Key: "placeholder", Val: "%iam.groups.search"}}},
		{Slot: "gtable"},
	}},
	{If: "perm.copy", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-users"}}, T: "iam.users.count", Args: []string{"n", "$userCount"}},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "iam.cu.copyNote"},
		{Slot: "utable"},
	}},
	{If: "perm.attach", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-policies"}}, T: "iam.policies.count", Args: []string{"n", "$policyCount"}},
		{Slot: "picker"},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.cu.cancel"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.cu.back"}, {Key: "data-arg", Val: hashCU1}, {Key: "class", Val: "btn btn-normal"}}, T: "iam.previous"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.next"},
	}},
}}, {Slot: "dialog"}}}

// cuReview is step 3, Review and create.
var cuReview = ui.Tpl{Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "iam.cu.create"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", T: "iam.cu.userDetails"},
		{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
			{Tag: "dt", T: "iam.col.userName"},
			{Tag: "dd", D: "name"},
			{Tag: "dt", T: "iam.cu.consolePwType"},
			{Tag: "dd", T: "$pwType"},
			{Tag: "dt", T: "iam.cu.requireReset"},
			{Tag: "dd", T: "$reset"},
		}},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-summary"}}, T: "iam.cu.permSummary"},
		{Slot: "summary"},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", T: "iam.tags.optional"},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mfa-note"}}, T: "iam.tags.desc"},
		{If: "noTags", Tag: "p", T: "iam.tags.none"},
		{Each: "tags", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-tag-row"}}, Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "$kid"}, {Key: "class", Val: "field-label"}}, T: "iam.tags.key"},
				{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "$kid"}, {Key: "name", Val: "$kname"}, {Key: "type", Val: "text"}, {Key: "value", Val: "$kv"},
					{Key: "aria-invalid", Val: "?kerr:true"}, {Key: "aria-describedby", Val: "$kdesc"}}},
				{If: "kerr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "$kdesc"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "=kerrText"},
			}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "$vid"}, {Key: "class", Val: "field-label"}}, T: "iam.tags.value"},
				{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "$vid"}, {Key: "name", Val: "$vname"}, {Key: "type", Val: "text"}, {Key: "value", Val: "$vv"},
					{Key: "aria-invalid", Val: "?verr:true"}, {Key: "aria-describedby", Val: "$vdesc"}}},
				{If: "verr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "$vdesc"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "=verrText"},
			}},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "data-action", Val: "iam.cu.tagRemove"},
				{Key: "data-arg", Val: "$i"}, {Key: "aria-label", Val: "$removeLabel"}}, T: "iam.remove"},
		}},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "id", Val: "iam-cu-addtag"}, {Key: "data-action", Val: "iam.cu.tagAdd"}}, T: "iam.tags.add"},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "iam.tags.limit"},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.cu.cancel"}, {Key: "class", Val: "btn btn-link"}}, T: "iam.cancel"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "iam.cu.back"}, {Key: "data-arg", Val: hashCU2}, {Key: "class", Val: "btn btn-normal"}}, T: "iam.previous"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "iam.cu.button"},
	}},
}}

// cuPassword is step 4, Retrieve password.
var cuPassword = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{If: "has", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert alert-success"}, {Key: "role", Val: "status"}}, Kids: []ui.Tpl{
		{Tag: "p", T: "iam.cu.pwIntro"},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
		{Tag: "h2", T: "iam.cu.signinDetails"},
		{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
			{Tag: "dt", T: "iam.cu.signinURL"},
			{Tag: "dd", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-url"}, {Key: "class", Val: "mono"}}, D: "url"},
			{Tag: "dt", T: "iam.col.userName"},
			{Tag: "dd", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-user"}}, D: "user"},
			{If: "has", Tag: "dt", T: "iam.cu.consolePw"},
			{If: "has", Tag: "dd", Kids: []ui.Tpl{
				{If: "shown", Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "iam-cu-secret"}, {Key: "class", Val: "mono"}}, D: "password"},
				{If: "!shown", Tag: "span", Attrs: []ui.Attr{{Key: "aria-label", Val: "%iam.cu.pwHidden"}}, D: "stars"},
				{Lit: " "},
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-link"}, {Key: "data-action", Val: "iam.secret.show"}}, T: "$showKey"},
			}},
		}},
		{If: "!has", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert"}, {Key: "role", Val: "status"}}, Kids: []ui.Tpl{
			{Tag: "p", T: "iam.cu.pwGone"},
			{If: "canReset", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.pw.reset"}, {Key: "data-arg", Val: "$user"}}, T: "iam.cu.resetPw"},
		}},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
		{If: "has", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.secret.email"}}, T: "iam.cu.email"},
		{If: "has", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "iam.secret.csv"}}, T: "iam.cu.csv"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "iam.cu.done"}}, T: "iam.cu.returnToList"},
	}},
}}

// cuStep returns the wizard step a route's rest names (1–4).
func cuStep(rest string) int {
	switch rest {
	case "create/permissions":
		return 2
	case "create/review":
		return 3
	case "create/password":
		return 4
	}
	return 1
}

// createUserView renders the Create user wizard's step.
func createUserView(m core.Model, c i18n.Catalog, rest string) ui.Node {
	step := cuStep(rest)
	titles := []string{"iam.cu.step1", "iam.cu.step2", "iam.cu.step3", "iam.cu.step4"}
	steps := make([]ui.Vals, 4)
	for i, t := range titles {
		cls := "iam-step"
		if i+1 < step {
			cls += " iam-step-done"
		}
		steps[i] = vals("n", strconv.Itoa(i+1), "t", t, "?cur", onText(i+1 == step), "cls", cls)
	}
	var body ui.Node
	switch step {
	case 1:
		body = cuDetailsView(m, c)
	case 2:
		body = cuPermissionsView(m, c)
	case 3:
		body = cuReviewView(m, c)
	default:
		body = cuPasswordView(m, c)
	}
	return wizardPage.Root(c, ui.Vals{
		{K: "listHref", S: "#/iam/users"}, {K: "listKey", S: "iam.nav.users"}, {K: "crumb", S: "iam.cu.title"},
		{K: "title", S: titles[step-1]},
		{K: "steps", N: []ui.Node{wizardSteps.Root(c, ui.Vals{{K: "steps", L: steps}})}},
		{K: "body", N: []ui.Node{body}},
	})
}

// policyRuleKeys are the password policy's requirements as hints.
func policyRules(c i18n.Catalog, p iam.PasswordPolicy) []string {
	out := []string{c.T("iam.pw.ruleMin", "n", strconv.Itoa(p.MinimumLength())), c.T("iam.pw.ruleMax")}
	if !p.Custom {
		return append(out, c.T("iam.pw.ruleThree"), c.T("iam.pw.ruleNotName"))
	}
	for _, r := range []struct {
		on  bool
		key string
	}{{p.RequireUppercase, "iam.pw.ruleUpper"}, {p.RequireLowercase, "iam.pw.ruleLower"}, {p.RequireNumbers, "iam.pw.ruleNumber"}, {p.RequireSymbols, "iam.pw.ruleSymbol"}} {
		if r.on {
			out = append(out, c.T(r.key))
		}
	}
	return out
}

func cuDetailsView(m core.Model, c i18n.Catalog) ui.Node {
	a := iamAccount(m)
	var rules []ui.Vals
	for _, r := range policyRules(c, a.PasswordPolicy) {
		rules = append(rules, vals("rule", r))
	}
	changeDesc := "iam.cu.mustChangeDesc"
	if a.PasswordPolicy.UsersMayChangeOwn() {
		changeDesc = "iam.cu.mustChangeDescPolicy"
	}
	v := ui.Vals{
		{K: "console", B: checked(m, fieldCUConsole, false)},
		{K: "custom", B: m.Field(fieldCUPwType) == "custom"},
		{K: "change", B: checked(m, fieldCUChange, true)},
		{K: "changeDesc", S: changeDesc},
		{K: "rules", L: rules},
	}
	v = append(v, fieldVals(m, c, "iam-cu-name", fieldCUName)...)
	v = append(v, fieldVals(m, c, "iam-cu-pw", fieldCUPw)...)
	return cuDetails.Root(c, v)
}

// permChoice is the chosen permissions option.
func permChoice(m core.Model) string {
	switch p := m.Field(fieldCUPerm); p {
	case "copy", "attach":
		return p
	}
	return "group"
}

// policyEntry is a policy the pickers list.
type policyEntry struct {
	name, arn, typeKey, desc string
	kind                     string // "aws", "job" or "customer"
}

// allPolicies lists AWS managed policies of the catalog and the account's
// customer managed policies.
func allPolicies(a iam.Account) []policyEntry {
	var out []policyEntry
	for _, p := range catalog.ManagedPolicies() {
		e := policyEntry{name: p.Name, arn: p.ARN, typeKey: "iam.ptype.aws", kind: "aws", desc: p.Description}
		if p.JobFunction {
			e.typeKey, e.kind = "iam.ptype.job", "job"
		}
		out = append(out, e)
	}
	for _, p := range a.Policies {
		out = append(out, policyEntry{name: p.Name, arn: p.ARN, typeKey: "iam.ptype.customer", kind: "customer", desc: p.Description})
	}
	return out
}

// policyName returns a policy's name from its ARN.
func policyName(arn string) string {
	if i := strings.LastIndexByte(arn, '/'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}

// policyTypeKey is the catalog key of a policy's type.
func policyTypeKey(arn string) string {
	if !iam.IsAWSManagedARN(arn) {
		return "iam.ptype.customer"
	}
	if p, ok := catalog.LookupManagedPolicy(arn); ok && p.JobFunction {
		return "iam.ptype.job"
	}
	return "iam.ptype.aws"
}

// pickerNode is a searchable, filterable policy list with checkboxes
// named prefix+policy name; skip names policies not offered.
func pickerNode(m core.Model, c i18n.Catalog, list, prefix, filterField, typeField, labelID string, skip map[string]bool) ui.Node {
	a := iamAccount(m)
	filter, ptype := m.Field(filterField), m.Field(typeField)
	var rows []row
	for _, p := range allPolicies(a) {
		if skip[p.arn] || !matches(p.name, filter) || (ptype != "" && ptype != p.kind) {
			continue
		}
		id := strings.ReplaceAll(list+"-"+p.name, ".", "-")
		rows = append(rows, row{
			cells: cells(labelCell(p.name, id, id+"-l"), textCell(c.T(p.typeKey)), dataCell(strconv.Itoa(a.AttachmentCount(p.arn))), dataCell(p.desc)),
			keys:  strs("name", p.name, "type", c.T(p.typeKey), "att", pad(a.AttachmentCount(p.arn))),
			sel:   selBox("checkbox", id, prefix+p.name, "true", m.Field(prefix+p.name) == "true", id+"-l"),
		})
	}
	cols := []col{{"name", c.T("iam.col.policyName")}, {"type", c.T("iam.col.type")}, {"att", c.T("iam.col.attached")}, {"", c.T("iam.col.description")}}
	var types []ui.Vals
	for _, t := range [][2]string{{"", "iam.ptype.all"}, {"aws", "iam.ptype.aws"}, {"customer", "iam.ptype.customer"}, {"job", "iam.ptype.job"}} {
		types = append(types, vals("v", t[0], "k", t[1], "?on", onText(t[0] == ptype)))
	}
	return policyPicker.Root(c, ui.Vals{{K: "pfName", S: filterField}, {K: "pfilter", S: filter}, {K: "ptName", S: typeField},
		{K: "ptID", S: strings.ReplaceAll(typeField, ".", "-")}, {K: "ptypes", L: types},
		{K: "ptable", N: renderTable(m, c, list, labelID, cols, rows, "name", false, true, "iam.policies.none")}})
}

func cuPermissionsView(m core.Model, c i18n.Catalog) ui.Node {
	a := iamAccount(m)
	perm := permChoice(m)
	v := vals("?perm.group", onText(perm == "group"), "?perm.copy", onText(perm == "copy"), "?perm.attach", onText(perm == "attach"), "groupCount", strconv.Itoa(len(a.Groups)), "userCount", strconv.Itoa(len(a.Users)), "policyCount", strconv.Itoa(len(allPolicies(a))), "gfilter", m.Field(fieldCUGFilter))
	switch perm {
	case "group":
		var rows []row
		for _, g := range a.Groups {
			if !matches(g.Name, m.Field(fieldCUGFilter)) {
				continue
			}
			id := "cu-g-" + g.Name
			var pols []string
			for _, arn := range g.Attached {
				pols = append(pols, policyName(arn))
			}
			rows = append(rows, row{
				cells: cells(labelCell(g.Name, id, id+"-l"), dataCell(strconv.Itoa(len(a.Members(g.Name)))), dataCell(strings.Join(pols, ", ")), textCell(age(c, g.CreatedAt, m.Now))),
				keys:  strs("name", g.Name),
				sel:   selBox("checkbox", id, cuGroupPrefix+g.Name, "true", m.Field(cuGroupPrefix+g.Name) == "true", id+"-l"),
			})
		}
		cols := []col{{"name", c.T("iam.col.groupName")}, {"", c.T("iam.col.users")}, {"", c.T("iam.col.attachedPolicies")}, {"", c.T("iam.col.created")}}
		v = append(v, ui.V{K: "gtable", N: renderTable(m, c, "cug", "iam-cu-groups", cols, rows, "name", false, true, "iam.groups.none")})
	case "copy":
		var rows []row
		for _, u := range a.Users {
			id := "cu-u-" + u.Name
			var gs []string
			gs = append(gs, u.Groups...)
			var pols []string
			for _, arn := range u.Attached {
				pols = append(pols, policyName(arn))
			}
			rows = append(rows, row{
				cells: cells(labelCell(u.Name, id, id+"-l"), dataCell(strings.Join(gs, ", ")), dataCell(strings.Join(pols, ", "))),
				keys:  strs("name", u.Name),
				sel:   selBox("radio", id, fieldCUCopy, u.Name, m.Field(fieldCUCopy) == u.Name, id+"-l"),
			})
		}
		cols := []col{{"name", c.T("iam.col.userName")}, {"", c.T("iam.col.groups")}, {"", c.T("iam.col.attachedPolicies")}}
		v = append(v, ui.V{K: "utable", N: renderTable(m, c, "cuu", "iam-cu-users", cols, rows, "name", false, true, "iam.users.empty")})
	case "attach":
		v = append(v, ui.V{K: "picker", N: []ui.Node{pickerNode(m, c, "cup", cuPolicyPrefix, fieldCUPFilter, fieldCUPType, "iam-cu-policies", nil)}})
	}
	if m.IAM.Dialog == "createGroup" {
		v = append(v, ui.V{K: "dialog", N: []ui.Node{newGroupDialog(m, c)}}, ui.V{K: "modal", B: true})
	}
	return cuPermissions.Root(c, v)
}

// cuPlan is what the wizard will create: groups and policies chosen, or
// copied from another user.
type cuPlan struct {
	groups, policies []string
}

func cuChosen(m core.Model) cuPlan {
	a := iamAccount(m)
	var p cuPlan
	switch permChoice(m) {
	case "group":
		for _, g := range a.Groups {
			if m.Field(cuGroupPrefix+g.Name) == "true" {
				p.groups = append(p.groups, g.Name)
			}
		}
	case "copy":
		if u, ok := a.User(m.Field(fieldCUCopy)); ok {
			p.groups = append(p.groups, u.Groups...)
			p.policies = append(p.policies, u.Attached...)
		}
	case "attach":
		for _, e := range allPolicies(a) {
			if m.Field(cuPolicyPrefix+e.name) == "true" {
				p.policies = append(p.policies, e.arn)
			}
		}
	}
	return p
}

// tagCount is how many tag rows the review step shows.
func tagCount(m core.Model) int {
	n, _ := strconv.Atoi(m.Field(fieldCUTags))
	return min(max(n, 0), iam.MaxTagsPerEntity)
}

func cuReviewView(m core.Model, c i18n.Catalog) ui.Node {
	console := checked(m, fieldCUConsole, false)
	pwType, reset := "iam.cu.noConsole", "iam.no"
	if console {
		pwType = "iam.cu.pwAuto"
		if m.Field(fieldCUPwType) == "custom" {
			pwType = "iam.cu.pwCustom"
		}
		if checked(m, fieldCUChange, true) {
			reset = "iam.yes"
		}
	}
	plan := cuChosen(m)
	var rows []row
	for _, g := range plan.groups {
		rows = append(rows, row{cells: cells(dataCell(g), textCell(c.T("iam.ptype.group")), textCell(c.T("iam.usedAs.group"))), keys: strs("name", g)})
	}
	arns := plan.policies
	if console && checked(m, fieldCUChange, true) && !iamAccount(m).PasswordPolicy.UsersMayChangeOwn() {
		arns = append([]string{sim.ChangePasswordPolicyARN}, arns...)
	}
	for _, arn := range arns {
		rows = append(rows, row{cells: cells(dataCell(policyName(arn)), textCell(c.T(policyTypeKey(arn))), textCell(c.T("iam.usedAs.policy"))), keys: strs("name", policyName(arn))})
	}
	cols := []col{{"", c.T("iam.col.name")}, {"", c.T("iam.col.type")}, {"", c.T("iam.col.usedAs")}}
	var tags []ui.Vals
	for i := range tagCount(m) {
		n := strconv.Itoa(i)
		kname, vname := "iam.cu.tagk."+n, "iam.cu.tagv."+n
		tv := vals("kid", "iam-cu-tagk-"+n, "vid", "iam-cu-tagv-"+n, "kname", kname, "vname", vname, "kv", m.Field(kname), "vv", m.Field(vname), "i", n, "removeLabel", c.T("iam.tags.removeN", "n", strconv.Itoa(i+1)))
		if e := errText(m, c, kname); e != "" {
			tv = append(tv, vals("?kerr", "1", "kerrText", e, "kdesc", "iam-cu-tagk-"+n+"-error")...)
		}
		if e := errText(m, c, vname); e != "" {
			tv = append(tv, vals("?verr", "1", "verrText", e, "vdesc", "iam-cu-tagv-"+n+"-error")...)
		}
		tags = append(tags, tv)
	}
	return cuReview.Root(c, ui.Vals{{K: "name", S: m.Field(fieldCUName)}, {K: "pwType", S: pwType}, {K: "reset", S: reset},
		{K: "summary", N: renderTable(m, c, "cus", "iam-cu-summary", cols, rows, "", false, false, "iam.cu.noPerms")},
		{K: "tags", L: tags}, {K: "noTags", B: len(tags) == 0}})
}

func cuPasswordView(m core.Model, c i18n.Catalog) ui.Node {
	acct, _ := m.Account()
	s := m.IAM.Secret
	user := s.User
	if user == "" {
		user = m.Field(fieldCUCreated)
	}
	u, exists := acct.IAM.User(user)
	has := s.Password != "" && s.User != ""
	show := "iam.show"
	if s.Shown {
		show = "iam.hide"
	}
	return cuPassword.Root(c, vals("?has", onText(has), "?shown", onText(s.Shown), "password", s.Password, "stars", "********", "showKey", show, "url", SigninURL(acct), "user", user, "?canReset", onText(exists && u.Login.Enabled())))
}
