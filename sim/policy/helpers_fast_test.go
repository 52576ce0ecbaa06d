package policy

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The quick string helpers must agree with the standard library
// functions they stand for.

func TestFoldHelpers(t *testing.T) {
	tests := []struct{ a, b string }{
		{"iam:PassRole", "iam:passrole"}, {"iam:PaſſRole", "iam:PassRole"}, {"\u212a", "k"},
		{"ALLOW", "Allow"}, {"Allow ", "Allow"}, {"", ""}, {"é", "É"}, {"a", "ab"},
	}
	for _, tt := range tests {
		checkFoldHelpers(t, tt.a, tt.b)
		checkFoldHelpers(t, tt.b, tt.a)
	}
}

func checkFoldHelpers(t *testing.T, a, b string) {
	t.Helper()
	require.Equal(t, strings.EqualFold(a, b), asciiOrEqualFold(a, b), "asciiOrEqualFold(%q, %q)", a, b)
	if isASCII(b) {
		require.Equal(t, strings.EqualFold(a, b), equalFoldLit(a, b), "equalFoldLit(%q, %q)", a, b)
	}
	require.Equal(t, strings.ToLower(a) == strings.ToLower(b), lowerEqual(a, b), "lowerEqual(%q, %q)", a, b)
	require.Equal(t, strings.Compare(strings.ToLower(a), strings.ToLower(b)), sign(lowerCompare(a, b)), "lowerCompare(%q, %q)", a, b)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// refRegionShaped is regionShaped written with strings.Split.
func refRegionShaped(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) < 3 || len(parts[0]) != 2 || !isLowerWord(parts[0]) {
		return false
	}
	for _, p := range parts[1 : len(parts)-1] {
		if p == "" || !isLowerWord(p) {
			return false
		}
	}
	last := parts[len(parts)-1]
	if last == "" {
		return false
	}
	_, err := strconv.Atoi(last)
	return err == nil && last[0] != '+' && last[0] != '-'
}

// refVarsAsStar replaces every ${…} of s with '*' (and a "${" without
// its '}' with a final '*').
func refVarsAsStar(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte('*')
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return b.String()
		}
		s = s[i+j+1:]
	}
}

func checkScanHelpers(t *testing.T, s string) {
	t.Helper()
	require.Equal(t, []rune(refVarsAsStar(s)), appendGlobRunes([]rune{}, s, true), "appendGlobRunes(%q)", s)
	require.Equal(t, literalPrefix(refVarsAsStar(s)), literalPrefixVars(s, true), "literalPrefixVars(%q)", s)
	require.Equal(t, strings.Index(s, "${"), indexPolicyVar(s), "indexPolicyVar(%q)", s)
	require.Equal(t, refRegionShaped(s), regionShaped(s), "regionShaped(%q)", s)
	require.Equal(t, min(strings.Count(s, ":"), 5), countByteUpTo(s, ':', 5), "countByteUpTo(%q)", s)
	sh := shapeOf(s)
	svc, name, found := strings.Cut(s, ":")
	require.Equal(t, found, sh.colon >= 0, s)
	require.Equal(t, svc, sh.service(s), s)
	require.Equal(t, name, sh.name(s), s)
	require.Equal(t, strings.Contains(name, ":"), sh.colons > 1, s)
	require.Equal(t, hasWildcard(svc), sh.wildSvc, s)
	require.Equal(t, hasWildcard(name), sh.wildName, s)
	require.Equal(t, hasPolicyVar(s), sh.variable, s)
	require.Equal(t, isASCII(s), sh.ascii, s)
	require.Equal(t, strings.ToLower(svc) != svc && isASCII(svc), sh.upperSvc && isASCII(svc), s)
}

func TestScanHelpers(t *testing.T) {
	for _, s := range []string{
		"", "$", "${", "a${b}", "$$${x}", "us-east-1", "us-gov-west-1", "ap-northeast-2", "a-b-1", "us--1",
		"us-east-", "us-1", "-us-east-1", "us-east-+1", "us-east-99999999999999999999", "s3:GetObject",
		"S3:Get*", "s3*:x", "iam:a:b", ":x", "x:", "*", "é:ü?", "arn:aws:s3:::a:b:c:d",
	} {
		checkScanHelpers(t, s)
	}
}

func FuzzStringHelpers(f *testing.F) {
	f.Add("iam:PaſſRole", "iam:PassRole")
	f.Add("us-east-1", "a${b}")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkFoldHelpers(t, a, b)
		checkScanHelpers(t, a)
	})
}
