package signup

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
)

// suStep4 is page 4, confirm your identity: first the phone number and the
// security check, then the code from the virtual phone (SMS) or the PIN to
// type on it (voice call).
func suStep4(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, suStep4Fields)
	var body ui.Node
	if item, ok := suItem(m, fieldSUSMSItem); ok {
		body = suVerifySMS(f, c, item)
	} else if item, ok := suItem(m, fieldSUCallItem); ok {
		body = suVoiceCall(f, c, item)
	} else {
		body = suPhoneForm(f, c)
	}
	return ui.El("div",
		ui.El("h2", ui.Text(c.T("signup.step4.title"))),
		ui.El("p", ui.Text(c.T("signup.step4.intro"))),
		core.AuthInfo(m, c),
		body)
}

// suPhoneForm asks how to send the code, the number and the security
// check.
func suPhoneForm(f core.AuthForm, c i18n.Catalog) ui.Node {
	m := f.M
	method := m.Field(fieldSUMethod)
	if method == "" {
		method = account.MethodSMS
	}
	fm := f
	fm.M = setFields(m, fieldSUMethod, method)
	submitKey := "signup.step4.sendSMS"
	if method == account.MethodVoice {
		submitKey = "signup.step4.call"
	}
	return ui.El("form", ui.A("data-form", "signup.step4"), ui.A("novalidate", ""), ui.A("aria-label", c.T("signup.step4.title")),
		f.ErrorBox(fieldSUCode),
		fm.Radios(fieldSUMethod, "signup.method", []core.Option{
			{Value: account.MethodSMS, Label: ui.Text(c.T("signup.method.sms"))},
			{Value: account.MethodVoice, Label: ui.Text(c.T("signup.method.voice"))},
		}, nil),
		f.SelectField(fieldSUPhoneCountry, "signup.phoneCountry", "", "signup.phoneCountry.placeholder", countryOptions(c, true)),
		f.Input(fieldSUMobile, "signup.mobile", "", "tel", "tel-national"),
		suCaptcha(f, c),
		ui.El("div", ui.Class("form-actions"), f.Submit(submitKey, "", false)))
}

// captchaTpl is the security check: the picture the simulator drew, a
// new picture, the characters as text (always when there is no picture)
// and the answer.
var captchaTpl = ui.Lazy(`
<fieldset class="form-field captcha">
	<legend class="field-label">{t signup.captcha}</legend>
	<div class="captcha-row">
		<img if="drawn" id="signup-captcha-img" class="captcha-img" src="$img" width="200" height="70" alt="%signup.captcha.alt">
		<button type="button" data-action="signup.captcha.refresh" class="btn btn-normal btn-icon">{t signup.captcha.refresh}</button>
	</div>
	<button if="drawn" type="button" data-action="signup.captcha.text" class="btn btn-link" aria-pressed="$pressed" aria-controls="signup-captcha-text">{t $toggle}</button>
	<p if="show" id="signup-captcha-text" class="captcha-text">{t signup.captcha.textLabel}{" "}<strong class="mono" lang="en">{d text}</strong></p>
	{slot answer}
</fieldset>`)

// suCaptcha computes the security check's view-model. Without a picture
// (none drawn, or saved data that is not a PNG data URL) the characters
// show as text.
func suCaptcha(f core.AuthForm, c i18n.Catalog) ui.Node {
	m := f.M
	img := m.Field(fieldSUCaptchaImage)
	drawn := core.IsPNGDataURL(img)
	show := m.Field(fieldSUCaptchaShow) == "true" || !drawn
	toggle := "signup.captcha.showText"
	if show {
		toggle = "signup.captcha.hideText"
	}
	return captchaTpl.Root(c, ui.Vals{{K: "drawn", B: drawn}, {K: "img", S: img}, {K: "show", B: show}, {K: "pressed", S: core.BoolAttr(show)},
		{K: "toggle", S: toggle}, {K: "text", S: spaced(m.Field(fieldSUCaptchaText))},
		{K: "answer", N: []ui.Node{f.Input(fieldSUCaptcha, "signup.captcha.answer", "", "text", "off",
			ui.A("autocapitalize", "off"), ui.A("spellcheck", "false"))}}})
}

// spaced writes a captcha's characters apart, so that a screen reader
// spells them.
func spaced(s string) string {
	out := make([]rune, 0, 2*len(s))
	for i, r := range s {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, r)
	}
	return string(out)
}

// phoneTpl is page 4 once a code was sent or a call placed: the SMS code
// form, or the voice call's PIN and outcome; the phone actions (open the
// phone, send again, change the number) are in both.
var phoneTpl = ui.Lazy(`
<div>
	<div if="sms">
		<p role="status">{t signup.step4.smsSent number=$to}</p>
		<div class="inline-actions">
			<button type="button" data-action="devices.open" data-arg="phone" class="btn btn-normal">{t signup.step4.openPhone}</button>
			<button type="button" data-action="signup.resend" class="btn btn-link">{t signup.step4.resendSMS}</button>
			<button type="button" data-action="signup.change" class="btn btn-link">{t signup.step4.change}</button>
		</div>
		<form data-form="signup.verify" novalidate aria-label="%signup.step4.verifyTitle">
			{slot code}
			<div class="form-actions">{slot submit}</div>
		</form>
	</div>
	<div if="voice" class="voice-call">
		<p>{t signup.step4.voiceCalling number=$to}</p>
		<p>{t signup.step4.pinLabel}</p>
		<p id="signup-pin" class="pin" tabindex="-1" aria-label="$pinLabel">{d pin}</p>
		<div>
			<p if="verified" class="success-note" role="status">{t signup.step4.voiceOK}</p>
			<p if="failed" id="signup-verificationCode-error" class="field-error" role="alert" tabindex="-1">{t $failed}</p>
			<p if="waiting" role="status">{t signup.step4.waiting}</p>
			<_ if="verified">
				{slot error}
				<div class="form-actions">
					<button type="button" data-action="signup.voice.continue" class="btn btn-primary">{t signup.step4.continue}</button>
					<button type="button" data-action="signup.change" class="btn btn-link">{t signup.step4.change}</button>
				</div>
			</_>
			<div if="!verified" class="inline-actions">
				<button type="button" data-action="devices.open" data-arg="phone" class="btn btn-normal">{t signup.step4.openPhone}</button>
				<button type="button" data-action="signup.resend" class="btn btn-link">{t signup.step4.callAgain}</button>
				<button type="button" data-action="signup.change" class="btn btn-link">{t signup.step4.change}</button>
			</div>
			<_ if="waiting">{slot error}</_>
		</div>
	</div>
</div>`)

// suVerifySMS asks for the code sent to the virtual phone.
func suVerifySMS(f core.AuthForm, c i18n.Catalog, item sim.PhoneItem) ui.Node {
	return phoneTpl.Root(c, ui.Vals{{K: "sms", B: true}, {K: "to", S: item.To},
		{K: "code", N: []ui.Node{f.Input(fieldSUCode, "signup.code", "signup.code.hint", "text", "one-time-code", ui.A("inputmode", "numeric"))}},
		{K: "submit", N: []ui.Node{f.Submit("signup.step4.continue", "", false)}}}).Kids[0]
}

// suVoiceCall shows the PIN to type on the virtual phone's keypad and the
// call's outcome.
func suVoiceCall(f core.AuthForm, c i18n.Catalog, item sim.PhoneItem) ui.Node {
	v := ui.Vals{{K: "voice", B: true}, {K: "to", S: item.To}, {K: "pin", S: item.Args["pin"]},
		{K: "pinLabel", S: c.T("signup.step4.pinAria", "pin", spaced(item.Args["pin"]))},
		{K: "error", N: []ui.Node{f.ErrorBox(fieldSUCode)}}}
	switch item.Args["status"] {
	case sim.CallVerified:
		v = append(v, ui.V{K: "verified", B: true})
	case sim.CallFailed:
		v = append(v, ui.V{K: "failed", B: true, S: "signup.step4.voiceWrong"})
	case sim.CallDeclined:
		v = append(v, ui.V{K: "failed", B: true, S: "signup.step4.voiceDeclined"})
	default:
		v = append(v, ui.V{K: "waiting", B: true})
	}
	return phoneTpl.Root(c, v).Kids[0]
}
