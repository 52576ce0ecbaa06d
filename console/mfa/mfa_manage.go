package mfa

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// fieldMFASerial remembers which device Manage was chosen for, so that a
// reload stays on it.
const fieldMFASerial = "mfa.serial"

// confirmMFARemove is m.Confirm while removal waits for confirmation.
const confirmMFARemove = "mfa.remove"

// mfaRemoveBtnID is Manage's Remove button, where focus returns when the
// removal is cancelled or fails.
const mfaRemoveBtnID = "mfa-remove-btn"

// mfaManageView is Manage for an assigned device: remove it (after a
// confirmation) or resync it with two consecutive codes.
func mfaManageView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	d, ok := mfaRootDevice(m, m.Field(fieldMFASerial))
	if !ok {
		d, ok = mfaRootDevice(m, "")
	}
	var body ui.Node
	switch {
	case !ok:
		body = ui.El("div", ui.Class("container"),
			ui.El("p", ui.Text(c.T("mfa.done.missing"))),
			ui.El("a", ui.A("href", hashCredentials), ui.Text(c.T("mfa.backToCredentials"))))
	case r.Rest == "resync":
		body = mfaResyncForm(m, c)
	default:
		var choice ui.Node
		if m.Confirm == confirmMFARemove {
			choice = ui.El("div", ui.Class("confirm"), ui.A("role", "alertdialog"), ui.A("aria-labelledby", "mfa-remove-text"),
				ui.El("p", ui.ID("mfa-remove-text"), ui.A("tabindex", "-1"), ui.Text(c.T("mfa.manage.removeConfirm", "name", d.Serial))),
				core.Button(c, "mfa.manage.removeYes", "mfa.removeYes", "", ui.Class("btn", "btn-danger")),
				core.Button(c, "mfa.cancel", "mfa.removeCancel", "", ui.Class("btn", "btn-link")))
		} else {
			choice = ui.El("div", ui.Class("form-actions", "mfa-start"),
				core.Button(c, "mfa.manage.remove", "mfa.remove", "", ui.ID(mfaRemoveBtnID), ui.Class("btn", "btn-danger"),
					ui.A("aria-label", c.T("mfa.manage.removeLabel"))),
				core.Button(c, "mfa.manage.resync", "mfa.resync", "", ui.Class("btn", "btn-normal"),
					ui.A("aria-label", c.T("mfa.manage.resyncLabel"))),
				ui.El("a", ui.A("href", hashCredentials), ui.Class("btn", "btn-link"), ui.Text(c.T("mfa.cancel"))))
		}
		body = ui.El("div", ui.Class("container"),
			ui.El("p", ui.Text(c.T("mfa.manage.intro"))),
			ui.El("dl", ui.Class("kv"),
				ui.El("dt", ui.Text(c.T("cred.mfa.serial"))), ui.El("dd", ui.Class("mono"), ui.Data(d.Serial)),
				ui.El("dt", ui.Text(c.T("cred.mfa.assignedOn"))), ui.El("dd", ui.Data(d.EnabledAt.UTC().Format("2006-01-02 15:04 UTC")))),
			choice)
	}
	return ui.El("section", ui.Class("page", "mfa-page"),
		mfaBreadcrumbs(c, ui.Text(c.T("mfa.title")), [2]string{hashCredentials, "cred.title"}),
		core.Heading(ui.Text(c.T("mfa.title"))),
		body)
}

// mfaResyncForm asks for two consecutive codes.
func mfaResyncForm(m core.Model, c i18n.Catalog) ui.Node {
	codesErr := m.MFAErrTextOf(c, fieldMFACodes)
	shared := ""
	var codesErrNode ui.Node
	if codesErr != "" {
		shared = "mfa-codes-error"
		codesErrNode = ui.El("p", ui.ID("mfa-codes-error"), ui.Class("field-error"), ui.A("role", "alert"), ui.Text(codesErr))
	}
	return ui.El("form", ui.Class("container"), ui.A("data-form", "mfa.resync"), ui.A("novalidate", ""),
		ui.El("h2", ui.Text(c.T("mfa.resync.title"))),
		ui.El("p", ui.Text(c.T("mfa.resync.intro"))),
		ui.El("div", ui.Class("code-pair"),
			core.TextField(c, core.FormField{ID: "mfa-code1", Name: fieldMFACode1, LabelKey: "mfa.setup.code1", Code: true,
				Value: m.Field(fieldMFACode1), Err: m.MFAErrTextOf(c, fieldMFACode1), Shared: shared}),
			core.TextField(c, core.FormField{ID: "mfa-code2", Name: fieldMFACode2, LabelKey: "mfa.setup.code2", Code: true,
				Value: m.Field(fieldMFACode2), Err: m.MFAErrTextOf(c, fieldMFACode2), Shared: shared})),
		codesErrNode,
		ui.El("div", ui.Class("form-actions"),
			ui.El("a", ui.A("href", hashMFAManage), ui.Class("btn", "btn-link"), ui.Text(c.T("mfa.cancel"))),
			core.SubmitButton(c, "mfa.resync.submit")))
}
