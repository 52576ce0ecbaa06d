package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTextRuleCharacters(t *testing.T) {
	rule := textRule{field: FieldCity, required: true, max: 10, tooLong: CodeCityTooLong, latin: true}
	tests := []struct {
		value, code, char string
	}{
		{"Seoul", "", ""},
		{"  Seoul  ", "", ""},
		{"Besançon", "", ""},
		{"Hà Nội", "", ""},       // Latin Extended Additional
		{"Zu\u0308rich", "", ""}, // combining diaeresis
		{"O’Brien", "", ""},
		{"", CodeRequired, ""},
		{"a\x00b", CodeInvalidChar, "\x00"},
		{"a\u0085b", CodeInvalidChar, "\u0085"}, // C1 control
		{"a\x7fb", CodeInvalidChar, "\x7f"},
		{"a\xffb", CodeInvalidChar, "\uFFFD"}, // invalid UTF-8
		{"2×3", CodeLatinOnly, "×"},
		{"6÷2", CodeLatinOnly, "÷"},
		{"서울", CodeLatinOnly, "서"},
		{"東京", CodeLatinOnly, "東"},
		{"Ｓeoul", CodeLatinOnly, "Ｓ"},
		{"Москва", CodeLatinOnly, "М"},
		{"Seoul City!", CodeCityTooLong, ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			p, bad := rule.check(tt.value)
			if tt.code == "" {
				require.False(t, bad, "%v", p)
				return
			}
			require.True(t, bad)
			require.Equal(t, tt.code, p.Code)
			if tt.char != "" {
				require.Equal(t, tt.char, p.Params["char"])
			}
		})
	}
	// A literal U+FFFD is a character like any other, not a decoding error.
	require.Empty(t, firstControl("a\uFFFDb"))
}

func TestDigitHelpers(t *testing.T) {
	require.False(t, allDigits(""))
	require.True(t, allDigits("0123"))
	require.False(t, allDigits("12 3"))
	require.Equal(t, "", DetectBrand(""))
	require.Equal(t, "", DetectBrand("3"))
	require.Equal(t, BrandVisa, DetectBrand("4"))
	require.Equal(t, BrandAmex, DetectBrand("37"))
}
