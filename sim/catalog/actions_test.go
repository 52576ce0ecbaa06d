package catalog

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// sampleServices is a small catalog used by the encode and parse tests.
func sampleServices() []Service {
	return []Service{
		{
			Prefix: "ec2", Name: "Amazon EC2",
			Actions: []Action{
				{"CreateTags", Tagging},
				{"DescribeInstances", List},
				{"RunInstances", Write},
			},
			ResourceTypes: []ResourceType{{"instance", "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}"}},
			ConditionKeys: []ConditionKey{{"ec2:InstanceType", "String"}, {"ec2:ResourceTag/${TagKey}", "String"}},
		},
		{
			Prefix: "iam", Name: "AWS Identity and Access Management (IAM)",
			Actions: []Action{
				{"AttachUserPolicy", PermissionsManagement},
				{"GetUser", Read},
				{"ListUsers", List},
			},
			ResourceTypes: []ResourceType{{"user", "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}"}},
			ConditionKeys: []ConditionKey{{"iam:PassedToService", "String"}},
		},
		{
			Prefix: "ssm", Name: "AWS Systems Manager",
			Actions:       []Action{{"SendCommand", Write}},
			ConditionKeys: []ConditionKey{{"ec2:InstanceType", "Numeric"}, {"ssm:Overwrite", "String"}},
		},
	}
}

// encodeSample returns the compressed sample catalog.
func encodeSample(t testing.TB) []byte {
	var buf bytes.Buffer
	require.NoError(t, EncodeActions(&buf, "test-data", "1.0", sampleServices()))
	data, err := CompressActions(buf.Bytes())
	require.NoError(t, err)
	return data
}

func TestParseActionsRoundTrip(t *testing.T) {
	a, err := ParseActions(encodeSample(t))
	require.NoError(t, err)
	require.Equal(t, []string{"ec2", "iam", "ssm"}, a.Prefixes())
	for _, want := range sampleServices() {
		got, ok := a.Service(want.Prefix)
		require.True(t, ok, want.Prefix)
		require.Equal(t, want.Name, got.Name)
		require.Equal(t, want.Actions, got.Actions)
		require.Equal(t, want.ResourceTypes, got.ResourceTypes)
		require.Equal(t, want.ConditionKeys, got.ConditionKeys)
	}
	name, version := Source(a)
	require.Equal(t, "test-data", name)
	require.Equal(t, "1.0", version)
	require.Equal(t, 7, CountActions(a))
}

func TestActionLookup(t *testing.T) {
	a, err := ParseActions(encodeSample(t))
	require.NoError(t, err)
	tests := []struct {
		prefix, name string
		want         Action
		ok           bool
	}{
		{"iam", "ListUsers", Action{"ListUsers", List}, true},
		{"iam", "listusers", Action{"ListUsers", List}, true},
		{"IAM", "LISTUSERS", Action{"ListUsers", List}, true},
		{"iam", "AttachUserPolicy", Action{"AttachUserPolicy", PermissionsManagement}, true},
		{"ec2", "createtags", Action{"CreateTags", Tagging}, true},
		{"iam", "ListUser", Action{}, false},
		{"iam", "", Action{}, false},
		{"s3", "GetObject", Action{}, false},
		{"", "", Action{}, false},
		{"iam", strings.Repeat("x", 300), Action{}, false},
	}
	for _, tt := range tests {
		got, ok := a.Action(tt.prefix, tt.name)
		require.Equal(t, tt.ok, ok, "%s:%s", tt.prefix, tt.name)
		require.Equal(t, tt.want, got, "%s:%s", tt.prefix, tt.name)
	}
	s, ok := a.Service("EC2")
	require.True(t, ok)
	require.Equal(t, "ec2", s.Prefix)
	_, ok = a.Service("ec")
	require.False(t, ok)
}

func TestConditionKeyLookup(t *testing.T) {
	a, err := ParseActions(encodeSample(t))
	require.NoError(t, err)
	tests := []struct {
		name, wantName, wantType string
		ok                       bool
	}{
		{"iam:PassedToService", "iam:PassedToService", "String", true},
		{"IAM:passedtoservice", "iam:PassedToService", "String", true},
		// The owning service wins over ssm's copy.
		{"ec2:InstanceType", "ec2:InstanceType", "String", true},
		{"ssm:Overwrite", "ssm:Overwrite", "String", true},
		{"ec2:ResourceTag/Team", "ec2:ResourceTag/${TagKey}", "String", true},
		{"ec2:ResourceTag/", "", "", false},
		{"aws:SourceIp", "aws:SourceIp", "IPAddress", true},
		{"AWS:SOURCEIP", "aws:SourceIp", "IPAddress", true},
		{"aws:MultiFactorAuthPresent", "aws:MultiFactorAuthPresent", "Bool", true},
		{"aws:PrincipalTag/team/sub", "aws:PrincipalTag/${TagKey}", "String", true},
		{"aws:RequestTag/Project", "aws:RequestTag/${TagKey}", "String", true},
		{"aws:ResourceTag/${TagKey}", "aws:ResourceTag/${TagKey}", "String", true},
		{"aws:TagKeys", "aws:TagKeys", "ArrayOfString", true},
		{"aws:NoSuchKey", "", "", false},
		{"iam:NoSuchKey", "", "", false},
		{"nocolon", "", "", false},
	}
	for _, tt := range tests {
		got, ok := a.ConditionKey(tt.name)
		require.Equal(t, tt.ok, ok, tt.name)
		require.Equal(t, tt.wantName, got.Name, tt.name)
		require.Equal(t, tt.wantType, got.Type, tt.name)
	}
}

func TestGlobalConditionKey(t *testing.T) {
	tests := []struct {
		name, wantType string
		ok             bool
	}{
		{"aws:SourceIp", "IPAddress", true},
		{"aws:CurrentTime", "Date", true},
		{"aws:EpochTime", "Date|Numeric", true},
		{"aws:MultiFactorAuthAge", "Numeric", true},
		{"aws:SecureTransport", "Bool", true},
		{"aws:username", "String", true},
		{"aws:UserName", "String", true},
		{"aws:userid", "String", true},
		{"aws:PrincipalArn", "ARN", true},
		{"aws:PrincipalTag/Department", "String", true},
		{"aws:RequestedRegion", "String", true},
		{"aws:ViaAWSService", "Bool", true},
		{"aws:CalledVia", "ArrayOfString", true},
		{"aws:Referer", "String", true},
		{"aws:SourceVpce", "String", true},
		{"aws:PrincipalTag", "", false},
		{"iam:PassedToService", "", false},
	}
	for _, tt := range tests {
		got, ok := GlobalConditionKey(tt.name)
		require.Equal(t, tt.ok, ok, tt.name)
		require.Equal(t, tt.wantType, got.Type, tt.name)
	}
	keys := GlobalConditionKeys()
	require.Len(t, keys, len(globalKeys))
	keys[0].Name = "changed"
	require.NotEqual(t, "changed", globalKeys[0].Name, "GlobalConditionKeys must return a copy")
	seen := map[string]bool{}
	for _, k := range globalKeys {
		low := strings.ToLower(k.Name)
		require.False(t, seen[low], "duplicate %s", k.Name)
		seen[low] = true
		require.True(t, strings.HasPrefix(k.Name, "aws:"), k.Name)
	}
}

func TestHasType(t *testing.T) {
	epoch, _ := GlobalConditionKey("aws:EpochTime")
	require.True(t, epoch.HasType("Date"))
	require.True(t, epoch.HasType("Numeric"))
	require.False(t, epoch.HasType("String"))
	ip, _ := GlobalConditionKey("aws:SourceIp")
	require.True(t, ip.HasType("IPAddress"))
	require.False(t, ip.HasType("IP"))
}

func TestMatchTemplate(t *testing.T) {
	tests := []struct {
		tmpl, s string
		want    bool
	}{
		{"aws:resourcetag/${tagkey}", "aws:resourcetag/team", true},
		{"aws:resourcetag/${tagkey}", "aws:resourcetag/a/b", true},
		{"aws:resourcetag/${tagkey}", "aws:resourcetag/", false},
		{"aws:resourcetag/${tagkey}", "aws:resourcetags/x", false},
		{"codebuild:env/${name}.value", "codebuild:env/x.y.value", true},
		{"codebuild:env/${name}.value", "codebuild:env/.value", false},
		{"codebuild:env/${name}.value", "codebuild:env/x.values", false},
		{"a:${x}/${y}", "a:p/q", true},
		{"a:${x}/${y}", "a:p/", false},
		{"a:plain", "a:plain", true},
		{"a:${broken", "a:${broken", true},
		{"s3:existingobjecttag/<key>", "s3:existingobjecttag/team", true},
		{"s3:existingobjecttag/<key>", "s3:existingobjecttag/", false},
		{"a:<x>.<y>", "a:p.q", true},
		{"a:<broken", "a:<broken", true},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, matchTemplate(tt.tmpl, tt.s), "%s ~ %s", tt.tmpl, tt.s)
	}
}

func TestEncodeActionsRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func([]Service) []Service
	}{
		{"unsorted prefixes", func(s []Service) []Service { s[0], s[1] = s[1], s[0]; return s }},
		{"duplicate prefix", func(s []Service) []Service { s[1].Prefix = "ec2"; return s }},
		{"empty name", func(s []Service) []Service { s[0].Name = ""; return s }},
		{"tab in name", func(s []Service) []Service { s[0].Name = "a\tb"; return s }},
		{"unsorted actions", func(s []Service) []Service {
			s[1].Actions[0], s[1].Actions[1] = s[1].Actions[1], s[1].Actions[0]
			return s
		}},
		{"actions equal but for case", func(s []Service) []Service {
			s[1].Actions = []Action{{"GetUser", Read}, {"getuser", Read}}
			return s
		}},
		{"bad level", func(s []Service) []Service { s[0].Actions[0].Level = "Admin"; return s }},
		{"marker in action", func(s []Service) []Service { s[2].Actions[0].Name = "@x"; return s }},
		{"empty ARN", func(s []Service) []Service { s[0].ResourceTypes[0].ARN = ""; return s }},
		{"newline in key", func(s []Service) []Service { s[0].ConditionKeys[0].Type = "a\nb"; return s }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.Error(t, EncodeActions(&buf, "x", "1", tt.change(sampleServices())))
		})
	}
	var buf bytes.Buffer
	require.Error(t, EncodeActions(&buf, "", "1", sampleServices()))
}

func TestParseActionsRejects(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, EncodeActions(&buf, "x", "1", sampleServices()))
	good := buf.String()
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"wrong magic", strings.Replace(good, "labsim-actions 1", "labsim-actions 2", 1)},
		{"bad counts", strings.Replace(good, "counts\t3", "counts\tx", 1)},
		{"short counts", strings.Replace(good, "counts\t3\t7\t2\t5", "counts\t3", 1)},
		{"bad source", strings.Replace(good, "source\tx\t1", "source\tx", 1)},
		{"too many actions counted", strings.Replace(good, "@iam\t3", "@iam\t4", 1)},
		{"too few actions counted", strings.Replace(good, "@iam\t3", "@iam\t2", 1)},
		{"bad level", strings.Replace(good, "GetUser\tR", "GetUser\tX", 1)},
		{"no level", strings.Replace(good, "GetUser\tR", "GetUser", 1)},
		{"duplicate action", strings.Replace(good, "GetUser\tR", "ListUsers\tR", 1)},
		{"services out of order", strings.Replace(good, "@ssm", "@aaa", 1)},
		{"bad service line", strings.Replace(good, "@ssm\t1\t0\t2\tAWS Systems Manager", "@ssm\t1", 1)},
		{"bad service count", strings.Replace(good, "@ssm\t1", "@ssm\t-1", 1)},
		{"bad resource", strings.Replace(good, "=user\t", "=user", 1)},
		{"missing key", strings.TrimSuffix(good, "?ssm:Overwrite\tString\n")},
		{"stray line", good + "Extra\tW\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, good, tt.text, "the test must change the text")
			data, err := CompressActions([]byte(tt.text))
			require.NoError(t, err)
			_, err = ParseActions(data)
			require.Error(t, err)
		})
	}
	_, err := ParseActions([]byte("not deflate data at all"))
	require.Error(t, err)
}

func TestCompareNames(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"GetUser", "GetUser", 0},
		{"GetUser", "getuser", -1},
		{"GetUser", "GetUsers", -1},
		{"getUser", "GetUserPolicy", -1},
		{"ListUsers", "GetUser", 1},
		{"aB", "Ab", 1},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, CompareNames(tt.a, tt.b), "%s vs %s", tt.a, tt.b)
	}
}

func TestLevelLetters(t *testing.T) {
	for _, l := range []AccessLevel{List, Read, Write, PermissionsManagement, Tagging} {
		c := LevelLetter(l)
		require.NotZero(t, c, l)
		back, ok := levelFromLetter(c)
		require.True(t, ok)
		require.Equal(t, l, back)
	}
	require.Zero(t, LevelLetter("Other"))
}

func TestParseActionsHugeCounts(t *testing.T) {
	text := "labsim-actions 1\ncounts\t1\t9999999\t0\t0\n@x\t0\t0\t0\tX\n"
	_, err := ParseActionText([]byte(text))
	require.Error(t, err)
	_, err = ParseActionText([]byte("labsim-actions 1\ncounts\t1\t1\t0\t0\n@x\t1\t0\t0\tX\nA\tR\n"))
	require.NoError(t, err)
}

func FuzzParseActionText(f *testing.F) {
	var buf bytes.Buffer
	require.NoError(f, EncodeActions(&buf, "x", "1", sampleServices()))
	f.Add(buf.Bytes())
	f.Add([]byte("labsim-actions 1\n@a\t1\t0\t0\tA\nB\tW\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		a, err := ParseActionText(text)
		if err != nil {
			return
		}
		for _, p := range a.Prefixes() {
			s, ok := a.Service(p)
			require.True(t, ok, p)
			for _, act := range s.Actions {
				got, ok := a.Action(p, act.Name)
				require.True(t, ok)
				require.Equal(t, act, got)
			}
		}
	})
}
