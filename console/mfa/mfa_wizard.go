package mfa

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// mfaWizardView renders the Activate MFA wizard of the textbook's console
// generation: choose the device type, set up the virtual device, done.
func mfaWizardView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	var body ui.Node
	switch {
	case r.Rest == "done":
		body = mfaDoneStep(m, c)
	case len(myDevices(m)) > 0:
		body = notice.Root(c, ui.Vals{{K: "text", S: "mfa.already"}})
	case r.Rest == "virtual":
		body = mfaSetupStep(m, c)
	default:
		body = mfaTypeStep(m, c)
	}
	return mfaFrame.Root(c, ui.Vals{{K: "class", S: "page mfa-page mfa-wizard"}, {K: "body", N: []ui.Node{body}}})
}

// typeStep is the choice among the three device types.
var typeStep = ui.Lazy(`
<form class="container" data-form="mfa.type" novalidate>
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
func mfaTypeStep(m core.Model, c i18n.Catalog) ui.Node {
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
	return typeStep.Root(c, ui.Vals{{K: "err", B: errText != "", S: errText}, {K: "options", L: []ui.Vals{
		option(mfaTypeVirtual, "mfa.type.virtual"), option(mfaTypeU2F, "mfa.type.u2f"), option(mfaTypeHardware, "mfa.type.hardware")}}})
}

// setupStep shows how to add the device to an app, the QR code or the
// secret key, and the two code fields.
var setupStep = ui.Lazy(`
<form class="container mfa-setup" data-form="mfa.assign" novalidate>
	<h2>{t mfa.setup.title}</h2>
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
		return ui.El("div", ui.Class("container"),
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
var notice = ui.Lazy(`<div class="container"><p>{t $text}</p><a href="#/security-credentials">{t mfa.backToCredentials}</a></div>`)

// doneStep confirms the assignment.
var doneStep = ui.Lazy(`
<div class="container">
	<h2>{t mfa.setup.title}</h2>
	<div class="alert alert-success" role="status"><p>{t mfa.done.text}</p></div>
	<p>{t mfa.done.next}</p>
	<div class="form-actions"><button type="button" data-action="mfa.close" class="btn btn-primary">{t mfa.close}</button></div>
</div>`)

// mfaDoneStep confirms the assignment.
func mfaDoneStep(m core.Model, c i18n.Catalog) ui.Node {
	if _, ok := mfaRootDevice(m, ""); !ok {
		return notice.Root(c, ui.Vals{{K: "text", S: "mfa.done.missing"}})
	}
	return doneStep.Root(c, nil)
}
