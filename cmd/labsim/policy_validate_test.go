package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// validateRun runs "labsim policy validate" with the arguments and stdin.
func validateRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"policy", "validate"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writePolicy writes text to a file in a temporary folder.
func writePolicy(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "policy.json")
	require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
	return p
}

const validatePolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObjec", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]
    },
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "*"
    }
  ]
}
`

func TestPolicyValidateText(t *testing.T) {
	path := writePolicy(t, validatePolicy)
	code, out, errOut := validateRun(t, "", path)
	require.Equal(t, 0, code, errOut)
	require.Empty(t, errOut)
	// The full catalog is loaded: the misspelled action gets a suggestion.
	require.Equal(t, path+`: IAM accepts this policy
`+path+`:6:18: error INVALID_ACTION Invalid action: The action s3:GetObjec does not exist. Did you mean s3:GetObject?
`+path+`:11:17: security-warning PASS_ROLE_WITH_STAR_IN_RESOURCE Pass role with star in resource: Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it allows iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.
`, out)
}

func TestPolicyValidateRefused(t *testing.T) {
	code, out, _ := validateRun(t, `{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}}`, "-")
	require.Equal(t, 1, code)
	require.Equal(t, `<stdin>:1:47: MalformedPolicyDocument: The policy failed legacy parsing
<stdin>:1:47: error INVALID_EFFECT Invalid effect: The effect allow is not valid. Use Allow or Deny.
`, out)

	code, out, _ = validateRun(t, "{\n  \"Version\": \"2012-10-17\",\n}", "-")
	require.Equal(t, 1, code)
	require.Equal(t, `<stdin>:3:1: MalformedPolicyDocument: Syntax errors in policy.
<stdin>:3:1: error JSON_SYNTAX_ERROR Json syntax error: Fix the JSON syntax error at index 29 line 3 column 1.
`, out)
}

func TestPolicyValidateTypes(t *testing.T) {
	big := `{"Version":"2012-10-17","Statement":{"Sid":"` + strings.Repeat("a", 2100) + `","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`
	code, out, _ := validateRun(t, big, "-")
	require.Equal(t, 0, code)
	require.Equal(t, "<stdin>: IAM accepts this policy\n", out)

	code, out, _ = validateRun(t, big, "--type", "user-inline", "-")
	require.Equal(t, 1, code)
	require.Contains(t, out, "<stdin>:1:1: LimitExceeded: Maximum policy size of 2048 bytes exceeded for user\n")
	require.Contains(t, out, "warning POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA")

	code, _, _ = validateRun(t, big, "-", "--type=group-inline")
	require.Equal(t, 0, code, "flags may follow FILE")
}

func TestPolicyValidateJSON(t *testing.T) {
	path := writePolicy(t, validatePolicy)
	code, out, _ := validateRun(t, "", "--json", path)
	require.Equal(t, 0, code)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Equal(t, true, got["valid"])
	require.Equal(t, "", got["malformed"])
	fs := got["findings"].([]any)
	require.Len(t, fs, 2)
	first := fs[0].(map[string]any)
	require.Equal(t, map[string]any{
		"type": "ERROR", "code": "INVALID_ACTION",
		"message": "Invalid action: The action s3:GetObjec does not exist. Did you mean s3:GetObject?",
		"line":    float64(6), "column": float64(18), "offset": float64(strings.Index(validatePolicy, `"s3:GetObjec"`)),
	}, first)
	require.Equal(t, 1, strings.Count(out, "\n}"), "exactly one object")

	code, out, _ = validateRun(t, `{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`, "--json", "-")
	require.Equal(t, 1, code)
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Equal(t, false, got["valid"])
	require.Equal(t, "Policy document must be version 2012-10-17 or greater.", got["malformed"])

	code, out, _ = validateRun(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b"}}`, "--json", "-")
	require.Equal(t, 0, code)
	require.Contains(t, out, `"findings": []`, "an empty list, not null")

	code, out, _ = validateRun(t, `{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}}`, "--json", "--lang", "ko", "-")
	require.Equal(t, 1, code)
	require.Contains(t, out, "잘못된 효과: 효과 allow이(가) 올바르지 않습니다. Allow 또는 Deny를 사용하세요.")
}

func TestPolicyValidateUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"a.json", "b.json"},
		{"--type", "role", "-"},
		{"--lang", "fr", "-"},
		{"--bogus", "-"},
	} {
		code, out, errOut := validateRun(t, "", args...)
		require.Equal(t, 2, code, "%v", args)
		require.Empty(t, out)
		require.Contains(t, errOut, "usage: labsim policy validate")
	}
	code, _, errOut := validateRun(t, "", filepath.Join(t.TempDir(), "missing.json"))
	require.Equal(t, 2, code)
	require.Contains(t, errOut, "read policy")
	require.NotContains(t, errOut, "usage:")

	code, _, errOut = validateRun(t, "", "--help")
	require.Equal(t, 0, code)
	require.Contains(t, errOut, "usage: labsim policy validate")
}

func TestPolicyValidateOversized(t *testing.T) {
	code, out, _ := validateRun(t, strings.Repeat(" ", 1<<20+10), "-")
	require.Equal(t, 1, code)
	require.Contains(t, out, "MalformedPolicyDocument: Syntax errors in policy.")
}
