package signup

import (
	"encoding/base64"
	"encoding/json"
	"maps"
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/account"
)

// Sign-up form fields. Ordinary fields are saved with the UI state so that
// a reload resumes at the same step with everything typed; the passwords,
// the card number and the CVV are secret fields (see isSecretField) and
// live only in core.Model.Secrets.
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

// Area is the five sign-up pages: #/signup/1 … #/signup/5, the
// simulated bank page #/signup/3/bank and the congratulations page
// #/signup/done.
func Area() core.Area {
	return core.Area{Pages: []string{"signup"}, Public: true, Prefix: "signup",
		View: signupView, Title: signupTitle, Click: signupClick, Submit: signupSubmit, Route: signupRoute,
		Input: signupInput}
}

// signupInput clears a field's error as soon as the field becomes valid
// (core.Model.Revalidated) on pages 1–3. Page 4's security check is left
// alone: clearing its error as the student types would tell the answer.
func signupInput(m core.Model, field, _ string) (core.Model, []core.Effect) {
	switch suPage(m, core.ParseRoute(m.UI.Route)) {
	case "1":
		return m.Revalidated(field, suStep1Problems(m), suStep1Fields), nil
	case "2":
		return m.Revalidated(field, account.ValidateContact(suContact(m)), suStep2Fields), nil
	case "3":
		return m.Revalidated(field, account.ValidateBilling(suBillingInput(m), m.Now), suStep3Fields), nil
	}
	return m, nil
}

// signupRoute rewrites a sign-up route to the page it shows, so that the
// address bar names the furthest step reached rather than a step the
// student has not reached yet.
func signupRoute(m core.Model, r core.Route) core.Route {
	switch p := suPage(m, r); p {
	case "done":
		return core.Route{Page: "signup", Arg: "done"}
	case "bank":
		return core.Route{Page: "signup", Arg: "3", Rest: "bank"}
	default:
		return core.Route{Page: "signup", Arg: p}
	}
}

// suReached is the furthest step the student has reached (1–5).
func suReached(m core.Model) int {
	n, err := strconv.Atoi(m.Field(fieldSUReached))
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
func suPage(m core.Model, r core.Route) string {
	if r.Arg == "done" && m.Field(fieldSUDoneAccount) != "" {
		return "done"
	}
	n, err := strconv.Atoi(r.Arg)
	if err != nil || n < 1 || n > suReached(m) {
		n = suReached(m)
	}
	if n > 4 && m.Field(fieldSUVerified) != "true" {
		n = 4
	}
	if n == 3 && r.Rest == "bank" && account.Summarize(m.Secrets[fieldSUCardNumber]).Last4 != "" {
		return "bank"
	}
	return strconv.Itoa(n)
}

// signupTitle is the document title of a sign-up page.
func signupTitle(m core.Model, c i18n.Catalog, r core.Route) string {
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
func suStep(m core.Model, n int) (core.Model, []core.Effect) {
	if n > suReached(m) {
		m = setFields(m, fieldSUReached, strconv.Itoa(n))
	}
	m.Auth = core.AuthState{}
	return goTo(m, "#/signup/"+strconv.Itoa(n))
}

// signupSubmit handles the sign-up forms.
func signupSubmit(m core.Model, form string) (core.Model, []core.Effect) {
	if m.Auth.Busy != "" {
		return m, nil
	}
	switch form {
	case "signup.step1":
		return suSubmit1(m)
	case "signup.step2":
		return suSubmit2(m)
	case "signup.step3":
		return suSubmit3(m)
	case "signup.step4":
		return suSend(m, false)
	case "signup.verify":
		return suCheckSMS(m)
	case "signup.step5":
		if p := account.ValidateSupportPlan(m.Field(fieldSUPlan)); len(p) > 0 {
			return withProblems(m, p, suStep5Fields)
		}
		m.Auth = core.AuthState{Busy: "signup.create"}
		return m, []core.Effect{core.Next{Msg: core.Click{Now: m.Now, Action: "signup.create"}}}
	}
	return m, nil
}

// signupClick handles the sign-up buttons and the Next messages of slow
// work.
func signupClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	switch action {
	case "signup.hash":
		return suHash(m)
	case "signup.create":
		return suCreate(m)
	case "signup.bank.confirm":
		return suBankConfirm(m)
	case "signup.bank.cancel":
		m.Auth = core.AuthState{}
		return goTo(m, "#/signup/3")
	case "signup.captcha.refresh":
		m = suNewCaptcha(m)
		return m, []core.Effect{core.Focus{ID: core.AuthID(fieldSUCaptcha)}}
	case "signup.captcha.text":
		show := "true"
		if m.Field(fieldSUCaptchaShow) == "true" {
			show = ""
		}
		return setFields(m, fieldSUCaptchaShow, show), nil
	case "signup.resend":
		return suSend(m, true)
	case "signup.change":
		m.Auth = core.AuthState{}
		m = setFields(m, fieldSUSMSItem, "", fieldSUCallItem, "", fieldSUCode, "", fieldSUVerified, "")
		return m, []core.Effect{core.Focus{ID: core.AuthID(fieldSUMobile)}}
	case "signup.voice.continue":
		return suVoiceContinue(m)
	}
	return m, nil
}

// suSubmit1 checks page 1 and, when it passes, shows that it is busy and
// hashes the password after the browser has painted.
func suSubmit1(m core.Model) (core.Model, []core.Effect) {
	if p := suStep1Problems(m); len(p) > 0 {
		return withProblems(m, p, suStep1Fields)
	}
	m.Auth = core.AuthState{Busy: "signup.hash"}
	return m, []core.Effect{core.Next{Msg: core.Click{Now: m.Now, Action: "signup.hash"}}}
}

func suStep1Problems(m core.Model) []account.Problem {
	taken := func(n string) bool { _, ok := m.World.AccountByEmail(n); return ok }
	return account.ValidateStep1(account.Step1Input{
		Email: m.Field(fieldSUEmail), Password: m.Secrets[fieldSUPassword],
		ConfirmPassword: m.Secrets[fieldSUConfirm], AccountName: m.Field(fieldSUAccountName),
	}, taken)
}

// suHash keeps the page-1 password as a salted hash and moves to page 2.
func suHash(m core.Model) (core.Model, []core.Effect) {
	if m.Auth.Busy != "signup.hash" {
		return m, nil
	}
	if p := suStep1Problems(m); len(p) > 0 {
		return withProblems(m, p, suStep1Fields)
	}
	env := m.Env()
	h, err := account.NewPasswordHash(m.Secrets[fieldSUPassword], env.Entropy, m.PasswordCost)
	if err != nil {
		m.Auth = core.AuthState{}
		m.Notify("error", "signup.failed")
		return m, nil
	}
	enc, err := json.Marshal(h)
	if err != nil {
		m.Auth = core.AuthState{}
		m.Notify("error", "signup.failed")
		return m, nil
	}
	m = setFields(m, fieldSUHash, string(enc))
	return suStep(m, 2)
}

// suContact reads page 2.
func suContact(m core.Model) account.ContactInput {
	return account.ContactInput{
		Usage: m.Field(fieldSUUsage), OrganizationName: m.Field(fieldSUOrg),
		FullName: m.Field(fieldSUFullName), Phone: m.Field(fieldSUPhone),
		Address: account.Address{Country: suCountry(m), Line1: m.Field(fieldSULine1),
			Line2: m.Field(fieldSULine2), City: m.Field(fieldSUCity),
			StateOrRegion: m.Field(fieldSUState), PostalCode: m.Field(fieldSUPostal)},
		Agreed: m.Field(fieldSUAgree) == "true",
	}
}

// suCountry is the contact country; the United States until chosen, as on
// AWS's page.
func suCountry(m core.Model) string {
	if c := m.Field(fieldSUCountry); c != "" {
		return c
	}
	return "US"
}

func suSubmit2(m core.Model) (core.Model, []core.Effect) {
	in := suContact(m)
	if p := account.ValidateContact(in); len(p) > 0 {
		return withProblems(m, p, suStep2Fields)
	}
	// Page 4 starts with the contact phone, as AWS's does.
	if m.Field(fieldSUPhoneCountry) == "" && m.Field(fieldSUMobile) == "" {
		country := in.Address.Country
		mobile := ""
		if cc, _, ok := account.SplitPhone(in.Phone); ok {
			if c, found := account.CountryByCode(country); found && c.CallingCode == cc {
				// The number as typed after the calling code.
				mobile = strings.TrimSpace(strings.TrimPrefix(account.Clean(in.Phone), "+"+cc))
			}
		}
		m = setFields(m, fieldSUPhoneCountry, country, fieldSUMobile, mobile)
	}
	return suStep(m, 3)
}

// suBillingInput reads page 3.
func suBillingInput(m core.Model) account.BillingInput {
	month, _ := strconv.Atoi(m.Field(fieldSUExpMonth))
	year, _ := strconv.Atoi(m.Field(fieldSUExpYear))
	return account.BillingInput{
		CardNumber: m.Secrets[fieldSUCardNumber], ExpMonth: month, ExpYear: year,
		CardholderName: m.Field(fieldSUCardholder), CVV: m.Secrets[fieldSUCVV],
		UseContactAddress: m.Field(fieldSUBilling) != "new", ContactCountry: suCountry(m),
		Address: account.Address{Country: m.Field(fieldSUBCountry), Line1: m.Field(fieldSUBLine1),
			Line2: m.Field(fieldSUBLine2), City: m.Field(fieldSUBCity),
			StateOrRegion: m.Field(fieldSUBState), PostalCode: m.Field(fieldSUBPostal)},
	}
}

func suSubmit3(m core.Model) (core.Model, []core.Effect) {
	if p := account.ValidateBilling(suBillingInput(m), m.Now); len(p) > 0 {
		return withProblems(m, p, suStep3Fields)
	}
	m.Auth = core.AuthState{}
	return goTo(m, "#/signup/3/bank")
}

// suBankConfirm keeps the card's brand and last four digits and moves to
// page 4. The number itself stays only in the transient secrets.
func suBankConfirm(m core.Model) (core.Model, []core.Effect) {
	if p := account.ValidateBilling(suBillingInput(m), m.Now); len(p) > 0 {
		m, fx := withProblems(m, p, suStep3Fields)
		m, fx2 := goTo(m, "#/signup/3")
		return m, append(fx2, fx...)
	}
	sum := account.Summarize(m.Secrets[fieldSUCardNumber])
	m = setFields(m, fieldSUCardBrand, sum.Brand, fieldSUCardLast4, sum.Last4)
	if m.Field(fieldSUCaptchaText) == "" {
		m = suNewCaptcha(m)
	}
	return suStep(m, 4)
}

// suNewCaptcha draws a new security check and its picture.
func suNewCaptcha(m core.Model) core.Model {
	env := m.Env()
	ch := account.NewCaptcha(env.Rand)
	img := ""
	if png, err := ch.PNG(env.Rand.Uint64()); err == nil {
		img = "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
	}
	return setFields(m, fieldSUCaptchaText, ch.Text, fieldSUCaptchaImage, img, fieldSUCaptcha, "")
}

// suIdentity reads page 4.
func suIdentity(m core.Model) account.IdentityInput {
	method := m.Field(fieldSUMethod)
	if method == "" {
		method = account.MethodSMS
	}
	return account.IdentityInput{Method: method, PhoneCountry: m.Field(fieldSUPhoneCountry),
		MobileNumber: m.Field(fieldSUMobile), Captcha: account.Captcha{Text: m.Field(fieldSUCaptchaText)},
		CaptchaAnswer: m.Field(fieldSUCaptcha)}
}

// suSend sends the SMS code or places the call. resend skips the security
// check, which was passed for the same number.
func suSend(m core.Model, resend bool) (core.Model, []core.Effect) {
	in := suIdentity(m)
	if !resend {
		if p := account.ValidateIdentity(in); len(p) > 0 {
			return withProblems(m, p, suStep4Fields)
		}
	}
	to := account.MobileE164(in.PhoneCountry, in.MobileNumber)
	if to == "" {
		return withProblems(m, []account.Problem{{Field: account.FieldMobileNumber, Code: account.CodePhoneInvalid,
			Params: map[string]string{"reason": account.PhoneReasonLength}}}, suStep4Fields)
	}
	var op sim.Op = sim.SendSignUpSMS{To: to}
	if in.Method == account.MethodVoice {
		op = sim.CallSignUpPhone{To: to}
	}
	w, err := m.World.Do(m.Session, op, m.Env())
	m.World = w
	m.Auth = core.AuthState{}
	if err != nil {
		m.Notify("error", "signup.failed")
		return m, nil
	}
	item, _ := w.Devices.LastPhoneItem()
	id := strconv.Itoa(item.ID)
	if in.Method == account.MethodVoice {
		m = setFields(m, fieldSUCallItem, id, fieldSUSMSItem, "", fieldSUVerified, "")
	} else {
		m = setFields(m, fieldSUSMSItem, id, fieldSUCallItem, "", fieldSUCode, "", fieldSUVerified, "")
	}
	// The security check was used: the next number needs a new one.
	m = suNewCaptcha(m)
	focus := core.AuthID(fieldSUCode)
	if in.Method == account.MethodVoice {
		focus = "signup-pin"
	}
	if resend && in.Method == account.MethodVoice {
		m.Auth = core.AuthState{Info: "signup.step4.recalled", Route: m.UI.Route}
	} else if resend {
		m.Auth = core.AuthState{Info: "signup.step4.resent", Route: m.UI.Route}
	}
	return m, []core.Effect{core.Focus{ID: focus}}
}

// suItem returns the phone item a sign-up field names.
func suItem(m core.Model, field string) (sim.PhoneItem, bool) {
	id, err := strconv.Atoi(m.Field(field))
	if err != nil {
		return sim.PhoneItem{}, false
	}
	return m.World.Devices.PhoneItem(id)
}

// suCheckSMS checks the code typed from the virtual phone.
func suCheckSMS(m core.Model) (core.Model, []core.Effect) {
	id, err := strconv.Atoi(m.Field(fieldSUSMSItem))
	if err != nil {
		id = 0
	}
	if p := m.World.CheckSignUpSMS(id, m.Field(fieldSUCode)); len(p) > 0 {
		return withProblems(m, p, suStep4Fields)
	}
	m = setFields(m, fieldSUVerified, "true")
	return suStep(m, 5)
}

// suVoiceContinue moves on once the PIN was typed on the phone.
func suVoiceContinue(m core.Model) (core.Model, []core.Effect) {
	id, err := strconv.Atoi(m.Field(fieldSUCallItem))
	if err != nil || !m.World.SignUpCallVerified(id) {
		return withProblems(m, []account.Problem{{Field: account.FieldVerificationCode, Code: account.CodeCodeInvalid,
			Params: map[string]string{"reason": "voice"}}}, suStep4Fields)
	}
	m = setFields(m, fieldSUVerified, "true")
	return suStep(m, 5)
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
func suCreate(m core.Model) (core.Model, []core.Effect) {
	if m.Auth.Busy != "signup.create" {
		return m, nil
	}
	m.Auth = core.AuthState{}
	back := func(m core.Model, p account.Problem) (core.Model, []core.Effect) {
		step := suStepOf(p.Field)
		m, fx := goTo(m, "#/signup/"+strconv.Itoa(step))
		m2, fx2 := withProblems(m, []account.Problem{p}, suFieldsOf(step))
		return m2, append(fx, fx2...)
	}
	if m.Field(fieldSUVerified) != "true" {
		return back(m, account.Problem{Field: account.FieldVerificationCode, Code: account.CodeRequired,
			Params: map[string]string{"reason": "unverified"}})
	}
	in := suContact(m)
	op := sim.SignUp{
		Email: m.Field(fieldSUEmail), AccountName: m.Field(fieldSUAccountName),
		Contact: sim.Contact{Usage: in.Usage, OrganizationName: in.OrganizationName, FullName: in.FullName,
			Phone: in.Phone, Address: in.Address},
		Card:        account.CardSummary{Brand: m.Field(fieldSUCardBrand), Last4: m.Field(fieldSUCardLast4)},
		SupportPlan: m.Field(fieldSUPlan),
	}
	if m.Secrets[fieldSUPassword] != "" {
		// Page 1 may have been changed without continuing: check it again.
		if p := suStep1Problems(m); len(p) > 0 {
			return back(m, p[0])
		}
		op.Password = m.Secrets[fieldSUPassword]
	} else if err := json.Unmarshal([]byte(m.Field(fieldSUHash)), &op.PasswordHash); err != nil || op.PasswordHash.IsZero() {
		return back(m, account.Problem{Field: account.FieldPassword, Code: account.CodeRequired})
	}
	env := m.Env()
	op.AccountID = m.World.UnusedAccountID(env.Rand)
	w, err := m.World.Do(m.Session, op, env)
	m.World = w
	if err != nil {
		if p, ok := sim.ProblemOf(err); ok {
			return back(m, p)
		}
		m.Notify("error", "signup.failed")
		return m, nil
	}
	email := account.NormalizeEmail(op.Email)
	m.UI.Fields = core.DropFields(m.UI.Fields, "signup.")
	m = setFields(m, fieldSUDoneAccount, op.AccountID, fieldSUDoneEmail, email,
		core.FieldSigninEmail, email, core.FieldSigninType, "root")
	secrets := maps.Clone(m.Secrets)
	for k := range secrets {
		if strings.HasPrefix(k, "signup.") {
			delete(secrets, k)
		}
	}
	m.Secrets = secrets
	return goTo(m, "#/signup/done")
}
