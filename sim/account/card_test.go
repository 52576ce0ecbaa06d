package account

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// withLuhn completes prefix with filler digits and a check digit to length.
func withLuhn(prefix string, length int) string {
	body := prefix + strings.Repeat("0", length-1-len(prefix))
	for d := byte('0'); d <= '9'; d++ {
		if Luhn(body + string(d)) {
			return body + string(d)
		}
	}
	panic("unreachable")
}

func TestLuhn(t *testing.T) {
	tests := []struct {
		digits string
		want   bool
	}{
		{"4111111111111111", true},
		{"4111111111111112", false},
		{"79927398713", true},
		{"79927398710", false},
		{"0", true},
		{"", false},
		{"4111 1111", false},
		{"12a4", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Luhn(tt.digits), tt.digits)
	}
}

func TestCardBrands(t *testing.T) {
	tests := []struct {
		number, brand string
	}{
		{TestCardNumber, BrandVisa},
		{"4012888888881881", BrandVisa},
		{"4222222222222", BrandVisa}, // 13 digits
		{withLuhn("4", 19), BrandVisa},
		{"5555555555554444", BrandMastercard},
		{"5105105105105100", BrandMastercard},
		{"2223003122003222", BrandMastercard}, // 2-series
		{withLuhn("2221", 16), BrandMastercard},
		{withLuhn("2720", 16), BrandMastercard},
		{"378282246310005", BrandAmex},
		{"371449635398431", BrandAmex},
		{"6011111111111117", BrandDiscover},
		{"6011000990139424", BrandDiscover},
		{withLuhn("644", 16), BrandDiscover},
		{withLuhn("65", 19), BrandDiscover},
		{"3530111333300000", BrandJCB},
		{"3566002020360505", BrandJCB},
		{withLuhn("3589", 19), BrandJCB},
		{"6200000000000005", BrandUnionPay},
		{withLuhn("81", 17), BrandUnionPay},
		{"30569309025904", BrandDiners}, // 14 digits
		{"36227206271667", BrandDiners},
		{"3056930009020004", BrandDiners},
		{withLuhn("3095", 14), BrandDiners},
		{withLuhn("38", 16), BrandDiners},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			d, ok := CardDigits(tt.number)
			require.True(t, ok)
			require.Equal(t, tt.brand, DetectBrand(d))
			require.Empty(t, codes(ValidateBilling(billingFor(tt.number), testNow)))
			require.NotEmpty(t, BrandName(tt.brand))
		})
	}
	require.Equal(t, "American Express", BrandName(BrandAmex))
	require.Empty(t, BrandName("other"))
}

func TestCardNumberProblems(t *testing.T) {
	tests := []struct {
		name, number, code, brand string
	}{
		{"empty", "", CodeRequired, ""},
		{"spaces only", "   ", CodeRequired, ""},
		{"letters", "4111 1111 1111 111a", CodeCardFormat, ""},
		{"dots", "4111.1111.1111.1111", CodeCardFormat, ""},
		{"11 digits", "41111111111", CodeCardFormat, ""},
		{"20 digits", withLuhn("4", 20), CodeCardFormat, ""},
		{"full-width digits", "４１１１１１１１１１１１１１１１", CodeCardFormat, ""},
		{"unknown range", withLuhn("9", 16), CodeCardBrand, ""},
		{"unknown 1-range", withLuhn("1", 16), CodeCardBrand, ""},
		{"2-series below range", withLuhn("2220", 16), CodeCardBrand, ""},
		{"2-series above range", withLuhn("2721", 16), CodeCardBrand, ""},
		{"visa 15 digits", withLuhn("4", 15), CodeCardBrand, BrandVisa},
		{"mastercard 15", withLuhn("51", 15), CodeCardBrand, BrandMastercard},
		{"amex 16", withLuhn("34", 16), CodeCardBrand, BrandAmex},
		{"diners 13", withLuhn("36", 13), CodeCardBrand, BrandDiners},
		{"jcb 15", withLuhn("3528", 15), CodeCardBrand, BrandJCB},
		{"luhn", "4111 1111 1111 1112", CodeCardLuhn, ""},
		{"luhn amex", "378282246310006", CodeCardLuhn, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ValidateBilling(billingFor(tt.number), testNow)
			p := requireOne(t, got, FieldCardNumber, tt.code)
			require.Equal(t, tt.brand, p.Params["brand"])
		})
	}
}

func TestCardDigitsSeparators(t *testing.T) {
	for _, in := range []string{"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", " 4111 1111-1111 1111 "} {
		d, ok := CardDigits(in)
		require.True(t, ok, in)
		require.Equal(t, "4111111111111111", d)
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		number string
		want   CardSummary
	}{
		{TestCardNumber, CardSummary{Brand: BrandVisa, Last4: "1111"}},
		{"3782-822463-10005", CardSummary{Brand: BrandAmex, Last4: "0005"}},
		{"9999 9999 9999 1234", CardSummary{Brand: "", Last4: "1234"}},
		{"12ab", CardSummary{}},
		{"", CardSummary{}},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Summarize(tt.number), tt.number)
	}
}

func FuzzCardNumber(f *testing.F) {
	for _, s := range []string{TestCardNumber, "378282246310005", "", "4-4-4", "６"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, bad := cardNumberProblem(s)
		sum := Summarize(s)
		if !bad {
			require.Len(t, sum.Last4, 4)
			require.NotEmpty(t, sum.Brand)
		} else {
			require.Equal(t, FieldCardNumber, p.Field)
		}
	})
}
