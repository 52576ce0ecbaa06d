package policy

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// refGlob is a plain dynamic-programming wildcard matcher over runes, the
// reference the compiled matcher is checked against.
func refGlob(pattern, s string, fold bool) bool {
	p, t := []rune(pattern), []rune(s)
	low := func(r rune) rune {
		if fold && r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	// dp[j] = pattern[:i] matches t[:j]
	dp := make([]bool, len(t)+1)
	dp[0] = true
	for i := range p {
		next := make([]bool, len(t)+1)
		switch p[i] {
		case '*':
			seen := false
			for j := 0; j <= len(t); j++ {
				seen = seen || dp[j]
				next[j] = seen
			}
		case '?':
			for j := 1; j <= len(t); j++ {
				next[j] = dp[j-1]
			}
		default:
			for j := 1; j <= len(t); j++ {
				next[j] = dp[j-1] && low(p[i]) == low(t[j-1])
			}
		}
		dp = next
	}
	return dp[len(t)]
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		s       string
		fold    bool
		want    bool
	}{
		// IUG reference_policies_elements_resource: "*" within a segment.
		{"users under a path", "arn:aws:iam::123456789012:user/accounting/*", "arn:aws:iam::123456789012:user/accounting/Bob", false, true},
		{"all S3 objects of a bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::amzn-s3-demo-bucket/a/b/c.txt", false, true},
		{"bucket itself is not an object", "arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::amzn-s3-demo-bucket", false, false},
		// Decision: a Resource '*' crosses ARN colons.
		{"star crosses colons", "arn:aws:iam::*", "arn:aws:iam::123456789012:user/Luna", false, true},
		{"star as account", "arn:aws:iam::*:user/Luna", "arn:aws:iam::123456789012:user/Luna", false, true},
		// IUG: "In the Resource element, the IAM user name is case sensitive."
		{"resource case-sensitive", "arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/bob", false, false},
		{"question mark one char", "arn:aws:s3:::log-?", "arn:aws:s3:::log-1", false, true},
		{"question mark not zero chars", "arn:aws:s3:::log-?", "arn:aws:s3:::log-", false, false},
		{"question mark one rune", "a?c", "a한c", false, true},
		{"only stars", "**", "", false, true},
		{"star matches empty", "a*b", "ab", false, true},
		{"several stars", "a*b*c*d", "axxbyyczzd", false, true},
		{"several stars fail", "a*b*c*d", "axxbyyczz", false, false},
		{"leftmost middle chunk", "*ab*ab", "abab", false, true},
		{"suffix", "*.txt", "notes.txt", false, true},
		{"exact", "abc", "abc", false, true},
		{"exact mismatch", "abc", "abd", false, false},
		{"empty pattern", "", "", false, true},
		{"empty pattern nonempty text", "", "a", false, false},
		// IUG reference_policies_evaluation-logic: action names ignore case.
		{"action fold", "iam:list*", "IAM:ListUsers", true, true},
		{"action fold exact", "iam:listusers", "iam:ListUsers", true, true},
		{"fold does not apply without flag", "iam:list*", "IAM:ListUsers", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := compileGlob(tt.pattern, globOptions{wild: true, fold: tt.fold})
			require.Equal(t, tt.want, g.match(tt.s, nil))
			require.Equal(t, tt.want, refGlob(tt.pattern, tt.s, tt.fold), "reference disagrees")
		})
	}
}

func TestGlobLiteralWithoutWildcards(t *testing.T) {
	g := compileGlob("a*b?", globOptions{})
	require.True(t, g.match("a*b?", nil))
	require.False(t, g.match("axxbc", nil))
}

func TestGlobVariables(t *testing.T) {
	ctx := map[string][]string{
		"aws:username":          {"Luna"},
		"aws:PrincipalTag/team": {"blue"},
		"multi":                 {"a", "b"},
		"star":                  {"*"},
	}
	tests := []struct {
		name    string
		pattern string
		s       string
		want    bool
	}{
		// IUG reference_policies_variables: arn:aws:iam::*:user/${aws:username}.
		{"own user", "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::123456789012:user/Luna", true},
		{"other user", "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::123456789012:user/Bob", false},
		{"key case-insensitive", "home/${AWS:UserName}/*", "home/Luna/notes", true},
		{"tag variable", "arn:aws:s3:::${aws:PrincipalTag/team}-*", "arn:aws:s3:::blue-data", true},
		// IUG: ${aws:PrincipalTag/team, 'company-wide'} default value.
		{"default used", "${aws:PrincipalTag/dept, 'company-wide'}/*", "company-wide/x", true},
		{"default not used when present", "${aws:PrincipalTag/team, 'company-wide'}/*", "blue/x", true},
		{"missing without default matches nothing", "arn:aws:s3:::${aws:userid}*", "arn:aws:s3:::", false},
		{"multi-valued key matches nothing", "${multi}", "a", false},
		// IUG: ${*} ${?} ${$} stand for the literal characters.
		{"literal star", "a${*}b", "a*b", true},
		{"literal star is not a wildcard", "a${*}b", "axb", false},
		{"literal question", "a${?}", "a?", true},
		{"literal dollar", "${$}{x}", "${x}", true},
		{"substituted value is literal", "x${star}", "xyz", false},
		{"substituted star matches itself", "x${star}", "x*", true},
		{"malformed variable is literal", "${aws:username", "${aws:username", true},
		{"empty key is literal", "${}", "${}", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := compileGlob(tt.pattern, globOptions{wild: true, vars: true})
			require.Equal(t, tt.want, g.match(tt.s, ctx))
		})
	}
}

func TestGlobManyVariablesAllocatesButWorks(t *testing.T) {
	ctx := map[string][]string{"a": {"1"}, "b": {"2"}, "c": {"3"}, "d": {"4"}, "e": {"5"}}
	g := compileGlob("${a}${b}*${c}${d}${e}", globOptions{wild: true, vars: true})
	require.True(t, g.match("12xx345", ctx))
	require.False(t, g.match("12xx34", ctx))
}

func TestGlobWorstCaseIsNotExponential(t *testing.T) {
	pattern := strings.Repeat("a*", 200) + "b"
	s := strings.Repeat("a", 5000)
	g := compileGlob(pattern, globOptions{wild: true})
	require.False(t, g.match(s, nil))
	require.True(t, g.match(s+"b", nil))
}

func TestAsciiHelpers(t *testing.T) {
	require.Equal(t, "iam:listusers", asciiLower("IAM:ListUsers"))
	require.Equal(t, "é", asciiLower("é"))
	require.True(t, asciiEqualFold("IAM:ListUsers", "iam:listusers"))
	require.False(t, asciiEqualFold("É", "é"))
	require.False(t, asciiEqualFold("a", "ab"))
}

func FuzzWildcard(f *testing.F) {
	f.Add("a*b?c", "axxbyc", false)
	f.Add("*ab*ab", "abab", false)
	f.Add("iam:List*", "IAM:listusers", true)
	f.Add("?*?", "한", false)
	f.Add("", "", true)
	f.Fuzz(func(t *testing.T, pattern, s string, fold bool) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(s) || len(pattern) > 64 || len(s) > 256 {
			t.Skip()
		}
		g := compileGlob(pattern, globOptions{wild: true, fold: fold})
		require.Equal(t, refGlob(pattern, s, fold), g.match(s, nil), "pattern %q text %q", pattern, s)
	})
}
