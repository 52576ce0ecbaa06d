package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func TestCatalogsHaveTheSameKeys(t *testing.T) {
	en, err := Keys(EN)
	require.NoError(t, err)
	ko, err := Keys(KO)
	require.NoError(t, err)
	onlyIn := func(a, b []string) []string {
		set := map[string]bool{}
		for _, k := range b {
			set[k] = true
		}
		var out []string
		for _, k := range a {
			if !set[k] {
				out = append(out, k)
			}
		}
		return out
	}
	require.Empty(t, onlyIn(en, ko), "keys only in the English catalog")
	require.Empty(t, onlyIn(ko, en), "keys only in the Korean catalog")
}

func TestPlaceholdersMatchAcrossLanguages(t *testing.T) {
	tabs, err := tables()
	require.NoError(t, err)
	for k, en := range tabs[EN] {
		require.Equal(t, placeholders(en), placeholders(tabs[KO][k]), "placeholders of %q", k)
		require.NotEmpty(t, strings.TrimSpace(tabs[KO][k]), "empty Korean text for %q", k)
	}
}

func placeholders(s string) map[string]bool {
	out := map[string]bool{}
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		out[s[i+1:i+j]] = true
		s = s[i+j+1:]
	}
}

func TestDuplicateKeysAcrossFilesAreRejected(t *testing.T) {
	fsys := fstest.MapFS{
		"messages/en/a.json": {Data: []byte(`{"x":"1"}`)},
		"messages/en/b.json": {Data: []byte(`{"x":"2"}`)},
		"messages/ko/a.json": {Data: []byte(`{"x":"1"}`)},
	}
	_, err := load(fsys)
	require.ErrorContains(t, err, `key "x" defined twice`)
}

func TestLookupPlaceholdersPseudoAndErrors(t *testing.T) {
	en, ko, ps := For(EN), For(KO), For(Pseudo)
	require.Equal(t, "Services", en.T("shell.services"))
	require.Equal(t, "서비스", ko.T("shell.services"))
	require.Equal(t, "⟦Services⟧", ps.T("shell.services"))
	require.Equal(t, "[no.such.key]", en.T("no.such.key"))
	msg := en.Err(awserr.New(awserr.EntityAlreadyExists, "kind", "User", "name", "Luna"))
	require.Contains(t, msg, "Luna")
	require.Contains(t, en.Err(awserr.New("SomethingNew")), "SomethingNew")
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"ko": KO, "ko-KR": KO, "EN-us": EN, "en": EN} {
		got, ok := Parse(in)
		require.True(t, ok, in)
		require.Equal(t, want, got)
	}
	_, ok := Parse("fr")
	require.False(t, ok)
}
