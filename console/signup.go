package console

import (
	"encoding/base64"
	"encoding/json"
	"labsim/console/core"
	"maps"
	"strconv"
	"strings"

	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/account"
)

// Sign-up form fields. Ordinary fields are saved with the UI state so that
// a reload resumes at the same step with everything typed; the passwords,
// the card number and the CVV are secret fields (see isSecretField) and
// live only in Model.Secrets.
const (
	fieldSUEmail       = "signup.email"
	fieldSUPassword    = "signup.password"
	fieldSUConfirm     = "signup.password.confirm"
	fieldSUAccountName = "signup.accountName"
	// fieldSUHash is the salted hash of the page-1 password, made when
	// page 1 is continued, so that a reload (which forgets passwords)
	// does not lose it.
	fieldSUHash    = "signup.passwordHash"
	fieldSUReached = "signup.reached"

	fieldSUUsage    = "signup.usage"
	fieldSUOrg      = "signup.organizationName"
	fieldSUFullName = "signup.fullName"
	fieldSUPhone    = "signup.phone"
	fieldSUCountry  = "signup.country"
	fieldSULine1    = "signup.addressLine1"
	fieldSULine2    = "signup.addressLine2"
	fieldSUCity     = "signup.city"
	fieldSUState    = "signup.stateOrRegion"
	fieldSUPostal   = "signup.postalCode"
	fieldSUAgree    = "signup.agreement"

	fieldSUCardNumber = "signup.card.number"
	fieldSUCVV        = "signup.card.number.cvv"
	fieldSUExpMonth   = "signup.expMonth"
	fieldSUExpYear    = "signup.expYear"
	fieldSUCardholder = "signup.cardholderName"
	fieldSUBilling    = "signup.billingAddress" // "contact" or "new"
	fieldSUBCountry   = "signup.billing.country"
	fieldSUBLine1     = "signup.billing.addressLine1"
	fieldSUBLine2     = "signup.billing.addressLine2"
	fieldSUBCity      = "signup.billing.city"
	fieldSUBState     = "signup.billing.stateOrRegion"
	fieldSUBPostal    = "signup.billing.postalCode"
	fieldSUCardBrand  = "signup.cardBrand"
	fieldSUCardLast4  = "signup.cardLast4"

	fieldSUMethod       = "signup.contactMethod"
	fieldSUPhoneCountry = "signup.phoneCountry"
	fieldSUMobile       = "signup.mobileNumber"
	fieldSUCaptcha      = "signup.captcha"
	fieldSUCaptchaText  = "signup.captchaText"
	fieldSUCaptchaImage = "signup.captchaImage"
	fieldSUCaptchaShow  = "signup.captchaShowText"
	fieldSUSMSItem      = "signup.smsItem"
	fieldSUCallItem     = "signup.callItem"
	fieldSUCode         = "signup.verificationCode"
	fieldSUVerified     = "signup.phoneVerified"

	fieldSUPlan = "signup.supportPlan"

	fieldSUDoneAccount = "signup.doneAccount"
	fieldSUDoneEmail   = "signup.doneEmail"
)

// Problem field → form field, page by page.
var (
	suStep1Fields = map[string]string{
		account.FieldEmail: fieldSUEmail, account.FieldPassword: fieldSUPassword,
		account.FieldConfirmPassword: fieldSUConfirm, account.FieldAccountName: fieldSUAccountName,
	}
	suStep2Fields = map[string]string{
		account.FieldUsage: fieldSUUsage, account.FieldOrganizationName: fieldSUOrg,
		account.FieldFullName: fieldSUFullName, account.FieldPhone: fieldSUPhone,
		account.FieldCountry: fieldSUCountry, account.FieldAddressLine1: fieldSULine1,
		account.FieldAddressLine2: fieldSULine2, account.FieldCity: fieldSUCity,
		account.FieldStateOrRegion: fieldSUState, account.FieldPostalCode: fieldSUPostal,
		account.FieldAgreement: fieldSUAgree,
	}
	suStep3Fields = map[string]string{
		account.FieldCardNumber: fieldSUCardNumber, account.FieldExpiry: fieldSUExpMonth,
		account.FieldCardholderName: fieldSUCardholder, account.FieldCVV: fieldSUCVV,
		account.FieldCountry: fieldSUBCountry, account.FieldAddressLine1: fieldSUBLine1,
		account.FieldAddressLine2: fieldSUBLine2, account.FieldCity: fieldSUBCity,
		account.FieldStateOrRegion: fieldSUBState, account.FieldPostalCode: fieldSUBPostal,
	}
	suStep4Fields = map[string]string{
		account.FieldContactMethod: fieldSUMethod, account.FieldPhoneCountry: fieldSUPhoneCountry,
		account.FieldMobileNumber: fieldSUMobile, account.FieldCaptcha: fieldSUCaptcha,
		account.FieldVerificationCode: fieldSUCode,
	}
	suStep5Fields = map[string]string{account.FieldSupportPlan: fieldSUPlan}
)

// signupArea is the five sign-up pages: #/signup/1 … #/signup/5, the
// simulated bank page #/signup/3/bank and the congratulations page
// #/signup/done.
func signupArea() area {
	return area{pages: []string{"signup"}, public: true, prefix: "signup",
		view: signupView, title: signupTitle, click: signupClick, submit: signupSubmit, route: signupRoute}
}

// signupRoute rewrites a sign-up route to the page it shows, so that the
// address bar names the furthest step reached rather than a step the
// student has not reached yet.
func signupRoute(m Model, r Route) Route {
	switch p := suPage(m, r); p {
	case "done":
		return Route{Page: "signup", Arg: "done"}
	case "bank":
		return Route{Page: "signup", Arg: "3", Rest: "bank"}
	default:
		return Route{Page: "signup", Arg: p}
	}
}

// suReached is the furthest step the student has reached (1–5).
func (m Model) suReached() int {
	n, err := strconv.Atoi(m.field(fieldSUReached))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, 5)
}

// suPage is the page a sign-up route shows: "1"…"5", "bank" or "done". A
// link to a later step than the student has reached opens the furthest
// step reached; a step after 4 needs the phone verified (pressing "Change
// number" on page 4 takes that back); the bank page needs the card number
// typed in this page session.
func suPage(m Model, r Route) string {
	if r.Arg == "done" && m.field(fieldSUDoneAccount) != "" {
		return "done"
	}
	n, err := strconv.Atoi(r.Arg)
	if err != nil || n < 1 || n > m.suReached() {
		n = m.suReached()
	}
	if n > 4 && m.field(fieldSUVerified) != "true" {
		n = 4
	}
	if n == 3 && r.Rest == "bank" && account.Summarize(m.Secrets[fieldSUCardNumber]).Last4 != "" {
		return "bank"
	}
	return strconv.Itoa(n)
}

// signupTitle is the document title of a sign-up page.
func signupTitle(m Model, c i18n.Catalog, r Route) string {
	switch p := suPage(m, r); p {
	case "done":
		return c.T("signup.done.title")
	case "bank":
		return c.T("signup.bank.title")
	default:
		return c.T("signup.title") + " – " + c.T("signup.step"+p+".title")
	}
}

// suStep advances to step n (recording it as reached) and shows it.
func (m Model) suStep(n int) (Model, []Effect) {
	if n > m.suReached() {
		m = m.setFields(fieldSUReached, strconv.Itoa(n))
	}
	m.Auth = core.AuthState{}
	return m.goTo("#/signup/" + strconv.Itoa(n))
}

// signupSubmit handles the sign-up forms.
func signupSubmit(m Model, form string) (Model, []Effect) {
	if m.Auth.Busy != "" {
		return m, nil
	}
	switch form {
	case "signup.step1":
		return m.suSubmit1()
	case "signup.step2":
		return m.suSubmit2()
	case "signup.step3":
		return m.suSubmit3()
	case "signup.step4":
		return m.suSend(false)
	case "signup.verify":
		return m.suVerifySMS()
	case "signup.step5":
		if p := account.ValidateSupportPlan(m.field(fieldSUPlan)); len(p) > 0 {
			return m.withProblems(p, suStep5Fields)
		}
		m.Auth = core.AuthState{Busy: "signup.create"}
		return m, []Effect{Next{Msg: Click{Now: m.Now, Action: "signup.create"}}}
	}
	return m, nil
}

// signupClick handles the sign-up buttons and the Next messages of slow
// work.
func signupClick(m Model, action, arg string) (Model, []Effect) {
	switch action {
	case "signup.hash":
		return m.suHash()
	case "signup.create":
		return m.suCreate()
	case "signup.bank.confirm":
		return m.suBankConfirm()
	case "signup.bank.cancel":
		m.Auth = core.AuthState{}
		return m.goTo("#/signup/3")
	case "signup.captcha.refresh":
		m = m.suNewCaptcha()
		return m, []Effect{Focus{ID: authID(fieldSUCaptcha)}}
	case "signup.captcha.text":
		show := "true"
		if m.field(fieldSUCaptchaShow) == "true" {
			show = ""
		}
		return m.setFields(fieldSUCaptchaShow, show), nil
	case "signup.resend":
		return m.suSend(true)
	case "signup.change":
		m.Auth = core.AuthState{}
		m = m.setFields(fieldSUSMSItem, "", fieldSUCallItem, "", fieldSUCode, "", fieldSUVerified, "")
		return m, []Effect{Focus{ID: authID(fieldSUMobile)}}
	case "signup.voice.continue":
		return m.suVoiceContinue()
	}
	return m, nil
}

// suSubmit1 checks page 1 and, when it passes, shows that it is busy and
// hashes the password after the browser has painted.
func (m Model) suSubmit1() (Model, []Effect) {
	if p := m.suStep1Problems(); len(p) > 0 {
		return m.withProblems(p, suStep1Fields)
	}
	m.Auth = core.AuthState{Busy: "signup.hash"}
	return m, []Effect{Next{Msg: Click{Now: m.Now, Action: "signup.hash"}}}
}

func (m Model) suStep1Problems() []account.Problem {
	taken := func(n string) bool { _, ok := m.World.AccountByEmail(n); return ok }
	return account.ValidateStep1(account.Step1Input{
		Email: m.field(fieldSUEmail), Password: m.Secrets[fieldSUPassword],
		ConfirmPassword: m.Secrets[fieldSUConfirm], AccountName: m.field(fieldSUAccountName),
	}, taken)
}

// suHash keeps the page-1 password as a salted hash and moves to page 2.
func (m Model) suHash() (Model, []Effect) {
	if m.Auth.Busy != "signup.hash" {
		return m, nil
	}
	if p := m.suStep1Problems(); len(p) > 0 {
		return m.withProblems(p, suStep1Fields)
	}
	env := m.env()
	h, err := account.NewPasswordHash(m.Secrets[fieldSUPassword], env.Entropy, m.PasswordCost)
	if err != nil {
		m.Auth = core.AuthState{}
		m.notify("error", "signup.failed")
		return m, nil
	}
	enc, err := json.Marshal(h)
	if err != nil {
		m.Auth = core.AuthState{}
		m.notify("error", "signup.failed")
		return m, nil
	}
	m = m.setFields(fieldSUHash, string(enc))
	return m.suStep(2)
}

// suContact reads page 2.
func (m Model) suContact() account.ContactInput {
	return account.ContactInput{
		Usage: m.field(fieldSUUsage), OrganizationName: m.field(fieldSUOrg),
		FullName: m.field(fieldSUFullName), Phone: m.field(fieldSUPhone),
		Address: account.Address{Country: m.suCountry(), Line1: m.field(fieldSULine1),
			Line2: m.field(fieldSULine2), City: m.field(fieldSUCity),
			StateOrRegion: m.field(fieldSUState), PostalCode: m.field(fieldSUPostal)},
		Agreed: m.field(fieldSUAgree) == "true",
	}
}

// suCountry is the contact country; the United States until chosen, as on
// AWS's page.
func (m Model) suCountry() string {
	if c := m.field(fieldSUCountry); c != "" {
		return c
	}
	return "US"
}

func (m Model) suSubmit2() (Model, []Effect) {
	in := m.suContact()
	if p := account.ValidateContact(in); len(p) > 0 {
		return m.withProblems(p, suStep2Fields)
	}
	// Page 4 starts with the contact phone, as AWS's does.
	if m.field(fieldSUPhoneCountry) == "" && m.field(fieldSUMobile) == "" {
		country := in.Address.Country
		mobile := ""
		if cc, _, ok := account.SplitPhone(in.Phone); ok {
			if c, found := account.CountryByCode(country); found && c.CallingCode == cc {
				// The number as typed after the calling code.
				mobile = strings.TrimSpace(strings.TrimPrefix(account.Clean(in.Phone), "+"+cc))
			}
		}
		m = m.setFields(fieldSUPhoneCountry, country, fieldSUMobile, mobile)
	}
	return m.suStep(3)
}

// suBillingInput reads page 3.
func (m Model) suBillingInput() account.BillingInput {
	month, _ := strconv.Atoi(m.field(fieldSUExpMonth))
	year, _ := strconv.Atoi(m.field(fieldSUExpYear))
	return account.BillingInput{
		CardNumber: m.Secrets[fieldSUCardNumber], ExpMonth: month, ExpYear: year,
		CardholderName: m.field(fieldSUCardholder), CVV: m.Secrets[fieldSUCVV],
		UseContactAddress: m.field(fieldSUBilling) != "new", ContactCountry: m.suCountry(),
		Address: account.Address{Country: m.field(fieldSUBCountry), Line1: m.field(fieldSUBLine1),
			Line2: m.field(fieldSUBLine2), City: m.field(fieldSUBCity),
			StateOrRegion: m.field(fieldSUBState), PostalCode: m.field(fieldSUBPostal)},
	}
}

func (m Model) suSubmit3() (Model, []Effect) {
	if p := account.ValidateBilling(m.suBillingInput(), m.Now); len(p) > 0 {
		return m.withProblems(p, suStep3Fields)
	}
	m.Auth = core.AuthState{}
	return m.goTo("#/signup/3/bank")
}

// suBankConfirm keeps the card's brand and last four digits and moves to
// page 4. The number itself stays only in the transient secrets.
func (m Model) suBankConfirm() (Model, []Effect) {
	if p := account.ValidateBilling(m.suBillingInput(), m.Now); len(p) > 0 {
		m, fx := m.withProblems(p, suStep3Fields)
		m, fx2 := m.goTo("#/signup/3")
		return m, append(fx2, fx...)
	}
	sum := account.Summarize(m.Secrets[fieldSUCardNumber])
	m = m.setFields(fieldSUCardBrand, sum.Brand, fieldSUCardLast4, sum.Last4)
	if m.field(fieldSUCaptchaText) == "" {
		m = m.suNewCaptcha()
	}
	return m.suStep(4)
}

// suNewCaptcha draws a new security check and its picture.
func (m Model) suNewCaptcha() Model {
	env := m.env()
	ch := account.NewCaptcha(env.Rand)
	img := ""
	if png, err := ch.PNG(env.Rand.Uint64()); err == nil {
		img = "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
	}
	return m.setFields(fieldSUCaptchaText, ch.Text, fieldSUCaptchaImage, img, fieldSUCaptcha, "")
}

// suIdentity reads page 4.
func (m Model) suIdentity() account.IdentityInput {
	method := m.field(fieldSUMethod)
	if method == "" {
		method = account.MethodSMS
	}
	return account.IdentityInput{Method: method, PhoneCountry: m.field(fieldSUPhoneCountry),
		MobileNumber: m.field(fieldSUMobile), Captcha: account.Captcha{Text: m.field(fieldSUCaptchaText)},
		CaptchaAnswer: m.field(fieldSUCaptcha)}
}

// suSend sends the SMS code or places the call. resend skips the security
// check, which was passed for the same number.
func (m Model) suSend(resend bool) (Model, []Effect) {
	in := m.suIdentity()
	if !resend {
		if p := account.ValidateIdentity(in); len(p) > 0 {
			return m.withProblems(p, suStep4Fields)
		}
	}
	to := account.MobileE164(in.PhoneCountry, in.MobileNumber)
	if to == "" {
		return m.withProblems([]account.Problem{{Field: account.FieldMobileNumber, Code: account.CodePhoneInvalid,
			Params: map[string]string{"reason": account.PhoneReasonLength}}}, suStep4Fields)
	}
	var op sim.Op = sim.SendSignUpSMS{To: to}
	if in.Method == account.MethodVoice {
		op = sim.CallSignUpPhone{To: to}
	}
	w, err := m.World.Do(m.Session, op, m.env())
	m.World = w
	m.Auth = core.AuthState{}
	if err != nil {
		m.notify("error", "signup.failed")
		return m, nil
	}
	item, _ := w.Devices.LastPhoneItem()
	id := strconv.Itoa(item.ID)
	if in.Method == account.MethodVoice {
		m = m.setFields(fieldSUCallItem, id, fieldSUSMSItem, "", fieldSUVerified, "")
	} else {
		m = m.setFields(fieldSUSMSItem, id, fieldSUCallItem, "", fieldSUCode, "", fieldSUVerified, "")
	}
	// The security check was used: the next number needs a new one.
	m = m.suNewCaptcha()
	focus := authID(fieldSUCode)
	if in.Method == account.MethodVoice {
		focus = "signup-pin"
	}
	if resend && in.Method == account.MethodVoice {
		m.Auth = core.AuthState{Info: "signup.step4.recalled", Route: m.UI.Route}
	} else if resend {
		m.Auth = core.AuthState{Info: "signup.step4.resent", Route: m.UI.Route}
	}
	return m, []Effect{Focus{ID: focus}}
}

// suItem returns the phone item a sign-up field names.
func (m Model) suItem(field string) (sim.PhoneItem, bool) {
	id, err := strconv.Atoi(m.field(field))
	if err != nil {
		return sim.PhoneItem{}, false
	}
	return m.World.Devices.PhoneItem(id)
}

// suVerifySMS checks the code typed from the virtual phone.
func (m Model) suVerifySMS() (Model, []Effect) {
	id, err := strconv.Atoi(m.field(fieldSUSMSItem))
	if err != nil {
		id = 0
	}
	if p := m.World.CheckSignUpSMS(id, m.field(fieldSUCode)); len(p) > 0 {
		return m.withProblems(p, suStep4Fields)
	}
	m = m.setFields(fieldSUVerified, "true")
	return m.suStep(5)
}

// suVoiceContinue moves on once the PIN was typed on the phone.
func (m Model) suVoiceContinue() (Model, []Effect) {
	id, err := strconv.Atoi(m.field(fieldSUCallItem))
	if err != nil || !m.World.SignUpCallVerified(id) {
		return m.withProblems([]account.Problem{{Field: account.FieldVerificationCode, Code: account.CodeCodeInvalid,
			Params: map[string]string{"reason": "voice"}}}, suStep4Fields)
	}
	m = m.setFields(fieldSUVerified, "true")
	return m.suStep(5)
}

// suStepOf names the page that owns a problem field.
func suStepOf(field string) int {
	switch {
	case suStep1Fields[field] != "":
		return 1
	case suStep2Fields[field] != "":
		return 2
	case suStep3Fields[field] != "":
		return 3
	case suStep4Fields[field] != "":
		return 4
	}
	return 5
}

// suFieldsOf returns the field map of a page.
func suFieldsOf(step int) map[string]string {
	return [...]map[string]string{suStep1Fields, suStep2Fields, suStep3Fields, suStep4Fields, suStep5Fields}[step-1]
}

// suCreate creates the account (a world operation) and shows the
// congratulations page.
func (m Model) suCreate() (Model, []Effect) {
	if m.Auth.Busy != "signup.create" {
		return m, nil
	}
	m.Auth = core.AuthState{}
	back := func(m Model, p account.Problem) (Model, []Effect) {
		step := suStepOf(p.Field)
		m, fx := m.goTo("#/signup/" + strconv.Itoa(step))
		m2, fx2 := m.withProblems([]account.Problem{p}, suFieldsOf(step))
		return m2, append(fx, fx2...)
	}
	if m.field(fieldSUVerified) != "true" {
		return back(m, account.Problem{Field: account.FieldVerificationCode, Code: account.CodeRequired,
			Params: map[string]string{"reason": "unverified"}})
	}
	in := m.suContact()
	op := sim.SignUp{
		Email: m.field(fieldSUEmail), AccountName: m.field(fieldSUAccountName),
		Contact: sim.Contact{Usage: in.Usage, OrganizationName: in.OrganizationName, FullName: in.FullName,
			Phone: in.Phone, Address: in.Address},
		Card:        account.CardSummary{Brand: m.field(fieldSUCardBrand), Last4: m.field(fieldSUCardLast4)},
		SupportPlan: m.field(fieldSUPlan),
	}
	if m.Secrets[fieldSUPassword] != "" {
		// Page 1 may have been changed without continuing: check it again.
		if p := m.suStep1Problems(); len(p) > 0 {
			return back(m, p[0])
		}
		op.Password = m.Secrets[fieldSUPassword]
	} else if err := json.Unmarshal([]byte(m.field(fieldSUHash)), &op.PasswordHash); err != nil || op.PasswordHash.IsZero() {
		return back(m, account.Problem{Field: account.FieldPassword, Code: account.CodeRequired})
	}
	env := m.env()
	op.AccountID = m.World.UnusedAccountID(env.Rand)
	w, err := m.World.Do(m.Session, op, env)
	m.World = w
	if err != nil {
		if p, ok := sim.ProblemOf(err); ok {
			return back(m, p)
		}
		m.notify("error", "signup.failed")
		return m, nil
	}
	email := account.NormalizeEmail(op.Email)
	m.UI.Fields = dropFields(m.UI.Fields, "signup.")
	m = m.setFields(fieldSUDoneAccount, op.AccountID, fieldSUDoneEmail, email,
		fieldSIEmail, email, fieldSIType, "root")
	secrets := maps.Clone(m.Secrets)
	for k := range secrets {
		if strings.HasPrefix(k, "signup.") {
			delete(secrets, k)
		}
	}
	m.Secrets = secrets
	return m.goTo("#/signup/done")
}
