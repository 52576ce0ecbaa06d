package policy

import (
	"strings"
	"testing"
)

func FuzzTmpEqualFold(f *testing.F) {
	f.Add("iam:PaſſRole", "iam:PassRole")
	f.Add("\u212a", "k")
	f.Add("ALLOW", "Allow")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := asciiOrEqualFold(a, b), strings.EqualFold(a, b); got != want {
			t.Fatalf("asciiOrEqualFold(%q,%q)=%v", a, b, got)
		}
		if isASCII(b) {
			if got, want := equalFoldLit(a, b), strings.EqualFold(a, b); got != want {
				t.Fatalf("equalFoldLit(%q,%q)=%v", a, b, got)
			}
		}
		if got, want := lowerEqual(a, b), strings.ToLower(a) == strings.ToLower(b); got != want {
			t.Fatalf("lowerEqual")
		}
		c := lowerCompare(a, b)
		if want := strings.Compare(strings.ToLower(a), strings.ToLower(b)); (c < 0) != (want < 0) || (c == 0) != (want == 0) {
			t.Fatalf("lowerCompare(%q,%q)=%d want %d", a, b, c, want)
		}
	})
}
