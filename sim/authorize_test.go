package sim

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
	"labsim/sim/iam"
	"labsim/sim/mfa"
)

// iamTestEnv is an environment with entropy and a low password cost.
func iamTestEnv(now time.Time) Env {
	g := rand.NewChaCha8([32]byte{3})
	return Env{Now: now, Rand: rand.New(g), Entropy: g, PasswordCost: 10}
}

// scenario builds the textbook's delegation through the door, as the
// scenario README says: root creates SuperUser (IAMFullAccess, must change
// the password), SuperUser creates NetworkAdminGuardrails, the group
// NetworkAdmin (AmazonVPCFullAccess + NetworkAdminGuardrails) and Luna in
// it.
func scenario(t *testing.T) (World, Account) {
	t.Helper()
	st := demo(t)
	env := iamTestEnv(t0)
	w, err := st.World.Do(st.Session, ConsoleCreateUser{Name: "SuperUser", ConsoleAccess: true,
		Password: SuperUserPassword, MustChange: true, PolicyARNs: []string{IAMFullAccessARN}}, env)
	require.NoError(t, err)
	acct := w.Accounts[DemoAccountID]
	su, ok := w.IAMUser(DemoAccountID, "superuser")
	require.True(t, ok)
	require.Equal(t, []string{ChangePasswordPolicyARN, IAMFullAccessARN}, w.AttachedPolicyARNs(DemoAccountID, "user", "SuperUser"),
		"the wizard attaches IAMUserChangePassword when the default password policy is in force")
	super := UserSession(acct, su, t0, false)
	w, err = w.Do(super, CreatePolicy{Name: GuardrailsPolicyName, Document: GuardrailsPolicy}, env)
	require.NoError(t, err)
	w, err = w.Do(super, CreateGroup{Name: "NetworkAdmin"}, env)
	require.NoError(t, err)
	for _, arn := range []string{AmazonVPCFullAccessARN, GuardrailsPolicyARN(DemoAccountID)} {
		w, err = w.Do(super, AttachGroupPolicy{GroupName: "NetworkAdmin", PolicyARN: arn}, env)
		require.NoError(t, err)
	}
	w, err = w.Do(super, ConsoleCreateUser{Name: "Luna", ConsoleAccess: true, Password: LunaPassword,
		MustChange: true, Groups: []string{"NetworkAdmin"}}, env)
	require.NoError(t, err)
	w.SourceIP = DefaultSourceIP
	return w, w.Accounts[DemoAccountID]
}

func lunaSession(t *testing.T, w World, mfaUsed bool) Session {
	t.Helper()
	u, ok := w.IAMUser(DemoAccountID, "Luna")
	require.True(t, ok)
	return UserSession(w.Accounts[DemoAccountID], u, t0.Add(-5*time.Minute), mfaUsed)
}

func TestScenarioDecisions(t *testing.T) {
	w, _ := scenario(t)
	const user = "arn:aws:iam::123456789012:user/"
	tests := []struct {
		name     string
		action   string
		resource string
		mfa      bool
		ip       string
		want     Decision
		reason   string
	}{
		{"VPC console", "ec2:DescribeVpcs", "*", true, "203.0.113.10", Allowed, ReasonAllow},
		{"IAM users page", "iam:ListUsers", "*", true, "203.0.113.10", ImplicitlyDenied, ReasonNoAllow},
		{"S3 console", "s3:ListAllMyBuckets", "*", true, "203.0.113.10", ImplicitlyDenied, ReasonNoAllow},
		{"VPC without MFA", "ec2:DescribeVpcs", "*", false, "203.0.113.10", ExplicitlyDenied, ReasonExplicitDeny},
		{"VPC outside campus", "ec2:DescribeVpcs", "*", true, "198.51.100.7", ExplicitlyDenied, ReasonExplicitDeny},
		{"own password without MFA", "iam:ChangePassword", user + "Luna", false, "203.0.113.10", Allowed, ReasonAllow},
		{"create own MFA device", "iam:CreateVirtualMFADevice", "arn:aws:iam::123456789012:mfa/Luna", false, "203.0.113.10", Allowed, ReasonAllow},
		{"enable own MFA device", "iam:EnableMFADevice", user + "Luna", false, "203.0.113.10", Allowed, ReasonAllow},
		{"another user", "iam:GetUser", user + "SuperUser", true, "203.0.113.10", ImplicitlyDenied, ReasonNoAllow},
		{"own user with MFA", "iam:GetUser", user + "Luna", true, "203.0.113.10", Allowed, ReasonAllow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := w
			w.SourceIP = tt.ip
			s := lunaSession(t, w, tt.mfa)
			r := w.Authorize(s, tt.action, tt.resource, iamTestEnv(t0))
			require.Equal(t, tt.want, r.Decision)
			require.Equal(t, tt.reason, r.Reason)
			require.Equal(t, []string{tt.ip}, r.Context["aws:SourceIp"])
			require.Len(t, r.Policies, 3, "IAMUserChangePassword directly, then the group's two")
			if tt.want == Allowed {
				require.Empty(t, r.Message)
				require.NotEmpty(t, r.Matched)
			} else {
				require.NotEmpty(t, r.Message)
			}
		})
	}
}

func TestAuthorizeExplainsWhichPoliciesDecided(t *testing.T) {
	w, _ := scenario(t)
	r := w.Authorize(lunaSession(t, w, false), "ec2:DescribeVpcs", "*", iamTestEnv(t0))
	require.Equal(t, ExplicitlyDenied, r.Decision)
	require.Equal(t, []AppliedPolicy{
		{Kind: PolicyAWSManaged, Name: "IAMUserChangePassword", ARN: ChangePasswordPolicyARN},
		{Kind: PolicyAWSManaged, Name: "AmazonVPCFullAccess", ARN: AmazonVPCFullAccessARN, Via: "NetworkAdmin"},
		{Kind: PolicyCustomerManaged, Name: GuardrailsPolicyName, ARN: GuardrailsPolicyARN(DemoAccountID), VersionID: "v1", Via: "NetworkAdmin"},
	}, stripDocs(r.Policies))
	require.Len(t, r.Matched, 1)
	require.Equal(t, 2, r.Matched[0].Policy)
	require.Equal(t, "DenyAllExceptListedIfNoMFA", r.Matched[0].Sid)
	require.Equal(t, "User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: ec2:DescribeVpcs with an explicit deny in an identity-based policy", r.Message)
	r = w.Authorize(lunaSession(t, w, true), "iam:ListUsers", "*", iamTestEnv(t0))
	require.Equal(t, "User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:ListUsers because no identity-based policy allows the iam:ListUsers action", r.Message)
}

func stripDocs(ps []AppliedPolicy) []AppliedPolicy {
	out := make([]AppliedPolicy, len(ps))
	for i, p := range ps {
		require.NotEmpty(nil, p.Document)
		p.Document = ""
		if p.Kind == PolicyAWSManaged {
			p.VersionID = ""
		}
		out[i] = p
	}
	return out
}

func TestRequestContext(t *testing.T) {
	w, acct := scenario(t)
	u, _ := w.IAMUser(DemoAccountID, "Luna")
	now := t0.Add(time.Hour)
	env := iamTestEnv(now)
	env.Region = "ap-northeast-2"
	withMFA := UserSession(acct, u, t0, true)
	ctx := w.RequestContext(withMFA, "ec2:DescribeVpcs", env)
	require.Equal(t, map[string][]string{
		"aws:username": {"Luna"}, "aws:userid": {u.ID}, "aws:PrincipalArn": {u.ARN},
		"aws:PrincipalType": {"User"}, "aws:PrincipalAccount": {DemoAccountID},
		"aws:MultiFactorAuthPresent": {"true"}, "aws:MultiFactorAuthAge": {"3600"},
		"aws:CurrentTime": {"2026-11-28T10:00:00Z"}, "aws:EpochTime": {"1795860000"},
		"aws:SourceIp": {DefaultSourceIP}, "aws:SecureTransport": {"true"}, "aws:ViaAWSService": {"false"},
		"aws:RequestedRegion": {"ap-northeast-2"},
	}, ctx)
	ctx = w.RequestContext(UserSession(acct, u, t0, false), "iam:ListUsers", env)
	require.Equal(t, []string{"false"}, ctx["aws:MultiFactorAuthPresent"])
	require.NotContains(t, ctx, "aws:MultiFactorAuthAge")
	require.Equal(t, []string{"us-east-1"}, ctx["aws:RequestedRegion"], "IAM is a global service")
	root := RootSession(acct, t0, false)
	require.Nil(t, w.RequestContext(root, "iam:ListUsers", env))
	w.SourceIP = ""
	ctx = w.RequestContext(withMFA, "iam:ListUsers", iamTestEnv(now))
	require.Equal(t, []string{DefaultSourceIP}, ctx["aws:SourceIp"])
	require.Equal(t, []string{"us-east-1"}, ctx["aws:RequestedRegion"])
}

func TestAuthorizeOtherPrincipals(t *testing.T) {
	w, acct := scenario(t)
	env := iamTestEnv(t0)
	root := RootSession(acct, t0, false)
	r := w.Authorize(root, "iam:ListUsers", "*", env)
	require.Equal(t, Allowed, r.Decision)
	require.Equal(t, ReasonRoot, r.Reason)
	require.Equal(t, ReasonOtherAccount, w.Authorize(root, "iam:GetUser", "arn:aws:iam::999999999999:user/x", env).Reason)
	require.Equal(t, ReasonNotSignedIn, w.Authorize(Session{}, "iam:ListUsers", "*", env).Reason)
	ghost := Session{AccountID: DemoAccountID, Principal: "arn:aws:iam::123456789012:user/Ghost", UserName: "Ghost"}
	require.Equal(t, ReasonUnknownPrincipal, w.Authorize(ghost, "iam:ListUsers", "*", env).Reason)
	// SuperUser (IAMFullAccess) in another account is not allowed either.
	su, _ := w.IAMUser(DemoAccountID, "SuperUser")
	s := UserSession(acct, su, t0, false)
	require.Equal(t, Allowed, w.Authorize(s, "iam:ListUsers", "*", env).Decision)
	require.Equal(t, ReasonOtherAccount, w.Authorize(s, "iam:GetUser", "arn:aws:iam::999999999999:user/x", env).Reason)
}

func TestSimulate(t *testing.T) {
	w, _ := scenario(t)
	env := iamTestEnv(t0)
	luna := "arn:aws:iam::123456789012:user/Luna"
	tests := []struct {
		name   string
		ctx    map[string]string
		action string
		want   Decision
	}{
		{"console without MFA", nil, "ec2:DescribeVpcs", ExplicitlyDenied},
		{"with MFA", map[string]string{"aws:MultiFactorAuthPresent": "true"}, "ec2:DescribeVpcs", Allowed},
		{"key absent", map[string]string{"aws:MultiFactorAuthPresent": ""}, "ec2:DescribeVpcs", ExplicitlyDenied},
		{"outside campus", map[string]string{"aws:MultiFactorAuthPresent": "true", "aws:sourceip": "198.51.100.7"}, "ec2:DescribeVpcs", ExplicitlyDenied},
		{"IAM", map[string]string{"aws:MultiFactorAuthPresent": "true"}, "iam:ListUsers", ImplicitlyDenied},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := w.Simulate(DemoAccountID, luna, tt.action, "*", tt.ctx, env)
			require.Equal(t, tt.want, r.Decision)
		})
	}
	r := w.Simulate(DemoAccountID, "arn:aws:iam::123456789012:root", "iam:ListUsers", "*", nil, env)
	require.Equal(t, ReasonRoot, r.Reason)
	r = w.Simulate(DemoAccountID, "arn:aws:iam::123456789012:user/Nobody", "iam:ListUsers", "*", nil, env)
	require.Equal(t, ReasonUnknownPrincipal, r.Reason)
}

func TestDoorDeniesWithAWSMessage(t *testing.T) {
	w, _ := scenario(t)
	env := iamTestEnv(t0)
	tests := []struct {
		name string
		mfa  bool
		want string
	}{
		{"explicit without MFA", false, "User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/Eve with an explicit deny in an identity-based policy"},
		{"implicit with MFA", true, "User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/Eve because no identity-based policy allows the iam:CreateUser action"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, err := w.Do(lunaSession(t, w, tt.mfa), CreateUser{Name: "Eve"}, env)
			requireCode(t, err, awserr.AccessDenied)
			require.Equal(t, tt.want, AccessDeniedMessage(err))
			e, _ := awserr.As(err)
			require.Equal(t, "identity-based", e.Param("policyType"))
			_, exists := next.IAMUser(DemoAccountID, "Eve")
			require.False(t, exists)
			ev := next.Events[len(next.Events)-1]
			require.Equal(t, awserr.AccessDenied, ev.ErrorCode)
			require.Equal(t, "arn:aws:iam::123456789012:user/Luna", ev.Principal)
		})
	}
}

func TestCompoundOperationDeniedStepChangesNothing(t *testing.T) {
	w, acct := scenario(t)
	env := iamTestEnv(t0)
	root := RootSession(acct, t0, false)
	// A helper who may create users but not add them to groups.
	w, err := w.Do(root, CreateUser{Name: "Helper"}, env)
	require.NoError(t, err)
	w, err = w.Do(root, PutUserPolicy{UserName: "Helper", PolicyName: "create-only", Document: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:CreateUser","iam:CreateLoginProfile"],"Resource":"*"}]}`}, env)
	require.NoError(t, err)
	h, _ := w.IAMUser(DemoAccountID, "Helper")
	s := UserSession(acct, h, t0, false)
	next, err := w.Do(s, ConsoleCreateUser{Name: "Sol", ConsoleAccess: true, Password: "Labsim-Sol-2026!", Groups: []string{"NetworkAdmin"}}, env)
	requireCode(t, err, awserr.AccessDenied)
	require.Equal(t, "User: arn:aws:iam::123456789012:user/Helper is not authorized to perform: iam:AddUserToGroup on resource: arn:aws:iam::123456789012:group/NetworkAdmin because no identity-based policy allows the iam:AddUserToGroup action", AccessDeniedMessage(err))
	_, exists := next.IAMUser(DemoAccountID, "Sol")
	require.False(t, exists)
	ev := next.Events[len(next.Events)-1]
	require.Equal(t, "iam:AddUserToGroup", ev.Action)
	require.Equal(t, ImplicitlyDenied, ev.Decision)
	// Without the group the same wizard is allowed.
	next, err = w.Do(s, ConsoleCreateUser{Name: "Sol", ConsoleAccess: true, Password: "Labsim-Sol-2026!"}, env)
	require.NoError(t, err)
	_, exists = next.IAMUser(DemoAccountID, "Sol")
	require.True(t, exists)
}

func TestLunaManagesOwnPasswordAndMFAWithoutMFA(t *testing.T) {
	w, _ := scenario(t)
	env := iamTestEnv(t0)
	s := lunaSession(t, w, false)
	w, err := w.Do(s, ChangePassword{OldPassword: LunaPassword, NewPassword: "Labsim-Luna-2027!"}, env)
	require.NoError(t, err)
	u, _ := w.IAMUser(DemoAccountID, "Luna")
	require.False(t, u.Login.MustChange)
	var secret mfa.Secret
	w, err = w.Do(s, CreateVirtualMFADevice{Name: "Luna", Secret: &secret}, env)
	require.NoError(t, err)
	w, err = w.Do(s, EnableMFADevice{UserName: "Luna", DeviceName: "Luna", Secret: secret,
		Code1: mfaCode(t, secret, t0, -1), Code2: mfaCode(t, secret, t0, 0)}, env)
	require.NoError(t, err)
	u, _ = w.IAMUser(DemoAccountID, "Luna")
	require.Len(t, u.MFA, 1)
	noSecretInLog(t, w, secret)
	data, err := json.Marshal(w.Events)
	require.NoError(t, err)
	for _, pw := range []string{LunaPassword, "Labsim-Luna-2027!", SuperUserPassword} {
		require.NotContains(t, string(data), pw)
	}
	// The same device name is taken now.
	_, err = w.Do(s, CreateVirtualMFADevice{Name: "Luna", Secret: &secret}, env)
	requireCode(t, err, awserr.EntityAlreadyExists)
	// Deleting someone else's user is still denied with MFA.
	_, err = w.Do(UserSession(w.Accounts[DemoAccountID], u, t0, true), ConsoleDeleteUser{Name: "SuperUser"}, env)
	requireCode(t, err, awserr.AccessDenied)
}

func TestPasswordPolicyAllowsChangingOwnPassword(t *testing.T) {
	st := demo(t)
	env := iamTestEnv(t0)
	w, err := st.World.Do(st.Session, ConsoleCreateUser{Name: "Kim", ConsoleAccess: true, Password: "Labsim-Kim-2026!"}, env)
	require.NoError(t, err)
	acct := w.Accounts[DemoAccountID]
	u, _ := w.IAMUser(DemoAccountID, "Kim")
	s := UserSession(acct, u, t0, false)
	_, err = w.Do(s, ChangePassword{OldPassword: "Labsim-Kim-2026!", NewPassword: "Labsim-Kim-2027!"}, env)
	requireCode(t, err, awserr.AccessDenied)
	w, err = w.Do(st.Session, UpdateAccountPasswordPolicy{Policy: iam.PasswordPolicy{MinLength: 12, AllowUsersToChange: true}}, env)
	require.NoError(t, err)
	r := w.Authorize(s, "iam:ChangePassword", u.ARN, env)
	require.Equal(t, ReasonPasswordPolicy, r.Reason)
	_, err = w.Do(s, ChangePassword{OldPassword: "Labsim-Kim-2026!", NewPassword: "short-Pw1!"}, env)
	requireCode(t, err, iam.PasswordPolicyViolation)
	w, err = w.Do(s, ChangePassword{OldPassword: "Labsim-Kim-2026!", NewPassword: "Labsim-Kim-2027!"}, env)
	require.NoError(t, err)
	// The policy does not let Kim change anyone else's password.
	require.Equal(t, ImplicitlyDenied, w.Authorize(s, "iam:ChangePassword", "arn:aws:iam::123456789012:user/Other", env).Decision)
	// The root user has no IAM password to change.
	_, err = w.Do(st.Session, ChangePassword{OldPassword: "a", NewPassword: "b"}, env)
	requireCode(t, err, iam.InvalidUserType)
}

func TestLabIAM(t *testing.T) {
	st, err := Prepared("delegation-done", testEnv())
	require.NoError(t, err)
	l := LabIAM{World: st.World, Env: testEnv()}
	exists, console, must := l.User(DemoAccountID, "luna")
	require.Equal(t, [3]bool{true, true, false}, [3]bool{exists, console, must})
	exists, _, _ = l.User(DemoAccountID, "Nobody")
	require.False(t, exists)
	require.True(t, l.Group(DemoAccountID, "networkadmin"))
	require.True(t, l.InGroup(DemoAccountID, "Luna", "NETWORKADMIN"))
	require.False(t, l.InGroup(DemoAccountID, "SuperUser", "NetworkAdmin"))
	require.True(t, l.Attached(DemoAccountID, "group", "NetworkAdmin", "AmazonVPCFullAccess"))
	require.True(t, l.Attached(DemoAccountID, "group", "NetworkAdmin", GuardrailsPolicyName))
	require.True(t, l.Attached(DemoAccountID, "group", "NetworkAdmin", GuardrailsPolicyARN(DemoAccountID)))
	require.True(t, l.Attached(DemoAccountID, "user", "SuperUser", IAMFullAccessARN))
	require.False(t, l.Attached(DemoAccountID, "user", "Luna", "AmazonVPCFullAccess"), "through a group is not attached")
	require.True(t, l.CustomerPolicy(DemoAccountID, "networkadminguardrails"))
	require.Equal(t, "ExplicitlyDenied", l.PolicyDecision(DemoAccountID, GuardrailsPolicyName, "ec2:DescribeVpcs", "*", map[string]string{"aws:SourceIp": "203.0.113.10"}))
	require.Equal(t, "ImplicitlyDenied", l.PolicyDecision(DemoAccountID, GuardrailsPolicyName, "ec2:DescribeVpcs", "*",
		map[string]string{"aws:SourceIp": "203.0.113.10", "aws:MultiFactorAuthPresent": "true"}))
	require.Equal(t, "", l.PolicyDecision(DemoAccountID, "Nope", "ec2:DescribeVpcs", "*", nil))
	require.Equal(t, "Allowed", l.Decide(DemoAccountID, "Luna", "ec2:DescribeVpcs", "*", map[string]string{"aws:MultiFactorAuthPresent": "true"}))
	require.Equal(t, "ExplicitlyDenied", l.Decide(DemoAccountID, "Luna", "ec2:DescribeVpcs", "*", nil))
	require.Equal(t, "", l.Decide(DemoAccountID, "Nobody", "ec2:DescribeVpcs", "*", nil))
}

func TestExplainNamesTheFailingCondition(t *testing.T) {
	w, _ := scenario(t)
	env := iamTestEnv(t0)
	r := w.Authorize(lunaSession(t, w, true), "ec2:DescribeVpcs", "*", env)
	require.Equal(t, Allowed, r.Decision)
	w.SourceIP = "198.51.100.7"
	r = w.Authorize(lunaSession(t, w, true), "ec2:DescribeVpcs", "*", env)
	require.Equal(t, ExplicitlyDenied, r.Decision)
	traces := w.Explain(r)
	var applied []string
	for _, tr := range traces {
		if tr.Applies {
			applied = append(applied, r.Policies[tr.Policy].Name+"/"+tr.Sid)
		}
		if tr.Sid == "DenyOutsideAllowedNetwork" {
			require.Len(t, tr.Conditions, 1)
			c := tr.Conditions[0]
			require.Equal(t, "aws:SourceIp", c.Key)
			require.Equal(t, []string{"198.51.100.7"}, c.RequestValues)
			require.True(t, c.Met)
		}
	}
	require.Contains(t, applied, GuardrailsPolicyName+"/DenyOutsideAllowedNetwork")
	require.Nil(t, w.Explain(w.Authorize(RootSession(w.Accounts[DemoAccountID], t0, false), "iam:ListUsers", "*", env)))
	// Simulate's results are explained the same way.
	sr := w.Simulate(DemoAccountID, "arn:aws:iam::123456789012:user/Luna", "iam:ListUsers", "*", nil, env)
	require.NotEmpty(t, w.Explain(sr))
}
