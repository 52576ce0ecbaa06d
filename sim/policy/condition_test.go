package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// evCondition compiles a Condition block given as JSON text.
func evCondition(t testing.TB, cond string, vars bool) []condClause {
	t.Helper()
	doc, err := Parse(cond)
	require.NoError(t, err)
	clauses, err := compileConditions(0, doc.Root, vars)
	require.NoError(t, err)
	return clauses
}

// evAll evaluates clauses the way a statement does: ANDed.
func evAll(clauses []condClause, ctx map[string][]string) bool {
	for i := range clauses {
		if !clauses[i].eval(ctx) {
			return false
		}
	}
	return true
}

func TestParseConditionOperator(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
		want condOperator
	}{
		{"StringEquals", true, condOperator{base: condStringEquals}},
		{"StringNotEqualsIgnoreCase", true, condOperator{base: condStringEqualsIgnoreCase, negated: true}},
		{"StringNotLikeIfExists", true, condOperator{base: condStringLike, negated: true, ifExists: true}},
		{"NumericLessThanEquals", true, condOperator{base: condNumeric, cmp: cmpLe}},
		{"NumericNotEquals", true, condOperator{base: condNumeric, cmp: cmpEq, negated: true}},
		{"DateGreaterThan", true, condOperator{base: condDate, cmp: cmpGt}},
		{"DateGreaterThanEqualsIfExists", true, condOperator{base: condDate, cmp: cmpGe, ifExists: true}},
		{"BoolIfExists", true, condOperator{base: condBool, ifExists: true}},
		{"BinaryEquals", true, condOperator{base: condBinary}},
		{"NotIpAddress", true, condOperator{base: condIP, negated: true}},
		{"ArnLike", true, condOperator{base: condARN}},
		{"ArnNotEquals", true, condOperator{base: condARN, negated: true}},
		{"Null", true, condOperator{base: condNull}},
		{"ForAnyValue:StringLike", true, condOperator{base: condStringLike, set: setAny}},
		{"ForAllValues:StringNotEqualsIfExists", true, condOperator{base: condStringEquals, negated: true, ifExists: true, set: setAll}},
		// Operator names are case-sensitive: IAM answers "Invalid Condition
		// type : stringEquals".
		{"stringEquals", false, condOperator{}},
		// IUG: IfExists cannot be used with Null.
		{"NullIfExists", false, condOperator{}},
		{"ForAllValues:", false, condOperator{}},
		{"forAnyValue:StringLike", false, condOperator{}},
		{"StringLikeIgnoreCase", false, condOperator{}},
		{"IfExists", false, condOperator{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, ok := parseConditionOperator(tt.name)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, op)
		})
	}
}

type condCase struct {
	name string
	cond string
	ctx  map[string][]string
	want bool
}

func runCondCases(t *testing.T, cases []condCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, evAll(evCondition(t, tt.cond, true), tt.ctx))
		})
	}
}

func ctx1(k, v string) map[string][]string { return map[string][]string{k: {v}} }

func TestConditionString(t *testing.T) {
	tag := `{"StringEquals":{"aws:PrincipalTag/job-category":"iamuser-admin"}}`
	runCondCases(t, []condCase{
		// IUG condition_operators, string example: aws:PrincipalTag/job-category.
		{"StringEquals match", tag, ctx1("aws:PrincipalTag/job-category", "iamuser-admin"), true},
		{"StringEquals is case-sensitive", tag, ctx1("aws:PrincipalTag/job-category", "IAMUser-Admin"), false},
		// IUG: "If the key ... is not present in the request context, the values do not match".
		{"StringEquals missing key", tag, nil, false},
		// IUG condition: condition key names are not case-sensitive.
		{"key name case-insensitive", tag, ctx1("AWS:PRINCIPALTAG/JOB-CATEGORY", "iamuser-admin"), true},
		{"values ORed", `{"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}`, ctx1("aws:RequestedRegion", "eu-west-1"), true},
		// IUG multi-value: a negated operator's values are NORed.
		{"StringNotEquals NOR hit", `{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}`, ctx1("aws:RequestedRegion", "eu-west-1"), false},
		{"StringNotEquals NOR miss", `{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}`, ctx1("aws:RequestedRegion", "ap-northeast-2"), true},
		// IUG condition_operators: negated operators are true when the key is missing.
		{"StringNotEquals missing key", `{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}`, nil, true},
		{"StringNotLike missing key", `{"StringNotLike":{"s3:prefix":"home/*"}}`, nil, true},
		{"StringEqualsIgnoreCase", `{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"Blue"}}`, ctx1("aws:PrincipalTag/team", "bLUE"), true},
		{"StringNotEqualsIgnoreCase", `{"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"Blue"}}`, ctx1("aws:PrincipalTag/team", "bLUE"), false},
		{"StringLike wildcard", `{"StringLike":{"s3:prefix":["","home/","home/*"]}}`, ctx1("s3:prefix", "home/Luna/x"), true},
		{"StringLike empty value", `{"StringLike":{"s3:prefix":["","home/"]}}`, ctx1("s3:prefix", ""), true},
		{"StringLike question mark", `{"StringLike":{"k":"a?c"}}`, ctx1("k", "abc"), true},
		{"StringNotLike", `{"StringNotLike":{"k":"a*"}}`, ctx1("k", "abc"), false},
		{"StringEquals star is literal", `{"StringEquals":{"k":"a*"}}`, ctx1("k", "abc"), false},
		// IUG condition: keys within one operator, and operators, are ANDed.
		{"keys ANDed", `{"StringEquals":{"a":"1","b":"2"}}`, map[string][]string{"a": {"1"}, "b": {"3"}}, false},
		{"operators ANDed", `{"StringEquals":{"a":"1"},"StringLike":{"b":"2*"}}`, map[string][]string{"a": {"1"}, "b": {"22"}}, true},
		{"empty policy value list", `{"StringEquals":{"a":[]}}`, ctx1("a", "1"), false},
		{"empty policy value list negated", `{"StringNotEquals":{"a":[]}}`, ctx1("a", "1"), true},
		{"number value as string", `{"StringEquals":{"a":5}}`, ctx1("a", "5"), true},
	})
}

func TestConditionVariables(t *testing.T) {
	runCondCases(t, []condCase{
		// IUG reference_policies_variables: s3:prefix home/${aws:username}/*.
		{"StringLike with variable", `{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}`,
			map[string][]string{"aws:username": {"Luna"}, "s3:prefix": {"home/Luna/notes"}}, true},
		{"StringLike variable other user", `{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}`,
			map[string][]string{"aws:username": {"Luna"}, "s3:prefix": {"home/Bob/notes"}}, false},
		// IUG variables: aws:ResourceTag/owner = ${aws:username}.
		{"StringEquals with variable", `{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}`,
			map[string][]string{"aws:username": {"Luna"}, "aws:ResourceTag/owner": {"Luna"}}, true},
		{"variable missing matches nothing", `{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}`,
			map[string][]string{"aws:ResourceTag/owner": {"Luna"}}, false},
		{"variable missing, negated is true", `{"StringNotEquals":{"aws:ResourceTag/owner":"${aws:username}"}}`,
			map[string][]string{"aws:ResourceTag/owner": {"Luna"}}, true},
		{"IgnoreCase with variable", `{"StringEqualsIgnoreCase":{"aws:ResourceTag/owner":"${aws:username}"}}`,
			map[string][]string{"aws:username": {"Luna"}, "aws:ResourceTag/owner": {"LUNA"}}, true},
		{"default value", `{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team, 'company-wide'}"}}`,
			ctx1("aws:ResourceTag/team", "company-wide"), true},
		{"literal star in StringLike", `{"StringLike":{"k":"a${*}"}}`, ctx1("k", "ab"), false},
		{"literal star in StringLike matches star", `{"StringLike":{"k":"a${*}"}}`, ctx1("k", "a*"), true},
		{"ArnLike with variable", `{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/${aws:username}"}}`,
			map[string][]string{"aws:username": {"Luna"}, "aws:PrincipalArn": {"arn:aws:iam::123456789012:user/Luna"}}, true},
		// Variables apply to String and ARN operators only.
		{"numeric value stays literal", `{"NumericEquals":{"n":"${n}"}}`, ctx1("n", "5"), false},
	})
	// Without Version 2012-10-17 the text is literal.
	cl := evCondition(t, `{"StringEquals":{"k":"${aws:username}"}}`, false)
	require.True(t, evAll(cl, map[string][]string{"k": {"${aws:username}"}, "aws:username": {"Luna"}}))
	require.False(t, evAll(cl, map[string][]string{"k": {"Luna"}, "aws:username": {"Luna"}}))
}

func TestConditionNumeric(t *testing.T) {
	// IUG condition_operators numeric example uses s3:max-keys; the MFA
	// examples use aws:MultiFactorAuthAge.
	lt := `{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}`
	runCondCases(t, []condCase{
		{"less than", lt, ctx1("aws:MultiFactorAuthAge", "120"), true},
		{"not less than", lt, ctx1("aws:MultiFactorAuthAge", "3600"), false},
		{"missing", lt, nil, false},
		{"IfExists missing", `{"NumericLessThanIfExists":{"aws:MultiFactorAuthAge":"3600"}}`, nil, true},
		{"equals decimal form", `{"NumericEquals":{"n":"3600"}}`, ctx1("n", "3600.0"), true},
		{"JSON number in policy", `{"NumericEquals":{"s3:max-keys":10}}`, ctx1("s3:max-keys", "10"), true},
		{"not equals", `{"NumericNotEquals":{"n":["1","2"]}}`, ctx1("n", "3"), true},
		{"not equals NOR", `{"NumericNotEquals":{"n":["1","2"]}}`, ctx1("n", "2"), false},
		{"less than equals", `{"NumericLessThanEquals":{"n":"10"}}`, ctx1("n", "10"), true},
		{"greater than", `{"NumericGreaterThan":{"n":"10"}}`, ctx1("n", "10.5"), true},
		{"greater than equals", `{"NumericGreaterThanEquals":{"n":"10"}}`, ctx1("n", "9"), false},
		{"negative", `{"NumericLessThan":{"n":"0"}}`, ctx1("n", "-1e2"), true},
		// Decision: malformed values never match; negated operators negate that.
		{"malformed policy value", `{"NumericEquals":{"n":"abc"}}`, ctx1("n", "1"), false},
		{"malformed policy value negated", `{"NumericNotEquals":{"n":"abc"}}`, ctx1("n", "1"), true},
		{"malformed and valid values", `{"NumericEquals":{"n":["abc","1"]}}`, ctx1("n", "1"), true},
		{"malformed request value", lt, ctx1("aws:MultiFactorAuthAge", "soon"), false},
		{"malformed request value negated", `{"NumericNotEquals":{"n":"1"}}`, ctx1("n", "x"), true},
	})
}

func TestConditionDate(t *testing.T) {
	// IUG reference_policies_examples_aws-dates: allow within a date range.
	window := `{"DateGreaterThan":{"aws:CurrentTime":"2020-04-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2020-06-30T23:59:59Z"}}`
	runCondCases(t, []condCase{
		{"inside window", window, ctx1("aws:CurrentTime", "2020-05-01T12:00:00Z"), true},
		{"after window", window, ctx1("aws:CurrentTime", "2020-07-01T00:00:00Z"), false},
		{"inside window, other zone", window, ctx1("aws:CurrentTime", "2020-07-01T08:00:00+09:00"), true},
		{"epoch request value", window, ctx1("aws:CurrentTime", "1588334400"), true},
		{"epoch policy value", `{"DateGreaterThanEquals":{"aws:EpochTime":"1588334400"}}`, ctx1("aws:EpochTime", "1588334400"), true},
		{"equals across formats", `{"DateEquals":{"d":"2020-05-01"}}`, ctx1("d", "1588291200"), true},
		{"not equals", `{"DateNotEquals":{"d":"2020-05-01"}}`, ctx1("d", "2020-05-01T00:00:01Z"), true},
		{"less than equals", `{"DateLessThanEquals":{"d":"2020-05-01T00:00:00Z"}}`, ctx1("d", "2020-05-01"), true},
		{"greater than equals fraction", `{"DateGreaterThanEquals":{"d":"2020-05-01T00:00:00.5Z"}}`, ctx1("d", "2020-05-01T00:00:00.25Z"), false},
		{"malformed policy date", `{"DateLessThan":{"d":"tomorrow"}}`, ctx1("d", "2020-05-01"), false},
		{"malformed request date", `{"DateLessThan":{"d":"2020-05-01"}}`, ctx1("d", "yesterday"), false},
		{"missing", window, nil, false},
	})
}

func TestConditionBoolBinaryNull(t *testing.T) {
	runCondCases(t, []condCase{
		// IUG condition_operators boolean example: aws:SecureTransport.
		{"Bool true", `{"Bool":{"aws:SecureTransport":"true"}}`, ctx1("aws:SecureTransport", "true"), true},
		{"Bool false value", `{"Bool":{"aws:SecureTransport":"true"}}`, ctx1("aws:SecureTransport", "false"), false},
		{"Bool JSON boolean", `{"Bool":{"aws:SecureTransport":false}}`, ctx1("aws:SecureTransport", "false"), true},
		{"Bool ignores case", `{"Bool":{"aws:SecureTransport":"TRUE"}}`, ctx1("aws:SecureTransport", "True"), true},
		{"Bool missing", `{"Bool":{"aws:SecureTransport":"false"}}`, nil, false},
		{"Bool malformed", `{"Bool":{"aws:SecureTransport":"yes"}}`, ctx1("aws:SecureTransport", "yes"), false},
		// IUG section 8.2 "Manage own MFA only": BoolIfExists aws:MultiFactorAuthPresent false.
		{"BoolIfExists missing", `{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}`, nil, true},
		{"BoolIfExists false", `{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}`, ctx1("aws:MultiFactorAuthPresent", "false"), true},
		{"BoolIfExists true", `{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}`, ctx1("aws:MultiFactorAuthPresent", "true"), false},
		// IUG condition_operators binary example.
		{"BinaryEquals", `{"BinaryEquals":{"key":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}`, ctx1("key", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="), true},
		{"BinaryEquals other", `{"BinaryEquals":{"key":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}`, ctx1("key", "QQ=="), false},
		{"BinaryEquals malformed request", `{"BinaryEquals":{"key":"QQ=="}}`, ctx1("key", "!!"), false},
		// IUG condition_operators Null example: aws:TokenIssueTime.
		{"Null true absent", `{"Null":{"aws:TokenIssueTime":"true"}}`, nil, true},
		{"Null true present", `{"Null":{"aws:TokenIssueTime":"true"}}`, ctx1("aws:TokenIssueTime", "2020-01-01"), false},
		{"Null false present", `{"Null":{"aws:TokenIssueTime":"false"}}`, ctx1("aws:TokenIssueTime", "2020-01-01"), true},
		{"Null false absent", `{"Null":{"aws:TokenIssueTime":"false"}}`, nil, false},
		{"Null JSON boolean", `{"Null":{"k":true}}`, nil, true},
		{"Null empty list is absent", `{"Null":{"k":"true"}}`, map[string][]string{"k": {}}, true},
		{"Null malformed", `{"Null":{"k":"maybe"}}`, nil, false},
		{"Null ignores set qualifier", `{"ForAllValues:Null":{"k":"true"}}`, ctx1("k", "x"), false},
	})
}

func TestConditionIP(t *testing.T) {
	// IUG condition_operators IP example and section 8.2 "Deny by source IP".
	ip := `{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]}}`
	runCondCases(t, []condCase{
		{"IPv4 inside", ip, ctx1("aws:SourceIp", "203.0.113.7"), true},
		{"IPv4 outside", ip, ctx1("aws:SourceIp", "198.51.100.7"), false},
		{"IPv6 inside", ip, ctx1("aws:SourceIp", "2001:db8:1234:5678::1"), true},
		{"IPv6 outside", ip, ctx1("aws:SourceIp", "2001:db8:1234:5679::1"), false},
		{"IPv4-mapped IPv6", ip, ctx1("aws:SourceIp", "::ffff:203.0.113.9"), true},
		{"plain address", `{"IpAddress":{"aws:SourceIp":"192.0.2.5"}}`, ctx1("aws:SourceIp", "192.0.2.5"), true},
		{"missing", ip, nil, false},
		{"NotIpAddress outside", `{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}`, ctx1("aws:SourceIp", "198.51.100.1"), true},
		{"NotIpAddress inside", `{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}`, ctx1("aws:SourceIp", "192.0.2.1"), false},
		{"NotIpAddress missing", `{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}`, nil, true},
		{"malformed request address", ip, ctx1("aws:SourceIp", "garbage"), false},
		{"malformed request address negated", `{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}`, ctx1("aws:SourceIp", "garbage"), true},
		{"malformed policy block", `{"IpAddress":{"aws:SourceIp":"1.2.3"}}`, ctx1("aws:SourceIp", "1.2.3.4"), false},
	})
}

func TestConditionARN(t *testing.T) {
	// IUG condition_operators ARN example: aws:SourceArn of an SNS topic.
	runCondCases(t, []condCase{
		{"ArnEquals", `{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:123456789012:TOPIC-ID"}}`, ctx1("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:TOPIC-ID"), true},
		{"ArnEquals takes wildcards", `{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:*:123456789012:*"}}`, ctx1("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:t"), true},
		{"ArnLike case-sensitive", `{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:123456789012:topic"}}`, ctx1("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:TOPIC"), false},
		{"ArnLike resource keeps colons", `{"ArnLike":{"aws:SourceArn":"arn:aws:logs:*:*:log-group:*"}}`, ctx1("aws:SourceArn", "arn:aws:logs:us-east-1:1:log-group:g:*"), true},
		// The six parts are matched separately: '*' stays within its part.
		{"part star does not cross colon", `{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}`, ctx1("aws:PrincipalArn", "arn:aws:iam::1:2:root"), false},
		{"part star", `{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}`, ctx1("aws:PrincipalArn", "arn:aws:iam::123456789012:root"), true},
		{"request not an ARN", `{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::*"}}`, ctx1("aws:SourceArn", "bucket"), false},
		{"short policy value is one pattern", `{"ArnLike":{"aws:SourceArn":"*"}}`, ctx1("aws:SourceArn", "anything"), true},
		{"ArnNotLike", `{"ArnNotLike":{"aws:SourceArn":"arn:aws:s3:::logs-*"}}`, ctx1("aws:SourceArn", "arn:aws:s3:::data"), true},
		{"ArnNotEquals match", `{"ArnNotEquals":{"aws:SourceArn":"arn:aws:s3:::data"}}`, ctx1("aws:SourceArn", "arn:aws:s3:::data"), false},
		{"ArnNotLike missing", `{"ArnNotLike":{"aws:SourceArn":"arn:aws:s3:::x"}}`, nil, true},
	})
}

func TestConditionSetOperators(t *testing.T) {
	// IUG reference_policies_multi-value-conditions (DynamoDB Thread table).
	allLike := `{"ForAllValues:StringLike":{"dynamodb:requestedAttributes":["PostDateTime","Message","Tags"]}}`
	anyLike := `{"ForAnyValue:StringLike":{"dynamodb:requestedAttributes":["ID","PostDateTime"]}}`
	attrs := func(v ...string) map[string][]string { return map[string][]string{"dynamodb:requestedAttributes": v} }
	runCondCases(t, []condCase{
		{"ForAllValues all listed", allLike, attrs("PostDateTime", "Message"), true},
		{"ForAllValues one not listed", allLike, attrs("PostDateTime", "UserName"), false},
		{"ForAllValues missing key", allLike, nil, true},
		{"ForAllValues empty set", allLike, attrs(), true},
		{"ForAnyValue one listed", anyLike, attrs("UserName", "Message", "PostDateTime"), true},
		{"ForAnyValue none listed", anyLike, attrs("UserName"), false},
		{"ForAnyValue missing key", anyLike, nil, false},
		{"ForAnyValue IfExists missing key", `{"ForAnyValue:StringLikeIfExists":{"k":"a"}}`, nil, true},
		{"ForAllValues:StringNotEquals none forbidden", `{"ForAllValues:StringNotEquals":{"k":["ID","UserName"]}}`, map[string][]string{"k": {"Message", "Tags"}}, true},
		{"ForAllValues:StringNotEquals one forbidden", `{"ForAllValues:StringNotEquals":{"k":["ID","UserName"]}}`, map[string][]string{"k": {"Message", "ID"}}, false},
		{"ForAnyValue:StringNotEquals", `{"ForAnyValue:StringNotEquals":{"k":["ID"]}}`, map[string][]string{"k": {"ID", "Tags"}}, true},
		{"ForAnyValue:StringNotEquals all equal", `{"ForAnyValue:StringNotEquals":{"k":["ID"]}}`, map[string][]string{"k": {"ID"}}, false},
		{"ForAnyValue negated missing key", `{"ForAnyValue:StringNotEquals":{"k":["ID"]}}`, nil, false},
		// Without a qualifier, a multi-valued key matches if any value does.
		{"plain op multi-valued", `{"StringEquals":{"k":"b"}}`, map[string][]string{"k": {"a", "b"}}, true},
		{"plain negated multi-valued", `{"StringNotEquals":{"k":"b"}}`, map[string][]string{"k": {"a", "b"}}, false},
		{"plain op empty list is missing", `{"StringEquals":{"k":"b"}}`, map[string][]string{"k": {}}, false},
		{"plain negated empty list is missing", `{"StringNotEquals":{"k":"b"}}`, map[string][]string{"k": {}}, true},
	})
}

func TestCompileConditionsErrors(t *testing.T) {
	tests := []struct {
		name string
		cond string
		err  string
	}{
		{"not an object", `["StringEquals"]`, "Condition: must be an object"},
		{"operator body not an object", `{"StringEquals":"x"}`, "operator StringEquals must map to an object"},
		{"unknown operator", `{"StringEqualz":{"k":"v"}}`, "unknown condition operator StringEqualz"},
		{"wrong case operator", `{"stringEquals":{"k":"v"}}`, "unknown condition operator stringEquals"},
		{"object value", `{"StringEquals":{"k":{"a":1}}}`, "value of k must be a string, number or boolean"},
		{"null value", `{"StringEquals":{"k":null}}`, "value of k must be"},
		{"nested array", `{"StringEquals":{"k":[["a"]]}}`, "value of k must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.cond)
			require.NoError(t, err)
			_, err = compileConditions(0, doc.Root, true)
			require.ErrorContains(t, err, tt.err)
		})
	}
	// IAM accepts an unknown operator with an empty block; it is ignored.
	require.Empty(t, evCondition(t, `{"Whatever":{}}`, true))
	// Duplicate keys: the last one wins.
	cl := evCondition(t, `{"StringEquals":{"k":"a","k":"b"}}`, true)
	require.Len(t, cl, 1)
	require.True(t, evAll(cl, ctx1("k", "b")))
}
