package account

import (
	"crypto/subtle"
	"math/rand/v2"
	"strings"
)

// Lengths of the verification codes sent during sign-up.
const (
	EmailCodeDigits = 6 // code mailed to the root user email address
	SMSCodeDigits   = 6 // code sent by text message
	VoicePINDigits  = 4 // PIN shown on screen and typed on the phone's keypad
)

// NewNumericCode returns a code of the given number of decimal digits,
// each drawn uniformly from r; leading zeros are kept. It returns "" when
// digits < 1.
func NewNumericCode(r *rand.Rand, digits int) string {
	if digits < 1 {
		return ""
	}
	b := make([]byte, digits)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// CheckCode reports whether the typed code got equals the issued code want.
// White space in got is ignored and full-width digits count as digits. The
// comparison takes the same time for every typed value of the right length.
func CheckCode(want, got string) bool {
	g := normalizeAnswer(got)
	if want == "" || len(g) != len(want) || strings.ContainsFunc(g, func(r rune) bool { return r < '0' || r > '9' }) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(want), []byte(g)) == 1
}

// ValidateVerificationCode checks a typed email, SMS or voice code against
// the issued one: required, then code.invalid.
func ValidateVerificationCode(want, got string) []Problem {
	switch {
	case normalizeAnswer(got) == "":
		return []Problem{problem(FieldVerificationCode, CodeRequired)}
	case !CheckCode(want, got):
		return []Problem{problem(FieldVerificationCode, CodeCodeInvalid)}
	}
	return nil
}
