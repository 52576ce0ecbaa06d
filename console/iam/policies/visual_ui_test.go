package policies_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/iam/policies/visual"
	ct "labsim/internal/consoletest"
)

func input(m console.Model, field, value string) console.Model {
	return ct.Send(m, console.Input{Now: ct.T0, Field: field, Value: value})
}

// TestVisualEditor builds the policy with the form's controls and
// reads the JSON the editor then holds; the JSON tab and back keep it.
func TestVisualEditor(t *testing.T) {
	m := demo(t, "#/iam/policies/create")
	m = ct.Press(t, m, "tab", "Visual")
	ct.Find(t, m, "searchbox", "Select a service")
	m = input(m, "policies.v.svcq.0", "vpc")
	m = ct.Press(t, m, "button", "Amazon EC2 (ec2)")
	m = input(m, "policies.v.actq.0", "DescribeVpcs")
	m = ct.Press(t, m, "checkbox", "DescribeVpcs")
	m = input(m, "policies.v.actq.0", "describesubnets")
	m = ct.Press(t, m, "checkbox", "DescribeSubnets")
	m = input(m, "policies.v.actq.0", "DescribeAvailabilityZones")
	m = ct.Press(t, m, "checkbox", "DescribeAvailabilityZones")
	m = ct.Press(t, m, "radio", "All")
	m = ct.Press(t, m, "checkbox", "Require MFA")
	want := `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Statement1",
            "Effect": "Allow",
            "Action": [
                "ec2:DescribeVpcs",
                "ec2:DescribeSubnets",
                "ec2:DescribeAvailabilityZones"
            ],
            "Resource": "*",
            "Condition": {
                "Bool": {
                    "aws:MultiFactorAuthPresent": "true"
                }
            }
        }
    ]
}`
	require.Equal(t, want, m.Field("policies.doc"))
	m = ct.Press(t, m, "tab", "JSON")
	ct.Find(t, m, "textbox", "Policy editor (JSON)")
	m = ct.Press(t, m, "tab", "Visual")
	m = ct.Press(t, m, "button", "Add more permissions")
	m = ct.Click(m, "policies.v.effect", "1:Deny")
	m = ct.Click(m, "policies.v.svc", "1:*")
	m = ct.Click(m, "policies.v.res", "1:all")
	m = input(m, "policies.v.ck.1", "aws:SourceIp")
	m = input(m, "policies.v.co.1", "NotIpAddress")
	m = input(m, "policies.v.cv.1", "203.0.113.0/24")
	m = ct.Click(m, "policies.v.cond", "1")
	d, probs := visual.FromJSON(m.Field("policies.doc"))
	require.Empty(t, probs)
	require.Equal(t, visual.Statement{Sid: "Statement2", Effect: "Deny", Service: "*", All: true, AllResources: true,
		Conditions: []visual.Condition{{Operator: "NotIpAddress", Key: "aws:SourceIp", Values: []string{"203.0.113.0/24"}}}}, d.Statements[1])
	// Reorder and remove.
	m = ct.Click(m, "policies.v.up", "1")
	d, _ = visual.FromJSON(m.Field("policies.doc"))
	require.Equal(t, "Deny", d.Statements[0].Effect)
	m = ct.Click(m, "policies.v.del", "0")
	d, _ = visual.FromJSON(m.Field("policies.doc"))
	require.Len(t, d.Statements, 1)
	ct.CheckPseudo(t, ct.Pseudo(m))

	// A bad condition value is named, nothing typed is lost.
	m = input(m, "policies.v.ck.0", "aws:SourceIp")
	m = input(m, "policies.v.co.0", "IpAddress")
	m = input(m, "policies.v.cv.0", "10.0.0.0/33")
	m = ct.Click(m, "policies.v.cond", "0")
	require.True(t, ct.Shows(m, "A value is not an IP address or CIDR block."))
	require.Equal(t, "10.0.0.0/33", m.Field("policies.v.cv.0"))
}

// TestVisualRefusesUnrepresentable: NotAction keeps the student on JSON
// with a note naming it.
func TestVisualRefusesUnrepresentable(t *testing.T) {
	m := demo(t, "#/iam/policies/create")
	m = typeDoc(m, guardrails(t))
	m = ct.Press(t, m, "tab", "Visual")
	ct.Find(t, m, "textbox", "Policy editor (JSON)")
	require.True(t, ct.Shows(m, "NotAction (statement 3)"))
	m = ct.Click(m, "lang", "ko")
	require.True(t, ct.Shows(m, "NotAction (문 3)"))
	require.True(t, strings.Contains(m.Field("policies.doc"), "NotAction"))
}

// TestVisualResourcesAndSourceIP: the ARN builder with an "Any" part, a
// whole ARN checked as typed, a bad CIDR named and a good list set.
func TestVisualResourcesAndSourceIP(t *testing.T) {
	m := demo(t, "#/iam/policies/create")
	m = ct.Press(t, m, "tab", "Visual")
	m = input(m, "policies.v.svcq.0", "iam")
	m = ct.Click(m, "policies.v.svc", "0:iam")
	m = ct.Click(m, "policies.v.act", "0:GetUser")
	m = ct.Click(m, "policies.v.act", "0:GetUser")
	require.Contains(t, m.Field("policies.doc"), `"Action": []`)
	ct.Find(t, m, "heading", "Statement 1: AWS Identity and Access Management (IAM)")
	m = ct.Click(m, "policies.v.act", "0:GetUser")
	m = ct.Press(t, m, "radio", "Specific")
	m = input(m, "policies.v.rt.0", "user")
	ct.Find(t, m, "textbox", "UserNameWithPath")
	m = input(m, "policies.v.arnp.0.UserNameWithPath", "alice")
	m = ct.Press(t, m, "button", "Add ARN")
	m = input(m, "policies.v.arn.0", "arn:aws:s3:::bucket")
	require.True(t, ct.Shows(m, "This ARN is of another service than the statement's."))
	m = ct.Press(t, m, "button", "Add this ARN")
	m = input(m, "policies.v.arn.0", "arn:aws:iam::123456789012:group/dev")
	m = ct.Press(t, m, "button", "Add this ARN")
	m = input(m, "policies.v.ip.0", "203.0.113.0/24, 10.0.0.300")
	require.True(t, ct.Shows(m, "Not an IP address or CIDR block: 10.0.0.300"))
	m = ct.Press(t, m, "button", "Set source IP")
	m = input(m, "policies.v.ip.0", "203.0.113.0/24, 2001:db8::/32")
	m = ct.Press(t, m, "button", "Set source IP")
	d, probs := visual.FromJSON(m.Field("policies.doc"))
	require.Empty(t, probs)
	require.Equal(t, []string{"arn:aws:iam::*:user/alice", "arn:aws:iam::123456789012:group/dev"}, d.Statements[0].ARNs)
	require.Equal(t, []visual.Condition{{Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"203.0.113.0/24", "2001:db8::/32"}}}, d.Statements[0].Conditions)
	require.Equal(t, []string{"iam:GetUser"}, d.Statements[0].Actions)
	// An access level group: all Tagging actions, then none.
	m = ct.Click(m, "policies.v.level", "0:T")
	d, _ = visual.FromJSON(m.Field("policies.doc"))
	require.Contains(t, d.Statements[0].Actions, "iam:TagUser")
	m = ct.Click(m, "policies.v.level", "0:T")
	d, _ = visual.FromJSON(m.Field("policies.doc"))
	require.Equal(t, []string{"iam:GetUser"}, d.Statements[0].Actions)
	ct.CheckPseudo(t, ct.Pseudo(m))
}

// TestVisualOnEditAndInline: Edit opens a representable policy in the
// form, a change reaches the saved version; an inline policy has the tab.
func TestVisualOnEditAndInline(t *testing.T) {
	m := demo(t, "#/iam/policies/create")
	m = typeDoc(m, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`)
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
	m, _ = ct.SubmitAt(m, ct.T0, "policies.create", map[string]string{"policies.name": "Buckets"})
	m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: "#/iam/policies/customer/Buckets/edit"})
	m = ct.Press(t, m, "tab", "Visual")
	ct.Find(t, m, "heading", "Statement 1: Amazon S3")
	m = ct.Press(t, m, "checkbox", "Require MFA")
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
	m, _ = ct.SubmitAt(m, ct.T0, "policies.save", nil)
	p, ok := m.World.CustomerPolicy("123456789012", "Buckets")
	require.True(t, ok)
	require.Contains(t, p.Default().Document, `"aws:MultiFactorAuthPresent": "true"`)
	require.Contains(t, p.Default().Document, `"s3:ListAllMyBuckets"`)

	m = withUser(t, m, "Luna")
	m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: "#/iam/inline/user/Luna"})
	m = ct.Press(t, m, "tab", "Visual")
	ct.Find(t, m, "searchbox", "Select a service")
}

// TestVisualSizeWarning: "All List actions" of EC2 names 224 actions, more
// than a managed policy holds; the counter warns.
func TestVisualSizeWarning(t *testing.T) {
	m := demo(t, "#/iam/policies/create")
	m = ct.Press(t, m, "tab", "Visual")
	m = ct.Click(m, "policies.v.svc", "0:ec2")
	require.False(t, ct.Shows(m, "The policy is close to the 6,144-character limit."))
	m = ct.Press(t, m, "checkbox", "All List actions")
	require.True(t, ct.Shows(m, "The policy is close to the 6,144-character limit."))
	require.Contains(t, m.Field("policies.doc"), `"ec2:DescribeVpcs"`)
}
