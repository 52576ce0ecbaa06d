package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

const evLuna = "arn:aws:iam::123456789012:user/Luna"

func evAllow(p, s int, sid string) MatchedStatement {
	return MatchedStatement{Policy: p, Statement: s, Sid: sid, Effect: "Allow"}
}

func evDeny(p, s int, sid string) MatchedStatement {
	return MatchedStatement{Policy: p, Statement: s, Sid: sid, Effect: "Deny"}
}

type evalCase struct {
	name     string
	policies []string
	action   string
	resource string
	ctx      map[string][]string
	want     Decision
	matched  []MatchedStatement
}

func runEvalCases(t *testing.T, cases []evalCase) {
	t.Helper()
	var ev Evaluator
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			ps := evCompileAll(t, tt.policies...)
			req := Request{Principal: evLuna, Action: tt.action, Resource: tt.resource, Context: tt.ctx}
			got := Evaluate(ps, req)
			require.Equal(t, tt.want, got.Decision)
			require.Equal(t, tt.matched, got.Matched)
			// The reusing Evaluator and Decide agree with Evaluate.
			again := ev.Evaluate(ps, req)
			require.Equal(t, got.Decision, again.Decision)
			require.Equal(t, tt.matched, again.Matched)
			require.Equal(t, tt.want, Decide(ps, req))
			require.Equal(t, got, evNaive(ps, req))
		})
	}
}

func TestEvaluateManagedPolicies(t *testing.T) {
	user := evUserContext()
	runEvalCases(t, []evalCase{
		// IUG evaluation logic: default implicit deny.
		{"no policies", nil, "iam:ListUsers", "arn:aws:iam::123456789012:user/", user, ImplicitlyDenied, nil},
		{"AdministratorAccess allows anything", []string{evAdministratorAccess}, "kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/1", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		// Section 8.1 IAMReadOnlyAccess: iam:List* and iam:Get*.
		{"IAMReadOnlyAccess lists users", []string{evIAMReadOnlyAccess}, "iam:ListUsers", "arn:aws:iam::123456789012:user/", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		// IUG evaluation logic: action names are case-insensitive.
		{"action case ignored", []string{evIAMReadOnlyAccess}, "IAM:listusers", "arn:aws:iam::123456789012:user/", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"IAMReadOnlyAccess cannot create", []string{evIAMReadOnlyAccess}, "iam:CreateUser", "arn:aws:iam::123456789012:user/Bob", user, ImplicitlyDenied, nil},
		// Section 7 NotAction with Allow: PowerUserAccess grants all but iam/organizations/account.
		{"PowerUserAccess allows S3", []string{evPowerUserAccess}, "s3:GetObject", "arn:aws:s3:::b/k", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"PowerUserAccess excludes IAM", []string{evPowerUserAccess}, "iam:CreateUser", "arn:aws:iam::123456789012:user/Bob", user, ImplicitlyDenied, nil},
		{"PowerUserAccess second statement", []string{evPowerUserAccess}, "iam:ListRoles", "*", user, Allowed,
			[]MatchedStatement{evAllow(0, 1, "")}},
		// Section 8.1 IAMUserChangePassword: arn:aws:iam::*:user/${aws:username}.
		{"change own password", []string{evIAMUserChangePassword}, "iam:ChangePassword", evLuna, user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"change own password with path", []string{evIAMUserChangePassword}, "iam:ChangePassword", "arn:aws:iam::123456789012:user/staff/Luna", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"change another user's password", []string{evIAMUserChangePassword}, "iam:ChangePassword", "arn:aws:iam::123456789012:user/Bob", user, ImplicitlyDenied, nil},
		// IUG variables: a missing key gives no match.
		{"change password without aws:username", []string{evIAMUserChangePassword}, "iam:ChangePassword", evLuna, evWith(user, "aws:username", nil), ImplicitlyDenied, nil},
		{"EC2 read only", []string{evAmazonEC2ReadOnlyAccess}, "ec2:DescribeInstances", "*", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"EC2 read only, autoscaling", []string{evAmazonEC2ReadOnlyAccess}, "autoscaling:DescribeAutoScalingGroups", "*", user, Allowed,
			[]MatchedStatement{evAllow(0, 3, "")}},
		{"EC2 read only cannot terminate", []string{evAmazonEC2ReadOnlyAccess}, "ec2:TerminateInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", user, ImplicitlyDenied, nil},
		// Section 8.1 AmazonEC2FullAccess: CreateServiceLinkedRole only for listed services.
		{"EC2 full, service-linked role allowed", []string{evAmazonEC2FullAccess}, "iam:CreateServiceLinkedRole", "*",
			evWith(user, "iam:AWSServiceName", "spot.amazonaws.com"), Allowed, []MatchedStatement{evAllow(0, 4, "")}},
		{"EC2 full, service-linked role other service", []string{evAmazonEC2FullAccess}, "iam:CreateServiceLinkedRole", "*",
			evWith(user, "iam:AWSServiceName", "rds.amazonaws.com"), ImplicitlyDenied, nil},
		{"allows from several policies all listed", []string{evIAMReadOnlyAccess, evAmazonS3FullAccess, evAdministratorAccess}, "iam:GetUser", evLuna, user, Allowed,
			[]MatchedStatement{evAllow(0, 0, ""), evAllow(2, 0, "")}},
	})
}

func TestEvaluateDenyByIP(t *testing.T) {
	// Section 8.2 "Deny by source IP" with AdministratorAccess.
	ps := []string{evAdministratorAccess, evDenyByIP}
	user := evUserContext()
	runEvalCases(t, []evalCase{
		{"inside the network", ps, "ec2:RunInstances", "*", user, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
		{"outside the network", ps, "ec2:RunInstances", "*", evWith(user, "aws:SourceIp", "198.51.100.1"), ExplicitlyDenied,
			[]MatchedStatement{evDeny(1, 0, "")}},
		{"outside but via an AWS service", ps, "ec2:RunInstances", "*", evWith(user, "aws:SourceIp", "198.51.100.1", "aws:ViaAWSService", "true"), Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		// Missing aws:SourceIp: NotIpAddress is true (negated, key missing) and the deny applies.
		{"no source IP (VPC endpoint)", ps, "ec2:RunInstances", "*", evWith(user, "aws:SourceIp", nil), ExplicitlyDenied,
			[]MatchedStatement{evDeny(1, 0, "")}},
		// Missing aws:ViaAWSService: Bool is false, so the deny does not apply.
		{"no ViaAWSService key", ps, "ec2:RunInstances", "*", evWith(user, "aws:SourceIp", "198.51.100.1", "aws:ViaAWSService", nil), Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"malformed source IP is outside", ps, "ec2:RunInstances", "*", evWith(user, "aws:SourceIp", "not-an-ip"), ExplicitlyDenied,
			[]MatchedStatement{evDeny(1, 0, "")}},
		{"IPv6 outside", ps, "ec2:RunInstances", "*", evWith(user, "aws:SourceIp", "2001:db8::1"), ExplicitlyDenied,
			[]MatchedStatement{evDeny(1, 0, "")}},
	})
}

func TestEvaluateManageOwnMFA(t *testing.T) {
	// Section 8.2 "Manage own MFA only" plus IAMReadOnlyAccess.
	ps := []string{evManageOwnMFA, evIAMReadOnlyAccess}
	noMFA := evWith(evUserContext(), "aws:MultiFactorAuthPresent", nil, "aws:MultiFactorAuthAge", nil)
	mfaFalse := evWith(evUserContext(), "aws:MultiFactorAuthPresent", "false")
	withMFA := evUserContext()
	deny := []MatchedStatement{evDeny(0, 3, "DenyAllExceptListedIfNoMFA")}
	runEvalCases(t, []evalCase{
		{"no MFA: listing users denied", ps, "iam:ListUsers", "arn:aws:iam::123456789012:user/", noMFA, ExplicitlyDenied, deny},
		{"MFA false: listing users denied", ps, "iam:ListUsers", "arn:aws:iam::123456789012:user/", mfaFalse, ExplicitlyDenied, deny},
		{"with MFA: listing users allowed", ps, "iam:ListUsers", "arn:aws:iam::123456789012:user/", withMFA, Allowed,
			[]MatchedStatement{evAllow(1, 0, "")}},
		{"no MFA: own MFA devices", ps, "iam:ListMFADevices", evLuna, noMFA, Allowed,
			[]MatchedStatement{evAllow(0, 2, "AllowManageOwnUserMFA"), evAllow(1, 0, "")}},
		{"no MFA: create virtual device", ps, "iam:CreateVirtualMFADevice", "arn:aws:iam::123456789012:mfa/Luna", noMFA, Allowed,
			[]MatchedStatement{evAllow(0, 1, "AllowManageOwnVirtualMFADevice")}},
		{"no MFA: enable MFA on another user", ps, "iam:EnableMFADevice", "arn:aws:iam::123456789012:user/Bob", noMFA, ImplicitlyDenied, nil},
		{"no MFA: get session token not denied, not allowed", ps, "sts:GetSessionToken", "*", noMFA, ImplicitlyDenied, nil},
	})
}

func TestEvaluateElements(t *testing.T) {
	user := evUserContext()
	denyS3 := `{"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"}]}`
	notRes := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","NotResource":["arn:aws:s3:::secret","arn:aws:s3:::secret/*"]}]}`
	denyNotAction := `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:Get*","Resource":"arn:aws:iam::*:user/*"}]}`
	emptyAct := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}`
	emptyNotAct := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":[],"Resource":"*"}]}`
	wildSvc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"},{"Effect":"Allow","Action":["s3:Get*","*:ListUsers"],"Resource":"*"},{"Effect":"Allow","Action":"ec2*Images","Resource":"*"}]}`
	objStmt := `{"Version":"2012-10-17","Statement":{"Sid":"One","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}}`
	runEvalCases(t, []evalCase{
		// IUG evaluation logic: an explicit deny overrides any allow.
		{"deny beats allow", []string{evAdministratorAccess, denyS3}, "s3:DeleteObject", "arn:aws:s3:::b/k", user, ExplicitlyDenied,
			[]MatchedStatement{evDeny(1, 0, "NoDelete")}},
		{"deny does not touch other actions", []string{evAdministratorAccess, denyS3}, "s3:GetObject", "arn:aws:s3:::b/k", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"every matching deny listed", []string{denyS3, evAdministratorAccess, denyS3}, "s3:DeleteBucket", "arn:aws:s3:::b", user, ExplicitlyDenied,
			[]MatchedStatement{evDeny(0, 0, "NoDelete"), evDeny(2, 0, "NoDelete")}},
		// Section 7 NotResource: every resource except those listed.
		{"NotResource other bucket", []string{notRes}, "s3:GetObject", "arn:aws:s3:::public/k", user, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
		{"NotResource listed bucket", []string{notRes}, "s3:GetObject", "arn:aws:s3:::secret/k", user, ImplicitlyDenied, nil},
		// Section 7 NotAction with Deny: denies everything else.
		{"Deny NotAction other action", []string{evAdministratorAccess, denyNotAction}, "iam:DeleteUser", "arn:aws:iam::123456789012:user/Bob", user, ExplicitlyDenied,
			[]MatchedStatement{evDeny(1, 0, "")}},
		{"Deny NotAction listed action", []string{evAdministratorAccess, denyNotAction}, "iam:GetUser", "arn:aws:iam::123456789012:user/Bob", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"Deny NotAction other resource", []string{evAdministratorAccess, denyNotAction}, "iam:DeleteRole", "arn:aws:iam::123456789012:role/R", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"wildcard service part", []string{wildSvc}, "iam:ListUsers", "*", user, Allowed, []MatchedStatement{evAllow(0, 1, "")}},
		{"wildcard service part, grouped entry", []string{wildSvc}, "S3:GetObject", "*", user, Allowed, []MatchedStatement{evAllow(0, 0, ""), evAllow(0, 1, "")}},
		{"star crosses the action colon", []string{wildSvc}, "ec2:DescribeImages", "*", user, Allowed, []MatchedStatement{evAllow(0, 2, "")}},
		{"no colon in request action", []string{wildSvc}, "ListUsers", "*", user, ImplicitlyDenied, nil},
		{"empty Action matches nothing", []string{emptyAct}, "s3:GetObject", "*", user, ImplicitlyDenied, nil},
		{"empty NotAction matches everything", []string{emptyNotAct}, "s3:GetObject", "*", user, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
		{"statement object", []string{objStmt}, "s3:ListAllMyBuckets", "", user, Allowed, []MatchedStatement{evAllow(0, 0, "One")}},
		{"empty resource matches star", []string{evIAMReadOnlyAccess}, "iam:ListUsers", "", user, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
		// Resource ARNs are case-sensitive (IUG: "the IAM user name is case sensitive").
		{"resource case-sensitive", []string{evIAMUserChangePassword}, "iam:ChangePassword", "arn:aws:iam::123456789012:user/luna", user, ImplicitlyDenied, nil},
	})
}

func TestEvaluateCustomConditions(t *testing.T) {
	user := evUserContext()
	inst := "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"
	runEvalCases(t, []evalCase{
		{"own tagged instance", []string{evOwnerTag}, "ec2:StopInstances", inst, evWith(user, "aws:ResourceTag/Owner", "Luna"), Allowed,
			[]MatchedStatement{evAllow(0, 0, "StartStopOwnInstances")}},
		{"someone else's instance", []string{evOwnerTag}, "ec2:StopInstances", inst, evWith(user, "aws:ResourceTag/Owner", "Bob"), ImplicitlyDenied, nil},
		{"untagged instance", []string{evOwnerTag}, "ec2:StopInstances", inst, user, ImplicitlyDenied, nil},
		{"list own home", []string{evS3Home}, "s3:ListBucket", "arn:aws:s3:::labsim-home", evWith(user, "s3:prefix", "home/Luna/"), Allowed,
			[]MatchedStatement{evAllow(0, 0, "ListHome")}},
		{"list another home", []string{evS3Home}, "s3:ListBucket", "arn:aws:s3:::labsim-home", evWith(user, "s3:prefix", "home/Bob/"), ImplicitlyDenied, nil},
		{"get own object", []string{evS3Home}, "s3:GetObject", "arn:aws:s3:::labsim-home/home/Luna/a.txt", user, Allowed,
			[]MatchedStatement{evAllow(0, 1, "OwnObjects")}},
		{"region outside list", []string{evAdministratorAccess, evDenyOutsideRegions}, "ec2:RunInstances", "*", evWith(user, "aws:RequestedRegion", "eu-west-1"), ExplicitlyDenied,
			[]MatchedStatement{evDeny(1, 0, "DenyOutsideRegions")}},
		{"region outside list, global service", []string{evAdministratorAccess, evDenyOutsideRegions}, "iam:ListUsers", "*", evWith(user, "aws:RequestedRegion", "eu-west-1"), Allowed,
			[]MatchedStatement{evAllow(0, 0, "")}},
		{"time window and fresh MFA", []string{evTimeWindow}, "cloudwatch:GetDashboard", "*", user, Allowed,
			[]MatchedStatement{evAllow(0, 0, "DashboardsInTermWithRecentMFA")}},
		{"after the window", []string{evTimeWindow}, "cloudwatch:GetDashboard", "*", evWith(user, "aws:CurrentTime", "2026-07-02T00:00:00Z"), ImplicitlyDenied, nil},
		{"stale MFA", []string{evTimeWindow}, "cloudwatch:GetDashboard", "*", evWith(user, "aws:MultiFactorAuthAge", "7200"), ImplicitlyDenied, nil},
	})
}

func TestEvaluateVersionAndVariables(t *testing.T) {
	mk := func(version string) string {
		v := ""
		if version != "" {
			v = `"Version":"` + version + `",`
		}
		return `{` + v + `"Statement":[{"Effect":"Allow","Action":"iam:ChangePassword","Resource":"arn:aws:iam::*:user/${aws:username}"}]}`
	}
	user := evUserContext()
	literal := "arn:aws:iam::123456789012:user/${aws:username}"
	runEvalCases(t, []evalCase{
		// IUG variables: need Version 2012-10-17; otherwise the text stays literal.
		{"2012-10-17 substitutes", []string{mk("2012-10-17")}, "iam:ChangePassword", evLuna, user, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
		{"2008-10-17 literal", []string{mk("2008-10-17")}, "iam:ChangePassword", evLuna, user, ImplicitlyDenied, nil},
		{"2008-10-17 matches the literal text", []string{mk("2008-10-17")}, "iam:ChangePassword", literal, user, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
		{"no Version literal", []string{mk("")}, "iam:ChangePassword", evLuna, user, ImplicitlyDenied, nil},
		{"no Version matches the literal text", []string{mk("")}, "iam:ChangePassword", literal, user, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
		{"variable key case-insensitive", []string{mk("2012-10-17")}, "iam:ChangePassword", evLuna,
			map[string][]string{"AWS:USERNAME": {"Luna"}}, Allowed, []MatchedStatement{evAllow(0, 0, "")}},
	})
	// Variables are not expanded in Action.
	c := evCompile(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:${aws:username}","Resource":"*"}]}`)
	require.Equal(t, ImplicitlyDenied, Decide([]*Compiled{c}, Request{Action: "iam:Luna", Context: user}))
	require.Equal(t, Allowed, Decide([]*Compiled{c}, Request{Action: "iam:${aws:username}", Context: user}))
}

func TestAuthorizeRoot(t *testing.T) {
	ps := evCompileAll(t, evDenyByIP)
	req := Request{Principal: "arn:aws:iam::123456789012:root", Action: "iam:CreateUser", Resource: "arn:aws:iam::123456789012:user/Bob",
		Context: map[string][]string{"aws:SourceIp": {"198.51.100.1"}, "aws:ViaAWSService": {"false"}}}
	// IUG evaluation logic: the root user has full access.
	got := Authorize(ps, req)
	require.Equal(t, Result{Decision: Allowed, Root: true}, got)
	var ev Evaluator
	require.Equal(t, Result{Decision: Allowed, Root: true}, ev.Authorize(ps, req))
	// Evaluate reads only the policies.
	require.Equal(t, ExplicitlyDenied, Evaluate(ps, req).Decision)
	req.Principal = evLuna
	require.Equal(t, ExplicitlyDenied, Authorize(ps, req).Decision)
	require.False(t, Authorize(ps, req).Root)
}

func TestIsRootARN(t *testing.T) {
	tests := []struct {
		arn  string
		want bool
	}{
		{"arn:aws:iam::123456789012:root", true},
		{"arn:aws-cn:iam::123456789012:root", true},
		{"arn:aws-us-gov:iam::123456789012:root", true},
		{"arn:aws:iam::123456789012:user/root", false},
		{"arn:aws:iam::123456789012:Root", false},
		{"arn:aws:iam::12345678901:root", false},
		{"arn:aws:iam::*:root", false},
		{"arn:aws:sts::123456789012:root", false},
		{"arn::iam::123456789012:root", false},
		{"arn:aws:iam:us-east-1:123456789012:root", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.arn, func(t *testing.T) {
			require.Equal(t, tt.want, IsRootARN(tt.arn))
		})
	}
}

func TestDecisionString(t *testing.T) {
	require.Equal(t, "Allowed", Allowed.String())
	require.Equal(t, "ImplicitlyDenied", ImplicitlyDenied.String())
	require.Equal(t, "ExplicitlyDenied", ExplicitlyDenied.String())
	require.Equal(t, "Decision(7)", Decision(7).String())
	var zero Decision
	require.Equal(t, ImplicitlyDenied, zero)
}

func TestEvaluatorReusesMemory(t *testing.T) {
	ps := evCompileAll(t, evTenPolicies...)
	var ev Evaluator
	req := Request{Principal: evLuna, Action: "iam:GetUser", Resource: evLuna, Context: evUserContext()}
	r := ev.Evaluate(ps, req)
	require.Equal(t, Allowed, r.Decision)
	require.Equal(t, []MatchedStatement{evAllow(0, 0, ""), evAllow(4, 2, "AllowManageOwnUserMFA")}, r.Matched)
	allocs := testing.AllocsPerRun(100, func() { ev.Evaluate(ps, req) })
	require.Zero(t, allocs)
	allocs = testing.AllocsPerRun(100, func() { Decide(ps, req) })
	require.Zero(t, allocs)
	upper := req
	upper.Action = "IAM:GETUSER"
	require.Equal(t, r.Decision, ev.Evaluate(ps, upper).Decision)
	allocs = testing.AllocsPerRun(100, func() { ev.Evaluate(ps, upper) })
	require.Zero(t, allocs)
}

func TestEvaluateSkipsNilPolicies(t *testing.T) {
	ps := []*Compiled{nil, evCompile(t, evAdministratorAccess)}
	r := Evaluate(ps, Request{Action: "s3:GetObject", Resource: "*"})
	require.Equal(t, []MatchedStatement{evAllow(1, 0, "")}, r.Matched)
}
