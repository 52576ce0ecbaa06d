package account

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed countries.tsv
var countriesTSV string

// Country is one ISO 3166-1 country or region with its international
// calling code ("" for the few without a numbering plan) and its names.
type Country struct {
	Code        string // ISO 3166-1 alpha-2, upper case
	CallingCode string // digits without "+", e.g. "82"; "" when none
	NameEN      string
	NameKO      string
}

// countryTable is the parsed dataset; it is never modified after parsing.
type countryTable struct {
	byEN    []Country // file order: English collation
	byKO    []Country // Korean names in code-point (가나다) order
	index   map[string]int
	calling map[string]bool
}

// loadCountries parses the embedded dataset once. The file is generated and
// checked by the package tests, so a parse failure is a build defect.
var loadCountries = sync.OnceValue(func() countryTable {
	t, err := parseCountries(countriesTSV)
	if err != nil {
		panic(fmt.Errorf("account: embedded countries.tsv: %w", err))
	}
	return t
})

// Countries returns every country and region sorted by English name. The
// slice is a fresh copy.
func Countries() []Country { return slices.Clone(loadCountries().byEN) }

// CountriesByKoreanName returns every country and region sorted by Korean
// name (가나다 order). The slice is a fresh copy.
func CountriesByKoreanName() []Country { return slices.Clone(loadCountries().byKO) }

// CountryByCode returns the country with the ISO alpha-2 code (any case).
func CountryByCode(code string) (Country, bool) {
	t := loadCountries()
	i, ok := t.index[strings.ToUpper(Clean(code))]
	if !ok {
		return Country{}, false
	}
	return t.byEN[i], true
}

// KnownCallingCode reports whether some country uses the calling code
// (digits without "+").
func KnownCallingCode(code string) bool { return loadCountries().calling[code] }

// parseCountries reads the TSV dataset: '#' lines are comments; every other
// line is code, calling code, English name, Korean name.
func parseCountries(data string) (countryTable, error) {
	t := countryTable{index: map[string]int{}, calling: map[string]bool{}}
	for n, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return countryTable{}, fmt.Errorf("line %d: %d fields, want 4", n+1, len(f))
		}
		c := Country{Code: f[0], CallingCode: f[1], NameEN: f[2], NameKO: f[3]}
		if len(c.Code) != 2 || !isUpperASCII(c.Code) {
			return countryTable{}, fmt.Errorf("line %d: bad code %q", n+1, c.Code)
		}
		if len(c.CallingCode) > 3 || (c.CallingCode != "" && !allDigits(c.CallingCode)) {
			return countryTable{}, fmt.Errorf("line %d: bad calling code %q", n+1, c.CallingCode)
		}
		if c.NameEN == "" || c.NameKO == "" {
			return countryTable{}, fmt.Errorf("line %d: empty name", n+1)
		}
		if _, dup := t.index[c.Code]; dup {
			return countryTable{}, fmt.Errorf("line %d: duplicate code %s", n+1, c.Code)
		}
		t.index[c.Code] = len(t.byEN)
		t.byEN = append(t.byEN, c)
		if c.CallingCode != "" {
			t.calling[c.CallingCode] = true
		}
	}
	if len(t.byEN) == 0 {
		return countryTable{}, fmt.Errorf("no countries")
	}
	t.byKO = slices.Clone(t.byEN)
	slices.SortStableFunc(t.byKO, func(a, b Country) int { return strings.Compare(a.NameKO, b.NameKO) })
	return t, nil
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
