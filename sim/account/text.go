package account

import (
	"strings"
	"unicode/utf8"

	"labsim/sim/textin"
)

// Clean returns s without surrounding white space. Validators judge text
// fields (never passwords) by their cleaned value, and callers should store
// the cleaned value.
func Clean(s string) string { return strings.TrimSpace(s) }

// isLatinText reports whether r may appear in address text: printable ASCII,
// Latin-1 Supplement, Latin Extended-A/B and Additional, and combining
// diacritical marks. Hangul, kana, Han and full-width forms are not.
func isLatinText(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7E:
		return true
	case r >= 0xA0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7 // × and ÷
	case r >= 0x300 && r <= 0x36F:
		return true
	case r >= 0x1E00 && r <= 0x1EFF:
		return true
	case r == 0x2019 || r == 0x2018: // typographic apostrophes
		return true
	}
	return false
}

// textRule describes one free-text field.
type textRule struct {
	field    string
	required bool
	max      int    // in characters (runes)
	tooLong  string // problem code when longer than max
	latin    bool   // only Latin-script text (addresses)
}

// check returns the first problem of value under the rule.
func (t textRule) check(value string) (Problem, bool) {
	v := Clean(value)
	base, bad := textin.Check(v)
	if v == "" || (bad && base.Code == textin.CodeInvisibleOnly) {
		// A value made only of invisible characters is as empty as "".
		if t.required {
			return problem(t.field, CodeRequired), true
		}
		if v == "" {
			return Problem{}, false
		}
	}
	if bad {
		return problem(t.field, CodeInvalidChar, "char", base.Char), true
	}
	if t.latin {
		for _, r := range v {
			if !isLatinText(r) {
				return problem(t.field, CodeLatinOnly, "char", textin.Name(r)), true
			}
		}
	}
	if utf8.RuneCountInString(v) > t.max {
		return problem(t.field, t.tooLong, maxParam(t.max)...), true
	}
	return Problem{}, false
}

// appendCheck appends the rule's problem for value, if any.
func (t textRule) appendCheck(problems []Problem, value string) []Problem {
	if p, bad := t.check(value); bad {
		problems = append(problems, p)
	}
	return problems
}
