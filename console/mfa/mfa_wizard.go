package mfa

import (
	"labsim/console/core"
	"strconv"

	"labsim/console/i18n"
	"labsim/console/ui"
)

// mfaWizardView renders the Activate MFA wizard of the textbook's console
// generation: choose the device type, set up the virtual device, done.
func mfaWizardView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	var body ui.Node
	acct, _ := m.Account()
	switch {
	case r.Rest == "done":
		body = mfaDoneStep(m, c)
	case len(acct.RootMFA) > 0:
		body = ui.El("div", ui.Class("container"),
			ui.El("p", ui.Text(c.T("mfa.already"))),
			ui.El("a", ui.A("href", hashCredentials), ui.Text(c.T("mfa.backToCredentials"))))
	case r.Rest == "virtual":
		body = mfaSetupStep(m, c)
	default:
		body = mfaTypeStep(m, c)
	}
	return ui.El("section", ui.Class("page", "mfa-page", "mfa-wizard"),
		mfaBreadcrumbs(c, ui.Text(c.T("mfa.title")), [2]string{hashCredentials, "cred.title"}),
		core.Heading(ui.Text(c.T("mfa.title"))),
		body)
}

// mfaTypeStep is the choice among the three device types.
func mfaTypeStep(m core.Model, c i18n.Catalog) ui.Node {
	chosen := m.Field(fieldMFAType)
	if chosen == "" {
		chosen = mfaTypeVirtual
	}
	errText := m.MFAErrTextOf(c, fieldMFAType)
	option := func(value, key string) ui.Node {
		id := "mfa-type-" + value
		attrs := []any{ui.ID(id), ui.A("type", "radio"), ui.A("name", fieldMFAType), ui.A("value", value),
			ui.A("aria-describedby", id+"-desc")}
		if value == chosen {
			attrs = append(attrs, ui.A("checked", ""))
		}
		return ui.El("div", ui.Class("mfa-radio"),
			ui.El("input", attrs...),
			ui.El("div",
				ui.El("label", ui.A("for", id), ui.Class("radio-label"), ui.Text(c.T(key))),
				ui.El("p", ui.ID(id+"-desc"), ui.Class("radio-desc"), ui.Text(c.T(key+".desc")))))
	}
	fieldsetAttrs := []any{ui.Class("mfa-radio-group")}
	var errNode ui.Node
	if errText != "" {
		fieldsetAttrs = append(fieldsetAttrs, ui.A("aria-invalid", "true"), ui.A("aria-describedby", "mfa-type-error"))
		errNode = ui.El("p", ui.ID("mfa-type-error"), ui.Class("field-error"), ui.A("role", "alert"), ui.Text(errText))
	}
	return ui.El("form", ui.Class("container"), ui.A("data-form", "mfa.type"), ui.A("novalidate", ""),
		ui.El("fieldset", append(fieldsetAttrs,
			ui.El("legend", ui.Class("field-label"), ui.Text(c.T("mfa.type.legend"))),
			option(mfaTypeVirtual, "mfa.type.virtual"),
			option(mfaTypeU2F, "mfa.type.u2f"),
			option(mfaTypeHardware, "mfa.type.hardware"),
			errNode)...),
		ui.El("p", ui.Class("mfa-note"), ui.Text(c.T("mfa.type.more"))),
		ui.El("div", ui.Class("form-actions"),
			core.Button(c, "mfa.cancel", "mfa.cancel", "", ui.Class("btn", "btn-link")),
			core.SubmitButton(c, "mfa.continue")))
}

// mfaSetupStep shows how to add the device to an app, the QR code or the
// secret key, and the two code fields.
func mfaSetupStep(m core.Model, c i18n.Catalog) ui.Node {
	secret, ok := m.MFAPendingSecret()
	if !ok {
		return ui.El("div", ui.Class("container"),
			ui.El("p", ui.Text(c.T("mfa.setup.expired"))),
			core.Button(c, "mfa.setup.restart", "mfa.start", "", ui.Class("btn", "btn-primary")))
	}
	acct, _ := m.Account()
	var qr ui.Node
	if m.MFA.ShowQR && core.IsPNGDataURL(m.MFA.QR.DataURL) {
		side := strconv.Itoa(m.MFA.QR.Side)
		qr = ui.El("img", ui.ID("mfa-qr"), ui.Class("mfa-qr"), ui.A("src", m.MFA.QR.DataURL), ui.A("width", side), ui.A("height", side),
			ui.A("alt", c.T("mfa.setup.qrAlt", "account", core.AccountLabel(acct))))
	} else {
		qr = ui.El("div", ui.Class("mfa-qr-placeholder"),
			core.Button(c, "mfa.setup.showQR", "mfa.showQR", "", ui.Class("btn", "btn-normal")))
	}
	var key ui.Node
	if m.MFA.ShowSecret {
		key = ui.El("div", ui.Class("mfa-key"),
			ui.El("p", ui.ID("mfa-key-label"), ui.Class("field-label"), ui.Text(c.T("mfa.setup.keyLabel"))),
			ui.El("p", ui.ID("mfa-key"), ui.Class("mono", "mfa-key-value"), ui.A("aria-labelledby", "mfa-key-label"), ui.Data(secret.Base32())),
			ui.El("p", ui.Class("mfa-note"), ui.Text(c.T("mfa.setup.keyNote"))))
	} else {
		key = core.Button(c, "mfa.setup.showKey", "mfa.showKey", "", ui.Class("btn", "btn-link"))
	}
	codesErr := m.MFAErrTextOf(c, fieldMFACodes)
	shared := ""
	var codesErrNode, hint ui.Node
	if codesErr != "" {
		shared = "mfa-codes-error"
		codesErrNode = ui.El("p", ui.ID("mfa-codes-error"), ui.Class("field-error"), ui.A("role", "alert"), ui.Text(codesErr))
		if k := core.MFAHintKey(m.MFAErr(fieldMFACodes)); k != "" {
			hint = ui.El("p", ui.Class("mfa-note"), ui.Text(c.T(k)))
		}
	}
	return ui.El("form", ui.Class("container", "mfa-setup"), ui.A("data-form", "mfa.assign"), ui.A("novalidate", ""),
		ui.El("h2", ui.Text(c.T("mfa.setup.title"))),
		ui.El("ol", ui.Class("mfa-steps"),
			ui.El("li",
				ui.El("p", ui.Text(c.T("mfa.setup.step1"))),
				ui.El("p", ui.Class("mfa-note"), ui.Text(c.T("mfa.setup.apps"))),
				ui.El("p", ui.Class("mfa-note"), ui.Text(c.T("mfa.setup.noPhone")))),
			ui.El("li",
				ui.El("p", ui.Text(c.T("mfa.setup.step2"))),
				qr,
				ui.El("p", ui.Text(c.T("mfa.setup.orKey"))),
				key),
			ui.El("li",
				ui.El("p", ui.Text(c.T("mfa.setup.step3"))),
				ui.El("p", ui.Class("mfa-note"), ui.Text(c.T("mfa.setup.step3.hint"))),
				ui.El("div", ui.Class("code-pair"),
					core.TextField(c, core.FormField{ID: "mfa-code1", Name: fieldMFACode1, LabelKey: "mfa.setup.code1", Code: true,
						Value: m.Field(fieldMFACode1), Err: m.MFAErrTextOf(c, fieldMFACode1), Shared: shared}),
					core.TextField(c, core.FormField{ID: "mfa-code2", Name: fieldMFACode2, LabelKey: "mfa.setup.code2", Code: true,
						Value: m.Field(fieldMFACode2), Err: m.MFAErrTextOf(c, fieldMFACode2), Shared: shared})),
				codesErrNode,
				hint)),
		ui.El("div", ui.Class("form-actions"),
			core.Button(c, "mfa.cancel", "mfa.cancel", "", ui.Class("btn", "btn-link")),
			core.Button(c, "mfa.previous", "mfa.previous", "", ui.Class("btn", "btn-normal")),
			core.SubmitButton(c, "mfa.setup.assign")))
}

// mfaDoneStep confirms the assignment.
func mfaDoneStep(m core.Model, c i18n.Catalog) ui.Node {
	if _, ok := mfaRootDevice(m, ""); !ok {
		return ui.El("div", ui.Class("container"),
			ui.El("p", ui.Text(c.T("mfa.done.missing"))),
			ui.El("a", ui.A("href", hashCredentials), ui.Text(c.T("mfa.backToCredentials"))))
	}
	return ui.El("div", ui.Class("container"),
		ui.El("h2", ui.Text(c.T("mfa.setup.title"))),
		ui.El("div", ui.Class("alert", "alert-success"), ui.A("role", "status"),
			ui.El("p", ui.Text(c.T("mfa.done.text")))),
		ui.El("p", ui.Text(c.T("mfa.done.next"))),
		ui.El("div", ui.Class("form-actions"),
			core.Button(c, "mfa.close", "mfa.close", "", ui.Class("btn", "btn-primary"))))
}
