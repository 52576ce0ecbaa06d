package account

import (
	"strconv"
	"strings"
	"time"
)

// Billing limits. AWS documents none for the cardholder name; 50 matches
// the other name fields. Expiry years run at most MaxCardYearsAhead years
// past the current one.
const (
	MaxCardholderNameLength = 50
	MaxCardYearsAhead       = 20
	minCardYear             = 2000
)

// BillingInput is step 3 of 5, billing information. The card number and CVV
// are secrets: derive a CardSummary with Summarize and drop them.
type BillingInput struct {
	CardNumber        string
	ExpMonth          int // 1–12; 0 = not chosen
	ExpYear           int // four digits; 0 = not chosen
	CardholderName    string
	CVV               string // asked only for India billing addresses (AISPL)
	UseContactAddress bool
	ContactCountry    string  // country of the contact address; used when UseContactAddress
	Address           Address // the billing address when !UseContactAddress
}

var cardholderRule = textRule{field: FieldCardholderName, required: true,
	max: MaxCardholderNameLength, tooLong: CodeCardholderTooLong, latin: true}

// CVVRequired reports whether a card billed to the country (ISO alpha-2)
// must give its security code: India, where AWS India (AISPL) asks for it.
func CVVRequired(country string) bool { return strings.EqualFold(Clean(country), "IN") }

// CardExpired reports whether a card whose expiry is month/year has expired
// at now. A card is valid through the last day of its expiry month, in
// now's location.
func CardExpired(month, year int, now time.Time) bool {
	return year < now.Year() || (year == now.Year() && month < int(now.Month()))
}

// ValidateBilling checks step 3 of 5 in page order: card number, expiry,
// cardholder name, CVV (India only), then the billing address unless the
// contact address is used.
func ValidateBilling(in BillingInput, now time.Time) []Problem {
	var problems []Problem
	if p, bad := cardNumberProblem(in.CardNumber); bad {
		problems = append(problems, p)
	}
	if p, bad := expiryProblem(in.ExpMonth, in.ExpYear, now); bad {
		problems = append(problems, p)
	}
	problems = cardholderRule.appendCheck(problems, in.CardholderName)
	country := in.Address.Country
	if in.UseContactAddress {
		country = in.ContactCountry
	}
	if CVVRequired(country) {
		if p, bad := cvvProblem(in.CVV, in.CardNumber); bad {
			problems = append(problems, p)
		}
	}
	if !in.UseContactAddress {
		problems = append(problems, ValidateAddress(in.Address)...)
	}
	return problems
}

func expiryProblem(month, year int, now time.Time) (Problem, bool) {
	switch {
	case month == 0:
		return problem(FieldExpiry, CodeRequired, "part", "month"), true
	case year == 0:
		return problem(FieldExpiry, CodeRequired, "part", "year"), true
	case month < 1 || month > 12:
		return problem(FieldExpiry, CodeCardExpiryInvalid, "part", "month"), true
	case year < minCardYear || year > now.Year()+MaxCardYearsAhead:
		return problem(FieldExpiry, CodeCardExpiryInvalid, "part", "year"), true
	case CardExpired(month, year, now):
		return problem(FieldExpiry, CodeCardExpired), true
	}
	return Problem{}, false
}

// cvvProblem: 4 digits for American Express, 3 for every other brand.
func cvvProblem(cvv, number string) (Problem, bool) {
	want := 3
	if d, ok := CardDigits(number); ok && DetectBrand(d) == BrandAmex {
		want = 4
	}
	v := Clean(cvv)
	if v == "" {
		return problem(FieldCVV, CodeRequired), true
	}
	if len(v) != want || !allDigits(v) {
		return problem(FieldCVV, CodeCVVInvalid, "digits", strconv.Itoa(want)), true
	}
	return Problem{}, false
}
