package policy

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

// stmt wraps statement JSON in a 2012-10-17 policy.
func stmt(s string) string { return `{"Version":"2012-10-17","Statement":` + s + `}` }

// Cases from moto tests/test_iam/test_iam_policies.py
// (invalid_policy_document_test_cases), unless a comment names another
// source.
var iamRefusalCases = []struct {
	name string
	doc  string
	msg  string
}{
	{"not JSON", `This is not a json document`, msgSyntax},
	{"missing version", `{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}}`, msgVersion},
	{"version 2008", `{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}}`, msgVersion},
	{"unknown version", `{"Version":"2013-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}}`, msgSyntax},
	{"no statement", `{"Version":"2012-10-17"}`, msgSyntax},
	{"statement not object", stmt(`["afd"]`), msgSyntax},
	{"extra top-level field", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"},"Extra field":"value"}`, msgSyntax},
	{"extra statement field", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Extra field":"value"}`), msgSyntax},
	{"Id array", `{"Version":"2012-10-17","Id":["x"],"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}}`, msgSyntax},
	{"Id object", `{"Version":"2012-10-17","Id":{},"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}}`, msgSyntax},
	{"invalid effect", stmt(`{"Effect":"invalid","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"action without vendor", stmt(`{"Effect":"Allow","Action":"invalid","Resource":"arn:aws:s3:::example_bucket"}`), msgActionVendor},
	{"empty NotAction", stmt(`{"Effect":"Allow","NotAction":"","Resource":"arn:aws:s3:::example_bucket"}`), msgActionVendor},
	{"vendor with space", stmt(`{"Effect":"Allow","Action":"a a:ListBucket","Resource":"arn:aws:s3:::example_bucket"}`), "Vendor a a is not valid"},
	{"two colons", stmt(`{"Effect":"Allow","Action":"s3:List:Bucket","Resource":"arn:aws:s3:::example_bucket"}`), msgActionColon},
	{"two colons second statement", stmt(`[{"Effect":"Allow","Action":"s3s:ListBucket","Resource":"arn:aws:s3:::example_bucket"},{"Effect":"Allow","Action":"s:3s:ListBucket","Resource":"arn:aws:s3:::example_bucket"}]`), msgActionColon},
	{"resource not ARN", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"invalid resource"}`), `Resource invalid resource must be in ARN format or "*".`},
	{"empty resource", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":""}`), `Resource  must be in ARN format or "*".`},
	{"resource before action format", stmt(`{"Effect":"Allow","Action":"s:3:ListBucket","Resource":"sdfsadf"}`), `Resource sdfsadf must be in ARN format or "*".`},
	{"resource list not ARN", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":["adf"]}`), `Resource adf must be in ARN format or "*".`},
	{"partition one field", stmt(`{"Effect":"Allow","NotAction":"s3s:ListBucket","Resource":"a:bsdfdsafsad"}`), `Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".`},
	{"partition two fields", stmt(`{"Effect":"Allow","NotAction":"s3s:ListBucket","Resource":"a:b:cadfsdf"}`), `Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*".`},
	{"partition many fields", stmt(`{"Effect":"Allow","NotAction":"s3s:ListBucket","Resource":"a:b:c:d:e:f:g:h"}`), `Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".`},
	{"missing arn prefix", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"aws:s3:::example_bucket"}`), `Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".`},
	{"error partition", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":["arn:error:s3:::example_bucket","arn:error:s3::example_bucket"]}`), `Partition "error" is not valid for resource "arn:error:s3:::example_bucket".`},
	{"empty statement array", stmt(`[]`), msgSyntax},
	{"no resource", stmt(`{"Effect":"Allow","Action":"s3:ListBucket"}`), msgNoResources},
	{"empty resource array", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":[]}`), msgNoResources},
	{"action format before resources", stmt(`{"Effect":"Allow","Action":"invalid"}`), msgActionVendor},
	{"no action", stmt(`{"Effect":"Allow","Resource":"arn:aws:s3:::example_bucket"}`), msgNoActions},
	{"no effect", stmt(`{"Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"effect only", stmt(`{"Effect":"Allow"}`), msgNoActions},
	{"empty action array", stmt(`{"Effect":"Allow","Action":[],"Resource":"arn:aws:s3:::example_bucket"}`), msgNoActions},
	{"first statement without action", stmt(`[{"Effect":"Deny"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}]`), msgNoActions},
	{"iam path", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:iam:::example_bucket"}`), `IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.`},
	{"legacy colons", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3::example_bucket"}`), msgLegacy},
	{"legacy before actions", stmt(`{"Effect":"Allow","Resource":"arn:aws:s3::example_bucket"}`), msgLegacy},
	{"vendor not qualified", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws"}`), "Resource vendor must be fully qualified and cannot contain regexes."},
	{"resource object", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":{"a":"arn:aws:s3:::example_bucket"}}`), msgSyntax},
	{"resource list with object", stmt(`{"Effect":"Deny","Action":"s3:ListBucket","Resource":["adfdf",{}]}`), msgSyntax},
	{"Resource and NotResource", stmt(`{"Effect":"Allow","NotAction":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","NotResource":[]}`), msgSyntax},
	{"action nested array", stmt(`{"Effect":"Deny","Action":[[]],"Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"Action and NotAction", stmt(`{"Effect":"Allow","NotAction":"s3s:ListBucket","Action":[],"Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"action object", stmt(`{"Effect":"Allow","Action":{},"Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"condition array", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":[]}`), msgSyntax},
	{"condition string", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":"a"}`), msgSyntax},
	{"condition block string", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"a":"b"}}`), msgSyntax},
	{"date block string", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":"b"}}`), msgSyntax},
	{"date block array", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":[]}}`), msgSyntax},
	{"condition value object", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":{"a":{}}}}`), msgSyntax},
	{"condition value object no action", stmt(`{"Effect":"Allow","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":{"a":{}}}}`), msgSyntax},
	{"unknown operator with body", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"x":{"a":"1"}}}`), msgSyntax},
	{"double colon operator", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"ForAnyValue::StringEqualsIfExists":{"a":"asf"}}}`), msgSyntax},
	{"condition list of blocks", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":[{"ForAllValues:StringEquals":{"aws:TagKeys":"Department"}}]}`), msgSyntax},
	{"iam region", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:iam:us-east-1::example_bucket"}`), "IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information."},
	{"s3 region", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:us-east-1::example_bucket"}`), "Resource arn:aws:s3:us-east-1::example_bucket can not contain region information."},
	{"Sid object", stmt(`{"Sid":{},"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"Sid array", stmt(`{"Sid":[],"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"duplicate Sid", stmt(`[{"Sid":"sdf","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"},{"Sid":"sdf","Effect":"Allow"}]`), msgSidUnique},
	{"duplicate Sid no version", `{"Statement":[{"Sid":"sdf","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"},{"Sid":"sdf","Effect":"Allow"}]}`, msgVersion},
	{"NotAction and Action", stmt(`{"Effect":"Allow","NotAction":"s3:ListBucket","Action":"iam:dsf","Resource":"arn:aws:s3:::example_bucket"}`), msgSyntax},
	{"Resource and NotResource star", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","NotResource":"*"}`), msgSyntax},
	{"effect case", stmt(`{"Effect":"denY","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}`), msgLegacy},
	{"bad date", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":{"a":"sdfdsf"}}}`), msgLegacy},
	{"bad date no version", `{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":{"a":"sdfdsf"}}}}`, msgVersion},
	{"effect case no version", `{"Statement":{"Effect":"denY","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}}`, msgVersion},
	{"bad date no action", stmt(`{"Effect":"Allow","Condition":{"DateGreaterThan":{"a":"sdfdsf"}}}`), msgLegacy},
	{"empty service four colons", stmt(`{"Effect":"Allow","NotAction":"s3:ListBucket","Resource":"arn:aws::::example_bucket"}`), msgLegacy},
	{"lower allow", stmt(`{"Effect":"allow","Resource":"arn:aws:s3:us-east-1::example_bucket"}`), msgLegacy},
	{"aLLow before Sid", stmt(`[{"Sid":"sdf","Effect":"aLLow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"},{"Sid":"sdf","Effect":"Allow"}]`), msgLegacy},
	{"NotResource legacy", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","NotResource":"arn:aws:s3::example_bucket"}`), msgLegacy},
	{"month 13", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateLessThanEquals":{"a":"234-13"}}}`), msgLegacy},
	{"zone one digit", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateLessThanEquals":{"a":"2016-12-13t2:00:00.593194+1"}}}`), msgLegacy},
	{"fraction too long", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateLessThanEquals":{"a":"2016-12-13t2:00:00.1999999999+10:59"}}}`), msgLegacy},
	{"epoch overflow", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateLessThan":{"a":"9223372036854775808"}}}`), msgLegacy},
	{"date before partition", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:error:s3:::example_bucket","Condition":{"DateGreaterThan":{"a":"sdfdsf"}}}`), msgLegacy},
	{"empty service", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws::fdsasf"}`), msgLegacy},
	// Section 5.3 "outside moto": a real PutUserPolicy report.
	{"principal", stmt(`{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"*"}`), msgPrincipal},
	{"not principal", stmt(`{"Effect":"Allow","NotPrincipal":{"AWS":"*"},"Action":"s3:ListBucket","Resource":"*"}`), msgPrincipal},
	// Decision (doc.go): the principal check sits after version, before
	// legacy parsing.
	{"principal after version", `{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"*"}}`, msgVersion},
	{"principal before legacy", stmt(`{"Effect":"allow","Principal":"*","Action":"s3:ListBucket","Resource":"*"}`), msgPrincipal},
	// Decision (doc.go): objects and null are not condition values.
	{"condition value null", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":null}}}`), msgSyntax},
	{"condition array item object", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":[{}]}}}`), msgSyntax},
}

func TestCheckIAMRefusals(t *testing.T) {
	for _, tt := range iamRefusalCases {
		t.Run(tt.name, func(t *testing.T) {
			m := CheckIAM(nil, tt.doc, ManagedPolicy)
			require.NotNil(t, m, "IAM should refuse")
			require.Equal(t, awserr.MalformedPolicyDocument, m.Code)
			require.Equal(t, tt.msg, m.Message)
		})
	}
}

// valid_policy_documents of moto's test_iam_policies.py, plus decisions.
var iamAcceptedCases = []struct {
	name string
	doc  string
}{
	{"resource list", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":["arn:aws:s3:::example_bucket"]}`)},
	{"spaces in action", stmt(`{"Effect":"Allow","Action":"iam: asdf safdsf af ","Resource":"arn:aws:s3:::example_bucket"}`)},
	{"star in list", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":["arn:aws:s3:::example_bucket","*"]}`)},
	{"action star", stmt(`{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::example_bucket"}`)},
	{"dates", stmt(`{"Effect":"Allow","Action":"service-prefix:action-name","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2017-07-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2017-12-31T23:59:59Z"}}}`)},
	{"iam user", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:iam:::user/example_bucket"}`)},
	{"s33", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s33:::example_bucket"}`)},
	{"three fields", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:fdsasf"}`)},
	{"empty condition", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{}}`)},
	{"cloudwatch region", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:cloudwatch:us-east-1::example_bucket"}`)},
	{"empty date block", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":{}}}`)},
	{"empty date values", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"DateGreaterThan":{"a":[]}}}`)},
	{"unknown empty operator", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket","Condition":{"a":{}}}`)},
	{"NotResource", stmt(`{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]}`)},
	{"Id", `{"Version":"2012-10-17","Id":"sdfsdfsdf","Statement":{"Effect":"Allow","NotAction":"s3:ListBucket","Resource":"arn:aws:s3:::example_bucket"}}`},
	{"vendor dot and dash", stmt(`[{"Effect":"Allow","Action":"s3-s:ListBucket","Resource":"*"},{"Effect":"Allow","Action":"s3.s:ListBucket","Resource":"*"}]`)},
	{"NotAction NotResource", stmt(`{"Effect":"Allow","NotAction":"s3:ListBucket","NotResource":"*"}`)},
	{"date 01T", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateGreaterThan":{"a":"01T"}}}`)},
	{"date offset 23", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateLessThanEquals":{"a":"2016-12-13t2:00:00.593194+23"}}}`)},
	{"negative year", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateLessThan":{"a":"-292275054"}}}`)},
	{"fraction and offset", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"DateLessThanEquals":{"a":"2016-12-13T21:20:37.593194+00:00"}}}`)},
	{"variables", stmt(`{"Effect":"Allow","Action":["iam:ChangePassword","iam:GetUser"],"Resource":"arn:aws:iam::*:user/${aws:username}"}`)},
	{"region placeholders", stmt(`{"Effect":"Allow","Action":"ec2:StartInstances","Resource":"arn:aws:ec2:region:account-id:instance/*"}`)},
	// Decision (doc.go): JSON numbers and booleans are condition values.
	{"bool value", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true}}}`)},
	{"number value", stmt(`{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":[3600]}}}`)},
	// Decision (doc.go): an IAM resource of "*" is accepted.
	{"iam star resource", stmt(`{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:*"}`)},
	// Decision (doc.go): duplicate keys keep the last value.
	{"duplicate effect last wins", stmt(`{"Effect":"allow","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}`)},
	// Managed policy documents (section 8.1).
	{"AdministratorAccess", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`},
	{"deny by source IP", `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}}`},
}

func TestCheckIAMAccepts(t *testing.T) {
	for _, tt := range iamAcceptedCases {
		t.Run(tt.name, func(t *testing.T) {
			require.Nil(t, CheckIAM(nil, tt.doc, ManagedPolicy))
		})
	}
}

func TestCheckIAMSpans(t *testing.T) {
	text := stmt(`{"Effect":"Allow","Action":"s3:List:Bucket","Resource":"*"}`)
	m := CheckIAM(nil, text, ManagedPolicy)
	require.NotNil(t, m)
	require.Equal(t, `"s3:List:Bucket"`, text[m.Span.Start.Offset:m.Span.End.Offset])

	text = "{\n \"Version\": \"2012-10-17\",\n \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:Get\", }\n}"
	m = CheckIAM(nil, text, ManagedPolicy)
	require.Equal(t, msgSyntax, m.Message)
	require.Equal(t, 3, m.Span.Start.Line)
	require.Equal(t, 55, m.Span.Start.Column)

	text = stmt(`[{"Sid":"a","Effect":"Allow","Action":"s3:Get","Resource":"*"},{"Sid":"a","Effect":"Allow","Action":"s3:Get","Resource":"*"}]`)
	m = CheckIAM(nil, text, ManagedPolicy)
	require.Equal(t, msgSidUnique, m.Message)
	require.Greater(t, m.Span.Start.Offset, strings.Index(text, `"a"`), "points at the second Sid")
}

func TestCheckIAMCharacters(t *testing.T) {
	// IUG reference_iam-quotas: tab, LF, CR and U+0020–U+00FF only.
	ok := stmt(`{"Sid":"caf\u00e9","Effect":"Allow","Action":"s3:Get","Resource":"*"}`)
	require.Nil(t, CheckIAM(nil, ok, ManagedPolicy))
	latin1 := stmt("{\"Sid\":\"x\",\"Effect\":\"Allow\",\"Action\":\"s3:Get\",\"Resource\":\"arn:aws:s3:::caf\u00e9\"}")
	require.Nil(t, CheckIAM(nil, latin1, ManagedPolicy), "é is U+00E9, inside the set")

	text := "{\n\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"한\",\"Effect\":\"Allow\",\"Action\":\"s3:Get\",\"Resource\":\"*\"}}"
	m := CheckIAM(nil, text, ManagedPolicy)
	require.NotNil(t, m)
	require.Equal(t, awserr.ValidationError, m.Code)
	require.Equal(t, msgCharacters, m.Message)
	require.Equal(t, Pos{Line: 2, Column: 44, Offset: strings.Index(text, "한")}, m.Span.Start)

	m = CheckIAM(nil, "{\x01}", ManagedPolicy)
	require.Equal(t, awserr.ValidationError, m.Code)
	m = CheckIAM(nil, "", ManagedPolicy)
	require.Equal(t, msgEmptyDocument, m.Message)
	m = CheckIAM(nil, "{\"a\xff\":1}", ManagedPolicy)
	require.Equal(t, awserr.ValidationError, m.Code, "invalid UTF-8 is outside the set")
}

func TestCheckIAMSize(t *testing.T) {
	// IUG reference_iam-quotas; messages from section 5.2.
	build := func(n int) string {
		return stmt(`{"Sid":"` + strings.Repeat("a", n) + `","Effect":"Allow","Action":"s3:Get","Resource":"*"}`)
	}
	base := NonWhitespaceSize(build(0))
	exact := build(ManagedPolicySizeQuota - base)
	require.Equal(t, ManagedPolicySizeQuota, NonWhitespaceSize(exact))
	require.Nil(t, CheckIAM(nil, exact, ManagedPolicy))
	over := build(ManagedPolicySizeQuota - base + 1)
	m := CheckIAM(nil, over, ManagedPolicy)
	require.Equal(t, awserr.LimitExceeded, m.Code)
	require.Equal(t, "Cannot exceed quota for PolicySize: 6144", m.Message)

	user := build(UserInlinePolicySizeQuota - base + 1)
	m = CheckIAM(nil, user, UserInlinePolicy)
	require.Equal(t, "Maximum policy size of 2048 bytes exceeded for user", m.Message)
	require.Equal(t, "Maximum policy size of 2048 bytes exceeded for user alice", m.ForEntity("alice").Message)
	require.Nil(t, CheckIAM(nil, user, GroupInlinePolicy))
	group := build(GroupInlinePolicySizeQuota - base + 1)
	require.Equal(t, "Maximum policy size of 5120 bytes exceeded for group", CheckIAM(nil, group, GroupInlinePolicy).Message)

	// White space does not count.
	spaced := strings.ReplaceAll(exact, ",", " ,\n\t ")
	require.Nil(t, CheckIAM(nil, spaced, ManagedPolicy))
	// Decision (doc.go): grammar errors come before the size quota.
	bad := strings.Replace(over, `"Allow"`, `"allow"`, 1)
	require.Equal(t, msgLegacy, CheckIAM(nil, bad, ManagedPolicy).Message)
}

func TestMalformedAWSError(t *testing.T) {
	m := CheckIAM(nil, "nope", ManagedPolicy)
	e := m.AWSError()
	require.Equal(t, awserr.MalformedPolicyDocument, e.Code)
	require.Equal(t, msgSyntax, e.Param("message"))
	require.Equal(t, "MalformedPolicyDocument: Syntax errors in policy.", m.Error())
	require.Same(t, m, m.ForEntity("x"), "only size refusals take an entity")
}

func TestManagedPoliciesAccepted(t *testing.T) {
	// Every AWS managed policy document is accepted, except those bigger
	// than the customer managed quota (ReadOnlyAccess and friends).
	for name, doc := range managedPolicyDocs(t) {
		t.Run(name, func(t *testing.T) {
			m := CheckIAM(nil, doc, ManagedPolicy)
			if NonWhitespaceSize(doc) > ManagedPolicySizeQuota {
				require.NotNil(t, m)
				require.Equal(t, awserr.LimitExceeded, m.Code)
				return
			}
			require.Nil(t, m)
		})
	}
}

func TestPolicyType(t *testing.T) {
	for _, pt := range []PolicyType{ManagedPolicy, UserInlinePolicy, GroupInlinePolicy} {
		got, err := ParsePolicyType(pt.String())
		require.NoError(t, err)
		require.Equal(t, pt, got)
	}
	_, err := ParsePolicyType("role")
	require.Error(t, err)
}
