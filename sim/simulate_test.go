package sim

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

// TestSimulatePrincipalScenario checks the simulator against every row of
// the scenario's decisions table (shared/reference/scenario/README.md),
// for Luna and, where the table's request does not depend on the user,
// for her group NetworkAdmin; and that it agrees with Authorize for a
// real session with the same context.
func TestSimulatePrincipalScenario(t *testing.T) {
	w, acct := scenario(t)
	luna, ok := w.IAMUser(DemoAccountID, "Luna")
	require.True(t, ok)
	group, ok := acct.IAM.Group("NetworkAdmin")
	require.True(t, ok)
	userARN := func(n string) string { return "arn:aws:iam::" + DemoAccountID + ":user/" + n }
	mfaARN := "arn:aws:iam::" + DemoAccountID + ":mfa/Luna"
	const campus, outside = "203.0.113.10", "198.51.100.7"
	yes := map[string]string{"aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "60"}
	no := map[string]string{"aws:MultiFactorAuthPresent": "false"}
	absent := map[string]string{"aws:MultiFactorAuthPresent": ""}
	with := func(base map[string]string, ip string) map[string]string {
		out := map[string]string{"aws:SourceIp": ip}
		for k, v := range base {
			out[k] = v
		}
		return out
	}
	tests := []struct {
		name, action, resource string
		ctx                    map[string]string
		want                   Decision
		sid                    string // the deciding statement, "" for none
		groupToo               bool   // the group decides the same way
	}{
		{"VPC console", "ec2:DescribeVpcs", "*", with(yes, campus), Allowed, "AmazonVPCFullAccess", true},
		{"IAM users page", "iam:ListUsers", "*", with(yes, campus), ImplicitlyDenied, "", true},
		{"S3 console", "s3:ListAllMyBuckets", "*", with(yes, campus), ImplicitlyDenied, "", true},
		{"VPC without MFA", "ec2:DescribeVpcs", "*", with(no, campus), ExplicitlyDenied, "DenyAllExceptListedIfNoMFA", true},
		{"VPC without the MFA key", "ec2:DescribeVpcs", "*", with(absent, campus), ExplicitlyDenied, "DenyAllExceptListedIfNoMFA", true},
		{"VPC from outside", "ec2:DescribeVpcs", "*", with(yes, outside), ExplicitlyDenied, "DenyOutsideAllowedNetwork", true},
		// The console's wizard also attached IAMUserChangePassword to Luna.
		{"own password without MFA", "iam:ChangePassword", userARN("Luna"), with(no, campus), Allowed, "IAMUserChangePassword", false},
		{"own MFA device without MFA", "iam:CreateVirtualMFADevice", mfaARN, with(no, campus), Allowed, "AllowManageOwnPasswordAndMFA", false},
		{"enable own MFA without MFA", "iam:EnableMFADevice", userARN("Luna"), with(no, campus), Allowed, "AllowManageOwnPasswordAndMFA", false},
		{"another user", "iam:GetUser", userARN("SuperUser"), with(yes, campus), ImplicitlyDenied, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sim := w.SimulatePrincipal(SimulationRequest{AccountID: DemoAccountID, Source: luna.ARN,
				Action: tc.action, Resource: tc.resource, Context: tc.ctx}, iamTestEnv(t0))
			r := sim.Result
			require.Equal(t, tc.want, r.Decision)
			require.NotEmpty(t, sim.Traces)
			if tc.sid == "" {
				require.Empty(t, r.Matched)
				require.Contains(t, r.Message, "because no identity-based policy allows the "+tc.action+" action")
			} else {
				require.NotEmpty(t, r.Matched)
				m := r.Matched[0]
				name := r.Policies[m.Policy].Name
				require.True(t, m.Sid == tc.sid || name == tc.sid, "deciding statement %+v of %s", m, name)
			}
			if tc.want == ExplicitlyDenied {
				require.Contains(t, r.Message, "with an explicit deny in an identity-based policy")
			}
			if tc.groupToo {
				g := w.SimulatePrincipal(SimulationRequest{AccountID: DemoAccountID, Source: group.ARN,
					Action: tc.action, Resource: tc.resource, Context: tc.ctx}, iamTestEnv(t0))
				require.Equal(t, tc.want, g.Result.Decision, "group NetworkAdmin")
				require.NotContains(t, g.Result.Context, "aws:username")
			}
			// A session with the same MFA and address decides the same.
			if tc.ctx["aws:MultiFactorAuthPresent"] != "" {
				w2 := w
				w2.SourceIP = tc.ctx["aws:SourceIp"]
				s := lunaSession(t, w2, tc.ctx["aws:MultiFactorAuthPresent"] == "true")
				require.Equal(t, tc.want, w2.Authorize(s, tc.action, tc.resource, iamTestEnv(t0)).Decision, "Authorize")
			}
		})
	}
}

// TestSimulatePrincipalExtraPolicy checks a pasted policy: it can allow
// what nothing allowed, cannot override an explicit deny, and a broken one
// counts for nothing and says why.
func TestSimulatePrincipalExtraPolicy(t *testing.T) {
	w, _ := scenario(t)
	luna, _ := w.IAMUser(DemoAccountID, "Luna")
	allowS3 := `{"Version":"2012-10-17","Statement":[{"Sid":"S3Read","Effect":"Allow","Action":"s3:List*","Resource":"*"}]}`
	ctx := map[string]string{"aws:MultiFactorAuthPresent": "true"}
	tests := []struct {
		name  string
		extra string
		ctx   map[string]string
		want  Decision
	}{
		{"pasted allow", allowS3, ctx, Allowed},
		{"deny still wins", allowS3, map[string]string{"aws:MultiFactorAuthPresent": "false"}, ExplicitlyDenied},
		{"broken policy", `{"Statement": [`, ctx, ImplicitlyDenied},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sim := w.SimulatePrincipal(SimulationRequest{AccountID: DemoAccountID, Source: luna.ARN,
				Action: "s3:ListAllMyBuckets", Resource: "*", Context: tc.ctx, Extra: []string{tc.extra}}, iamTestEnv(t0))
			require.Equal(t, tc.want, sim.Result.Decision)
			last := sim.Result.Policies[len(sim.Result.Policies)-1]
			require.Equal(t, PolicySimulated, last.Kind)
			require.Equal(t, tc.name == "broken policy", last.Error != "")
		})
	}
}

// TestSimulatePrincipalUnknown covers sources the account does not have.
func TestSimulatePrincipalUnknown(t *testing.T) {
	w, _ := scenario(t)
	for _, src := range []string{"arn:aws:iam::" + DemoAccountID + ":user/Nobody", "", "arn:aws:iam::" + DemoAccountID + ":group/None"} {
		sim := w.SimulatePrincipal(SimulationRequest{AccountID: DemoAccountID, Source: src, Action: "ec2:DescribeVpcs", Resource: "*"}, iamTestEnv(t0))
		require.Equal(t, ImplicitlyDenied, sim.Result.Decision, src)
		require.Equal(t, ReasonUnknownPrincipal, sim.Result.Reason)
	}
}

// TestSimulatePrincipalPolicyOp checks that a run is an event: allowed for
// root with its detail, refused for an unknown source, denied for Luna
// (no policy lets her simulate) and logged as the denied call.
func TestSimulatePrincipalPolicyOp(t *testing.T) {
	w, acct := scenario(t)
	luna, _ := w.IAMUser(DemoAccountID, "Luna")
	root := RootSession(acct, t0, false)
	op := SimulatePrincipalPolicy{Source: luna.ARN, Actions: []string{"ec2:DescribeVpcs", "s3:ListAllMyBuckets"}, ResourceARN: "*", Custom: true}
	w2, err := w.Do(root, op, iamTestEnv(t0))
	require.NoError(t, err)
	ev := w2.Events[len(w2.Events)-1]
	require.Equal(t, "iam:SimulatePrincipalPolicy", ev.Action)
	require.Equal(t, luna.ARN, ev.Resource)
	require.Equal(t, Allowed, ev.Decision)
	require.Equal(t, map[string]string{"actions": "ec2:DescribeVpcs,s3:ListAllMyBuckets", "resource": "*", "customPolicy": "true"}, ev.Detail)

	_, err = w.Do(root, SimulatePrincipalPolicy{Source: "arn:aws:iam::" + DemoAccountID + ":user/Nobody"}, iamTestEnv(t0))
	require.Equal(t, awserr.NoSuchEntity, awserr.Code(err))

	w3, err := w.Do(lunaSession(t, w, true), op, iamTestEnv(t0))
	require.Equal(t, awserr.AccessDenied, awserr.Code(err))
	ev = w3.Events[len(w3.Events)-1]
	require.Equal(t, ImplicitlyDenied, ev.Decision)
	require.Equal(t, "iam:SimulatePrincipalPolicy", ev.Action)
}
