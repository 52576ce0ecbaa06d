package sim

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/iam"
	"labsim/sim/mfa"
)

const doc1 = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`

// TestEveryIAMOperation runs every IAM operation as the root user in
// order, each one through the door: its action and resource are logged,
// failures leave the world as it was and are logged with their code.
func TestEveryIAMOperation(t *testing.T) {
	st := demo(t)
	env := iamTestEnv(t0)
	root := st.Session
	w := st.World
	const acctARN = "arn:aws:iam::123456789012:"
	var key iam.AccessKey
	var secret string
	var mfaSecret mfa.Secret
	policyARN := acctARN + "policy/P"
	steps := []struct {
		name     string
		op       func() Op
		action   string
		resource string
		code     string
	}{
		{"create user", func() Op {
			return CreateUser{Name: "Kim", Path: "/staff/", Tags: []iam.Tag{{Key: "team", Value: "net"}}}
		}, "iam:CreateUser", acctARN + "user/staff/Kim", ""},
		{"create user again", func() Op { return CreateUser{Name: "KIM"} }, "iam:CreateUser", acctARN + "user/KIM", awserr.EntityAlreadyExists},
		{"bad user name", func() Op { return CreateUser{Name: "K im"} }, "iam:CreateUser", acctARN + "user/K im", awserr.ValidationError},
		{"login profile weak", func() Op { return CreateLoginProfile{UserName: "Kim", Password: "weak"} }, "iam:CreateLoginProfile", acctARN + "user/staff/Kim", iam.PasswordPolicyViolation},
		{"login profile", func() Op { return CreateLoginProfile{UserName: "Kim", Password: "Labsim-Kim-2026!", MustChange: true} }, "iam:CreateLoginProfile", acctARN + "user/staff/Kim", ""},
		{"update login profile", func() Op { return UpdateLoginProfile{UserName: "Kim", Password: "Labsim-Kim-2027!"} }, "iam:UpdateLoginProfile", acctARN + "user/staff/Kim", ""},
		{"create group", func() Op { return CreateGroup{Name: "G"} }, "iam:CreateGroup", acctARN + "group/G", ""},
		{"add to group", func() Op { return AddUserToGroup{UserName: "Kim", GroupName: "G"} }, "iam:AddUserToGroup", acctARN + "group/G", ""},
		{"add to missing group", func() Op { return AddUserToGroup{UserName: "Kim", GroupName: "H"} }, "iam:AddUserToGroup", acctARN + "group/H", awserr.NoSuchEntity},
		{"create policy", func() Op { return CreatePolicy{Name: "P", Description: "d", Document: doc1} }, "iam:CreatePolicy", policyARN, ""},
		{"create malformed policy", func() Op { return CreatePolicy{Name: "Q", Document: `{"Version":"2012-10-17"}`} }, "iam:CreatePolicy", acctARN + "policy/Q", awserr.MalformedPolicyDocument},
		{"policy version", func() Op { return CreatePolicyVersion{PolicyARN: policyARN, Document: doc1} }, "iam:CreatePolicyVersion", policyARN, ""},
		{"set default", func() Op { return SetDefaultPolicyVersion{PolicyARN: policyARN, VersionID: "v2"} }, "iam:SetDefaultPolicyVersion", policyARN, ""},
		{"delete default version", func() Op { return DeletePolicyVersion{PolicyARN: policyARN, VersionID: "v2"} }, "iam:DeletePolicyVersion", policyARN, awserr.DeleteConflict},
		{"delete version", func() Op { return DeletePolicyVersion{PolicyARN: policyARN, VersionID: "v1"} }, "iam:DeletePolicyVersion", policyARN, ""},
		{"attach user", func() Op { return AttachUserPolicy{UserName: "Kim", PolicyARN: policyARN} }, "iam:AttachUserPolicy", acctARN + "user/staff/Kim", ""},
		{"attach group", func() Op { return AttachGroupPolicy{GroupName: "G", PolicyARN: IAMFullAccessARN} }, "iam:AttachGroupPolicy", acctARN + "group/G", ""},
		{"delete attached policy", func() Op { return DeletePolicy{PolicyARN: policyARN} }, "iam:DeletePolicy", policyARN, awserr.DeleteConflict},
		{"put user policy", func() Op { return PutUserPolicy{UserName: "Kim", PolicyName: "inline", Document: doc1} }, "iam:PutUserPolicy", acctARN + "user/staff/Kim", ""},
		{"put group policy", func() Op { return PutGroupPolicy{GroupName: "G", PolicyName: "inline", Document: doc1} }, "iam:PutGroupPolicy", acctARN + "group/G", ""},
		{"access key", func() Op { return CreateAccessKey{UserName: "Kim", Key: &key, Secret: &secret} }, "iam:CreateAccessKey", acctARN + "user/staff/Kim", ""},
		{"deactivate key", func() Op { return UpdateAccessKey{UserName: "Kim", KeyID: key.ID, Status: iam.KeyInactive} }, "iam:UpdateAccessKey", acctARN + "user/staff/Kim", ""},
		{"tag", func() Op { return TagUser{UserName: "Kim", Tags: []iam.Tag{{Key: "cost", Value: "lab"}}} }, "iam:TagUser", acctARN + "user/staff/Kim", ""},
		{"untag", func() Op { return UntagUser{UserName: "Kim", Keys: []string{"team"}} }, "iam:UntagUser", acctARN + "user/staff/Kim", ""},
		{"virtual MFA", func() Op { return CreateVirtualMFADevice{Name: "kim-phone", Secret: &mfaSecret} }, "iam:CreateVirtualMFADevice", acctARN + "mfa/kim-phone", ""},
		{"enable MFA", func() Op {
			return EnableMFADevice{UserName: "Kim", DeviceName: "kim-phone", Secret: mfaSecret,
				Code1: mfaCode(t, mfaSecret, t0, -1), Code2: mfaCode(t, mfaSecret, t0, 0)}
		}, "iam:EnableMFADevice", acctARN + "user/staff/Kim", ""},
		{"delete assigned device", func() Op { return DeleteVirtualMFADevice{Serial: acctARN + "mfa/kim-phone"} }, "iam:DeleteVirtualMFADevice", acctARN + "mfa/kim-phone", awserr.DeleteConflict},
		{"API delete user conflict", func() Op { return DeleteUser{Name: "Kim"} }, "iam:DeleteUser", acctARN + "user/staff/Kim", awserr.DeleteConflict},
		{"API delete group conflict", func() Op { return DeleteGroup{Name: "G"} }, "iam:DeleteGroup", acctARN + "group/G", awserr.DeleteConflict},
		{"deactivate MFA", func() Op { return DeactivateMFADevice{UserName: "Kim", Serial: acctARN + "mfa/kim-phone"} }, "iam:DeactivateMFADevice", acctARN + "user/staff/Kim", ""},
		{"delete device", func() Op { return DeleteVirtualMFADevice{Serial: acctARN + "mfa/kim-phone"} }, "iam:DeleteVirtualMFADevice", acctARN + "mfa/kim-phone", ""},
		{"delete key", func() Op { return DeleteAccessKey{UserName: "Kim", KeyID: key.ID} }, "iam:DeleteAccessKey", acctARN + "user/staff/Kim", ""},
		{"delete login profile", func() Op { return DeleteLoginProfile{UserName: "Kim"} }, "iam:DeleteLoginProfile", acctARN + "user/staff/Kim", ""},
		{"remove from group", func() Op { return RemoveUserFromGroup{UserName: "Kim", GroupName: "G"} }, "iam:RemoveUserFromGroup", acctARN + "group/G", ""},
		{"detach user", func() Op { return DetachUserPolicy{UserName: "Kim", PolicyARN: policyARN} }, "iam:DetachUserPolicy", acctARN + "user/staff/Kim", ""},
		{"detach group", func() Op { return DetachGroupPolicy{GroupName: "G", PolicyARN: IAMFullAccessARN} }, "iam:DetachGroupPolicy", acctARN + "group/G", ""},
		{"delete user policy", func() Op { return DeleteUserPolicy{UserName: "Kim", PolicyName: "inline"} }, "iam:DeleteUserPolicy", acctARN + "user/staff/Kim", ""},
		{"delete group policy", func() Op { return DeleteGroupPolicy{GroupName: "G", PolicyName: "inline"} }, "iam:DeleteGroupPolicy", acctARN + "group/G", ""},
		{"API delete user", func() Op { return DeleteUser{Name: "Kim"} }, "iam:DeleteUser", acctARN + "user/staff/Kim", ""},
		{"API delete group", func() Op { return DeleteGroup{Name: "G"} }, "iam:DeleteGroup", acctARN + "group/G", ""},
		{"API delete policy", func() Op { return DeletePolicy{PolicyARN: policyARN} }, "iam:DeletePolicy", policyARN, ""},
		{"alias", func() Op { return CreateAccountAlias{Alias: "my-lab"} }, "iam:CreateAccountAlias", "*", ""},
		{"alias replaced", func() Op { return CreateAccountAlias{Alias: "my-lab-2"} }, "iam:CreateAccountAlias", "*", ""},
		{"bad alias", func() Op { return CreateAccountAlias{Alias: "123456789012"} }, "iam:CreateAccountAlias", "*", awserr.ValidationError},
		{"delete other alias", func() Op { return DeleteAccountAlias{Alias: "my-lab"} }, "iam:DeleteAccountAlias", "*", awserr.NoSuchEntity},
		{"delete alias", func() Op { return DeleteAccountAlias{Alias: "my-lab-2"} }, "iam:DeleteAccountAlias", "*", ""},
		{"password policy", func() Op { return UpdateAccountPasswordPolicy{Policy: iam.PasswordPolicy{MinLength: 14}} }, "iam:UpdateAccountPasswordPolicy", "*", ""},
		{"bad password policy", func() Op { return UpdateAccountPasswordPolicy{Policy: iam.PasswordPolicy{MinLength: 200}} }, "iam:UpdateAccountPasswordPolicy", "*", awserr.ValidationError},
		{"delete password policy", func() Op { return DeleteAccountPasswordPolicy{} }, "iam:DeleteAccountPasswordPolicy", "*", ""},
		{"delete default password policy", func() Op { return DeleteAccountPasswordPolicy{} }, "iam:DeleteAccountPasswordPolicy", "*", awserr.NoSuchEntity},
	}
	for _, st := range steps {
		op := st.op()
		before := w
		next, err := w.Do(root, op, env)
		if st.code == "" {
			require.NoError(t, err, st.name)
		} else {
			requireCode(t, err, st.code)
			// Nothing but the event changed.
			b, _ := json.Marshal(before.Accounts)
			n, _ := json.Marshal(next.Accounts)
			require.JSONEq(t, string(b), string(n), st.name)
		}
		ev := next.Events[len(next.Events)-1]
		require.Equal(t, st.action, ev.Action, st.name)
		require.Equal(t, st.resource, ev.Resource, st.name)
		require.Equal(t, Allowed, ev.Decision, st.name)
		require.Equal(t, st.code, ev.ErrorCode, st.name)
		w = next
	}
	a := w.IAMAccount(DemoAccountID)
	require.Empty(t, a.Users)
	require.Empty(t, a.Groups)
	require.Empty(t, a.Policies)
	require.Equal(t, "", w.Accounts[DemoAccountID].Alias)
	// Secrets never reach the log.
	require.Len(t, secret, 40)
	data, err := json.Marshal(w.Events)
	require.NoError(t, err)
	for _, s := range []string{secret, mfaSecret.Base32(), "Labsim-Kim-2026!", "Labsim-Kim-2027!"} {
		require.NotContains(t, string(data), s)
	}
}

func TestConsoleCreateUserIsAllOrNothing(t *testing.T) {
	st := demo(t)
	env := iamTestEnv(t0)
	tests := []struct {
		name string
		op   ConsoleCreateUser
		code string
	}{
		{"missing group", ConsoleCreateUser{Name: "A", ConsoleAccess: true, Password: "Labsim-A-2026!", Groups: []string{"Nope"}}, awserr.NoSuchEntity},
		{"unknown policy", ConsoleCreateUser{Name: "A", PolicyARNs: []string{"arn:aws:iam::aws:policy/Nope"}}, awserr.NoSuchEntity},
		{"weak password", ConsoleCreateUser{Name: "A", ConsoleAccess: true, Password: "password"}, iam.PasswordPolicyViolation},
		{"eleven policies", ConsoleCreateUser{Name: "A", PolicyARNs: []string{"arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AmazonEC2FullAccess",
			"arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
			"arn:aws:iam::aws:policy/AmazonVPCFullAccess", "arn:aws:iam::aws:policy/AmazonVPCReadOnlyAccess", "arn:aws:iam::aws:policy/IAMFullAccess",
			"arn:aws:iam::aws:policy/IAMReadOnlyAccess", "arn:aws:iam::aws:policy/IAMUserChangePassword", "arn:aws:iam::aws:policy/PowerUserAccess"}}, awserr.LimitExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, err := st.World.Do(st.Session, tt.op, env)
			requireCode(t, err, tt.code)
			_, exists := next.IAMUser(DemoAccountID, "A")
			require.False(t, exists)
			require.Equal(t, tt.code, next.Events[len(next.Events)-1].ErrorCode)
		})
	}
	var generated string
	w, err := st.World.Do(st.Session, ConsoleCreateUser{Name: "A", ConsoleAccess: true, MustChange: true, Generated: &generated,
		Tags: []iam.Tag{{Key: "k", Value: "v"}}}, env)
	require.NoError(t, err)
	require.Empty(t, iam.PasswordPolicy{}.Check(generated, "", ""))
	require.True(t, w.IAMAccount(DemoAccountID).CheckPassword("A", generated))
	data, _ := json.Marshal(w)
	require.NotContains(t, string(data), generated, "the generated password is never saved")
}

func TestConsoleDeletesRemoveEverythingFirst(t *testing.T) {
	w, acct := scenario(t)
	env := iamTestEnv(t0)
	root := RootSession(acct, t0, false)
	w, err := w.Do(root, CreateAccessKey{UserName: "Luna"}, env)
	require.NoError(t, err)
	w, err = w.Do(root, PutUserPolicy{UserName: "Luna", PolicyName: "p", Document: doc1}, env)
	require.NoError(t, err)
	_, err = w.Do(root, DeleteUser{Name: "Luna"}, env)
	requireCode(t, err, awserr.DeleteConflict)
	_, err = w.Do(root, DeleteGroup{Name: "NetworkAdmin"}, env)
	requireCode(t, err, awserr.DeleteConflict)
	_, err = w.Do(root, DeletePolicy{PolicyARN: GuardrailsPolicyARN(DemoAccountID)}, env)
	requireCode(t, err, awserr.DeleteConflict)
	w, err = w.Do(root, ConsoleDeletePolicy{PolicyARN: GuardrailsPolicyARN(DemoAccountID)}, env)
	require.NoError(t, err)
	require.Equal(t, []string{AmazonVPCFullAccessARN}, w.AttachedPolicyARNs(DemoAccountID, "group", "NetworkAdmin"))
	w, err = w.Do(root, ConsoleDeleteUser{Name: "Luna"}, env)
	require.NoError(t, err)
	_, exists := w.IAMUser(DemoAccountID, "Luna")
	require.False(t, exists)
	require.Empty(t, w.GroupMembers(DemoAccountID, "NetworkAdmin"))
	w, err = w.Do(root, ConsoleDeleteGroup{Name: "NetworkAdmin"}, env)
	require.NoError(t, err)
	_, exists = w.IAMGroup(DemoAccountID, "NetworkAdmin")
	require.False(t, exists)
	// A user who may delete users but not remove their keys is refused
	// before anything changes.
	w, err = w.Do(root, ConsoleCreateGroup{Name: "Ops", Users: []string{"SuperUser"}, PolicyARNs: []string{AmazonVPCFullAccessARN}}, env)
	require.NoError(t, err)
	require.Equal(t, []string{"SuperUser"}, w.GroupMembers(DemoAccountID, "Ops"))
	w, err = w.Do(root, CreateUser{Name: "Deleter"}, env)
	require.NoError(t, err)
	w, err = w.Do(root, PutUserPolicy{UserName: "Deleter", PolicyName: "p", Document: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:DeleteUser","iam:DetachUserPolicy","iam:DeleteLoginProfile"],"Resource":"*"}]}`}, env)
	require.NoError(t, err)
	d, _ := w.IAMUser(DemoAccountID, "Deleter")
	next, err := w.Do(UserSession(acct, d, t0, false), ConsoleDeleteUser{Name: "SuperUser"}, env)
	requireCode(t, err, awserr.AccessDenied)
	require.True(t, strings.Contains(AccessDeniedMessage(err), "iam:RemoveUserFromGroup on resource: arn:aws:iam::123456789012:group/Ops"), AccessDeniedMessage(err))
	_, exists = next.IAMUser(DemoAccountID, "SuperUser")
	require.True(t, exists)
}

func TestAliasIsUniqueAcrossAccounts(t *testing.T) {
	st := demo(t)
	env := iamTestEnv(t0)
	w, err := st.World.Do(st.Session, CreateAccountAlias{Alias: "my-lab"}, env)
	require.NoError(t, err)
	other := st.World.Accounts[DemoAccountID]
	other.ID, other.Email, other.Alias = "210987654321", "other@example.com", ""
	w.Accounts[other.ID] = other
	_, err = w.Do(RootSession(other, t0, false), CreateAccountAlias{Alias: "my-lab"}, env)
	requireCode(t, err, awserr.EntityAlreadyExists)
	require.Equal(t, "The account alias my-lab already exists.", iam.APIMessage(err))
	w, err = w.Do(st.Session, CreateAccountAlias{Alias: "my-lab"}, env)
	require.NoError(t, err, "setting the same alias again is allowed")
}

func TestDelegationDonePreparedWorld(t *testing.T) {
	env := testEnv()
	st, err := Prepared("delegation-done", env)
	require.NoError(t, err)
	require.False(t, st.Session.SignedIn())
	w := st.World
	require.Equal(t, DefaultSourceIP, w.SourceIP)
	a := w.IAMAccount(DemoAccountID)
	require.True(t, a.CheckPassword(SuperUserName, SuperUserPassword))
	require.True(t, a.CheckPassword(LunaName, LunaPassword))
	for _, name := range []string{SuperUserName, LunaName} {
		u, ok := a.User(name)
		require.True(t, ok)
		require.False(t, u.Login.MustChange, name)
		require.Empty(t, u.MFA, name)
		require.Equal(t, 1000, u.Login.Password.Iterations, "prepared worlds hash at the demo's low cost")
	}
	require.Equal(t, []string{IAMFullAccessARN}, w.AttachedPolicyARNs(DemoAccountID, "user", SuperUserName))
	require.Equal(t, []string{AmazonVPCFullAccessARN, GuardrailsPolicyARN(DemoAccountID)}, w.AttachedPolicyARNs(DemoAccountID, "group", NetworkAdminGroup))
	require.Equal(t, []string{LunaName}, w.GroupMembers(DemoAccountID, NetworkAdminGroup))
	p, ok := w.CustomerPolicy(DemoAccountID, GuardrailsPolicyName)
	require.True(t, ok)
	require.Equal(t, GuardrailsPolicy, p.Default().Document)
	require.Len(t, w.Events, 4)
	for _, ev := range w.Events {
		require.Equal(t, Allowed, ev.Decision)
		require.Empty(t, ev.ErrorCode)
	}
	u, _ := a.User(LunaName)
	luna := UserSession(w.Accounts[DemoAccountID], u, env.Now, false)
	require.Equal(t, ExplicitlyDenied, w.Authorize(luna, "iam:ListUsers", "*", env).Decision)
	luna.MFAAt = env.Now
	require.Equal(t, ImplicitlyDenied, w.Authorize(luna, "iam:ListUsers", "*", env).Decision)
	require.Equal(t, Allowed, w.Authorize(luna, "ec2:DescribeVpcs", "*", env).Decision)
	// It survives a save: the world marshals and unmarshals unchanged.
	data, err := json.Marshal(w)
	require.NoError(t, err)
	var back World
	require.NoError(t, json.Unmarshal(data, &back))
	require.Equal(t, w.Accounts, back.Accounts)
}

func TestSignInUser(t *testing.T) {
	st, err := Prepared("delegation-done", testEnv())
	require.NoError(t, err)
	w := st.World
	env := iamTestEnv(t0)
	w, err = w.Do(Session{}, CreateAccountAlias{Alias: "x"}, env)
	requireCode(t, err, awserr.AccessDenied)
	tests := []struct {
		name string
		op   SignInUser
		code string
	}{
		{"wrong password", SignInUser{Account: DemoAccountID, UserName: LunaName, Password: "nope"}, account.CodeAuthenticationFailed},
		{"wrong user", SignInUser{Account: DemoAccountID, UserName: "Nobody", Password: LunaPassword}, account.CodeAuthenticationFailed},
		{"user name case", SignInUser{Account: DemoAccountID, UserName: "luna", Password: LunaPassword}, account.CodeAuthenticationFailed},
		{"wrong account", SignInUser{Account: "999999999999", UserName: LunaName, Password: LunaPassword}, account.CodeAuthenticationFailed},
		{"by ID", SignInUser{Account: DemoAccountID, UserName: LunaName, Password: LunaPassword}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, err := w.Do(Session{}, tt.op, env)
			ev := next.Events[len(next.Events)-1]
			require.Equal(t, ConsoleLoginAction, ev.Action)
			if tt.code != "" {
				requireCode(t, err, tt.code)
				return
			}
			require.NoError(t, err)
			u, _ := next.IAMUser(DemoAccountID, LunaName)
			require.Equal(t, t0, u.LastSignIn)
			require.Equal(t, u.ARN, ev.Resource)
		})
	}
	// By alias, then with an MFA device.
	root := RootSession(w.Accounts[DemoAccountID], t0, false)
	w, err = w.Do(root, CreateAccountAlias{Alias: "my-lab"}, env)
	require.NoError(t, err)
	_, err = w.Do(Session{}, SignInUser{Account: "my-lab", UserName: LunaName, Password: LunaPassword}, env)
	require.NoError(t, err)
	var secret mfa.Secret
	w, err = w.Do(root, CreateVirtualMFADevice{Name: "luna-phone", Secret: &secret}, env)
	require.NoError(t, err)
	w, err = w.Do(root, EnableMFADevice{UserName: LunaName, DeviceName: "luna-phone", Secret: secret,
		Code1: mfaCode(t, secret, t0, -1), Code2: mfaCode(t, secret, t0, 0)}, env)
	require.NoError(t, err)
	later := iamTestEnv(t0.Add(time.Minute))
	_, err = w.Do(Session{}, SignInUser{Account: "my-lab", UserName: LunaName, Password: LunaPassword}, later)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	code := mfaCode(t, secret, later.Now, 0)
	w, err = w.Do(Session{}, SignInUser{Account: "my-lab", UserName: LunaName, Password: LunaPassword, MFACode: code}, later)
	require.NoError(t, err)
	_, err = w.Do(Session{}, SignInUser{Account: "my-lab", UserName: LunaName, Password: LunaPassword, MFACode: code}, later)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	data, _ := json.Marshal(w.Events)
	require.NotContains(t, string(data), LunaPassword)
}

func TestPasswordChangeRequired(t *testing.T) {
	w, acct := scenario(t)
	env := iamTestEnv(t0)
	require.True(t, w.PasswordChangeRequired(DemoAccountID, "Luna", t0))
	require.False(t, w.PasswordChangeRequired(DemoAccountID, "Nobody", t0))
	w, err := w.Do(lunaSession(t, w, false), ChangePassword{OldPassword: LunaPassword, NewPassword: "Labsim-Luna-2027!"}, env)
	require.NoError(t, err)
	require.False(t, w.PasswordChangeRequired(DemoAccountID, "Luna", t0))
	w, err = w.Do(RootSession(acct, t0, false), UpdateAccountPasswordPolicy{Policy: iam.PasswordPolicy{MinLength: 8, MaxAgeDays: 30}}, env)
	require.NoError(t, err)
	require.False(t, w.PasswordChangeRequired(DemoAccountID, "Luna", t0.Add(29*24*time.Hour)))
	require.True(t, w.PasswordChangeRequired(DemoAccountID, "Luna", t0.Add(30*24*time.Hour)))
}

func TestReadIsAuthorisedAndLoggedAndChangesNothing(t *testing.T) {
	w, _ := scenario(t)
	env := iamTestEnv(t0)
	luna := lunaSession(t, w, true)
	userPage := Read{ActionName: "iam:GetUser", ResourceARN: "arn:aws:iam::123456789012:user/Luna",
		Also: []Step{{Action: "iam:ListAttachedUserPolicies", Resource: "arn:aws:iam::123456789012:user/Luna"}}}
	next, err := w.Do(luna, userPage, env)
	requireCode(t, err, awserr.AccessDenied)
	require.Equal(t, "User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:ListAttachedUserPolicies on resource: arn:aws:iam::123456789012:user/Luna because no identity-based policy allows the iam:ListAttachedUserPolicies action", AccessDeniedMessage(err))
	require.Len(t, next.Events, len(w.Events)+1)
	require.Equal(t, w.Accounts, next.Accounts)
	next, err = w.Do(luna, Read{ActionName: "iam:GetUser", ResourceARN: "arn:aws:iam::123456789012:user/Luna"}, env)
	require.NoError(t, err)
	ev := next.Events[len(next.Events)-1]
	require.Equal(t, "iam:GetUser", ev.Action)
	require.Equal(t, Allowed, ev.Decision)
	root := RootSession(w.Accounts[DemoAccountID], t0, false)
	_, err = w.Do(root, userPage, env)
	require.NoError(t, err)
}

func TestResyncMFADeviceOfAUser(t *testing.T) {
	st, err := Prepared("delegation-done", Env{Now: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC), Rand: rand.New(rand.NewPCG(1, 2)), Entropy: rand.NewChaCha8([32]byte{3})})
	require.NoError(t, err)
	w := st.World
	a := w.Accounts[DemoAccountID]
	u, _ := a.IAM.User(LunaName)
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	s := UserSession(a, u, now, false)
	env := Env{Now: now, Entropy: rand.NewChaCha8([32]byte{4})}
	var secret mfa.Secret
	w, err = w.Do(s, CreateVirtualMFADevice{Name: LunaName, Secret: &secret}, env)
	require.NoError(t, err)
	code := func(at time.Time, k int64) string {
		c, err := mfa.CodeAt(secret, mfa.Step(at)+k)
		require.NoError(t, err)
		return c
	}
	w, err = w.Do(s, EnableMFADevice{UserName: LunaName, DeviceName: LunaName, Secret: secret, Code1: code(now, -1), Code2: code(now, 0)}, env)
	require.NoError(t, err)
	serial := mfa.SerialNumber(DemoAccountID, LunaName)
	later := now.Add(10 * time.Minute)
	env.Now = later
	// Without MFA the guardrails allow resync of her own device.
	_, err = w.Do(s, ResyncMFADevice{UserName: LunaName, Serial: serial, Code1: "000000", Code2: "000000"}, env)
	require.Error(t, err)
	w, err = w.Do(s, ResyncMFADevice{UserName: LunaName, Serial: serial, Code1: code(later, -1), Code2: code(later, 0)}, env)
	require.NoError(t, err)
	_, err = w.Do(s, ResyncMFADevice{UserName: LunaName, Serial: "arn:aws:iam::123456789012:mfa/nope", Code1: code(later, 1), Code2: code(later, 2)}, env)
	require.Equal(t, awserr.NoSuchEntity, awserr.Code(err))
}

func TestConsoleCreateAccessKeyTagsItsDescription(t *testing.T) {
	w, acct := scenario(t)
	env := iamTestEnv(t0)
	root := RootSession(acct, t0, false)
	tests := []struct {
		name, desc, code string
		keys             int
	}{
		{"description with a refused character", "laptop; CLI", awserr.ValidationError, 0},
		{"description too long", strings.Repeat("d", iam.MaxTagValueLen+1), awserr.ValidationError, 0},
		{"no description", "", "", 1},
		{"described", "Luna laptop: AWS CLI v2 @ home", "", 2},
		{"third key", "", awserr.LimitExceeded, 2},
	}
	for _, tt := range tests {
		var key iam.AccessKey
		var secret string
		next, err := w.Do(root, ConsoleCreateAccessKey{UserName: "Luna", Description: tt.desc, Key: &key, Secret: &secret}, env)
		ev := next.Events[len(next.Events)-1]
		require.Equal(t, "iam:CreateAccessKey", ev.Action, tt.name)
		u, _ := next.IAMUser(DemoAccountID, "Luna")
		require.Len(t, u.AccessKeys, tt.keys, tt.name)
		if tt.code != "" {
			requireCode(t, err, tt.code)
			require.Equal(t, tt.code, ev.ErrorCode, tt.name)
			require.Empty(t, secret, tt.name)
			require.Equal(t, len(w.Events)+1, len(next.Events), "a failure is logged and changes nothing else")
			continue
		}
		require.NoError(t, err, tt.name)
		require.Len(t, secret, 40)
		require.Equal(t, key.ID, ev.Detail["accessKeyId"])
		data, _ := json.Marshal(next)
		require.NotContains(t, string(data), secret, "the secret is neither saved nor logged")
		tag := ""
		for _, tg := range u.Tags {
			if tg.Key == key.ID {
				tag = tg.Value
			}
		}
		require.Equal(t, tt.desc, tag, tt.name)
		w = next
	}

	// The console's Delete removes the key and its description tag.
	u, _ := w.IAMUser(DemoAccountID, "Luna")
	described := u.AccessKeys[1].ID
	tags := len(u.Tags)
	next, err := w.Do(root, ConsoleDeleteAccessKey{UserName: "Luna", KeyID: described}, env)
	require.NoError(t, err)
	u, _ = next.IAMUser(DemoAccountID, "Luna")
	require.Len(t, u.AccessKeys, 1)
	require.Len(t, u.Tags, tags-1)
	_, err = next.Do(root, ConsoleDeleteAccessKey{UserName: "Luna", KeyID: described}, env)
	requireCode(t, err, awserr.NoSuchEntity)
	next, err = next.Do(root, ConsoleDeleteAccessKey{UserName: "Luna", KeyID: u.AccessKeys[0].ID}, env)
	require.NoError(t, err)
	u, _ = next.IAMUser(DemoAccountID, "Luna")
	require.Empty(t, u.AccessKeys)

	// A user allowed to create keys but not to tag users may create one
	// without a description only: with one, nothing changes.
	w, err = w.Do(root, PutUserPolicy{UserName: "SuperUser", PolicyName: "keys", Document: `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:TagUser","Resource":"*"}]}`}, env)
	require.NoError(t, err)
	w, err = w.Do(root, ConsoleDeleteUser{Name: "Luna"}, env)
	require.NoError(t, err)
	su, _ := w.IAMUser(DemoAccountID, "SuperUser")
	super := UserSession(acct, su, t0, false)
	next, err = w.Do(super, ConsoleCreateAccessKey{UserName: "SuperUser", Description: "ci"}, env)
	requireCode(t, err, awserr.AccessDenied)
	require.Contains(t, AccessDeniedMessage(err), "iam:TagUser")
	u, _ = next.IAMUser(DemoAccountID, "SuperUser")
	require.Empty(t, u.AccessKeys)
	_, err = w.Do(super, ConsoleCreateAccessKey{UserName: "SuperUser"}, env)
	require.NoError(t, err)
}
