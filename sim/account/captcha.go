package account

import (
	"math/rand/v2"
	"strings"
)

// CaptchaAlphabet lists the symbols a captcha is made of, in their upper
// case form. Letters are shown in random case. Symbols that people confuse
// are left out, in either case: 0 O Q D, 1 I L, 2 Z, 5 S, 8 B, and the
// letters B G (b and G look like 6), G Q (g and q look like 9) and U (like V).
const CaptchaAlphabet = "34679ACEFHJKMNPRTVWXY"

// CaptchaLength is the number of symbols of a captcha, as in the
// textbook's "75V6Yd".
const CaptchaLength = 6

// Captcha is a security-check challenge: the text drawn in its picture.
type Captcha struct {
	Text string `json:"text"`
}

// NewCaptcha draws a CaptchaLength-symbol captcha from r; letters are upper
// or lower case at random.
func NewCaptcha(r *rand.Rand) Captcha {
	b := make([]byte, CaptchaLength)
	for i := range b {
		c := CaptchaAlphabet[r.IntN(len(CaptchaAlphabet))]
		if isASCIILetter(c) && r.IntN(2) == 0 {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return Captcha{Text: string(b)}
}

// Check reports whether answer is the captcha's text. Case is ignored (the
// alphabet has no symbols that differ only by case), as is white space
// anywhere, and full-width letters and digits count as ASCII.
func (c Captcha) Check(answer string) bool {
	return c.Text != "" && strings.EqualFold(normalizeAnswer(answer), c.Text)
}

// ValidateCaptcha checks the typed answer to the security check.
func ValidateCaptcha(c Captcha, answer string) []Problem {
	switch {
	case normalizeAnswer(answer) == "":
		return []Problem{problem(FieldCaptcha, CodeRequired)}
	case !c.Check(answer):
		return []Problem{problem(FieldCaptcha, CodeCaptchaMismatch)}
	}
	return nil
}
