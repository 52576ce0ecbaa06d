package mfa

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// mfaWizardDialog renders the student's own wizard of the textbook's
// console generation over My Security Credentials: choose the device type,
// set up the virtual device, done.
func mfaWizardDialog(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	w := own(m)
	if r.Rest != "done" && len(myDevices(m)) > 0 {
		return dialog(c, c.T("mfa.title"), "mfa.cancel", notice.Root(c, ui.Vals{{K: "text", S: "mfa.already"}}))
	}
	return wizardDialog(m, c, w, r.Rest)
}

// wizardDialog renders a step of the wizard for w in the dialog.
func wizardDialog(m core.Model, c i18n.Catalog, w who, step string) ui.Node {
	switch step {
	case "done":
		return dialog(c, c.T("mfa.setup.title"), "mfa.close", mfaDoneStep(m, c, w))
	case "virtual":
		return dialog(c, c.T("mfa.setup.title"), "mfa.cancel", mfaSetupStep(m, c))
	}
	title := c.T("mfa.title")
	if w.admin {
		title = c.T("mfa.admin.title", "name", w.user)
	}
	return dialog(c, title, "mfa.cancel", mfaTypeStep(m, c, w))
}

// typeStep is the choice among the three device types.
var typeStep = ui.Lazy(`
<form class="mfa-dialog-body" data-form="mfa.type" novalidate>
	<p if="admin">{t mfa.admin.intro name=$user}</p>
	<_ if="admin">{slot name}</_>
	<fieldset class="mfa-radio-group" aria-invalid="?err:true" aria-describedby="?err:mfa-type-error">
		<legend class="field-label">{t mfa.type.legend}</legend>
		<div each="options" class="mfa-radio">
			<input id="$id" type="radio" name="mfa.type" value="$value" aria-describedby="$descID" checked="?checked">
			<div>
				<label for="$id" class="radio-label">{t $key}</label>
				<p id="$descID" class="radio-desc">{t $descKey}</p>
			</div>
		</div>
		<p if="err" id="mfa-type-error" class="field-error" role="alert">{t =err}</p>
	</fieldset>
	<p class="mfa-note">{t mfa.type.more}</p>
	<div class="form-actions">
		<button type="button" data-action="mfa.cancel" class="btn btn-link">{t mfa.cancel}</button>
		<button type="submit" class="btn btn-primary">{t mfa.continue}</button>
	</div>
</form>
`)

// mfaTypeStep computes the type step's view-model.
func mfaTypeStep(m core.Model, c i18n.Catalog, w who) ui.Node {
	chosen := m.Field(fieldMFAType)
	if chosen == "" {
		chosen = mfaTypeVirtual
	}
	errText := m.MFAErrTextOf(c, fieldMFAType)
	option := func(value, key string) ui.Vals {
		id := "mfa-type-" + value
		return ui.Vals{{K: "id", S: id}, {K: "value", S: value}, {K: "descID", S: id + "-desc"}, {K: "checked", B: value == chosen},
			{K: "key", S: key}, {K: "descKey", S: key + ".desc"}}
	}
	v := ui.Vals{{K: "admin", B: w.admin}, {K: "user", S: w.user}}
	if w.admin {
		v = append(v, ui.V{K: "name", N: []ui.Node{core.TextField(c, core.FormField{ID: "mfa-device-name", Name: fieldAdminDevice,
			LabelKey: "mfa.admin.deviceName", Value: w.device, Err: m.MFAErrTextOf(c, fieldAdminDevice)})}})
	}
	return typeStep.Root(c, append(v, ui.V{K: "err", B: errText != "", S: errText}, ui.V{K: "options", L: []ui.Vals{
		option(mfaTypeVirtual, "mfa.type.virtual"), option(mfaTypeU2F, "mfa.type.u2f"), option(mfaTypeHardware, "mfa.type.hardware")}}))
}

// setupStep shows how to add the device to an app, the QR code or the
// secret key, and the two code fields.
var setupStep = ui.Lazy(`
<form class="mfa-dialog-body mfa-setup" data-form="mfa.assign" novalidate>
	<ol class="mfa-steps">
		<li>
			<p>{t mfa.setup.step1}</p>
			<p class="mfa-note">{t mfa.setup.apps}</p>
			<p class="mfa-note">{t mfa.setup.noPhone}</p>
		</li>
		<li>
			<p>{t mfa.setup.step2}</p>
			<img if="qr" id="mfa-qr" tabindex="-1" class="mfa-qr" src="$qr" width="$side" height="$side" alt="$qrAlt">
			<div if="!qr" class="mfa-qr-placeholder">
				<button type="button" data-action="mfa.showQR" class="btn btn-normal">{t mfa.setup.showQR}</button>
			</div>
			<p>{t mfa.setup.orKey}</p>
			<div if="key" class="mfa-key">
				<p id="mfa-key-label" class="field-label">{t mfa.setup.keyLabel}</p>
				<p id="mfa-key" tabindex="-1" class="mono mfa-key-value" aria-labelledby="mfa-key-label">{d key}</p>
				<p class="mfa-note">{t mfa.setup.keyNote}</p>
			</div>
			<button if="!key" type="button" data-action="mfa.showKey" class="btn btn-link">{t mfa.setup.showKey}</button>
		</li>
		<li>
			<p>{t mfa.setup.step3}</p>
			<p class="mfa-note">{t mfa.setup.step3.hint}</p>
			<div class="code-pair">
				{slot codes}
			</div>
			<p if="codesErr" id="mfa-codes-error" class="field-error" role="alert">{t =codesErr}</p>
			<p if="hint" class="mfa-note">{t $hint}</p>
		</li>
	</ol>
	<div class="form-actions">
		<button type="button" data-action="mfa.cancel" class="btn btn-link">{t mfa.cancel}</button>
		<button type="button" data-action="mfa.previous" class="btn btn-normal">{t mfa.previous}</button>
		<button type="submit" class="btn btn-primary">{t mfa.setup.assign}</button>
	</div>
</form>
`)

// mfaSetupStep computes the setup step's view-model.
func mfaSetupStep(m core.Model, c i18n.Catalog) ui.Node {
	secret, ok := m.MFAPendingSecret()
	if !ok {
		return ui.El("div", ui.Class("mfa-dialog-body"),
			ui.El("p", ui.Text(c.T("mfa.setup.expired"))),
			core.Button(c, "mfa.setup.restart", "mfa.start", "", ui.Class("btn", "btn-primary")))
	}
	acct, _ := m.Account()
	codesErr := m.MFAErrTextOf(c, fieldMFACodes)
	shared, hint := "", ""
	if codesErr != "" {
		shared = "mfa-codes-error"
		hint = core.MFAHintKey(m.MFAErr(fieldMFACodes))
	}
	return setupStep.Root(c, ui.Vals{
		{K: "qr", B: m.MFA.ShowQR && core.IsPNGDataURL(m.MFA.QR.DataURL), S: m.MFA.QR.DataURL},
		{K: "side", S: strconv.Itoa(m.MFA.QR.Side)},
		{K: "qrAlt", S: c.T("mfa.setup.qrAlt", "account", core.AccountLabel(acct))},
		{K: "key", B: m.MFA.ShowSecret, S: secret.Base32()},
		{K: "codesErr", B: codesErr != "", S: codesErr},
		{K: "hint", B: hint != "", S: hint},
		{K: "codes", N: []ui.Node{
			core.TextField(c, core.FormField{ID: "mfa-code1", Name: fieldMFACode1, LabelKey: "mfa.setup.code1", Code: true,
				Value: m.Field(fieldMFACode1), Err: m.MFAErrTextOf(c, fieldMFACode1), Shared: shared}),
			core.TextField(c, core.FormField{ID: "mfa-code2", Name: fieldMFACode2, LabelKey: "mfa.setup.code2", Code: true,
				Value: m.Field(fieldMFACode2), Err: m.MFAErrTextOf(c, fieldMFACode2), Shared: shared})}},
	})
}

// notice is a short note with the way back to My Security Credentials
// (the device is already assigned, or no longer there).
var notice = ui.Lazy(`<div class="mfa-dialog-body"><p>{t $text}</p><div class="form-actions"><button type="button" data-action="mfa.cancel" class="btn btn-primary">{t mfa.close}</button></div></div>`)

// doneStep confirms the assignment.
var doneStep = ui.Lazy(`
<div class="mfa-dialog-body">
	<div class="alert alert-success" role="status"><p>{t $text}</p></div>
	<p>{t =next}</p>
	<div class="form-actions"><button type="button" data-action="mfa.close" class="btn btn-primary">{t mfa.close}</button></div>
</div>`)

// mfaDoneStep confirms the assignment.
func mfaDoneStep(m core.Model, c i18n.Catalog, w who) ui.Node {
	if w.admin {
		return doneStep.Root(c, ui.Vals{{K: "text", S: "mfa.done.text"}, {K: "next", S: c.T("mfa.admin.doneNext", "name", w.user)}})
	}
	if _, ok := mfaRootDevice(m, ""); !ok {
		return notice.Root(c, ui.Vals{{K: "text", S: "mfa.done.missing"}})
	}
	return doneStep.Root(c, ui.Vals{{K: "text", S: "mfa.done.text"}, {K: "next", S: c.T("mfa.done.next")}})
}
