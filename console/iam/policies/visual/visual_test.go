package visual

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
	"labsim/sim/policy"
)

// norm decodes a policy text with every lone string under Action,
// Resource and condition keys made a one-item list, so that texts with
// the same meaning compare equal.
func norm(t *testing.T, text string) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(text), &v), text)
	root := v.(map[string]any)
	if st, ok := root["Statement"].(map[string]any); ok {
		root["Statement"] = []any{st}
	}
	for _, s := range root["Statement"].([]any) {
		sm := s.(map[string]any)
		for _, k := range []string{"Action", "Resource"} {
			if str, ok := sm[k].(string); ok {
				sm[k] = []any{str}
			}
		}
		if c, ok := sm["Condition"].(map[string]any); ok {
			for _, keys := range c {
				km := keys.(map[string]any)
				for k, val := range km {
					if str, ok := val.(string); ok {
						km[k] = []any{str}
					}
				}
			}
		}
	}
	return v
}

func one(s Statement) string {
	return ToJSON(Doc{Version: "2012-10-17", Statements: []Statement{s}})
}

// TestControls gives, for each form control, the JSON it produces.
func TestControls(t *testing.T) {
	acts, err := actiondata.Load()
	require.NoError(t, err)
	ec2, ok := acts.Service("ec2")
	require.True(t, ok)
	base := func() Statement { return Statement{Sid: "Statement1", Effect: "Allow", Service: "ec2"} }
	tests := []struct {
		name string
		do   func(s *Statement)
		want string // the statement's members, joined by "|"
	}{
		{"new", func(s *Statement) { s.Service = "" }, `"Sid": "Statement1"|"Effect": "Allow"|"Action": []|"Resource": []`},
		{"deny", func(s *Statement) { s.Effect = "Deny"; s.SetAll(true); s.AllResources = true }, `"Sid": "Statement1"|"Effect": "Deny"|"Action": "ec2:*"|"Resource": "*"`},
		{"actions", func(s *Statement) {
			s.SetAction("DescribeVpcs", true)
			s.SetAction("DescribeSubnets", true)
			s.SetAction("DescribeAvailabilityZones", true)
			s.SetAction("DescribeSubnets", false)
			s.AllResources = true
		}, `"Sid": "Statement1"|"Effect": "Allow"|"Action": [|    "ec2:DescribeVpcs",|    "ec2:DescribeAvailabilityZones"|]|"Resource": "*"`},
		{"all services", func(s *Statement) { s.SetService("*"); s.AllResources = true }, `"Sid": "Statement1"|"Effect": "Allow"|"Action": "*"|"Resource": "*"`},
		{"all then one", func(s *Statement) { s.SetAll(true); s.SetAction("RunInstances", true) }, `"Sid": "Statement1"|"Effect": "Allow"|"Action": [|    "ec2:RunInstances"|]|"Resource": []`},
		{"arn", func(s *Statement) {
			s.SetAction("TerminateInstances", true)
			s.AddARN(BuildARN("arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}", func(f string) string {
				return map[string]string{"Region": "us-east-1"}[f]
			}))
		}, `"Sid": "Statement1"|"Effect": "Allow"|"Action": [|    "ec2:TerminateInstances"|]|"Resource": [|    "arn:aws:ec2:us-east-1:*:instance/*"|]`},
		{"mfa", func(s *Statement) { s.SetAll(true); s.AllResources = true; s.RequireMFA(true) },
			`"Sid": "Statement1"|"Effect": "Allow"|"Action": "ec2:*"|"Resource": "*"|"Condition": {|    "Bool": {|        "aws:MultiFactorAuthPresent": "true"|    }|}`},
		{"mfa off", func(s *Statement) { s.SetAll(true); s.AllResources = true; s.RequireMFA(true); s.RequireMFA(false) },
			`"Sid": "Statement1"|"Effect": "Allow"|"Action": "ec2:*"|"Resource": "*"`},
		{"source ip", func(s *Statement) {
			s.SetAll(true)
			s.AllResources = true
			require.Empty(t, s.SetSourceIP("203.0.113.0/24, 2001:db8::/32"))
			require.Equal(t, []string{"10.0.0.0/33", "x"}, s.SetSourceIP("10.0.0.0/33 x 10.1.0.0/16"))
		}, `"Sid": "Statement1"|"Effect": "Allow"|"Action": "ec2:*"|"Resource": "*"|"Condition": {|    "IpAddress": {|        "aws:SourceIp": [|            "203.0.113.0/24",|            "2001:db8::/32"|        ]|    }|}`},
		{"other condition", func(s *Statement) {
			s.SetService("*")
			s.AllResources = true
			s.SetCondition(Condition{Operator: "NotIpAddress", Key: SourceIPKey, Values: []string{"203.0.113.0/24"}})
			s.SetCondition(Condition{Operator: "StringEquals", Key: "aws:RequestedRegion", Values: []string{"us-east-1"}})
		}, `"Sid": "Statement1"|"Effect": "Allow"|"Action": "*"|"Resource": "*"|"Condition": {|    "NotIpAddress": {|        "aws:SourceIp": "203.0.113.0/24"|    },|    "StringEquals": {|        "aws:RequestedRegion": "us-east-1"|    }|}`},
		{"level", func(s *Statement) {
			s.SetLevel(ec2, catalog.Tagging, true)
			s.SetLevel(ec2, catalog.Tagging, false)
			s.SetAction("DescribeVpcs", true)
		},
			`"Sid": "Statement1"|"Effect": "Allow"|"Action": [|    "ec2:DescribeVpcs"|]|"Resource": []`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base()
			tt.do(&s)
			got := one(s)
			// Compare by meaning and by layout: the members are indented
			// as the console writes them.
			wantText := "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            " + fixCommas(tt.want) + "\n        }\n    ]\n}"
			require.Equal(t, wantText, got)
			_, probs := FromJSON(got)
			require.Empty(t, probs)
		})
	}
}

// fixCommas turns the "|"-joined lines of a statement into its text: a
// comma ends a line unless it opens a list or object or the next closes.
func fixCommas(s string) string {
	lines := strings.Split(s, "|")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\n            ")
		}
		b.WriteString(l)
		if i+1 < len(lines) && !strings.HasSuffix(l, "[") && !strings.HasSuffix(l, "{") && !strings.HasSuffix(l, ",") {
			next := strings.TrimSpace(lines[i+1])
			if !strings.HasPrefix(next, "]") && !strings.HasPrefix(next, "}") {
				b.WriteByte(',')
			}
		}
	}
	return b.String()
}

// TestLevels: "All Tagging actions" chooses exactly the level's actions.
func TestLevels(t *testing.T) {
	acts, err := actiondata.Load()
	require.NoError(t, err)
	iam, _ := acts.Service("iam")
	s := Statement{Effect: "Allow", Service: "iam"}
	s.SetLevel(iam, catalog.List, true)
	got, total := s.LevelState(iam, catalog.List)
	require.Equal(t, total, got)
	require.Equal(t, total, len(s.Actions))
	require.Contains(t, s.Actions, "iam:ListUsers")
	n, _ := s.LevelState(iam, catalog.Write)
	require.Zero(t, n)
}

func TestRoundTrip(t *testing.T) {
	docs := map[string]string{
		"new":      ToJSON(New()),
		"scenario": `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}}]}`,
		"object":   `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"]}}`,
		"conds": `{"Statement":[{"Sid":"A","Effect":"Allow","Action":["iam:GetUser","IAM:ListUsers"],"Resource":"*",
			"Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"},"ForAnyValue:StringLike":{"aws:TagKeys":["a*","b"]},"Null":{"aws:TokenIssueTime":"false"}}}]}`,
		"empty": `{"Version":"2012-10-17","Statement":[]}`,
	}
	n := 0
	for _, p := range catalog.ManagedPolicies() {
		if _, probs := FromJSON(p.Document); len(probs) == 0 {
			docs[p.Name] = p.Document
			n++
		}
	}
	require.Greater(t, n, 3, "representable managed policies")
	t.Logf("%d of %d managed policies are representable", n, len(catalog.ManagedPolicies()))
	for name, text := range docs {
		d, probs := FromJSON(text)
		require.Empty(t, probs, name)
		out := ToJSON(d)
		require.Equal(t, norm(t, text), norm(t, out), name)
		d2, probs := FromJSON(out)
		require.Empty(t, probs, name)
		require.Equal(t, out, ToJSON(d2), name)
		_, err := policy.Parse(out)
		require.NoError(t, err)
	}
}

func TestUnrepresentable(t *testing.T) {
	tests := []struct{ text, why string }{
		{`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}]}`, "NotAction (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::b"}]}`, "NotResource (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}`, "Principal (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"BinaryEquals":{"k":"AA=="}}}]}`, "condition operator BinaryEquals (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","ec2:DescribeVpcs"],"Resource":"*"}]}`, "actions of several services (s3, ec2) (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}`, "wildcard action s3:Get* (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":["s3:*","s3:GetObject"],"Resource":"*"}]}`, "s3:* with other actions (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":"s3","Resource":"*"}]}`, "action s3 (not service:action) (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["*","arn:aws:s3:::b"]}]}`, `Resource "*" in a list (statement 1)`},
		{`{"Id":"x","Statement":[]}`, "Id"},
		{`{"Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}`, "Effect other than Allow or Deny (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Resource":"*"}]}`, "no Action (statement 1)"},
		{`{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"k":[1]}}}]}`, "values of k that are not strings (statement 1)"},
		{`{"Statement":[`, "not valid JSON"},
	}
	for _, tt := range tests {
		_, probs := FromJSON(tt.text)
		require.NotEmpty(t, probs, tt.text)
		require.Contains(t, strings.Join(probs, "\n"), tt.why, tt.text)
	}
	// Scenario: the MFA guardrail's NotAction is named.
	_, probs := FromJSON(`{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"iam:GetUser","Resource":"*"},{"Effect":"Deny","NotAction":["iam:GetUser"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}`)
	require.Equal(t, []string{"NotAction (statement 2)"}, probs)
}

func TestARN(t *testing.T) {
	f := "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}"
	require.Equal(t, []string{"Account", "UserNameWithPath"}, ARNFields(f))
	require.Equal(t, "arn:aws:iam::*:user/alice", BuildARN(f, func(k string) string {
		return map[string]string{"UserNameWithPath": " alice "}[k]
	}))
	tests := []struct{ arn, svc, want string }{
		{"arn:aws:iam::123456789012:user/alice", "iam", ""},
		{"arn:aws:s3:::bucket/*", "s3", ""},
		{"arn:aws:s3:::bucket", "iam", "visual.arn.service"},
		{"", "s3", "visual.arn.empty"},
		{"arn:aws:s3", "s3", "visual.arn.form"},
		{"arn:xyz:s3:::b", "s3", "visual.arn.partition"},
		{"arn:aws:s3:::", "s3", "visual.arn.resource"},
		{"arn:aws:s3:::a b", "s3", "visual.arn.space"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, CheckARN(tt.arn, tt.svc), tt.arn)
	}
}

func TestOperators(t *testing.T) {
	require.Equal(t, []string{"Bool", "Null"}, Operators("Bool"))
	require.Contains(t, Operators("IPAddress"), "NotIpAddress")
	require.Contains(t, Operators("ArrayOfString"), "StringLike")
	for _, op := range []string{"StringEquals", "BoolIfExists", "ForAllValues:StringLike", "Null", "NotIpAddress"} {
		require.True(t, supported(op), op)
	}
	for _, op := range []string{"NullIfExists", "Foo:StringEquals", "BinaryEquals", "StringEqual"} {
		require.False(t, supported(op), op)
	}
}

func TestDocOps(t *testing.T) {
	d := New()
	d.Add()
	d.Statements[1].Effect = "Deny"
	d.Move(1, -1)
	require.Equal(t, "Deny", d.Statements[0].Effect)
	require.Equal(t, "Statement2", d.Statements[0].Sid)
	d.Move(0, -1)
	d.Remove(0)
	require.Len(t, d.Statements, 1)
	d.Add()
	require.Equal(t, "Statement2", d.Statements[1].Sid)
}

// FuzzFromJSON: any text either names problems or round-trips stably.
func FuzzFromJSON(f *testing.F) {
	f.Add(ToJSON(New()))
	f.Add(`{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}`)
	f.Add(`{"Statement":{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b\u0001/*"]}}`)
	f.Fuzz(func(t *testing.T, text string) {
		d, probs := FromJSON(text)
		if len(probs) > 0 {
			return
		}
		out := ToJSON(d)
		d2, probs := FromJSON(out)
		require.Empty(t, probs, out)
		require.Equal(t, out, ToJSON(d2))
	})
}
