package iam

import (
	"strings"
	"testing"
)

// FuzzNameRules checks the name and alias rules against their definitions
// written independently: a name is accepted exactly when its length is in
// range and every byte is one of IAM's name characters; an alias exactly
// when it is 3–63 of a-z, 0-9 and single inner hyphens and not 12 digits.
func FuzzNameRules(f *testing.F) {
	for _, s := range []string{"Luna", "", "a b", "my-lab", "-x-", "123456789012", "a--b", "루나", strings.Repeat("a", 64)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		okChars := len(s) > 0
		for _, r := range s {
			if !(r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+=,.@_-", r))) {
				okChars = false
			}
		}
		if got, want := ValidateUserName(s) == nil, okChars && len(s) <= 64; got != want {
			t.Fatalf("ValidateUserName(%q) ok=%v, want %v", s, got, want)
		}
		if got, want := ValidateGroupName(s) == nil, okChars && len(s) <= 128; got != want {
			t.Fatalf("ValidateGroupName(%q) ok=%v, want %v", s, got, want)
		}
		aliasOK := len(s) >= 3 && len(s) <= 63 && !strings.HasPrefix(s, "-") && !strings.HasSuffix(s, "-") && !strings.Contains(s, "--")
		digits := true
		for _, r := range s {
			aliasOK = aliasOK && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-')
			digits = digits && r >= '0' && r <= '9'
		}
		if digits && len(s) == 12 {
			aliasOK = false
		}
		if got := ValidateAlias(s) == nil; got != aliasOK {
			t.Fatalf("ValidateAlias(%q) ok=%v, want %v", s, got, aliasOK)
		}
		_ = ValidatePath(s)
		_ = APIMessage(ValidatePath(s))
		var a Account
		_ = a.TagUser("x", []Tag{{Key: s, Value: s}})
		_, _ = CheckDocument(s, 0)
	})
}
