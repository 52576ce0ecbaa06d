package account

import "strconv"

// Problem is one validation failure of one form field. It carries a code and
// parameters, never display text: the console translates Code (with Params)
// into the Korean or English message shown next to Field.
type Problem struct {
	Field  string
	Code   string
	Params map[string]string
}

// Field names used in Problem.Field, one per form control of the sign-up pages.
const (
	FieldEmail            = "email"
	FieldPassword         = "password"
	FieldConfirmPassword  = "confirmPassword"
	FieldAccountName      = "accountName"
	FieldUsage            = "usage"
	FieldOrganizationName = "organizationName"
	FieldFullName         = "fullName"
	FieldPhone            = "phone"
	FieldCountry          = "country"
	FieldAddressLine1     = "addressLine1"
	FieldAddressLine2     = "addressLine2"
	FieldCity             = "city"
	FieldStateOrRegion    = "stateOrRegion"
	FieldPostalCode       = "postalCode"
	FieldAgreement        = "agreement"
	FieldCardNumber       = "cardNumber"
	FieldExpiry           = "expiry" // month and year selects of the expiration date
	FieldCardholderName   = "cardholderName"
	FieldCVV              = "cvv"
	FieldContactMethod    = "contactMethod"
	FieldPhoneCountry     = "phoneCountry"
	FieldMobileNumber     = "mobileNumber"
	FieldCaptcha          = "captcha"
	FieldVerificationCode = "verificationCode"
	FieldSupportPlan      = "supportPlan"
)

// Problem codes. Codes that carry parameters say so; "max" and "min" are
// decimal numbers, "char" is the first offending character.
const (
	CodeRequired          = "required"           // field empty or not chosen; Params: part (month|year) for the expiry
	CodeInvalidChar       = "invalidChar"        // control or other forbidden character; Params: char
	CodeLatinOnly         = "latinOnly"          // address text must use Latin letters; Params: char
	CodeChoiceInvalid     = "choice.invalid"     // a radio or select value that is not offered
	CodeAgreementRequired = "agreement.required" // customer agreement not ticked

	CodeEmailInvalid = "email.invalid" // Params: reason (see email.go)
	CodeEmailTooLong = "email.tooLong" // Params: max
	CodeEmailTaken   = "email.taken"

	CodePasswordTooShort          = "password.tooShort" // Params: min
	CodePasswordTooLong           = "password.tooLong"  // Params: max
	CodePasswordClasses           = "password.classes"  // Params: min (classes needed), have
	CodePasswordEqualsEmail       = "password.equalsEmail"
	CodePasswordEqualsAccountName = "password.equalsAccountName"
	CodePasswordMismatch          = "password.mismatch"
	CodePasswordInvalidChar       = "password.invalidChar" // Params: char

	CodeAccountNameTooLong  = "accountName.tooLong"      // Params: max
	CodeFullNameTooLong     = "fullName.tooLong"         // Params: max
	CodeOrganizationTooLong = "organizationName.tooLong" // Params: max
	CodeAddressTooLong      = "address.tooLong"          // Params: max
	CodeCityTooLong         = "city.tooLong"             // Params: max
	CodeStateTooLong        = "state.tooLong"            // Params: max
	CodePostalTooLong       = "postal.tooLong"           // Params: max
	CodePostalInvalid       = "postal.invalid"           // Params: char
	CodeCountryUnknown      = "country.unknown"

	CodePhoneInvalid     = "phone.invalid"     // Params: reason (see phone.go)
	CodePhoneCallingCode = "phone.callingCode" // no country uses the number's calling code
	CodePhoneTooLong     = "phone.tooLong"     // Params: max

	CodeCardFormat        = "card.format" // not 12–19 digits with optional spaces or dashes
	CodeCardBrand         = "card.brand"  // no accepted brand, or wrong length for the brand; Params: brand (when known)
	CodeCardLuhn          = "card.luhn"
	CodeCardExpiryInvalid = "card.expiryInvalid" // month outside 1–12 or year implausible; Params: part (month|year)
	CodeCardExpired       = "card.expired"
	CodeCardholderTooLong = "cardholder.tooLong" // Params: max
	CodeCVVInvalid        = "cvv.invalid"        // Params: digits

	CodeCaptchaMismatch = "captcha.mismatch"
	CodeCodeInvalid     = "code.invalid" // verification code or PIN does not match
)

// ProblemCodes returns every problem code the package reports, so that the
// console's message catalogs can be checked for a message for each.
func ProblemCodes() []string {
	return []string{
		CodeRequired, CodeInvalidChar, CodeLatinOnly, CodeChoiceInvalid, CodeAgreementRequired,
		CodeEmailInvalid, CodeEmailTooLong, CodeEmailTaken,
		CodePasswordTooShort, CodePasswordTooLong, CodePasswordClasses, CodePasswordEqualsEmail,
		CodePasswordEqualsAccountName, CodePasswordMismatch, CodePasswordInvalidChar,
		CodeAccountNameTooLong, CodeFullNameTooLong, CodeOrganizationTooLong, CodeAddressTooLong,
		CodeCityTooLong, CodeStateTooLong, CodePostalTooLong, CodePostalInvalid, CodeCountryUnknown,
		CodePhoneInvalid, CodePhoneCallingCode, CodePhoneTooLong,
		CodeCardFormat, CodeCardBrand, CodeCardLuhn, CodeCardExpiryInvalid, CodeCardExpired,
		CodeCardholderTooLong, CodeCVVInvalid,
		CodeCaptchaMismatch, CodeCodeInvalid,
	}
}

func problem(field, code string, kv ...string) Problem {
	p := Problem{Field: field, Code: code}
	if len(kv) > 0 {
		p.Params = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			p.Params[kv[i]] = kv[i+1]
		}
	}
	return p
}

func maxParam(n int) []string { return []string{"max", strconv.Itoa(n)} }

// HasField reports whether problems contains a problem for field.
func HasField(problems []Problem, field string) bool {
	for _, p := range problems {
		if p.Field == field {
			return true
		}
	}
	return false
}

// ForField returns the problem for field and true, or false when the field
// has none. Validators report at most one problem per field.
func ForField(problems []Problem, field string) (Problem, bool) {
	for _, p := range problems {
		if p.Field == field {
			return p, true
		}
	}
	return Problem{}, false
}
