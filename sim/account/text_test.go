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
		{"a\x00b", CodeInvalidChar, "U+0000"},
		{"a\u0085b", CodeInvalidChar, "U+0085"}, // C1 control
		{"a\x7fb", CodeInvalidChar, "U+007F"},
		{"a\xffb", CodeInvalidChar, "U+FFFD"},    // invalid UTF-8
		{"a\u202Eb", CodeInvalidChar, "U+202E"},  // right-to-left override
		{"\u200B\u200C\u200D", CodeRequired, ""}, // only invisible characters
		{"a\u200Bb", CodeLatinOnly, "U+200B"},
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
	_, bad := textRule{field: FieldFullName, max: 10}.check("a\uFFFDb")
	require.False(t, bad)
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
