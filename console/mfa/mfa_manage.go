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

// mfaManageDialog is Manage for an assigned device, as a dialog over the
// page: remove it (after a confirmation) or resync it with two
// consecutive codes.
func mfaManageDialog(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	d, ok := mfaRootDevice(m, m.Field(fieldMFASerial))
	if !ok {
		d, ok = mfaRootDevice(m, "")
	}
	switch {
	case !ok:
		return dialog(c, c.T("mfa.title"), "mfa.manageClose", notice.Root(c, ui.Vals{{K: "text", S: "mfa.done.missing"}}))
	case r.Rest == "resync":
		return dialog(c, c.T("mfa.resync.title"), "mfa.manageClose", mfaResyncForm(m, c))
	}
	return dialog(c, c.T("mfa.title"), "mfa.manageClose", manageBody.Root(c, ui.Vals{{K: "confirm", B: m.Confirm == confirmMFARemove}, {K: "serial", S: d.Serial},
		{K: "assigned", S: d.EnabledAt.UTC().Format("2006-01-02 15:04 UTC")}}))
}

// manageBody is Manage for an assigned device: its serial and date, and
// Remove (after a confirmation) or Resync.
var manageBody = ui.Lazy(`
<div class="mfa-dialog-body">
	<p>{t mfa.manage.intro}</p>
	<dl class="kv">
		<dt>{t cred.mfa.serial}</dt>
		<dd class="mono">{d serial}</dd>
		<dt>{t cred.mfa.assignedOn}</dt>
		<dd>{d assigned}</dd>
	</dl>
	<div if="confirm" class="confirm" role="alertdialog" aria-labelledby="mfa-remove-text">
		<p id="mfa-remove-text" tabindex="-1">{t mfa.manage.removeConfirm name=$serial}</p>
		<button type="button" data-action="mfa.removeYes" class="btn btn-danger">{t mfa.manage.removeYes}</button>
		<button type="button" data-action="mfa.removeCancel" class="btn btn-link">{t mfa.cancel}</button>
	</div>
	<div if="!confirm" class="form-actions mfa-start">
		<button type="button" data-action="mfa.remove" id="mfa-remove-btn" class="btn btn-danger" aria-label="%mfa.manage.removeLabel">{t mfa.manage.remove}</button>
		<button type="button" data-action="mfa.resync" class="btn btn-normal" aria-label="%mfa.manage.resyncLabel">{t mfa.manage.resync}</button>
		<button type="button" data-action="mfa.manageClose" class="btn btn-link">{t mfa.cancel}</button>
	</div>
</div>
`)

// resyncForm asks for two consecutive codes.
var resyncForm = ui.Lazy(`
<form class="mfa-dialog-body" data-form="mfa.resync" novalidate>
	<p>{t mfa.resync.intro}</p>
	<div class="code-pair">{slot codes}</div>
	<p if="codesErr" id="mfa-codes-error" class="field-error" role="alert">{t =codesErr}</p>
	<div class="form-actions">
		<a href="#/security-credentials/manage" class="btn btn-link">{t mfa.cancel}</a>
		<button type="submit" class="btn btn-primary">{t mfa.resync.submit}</button>
	</div>
</form>`)

// mfaResyncForm computes the resync form's view-model.
func mfaResyncForm(m core.Model, c i18n.Catalog) ui.Node {
	codesErr := m.MFAErrTextOf(c, fieldMFACodes)
	shared := ""
	if codesErr != "" {
		shared = "mfa-codes-error"
	}
	return resyncForm.Root(c, ui.Vals{{K: "codesErr", B: codesErr != "", S: codesErr}, {K: "codes", N: []ui.Node{
		core.TextField(c, core.FormField{ID: "mfa-code1", Name: fieldMFACode1, LabelKey: "mfa.setup.code1", Code: true,
			Value: m.Field(fieldMFACode1), Err: m.MFAErrTextOf(c, fieldMFACode1), Shared: shared}),
		core.TextField(c, core.FormField{ID: "mfa-code2", Name: fieldMFACode2, LabelKey: "mfa.setup.code2", Code: true,
			Value: m.Field(fieldMFACode2), Err: m.MFAErrTextOf(c, fieldMFACode2), Shared: shared})}}})
}
