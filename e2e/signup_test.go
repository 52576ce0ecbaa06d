//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// testCard is account.TestCardNumber, typed as a student would.
const testCard = "4111 1111 1111 1111"

// suCall runs a JavaScript function on the element with the role and
// name and returns its JSON result.
func (p *Page) suCall(role, name, fn string, args ...any) json.RawMessage {
	p.t.Helper()
	id := p.Find(role, name)
	obj, err := chromedp.Call(p.ctx, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: id})
	if err != nil {
		p.t.Fatalf("resolve %s %q: %v", role, name, err)
	}
	var cargs []*runtime.CallArgument
	for _, a := range args {
		raw, _ := json.Marshal(a)
		cargs = append(cargs, &runtime.CallArgument{Value: raw})
	}
	yes := true
	res, err := chromedp.Call(p.ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		FunctionDeclaration: fn, ObjectID: obj.Object.ObjectID, Arguments: cargs, ReturnByValue: &yes})
	if err != nil {
		p.t.Fatalf("call on %s %q: %v", role, name, err)
	}
	if res.ExceptionDetails != nil {
		p.t.Fatalf("call on %s %q: %s", role, name, res.ExceptionDetails.Text)
	}
	return json.RawMessage(res.Result.Value)
}

// suFill replaces a field's value by typing, as a student who selects the
// old text first.
func (p *Page) suFill(role, name, text string) {
	p.t.Helper()
	p.suCall(role, name, `function() { this.value = ''; this.dispatchEvent(new Event('input', {bubbles: true})); }`)
	p.Type(role, name, text)
}

// suSelect chooses an option of a select by its visible text.
func (p *Page) suSelect(label, option string) {
	p.t.Helper()
	ok := p.suCall("combobox", label, `function(text) {
		const o = [...this.options].find(o => o.text.trim() === text);
		if (!o) return false;
		this.focus();
		this.value = o.value;
		this.dispatchEvent(new Event('input', {bubbles: true}));
		this.dispatchEvent(new Event('change', {bubbles: true}));
		return true; }`, option)
	if string(ok) != "true" {
		p.t.Fatalf("select %q has no option %q", label, option)
	}
}

// suWaitHeading waits for a heading (slow steps hash a password first).
func (p *Page) suWaitHeading(name string) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !p.Has("heading", name) {
		if time.Now().After(deadline) {
			p.t.Fatalf("no heading %q; page text:\n%s", name, p.Text())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// A new page moves focus to its title after it is painted, which may
	// scroll it: a click sent before that can be pressed on one control
	// and released on another (seen with the lab guide open). Wait for
	// the page to settle, as a student's eyes do.
	settle := time.Now().Add(3 * time.Second)
	for time.Now().Before(settle) && !Eval[bool](p, `!!document.activeElement && document.activeElement.id === 'page-title'`) {
		time.Sleep(30 * time.Millisecond)
	}
}

// suRead returns the visible text of the first element matching a CSS
// selector.
func (p *Page) suRead(selector string) string {
	p.t.Helper()
	return Eval[string](p, fmt.Sprintf(`(document.querySelector(%q) || {innerText: ''}).innerText`, selector))
}

var sixDigits = regexp.MustCompile(`\b(\d{6})\b`)

// suReadSMSCode opens the virtual phone's Messages app and reads the
// newest code, then closes the drawer.
func (p *Page) suReadSMSCode(phone, messages, closeName, shot string) string {
	p.t.Helper()
	p.Click("button", phone)
	p.Click("button", messages)
	p.WaitText("AWS")
	text := p.suRead(".sms-list .sms-text")
	p.Screenshot(shot)
	m := sixDigits.FindStringSubmatch(text)
	if m == nil {
		p.t.Fatalf("no code in the newest text message %q", text)
	}
	p.Click("button", closeName)
	return m[1]
}

// suLabels are the visible labels of one language.
type suLabels struct {
	lang, create, title                                      string
	email, password, confirm, accountName, continue1         string
	personal, fullName, phone, country, countryKR, address   string
	city, state, postal, agree, continue2                    string
	card, month, year, holder, brand, continue3              string
	bankTitle, bankConfirm, bankCancel                       string
	step4, showText, captchaAnswer, sendSMS, code, continue4 string
	virtualPhone, messages, closeDevices                     string
	step5, complete, congrats, openInbox, welcome, console   string
	signin, rootEmail, next, signInButton, home, accountMenu string
	voice, callMe, answer, wrongPIN, callAgain, changeNumber string
	pinDone, closeCall, step2, step3, sms                    string
}

var suEN = suLabels{
	lang: "en", create: "Create an AWS Account", title: "Sign up for AWS",
	email: "Email address", password: "Password", confirm: "Confirm password", accountName: "AWS account name",
	continue1: "Continue (step 1 of 5)",
	personal:  "Personal - for your own projects", fullName: "Full Name", phone: "Phone Number",
	country: "Country or Region", countryKR: "South Korea", address: "Address", city: "City",
	state: "State, Province, or Region", postal: "Postal Code",
	agree: "I have read and agree to the terms of the AWS Customer Agreement.", continue2: "Continue (step 2 of 5)",
	card: "Credit or Debit card number", month: "Month", year: "Year", holder: "Cardholder's name",
	brand: "Card type: Visa", continue3: "Verify and Continue (step 3 of 5)",
	bankTitle: "Approve the verification charge", bankConfirm: "Confirm", bankCancel: "Cancel",
	step4: "Confirm your identity", showText: "Show the characters as text",
	captchaAnswer: "Type the characters as shown above", sendSMS: "Send SMS (step 4 of 5)",
	code: "Verification code", continue4: "Continue (step 4 of 5)",
	virtualPhone: "Virtual phone", messages: "Messages", closeDevices: "Close the virtual devices",
	step5: "Select a support plan", complete: "Complete sign up", congrats: "Congratulations",
	openInbox: "Open the inbox", welcome: "Welcome to Amazon Web Services",
	console: "Go to the AWS Management Console",
	signin:  "Sign in", rootEmail: "Root user email address", next: "Next", signInButton: "Sign in",
	home: "Console Home", accountMenu: "Account menu: ",
	voice: "Voice call", callMe: "Call me now (step 4 of 5)", answer: "Answer",
	wrongPIN: "The PIN entered on the phone did not match", callAgain: "Call me again",
	changeNumber: "Change the phone number", pinDone: "Your phone number has been verified.", closeCall: "Close the call screen",
	step2: "Contact information", step3: "Billing information", sms: "Text message (SMS)",
}

var suKO = suLabels{
	lang: "ko", create: "AWS 계정 생성", title: "AWS에 가입",
	email: "이메일 주소", password: "암호", confirm: "암호 확인", accountName: "AWS 계정 이름", continue1: "계속(1/5단계)",
	personal: "개인 – 자체 프로젝트의 경우", fullName: "전체 이름", phone: "전화 번호", country: "국가 또는 리전",
	countryKR: "대한민국", address: "주소", city: "시", state: "시, 도 또는 리전", postal: "우편 번호",
	agree: "AWS 고객 계약의 조건을 읽었으며 이에 동의합니다.", continue2: "계속(2/5단계)",
	card: "신용카드 또는 직불카드 번호", month: "월", year: "연도", holder: "카드 소유자 이름", brand: "카드 종류: Visa",
	continue3: "확인 및 계속(3/5단계)", bankTitle: "확인 요금 승인", bankConfirm: "확인", bankCancel: "취소",
	step4: "자격 증명 확인", showText: "문자를 텍스트로 보기", captchaAnswer: "위에 보이는 문자를 입력하세요.",
	sendSMS: "SMS 전송(4/5단계)", code: "확인 코드", continue4: "계속(4/5단계)",
	virtualPhone: "가상 휴대폰", messages: "메시지", closeDevices: "가상 장치 닫기",
	step5: "Support 플랜 선택", complete: "가입 완료", congrats: "축하합니다.", openInbox: "받은 편지함 열기",
	welcome: "Amazon Web Services에 오신 것을 환영합니다", console: "AWS Management Console로 이동",
	signin: "로그인", rootEmail: "루트 사용자 이메일 주소", next: "다음", signInButton: "로그인",
	home: "콘솔 홈", accountMenu: "계정 메뉴: ",
	voice: "음성 통화", callMe: "지금 전화 받기(4/5단계)", answer: "받기",
	wrongPIN: "휴대폰에 입력한 PIN이 이 페이지의 PIN과 일치하지 않습니다", callAgain: "다시 전화 받기",
	changeNumber: "전화번호 변경", pinDone: "전화번호가 확인되었습니다.", closeCall: "통화 화면 닫기",
	step2: "연락처 정보", step3: "결제 정보", sms: "문자 메시지(SMS)",
}

// suSignUp signs up through the five pages with only visible labels and
// codes read from the virtual phone, taking a screenshot of every step,
// and returns the new account ID.
func suSignUp(t *testing.T, p *Page, l suLabels, email, password, name string, voiceFirst bool) string {
	t.Helper()
	shot := func(s string) { p.Screenshot("signup-" + l.lang + "-" + s) }
	p.Click("link", l.create)
	p.suWaitHeading(l.title)
	shot("1-empty")
	p.Type("textbox", l.email, email)
	p.Type("textbox", l.password, password)
	p.Type("textbox", l.confirm, password)
	p.Type("textbox", l.accountName, name)
	shot("1-filled")
	start := time.Now()
	p.Click("button", l.continue1)
	p.suWaitHeading(l.step2)
	t.Logf("page 1 → page 2 (hashing the password at full cost): %v", time.Since(start).Round(time.Millisecond))
	if h := Eval[string](p, `location.hash`); h != "#/signup/2" {
		t.Fatalf("page 2 is %q", h)
	}
	shot("2-empty")

	p.Click("radio", l.personal)
	p.Type("textbox", l.fullName, "Kim Minji")
	p.Type("textbox", l.phone, "+82 10-1234-5678")
	p.suSelect(l.country, l.countryKR)
	p.Type("textbox", l.address, "1 Sejong-daero")
	p.Type("textbox", l.city, "Jongno-gu")
	p.Type("textbox", l.state, "Seoul")
	p.Type("textbox", l.postal, "03172")
	p.Click("checkbox", l.agree)
	shot("2-filled")
	p.Click("button", l.continue2)
	p.suWaitHeading(l.step3)
	shot("3-empty")

	p.Type("textbox", l.card, testCard)
	p.WaitText(l.brand)
	p.suSelect(l.month, "12")
	p.suSelect(l.year, fmt.Sprint(time.Now().Year()+2))
	p.Type("textbox", l.holder, "KIM MINJI")
	shot("3-filled")
	p.Click("button", l.continue3)
	p.suWaitHeading(l.bankTitle)
	shot("3-bank")
	// Cancel returns with the form intact.
	p.Click("button", l.bankCancel)
	p.suWaitHeading(l.step3)
	if v := p.Value("textbox", l.card); v != testCard {
		t.Fatalf("after Cancel the card number is %q", v)
	}
	if v := p.Value("textbox", l.holder); v != "KIM MINJI" {
		t.Fatalf("after Cancel the cardholder is %q", v)
	}
	p.Click("button", l.continue3)
	p.suWaitHeading(l.bankTitle)
	p.Click("button", l.bankConfirm)
	p.suWaitHeading(l.step4)
	shot("4-form")

	captcha := func() string {
		if p.Has("button", l.showText) {
			p.Click("button", l.showText)
		}
		deadline := time.Now().Add(5 * time.Second)
		for p.suRead("#signup-captcha-text strong") == "" && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		return strings.ReplaceAll(p.suRead("#signup-captcha-text strong"), " ", "")
	}
	if voiceFirst {
		p.Click("radio", l.voice)
		p.Find("button", l.callMe)
		p.Type("textbox", l.captchaAnswer, captcha())
		shot("4-voice-form")
		p.Click("button", l.callMe)
		pin := p.suRead("#signup-pin")
		for deadline := time.Now().Add(5 * time.Second); len(pin) != 4 && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
			pin = p.suRead("#signup-pin")
		}
		if len(pin) != 4 {
			t.Fatalf("PIN %q", pin)
		}
		shot("4-voice-pin")
		p.Click("button", l.virtualPhone)
		p.Find("button", l.answer)
		shot("4-voice-ringing")
		p.Click("button", l.answer)
		// A wrong PIN first.
		wrong := []byte(pin)
		wrong[0] = '0' + (wrong[0]-'0'+1)%10
		for _, d := range string(wrong) {
			p.Click("button", string(d))
		}
		p.WaitText(l.wrongPIN)
		shot("4-voice-wrong")
		p.Click("button", l.closeCall)
		p.Click("button", l.closeDevices)
		p.Click("button", l.callAgain)
		p.WaitText(l.callAgain)
		pin = p.suRead("#signup-pin")
		p.Click("button", l.virtualPhone)
		p.Click("button", l.answer)
		shot("4-voice-keypad")
		for _, d := range pin {
			p.Click("button", string(d))
		}
		p.WaitText(l.pinDone)
		shot("4-voice-verified")
		p.Click("button", l.closeCall)
		p.Click("button", l.closeDevices)
		// Then change the number and use a text message instead.
		p.Click("button", l.changeNumber)
		p.Click("radio", l.sms)
	}
	p.Type("textbox", l.captchaAnswer, captcha())
	shot("4-captcha-text")
	p.Click("button", l.sendSMS)
	p.Find("textbox", l.code)
	shot("4-sms-sent")
	code := p.suReadSMSCode(l.virtualPhone, l.messages, l.closeDevices, "signup-"+l.lang+"-4-phone")
	p.Type("textbox", l.code, code)
	p.Click("button", l.continue4)
	p.suWaitHeading(l.step5)
	shot("5-plans")
	p.Click("button", l.complete)
	p.suWaitHeading(l.congrats)
	shot("6-done")
	p.Click("button", l.openInbox)
	p.Click("button", l.welcome)
	body := p.suRead(".mail-body")
	m := regexp.MustCompile(`\b(\d{12})\b`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no account ID in the welcome email:\n%s", body)
	}
	shot("7-welcome-email")
	if !strings.Contains(p.Text(), m[1][:4]+"-"+m[1][4:8]+"-"+m[1][8:]) {
		t.Fatalf("the congratulations page does not show the account ID %s", m[1])
	}
	p.Click("button", l.closeDevices)
	return m[1]
}

// suSignIn signs in as root from the congratulations page.
func suSignIn(t *testing.T, p *Page, l suLabels, password, accountName string) {
	t.Helper()
	p.Click("link", l.console)
	p.suWaitHeading(l.signin)
	p.Screenshot("signin-" + l.lang + "-1-email")
	p.Click("button", l.next)
	p.Find("textbox", l.password)
	p.Type("textbox", l.password, password)
	p.Screenshot("signin-" + l.lang + "-2-password")
	start := time.Now()
	p.Click("button", l.signInButton)
	p.suWaitHeading(l.home)
	t.Logf("Sign in → Console Home (one full-cost hash): %v", time.Since(start).Round(time.Millisecond))
	p.Find("button", l.accountMenu+accountName)
	p.Screenshot("signin-" + l.lang + "-3-home")
}

func TestSignUpInEnglishThenSignInAsRoot(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en")
	id := suSignUp(t, p, suEN, "kim@example.com", "Lab-Student-2026", "my-lab", false)
	suSignIn(t, p, suEN, "Lab-Student-2026", "my-lab")
	if got := Eval[string](p, `document.body.innerText`); !strings.Contains(got, id[:4]+"-"+id[4:8]+"-"+id[8:]) {
		t.Fatalf("Console Home does not show the account ID %s", id)
	}
}

func TestSignUpInKoreanWithAVoiceCallThenSignInAsRoot(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=ko")
	suSignUp(t, p, suKO, "lee@example.com", "Hanbit-Lab-2026", "이민호의 계정", true)
	suSignIn(t, p, suKO, "Hanbit-Lab-2026", "이민호의 계정")
}

func TestSignUpBackForwardAndReload(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en#/signup/1")
	p.Type("textbox", "Email address", "back@example.com")
	p.Type("textbox", "Password", "Lab-Student-2026")
	p.Type("textbox", "Confirm password", "Lab-Student-2026")
	p.Type("textbox", "AWS account name", "back-lab")
	p.Click("button", "Continue (step 1 of 5)")
	p.suWaitHeading("Contact information")
	p.Type("textbox", "Full Name", "Back Forward")
	if err := chromedp.Do(p.ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	p.Find("textbox", "Email address")
	if v := p.Value("textbox", "Email address"); v != "back@example.com" {
		t.Fatalf("back: email %q", v)
	}
	if err := chromedp.Do(p.ctx, chromedp.NavigateForward()); err != nil {
		t.Fatal(err)
	}
	p.suWaitHeading("Contact information")
	if v := p.Value("textbox", "Full Name"); v != "Back Forward" {
		t.Fatalf("forward: full name %q", v)
	}
	// A later step than reached opens the furthest reached.
	p.Open("/?lang=en#/signup/5")
	p.suWaitHeading("Contact information")
	// Reload resumes on the same step; the password is not kept.
	p.Reload()
	p.suWaitHeading("Contact information")
	if v := p.Value("textbox", "Full Name"); v != "Back Forward" {
		t.Fatalf("reload: full name %q", v)
	}
	p.Open("/?lang=en#/signup/1")
	if v := p.Value("textbox", "Password"); v != "" {
		t.Fatalf("the password survived a reload: %q", v)
	}
	p.WaitText("Passwords are never saved in this browser")
	p.Screenshot("signup-en-reload-page1")
}

func TestSignUpSecretsNeverReachStorageOrExport(t *testing.T) {
	const password, digits = "Secret-Lab-2026", "4111111111111111"
	p := NewPage(t)
	p.Open("/?lang=en#/signup/1")
	p.Type("textbox", "Email address", "secret@example.com")
	p.Type("textbox", "Password", password)
	p.Type("textbox", "Confirm password", password)
	p.Type("textbox", "AWS account name", "secret-lab")
	storage := func() string {
		return Eval[string](p, `Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k)).join('\n')`)
	}
	check := func(where, s string) {
		t.Helper()
		for _, secret := range []string{password, digits, testCard, "4111-1111-1111-1111"} {
			if strings.Contains(s, secret) {
				t.Fatalf("%s contains the secret %q", where, secret)
			}
		}
	}
	check("localStorage while typing page 1", storage())
	p.Click("button", "Continue (step 1 of 5)")
	p.suWaitHeading("Contact information")
	if !strings.Contains(storage(), "secret@example.com") {
		t.Fatal("the state is saved to localStorage (email missing)")
	}
	check("localStorage after page 1", storage())
	p.Click("radio", "Personal - for your own projects")
	p.Type("textbox", "Full Name", "Kim Minji")
	p.Type("textbox", "Phone Number", "+82 10-1234-5678")
	p.suSelect("Country or Region", "South Korea")
	p.Type("textbox", "Address", "1 Sejong-daero")
	p.Type("textbox", "City", "Seoul")
	p.Type("textbox", "Postal Code", "04524")
	p.Click("checkbox", "I have read and agree to the terms of the AWS Customer Agreement.")
	p.Click("button", "Continue (step 2 of 5)")
	p.suWaitHeading("Billing information")
	p.Type("textbox", "Credit or Debit card number", testCard)
	p.suSelect("Month", "12")
	p.suSelect("Year", fmt.Sprint(time.Now().Year()+1))
	p.Type("textbox", "Cardholder's name", "KIM MINJI")
	check("localStorage while typing the card", storage())
	p.Click("button", "Verify and Continue (step 3 of 5)")
	p.Click("button", "Confirm")
	p.suWaitHeading("Confirm your identity")
	st := storage()
	check("localStorage after the bank page", st)
	if !strings.Contains(st, `"signup.cardLast4":"1111"`) {
		t.Fatalf("the card summary is kept:\n%s", st)
	}

	// The export, captured from the Blob the page hands to the browser.
	p.Open("/?lang=en#/simulator")
	Eval[bool](p, `(() => { window.__exports = []; const orig = URL.createObjectURL;
		URL.createObjectURL = function(b) { b.text().then(t => window.__exports.push(t)); return orig.call(URL, b); };
		return true; })()`)
	p.Click("button", "Export to a file")
	deadline := time.Now().Add(10 * time.Second)
	for Eval[int](p, `window.__exports.length`) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no export was made")
		}
		time.Sleep(50 * time.Millisecond)
	}
	export := Eval[string](p, `window.__exports[0]`)
	if !strings.Contains(export, "secret@example.com") {
		t.Fatalf("the export is not the saved state:\n%s", export)
	}
	check("the export", export)
	check("localStorage at the end", storage())
}

func TestSignUpAndSignInErrorsAreShownNextToTheirFields(t *testing.T) {
	for _, l := range []suLabels{suEN, suKO} {
		p := NewPage(t)
		p.Open("/?lang=" + l.lang + "#/signup/1")
		p.Type("textbox", l.password, "abc")
		p.Click("button", l.continue1)
		p.Find("alert", "")
		if got := Eval[string](p, `document.activeElement.id`); got != "signup-email" {
			t.Fatalf("%s: focus is on %q, not the first invalid field", l.lang, got)
		}
		if v := p.Value("textbox", l.password); v != "abc" {
			t.Fatalf("%s: the password typed was lost: %q", l.lang, v)
		}
		p.Screenshot("signup-" + l.lang + "-1-errors")
		p.Open("/?lang=" + l.lang + "&world=signed-up#/signin")
		p.Click("link", map[string]string{"en": "Sign In to the Console", "ko": "콘솔에 로그인"}[l.lang])
		p.Type("textbox", l.rootEmail, "student@example.com")
		p.Click("button", l.next)
		p.Type("textbox", l.password, "Wrong-Pass-1")
		p.Click("button", l.signInButton)
		p.WaitText(map[string]string{"en": "Your authentication information is incorrect. Please try again.", "ko": "인증 정보가 정확하지 않습니다. 다시 시도하세요."}[l.lang])
		p.Screenshot("signin-" + l.lang + "-failed")
	}
}
