package core_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/policy"
)

// TestWhySaysWhyEachStatementAppliedOrNot builds the Why? of one request
// against a policy whose statements each fail differently, and checks each
// line's verdict, the condition values and the deciding statement.
func TestWhySaysWhyEachStatementAppliedOrNot(t *testing.T) {
	doc := `{"Version":"2012-10-17","Statement":[
		{"Sid":"OtherAction","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
		{"Sid":"Excluded","Effect":"Deny","NotAction":"ec2:DescribeVpcs","Resource":"*"},
		{"Sid":"OtherResource","Effect":"Allow","Action":"ec2:*","Resource":"arn:aws:ec2:*:*:vpc/vpc-1"},
		{"Sid":"NotHere","Effect":"Allow","Action":"ec2:*","NotResource":"*"},
		{"Sid":"NeedsMFA","Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},
		{"Effect":"Deny","Action":"ec2:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}`
	c, err := policy.CompileText(doc)
	require.NoError(t, err)
	ctx := map[string][]string{"aws:MultiFactorAuthPresent": {"false"}, "aws:SourceIp": {"198.51.100.7"}}
	res, traces := policy.Explain([]*policy.Compiled{c}, policy.Request{Action: "ec2:DescribeVpcs", Resource: "*", Context: ctx})
	require.Equal(t, policy.ExplicitlyDenied, res.Decision)
	r := sim.AuthResult{Decision: sim.ExplicitlyDenied, Principal: "arn:aws:iam::123456789012:user/Luna", Action: "ec2:DescribeVpcs",
		Resource: "*", Context: ctx, Matched: res.Matched, Reason: sim.ReasonExplicitDeny,
		Policies: []sim.AppliedPolicy{{Kind: sim.PolicyInline, Name: "Test", Via: "NetworkAdmin", Document: doc}}}

	for _, lang := range []i18n.Lang{i18n.EN, i18n.KO} {
		c := i18n.For(lang)
		closed := core.Why(c, r, traces, false, "vpc.why")
		btn, ok := ui.Find(closed, "button", c.T("why.summary"))
		require.True(t, ok)
		require.Equal(t, "false", attr(btn, "aria-expanded"))
		require.False(t, ui.ContainsText(closed, "OtherAction"), "folded")

		v := core.Why(c, r, traces, true, "vpc.why")
		items := lines(v)
		require.Len(t, items, 6)
		want := []string{"why.stmt.action", "why.stmt.notAction", "why.stmt.resource", "why.stmt.notResource", "why.stmt.condition", "why.stmt.applies"}
		for i, key := range want {
			require.Contains(t, items[i].TextContent(), c.T(key), "statement %d in %s", i+1, lang)
		}
		require.Contains(t, items[5].TextContent(), "#6", "a statement without Sid is numbered")
		require.Contains(t, items[5].TextContent(), c.T("why.decided"))
		require.NotContains(t, items[4].TextContent(), c.T("why.decided"))
		require.Contains(t, items[4].TextContent(), "Bool aws:MultiFactorAuthPresent true")
		require.Contains(t, items[4].TextContent(), c.T("why.requestValue", "value", "false"))
		require.Contains(t, items[5].TextContent(), "NotIpAddress aws:SourceIp 203.0.113.0/24")
		require.Contains(t, items[5].TextContent(), c.T("why.cond.met"))
		require.True(t, ui.ContainsText(v, c.T("why.rule.explicitDeny")))
		require.True(t, ui.ContainsText(v, c.T("why.via", "group", "NetworkAdmin")))
		require.True(t, ui.ContainsText(v, "198.51.100.7"))
		// Without a toggle (the simulator) it is always shown.
		_, hasButton := ui.Find(core.Why(c, r, traces, false, ""), "button", c.T("why.summary"))
		require.False(t, hasButton)
	}
}

func attr(n ui.Node, k string) string {
	v, _ := n.Attr(k)
	return v
}

// lines lists the statement lines of a Why?.
func lines(n ui.Node) []ui.Node {
	var out []ui.Node
	for _, k := range n.Kids {
		if k.Tag == "li" {
			if cls, _ := k.Attr("class"); len(cls) >= 8 && cls[:8] == "why-stmt" {
				out = append(out, k)
				continue
			}
		}
		out = append(out, lines(k)...)
	}
	return out
}
