package account

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestCountriesDataset(t *testing.T) {
	list := Countries()
	require.GreaterOrEqual(t, len(list), 240)
	require.Len(t, list, 249, "ISO 3166-1 has 249 alpha-2 codes")

	kr, ok := CountryByCode("KR")
	require.True(t, ok)
	require.Equal(t, Country{Code: "KR", CallingCode: "82", NameEN: "South Korea", NameKO: "대한민국"}, kr)
	us, ok := CountryByCode("us")
	require.True(t, ok)
	require.Equal(t, "1", us.CallingCode)
	require.Equal(t, "미국", us.NameKO)
	for _, c := range []struct{ code, calling string }{{"JP", "81"}, {"CN", "86"}, {"GB", "44"}, {"DE", "49"}, {"IN", "91"}, {"RU", "7"}, {"AQ", ""}} {
		got, ok := CountryByCode(c.code)
		require.True(t, ok, c.code)
		require.Equal(t, c.calling, got.CallingCode, c.code)
	}
	for _, code := range []string{"", "XX", "AC", "TA", "XK", "UK", "KOR"} {
		_, ok := CountryByCode(code)
		require.False(t, ok, code)
	}

	seen := map[string]bool{}
	for _, c := range list {
		require.Len(t, c.Code, 2)
		require.False(t, seen[c.Code], "duplicate %s", c.Code)
		seen[c.Code] = true
		require.True(t, c.CallingCode == "" || allDigits(c.CallingCode), c.Code)
		require.True(t, utf8.ValidString(c.NameEN) && utf8.ValidString(c.NameKO))
		require.NotEmpty(t, c.NameEN)
		require.NotEmpty(t, c.NameKO)
	}
}

// foldKey approximates English collation for the names in the dataset:
// accents dropped, case and punctuation ignored.
func foldKey(s string) string {
	r := strings.NewReplacer("Å", "A", "ç", "c", "é", "e", "ã", "a", "í", "i", "ô", "o", "ü", "u", "’", "'")
	return strings.ToLower(r.Replace(s))
}

func TestCountriesSorted(t *testing.T) {
	list := Countries()
	for i := 1; i < len(list); i++ {
		require.LessOrEqual(t, foldKey(list[i-1].NameEN), foldKey(list[i].NameEN), "%s before %s", list[i-1].NameEN, list[i].NameEN)
	}
	ko := CountriesByKoreanName()
	require.Len(t, ko, len(list))
	for i := 1; i < len(ko); i++ {
		require.LessOrEqual(t, ko[i-1].NameKO, ko[i].NameKO)
	}
	require.Equal(t, "가나", ko[0].NameKO)
}

func TestCountriesReturnsCopy(t *testing.T) {
	a := Countries()
	a[0].NameEN = "changed"
	require.NotEqual(t, "changed", Countries()[0].NameEN)
}

func TestCallingCodesArePrefixFree(t *testing.T) {
	codes := map[string]bool{}
	for _, c := range Countries() {
		if c.CallingCode != "" {
			codes[c.CallingCode] = true
		}
	}
	for a := range codes {
		for b := range codes {
			if a != b {
				require.False(t, strings.HasPrefix(b, a), "%s is a prefix of %s", a, b)
			}
		}
	}
	require.True(t, KnownCallingCode("82"))
	require.False(t, KnownCallingCode("999"))
}

func TestParseCountriesErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty", "# only a comment\n", "no countries"},
		{"three fields", "KR\t82\tSouth Korea\n", "3 fields"},
		{"lower-case code", "kr\t82\tSouth Korea\t대한민국\n", "bad code"},
		{"long code", "KOR\t82\tSouth Korea\t대한민국\n", "bad code"},
		{"letters in calling code", "KR\t8a\tSouth Korea\t대한민국\n", "bad calling code"},
		{"long calling code", "KR\t8282\tSouth Korea\t대한민국\n", "bad calling code"},
		{"empty name", "KR\t82\t\t대한민국\n", "empty name"},
		{"duplicate", "KR\t82\tA\tB\nKR\t82\tA\tB\n", "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseCountries(tt.data)
			require.ErrorContains(t, err, tt.want)
		})
	}
	tbl, err := parseCountries("# c\n\nKR\t82\tSouth Korea\t대한민국\n")
	require.NoError(t, err)
	require.Len(t, tbl.byEN, 1)
}
