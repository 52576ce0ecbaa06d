package policy

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestExplainScenario(t *testing.T) {
	guard, err := os.ReadFile("../../../shared/reference/scenario/NetworkAdminGuardrails.json")
	if err != nil {
		t.Skip("scenario reference not present:", err)
	}
	vpc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:Describe*"],"Resource":"*"}]}`
	policies := evCompileAll(t, vpc, string(guard))
	ctx := func(mfa, ip string) map[string][]string {
		c := map[string][]string{"aws:SourceIp": {ip}, "aws:username": {"Luna"}}
		if mfa != "" {
			c["aws:MultiFactorAuthPresent"] = []string{mfa}
		}
		return c
	}
	req := Request{Action: "iam:ListUsers", Resource: "arn:aws:iam::123456789012:user/", Context: ctx("", "203.0.113.10")}
	res, traces := Explain(policies, req)
	require.Equal(t, ExplicitlyDenied, res.Decision)
	require.Equal(t, Evaluate(policies, req).Decision, res.Decision)
	var denyMFA *StatementTrace
	for i := range traces {
		tr := &traces[i]
		if tr.Applies && tr.Effect == "Deny" {
			denyMFA = tr
		}
		if tr.Policy == 0 {
			require.False(t, tr.ActionMatched, "ec2:Describe* does not list iam:ListUsers")
		}
	}
	require.NotNil(t, denyMFA, "a Deny statement applies")
	found := false
	for _, c := range denyMFA.Conditions {
		if c.Key == "aws:MultiFactorAuthPresent" {
			found = true
			require.True(t, c.Met)
			require.Nil(t, c.RequestValues, "the key is absent without MFA")
		}
	}
	require.True(t, found, "the deciding statement names aws:MultiFactorAuthPresent")

	req = Request{Action: "ec2:DescribeVpcs", Resource: "*", Context: ctx("true", "198.51.100.7")}
	res, traces = Explain(policies, req)
	require.Equal(t, ExplicitlyDenied, res.Decision)
	ipDeny := false
	for _, tr := range traces {
		for _, c := range tr.Conditions {
			if tr.Applies && c.Key == "aws:SourceIp" {
				ipDeny = true
				require.Equal(t, []string{"198.51.100.7"}, c.RequestValues)
				require.Equal(t, "NotIpAddress", c.Operator)
			}
		}
	}
	require.True(t, ipDeny, "the source IP statement decides")

	req = Request{Action: "ec2:DescribeVpcs", Resource: "*", Context: ctx("true", "203.0.113.10")}
	res, traces = Explain(policies, req)
	require.Equal(t, Allowed, res.Decision)
	require.True(t, traces[0].Applies)
}

func TestExplainMatchesEvaluate(t *testing.T) {
	p := evCompileAll(t,
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::secret/*"}]}`,
		`{"Version":"2012-10-17","Statement":[{"Sid":"NoDel","Effect":"Deny","Action":"s3:Delete*","Resource":"*","Condition":{"StringEquals":{"aws:username":["Luna","Sol"]}}}]}`)
	for _, req := range []Request{
		{Action: "iam:ListUsers", Resource: "*"},
		{Action: "s3:GetObject", Resource: "arn:aws:s3:::secret/a"},
		{Action: "s3:GetObject", Resource: "arn:aws:s3:::open/a"},
		{Action: "s3:DeleteObject", Resource: "arn:aws:s3:::open/a", Context: map[string][]string{"aws:username": {"Luna"}}},
		{Action: "s3:DeleteObject", Resource: "arn:aws:s3:::open/a", Context: map[string][]string{"aws:username": {"Kim"}}},
	} {
		res, traces := Explain(p, req)
		require.Equal(t, Evaluate(p, req).Decision, res.Decision, req)
		require.Len(t, traces, 2)
		require.True(t, traces[0].NotAction)
		require.Equal(t, "NoDel", traces[1].Sid)
		require.Equal(t, []string{"Luna", "Sol"}, traces[1].Conditions[0].Values)
		require.Equal(t, "StringEquals", traces[1].Conditions[0].Operator)
	}
}
