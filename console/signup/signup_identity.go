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

// suCaptcha is the security check: the picture the simulator drew, a
// refresh button, and the same characters as text for those who cannot
// read the picture.
func suCaptcha(f core.AuthForm, c i18n.Catalog) ui.Node {
	m := f.M
	img := m.Field(fieldSUCaptchaImage)
	drawn := core.IsPNGDataURL(img)
	// Without a picture (none drawn, or saved data that is not a PNG data
	// URL) the characters show as text.
	show := m.Field(fieldSUCaptchaShow) == "true" || !drawn
	var picture ui.Node
	if drawn {
		picture = ui.El("img", ui.ID("signup-captcha-img"), ui.Class("captcha-img"), ui.A("src", img),
			ui.A("width", "200"), ui.A("height", "70"), ui.A("alt", c.T("signup.captcha.alt")))
	}
	var text ui.Node
	if show {
		text = ui.El("p", ui.ID("signup-captcha-text"), ui.Class("captcha-text"),
			ui.Text(c.T("signup.captcha.textLabel")), ui.Data(" "),
			ui.El("strong", ui.Class("mono"), ui.A("lang", "en"), ui.Data(spaced(m.Field(fieldSUCaptchaText)))))
	}
	toggle := "signup.captcha.showText"
	if show {
		toggle = "signup.captcha.hideText"
	}
	return ui.El("fieldset", ui.Class("form-field", "captcha"),
		ui.El("legend", ui.Class("field-label"), ui.Text(c.T("signup.captcha"))),
		ui.El("div", ui.Class("captcha-row"),
			picture,
			core.Button(c, "signup.captcha.refresh", "signup.captcha.refresh", "", ui.Class("btn", "btn-normal", "btn-icon"))),
		ui.If(drawn, core.Button(c, toggle, "signup.captcha.text", "", ui.Class("btn", "btn-link"), ui.A("aria-pressed", core.BoolAttr(show)),
			ui.A("aria-controls", "signup-captcha-text"))),
		text,
		f.Input(fieldSUCaptcha, "signup.captcha.answer", "", "text", "off",
			ui.A("autocapitalize", "off"), ui.A("spellcheck", "false")))
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

// suPhoneActions are the buttons below a sent code: open the phone, send
// again, change the number.
func suPhoneActions(c i18n.Catalog, resendKey string) ui.Node {
	return ui.El("div", ui.Class("inline-actions"),
		core.Button(c, "signup.step4.openPhone", "devices.open", "phone", ui.Class("btn", "btn-normal")),
		core.Button(c, resendKey, "signup.resend", "", ui.Class("btn", "btn-link")),
		core.Button(c, "signup.step4.change", "signup.change", "", ui.Class("btn", "btn-link")))
}

// suVerifySMS asks for the code sent to the virtual phone.
func suVerifySMS(f core.AuthForm, c i18n.Catalog, item sim.PhoneItem) ui.Node {
	return ui.El("div",
		ui.El("p", ui.A("role", "status"), ui.Text(c.T("signup.step4.smsSent", "number", item.To))),
		suPhoneActions(c, "signup.step4.resendSMS"),
		ui.El("form", ui.A("data-form", "signup.verify"), ui.A("novalidate", ""), ui.A("aria-label", c.T("signup.step4.verifyTitle")),
			f.Input(fieldSUCode, "signup.code", "signup.code.hint", "text", "one-time-code", ui.A("inputmode", "numeric")),
			ui.El("div", ui.Class("form-actions"), f.Submit("signup.step4.continue", "", false))))
}

// suVoiceCall shows the PIN to type on the virtual phone's keypad and the
// call's outcome.
func suVoiceCall(f core.AuthForm, c i18n.Catalog, item sim.PhoneItem) ui.Node {
	var state ui.Node
	switch item.Args["status"] {
	case sim.CallVerified:
		state = ui.El("div",
			ui.El("p", ui.Class("success-note"), ui.A("role", "status"), ui.Text(c.T("signup.step4.voiceOK"))),
			f.ErrorBox(fieldSUCode),
			ui.El("div", ui.Class("form-actions"),
				core.Button(c, "signup.step4.continue", "signup.voice.continue", "", ui.Class("btn", "btn-primary")),
				core.Button(c, "signup.step4.change", "signup.change", "", ui.Class("btn", "btn-link"))))
	case sim.CallFailed, sim.CallDeclined:
		key := "signup.step4.voiceWrong"
		if item.Args["status"] == sim.CallDeclined {
			key = "signup.step4.voiceDeclined"
		}
		state = ui.El("div",
			ui.El("p", ui.ID(core.AuthID(fieldSUCode)+"-error"), ui.Class("field-error"), ui.A("role", "alert"), ui.A("tabindex", "-1"),
				ui.Text(c.T(key))),
			suPhoneActions(c, "signup.step4.callAgain"))
	default:
		state = ui.El("div",
			ui.El("p", ui.A("role", "status"), ui.Text(c.T("signup.step4.waiting"))),
			suPhoneActions(c, "signup.step4.callAgain"),
			f.ErrorBox(fieldSUCode))
	}
	return ui.El("div", ui.Class("voice-call"),
		ui.El("p", ui.Text(c.T("signup.step4.voiceCalling", "number", item.To))),
		ui.El("p", ui.Text(c.T("signup.step4.pinLabel"))),
		ui.El("p", ui.ID("signup-pin"), ui.Class("pin"), ui.A("tabindex", "-1"), ui.A("aria-label", c.T("signup.step4.pinAria", "pin", spaced(item.Args["pin"]))),
			ui.Data(item.Args["pin"])),
		state)
}
