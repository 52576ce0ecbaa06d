package account

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var testNow = time.Date(2026, time.March, 15, 10, 0, 0, 0, time.UTC)

func billingFor(number string) BillingInput {
	return BillingInput{
		CardNumber: number, ExpMonth: 12, ExpYear: 2028, CardholderName: "HONG GILDONG",
		UseContactAddress: true, ContactCountry: "KR",
	}
}

func TestValidateBilling(t *testing.T) {
	tests := []struct {
		name string
		edit func(*BillingInput)
		want []string
	}{
		{"valid", func(*BillingInput) {}, []string{}},
		{"all empty", func(in *BillingInput) { *in = BillingInput{} }, []string{
			"cardNumber:required", "expiry:required", "cardholderName:required",
			"country:required", "addressLine1:required", "city:required", "postalCode:required"}},
		{"this month is still valid", func(in *BillingInput) { in.ExpMonth, in.ExpYear = 3, 2026 }, []string{}},
		{"last month expired", func(in *BillingInput) { in.ExpMonth, in.ExpYear = 2, 2026 }, []string{"expiry:card.expired"}},
		{"last year expired", func(in *BillingInput) { in.ExpMonth, in.ExpYear = 12, 2025 }, []string{"expiry:card.expired"}},
		{"month missing", func(in *BillingInput) { in.ExpMonth = 0 }, []string{"expiry:required"}},
		{"year missing", func(in *BillingInput) { in.ExpYear = 0 }, []string{"expiry:required"}},
		{"month 13", func(in *BillingInput) { in.ExpMonth = 13 }, []string{"expiry:card.expiryInvalid"}},
		{"month negative", func(in *BillingInput) { in.ExpMonth = -1 }, []string{"expiry:card.expiryInvalid"}},
		{"two-digit year", func(in *BillingInput) { in.ExpYear = 28 }, []string{"expiry:card.expiryInvalid"}},
		{"year now+20", func(in *BillingInput) { in.ExpYear = 2046 }, []string{}},
		{"year now+21", func(in *BillingInput) { in.ExpYear = 2047 }, []string{"expiry:card.expiryInvalid"}},
		{"cardholder 51", func(in *BillingInput) { in.CardholderName = rep("N", 51) }, []string{"cardholderName:cardholder.tooLong"}},
		{"cardholder hangul", func(in *BillingInput) { in.CardholderName = "홍길동" }, []string{"cardholderName:latinOnly"}},
		{"own address valid", func(in *BillingInput) {
			in.UseContactAddress = false
			in.Address = Address{Country: "JP", Line1: "1-1 Chiyoda", City: "Chiyoda-ku", StateOrRegion: "Tokyo", PostalCode: "100-0001"}
		}, []string{}},
		{"own address needs state", func(in *BillingInput) {
			in.UseContactAddress = false
			in.Address = Address{Country: "JP", Line1: "1-1 Chiyoda", City: "Chiyoda-ku", PostalCode: "100-0001"}
		}, []string{"stateOrRegion:required"}},
		{"contact address skips address checks", func(in *BillingInput) { in.Address = Address{Line1: rep("x", 99)} }, []string{}},
		{"india contact needs cvv", func(in *BillingInput) { in.ContactCountry = "IN" }, []string{"cvv:required"}},
		{"india contact with cvv", func(in *BillingInput) { in.ContactCountry, in.CVV = "in", "123" }, []string{}},
		{"india cvv letters", func(in *BillingInput) { in.ContactCountry, in.CVV = "IN", "12a" }, []string{"cvv:cvv.invalid"}},
		{"india cvv 4 digits for visa", func(in *BillingInput) { in.ContactCountry, in.CVV = "IN", "1234" }, []string{"cvv:cvv.invalid"}},
		{"india amex 4 digits", func(in *BillingInput) {
			in.CardNumber, in.ContactCountry, in.CVV = "378282246310005", "IN", "1234"
		}, []string{}},
		{"india amex 3 digits", func(in *BillingInput) {
			in.CardNumber, in.ContactCountry, in.CVV = "378282246310005", "IN", "123"
		}, []string{"cvv:cvv.invalid"}},
		{"india own billing address", func(in *BillingInput) {
			in.UseContactAddress = false
			in.Address = Address{Country: "IN", Line1: "1 MG Road", City: "Bengaluru", StateOrRegion: "Karnataka", PostalCode: "560001"}
		}, []string{"cvv:required"}},
		{"cvv ignored outside india", func(in *BillingInput) { in.CVV = "xx" }, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := billingFor(TestCardNumber)
			tt.edit(&in)
			require.Equal(t, tt.want, codes(ValidateBilling(in, testNow)))
		})
	}
}

func TestExpiryParams(t *testing.T) {
	in := billingFor(TestCardNumber)
	in.ExpMonth = 0
	require.Equal(t, map[string]string{"part": "month"}, ValidateBilling(in, testNow)[0].Params)
	in.ExpMonth, in.ExpYear = 1, 0
	require.Equal(t, map[string]string{"part": "year"}, ValidateBilling(in, testNow)[0].Params)
	in.ExpYear = 1999
	require.Equal(t, map[string]string{"part": "year"}, ValidateBilling(in, testNow)[0].Params)
	in.ExpMonth, in.ExpYear = 1, 2026
	in.ContactCountry, in.CVV = "IN", "1"
	ps := ValidateBilling(in, testNow)
	require.Equal(t, []string{"expiry:card.expired", "cvv:cvv.invalid"}, codes(ps))
	require.Equal(t, map[string]string{"digits": "3"}, ps[1].Params)
}

func TestCardExpired(t *testing.T) {
	// Valid through the last instant of its month, in now's location.
	endOfMarch := time.Date(2026, time.March, 31, 23, 59, 59, 0, time.UTC)
	firstOfApril := time.Date(2026, time.April, 1, 0, 0, 0, 0, time.UTC)
	require.False(t, CardExpired(3, 2026, endOfMarch))
	require.True(t, CardExpired(3, 2026, firstOfApril))
	seoul := time.FixedZone("KST", 9*3600)
	// 2026-03-31 16:00 UTC is already April 1st in Seoul.
	require.True(t, CardExpired(3, 2026, time.Date(2026, time.March, 31, 16, 0, 0, 0, time.UTC).In(seoul)))
	require.False(t, CardExpired(1, 2027, endOfMarch))
}

func TestCVVRequired(t *testing.T) {
	require.True(t, CVVRequired("IN"))
	require.True(t, CVVRequired(" in "))
	require.False(t, CVVRequired("KR"))
	require.False(t, CVVRequired(""))
}
