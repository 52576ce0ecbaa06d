package policy

import (
	"regexp"
	"sort"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

var placeholderRE = regexp.MustCompile(`\{([A-Za-z0-9_]+)\}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return out
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// Every code has English and Korean texts with the same placeholders
// (Korean uses boundKO where English uses bound).
func TestFindingMessagesComplete(t *testing.T) {
	require.NotEmpty(t, FindingCodes())
	for _, code := range FindingCodes() {
		m := findingMessages[code]
		require.NotEmpty(t, m.typ, code)
		require.NotEmpty(t, m.titleEN, code)
		require.NotEmpty(t, m.detailsEN, code)
		require.True(t, hasHangul(m.titleKO), "%s: Korean title", code)
		require.True(t, hasHangul(m.detailsKO), "%s: Korean details", code)
		en, ko := placeholders(m.detailsEN), placeholders(m.detailsKO)
		for i := range ko {
			if ko[i] == "boundKO" {
				ko[i] = "bound"
			}
		}
		sort.Strings(ko)
		require.Equal(t, en, ko, "%s: placeholders", code)
	}
}

func TestFindingMessageRendering(t *testing.T) {
	f := Finding{Type: FindingError, Code: CodeInvalidAction, Params: map[string]string{"action": "s3:GetObjec", "valid_action": "s3:GetObject"}}
	require.Equal(t, "Invalid action: The action s3:GetObjec does not exist. Did you mean s3:GetObject?", f.Message(LangEnglish))
	require.Equal(t, "잘못된 작업: 작업 s3:GetObjec이(가) 존재하지 않습니다. s3:GetObject을(를) 의미하셨습니까?", f.Message(LangKorean))
	// Without a suggestion the question is left out, as in the real
	// finding "The action athena:RunQuery does not exist."
	f.Params["valid_action"] = ""
	require.Equal(t, "The action s3:GetObjec does not exist.", f.Details(LangEnglish))
	require.Equal(t, "작업 s3:GetObjec이(가) 존재하지 않습니다.", f.Details(LangKorean))

	v := Finding{Code: CodeMissingVersion}
	require.Equal(t, "Missing version: We recommend that you specify the Version element to help you with debugging permission issues.", v.Message("en"))
	require.Equal(t, v.Message(LangEnglish), v.Message("fr"), "unknown languages fall back to English")
	require.Equal(t, "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-general-warning-missing-version", v.LearnMoreURL())
	require.Equal(t, "", Finding{Code: CodeDuplicateKey}.LearnMoreURL())

	e := Finding{Code: CodeEmptyVariable}
	require.Contains(t, e.Details(LangEnglish), "Remove the ${ } variable structure")
	u := Finding{Code: CodeUnsupportedSid}
	require.Contains(t, u.Details(LangEnglish), "[a-z, A-Z, 0-9]")

	// Real findings quoted in public scans (section 6 sources).
	r := Finding{Code: CodeRedundantAction, Params: map[string]string{"redundantActionCount": "2", "redundantAction": "cognito-idp:DescribeUserPool"}}
	require.Equal(t, "The 2 action(s) are redundant because they provide similar permissions. Update the policy to remove the redundant action such as: cognito-idp:DescribeUserPool.", r.Details(LangEnglish))
	m := Finding{Code: CodeMissingARNRegion, Params: map[string]string{"service": "ssm"}}
	require.Equal(t, "Add a Region to the ssm resource ARN.", m.Details(LangEnglish))
	fa := Finding{Code: CodeForAllValuesWithSingleValuedKey, Params: map[string]string{"key": "ssm:resourceTag/env"}}
	require.Equal(t, "Using ForAllValues qualifier with the single-valued condition key ssm:resourceTag/env can be overly permissive. We recommend that you remove ForAllValues:.", fa.Details(LangEnglish))

	unknown := Finding{Code: "NOPE"}
	require.Equal(t, "NOPE: NOPE", unknown.Message(LangEnglish))
	require.Equal(t, FindingType(""), FindingTypeOf("NOPE"))
}

func TestJSONSyntaxFinding(t *testing.T) {
	fs := ValidateText("{\n  \"Version\": }", Options{})
	require.Len(t, fs, 1)
	require.Equal(t, "Json syntax error: Fix the JSON syntax error at index 15 line 2 column 14.", fs[0].Message(LangEnglish))
	require.Equal(t, "JSON 구문 오류: 인덱스 15, 줄 2, 열 14의 JSON 구문 오류를 수정하세요.", fs[0].Message(LangKorean))
}

func TestFindingSpansInsideText(t *testing.T) {
	for name, doc := range managedPolicyDocs(t) {
		for _, f := range ValidateText(doc, Options{Actions: newFakeCatalog()}) {
			require.True(t, f.Span.Start.Offset <= f.Span.End.Offset && f.Span.End.Offset <= len(doc), "%s %s", name, f.Code)
		}
	}
}
