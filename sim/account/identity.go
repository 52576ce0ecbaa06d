package account

// How the verification code reaches the phone (step 4 of 5).
const (
	MethodSMS   = "sms"   // a 6-digit code by text message, typed on the page
	MethodVoice = "voice" // a call; the 4-digit PIN shown on the page is typed on the phone
)

// IdentityInput is step 4 of 5, confirm your identity, up to the "Send SMS"
// button.
type IdentityInput struct {
	Method        string  // MethodSMS or MethodVoice
	PhoneCountry  string  // ISO alpha-2 chosen in "Country or region code"
	MobileNumber  string  // national form, e.g. "010-1234-5678"
	Captcha       Captcha // the security check that was shown
	CaptchaAnswer string
}

// ValidateIdentity checks step 4 of 5 in page order: method, country code,
// mobile number, security check. The mobile number may use spaces, ( ) and
// hyphens and one leading trunk 0; it needs at least 4 digits, and the
// calling code plus number at most 15.
func ValidateIdentity(in IdentityInput) []Problem {
	var problems []Problem
	switch in.Method {
	case MethodSMS, MethodVoice:
	case "":
		problems = append(problems, problem(FieldContactMethod, CodeRequired))
	default:
		problems = append(problems, problem(FieldContactMethod, CodeChoiceInvalid))
	}
	c, ok := CountryByCode(in.PhoneCountry)
	switch {
	case Clean(in.PhoneCountry) == "":
		problems = append(problems, problem(FieldPhoneCountry, CodeRequired))
	case !ok || c.CallingCode == "":
		problems = append(problems, problem(FieldPhoneCountry, CodeCountryUnknown))
	}
	if p, bad := mobileProblem(in.MobileNumber, c.CallingCode); bad {
		problems = append(problems, p)
	}
	return append(problems, ValidateCaptcha(in.Captcha, in.CaptchaAnswer)...)
}

// mobileProblem checks a national mobile number; callingCode may be "" when
// the country is not chosen yet, and then only the number itself is judged.
func mobileProblem(number, callingCode string) (Problem, bool) {
	if Clean(number) == "" {
		return problem(FieldMobileNumber, CodeRequired), true
	}
	d, ok := NationalMobileDigits(number)
	if !ok {
		reason := PhoneReasonChars
		if !phoneCharsProblem(Clean(number)) {
			reason = PhoneReasonLength // only zeros and separators
		}
		return problem(FieldMobileNumber, CodePhoneInvalid, "reason", reason), true
	}
	if len(d) < MinNationalPhoneDigits || len(callingCode)+len(d) > MaxPhoneDigits {
		return problem(FieldMobileNumber, CodePhoneInvalid, "reason", PhoneReasonLength), true
	}
	return Problem{}, false
}
