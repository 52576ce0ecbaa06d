package account

import (
	"strings"

	"labsim/sim/textin"
)

// Email limits.
const (
	MaxEmailLength      = 254 // whole address, in characters
	MaxEmailLocalLength = 64  // part before the @
	maxDomainLabel      = 63
)

// Reasons given in Params["reason"] of an email.invalid problem.
const (
	EmailReasonASCII  = "ascii"  // a character outside 7-bit ASCII
	EmailReasonSpace  = "space"  // white space inside (control characters are CodeInvalidChar)
	EmailReasonAt     = "at"     // not exactly one @
	EmailReasonLocal  = "local"  // part before @ empty, too long or with a forbidden character
	EmailReasonDots   = "dots"   // leading, trailing or doubled dot
	EmailReasonDomain = "domain" // domain without a dot, or a bad label
	EmailReasonTLD    = "tld"    // last label shorter than 2 or all digits
)

// localForbidden are the characters the part before @ may not contain
// (white space is handled separately).
const localForbidden = "\"'()<>[]:;,\\|%&@"

// NormalizeEmail returns the form under which addresses are compared and
// stored: surrounding white space removed and ASCII letters lower-cased.
// Two addresses are the same account when their normalized forms are equal.
func NormalizeEmail(email string) string { return strings.ToLower(Clean(email)) }

// SameEmail reports whether a and b name the same root user, ignoring case
// and surrounding white space.
func SameEmail(a, b string) bool { return NormalizeEmail(a) == NormalizeEmail(b) }

// ValidEmail reports whether email is present and passes the length and
// format rules of ValidateEmail.
func ValidEmail(email string) bool { return len(ValidateEmail(email, nil)) == 0 }

// ValidateEmail checks a root user email address: required, at most 254
// characters, a practical local@domain.tld format, and not already used.
// taken receives the normalized address (see NormalizeEmail) and may be nil.
func ValidateEmail(email string, taken func(normalized string) bool) []Problem {
	v := Clean(email)
	base, bad := textin.Check(v)
	if v == "" || (bad && base.Code == textin.CodeInvisibleOnly) {
		return []Problem{problem(FieldEmail, CodeRequired)}
	}
	if bad {
		// A control or bidirectional character is named as it is, not
		// mistaken for a space or a non-English letter.
		return []Problem{problem(FieldEmail, CodeInvalidChar, "char", base.Char)}
	}
	if len(v) > MaxEmailLength {
		return []Problem{problem(FieldEmail, CodeEmailTooLong, maxParam(MaxEmailLength)...)}
	}
	if p, bad := emailFormatProblem(v); bad {
		return []Problem{p}
	}
	if taken != nil && taken(NormalizeEmail(v)) {
		return []Problem{problem(FieldEmail, CodeEmailTaken)}
	}
	return nil
}

func emailInvalid(reason string) (Problem, bool) {
	return problem(FieldEmail, CodeEmailInvalid, "reason", reason), true
}

// emailFormatProblem checks the format of a cleaned, non-empty address.
func emailFormatProblem(v string) (Problem, bool) {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= 0x80 {
			return emailInvalid(EmailReasonASCII)
		}
		if c <= ' ' || c == 0x7F {
			return emailInvalid(EmailReasonSpace)
		}
	}
	if strings.Count(v, "@") != 1 {
		return emailInvalid(EmailReasonAt)
	}
	local, domain, _ := strings.Cut(v, "@")
	if local == "" || len(local) > MaxEmailLocalLength || strings.ContainsAny(local, localForbidden) {
		return emailInvalid(EmailReasonLocal)
	}
	if badDots(local) {
		return emailInvalid(EmailReasonDots)
	}
	if domain == "" || !strings.Contains(domain, ".") {
		return emailInvalid(EmailReasonDomain)
	}
	if badDots(domain) {
		return emailInvalid(EmailReasonDots)
	}
	labels := strings.Split(domain, ".")
	for _, l := range labels {
		if !validDomainLabel(l) {
			return emailInvalid(EmailReasonDomain)
		}
	}
	if tld := labels[len(labels)-1]; len(tld) < 2 || allDigits(tld) {
		return emailInvalid(EmailReasonTLD)
	}
	return Problem{}, false
}

func badDots(s string) bool {
	return strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || strings.Contains(s, "..")
}

// validDomainLabel: 1–63 letters, digits or hyphens, not starting or ending
// with a hyphen.
func validDomainLabel(l string) bool {
	if l == "" || len(l) > maxDomainLabel || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !isASCIILetter(c) && !isDigit(c) && c != '-' {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
