package policy

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

// Each test names the row of the decision table in doc.go.

func TestDecisionD1StrictJSON(t *testing.T) {
	for _, in := range []string{`{"a":1,}`, `{/*c*/}`, "\uFEFF{}", `{'a':1}`, `NaN`, "\"\xff\""} {
		_, err := Parse(in)
		var se *SyntaxError
		require.True(t, errors.As(err, &se), "%q", in)
	}
	doc, err := Parse(`"\udc00"`)
	require.NoError(t, err)
	require.Equal(t, "\uFFFD", doc.Root.Text)
}

func TestDecisionD2Limits(t *testing.T) {
	_, err := Parse(strings.Repeat(`{"a":`, MaxDepth+1))
	require.ErrorContains(t, err, "nesting")
	_, err = Parse(strings.Repeat(" ", MaxInput+1))
	require.ErrorContains(t, err, "larger than")
}

func TestDecisionD3Lines(t *testing.T) {
	doc, err := Parse("[\r\n1,\r2,\n\"é\", 3]")
	require.NoError(t, err)
	require.Equal(t, 2, doc.Root.Items[0].Span.Start.Line)
	require.Equal(t, 3, doc.Root.Items[1].Span.Start.Line)
	require.Equal(t, 4, doc.Root.Items[2].Span.Start.Line)
	require.Equal(t, 6, doc.Root.Items[3].Span.Start.Column, "é is one column")
}

func TestDecisionD4DuplicateKeys(t *testing.T) {
	text := st(`"Effect":"Deny","Effect":"Allow","Action":"s3:GetObject","Resource":"*"`)
	doc, err := Parse(text)
	require.NoError(t, err)
	require.Equal(t, "Allow", doc.Statements[0].Effect.Text)
	fs := Validate(doc, Options{})
	require.Equal(t, []string{CodeDuplicateKey}, findingCodes(fs))
	require.Equal(t, FindingWarning, fs[0].Type)
	require.Equal(t, `"Effect"`, text[fs[0].Span.Start.Offset:fs[0].Span.End.Offset])
	require.Less(t, fs[0].Span.Start.Offset, strings.LastIndex(text, `"Effect"`), "the earlier key")
	require.Equal(t, "Duplicate key: The key Effect appears more than once in the same JSON object. IAM keeps only the last value, so the earlier ones have no effect. Remove the duplicate key.", fs[0].Message(LangEnglish))
	require.Nil(t, CheckIAM(doc, text, ManagedPolicy))
}

func TestDecisionD5Size(t *testing.T) {
	require.Equal(t, 4, NonWhitespaceSize("a b\tc\u00a0d\u3000"))
}

func TestDecisionD6Characters(t *testing.T) {
	m := CheckIAM(nil, stmt(`{"Sid":"✓","Effect":"Allow","Action":"s3:Get","Resource":"*"}`), ManagedPolicy)
	require.Equal(t, awserr.ValidationError, m.Code)
	m = CheckIAM(nil, "{\"a\":\"\x01\"", ManagedPolicy)
	require.Equal(t, awserr.ValidationError, m.Code, "characters come before syntax")
	require.Equal(t, msgEmptyDocument, CheckIAM(nil, "", ManagedPolicy).Message)
}

func TestDecisionD7PrincipalOrder(t *testing.T) {
	require.Equal(t, msgVersion, CheckIAM(nil, `{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:Get","Resource":"*"}}`, ManagedPolicy).Message)
	require.Equal(t, msgPrincipal, CheckIAM(nil, stmt(`{"Effect":"deny","Principal":"*","Action":"s3:Get","Resource":"*"}`), ManagedPolicy).Message)
}

func TestDecisionD8ConditionValues(t *testing.T) {
	ok := stmt(`{"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":[false]},"NumericLessThan":{"aws:MultiFactorAuthAge":3600}}}`)
	require.Nil(t, CheckIAM(nil, ok, ManagedPolicy))
	require.Empty(t, ValidateText(ok, Options{}))
	for _, v := range []string{`null`, `{}`, `[[]]`, `[null]`} {
		bad := stmt(`{"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":` + v + `}}}`)
		require.Equal(t, msgSyntax, CheckIAM(nil, bad, ManagedPolicy).Message, v)
	}
	mixed := stmt(`{"Effect":"Allow","Action":"s3:Get","Resource":"*","Condition":{"StringEquals":{"aws:username":["a",true]}}}`)
	require.Equal(t, []string{CodeInvalidConditionDataType}, findingCodes(ValidateText(mixed, Options{})))
}

func TestDecisionD9ResourceFormat(t *testing.T) {
	two := stmt(`[{"Effect":"Allow","Action":"s3:Get","NotResource":"bad1"},{"Effect":"Allow","Action":"s3:Get","Resource":"bad2"}]`)
	require.Equal(t, `Resource bad2 must be in ARN format or "*".`, CheckIAM(nil, two, ManagedPolicy).Message, "Resource elements before NotResource")
	first := stmt(`{"Effect":"Allow","Action":"s3:Get","Resource":["bad1","bad2"]}`)
	require.Equal(t, `Resource bad1 must be in ARN format or "*".`, CheckIAM(nil, first, ManagedPolicy).Message)
	require.Nil(t, CheckIAM(nil, stmt(`{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::123456789012:*"}`), ManagedPolicy))
	require.True(t, iamLegacyResource("arn:aws:s3:::b"))
	require.False(t, iamLegacyResource("arn:aws::::b"))
}

func TestDecisionD10SizeLast(t *testing.T) {
	big := stmt(`{"Sid":"` + strings.Repeat("a", 7000) + `","Effect":"Allow","Action":"bad","Resource":"*"}`)
	require.Equal(t, msgActionVendor, CheckIAM(nil, big, ManagedPolicy).Message)
	m := CheckIAM(nil, strings.Replace(big, `"bad"`, `"s3:Get"`, 1), GroupInlinePolicy)
	require.Equal(t, "Maximum policy size of 5120 bytes exceeded for group", m.Message)
	require.Equal(t, "Maximum policy size of 5120 bytes exceeded for group admins", m.ForEntity("admins").Message)
}

func TestDecisionD11SyntaxPosition(t *testing.T) {
	f := ValidateText("{\"é\":}", Options{})[0]
	require.Equal(t, map[string]string{"index": "6", "line": "1", "column": "6"}, f.Params)
}

func TestDecisionD12MissingPointsAtBrace(t *testing.T) {
	text := `{"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject","Resource":"*"}]}`
	fs := ValidateText(text, Options{})
	require.Equal(t, []string{CodeMissingEffect}, findingCodes(fs))
	require.Equal(t, strings.Index(text, `{"Action"`), fs[0].Span.Start.Offset)
	require.Equal(t, 1, fs[0].Span.End.Offset-fs[0].Span.Start.Offset)
}

func TestDecisionD13Case(t *testing.T) {
	require.Equal(t, []string{CodeInvalidEffect}, findingCodes(ValidateText(st(`"Effect":"allow","Action":"s3:GetObject","Resource":"*"`), Options{})))
	require.Equal(t, []string{CodeMissingResource, CodeInvalidPolicyElement}, findingCodes(ValidateText(st(`"Effect":"Allow","Action":"s3:GetObject","resource":"*"`), Options{})))
	require.Equal(t, []string{CodeInvalidConditionOperator}, findingCodes(ValidateText(cond(`"stringEquals":{"aws:username":"a"}`), Options{})))
	require.Empty(t, ValidateText(st(`"Effect":"Allow","Action":"S3:GETOBJECT","Resource":"*","Condition":{"StringEquals":{"AWS:USERNAME":"a"}}`), Options{Actions: newFakeCatalog()}))
}

func TestDecisionD14Suggestions(t *testing.T) {
	cat := newFakeCatalog()
	get := func(action string) Finding {
		fs := ValidateText(st(`"Effect":"Allow","Action":"`+action+`","Resource":"*"`), Options{Actions: cat})
		require.Len(t, fs, 1, action)
		return fs[0]
	}
	require.Equal(t, "s3:GetObject", get("s3:getobjet").Params["valid_action"])
	require.Equal(t, "iam:ListUsers", get("iam:ListUser").Params["valid_action"])
	require.Equal(t, "", get("iam:Frobnicate").Params["valid_action"])
	require.Equal(t, "s3", get("s4:GetObject").Params["service2"])
	require.Equal(t, "", get("dynamodb:GetItem").Params["service2"])
	require.Equal(t, CodeInvalidAction, get("iam:Frob*").Code)
	require.Equal(t, "ec2", suggest("ec3", []string{"ec2", "ecr"}), "a tie keeps catalog order")
}

func TestDecisionD15ActionShape(t *testing.T) {
	for a, code := range map[string]string{"s3": CodeInvalidAction, "s3:a:b": CodeInvalidAction, ":Get": CodeInvalidAction, "s3*:Get*": CodeWildcardInServiceName} {
		require.Equal(t, []string{code}, findingCodes(ValidateText(st(`"Effect":"Allow","Action":"`+a+`","Resource":"arn:aws:s3:::b"`), Options{})), a)
	}
	require.Empty(t, ValidateText(st(`"Effect":"Allow","Action":"*:Get*","Resource":"arn:aws:s3:::b"`), Options{}))
}

func TestDecisionD16ARNFields(t *testing.T) {
	p, ok := splitARNFields("arn:aws:s3:::bucket/${aws:username}/a:b")
	require.True(t, ok)
	require.Equal(t, "bucket/${aws:username}/a:b", p[5])
	codes := func(arn string) []string {
		return findingCodes(ValidateText(st(allowS3+`,"Resource":"`+arn+`"`), Options{Actions: newFakeCatalog()}))
	}
	require.Equal(t, []string{CodeMissingARNField}, codes("arn:aws:*"))
	require.Equal(t, []string{CodeMissingARNField}, codes("arn:aws::::b"))
	require.Equal(t, []string{CodeInvalidARNResource}, codes("arn:aws:s3:::"))
	require.Empty(t, codes("arn:aws:s3:::b*"))
	require.Empty(t, codes("arn:aws:s3:::*"))
}

func TestDecisionD17PartitionRegionAccount(t *testing.T) {
	codes := func(arn string) []string {
		return findingCodes(ValidateText(st(`"Effect":"Allow","Action":"ec2:StartInstances","Resource":"`+arn+`"`), Options{}))
	}
	require.Empty(t, codes("arn:aw?:ec2:us-gov-west-1:123456789012:instance/*"))
	require.Equal(t, []string{CodeInvalidPartition}, codes("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/*"))
	require.Empty(t, codes("arn:aws:ec2:*:12345678901?:instance/*"))
	require.Empty(t, codes("arn:aws:ec2:us-*:1234*:instance/*"))
	require.Equal(t, []string{CodeInvalidARNAccount}, codes("arn:aws:ec2:us-east-1:1234567890123:instance/*"))
	require.Equal(t, []string{CodeInvalidARNAccount}, codes("arn:aws:ec2:us-east-1:1234567890123*:instance/*"))
	require.Equal(t, []string{CodeInvalidARNRegion}, codes("arn:aws:ec2:US-EAST-1:123456789012:instance/*"))
	require.True(t, regionShaped("ap-northeast-2"))
	require.False(t, regionShaped("us-east"))
}

func TestDecisionD18ResourceTypes(t *testing.T) {
	codes := func(arn string, cat bool) []string {
		o := Options{}
		if cat {
			o.Actions = newFakeCatalog()
		}
		return findingCodes(ValidateText(st(allowS3+`,"Resource":"`+arn+`"`), o))
	}
	require.Empty(t, codes("arn:aws:s3:us-east-1:123456789012:accesspoint/ap", true))
	require.Equal(t, []string{CodeARNAccountNotAllowed}, codes("arn:aws:s3::123456789012:bucket", true), "only the bucket type can match")
	require.Equal(t, []string{CodeInvalidARNResource}, codes("arn:aws:ec2:us-east-1:123456789012:instanc/i-1", true))
	require.Equal(t, []string{CodeInvalidService}, codes("arn:aws:nosuch:::x", true))
	require.Empty(t, codes("arn:aws:nosuch:::x", false))
	require.Equal(t, []string{CodeARNRegionNotAllowed}, codes("arn:aws:iam:us-east-1:123456789012:user/a", false))
}

func TestDecisionD19Variables(t *testing.T) {
	require.Empty(t, ValidateText(st(`"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::b/${aws:username}/*"`), Options{}))
	require.Equal(t, []string{CodeVariableUnsupportedInElement}, findingCodes(ValidateText(st(`"Effect":"Allow","NotAction":"s3:${x}","Resource":"arn:aws:s3:::b"`), Options{})))
	require.Equal(t, []string{CodeInvalidVariableForOperator}, findingCodes(ValidateText(cond(`"DateLessThan":{"aws:CurrentTime":"${aws:TokenIssueTime}"}`), Options{})))
	require.Empty(t, ValidateText(cond(`"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/${aws:username}"}`), Options{}))
}

func TestDecisionD20Values(t *testing.T) {
	codes := func(c string) []string { return findingCodes(ValidateText(cond(c), Options{})) }
	require.Empty(t, codes(`"Bool":{"aws:SecureTransport":"False"}`))
	require.Empty(t, codes(`"Null":{"aws:TokenIssueTime":"TRUE"}`))
	require.Empty(t, codes(`"NumericLessThan":{"aws:MultiFactorAuthAge":"-1.5e3"}`))
	require.Equal(t, []string{CodeTypeMismatchNumber}, codes(`"NumericLessThan":{"aws:MultiFactorAuthAge":"0x10"}`))
	for _, d := range []string{"2024-02-29", "2024-02-29T12:00", "2024-02-29T12:00:00.5+09:00", "20240229T120000Z"} {
		require.Empty(t, codes(`"DateLessThan":{"aws:CurrentTime":"`+d+`"}`), d)
	}
	require.Equal(t, []string{CodeTypeMismatchDate}, codes(`"DateLessThan":{"aws:CurrentTime":"2023-02-29"}`))
	require.Equal(t, []string{CodeInvalidDateValue}, codes(`"DateLessThan":{"aws:CurrentTime":1700000000}`))
	fs := ValidateText(cond(`"IpAddress":{"aws:SourceIp":"2001:db8::1/32"}`), Options{})
	require.Equal(t, []string{CodeImproveIPRange}, findingCodes(fs))
	require.Equal(t, "2001:db8::/32", fs[0].Params["addr"])
}

func TestDecisionD21PrivateRanges(t *testing.T) {
	codes := func(c string) []string { return findingCodes(ValidateText(cond(c), Options{})) }
	require.Empty(t, codes(`"IpAddress":{"aws:SourceIp":"10.0.0.0/7"}`), "wider than the private block")
	require.Equal(t, []string{CodePrivateIPAddress}, codes(`"IpAddress":{"aws:SourceIp":"fd00::/8"}`))
	require.Equal(t, []string{CodePrivateIPAddress}, codes(`"IpAddress":{"aws:SourceIp":"172.31.0.1"}`))
	require.Empty(t, codes(`"IpAddress":{"aws:SourceIp":"172.32.0.1"}`))
}

func TestDecisionD22WildcardWithoutLike(t *testing.T) {
	codes := func(c string) []string { return findingCodes(ValidateText(cond(c), Options{})) }
	require.Equal(t, []string{CodeWildcardWithoutLikeOperator}, codes(`"StringEquals":{"aws:username":["a*","b?"]}`), "once per key")
	require.Equal(t, []string{CodeWildcardWithoutLikeOperator}, codes(`"StringNotEqualsIgnoreCase":{"aws:username":"a?"}`))
	require.Empty(t, codes(`"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::*:user/a"}`))
	require.Empty(t, codes(`"StringEquals":{"aws:username":"${?}"}`))
}

func TestDecisionD23KeyTypes(t *testing.T) {
	codes := func(c string) []string {
		return findingCodes(ValidateText(cond(c), Options{Actions: newFakeCatalog()}))
	}
	require.Equal(t, []string{CodeTypeMismatch}, codes(`"NumericEquals":{"aws:username":"1"}`))
	require.Equal(t, []string{CodeTypeMismatch}, codes(`"ArnEquals":{"aws:username":"arn:aws:iam::1:user/a"}`))
	require.Empty(t, codes(`"Null":{"aws:MultiFactorAuthAge":"true"}`))
	require.Empty(t, codes(`"DateLessThan":{"aws:EpochTime":"2024-01-01"}`))
	require.Equal(t, []string{CodeMissingQualifier}, codes(`"StringEquals":{"ec2:Attribute":"a"}`))
	require.Empty(t, codes(`"ForAnyValue:StringEquals":{"ec2:Attribute":"a"}`))
	require.Equal(t, []string{CodeForAllValuesWithSingleValuedKey}, codes(`"ForAllValues:StringEquals":{"ec2:InstanceType":"t3.micro"}`))
	require.Equal(t, []string{CodeRedundantConditionValueNum}, codes(`"NumericGreaterThan":{"s3:max-keys":["1","2"]}`))
	require.Empty(t, codes(`"ForAnyValue:NumericGreaterThan":{"s3:max-keys":["1","2"]}`))
	require.Equal(t, []string{CodeInvalidConditionMultipleBoolean}, codes(`"Bool":{"aws:SecureTransport":["true","true"]}`))
	fs := ValidateText(cond(`"Bool":{"aws:username":"true"}`), Options{})
	require.Equal(t, map[string]string{"allowed": "String", "operator": "Bool", "key": "aws:username"}, fs[0].Params)
}

func TestDecisionD24KeyPrefixes(t *testing.T) {
	codes := func(c string) []string {
		return findingCodes(ValidateText(cond(c), Options{Actions: newFakeCatalog()}))
	}
	require.Empty(t, codes(`"StringEquals":{"cognito-identity.amazonaws.com:aud":"x"}`))
	require.Equal(t, []string{CodeMissingTagKeyInCondition}, codes(`"StringEquals":{"ec2:ResourceTag/":"x"}`))
	fs := ValidateText(cond(`"StringEquals":{"aws:PrincipalTag":"x"}`), Options{})
	require.Equal(t, "aws:PrincipalTag/", fs[0].Params["conditionKeyName"])
	require.Contains(t, fs[0].Details(LangEnglish), "Use the format aws:PrincipalTag/tag-key")
}

func TestDecisionD25Redundancy(t *testing.T) {
	fs := ValidateText(st(`"Effect":"Allow","Action":["s3:Get*","s3:GetObject","S3:GETOBJECT","s3:Get*"],"Resource":"arn:aws:s3:::b"`), Options{})
	require.Equal(t, []string{CodeRedundantAction}, findingCodes(fs))
	require.Equal(t, "3", fs[0].Params["redundantActionCount"])
	require.Equal(t, "s3:GetObject", fs[0].Params["redundantAction"])
	fs = ValidateText(st(allowS3+`,"Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/${aws:username}","arn:aws:s3:::b/${aws:username}"]`), Options{})
	require.Equal(t, []string{CodeRedundantResource}, findingCodes(fs))
	require.Equal(t, "2", fs[0].Params["redundantResourceCount"])
	require.Empty(t, ValidateText(st(allowS3+`,"Resource":["arn:aws:s3:::b/${aws:username}","arn:aws:s3:::b/alice"]`), Options{}), "a variable does not cover a name")
}

func TestDecisionD26RedundantStatement(t *testing.T) {
	text := `{"Version":"2012-10-17","Statement":[
	  {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"},
	  {"Resource":"*","Action":["s3:PutObject","s3:GetObject"],"Effect":"Allow","Sid":"X"}]}`
	require.Equal(t, []string{CodeRedundantStatement}, findingCodes(ValidateText(text, Options{})))
}

func TestDecisionD27ServiceRoles(t *testing.T) {
	text := st(`"Effect":"Allow","Action":["s3:GetObject","iam:PassRole"],"Resource":"arn:aws:iam::123456789012:role/*"`)
	fs := ValidateText(text, Options{})
	require.Equal(t, []string{CodePassRoleWithStarInResource}, findingCodes(fs))
	require.Equal(t, `"iam:PassRole"`, text[fs[0].Span.Start.Offset:fs[0].Span.End.Offset])
	require.Empty(t, ValidateText(st(`"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/app-*"`), Options{}))
}

func TestDecisionD28AllTypes(t *testing.T) {
	text := st(`"Sid":"` + strings.Repeat("a", 2100) + `",` + allowS3 + `,` + anyRes)
	require.Empty(t, ValidateText(text, Options{Type: ManagedPolicy}))
	fs := ValidateText(text, Options{Type: UserInlinePolicy})
	require.Equal(t, []string{CodePolicySizeExceedsIdentityQuota}, findingCodes(fs))
	require.Equal(t, "2048", fs[0].Params["policySizeQuota"])
	require.Empty(t, ValidateText(text, Options{Type: GroupInlinePolicy}))
	require.NotEmpty(t, ValidateText(st(`"Effect":"allow","Action":"s3:GetObject","Resource":"*"`), Options{Type: GroupInlinePolicy}))
}

func TestDecisionD29TopLevelConditions(t *testing.T) {
	text := `{"Version":"2012-10-17","Conditions":{},"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}`
	require.Nil(t, CheckIAM(nil, text, ManagedPolicy))
	require.Equal(t, []string{CodeInvalidPolicyElement}, findingCodes(ValidateText(text, Options{})))
}

func TestDecisionD30RetiredServices(t *testing.T) {
	fs := ValidateText(st(`"Effect":"Allow","Action":"deepcomposer:ListModels","Resource":"*"`), Options{Actions: newFakeCatalog()})
	require.Equal(t, []string{CodeInvalidServiceInAction}, findingCodes(fs))
}

// D25: the redundancy checks have a work budget, so that thousands of
// unrelated wildcards neither stall nor report a wrong count.
func TestDecisionD25Budget(t *testing.T) {
	var acts []string
	for i := 0; i < 2000; i++ {
		acts = append(acts, `"s3:*X`+strconv.Itoa(i)+`Y"`)
	}
	acts = append(acts, `"s3:GetObject"`, `"s3:GetObject"`)
	fs := ValidateText(st(`"Effect":"Allow","Action":[`+strings.Join(acts, ",")+`],"Resource":"arn:aws:s3:::b"`), Options{Actions: newFakeCatalog()})
	for _, f := range fs {
		require.NotEqual(t, CodeRedundantAction, f.Code)
	}
}
