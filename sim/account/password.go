package account

import (
	"labsim/sim/textin"

	"strconv"
	"strings"
	"unicode/utf8"
)

// Root password limits (AWS: 8–128 characters, three of four classes).
const (
	MinPasswordLength  = 8
	MaxPasswordLength  = 128
	MinPasswordClasses = 3
)

// PasswordSymbols are the characters that count as the "symbols" class, as
// AWS lists them for root passwords. Other printable ASCII punctuation is
// allowed but counts toward no class (see the package documentation).
const PasswordSymbols = "!@#$%^&*()<>[]{}|_+-="

// Checklist is the live state of every root password rule, for the list of
// ticks shown while the password is typed.
type Checklist struct {
	MinLength      bool // at least MinPasswordLength characters
	MaxLength      bool // at most MaxPasswordLength characters
	Upper          bool // has an upper-case letter A–Z
	Lower          bool // has a lower-case letter a–z
	Digit          bool // has a digit 0–9
	Symbol         bool // has one of PasswordSymbols
	Classes        int  // how many of the four classes are present
	ThreeClasses   bool // Classes >= MinPasswordClasses
	AllowedChars   bool // only printable ASCII other than space
	NotEmail       bool // differs from the email address (ignoring case)
	NotAccountName bool // differs from the account name (ignoring case)
}

// OK reports whether every rule of the checklist passes.
func (c Checklist) OK() bool {
	return c.MinLength && c.MaxLength && c.ThreeClasses && c.AllowedChars && c.NotEmail && c.NotAccountName
}

// PasswordChecklist evaluates every root password rule for pw, given the
// email address and account name typed on the same page.
func PasswordChecklist(pw, email, accountName string) Checklist {
	n := utf8.RuneCountInString(pw)
	c := Checklist{
		MinLength:      n >= MinPasswordLength,
		MaxLength:      n <= MaxPasswordLength,
		AllowedChars:   firstBadPasswordChar(pw) == "",
		NotEmail:       !equalsIgnoringCase(pw, Clean(email)),
		NotAccountName: !equalsIgnoringCase(pw, Clean(accountName)),
	}
	for i := 0; i < len(pw); i++ {
		switch b := pw[i]; {
		case b >= 'A' && b <= 'Z':
			c.Upper = true
		case b >= 'a' && b <= 'z':
			c.Lower = true
		case isDigit(b):
			c.Digit = true
		case strings.IndexByte(PasswordSymbols, b) >= 0:
			c.Symbol = true
		}
	}
	for _, has := range []bool{c.Upper, c.Lower, c.Digit, c.Symbol} {
		if has {
			c.Classes++
		}
	}
	c.ThreeClasses = c.Classes >= MinPasswordClasses
	return c
}

// ConfirmMatches reports whether the confirmation field repeats the
// password (the console's "Matches" hint); an empty confirmation never does.
func ConfirmMatches(pw, confirm string) bool { return confirm != "" && confirm == pw }

// ValidatePassword checks the root password and its confirmation against
// the email address and account name. It reports at most one problem for
// each of the two fields.
func ValidatePassword(pw, confirm, email, accountName string) []Problem {
	var problems []Problem
	if p, bad := passwordProblem(pw, email, accountName); bad {
		problems = append(problems, p)
	}
	switch {
	case confirm == "":
		problems = append(problems, problem(FieldConfirmPassword, CodeRequired))
	case confirm != pw:
		problems = append(problems, problem(FieldConfirmPassword, CodePasswordMismatch))
	}
	return problems
}

// passwordProblem returns the first failing rule, in the order: required,
// invalid character, too short, too long, classes, equals email, equals
// account name.
func passwordProblem(pw, email, accountName string) (Problem, bool) {
	if pw == "" {
		return problem(FieldPassword, CodeRequired), true
	}
	if c := firstBadPasswordChar(pw); c != "" {
		return problem(FieldPassword, CodePasswordInvalidChar, "char", c), true
	}
	c := PasswordChecklist(pw, email, accountName)
	switch {
	case !c.MinLength:
		return problem(FieldPassword, CodePasswordTooShort, "min", strconv.Itoa(MinPasswordLength)), true
	case !c.MaxLength:
		return problem(FieldPassword, CodePasswordTooLong, maxParam(MaxPasswordLength)...), true
	case !c.ThreeClasses:
		return problem(FieldPassword, CodePasswordClasses,
			"min", strconv.Itoa(MinPasswordClasses), "have", strconv.Itoa(c.Classes)), true
	case !c.NotEmail:
		return problem(FieldPassword, CodePasswordEqualsEmail), true
	case !c.NotAccountName:
		return problem(FieldPassword, CodePasswordEqualsAccountName), true
	}
	return Problem{}, false
}

// firstBadPasswordChar returns the first character of pw that is not
// printable ASCII (0x21–0x7E), or "" when all are allowed.
func firstBadPasswordChar(pw string) string {
	for i, r := range pw {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(pw[i:]); size == 1 {
				return "U+FFFD"
			}
		}
		if r < 0x21 || r > 0x7E {
			return textin.Name(r)
		}
	}
	return ""
}

// equalsIgnoringCase reports whether a non-empty other equals pw under
// Unicode case folding.
func equalsIgnoringCase(pw, other string) bool {
	return other != "" && strings.EqualFold(pw, other)
}
