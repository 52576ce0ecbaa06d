package policy

import "unicode/utf8"

// Byte classes of the scans that look at every byte of a policy text.
const (
	// classNonSpace: an ASCII character that is not white space
	// (unicode.IsSpace).
	classNonSpace uint8 = 1 << iota
	// classIAM: an ASCII character in IAM's PolicyDocument character set
	// (tab, LF, CR, U+0020–U+007F).
	classIAM
	// classPlain: an ASCII character that can stand in a JSON string as
	// itself ('"', '\\' and control characters cannot), other than the
	// space (which the parser counts).
	classPlain
)

// byteClass holds the classes of each byte value; bytes of multi-byte
// UTF-8 sequences (0x80 and above) have none. Built once, never changed.
var byteClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch c {
		case ' ', '\t', '\n', '\r', '\v', '\f':
		default:
			t[c] |= classNonSpace
		}
		if c == '\t' || c == '\n' || c == '\r' || c >= 0x20 {
			t[c] |= classIAM
		}
		if c > ' ' && c != '"' && c != '\\' {
			t[c] |= classPlain
		}
	}
	return t
}()

// iamCharsOK reports whether every character of text is in IAM's
// PolicyDocument character set: tab, LF, CR and U+0020–U+00FF.
func iamCharsOK(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if byteClass[c]&classIAM == 0 {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r > 0xFF || (r == utf8.RuneError && size == 1) {
			return false
		}
		i += size
	}
	return true
}
