package consoletest

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/account"
)

// The flows below walk the sign-up, the sign-in and the MFA step of the
// sign-in the way a student does (by label, in English or Korean), for the
// tests of every area and the golden pages of the console.

// SuStart boots a console with a cheap password hash, like the browser
// does but with tests' cost.
func SuStart(t *testing.T, query map[string]string) console.Model {
	t.Helper()
	m, _ := console.Update(console.Model{}, console.Init{Now: T0, Seed: [32]byte{9}, Query: query, BrowserLang: "en-US",
		Storage: console.StorageStatus{Mode: "local"}, PasswordCost: 1000})
	return m
}

// SuType types a value into the control found by role and label.
func SuType(t *testing.T, m console.Model, role, label, value string) console.Model {
	t.Helper()
	n := Find(t, m, role, label)
	name, ok := n.Attr("name")
	require.True(t, ok, "%s %q has no name", role, label)
	return Send(m, console.Input{Now: m.Now, Field: name, Value: value})
}

// SuChoose selects an option of the select found by label, by the option's
// visible text.
func SuChoose(t *testing.T, m console.Model, label, optionText string) console.Model {
	t.Helper()
	sel := Find(t, m, "combobox", label)
	for _, o := range sel.Kids {
		if o.Tag == "option" && strings.TrimSpace(o.TextContent()) == optionText {
			v, _ := o.Attr("value")
			name, _ := sel.Attr("name")
			return Send(m, console.Input{Now: m.Now, Field: name, Value: v})
		}
	}
	t.Fatalf("select %q has no option %q", label, optionText)
	return m
}

// SuCheck ticks (or clears) the checkbox or radio found by role and label.
func SuCheck(t *testing.T, m console.Model, role, label string, on bool) console.Model {
	t.Helper()
	n := Find(t, m, role, label)
	name, _ := n.Attr("name")
	v, _ := n.Attr("value")
	if role == "checkbox" {
		v = core.BoolAttr(on)
	}
	return Send(m, console.Input{Now: m.Now, Field: name, Value: v})
}

// SuFormValues collects a form's values from the rendered view, as the
// browser's submit listener does.
func SuFormValues(form ui.Node) map[string]string {
	values := map[string]string{}
	form.Walk(func(n ui.Node) bool {
		name, ok := n.Attr("name")
		if !ok || n.Tag == "" {
			return true
		}
		switch n.Tag {
		case "input":
			typ, _ := n.Attr("type")
			switch typ {
			case "checkbox":
				values[name] = core.BoolAttr(n.Has("checked"))
			case "radio":
				if n.Has("checked") {
					values[name] = n.Attrs[SuAttrIndex(n, "value")].Val
				}
			default:
				v, _ := n.Attr("value")
				values[name] = v
			}
		case "select":
			v := ""
			first := true
			for _, o := range n.Kids {
				if o.Tag != "option" {
					continue
				}
				ov, _ := o.Attr("value")
				if first || o.Has("selected") {
					v = ov
				}
				if o.Has("selected") {
					break
				}
				first = false
			}
			values[name] = v
		case "textarea":
			values[name] = n.TextContent()
		}
		return true
	})
	return values
}

// SuAttrIndex returns the index of the attribute key of n, -1 when absent.
func SuAttrIndex(n ui.Node, key string) int {
	for i, a := range n.Attrs {
		if a.Key == key {
			return i
		}
	}
	return -1
}

// SuSubmitFx presses the submit button named name and delivers the form
// (and any Next work).
func SuSubmitFx(t *testing.T, m console.Model, name string) (console.Model, []console.Effect) {
	t.Helper()
	root := console.View(m)
	var form ui.Node
	found := false
	for _, f := range ui.FindAll(root, "form", "") {
		if _, ok := ui.Find(f, "button", name); ok {
			form, found = f, true
			break
		}
	}
	if !found {
		// Forms named by aria-labelledby have role form only with a name;
		// fall back to every <form> element.
		root.Walk(func(n ui.Node) bool {
			if n.Tag == "form" && !found {
				if _, ok := ui.Find(n, "button", name); ok {
					form, found = n, true
				}
			}
			return !found
		})
	}
	require.True(t, found, "no form with a button %q", name)
	btn, _ := ui.Find(form, "button", name)
	require.False(t, btn.Has("disabled"), "button %q is disabled", name)
	formName, _ := form.Attr("data-form")
	return Deliver(m, console.Submit{Now: m.Now, Form: formName, Values: SuFormValues(form)})
}

// SuSubmit is submitWith without the effects.
func SuSubmit(t *testing.T, m console.Model, name string) console.Model {
	t.Helper()
	m, _ = SuSubmitFx(t, m, name)
	return m
}

// SuErrorOf returns the error shown for the control found by role and
// label, checking that it is announced and linked to the control.
func SuErrorOf(t *testing.T, m console.Model, role, label string) string {
	t.Helper()
	root := console.View(m)
	n, ok := ui.Find(root, role, label)
	require.True(t, ok, "no %s %q", role, label)
	if role == "radio" {
		// Radio groups carry their error on the fieldset.
		name, _ := n.Attr("name")
		n, ok = ui.ByID(root, core.AuthID(name))
		require.True(t, ok)
	} else {
		require.Equal(t, "true", AttrOf(n, "aria-invalid"), "%s %q is not marked invalid", role, label)
	}
	ids, _ := n.Attr("aria-describedby")
	for _, id := range strings.Fields(ids) {
		if strings.HasSuffix(id, "-error") {
			e, ok := ui.ByID(root, id)
			require.True(t, ok)
			require.Equal(t, "alert", AttrOf(e, "role"))
			return strings.Join(strings.Fields(e.TextContent()), " ")
		}
	}
	t.Fatalf("%s %q has no error", role, label)
	return ""
}

// SuNoError fails when the control has an error.
func SuNoError(t *testing.T, m console.Model, role, label string) {
	t.Helper()
	n := Find(t, m, role, label)
	require.NotEqual(t, "true", AttrOf(n, "aria-invalid"), "%s %q is marked invalid", role, label)
}

// SuInLang returns the model in another language.
func SuInLang(m console.Model, l i18n.Lang) console.Model {
	m.UI.Lang = l
	return m
}

// suPage1 fills page 1 in English.
func SuFill1(t *testing.T, m console.Model, email string) console.Model {
	t.Helper()
	m = SuType(t, m, "textbox", "Email address", email)
	m = SuType(t, m, "textbox", "Password", SuPass)
	m = SuType(t, m, "textbox", "Confirm password", SuPass)
	return SuType(t, m, "textbox", "AWS account name", "my-lab")
}

// SuFill2 fills page 2 in English (personal, Korea).
func SuFill2(t *testing.T, m console.Model) console.Model {
	t.Helper()
	m = SuCheck(t, m, "radio", "Personal - for your own projects", true)
	m = SuType(t, m, "textbox", "Full Name", "Kim Minji")
	m = SuType(t, m, "textbox", "Phone Number", "+82 10-1234-5678")
	m = SuChoose(t, m, "Country or Region", "South Korea")
	m = SuType(t, m, "textbox", "Address", "1 Sejong-daero")
	m = SuType(t, m, "textbox", "City", "Seoul")
	m = SuType(t, m, "textbox", "Postal Code", "04524")
	return SuCheck(t, m, "checkbox", "I have read and agree to the terms of the AWS Customer Agreement.", true)
}

// SuFill3 fills page 3 with the test card.
func SuFill3(t *testing.T, m console.Model) console.Model {
	t.Helper()
	m = SuType(t, m, "textbox", "Credit or Debit card number", account.TestCardNumber)
	m = SuChoose(t, m, "Month", "12")
	m = SuChoose(t, m, "Year", "2028")
	return SuType(t, m, "textbox", "Cardholder's name", "Kim Minji")
}

// SuToStep drives a fresh console to the start of step n (1–5) in
// English.
func SuToStep(t *testing.T, n int) console.Model {
	t.Helper()
	m := SuStart(t, map[string]string{"lang": "en"})
	m = Send(m, console.Navigate{Now: T0, Hash: "#/signup"})
	if n == 1 {
		return m
	}
	m = SuSubmit(t, SuFill1(t, m, "kim@example.com"), "Continue (step 1 of 5)")
	if n == 2 {
		return m
	}
	m = SuSubmit(t, SuFill2(t, m), "Continue (step 2 of 5)")
	if n == 3 {
		return m
	}
	m = SuSubmit(t, SuFill3(t, m), "Verify and Continue (step 3 of 5)")
	m = PressDeliver(t, m, "button", "Confirm")
	if n == 4 {
		return m
	}
	m = SuType(t, m, "textbox", "Type the characters as shown above", m.Field("signup.captchaText"))
	m = SuSubmit(t, m, "Send SMS (step 4 of 5)")
	sms, _ := m.World.Devices.LastPhoneItem()
	m = SuType(t, m, "textbox", "Verification code", sms.Args["code"])
	return SuSubmit(t, m, "Continue (step 4 of 5)")
}

// SuKorean walks a sign-up in Korean and returns the model at each screen.
func SuKorean(t *testing.T) map[string]console.Model {
	t.Helper()
	out := map[string]console.Model{}
	m := SuStart(t, map[string]string{"lang": "ko"})
	m = Send(m, console.Navigate{Now: T0, Hash: "#/signup"})
	out["1"] = m
	m = SuType(t, m, "textbox", "이메일 주소", "lee@example.com")
	m = SuType(t, m, "textbox", "암호", SuPass)
	m = SuType(t, m, "textbox", "암호 확인", SuPass)
	m = SuType(t, m, "textbox", "AWS 계정 이름", "이민호의 계정")
	m = SuSubmit(t, m, "계속(1/5단계)")
	out["2"] = m
	m = SuCheck(t, m, "radio", "개인 – 자체 프로젝트의 경우", true)
	m = SuType(t, m, "textbox", "전체 이름", "이민호")
	m = SuType(t, m, "textbox", "전화 번호", "+82 10-9876-5432")
	m = SuChoose(t, m, "국가 또는 리전", "대한민국")
	m = SuType(t, m, "textbox", "주소", "209 Sejong-daero")
	m = SuType(t, m, "textbox", "시", "Jongno-gu")
	m = SuType(t, m, "textbox", "시, 도 또는 리전", "Seoul")
	m = SuType(t, m, "textbox", "우편 번호", "03186")
	m = SuCheck(t, m, "checkbox", "AWS 고객 계약의 조건을 읽었으며 이에 동의합니다.", true)
	m = SuSubmit(t, m, "계속(2/5단계)")
	out["3"] = m
	m = SuType(t, m, "textbox", "신용카드 또는 직불카드 번호", account.TestCardNumber)
	m = SuChoose(t, m, "월", "01")
	m = SuChoose(t, m, "연도", "2030")
	m = SuType(t, m, "textbox", "카드 소유자 이름", "Lee Minho")
	m = SuSubmit(t, m, "확인 및 계속(3/5단계)")
	out["bank"] = m
	m = PressDeliver(t, m, "button", "확인")
	out["4"] = m
	m = SuType(t, m, "textbox", "위에 보이는 문자를 입력하세요.", m.Field("signup.captchaText"))
	m = SuSubmit(t, m, "SMS 전송(4/5단계)")
	out["4sms"] = m
	sms, _ := m.World.Devices.LastPhoneItem()
	m = PressDeliver(t, m, "button", "가상 휴대폰")
	m = PressDeliver(t, m, "button", "메시지")
	out["phone"] = m
	m = SuType(t, m, "textbox", "확인 코드", sms.Args["code"])
	m = SuSubmit(t, m, "계속(4/5단계)")
	out["5"] = m
	m = SuSubmit(t, m, "가입 완료")
	out["done"] = m
	return out
}

// SuSignUpScreens collects every page and state of the sign-up, with the
// virtual devices it uses (the screens the first-visit binary shows too).
func SuSignUpScreens(t *testing.T) map[string]console.Model {
	t.Helper()
	out := SuKorean(t)
	for k, v := range out {
		out["ko-"+k] = v
	}
	out["1-errors"] = SuSubmit(t, SuToStep(t, 1), "Continue (step 1 of 5)")
	out["1-busy"], _ = console.Update(SuFill1(t, SuToStep(t, 1), "a@example.com"), console.Submit{Now: T0, Form: "signup.step1",
		Values: map[string]string{"signup.email": "a@example.com", "signup.password": SuPass, "signup.password.confirm": SuPass, "signup.accountName": "x"}})
	out["2-errors"] = SuSubmit(t, SuCheck(t, SuToStep(t, 2), "radio", "Business - for your work, school or organization", true), "Continue (step 2 of 5)")
	m3 := SuCheck(t, SuToStep(t, 3), "radio", "Use a new address", true)
	m3 = SuChoose(t, m3, "Country or Region", "India")
	out["3-new-address"] = SuSubmit(t, m3, "Verify and Continue (step 3 of 5)")
	m4 := SuToStep(t, 4)
	m4 = PressDeliver(t, m4, "button", "Show the characters as text")
	out["4-errors"] = SuSubmit(t, m4, "Send SMS (step 4 of 5)")
	m4 = SuCheck(t, m4, "radio", "Voice call", true)
	m4 = SuType(t, m4, "textbox", "Type the characters as shown above", m4.Field("signup.captchaText"))
	m4 = SuSubmit(t, m4, "Call me now (step 4 of 5)")
	out["4-voice"] = m4
	out["4-ringing"] = PressDeliver(t, m4, "button", "Virtual phone")
	answered := PressDeliver(t, out["4-ringing"], "button", "Answer")
	out["4-keypad"] = PressDeliver(t, answered, "button", "7")
	call, _ := m4.World.Devices.RingingCall()
	done := answered
	for _, d := range call.Args["pin"] {
		done = PressDeliver(t, done, "button", string(d))
	}
	out["4-voice-ok"] = done
	out["phone-calls"] = PressDeliver(t, PressDeliver(t, done, "button", "Close the call screen"), "button", "Phone")
	out["5-busy"], _ = console.Update(SuToStep(t, 5), console.Submit{Now: T0, Form: "signup.step5", Values: map[string]string{"signup.supportPlan": "basic"}})
	out["done-inbox"] = PressDeliver(t, PressDeliver(t, out["done"], "button", "받은 편지함 열기"), "button", "Amazon Web Services에 오신 것을 환영합니다")
	return out
}

// SuAllScreens collects every page and state of the sign-up, sign-in and
// devices areas.
func SuAllScreens(t *testing.T) map[string]console.Model {
	t.Helper()
	out := SuSignUpScreens(t)
	si := SiStart(t, "signed-up")
	out["signin"] = si
	out["signin-errors"] = SuSubmit(t, si, "Next")
	out["signin-iam"] = SuSubmit(t, SuCheck(t, si, "radio", "IAM user", true), "Sign in")
	pw := SuSubmit(t, SuType(t, si, "textbox", "Root user email address", sim.DemoEmail), "Next")
	out["signin-password"] = pw
	out["signin-failed"] = SuSubmit(t, SuType(t, pw, "textbox", "Password", "Wrong-1-pass"), "Sign in")
	out["signin-busy"], _ = console.Update(SuType(t, pw, "textbox", "Password", "x"), console.Submit{Now: T0, Form: "signin.password"})
	forgot := Send(pw, console.Navigate{Now: T0, Hash: "#/signin/forgot"})
	out["forgot"] = forgot
	sent := SuSubmit(t, forgot, "Send email")
	out["forgot-sent"] = sent
	mail := sent.World.Devices.Inbox[len(sent.World.Devices.Inbox)-1]
	reset := Send(sent, console.Navigate{Now: T0, Hash: mail.Args["link"]})
	out["reset"] = SuSubmit(t, reset, "Reset password")
	out["reset-invalid"] = Send(sent, console.Navigate{Now: T0, Hash: "#/signin/reset/nope"})
	out["inbox-list"] = PressDeliver(t, sent, "button", "Inbox")
	out["inbox-empty"] = PressDeliver(t, si, "button", "Inbox")
	out["phone-home"] = PressDeliver(t, si, "button", "Virtual phone")
	out["phone-messages-empty"] = PressDeliver(t, out["phone-home"], "button", "Messages")
	out["signed-in"] = PressDeliver(t, Demo(t), "button", "Virtual phone")
	return out
}

// SuToStep5ByVoice drives a fresh console to step 5, verifying the phone
// with a voice call.
func SuToStep5ByVoice(t *testing.T) console.Model {
	t.Helper()
	m := SuToStep(t, 4)
	m = SuCheck(t, m, "radio", "Voice call", true)
	m = SuType(t, m, "textbox", "Type the characters as shown above", m.Field("signup.captchaText"))
	m = SuSubmit(t, m, "Call me now (step 4 of 5)")
	call, ok := m.World.Devices.RingingCall()
	require.True(t, ok)
	m = PressDeliver(t, m, "button", "Virtual phone")
	m = PressDeliver(t, m, "button", "Answer")
	for _, d := range call.Args["pin"] {
		m = PressDeliver(t, m, "button", string(d))
	}
	m = PressDeliver(t, m, "button", "Close the call screen")
	m = PressDeliver(t, m, "button", "Continue (step 4 of 5)")
	require.Equal(t, "#/signup/5", m.UI.Route)
	return m
}

// RunNext delivers the Next messages among fx, as the browser does after
// painting, and returns the final model and effects.
func RunNext(m console.Model, fx []console.Effect) (console.Model, []console.Effect) {
	for {
		next := EffectsOf[console.Next](fx)
		if len(next) == 0 {
			return m, fx
		}
		m, fx = console.Update(m, next[0].Msg)
	}
}

// ToSigninMFA opens the root-mfa world and signs in with the password
// through the sign-in pages, which hand over to the MFA page.
func ToSigninMFA(t *testing.T, now time.Time) console.Model {
	t.Helper()
	m, _ := Start(t, map[string]string{"world": "root-mfa", "lang": "en"}, "")
	require.False(t, m.Session.SignedIn())
	m = Send(m, console.Navigate{Now: now, Hash: "#/signin"})
	m, fx := console.Update(m, console.Submit{Now: now, Form: "signin.next", Values: map[string]string{"signin.type": "root", "signin.email": sim.DemoEmail}})
	m, _ = RunNext(m, fx)
	m, fx = console.Update(m, console.Submit{Now: now, Form: "signin.password", Values: map[string]string{"signin.password": sim.DemoPassword}})
	m, _ = RunNext(m, fx)
	require.Equal(t, "#/signin-mfa", m.UI.Route)
	return m
}

// SubmitCode submits the MFA code at now and runs the sign-in.
func SubmitCode(m console.Model, now time.Time, code string) (console.Model, []console.Effect) {
	m, fx := console.Update(m, console.Submit{Now: now, Form: "signinmfa.submit", Values: map[string]string{"signinmfa.code": code}})
	return RunNext(m, fx)
}

// SiStart is the signed-up demo account, signed out, on the sign-in page.
func SiStart(t *testing.T, world string) console.Model {
	t.Helper()
	m := SuStart(t, map[string]string{"world": world, "lang": "en"})
	return Send(m, console.Navigate{Now: T0, Hash: "#/signin"})
}

// SuPass is the password the sign-up flows type.
const SuPass = "Lab-Student-2026"

// SuFormOf finds the form that holds a button.
func SuFormOf(t *testing.T, m console.Model, button string) (ui.Node, bool) {
	t.Helper()
	var out ui.Node
	found := false
	console.View(m).Walk(func(n ui.Node) bool {
		if n.Tag == "form" && !found && strings.Contains(n.TextContent(), button) {
			out, found = n, true
		}
		return !found
	})
	return out, found
}
