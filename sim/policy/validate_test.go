package policy

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/catalog"
)

// findingCodes returns the codes of findings in order.
func findingCodes(fs []Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

// st builds a valid 2012-10-17 policy with one statement whose body is
// given (without braces), e.g. `"Effect":"Allow","Action":"s3:GetObject","Resource":"*"`.
func st(body string) string {
	return `{"Version":"2012-10-17","Statement":[{` + body + `}]}`
}

const (
	allowS3 = `"Effect":"Allow","Action":"s3:GetObject"`
	anyRes  = `"Resource":"*"`
)

type validateCase struct {
	name string
	doc  string
	cat  bool     // validate with the fake catalog
	want []string // codes in document order
	span string   // text under the first finding's span, when set
}

func runValidateCases(t *testing.T, cases []validateCase) {
	t.Helper()
	fake := newFakeCatalog()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			var cat catalog.Actions
			if tt.cat {
				cat = fake
			}
			fs := ValidateText(tt.doc, Options{Type: ManagedPolicy, Actions: cat})
			if tt.want == nil {
				tt.want = []string{}
			}
			require.Equal(t, tt.want, findingCodes(fs), "findings: %+v", fs)
			if tt.span != "" {
				s := fs[0].Span
				require.Equal(t, tt.span, tt.doc[s.Start.Offset:s.End.Offset])
			}
			for _, f := range fs {
				require.Equal(t, FindingTypeOf(f.Code), f.Type)
			}
		})
	}
}

// Document-level checks. Sources: IUG access-analyzer-reference-policy-checks
// (section 6 of aws-console.md) unless noted.
func TestValidateDocument(t *testing.T) {
	runValidateCases(t, []validateCase{
		// The AdministratorAccess document: only the two documented
		// warnings (the guide lists AdministratorAccess under both).
		{"AdministratorAccess", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`, false,
			[]string{CodePassRoleWithStarInActionAndRes, CodeCreateSLRWithStarInActionAndRes}, `"*"`},
		// "Json syntax error: Fix the JSON syntax error at index …".
		{"json syntax", `{"Version":"2012-10-17",}`, false, []string{CodeJSONSyntaxError}, ""},
		// "Missing version" is a general warning.
		{"missing version", `{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`, false,
			[]string{CodeMissingVersion}, "{"},
		{"invalid version", `{"Version":"2013-10-17","Statement":{` + allowS3 + `,` + anyRes + `}}`, false,
			[]string{CodeInvalidVersion}, `"2013-10-17"`},
		{"version 2008 accepted", `{"Version":"2008-10-17","Statement":{` + allowS3 + `,` + anyRes + `}}`, false, nil, ""},
		// DATA_TYPE_MISMATCH is confirmed by CFNPV tests.
		{"version number", `{"Version":2012,"Statement":{` + allowS3 + `,` + anyRes + `}}`, false,
			[]string{CodeDataTypeMismatch}, "2012"},
		{"root array", `[1]`, false, []string{CodeDataTypeMismatch}, "[1]"},
		{"Id object", `{"Version":"2012-10-17","Id":{},"Statement":{` + allowS3 + `,` + anyRes + `}}`, false,
			[]string{CodeDataTypeMismatch}, "{}"},
		{"missing statement", `{"Version":"2012-10-17"}`, false, []string{CodeMissingStatement}, "{"},
		{"empty statement", `{"Version":"2012-10-17","Statement":[]}`, false, []string{CodeMissingStatement}, "[]"},
		{"statement string", `{"Version":"2012-10-17","Statement":"x"}`, false, []string{CodeDataTypeMismatch}, `"x"`},
		{"statement entry not object", `{"Version":"2012-10-17","Statement":[{` + allowS3 + `,` + anyRes + `},"x"]}`, false,
			[]string{CodeDataTypeMismatch}, `"x"`},
		{"unknown top element", `{"Version":"2012-10-17","Extra":1,"Statement":{` + allowS3 + `,` + anyRes + `}}`, false,
			[]string{CodeInvalidPolicyElement}, `"Extra"`},
		// Decision (doc.go): duplicate keys are a simulator warning at the
		// ignored (earlier) key.
		{"duplicate key", `{"Version":"2012-10-17","Version":"2012-10-17","Statement":{` + allowS3 + `,` + anyRes + `}}`, false,
			[]string{CodeDuplicateKey}, `"Version"`},
		{"duplicate condition operator", st(allowS3 + `,` + anyRes + `,"Condition":{"Bool":{"aws:SecureTransport":"true"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}`), false,
			[]string{CodeDuplicateKey}, `"Bool"`},
	})
}

// Statement-level checks (IUG access-analyzer-reference-policy-checks).
func TestValidateStatement(t *testing.T) {
	runValidateCases(t, []validateCase{
		{"missing effect", st(`"Action":"s3:GetObject",` + anyRes), false, []string{CodeMissingEffect}, "{"},
		{"invalid effect", st(`"Effect":"allow","Action":"s3:GetObject",` + anyRes), false, []string{CodeInvalidEffect}, `"allow"`},
		{"effect number", st(`"Effect":1,"Action":"s3:GetObject",` + anyRes), false, []string{CodeDataTypeMismatch}, "1"},
		{"missing action", st(`"Effect":"Allow",` + anyRes), false, []string{CodeMissingAction}, "{"},
		{"missing resource", st(allowS3), false, []string{CodeMissingResource}, "{"},
		{"Action and NotAction", st(allowS3 + `,"NotAction":"s3:PutObject",` + anyRes), false,
			[]string{CodeUnsupportedElementCombination}, `"NotAction"`},
		{"Resource and NotResource", st(allowS3 + `,` + anyRes + `,"NotResource":"arn:aws:s3:::b"`), false,
			[]string{CodeUnsupportedElementCombination}, `"NotResource"`},
		{"unknown element", st(allowS3 + `,` + anyRes + `,"Extra":"x"`), false, []string{CodeInvalidPolicyElement}, `"Extra"`},
		{"lower-case element", st(allowS3 + `,"resource":"*"`), false, []string{CodeMissingResource, CodeInvalidPolicyElement}, ""},
		// "The policy type IDENTITY_POLICY does not support the Principal element."
		{"principal", st(allowS3 + `,` + anyRes + `,"Principal":{"AWS":"*"}`), false, []string{CodeUnsupportedPrincipal}, `"Principal"`},
		{"not principal", st(allowS3 + `,` + anyRes + `,"NotPrincipal":{"AWS":"*"}`), false, []string{CodeUnsupportedPrincipal}, `"NotPrincipal"`},
		{"empty action array", st(`"Effect":"Allow","Action":[],` + anyRes), false, []string{CodeEmptyArrayAction}, "[]"},
		{"empty resource array", st(allowS3 + `,"Resource":[]`), false, []string{CodeEmptyArrayResource}, "[]"},
		{"action number", st(`"Effect":"Allow","Action":[1],` + anyRes), false, []string{CodeDataTypeMismatch}, "1"},
		{"action object", st(`"Effect":"Allow","Action":{},` + anyRes), false, []string{CodeDataTypeMismatch}, "{}"},
		// Sid checks.
		{"duplicate sid", `{"Version":"2012-10-17","Statement":[{"Sid":"A",` + allowS3 + `,` + anyRes + `},{"Sid":"A","Effect":"Allow","Action":"s3:PutObject",` + anyRes + `}]}`, false,
			[]string{CodeUniqueSidsRequired}, `"A"`},
		{"empty sid", st(`"Sid":"",` + allowS3 + `,` + anyRes), false, []string{CodeEmptySidValue}, `""`},
		{"sid with dash", st(`"Sid":"my-sid",` + allowS3 + `,` + anyRes), false, []string{CodeUnsupportedSid}, `"my-sid"`},
		{"sid number", st(`"Sid":1,` + allowS3 + `,` + anyRes), false, []string{CodeDataTypeMismatch}, "1"},
		// "Redundant statement": identical statements, Sid aside.
		{"redundant statement", `{"Version":"2012-10-17","Statement":[{"Sid":"A",` + allowS3 + `,` + anyRes + `},{"Sid":"B",` + allowS3 + `,` + anyRes + `}]}`, false,
			[]string{CodeRedundantStatement}, `{"Sid":"B",` + allowS3 + `,` + anyRes + `}`},
	})
}

// Action checks. "Did you mean" suggestions come from the catalog by edit
// distance (decision, doc.go).
func TestValidateActions(t *testing.T) {
	runValidateCases(t, []validateCase{
		{"valid action", st(allowS3 + `,` + anyRes), true, nil, ""},
		{"action case-insensitive", st(`"Effect":"Allow","Action":"S3:getobject",` + anyRes), true, nil, ""},
		{"no catalog, unknown action", st(`"Effect":"Allow","Action":"s3:GetObjec",` + anyRes), false, nil, ""},
		{"invalid action suggestion", st(`"Effect":"Allow","Action":"s3:GetObjec",` + anyRes), true, []string{CodeInvalidAction}, `"s3:GetObjec"`},
		// Real finding text: "The action athena:RunQuery does not exist." (no suggestion).
		{"invalid action far", st(`"Effect":"Allow","Action":"iam:Frobnicate",` + anyRes), true, []string{CodeInvalidAction}, ""},
		{"invalid service", st(`"Effect":"Allow","Action":"s4:GetObject",` + anyRes), true, []string{CodeInvalidServiceInAction}, `"s4:GetObject"`},
		{"wildcard matching nothing", st(`"Effect":"Allow","Action":"s3:Frob*",` + anyRes), true, []string{CodeInvalidAction}, ""},
		{"wildcard matching", st(`"Effect":"Allow","Action":"s3:Get*",` + anyRes), true, nil, ""},
		{"no vendor", st(`"Effect":"Allow","Action":"invalid",` + anyRes), false, []string{CodeInvalidAction}, ""},
		{"two colons", st(`"Effect":"Allow","Action":"s3:List:Bucket",` + anyRes), false, []string{CodeInvalidAction}, ""},
		{"wildcard service", st(`"Effect":"Allow","Action":"s*:GetObject",` + anyRes), true, []string{CodeWildcardInServiceName}, ""},
		{"variable in action", st(`"Effect":"Allow","Action":"s3:${aws:username}",` + anyRes), false, []string{CodeVariableUnsupportedInElement}, ""},
		// "Redundant action" example from the guide: iam:Get*, iam:List*,
		// iam:GetCredentialReport.
		{"redundant action", st(`"Effect":"Allow","Action":["iam:Get*","iam:List*","iam:GetCredentialReport"],` + anyRes), false,
			[]string{CodeRedundantAction}, `"iam:GetCredentialReport"`},
		// The guide: iam:*CredentialReport is not redundant.
		{"partly covered wildcard", st(`"Effect":"Allow","Action":["iam:Get*","iam:*CredentialReport"],` + anyRes), true, nil, ""},
		{"duplicate action later one", st(`"Effect":"Allow","Action":["s3:GetObject","s3:getobject"],` + anyRes), false,
			[]string{CodeRedundantAction}, `"s3:getobject"`},
		{"star covers all", st(`"Effect":"Allow","Action":["*","s3:GetObject"],"Resource":"arn:aws:s3:::b"`), false, []string{CodeRedundantAction}, `"s3:GetObject"`},
		// With the catalog, a wildcard is redundant when the others cover
		// every action it matches.
		{"catalog expansion", st(`"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:*Object"],` + anyRes), true,
			[]string{CodeRedundantAction}, `"s3:*Object"`},
		{"without catalog the literals are redundant", st(`"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:*Object"],` + anyRes), false,
			[]string{CodeRedundantAction}, `"s3:GetObject"`},
	})
}

// Resource ARN checks.
func TestValidateResources(t *testing.T) {
	runValidateCases(t, []validateCase{
		{"bucket", st(allowS3 + `,"Resource":"arn:aws:s3:::my-bucket/*"`), true, nil, ""},
		{"no prefix", st(allowS3 + `,"Resource":"aws:s3:::b"`), false, []string{CodeInvalidARNPrefix}, `"aws:s3:::b"`},
		{"not arn", st(allowS3 + `,"Resource":"adf"`), false, []string{CodeInvalidARNPrefix}, ""},
		// Real finding text: "Resource ARNs must include at least 6 fields …".
		{"missing field", st(allowS3 + `,"Resource":"arn:aws:s3::b"`), false, []string{CodeMissingARNField}, ""},
		{"empty service", st(allowS3 + `,"Resource":"arn:aws::::b"`), false, []string{CodeMissingARNField}, ""},
		{"partition", st(allowS3 + `,"Resource":"arn:aws-cn:s3:::b"`), false, []string{CodeInvalidPartition}, ""},
		{"partition wildcard", st(allowS3 + `,"Resource":"arn:*:s3:::b"`), false, nil, ""},
		{"service case", st(allowS3 + `,"Resource":"arn:aws:S3:::b"`), false, []string{CodeInvalidARNServiceCase}, ""},
		{"region", st(`"Effect":"Allow","Action":"ec2:StartInstances","Resource":"arn:aws:ec2:us-east1:123456789012:instance/*"`), false,
			[]string{CodeInvalidARNRegion}, ""},
		{"region placeholder", st(`"Effect":"Allow","Action":"ec2:StartInstances","Resource":"arn:aws:ec2:region:123456789012:instance/*"`), false,
			[]string{CodeInvalidARNRegion}, ""},
		{"account", st(`"Effect":"Allow","Action":"ec2:StartInstances","Resource":"arn:aws:ec2:us-east-1:1234:instance/*"`), false,
			[]string{CodeInvalidARNAccount}, ""},
		{"account wildcard", st(`"Effect":"Allow","Action":"ec2:StartInstances","Resource":"arn:aws:ec2:*:*:instance/*"`), true, nil, ""},
		{"aws account", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::aws:policy/AdministratorAccess"`), true, nil, ""},
		{"empty resource part", st(allowS3 + `,"Resource":"arn:aws:s3:::"`), false, []string{CodeInvalidARNResource}, ""},
		{"wildcard service", st(allowS3 + `,"Resource":"arn:aws:*code*::123456789012:*"`), false, []string{CodeWildcardInServiceName}, ""},
		// IAM resources have no Region (without the catalog too).
		{"iam region", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam:us-east-1:123456789012:user/a"`), false,
			[]string{CodeARNRegionNotAllowed}, ""},
		{"s3 account", st(allowS3 + `,"Resource":"arn:aws:s3::123456789012:b"`), true, []string{CodeARNAccountNotAllowed}, ""},
		// Real finding text: "Add a Region to the ssm resource ARN."
		{"missing region", st(`"Effect":"Allow","Action":"ec2:StartInstances","Resource":"arn:aws:ec2::123456789012:instance/*"`), true,
			[]string{CodeMissingARNRegion}, ""},
		{"resource type", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::123456789012:usr/a"`), true,
			[]string{CodeInvalidARNResource}, ""},
		{"unknown ARN service", st(allowS3 + `,"Resource":"arn:aws:s33:::b"`), true, []string{CodeInvalidService}, ""},
		{"variable resource", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"`), true, nil, ""},
		{"variable version 2008", `{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}}`, false,
			[]string{CodeVariableUnsupportedInVersion}, ""},
		{"variable no version", `{"Statement":{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}}`, false,
			[]string{CodeMissingVersion, CodeVariableUnsupportedInVersion}, ""},
		{"empty variable", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${}"`), false, []string{CodeEmptyVariable}, ""},
		{"missing brace", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username"`), false, []string{CodeMissingBraceInVariable}, ""},
		{"space in variable", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws: username}"`), false, []string{CodeUnsupportedSpaceInVariable}, ""},
		{"default without quotes", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username, nobody}"`), false, []string{CodeMissingQuoteInVariable}, ""},
		{"default with quotes", st(`"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username, 'nobody'}"`), false, nil, ""},
		// "Redundant resource" example from the guide.
		{"redundant resource", st(`"Effect":"Allow","Action":"sts:AssumeRole","Resource":["arn:aws:iam::111122223333:role/jane-admin","arn:aws:iam::111122223333:role/jane-s3only","arn:aws:iam::111122223333:role/jane*"]`), false,
			[]string{CodeRedundantResource}, `"arn:aws:iam::111122223333:role/jane-admin"`},
		{"resource case matters", st(allowS3 + `,"Resource":["arn:aws:s3:::B/*","arn:aws:s3:::b/x"]`), false, nil, ""},
	})
}

// PassRole and CreateServiceLinkedRole checks (security warnings and
// general warnings of the guide).
func TestValidateServiceRoles(t *testing.T) {
	runValidateCases(t, []validateCase{
		{"passrole star", st(`"Effect":"Allow","Action":"iam:PassRole","Resource":"*"`), false,
			[]string{CodePassRoleWithStarInResource}, `"iam:PassRole"`},
		{"passrole all roles", st(`"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/*"`), false,
			[]string{CodePassRoleWithStarInResource}, ""},
		// The guide: arn:aws:iam::*:role/Service* might not generate a finding.
		{"passrole service roles", st(`"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/Service*"`), false, nil, ""},
		{"passrole scoped", st(`"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}`), false, nil, ""},
		{"passrole deny", st(`"Effect":"Deny","Action":"iam:PassRole","Resource":"*"`), false, nil, ""},
		{"passrole NotResource", st(`"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::*:role/admin"`), false,
			[]string{CodePassRoleWithNotResource}, ""},
		{"passrole star action", st(`"Effect":"Allow","Action":"iam:Pass*","Resource":"*"`), false,
			[]string{CodePassRoleWithStarInActionAndRes}, ""},
		{"passrole star action NotResource", st(`"Effect":"Allow","Action":"iam:P*","NotResource":"arn:aws:s3:::b"`), false,
			[]string{CodePassRoleWithStarInActionNotRes}, ""},
		{"passrole NotAction", st(`"Effect":"Allow","NotAction":"s3:*","Resource":"*"`), false,
			[]string{CodePassRoleWithStarInResNotAction, CodeCreateSLRWithStarInResNotAction}, `"NotAction"`},
		{"passrole NotAction NotResource", st(`"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:s3:::b"`), false,
			[]string{CodePassRoleWithNotActionNotRes, CodeCreateSLRWithNotActionNotRes}, ""},
		{"NotAction excludes iam", st(`"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"`), false, nil, ""},
		// PowerUserAccess's second statement (the guide lists it).
		{"create SLR star", st(`"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*"`), false,
			[]string{CodeCreateSLRWithStarInResource}, ""},
		// AmazonEC2FullAccess scopes it with iam:AWSServiceName.
		{"create SLR scoped", st(`"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{"StringEquals":{"iam:AWSServiceName":"spot.amazonaws.com"}}`), false, nil, ""},
		{"create SLR NotResource", st(`"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","NotResource":"arn:aws:s3:::b"`), false,
			[]string{CodeCreateSLRWithNotResource}, ""},
		{"create SLR wildcard NotResource", st(`"Effect":"Allow","Action":"iam:Create*","NotResource":"arn:aws:s3:::b"`), false,
			[]string{CodeCreateSLRWithStarInActionNotRes}, ""},
	})
}

// cond builds an s3:GetObject statement with the given Condition body.
func cond(body string) string {
	return st(allowS3 + `,` + anyRes + `,"Condition":{` + body + `}`)
}

// Condition checks (IUG access-analyzer-reference-policy-checks;
// operators from IUG reference_policies_elements_condition_operators).
func TestValidateConditions(t *testing.T) {
	runValidateCases(t, []validateCase{
		{"deny by source IP example", `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}}`, true, nil, ""},
		{"MFA example", cond(`"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}`), true, nil, ""},
		{"empty condition", st(allowS3 + `,` + anyRes + `,"Condition":{}`), false, []string{CodeEmptyObjectCondition}, "{}"},
		{"empty block", cond(`"StringEquals":{}`), false, []string{CodeEmptyObjectCondition}, "{}"},
		{"condition array", st(allowS3 + `,` + anyRes + `,"Condition":[]`), false, []string{CodeDataTypeMismatch}, "[]"},
		{"invalid operator", cond(`"StringEqual":{"aws:username":"a"}`), false, []string{CodeInvalidConditionOperator}, `"StringEqual"`},
		{"operator case", cond(`"stringEquals":{"aws:username":"a"}`), false, []string{CodeInvalidConditionOperator}, ""},
		{"null if exists", cond(`"NullIfExists":{"aws:username":"true"}`), false, []string{CodeNullWithIfExists}, `"NullIfExists"`},
		{"null with qualifier", cond(`"ForAnyValue:Null":{"aws:TagKeys":"true"}`), false, []string{CodeNullWithQualifier}, ""},
		{"key format", cond(`"StringEquals":{"username":"a"}`), false, []string{CodeInvalidConditionKeyFormat}, `"username"`},
		{"unknown global key", cond(`"StringEquals":{"aws:usrname":"a"}`), false, []string{CodeInvalidGlobalConditionKey}, `"aws:usrname"`},
		{"global key case-insensitive", cond(`"StringEquals":{"AWS:UserName":"a"}`), false, nil, ""},
		{"aws:ARN", cond(`"ArnEquals":{"aws:ARN":"arn:aws:iam::123456789012:user/a"}`), false, []string{CodeUnsupportedGlobalConditionKey}, ""},
		{"tag key missing", cond(`"StringEquals":{"aws:ResourceTag":"x"}`), false, []string{CodeMissingTagKeyInCondition}, ""},
		{"tag key", cond(`"StringEquals":{"aws:ResourceTag/team":"x"}`), false, nil, ""},
		{"unknown service key", cond(`"StringEquals":{"s3:prefixx":"a"}`), true, []string{CodeInvalidServiceConditionKey}, ""},
		{"service key without catalog", cond(`"StringEquals":{"s3:prefixx":"a"}`), false, nil, ""},
		{"angle template key", cond(`"StringEquals":{"s3:ExistingObjectTag/team":"a"}`), true, nil, ""},
		{"service tag key missing", cond(`"StringEquals":{"ec2:ResourceTag":"a"}`), true, []string{CodeMissingTagKeyInCondition}, ""},
		{"unknown key service", cond(`"StringEquals":{"s4:prefix":"a"}`), true, []string{CodeInvalidService}, ""},
		{"identity provider key", cond(`"StringEquals":{"accounts.google.com:aud":"a"}`), true, nil, ""},
		{"different case keys", cond(`"StringEquals":{"aws:username":"a","aws:UserName":"b"}`), false,
			[]string{CodeDuplicateKeysWithDifferentCase}, `"aws:UserName"`},
		// Type mismatch: aws:MultiFactorAuthPresent is a Bool key (the
		// guide's example).
		{"type mismatch", cond(`"StringEquals":{"aws:MultiFactorAuthPresent":"true"}`), false, []string{CodeTypeMismatch}, ""},
		{"arn key string equals", cond(`"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/a"}`), false, nil, ""},
		{"arn key string like", cond(`"StringLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/*"}`), false,
			[]string{CodeStringLikeOperatorWithARNKeys}, ""},
		{"epoch numeric", cond(`"NumericLessThan":{"aws:EpochTime":"1700000000"}`), false, nil, ""},
		{"forallvalues single", cond(`"ForAllValues:StringEquals":{"aws:username":["a","b"]}`), false,
			[]string{CodeForAllValuesWithSingleValuedKey}, ""},
		{"forallvalues multi", cond(`"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}`), false, nil, ""},
		{"missing qualifier", cond(`"StringEquals":{"aws:TagKeys":"a"}`), false, []string{CodeMissingQualifier}, ""},
		{"null needs no qualifier", cond(`"Null":{"aws:TagKeys":"true"}`), false, nil, ""},
		{"wildcard without like", cond(`"StringEquals":{"aws:username":"a*"}`), false, []string{CodeWildcardWithoutLikeOperator}, `"a*"`},
		{"escaped star is no wildcard", cond(`"StringEquals":{"aws:username":"a${*}"}`), false, nil, ""},
		{"like with wildcard", cond(`"StringLike":{"aws:username":"a*"}`), false, nil, ""},
		{"number", cond(`"NumericLessThan":{"aws:MultiFactorAuthAge":"abc"}`), false, []string{CodeTypeMismatchNumber}, `"abc"`},
		// Decision (doc.go): JSON numbers and booleans are values.
		{"json number", cond(`"NumericLessThan":{"aws:MultiFactorAuthAge":3600}`), false, nil, ""},
		{"json bool", cond(`"Bool":{"aws:SecureTransport":true}`), false, nil, ""},
		{"bool", cond(`"Bool":{"aws:SecureTransport":"yes"}`), false, []string{CodeTypeMismatchBoolean}, `"yes"`},
		{"bool upper", cond(`"Bool":{"aws:SecureTransport":"TRUE"}`), false, nil, ""},
		{"multiple bool", cond(`"Bool":{"aws:SecureTransport":["true","false"]}`), false, []string{CodeInvalidConditionMultipleBoolean}, ""},
		{"null value", cond(`"Null":{"aws:TokenIssueTime":"maybe"}`), false, []string{CodeTypeMismatchBoolean}, ""},
		{"date", cond(`"DateGreaterThan":{"aws:CurrentTime":"2024-13-01"}`), false, []string{CodeTypeMismatchDate}, ""},
		{"date ok", cond(`"DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"}`), false, nil, ""},
		{"epoch date", cond(`"DateGreaterThan":{"aws:CurrentTime":"1700000000"}`), false, []string{CodeInvalidDateValue}, ""},
		{"ip", cond(`"IpAddress":{"aws:SourceIp":"203.0.113.300/24"}`), false, []string{CodeTypeMismatchIPRange}, ""},
		{"ip host bits", cond(`"IpAddress":{"aws:SourceIp":"203.0.113.7/24"}`), false, []string{CodeImproveIPRange}, ""},
		{"private ip", cond(`"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.1.1"]}`), false, []string{CodePrivateIPAddress}, ""},
		{"private not ip", cond(`"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}`), false, []string{CodePrivateNotIPAddress}, ""},
		{"mixed ip", cond(`"IpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.0/24"]}`), false, []string{CodePrivateIPAddressSubset}, ""},
		{"mixed not ip", cond(`"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.0/24"]}`), false, []string{CodePrivateNotIPAddressSubset}, ""},
		{"vpc source ip private", cond(`"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/8"}`), false, nil, ""},
		{"binary", cond(`"BinaryEquals":{"s3:prefix":"not base64!"}`), false, []string{CodeTypeMismatchString}, ""},
		{"redundant numbers", cond(`"NumericLessThan":{"aws:MultiFactorAuthAge":["2700","3600"]}`), false,
			[]string{CodeRedundantConditionValueNum}, `["2700","3600"]`},
		{"empty values", cond(`"StringEquals":{"aws:username":[]}`), false, []string{CodeEmptyArrayCondition}, "[]"},
		{"empty values forallvalues", cond(`"ForAllValues:StringEquals":{"aws:TagKeys":[]}`), false, []string{CodeEmptyArrayConditionForAllValues}, ""},
		{"empty values foranyvalue", cond(`"ForAnyValue:StringEquals":{"aws:TagKeys":[]}`), false, []string{CodeEmptyArrayConditionForAnyValue}, ""},
		{"empty values ifexists", cond(`"StringEqualsIfExists":{"aws:username":[]}`), false, []string{CodeEmptyArrayConditionIfExists}, ""},
		{"mixed json types", cond(`"StringEquals":{"aws:username":["a",1]}`), false, []string{CodeInvalidConditionDataType}, ""},
		{"object value", cond(`"StringEquals":{"aws:username":{}}`), false, []string{CodeDataTypeMismatch}, ""},
		{"variable in condition", cond(`"StringEquals":{"aws:PrincipalTag/team":"${aws:username}"}`), false, nil, ""},
		{"variable numeric", cond(`"NumericEquals":{"aws:MultiFactorAuthAge":"${aws:username}"}`), false, []string{CodeInvalidVariableForOperator}, ""},
		{"variable old version", `{"Version":"2008-10-17","Statement":{` + allowS3 + `,` + anyRes + `,"Condition":{"StringEquals":{"aws:PrincipalTag/team":"${aws:username}"}}}}`, false,
			[]string{CodeVariableUnsupportedInVersion}, ""},
	})
}

func TestValidateInvalidActionNotRedundant(t *testing.T) {
	// INVALID_ACTION alone: an unknown action is not also "redundant".
	fs := ValidateText(st(`"Effect":"Allow","Action":["s3:Get*","s3:GetObjec"],"Resource":"arn:aws:s3:::b"`), Options{Actions: newFakeCatalog()})
	require.Equal(t, []string{CodeInvalidAction}, findingCodes(fs))
}
