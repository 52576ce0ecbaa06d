package account

import "strings"

// normalizeAnswer prepares a typed code or captcha answer for comparison:
// white space anywhere is dropped and full-width ASCII forms (typed with a
// Korean or Japanese input method) become plain ASCII.
func normalizeAnswer(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFF01 - 0x21
		}
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0x3000 || r == 0xA0 {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
