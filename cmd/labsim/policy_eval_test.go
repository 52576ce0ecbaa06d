package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// evalRun runs "labsim policy eval --cases -" with the given input.
func evalRun(t *testing.T, input string) (int, []string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run([]string{"policy", "eval", "--cases", "-"}, strings.NewReader(input), &out, &errOut)
	var lines []string
	if s := strings.TrimSuffix(out.String(), "\n"); s != "" {
		lines = strings.Split(s, "\n")
	}
	return code, lines, errOut.String()
}

const evalAdmin = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`

func TestPolicyEvalCases(t *testing.T) {
	input := `[
 {"id": "read-only", "identityPolicies": [{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}]}],
  "request": {"principal": "arn:aws:iam::123456789012:user/Luna", "action": "iam:ListUsers", "resource": "arn:aws:iam::123456789012:user/"}},
 {"id": 2, "identityPolicies": ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}}"],
  "request": {"action": "iam:CreateUser"}, "note": "unknown fields are ignored"},
 {"id": "deny-by-ip", "identityPolicies": [` + evalAdmin + `,
   {"Version":"2012-10-17","Statement":{"Sid":"OutsideOffice","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}}],
  "request": {"principal": "arn:aws:iam::123456789012:user/Luna", "action": "ec2:RunInstances", "resource": "*",
   "context": {"aws:SourceIp": "198.51.100.7", "aws:ViaAWSService": false}}},
 {"id": "numbers", "identityPolicies": [{"Version":"2012-10-17","Statement":[{"Sid":"FreshMFA","Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}],
  "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"aws:MultiFactorAuthAge": 300, "aws:MultiFactorAuthPresent": [true]}}},
 {"id": "root", "identityPolicies": [], "request": {"principal": "arn:aws:iam::123456789012:root", "action": "iam:CreateUser"}},
 {"id": "bad-policy", "identityPolicies": [{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}], "request": {"action": "s3:GetObject"}},
 {"id": "after-error", "identityPolicies": [` + evalAdmin + `], "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b"}}
]`
	code, lines, errOut := evalRun(t, input)
	require.Equal(t, 1, code)
	require.Empty(t, errOut)
	require.Equal(t, []string{
		`{"id":"read-only","decision":"Allowed","matched":[{"policy":0,"statement":0,"sid":"","effect":"Allow"}]}`,
		`{"id":2,"decision":"ImplicitlyDenied","matched":[]}`,
		`{"id":"deny-by-ip","decision":"ExplicitlyDenied","matched":[{"policy":1,"statement":0,"sid":"OutsideOffice","effect":"Deny"}]}`,
		`{"id":"numbers","decision":"Allowed","matched":[{"policy":0,"statement":0,"sid":"FreshMFA","effect":"Allow"}]}`,
		`{"id":"root","decision":"Allowed","matched":[]}`,
		`{"id":"bad-policy","error":"identityPolicies[0]: compile policy: line 1, column 25: statement 0: Effect: must be \"Allow\" or \"Deny\""}`,
		`{"id":"after-error","decision":"Allowed","matched":[{"policy":0,"statement":0,"sid":"","effect":"Allow"}]}`,
	}, lines)
}

func TestPolicyEvalCaseErrors(t *testing.T) {
	tests := []struct {
		name string
		c    string
		want string
	}{
		{"case not an object", `5`, `{"id":null,"error":"case must be a JSON object"}`},
		{"no id", `{"request":{"action":"s3:GetObject"}}`, `{"id":null,"decision":"ImplicitlyDenied","matched":[]}`},
		{"policies not an array", `{"id":"a","identityPolicies":{},"request":{"action":"s3:GetObject"}}`, `{"id":"a","error":"identityPolicies must be an array"}`},
		{"policy a number", `{"id":"a","identityPolicies":[1],"request":{"action":"s3:GetObject"}}`,
			`{"id":"a","error":"identityPolicies[0] must be a JSON object or a string holding the policy text"}`},
		{"policy text not JSON", `{"id":"a","identityPolicies":["{"],"request":{"action":"s3:GetObject"}}`, `"error":"identityPolicies[0]: parse policy: line 1, column 2:`},
		{"no request", `{"id":"a","identityPolicies":[]}`, `{"id":"a","error":"request must be a JSON object"}`},
		{"no action", `{"id":"a","request":{"resource":"*"}}`, `{"id":"a","error":"request.action is required"}`},
		{"action not a string", `{"id":"a","request":{"action":5}}`, `{"id":"a","error":"request.action must be a string"}`},
		{"context not an object", `{"id":"a","request":{"action":"s3:GetObject","context":[]}}`, `{"id":"a","error":"request.context must be a JSON object"}`},
		{"context null value", `{"id":"a","request":{"action":"s3:GetObject","context":{"k":null}}}`,
			`{"id":"a","error":"request.context[\"k\"] must be a string, number or boolean, or an array of them"}`},
		{"context nested array", `{"id":"a","request":{"action":"s3:GetObject","context":{"k":[["x"]]}}}`,
			`{"id":"a","error":"request.context[\"k\"][0] must be a string, number or boolean"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, lines, _ := evalRun(t, "["+tt.c+"]")
			require.Len(t, lines, 1)
			require.Contains(t, lines[0], tt.want)
			if strings.Contains(tt.want, `"error"`) {
				require.Equal(t, 1, code)
			} else {
				require.Equal(t, 0, code)
			}
		})
	}
}

func TestPolicyEvalContextValues(t *testing.T) {
	// Numbers keep their literal text, booleans become "true"/"false".
	pol := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"n":"1.50","b":"false","m":["x","2"]}}}]}`
	in := `[{"id":1,"identityPolicies":[` + pol + `],"request":{"action":"s3:GetObject","context":{"n":1.50,"b":false,"m":[2,true]}}}]`
	code, lines, _ := evalRun(t, in)
	require.Equal(t, 0, code)
	require.Equal(t, []string{`{"id":1,"decision":"Allowed","matched":[{"policy":0,"statement":0,"sid":"","effect":"Allow"}]}`}, lines)
}

func TestPolicyEvalUsage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "cases.json")
	require.NoError(t, os.WriteFile(file, []byte(`[{"id":"f","identityPolicies":[`+evalAdmin+`],"request":{"action":"s3:GetObject"}}]`), 0o600))
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		out   string
	}{
		{"from a file", []string{"policy", "eval", "--cases", file}, "", 0, `{"id":"f","decision":"Allowed","matched":[{"policy":0,"statement":0,"sid":"","effect":"Allow"}]}` + "\n"},
		{"equals form", []string{"policy", "eval", "--cases=" + file}, "", 0, `{"id":"f","decision":"Allowed","matched":[{"policy":0,"statement":0,"sid":"","effect":"Allow"}]}` + "\n"},
		{"empty array", []string{"policy", "eval", "--cases", "-"}, "[]", 0, ""},
		{"help", []string{"policy", "eval", "--help"}, "", 0, evalUsage},
		{"no --cases", []string{"policy", "eval"}, "", 2, ""},
		{"extra argument", []string{"policy", "eval", "--cases", "-", "x"}, "[]", 2, ""},
		{"unknown flag", []string{"policy", "eval", "--json"}, "", 2, ""},
		{"missing file", []string{"policy", "eval", "--cases", filepath.Join(dir, "none.json")}, "", 2, ""},
		{"not JSON", []string{"policy", "eval", "--cases", "-"}, "[{", 2, ""},
		{"not an array", []string{"policy", "eval", "--cases", "-"}, `{"id":1}`, 2, ""},
		{"trailing garbage", []string{"policy", "eval", "--cases", "-"}, `[] x`, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			require.Equal(t, tt.code, code, errOut.String())
			require.Equal(t, tt.out, out.String())
			if tt.code == 2 {
				require.NotEmpty(t, errOut.String())
			}
		})
	}
}
