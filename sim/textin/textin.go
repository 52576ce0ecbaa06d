// Package textin is the baseline every free-text value typed by a student
// must pass before a field's own rule looks at it: no invalid UTF-8, no
// control characters (NUL included), no bidirectional controls that could
// reorder the text around it, and not made only of invisible characters.
// It returns codes and the offending character, never display text.
package textin

import (
	"strconv"
	"unicode/utf8"
)

// The problem codes Check returns.
const (
	// CodeInvalidUTF8 is a byte sequence that is not UTF-8.
	CodeInvalidUTF8 = "text.invalidUTF8"
	// CodeControl is a C0 or C1 control character (NUL, tab, newline, …).
	CodeControl = "text.control"
	// CodeBidi is a bidirectional embedding, override or isolate control
	// (U+202A–U+202E, U+2066–U+2069) or a directional mark used to
	// disguise text.
	CodeBidi = "text.bidi"
	// CodeInvisibleOnly is a value made only of invisible characters
	// (zero-width spaces and joiners, word joiner, byte-order mark).
	CodeInvisibleOnly = "text.invisibleOnly"
)

// Problem is the first baseline fault of a value: a code and the offending
// character written so that it can be shown (see Name).
type Problem struct {
	Code string
	Char string
}

// Check returns the first baseline fault of s, if any. An empty value has
// none: whether a field is required is the field's own rule.
func Check(s string) (Problem, bool) {
	visible := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return Problem{Code: CodeInvalidUTF8, Char: "U+FFFD"}, true
		}
		i += size
		switch {
		case IsControl(r):
			return Problem{Code: CodeControl, Char: Name(r)}, true
		case IsBidiControl(r):
			return Problem{Code: CodeBidi, Char: Name(r)}, true
		case IsInvisible(r) || isSpace(r):
		default:
			visible = true
		}
	}
	if s != "" && !visible {
		return Problem{Code: CodeInvisibleOnly}, true
	}
	return Problem{}, false
}

// IsControl reports whether r is a C0 or C1 control character or DEL.
func IsControl(r rune) bool { return r < 0x20 || (r >= 0x7F && r <= 0x9F) }

// IsBidiControl reports whether r changes the direction of the text around
// it: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069)
// and the Arabic letter mark (U+061C).
func IsBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x061C
}

// IsInvisible reports whether r draws nothing: zero-width space, non-joiner
// and joiner, left-to-right and right-to-left marks, word joiner and the
// byte-order mark. They may appear inside text (emoji sequences use the
// joiner) but never make a value on their own.
func IsInvisible(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x180E:
		return true
	}
	return false
}

// isSpace reports the white space a field trims: ASCII spaces, no-break
// space and the ideographic space of Korean input methods.
func isSpace(r rune) bool { return r == ' ' || r == 0xA0 || r == 0x3000 }

// Name writes r so that a message can show it: printable characters as
// themselves, everything that draws nothing or moves text as "U+XXXX".
func Name(r rune) string {
	if IsControl(r) || IsBidiControl(r) || IsInvisible(r) || r == utf8.RuneError || r == 0xA0 || r == 0x3000 {
		h := strconv.FormatInt(int64(r), 16)
		for len(h) < 4 {
			h = "0" + h
		}
		return "U+" + upper(h)
	}
	return string(r)
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
