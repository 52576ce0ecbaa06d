package account

import "strings"

// Phone number limits: the Account Management API allows 20 characters for
// the contact phone; E.164 allows 15 digits including the calling code.
const (
	MaxPhoneLength         = 20
	MaxPhoneDigits         = 15
	MinNationalPhoneDigits = 4
)

// Reasons given in Params["reason"] of a phone.invalid problem.
const (
	PhoneReasonPlus   = "plus"   // contact phone does not start with "+"
	PhoneReasonChars  = "chars"  // a character other than digits, spaces, ( ) and -
	PhoneReasonLength = "length" // too few or too many digits
)

// SplitPhone splits a contact phone number such as "+82 10-1234-5678" into
// its calling code ("82") and national digits ("1012345678"). ok is false
// when the number is malformed or its calling code is unknown.
func SplitPhone(phone string) (callingCode, national string, ok bool) {
	v := Clean(phone)
	if !strings.HasPrefix(v, "+") || phoneCharsProblem(v[1:]) {
		return "", "", false
	}
	digits := onlyDigits(v)
	for n := 1; n <= 3 && n <= len(digits); n++ {
		if KnownCallingCode(digits[:n]) {
			return digits[:n], digits[n:], true
		}
	}
	return "", "", false
}

// ValidateContactPhone checks the contact phone number: it starts with "+"
// and a known calling code, then uses only digits, spaces, parentheses and
// hyphens; at most 20 characters, 15 digits, and 4 digits after the code.
func ValidateContactPhone(phone string) []Problem {
	if p, bad := contactPhoneProblem(phone); bad {
		return []Problem{p}
	}
	return nil
}

func contactPhoneProblem(phone string) (Problem, bool) {
	v := Clean(phone)
	switch {
	case v == "":
		return problem(FieldPhone, CodeRequired), true
	case len(v) > MaxPhoneLength:
		return problem(FieldPhone, CodePhoneTooLong, maxParam(MaxPhoneLength)...), true
	case v[0] != '+':
		return problem(FieldPhone, CodePhoneInvalid, "reason", PhoneReasonPlus), true
	case phoneCharsProblem(v[1:]):
		return problem(FieldPhone, CodePhoneInvalid, "reason", PhoneReasonChars), true
	}
	if n := len(onlyDigits(v)); n == 0 || n > MaxPhoneDigits {
		return problem(FieldPhone, CodePhoneInvalid, "reason", PhoneReasonLength), true
	}
	cc, national, ok := SplitPhone(v)
	if !ok {
		return problem(FieldPhone, CodePhoneCallingCode), true
	}
	if len(national) < MinNationalPhoneDigits || len(cc)+len(national) > MaxPhoneDigits {
		return problem(FieldPhone, CodePhoneInvalid, "reason", PhoneReasonLength), true
	}
	return Problem{}, false
}

// NationalMobileDigits returns the digits of a mobile number typed in
// national form (e.g. "010-1234-5678") without separators and without one
// leading trunk 0 ("1012345678"). ok is false when the number has other
// characters than digits, spaces, ( ) and -, or no digits at all.
func NationalMobileDigits(number string) (digits string, ok bool) {
	v := Clean(number)
	if phoneCharsProblem(v) {
		return "", false
	}
	d := strings.TrimPrefix(onlyDigits(v), "0")
	return d, d != ""
}

// MobileE164 returns the number in E.164 form ("+821012345678") for the
// country with ISO code country, or "" when either is invalid.
func MobileE164(country, number string) string {
	c, ok := CountryByCode(country)
	d, okNum := NationalMobileDigits(number)
	if !ok || !okNum || c.CallingCode == "" {
		return ""
	}
	return "+" + c.CallingCode + d
}

// phoneCharsProblem reports a character other than digits, spaces, ( ) and
// -.
func phoneCharsProblem(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && c != ' ' && c != '(' && c != ')' && c != '-' {
			return true
		}
	}
	return false
}

func onlyDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
