package account

import "strings"

// Card brands recognised at sign-up.
const (
	BrandVisa       = "visa"
	BrandMastercard = "mastercard"
	BrandAmex       = "amex"
	BrandDiscover   = "discover"
	BrandJCB        = "jcb"
	BrandUnionPay   = "unionpay"
	BrandDiners     = "diners"
)

// TestCardNumber is a Luhn-valid Visa test number that no issuer gives to a
// real card; labs and tests may type it freely.
const TestCardNumber = "4111 1111 1111 1111"

// Card number length limits, in digits.
const (
	MinCardDigits = 12
	MaxCardDigits = 19
)

// CardSummary is everything about a card that may be kept after the billing
// step: its brand and last four digits. The number itself never is.
type CardSummary struct {
	Brand string `json:"brand"`
	Last4 string `json:"last4"`
}

// brandRule is one issuer range: numbers whose first len(lo) digits lie in
// [lo, hi] belong to brand, which allows the listed lengths.
type brandRule struct {
	lo, hi  string
	brand   string
	lengths []int
}

// brandRules are checked in order; the first match wins.
var brandRules = []brandRule{
	{"34", "34", BrandAmex, []int{15}},
	{"37", "37", BrandAmex, []int{15}},
	{"300", "305", BrandDiners, span(14, 19)},
	{"3095", "3095", BrandDiners, span(14, 19)},
	{"36", "36", BrandDiners, span(14, 19)},
	{"38", "39", BrandDiners, span(14, 19)},
	{"3528", "3589", BrandJCB, span(16, 19)},
	{"4", "4", BrandVisa, []int{13, 16, 19}},
	{"51", "55", BrandMastercard, []int{16}},
	{"2221", "2720", BrandMastercard, []int{16}},
	{"6011", "6011", BrandDiscover, span(16, 19)},
	{"644", "649", BrandDiscover, span(16, 19)},
	{"65", "65", BrandDiscover, span(16, 19)},
	{"62", "62", BrandUnionPay, span(16, 19)},
	{"81", "81", BrandUnionPay, span(16, 19)},
}

func span(lo, hi int) []int {
	var s []int
	for n := lo; n <= hi; n++ {
		s = append(s, n)
	}
	return s
}

// BrandName returns the brand's proper name ("American Express" for
// BrandAmex); brand names are the same in every language.
func BrandName(brand string) string {
	switch brand {
	case BrandVisa:
		return "Visa"
	case BrandMastercard:
		return "Mastercard"
	case BrandAmex:
		return "American Express"
	case BrandDiscover:
		return "Discover"
	case BrandJCB:
		return "JCB"
	case BrandUnionPay:
		return "UnionPay"
	case BrandDiners:
		return "Diners Club"
	}
	return ""
}

// CardDigits returns the digits of a card number typed with optional
// spaces or dashes. ok is false for any other character or for fewer than
// MinCardDigits or more than MaxCardDigits digits.
func CardDigits(number string) (digits string, ok bool) {
	var b strings.Builder
	for _, r := range Clean(number) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
		default:
			return "", false
		}
	}
	d := b.String()
	return d, len(d) >= MinCardDigits && len(d) <= MaxCardDigits
}

// DetectBrand returns the brand whose issuer range contains the digits, or
// "" when none does. It looks at the prefix only, not the length.
func DetectBrand(digits string) string {
	if r, ok := matchBrand(digits); ok {
		return r.brand
	}
	return ""
}

func matchBrand(digits string) (brandRule, bool) {
	for _, r := range brandRules {
		if len(digits) < len(r.lo) {
			continue
		}
		p := digits[:len(r.lo)]
		if p >= r.lo && p <= r.hi {
			return r, true
		}
	}
	return brandRule{}, false
}

// Luhn reports whether a string of digits passes the Luhn (mod 10) check.
// It is false for an empty string or any non-digit.
func Luhn(digits string) bool {
	if digits == "" {
		return false
	}
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		c := digits[i]
		if !isDigit(c) {
			return false
		}
		d := int(c - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// Summarize returns the brand and last four digits of a card number; the
// summary is empty when the number is not 12–19 digits.
func Summarize(number string) CardSummary {
	d, ok := CardDigits(number)
	if !ok {
		return CardSummary{}
	}
	return CardSummary{Brand: DetectBrand(d), Last4: d[len(d)-4:]}
}

// cardNumberProblem returns the first failing rule: required, format,
// brand (unknown range or wrong length for the brand), Luhn.
func cardNumberProblem(number string) (Problem, bool) {
	if Clean(number) == "" {
		return problem(FieldCardNumber, CodeRequired), true
	}
	d, ok := CardDigits(number)
	if !ok {
		return problem(FieldCardNumber, CodeCardFormat), true
	}
	r, ok := matchBrand(d)
	if !ok {
		return problem(FieldCardNumber, CodeCardBrand), true
	}
	lengthOK := false
	for _, n := range r.lengths {
		lengthOK = lengthOK || n == len(d)
	}
	if !lengthOK {
		return problem(FieldCardNumber, CodeCardBrand, "brand", r.brand), true
	}
	if !Luhn(d) {
		return problem(FieldCardNumber, CodeCardLuhn), true
	}
	return Problem{}, false
}
