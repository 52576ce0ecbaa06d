package textin

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name, in, code, char string
	}{
		{"plain", "Hong Gildong", "", ""},
		{"hangul", "홍길동", "", ""},
		{"empty", "", "", ""},
		{"emoji with joiner", "👩\u200D💻", "", ""},
		{"nul", "a\x00b", CodeControl, "U+0000"},
		{"soh", "\x01", CodeControl, "U+0001"},
		{"newline", "a\nb", CodeControl, "U+000A"},
		{"tab", "a\tb", CodeControl, "U+0009"},
		{"del", "a\x7f", CodeControl, "U+007F"},
		{"c1", "a\u0085", CodeControl, "U+0085"},
		{"rlo", "abc\u202Eexe.txt", CodeBidi, "U+202E"},
		{"lre", "\u202Aa", CodeBidi, "U+202A"},
		{"isolate", "a\u2066b\u2069", CodeBidi, "U+2066"},
		{"arabic mark", "a\u061Cb", CodeBidi, "U+061C"},
		{"zero width only", "\u200B\u200C\u200D", CodeInvisibleOnly, ""},
		{"bom only", "\uFEFF", CodeInvisibleOnly, ""},
		{"word joiner and spaces", " \u2060 ", CodeInvisibleOnly, ""},
		{"spaces only", "   ", CodeInvisibleOnly, ""},
		{"ideographic space only", "\u3000", CodeInvisibleOnly, ""},
		{"invalid utf8", "a\xffb", CodeInvalidUTF8, "U+FFFD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, bad := Check(c.in)
			require.Equal(t, c.code != "", bad)
			require.Equal(t, c.code, p.Code)
			require.Equal(t, c.char, p.Char)
		})
	}
}

func TestName(t *testing.T) {
	require.Equal(t, "a", Name('a'))
	require.Equal(t, "서", Name('서'))
	require.Equal(t, "U+202E", Name(0x202E))
	require.Equal(t, "U+0000", Name(0))
	require.Equal(t, "U+FEFF", Name(0xFEFF))
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "abc", "\u202E", "\x00", "\u200B", "👩\u200D💻"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, bad := Check(s)
		if !bad {
			require.Empty(t, p.Code)
		}
	})
}
