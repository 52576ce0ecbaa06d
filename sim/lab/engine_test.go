package lab

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// engineIAM answers the IAM checks of iam-delegation with the real policy
// engine: one customer managed policy, NetworkAdminGuardrails, attached
// with AmazonVPCFullAccess to Luna's group. It shows how an adapter turns
// a check's context into the engine's request.
type engineIAM struct {
	fakeIAM
	guardrails *policy.Compiled
	vpc        *policy.Compiled
}

func engineRequest(action, resource string, ctx map[string]string) policy.Request {
	c := make(map[string][]string, len(ctx))
	for k, v := range ctx {
		c[k] = []string{v}
	}
	return policy.Request{Action: action, Resource: resource, Context: c}
}

func (e *engineIAM) PolicyDecision(a, name, action, resource string, ctx map[string]string) string {
	if a != acct || name != "NetworkAdminGuardrails" {
		return ""
	}
	return policy.Decide([]*policy.Compiled{e.guardrails}, engineRequest(action, resource, ctx)).String()
}

func (e *engineIAM) Decide(a, user, action, resource string, ctx map[string]string) string {
	if a != acct || user != "Luna" {
		return ""
	}
	full := map[string]string{"aws:username": "Luna"}
	for k, v := range ctx {
		full[k] = v
	}
	return policy.Decide([]*policy.Compiled{e.vpc, e.guardrails}, engineRequest(action, resource, full)).String()
}

func newEngineIAM(t *testing.T, guardrails string) *engineIAM {
	t.Helper()
	g, err := policy.CompileText(guardrails)
	require.NoError(t, err)
	mp, ok := catalog.LookupManagedPolicy("AmazonVPCFullAccess")
	require.True(t, ok)
	v, err := policy.CompileText(mp.Document)
	require.NoError(t, err)
	e := &engineIAM{fakeIAM: *newFakeIAM(), guardrails: g, vpc: v}
	e.policies["NetworkAdminGuardrails"] = true
	e.users["Luna"] = [2]bool{true, true}
	return e
}

// TestDelegationChecksWithThePolicyEngine evaluates the policy checks of
// iam-delegation with the scenario's policy and with wrong ones.
func TestDelegationChecksWithThePolicyEngine(t *testing.T) {
	scenario, err := os.ReadFile("testdata/NetworkAdminGuardrails.json")
	require.NoError(t, err)
	labs, err := Builtin()
	require.NoError(t, err)
	l := Find(labs, "iam-delegation")
	policyCheck := l.Steps[l.StepIndex("create-guardrails")].Checks[0]
	require.Equal(t, KindCustomerPolicyExists, policyCheck.Kind)
	sim := l.Steps[l.StepIndex("simulate-luna")].Checks[1:]

	// The same rules written another way pass too.
	rewritten := `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": ["iam:ChangePassword", "iam:GetUser", "iam:*MFADevice*"], "Resource": ["arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::*:mfa/*"]},
	  {"Effect": "Deny", "NotAction": ["iam:ChangePassword", "iam:GetUser", "iam:*MFADevice*", "iam:GetAccountPasswordPolicy"], "Resource": "*",
	   "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
	  {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}`
	noIPRule := `{"Version": "2012-10-17", "Statement": [
	  {"Effect": "Allow", "Action": ["iam:ChangePassword", "iam:EnableMFADevice"], "Resource": "arn:aws:iam::*:user/${aws:username}"},
	  {"Effect": "Deny", "NotAction": ["iam:ChangePassword", "iam:EnableMFADevice"], "Resource": "*",
	   "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}`
	everyone := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`
	anyUser := strings.Replace(string(scenario), "${aws:username}", "SuperUser", 1)

	tests := []struct {
		name, policy string
		want         bool
	}{
		{"the scenario's policy", string(scenario), true},
		{"the same rules written another way", rewritten, true},
		{"no rule about the network", noIPRule, false},
		{"allows everything", everyone, false},
		{"only SuperUser may change the password", anyUser, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Facts{World: world(), IAM: newEngineIAM(t, tt.policy)}
			require.Equal(t, tt.want, evalState(&policyCheck, &f))
		})
	}

	// With the scenario's policy and AmazonVPCFullAccess, Luna's decisions
	// are the scenario's table.
	f := Facts{World: world(), IAM: newEngineIAM(t, string(scenario))}
	for _, c := range sim {
		require.True(t, evalState(&c, &f), c.Describe("en"))
	}
	e := f.IAM.(*engineIAM)
	for _, tt := range []struct {
		action, resource, mfa, ip, want string
	}{
		{"ec2:DescribeVpcs", "*", "true", "203.0.113.10", "Allowed"},
		{"iam:ListUsers", "*", "true", "203.0.113.10", "ImplicitlyDenied"},
		{"s3:ListAllMyBuckets", "*", "true", "203.0.113.10", "ImplicitlyDenied"},
		{"ec2:DescribeVpcs", "*", "false", "203.0.113.10", "ExplicitlyDenied"},
		{"ec2:DescribeVpcs", "*", "true", "198.51.100.7", "ExplicitlyDenied"},
		{"iam:ChangePassword", "arn:aws:iam::" + acct + ":user/Luna", "false", "203.0.113.10", "Allowed"},
		{"iam:GetUser", "arn:aws:iam::" + acct + ":user/SuperUser", "true", "203.0.113.10", "ImplicitlyDenied"},
	} {
		got := e.Decide(acct, "Luna", tt.action, tt.resource, map[string]string{"aws:MultiFactorAuthPresent": tt.mfa, "aws:SourceIp": tt.ip})
		require.Equal(t, tt.want, got, "%s %s mfa=%s ip=%s", tt.action, tt.resource, tt.mfa, tt.ip)
	}
}
