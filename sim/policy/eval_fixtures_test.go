package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// AWS managed policy documents (reference/managed-policies, MAMIP
// 2026-03) and AWS example policies (IAM User Guide), used by the
// evaluation tests, the benchmark and the fuzz seed corpus.
const (
	evAdministratorAccess     = `{"Version":"2012-10-17","Statement":[{"Action":"*","Resource":"*","Effect":"Allow"}]}`
	evPowerUserAccess         = `{"Version":"2012-10-17","Statement":[{"NotAction":["iam:*","organizations:*","account:*"],"Resource":"*","Effect":"Allow"},{"Action":["account:GetAccountInformation","account:GetGovCloudAccountInformation","account:GetPrimaryEmail","account:ListRegions","iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeEffectivePolicy","organizations:DescribeOrganization"],"Resource":"*","Effect":"Allow"}]}`
	evIAMReadOnlyAccess       = `{"Version":"2012-10-17","Statement":[{"Action":["iam:GenerateCredentialReport","iam:GenerateServiceLastAccessedDetails","iam:Get*","iam:List*","iam:SimulateCustomPolicy","iam:SimulatePrincipalPolicy"],"Resource":"*","Effect":"Allow"}]}`
	evIAMUserChangePassword   = `{"Version":"2012-10-17","Statement":[{"Action":["iam:ChangePassword"],"Resource":["arn:aws:iam::*:user/${aws:username}","arn:aws:iam::*:user/*/${aws:username}"],"Effect":"Allow"},{"Action":["iam:GetAccountPasswordPolicy"],"Resource":"*","Effect":"Allow"}]}`
	evAmazonEC2ReadOnlyAccess = `{"Version":"2012-10-17","Statement":[{"Action":["ec2:Describe*","ec2:GetSecurityGroupsForVpc"],"Resource":"*","Effect":"Allow"},{"Action":"elasticloadbalancing:Describe*","Resource":"*","Effect":"Allow"},{"Action":["cloudwatch:ListMetrics","cloudwatch:GetMetricStatistics","cloudwatch:Describe*"],"Resource":"*","Effect":"Allow"},{"Action":"autoscaling:Describe*","Resource":"*","Effect":"Allow"}]}`
	evAmazonS3FullAccess      = `{"Version":"2012-10-17","Statement":[{"Action":["s3:*","s3-object-lambda:*"],"Resource":"*","Effect":"Allow"}]}`
	evAmazonEC2FullAccess     = `{"Version":"2012-10-17","Statement":[{"Action":"ec2:*","Resource":"*","Effect":"Allow"},{"Action":"elasticloadbalancing:*","Resource":"*","Effect":"Allow"},{"Action":"cloudwatch:*","Resource":"*","Effect":"Allow"},{"Action":"autoscaling:*","Resource":"*","Effect":"Allow"},{"Action":"iam:CreateServiceLinkedRole","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"iam:AWSServiceName":["autoscaling.amazonaws.com","ec2scheduled.amazonaws.com","elasticloadbalancing.amazonaws.com","spot.amazonaws.com","spotfleet.amazonaws.com","transitgateway.amazonaws.com"]}}}]}`

	// IUG reference_policies_examples_aws_deny-ip.
	evDenyByIP = `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}}`

	// IUG reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.
	evManageOwnMFA = `{"Version":"2012-10-17","Statement":[
 {"Sid":"AllowViewAccountInfo","Effect":"Allow","Action":"iam:ListVirtualMFADevices","Resource":"*"},
 {"Sid":"AllowManageOwnVirtualMFADevice","Effect":"Allow","Action":["iam:CreateVirtualMFADevice"],"Resource":"arn:aws:iam::*:mfa/*"},
 {"Sid":"AllowManageOwnUserMFA","Effect":"Allow","Action":["iam:DeactivateMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices","iam:ResyncMFADevice"],"Resource":"arn:aws:iam::*:user/${aws:username}"},
 {"Sid":"DenyAllExceptListedIfNoMFA","Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices","iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}`

	// Custom policies in the style of the User Guide examples.
	evDenyOutsideRegions = `{"Version":"2012-10-17","Statement":[{"Sid":"DenyOutsideRegions","Effect":"Deny","NotAction":["iam:*","sts:*","s3:*","cloudfront:*","support:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["ap-northeast-2","us-east-1"]}}}]}`
	evOwnerTag           = `{"Version":"2012-10-17","Statement":[{"Sid":"StartStopOwnInstances","Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances","ec2:RebootInstances"],"Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"StringEquals":{"aws:ResourceTag/Owner":"${aws:username}"}}}]}`
	evS3Home             = `{"Version":"2012-10-17","Statement":[{"Sid":"ListHome","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::labsim-home","Condition":{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}},{"Sid":"OwnObjects","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::labsim-home/home/${aws:username}/*"}]}`
	evTimeWindow         = `{"Version":"2012-10-17","Statement":[{"Sid":"DashboardsInTermWithRecentMFA","Effect":"Allow","Action":["cloudwatch:GetDashboard","cloudwatch:PutDashboard"],"Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-03-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2026-07-01T00:00:00Z"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}`
)

// evTenPolicies are the ten policies of the benchmark user.
var evTenPolicies = []string{
	evIAMReadOnlyAccess, evAmazonEC2ReadOnlyAccess, evAmazonS3FullAccess, evIAMUserChangePassword,
	evManageOwnMFA, evDenyByIP, evDenyOutsideRegions, evOwnerTag, evS3Home, evTimeWindow,
}

// evUserContext is a signed-in console user with MFA, inside the office
// network.
func evUserContext() map[string][]string {
	return map[string][]string{
		"aws:username":               {"Luna"},
		"aws:userid":                 {"AIDAEXAMPLELUNA00001"},
		"aws:PrincipalArn":           {"arn:aws:iam::123456789012:user/Luna"},
		"aws:SourceIp":               {"203.0.113.10"},
		"aws:ViaAWSService":          {"false"},
		"aws:MultiFactorAuthPresent": {"true"},
		"aws:MultiFactorAuthAge":     {"300"},
		"aws:CurrentTime":            {"2026-04-15T09:30:00Z"},
		"aws:EpochTime":              {"1776245400"},
		"aws:SecureTransport":        {"true"},
		"aws:RequestedRegion":        {"us-east-1"},
	}
}

func evCompile(t testing.TB, text string) *Compiled {
	t.Helper()
	c, err := CompileText(text)
	require.NoError(t, err)
	return c
}

func evCompileAll(t testing.TB, texts ...string) []*Compiled {
	t.Helper()
	out := make([]*Compiled, len(texts))
	for i, s := range texts {
		out[i] = evCompile(t, s)
	}
	return out
}

// evWith returns a copy of ctx with the given keys set (a nil value
// deletes the key).
func evWith(ctx map[string][]string, kv ...any) map[string][]string {
	out := make(map[string][]string, len(ctx)+len(kv)/2)
	for k, v := range ctx {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		k := kv[i].(string)
		if kv[i+1] == nil {
			delete(out, k)
			continue
		}
		out[k] = []string{kv[i+1].(string)}
	}
	return out
}

// evNaive evaluates without the service index, statement by statement:
// the reference the indexed evaluation is checked against.
func evNaive(policies []*Compiled, req Request) Result {
	a := splitRequestAction(req.Action)
	var deny, allow []MatchedStatement
	for pi, p := range policies {
		if p == nil {
			continue
		}
		for i := range p.stmts {
			st := &p.stmts[i]
			if !st.applies(&a, req.Resource, req.Context) {
				continue
			}
			if st.deny {
				deny = append(deny, MatchedStatement{Policy: pi, Statement: st.index, Sid: st.sid, Effect: "Deny"})
			} else {
				allow = append(allow, MatchedStatement{Policy: pi, Statement: st.index, Sid: st.sid, Effect: "Allow"})
			}
		}
	}
	switch {
	case deny != nil:
		return Result{Decision: ExplicitlyDenied, Matched: deny}
	case allow != nil:
		return Result{Decision: Allowed, Matched: allow}
	}
	return Result{Decision: ImplicitlyDenied}
}
