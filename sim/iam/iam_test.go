package iam

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

const acct = "123456789012"

func testEnv() Env {
	g := rand.NewChaCha8([32]byte{7})
	return Env{AccountID: acct, AccountName: "labsim-demo", Email: "student@example.com",
		Now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Rand: rand.New(g), Entropy: g, PasswordCost: 10}
}

func requireErr(t *testing.T, err error, code string, kv ...string) {
	t.Helper()
	require.Error(t, err)
	e, ok := awserr.As(err)
	require.True(t, ok, "%v", err)
	require.Equal(t, code, e.Code, "%v", err)
	for i := 0; i+1 < len(kv); i += 2 {
		require.Equal(t, kv[i+1], e.Param(kv[i]), "param %s of %v", kv[i], err)
	}
}

func TestNames(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name       string
		check      func(string) error
		in         string
		constraint string // "" = valid
	}{
		{"user ok", ValidateUserName, "Luna", ""},
		{"user all chars", ValidateUserName, "a+b=c,d.e@f_g-h9", ""},
		{"user 64", ValidateUserName, long(64), ""},
		{"user 65", ValidateUserName, long(65), "length"},
		{"user empty", ValidateUserName, "", "length"},
		{"user space", ValidateUserName, "Lu na", "pattern"},
		{"user slash", ValidateUserName, "a/b", "pattern"},
		{"user korean", ValidateUserName, "루나", "pattern"},
		{"group 128", ValidateGroupName, long(128), ""},
		{"group 129", ValidateGroupName, long(129), "length"},
		{"group star", ValidateGroupName, "Net*", "pattern"},
		{"policy 128", ValidatePolicyName, long(128), ""},
		{"policy 129", ValidatePolicyName, long(129), "length"},
		{"policy colon", ValidatePolicyName, "a:b", "pattern"},
		{"path root", ValidatePath, "/", ""},
		{"path nested", ValidatePath, "/division_abc/subdivision_xyz/", ""},
		{"path no leading", ValidatePath, "dev/", "pattern"},
		{"path no trailing", ValidatePath, "/dev", "pattern"},
		{"path star", ValidatePath, "/d*/", "pattern"},
		{"path space", ValidatePath, "/a b/", "pattern"},
		{"path double slash", ValidatePath, "/a//", "pattern"},
		{"path 513", ValidatePath, "/" + long(511) + "/", "length"},
		{"path 512", ValidatePath, "/" + long(510) + "/", ""},
		{"description 1000", ValidateDescription, long(1000), ""},
		{"description 1001", ValidateDescription, long(1001), "length"},
		{"alias ok", ValidateAlias, "my-lab-2026", ""},
		{"alias 3", ValidateAlias, "abc", ""},
		{"alias 2", ValidateAlias, "ab", "length"},
		{"alias 63", ValidateAlias, long(63), ""},
		{"alias 64", ValidateAlias, long(64), "length"},
		{"alias upper", ValidateAlias, "MyLab", "pattern"},
		{"alias leading hyphen", ValidateAlias, "-lab", "pattern"},
		{"alias trailing hyphen", ValidateAlias, "lab-", "pattern"},
		{"alias double hyphen", ValidateAlias, "my--lab", "pattern"},
		{"alias underscore", ValidateAlias, "my_lab", "pattern"},
		{"alias 12 digits", ValidateAlias, "123456789012", "accountId"},
		{"alias 11 digits", ValidateAlias, "12345678901", ""},
		{"alias 13 digits", ValidateAlias, "1234567890123", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.check(tt.in)
			if tt.constraint == "" {
				require.NoError(t, err)
				return
			}
			requireErr(t, err, awserr.ValidationError, "constraint", tt.constraint)
		})
	}
}

func TestUsersUniqueIgnoringCaseAndIDs(t *testing.T) {
	e := testEnv()
	var a Account
	u, err := a.CreateUser(e, "Luna", "", nil)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:iam::123456789012:user/Luna", u.ARN)
	require.Equal(t, "/", u.Path)
	require.Len(t, u.ID, 21)
	require.True(t, strings.HasPrefix(u.ID, "AIDA"))
	_, err = a.CreateUser(e, "LUNA", "", nil)
	requireErr(t, err, awserr.EntityAlreadyExists, "kind", KindUser, "name", "LUNA")
	require.Equal(t, "User with name LUNA already exists.", APIMessage(err))
	u2, err := a.CreateUser(e, "Sol", "/staff/", nil)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:iam::123456789012:user/staff/Sol", u2.ARN)
	require.NotEqual(t, u.ID, u2.ID)
	got, ok := a.User("luna")
	require.True(t, ok)
	require.Equal(t, "Luna", got.Name)
	g, err := a.CreateGroup(e, "NetworkAdmin", "")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(g.ID, "AGPA"))
	require.Equal(t, "arn:aws:iam::123456789012:group/NetworkAdmin", g.ARN)
	_, err = a.CreateGroup(e, "networkadmin", "")
	requireErr(t, err, awserr.EntityAlreadyExists, "kind", KindGroup)
}

func TestQuotas(t *testing.T) {
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "u", "", nil)
	require.NoError(t, err)
	// 10 groups per user.
	for i := range 11 {
		_, err := a.CreateGroup(e, "g"+itoa(i), "")
		require.NoError(t, err)
	}
	for i := range 10 {
		require.NoError(t, a.AddUserToGroup("u", "g"+itoa(i)))
	}
	require.NoError(t, a.AddUserToGroup("u", "g0"), "adding again changes nothing")
	err = a.AddUserToGroup("u", "g10")
	requireErr(t, err, awserr.LimitExceeded, "quota", "GroupsPerUser", "limit", "10")
	require.Equal(t, "Cannot exceed quota for GroupsPerUser: 10", APIMessage(err))
	// 10 managed policies per user and per group.
	arns := managedARNs(t, 11)
	for _, arn := range arns[:10] {
		require.NoError(t, a.AttachUserPolicy("u", arn))
		require.NoError(t, a.AttachGroupPolicy("g0", arn))
	}
	requireErr(t, a.AttachUserPolicy("u", arns[10]), awserr.LimitExceeded, "quota", "PoliciesPerUser")
	requireErr(t, a.AttachGroupPolicy("g0", arns[10]), awserr.LimitExceeded, "quota", "PoliciesPerGroup")
	// 2 access keys per user.
	for range 2 {
		_, _, err := a.CreateAccessKey(e, "u")
		require.NoError(t, err)
	}
	_, _, err = a.CreateAccessKey(e, "u")
	requireErr(t, err, awserr.LimitExceeded, "quota", "AccessKeysPerUser", "limit", "2")
}

// managedARNs returns n attachable policy ARNs: the catalog's AWS managed
// policies topped up with customer managed ones is not needed; the
// catalog has 18.
func managedARNs(t *testing.T, n int) []string {
	t.Helper()
	names := []string{"AdministratorAccess", "AmazonEC2FullAccess", "AmazonEC2ReadOnlyAccess", "AmazonS3FullAccess",
		"AmazonS3ReadOnlyAccess", "AmazonVPCFullAccess", "AmazonVPCReadOnlyAccess", "IAMFullAccess",
		"IAMReadOnlyAccess", "IAMUserChangePassword", "PowerUserAccess", "ReadOnlyAccess"}
	var arns []string
	for _, n := range names[:n] {
		arns = append(arns, "arn:aws:iam::aws:policy/"+n)
	}
	return arns
}

func TestAttachUnknownPolicy(t *testing.T) {
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "u", "", nil)
	require.NoError(t, err)
	for _, arn := range []string{"arn:aws:iam::aws:policy/NoSuchPolicy", "arn:aws:iam::123456789012:policy/Mine", "IAMFullAccess"} {
		err := a.AttachUserPolicy("u", arn)
		requireErr(t, err, awserr.NoSuchEntity, "kind", KindAttachment, "name", arn)
	}
	requireErr(t, a.DetachUserPolicy("u", "arn:aws:iam::aws:policy/IAMFullAccess"), awserr.NoSuchEntity)
	requireErr(t, a.AttachUserPolicy("nobody", "arn:aws:iam::aws:policy/IAMFullAccess"), awserr.NoSuchEntity, "kind", KindUser)
}

const smallDoc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`

// docOfSize returns a valid policy of exactly n non-white-space characters
// (n ≥ 120), padded with white space that does not count.
func docOfSize(t *testing.T, n int) string {
	t.Helper()
	head := `{"Version":"2012-10-17","Statement":[{"Sid":"`
	tail := `","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`
	pad := n - len(head) - len(tail)
	require.Positive(t, pad)
	doc := head + strings.Repeat("A", pad) + tail
	doc = strings.ReplaceAll(doc, ",", ",\n    ")
	size := 0
	for _, r := range doc {
		if !unicode.IsSpace(r) {
			size++
		}
	}
	require.Equal(t, n, size)
	return doc
}

func TestInlineSizes(t *testing.T) {
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "Luna", "", nil)
	require.NoError(t, err)
	_, err = a.CreateGroup(e, "G", "")
	require.NoError(t, err)
	tests := []struct {
		name   string
		put    func(policy, doc string) error
		sizes  []int
		quota  string
		failAt int // index of the put that fails; -1 none
	}{
		{"user exactly 2048 in two", func(p, d string) error { return a.PutUserPolicy("Luna", p, d) }, []int{1024, 1024}, "", -1},
		{"user 2049 aggregate", func(p, d string) error { return a.PutUserPolicy("Luna", p, d) }, []int{1024, 1025}, "UserPolicySize", 1},
		{"user one too big", func(p, d string) error { return a.PutUserPolicy("Luna", p, d) }, []int{2049}, "UserPolicySize", 0},
		{"group 5120 in three", func(p, d string) error { return a.PutGroupPolicy("G", p, d) }, []int{2000, 2000, 1120}, "", -1},
		{"group 5121", func(p, d string) error { return a.PutGroupPolicy("G", p, d) }, []int{5000, 200}, "GroupPolicySize", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.Users[0].Inline, a.Groups[0].Inline = nil, nil
			for i, n := range tt.sizes {
				err := tt.put("p"+itoa(i), docOfSize(t, n))
				if i == tt.failAt {
					requireErr(t, err, awserr.LimitExceeded, "quota", tt.quota)
					return
				}
				require.NoError(t, err)
			}
		})
	}
	a.Users[0].Inline = nil
	require.NoError(t, a.PutUserPolicy("Luna", "p", docOfSize(t, 2000)))
	require.NoError(t, a.PutUserPolicy("Luna", "p", docOfSize(t, 2048)), "replacing counts the new size only")
	err = a.PutUserPolicy("Luna", "q", docOfSize(t, 200))
	requireErr(t, err, awserr.LimitExceeded, "quota", "UserPolicySize", "name", "Luna")
	require.Equal(t, "Maximum policy size of 2048 bytes exceeded for user Luna", APIMessage(err))
	requireErr(t, a.DeleteUserPolicy("Luna", "q"), awserr.NoSuchEntity, "kind", KindUserPolicy)
	require.NoError(t, a.DeleteUserPolicy("Luna", "p"))
	requireErr(t, a.PutUserPolicy("Luna", "bad name", smallDoc), awserr.ValidationError, "field", FieldPolicyName)
	err = a.PutUserPolicy("Luna", "p", `{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:*","Resource":"*"}]}`)
	requireErr(t, err, awserr.MalformedPolicyDocument, "message", "The policy failed legacy parsing")
}

func TestManagedPolicies(t *testing.T) {
	e := testEnv()
	var a Account
	p, err := a.CreatePolicy(e, "NetworkAdminGuardrails", "", "guard rails", smallDoc, nil)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:iam::123456789012:policy/NetworkAdminGuardrails", p.ARN)
	require.True(t, strings.HasPrefix(p.ID, "ANPA"))
	require.Equal(t, "v1", p.DefaultVersion)
	_, err = a.CreatePolicy(e, "networkadminguardrails", "", "", smallDoc, nil)
	requireErr(t, err, awserr.EntityAlreadyExists, "kind", KindPolicy)
	require.Equal(t, "A policy called networkadminguardrails already exists. Duplicate names are not allowed.", APIMessage(err))
	_, err = a.CreatePolicy(e, "Big", "", "", docOfSize(t, 6145), nil)
	requireErr(t, err, awserr.LimitExceeded, "quota", "PolicySize", "limit", "6144")
	require.Equal(t, "Cannot exceed quota for PolicySize: 6144", APIMessage(err))
	_, err = a.CreatePolicy(e, "Max", "", "", docOfSize(t, 6144), nil)
	require.NoError(t, err)
	_, err = a.CreatePolicy(e, "Bad", "", "", `{"Statement":[]}`, nil)
	requireErr(t, err, awserr.MalformedPolicyDocument)
	// Versions: v2..v5, then the limit; IDs are never reused.
	for i := 2; i <= 5; i++ {
		v, err := a.CreatePolicyVersion(e, p.ARN, smallDoc, i == 3)
		require.NoError(t, err)
		require.Equal(t, "v"+itoa(i), v.ID)
	}
	_, err = a.CreatePolicyVersion(e, p.ARN, smallDoc, false)
	requireErr(t, err, awserr.LimitExceeded, "quota", "VersionsPerPolicy", "limit", "5")
	got, _ := a.Policy(p.ARN)
	require.Equal(t, "v3", got.DefaultVersion)
	requireErr(t, a.DeletePolicyVersion(p.ARN, "v3"), awserr.DeleteConflict, "reason", ConflictDefaultVersion)
	require.NoError(t, a.DeletePolicyVersion(p.ARN, "v1"))
	v, err := a.CreatePolicyVersion(e, p.ARN, smallDoc, false)
	require.NoError(t, err)
	require.Equal(t, "v6", v.ID)
	requireErr(t, a.SetDefaultPolicyVersion(e, p.ARN, "v1"), awserr.NoSuchEntity, "kind", KindPolicyVersion)
	require.NoError(t, a.SetDefaultPolicyVersion(e, p.ARN, "v6"))
	// Delete: attached or with other versions is a conflict.
	_, err = a.CreateUser(e, "u", "", nil)
	require.NoError(t, err)
	require.NoError(t, a.AttachUserPolicy("u", p.ARN))
	requireErr(t, a.DeletePolicy(p.ARN), awserr.DeleteConflict, "reason", ConflictAttachments)
	require.NoError(t, a.DetachUserPolicy("u", p.ARN))
	requireErr(t, a.DeletePolicy(p.ARN), awserr.DeleteConflict, "reason", ConflictVersions)
	require.NoError(t, a.AttachUserPolicy("u", p.ARN))
	require.NoError(t, a.PurgePolicy(p.ARN))
	require.NoError(t, a.DeletePolicy(p.ARN))
	u, _ := a.User("u")
	require.Empty(t, u.Attached)
	requireErr(t, a.DeletePolicy(p.ARN), awserr.NoSuchEntity)
}

func TestDeleteConflicts(t *testing.T) {
	e := testEnv()
	setup := func(t *testing.T) Account {
		var a Account
		_, err := a.CreateUser(e, "u", "", nil)
		require.NoError(t, err)
		_, err = a.CreateGroup(e, "g", "")
		require.NoError(t, err)
		return a
	}
	tests := []struct {
		name   string
		prep   func(a *Account) error
		delete func(a *Account) error
		reason string
	}{
		{"login profile", func(a *Account) error { return a.CreateLoginProfile(e, "u", "Labsim-Luna-2026!", false) }, func(a *Account) error { return a.DeleteUser("u") }, ConflictLoginProfile},
		{"access key", func(a *Account) error { _, _, err := a.CreateAccessKey(e, "u"); return err }, func(a *Account) error { return a.DeleteUser("u") }, ConflictAccessKeys},
		{"mfa", func(a *Account) error {
			return a.EnableMFADevice(acct, "u", mfa.Device{Name: "phone", Serial: mfa.SerialNumber(acct, "phone"), Secret: mfa.DemoSecret})
		}, func(a *Account) error { return a.DeleteUser("u") }, ConflictMFADevices},
		{"group membership", func(a *Account) error { return a.AddUserToGroup("u", "g") }, func(a *Account) error { return a.DeleteUser("u") }, ConflictGroups},
		{"attached", func(a *Account) error { return a.AttachUserPolicy("u", "arn:aws:iam::aws:policy/IAMFullAccess") }, func(a *Account) error { return a.DeleteUser("u") }, ConflictAttached},
		{"inline", func(a *Account) error { return a.PutUserPolicy("u", "p", smallDoc) }, func(a *Account) error { return a.DeleteUser("u") }, ConflictInline},
		{"group members", func(a *Account) error { return a.AddUserToGroup("u", "g") }, func(a *Account) error { return a.DeleteGroup("g") }, ConflictMembers},
		{"group attached", func(a *Account) error { return a.AttachGroupPolicy("g", "arn:aws:iam::aws:policy/IAMFullAccess") }, func(a *Account) error { return a.DeleteGroup("g") }, ConflictAttached},
		{"group inline", func(a *Account) error { return a.PutGroupPolicy("g", "p", smallDoc) }, func(a *Account) error { return a.DeleteGroup("g") }, ConflictInline},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := setup(t)
			require.NoError(t, tt.prep(&a))
			before := a.Clone()
			requireErr(t, tt.delete(&a), awserr.DeleteConflict, "reason", tt.reason)
			require.Equal(t, before, a, "a refused delete changes nothing")
			require.NoError(t, a.PurgeUser("u"))
			require.NoError(t, a.PurgeGroup("g"))
			require.NoError(t, tt.delete(&a))
		})
	}
}

func TestPasswordPolicy(t *testing.T) {
	custom := PasswordPolicy{Custom: true, MinLength: 10, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true}
	tests := []struct {
		name   string
		p      PasswordPolicy
		pw     string
		failed []PasswordRule
	}{
		{"default ok", PasswordPolicy{}, "Labsim-Luna-2026!", nil},
		{"default three kinds", PasswordPolicy{}, "abcdEFGH1", nil},
		{"default two kinds", PasswordPolicy{}, "abcdefgh1", []PasswordRule{RuleThreeKinds}},
		{"default short", PasswordPolicy{}, "Ab1!", []PasswordRule{RuleMinLength}},
		{"default 8", PasswordPolicy{}, "Ab1!Ab1!", nil},
		{"default too long", PasswordPolicy{}, "Ab1!" + strings.Repeat("a", 125), []PasswordRule{RuleMaxLength}},
		{"default account name", PasswordPolicy{}, "LABSIM-demo", []PasswordRule{RuleNotAccountName}},
		{"default email", PasswordPolicy{}, "Student@Example.com", []PasswordRule{RuleNotEmail}},
		{"non-ascii", PasswordPolicy{}, "Abcdefg1é", []PasswordRule{RuleCharacters}},
		{"custom ok", custom, "Abcdefgh1!", nil},
		{"custom short", custom, "Abcdefg1!", []PasswordRule{RuleMinLength}},
		{"custom kinds", custom, "abcdefghijk", []PasswordRule{RuleUppercase, RuleNumbers, RuleSymbols}},
		{"custom nothing required", PasswordPolicy{Custom: true, MinLength: 6}, "aaaaaa", nil},
		{"custom symbol apostrophe", PasswordPolicy{Custom: true, MinLength: 6, RequireSymbols: true}, "aaaaa'", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.failed, tt.p.Check(tt.pw, "labsim-demo", "student@example.com"))
		})
	}
	settings := []struct {
		name  string
		p     PasswordPolicy
		field string
	}{
		{"min 5", PasswordPolicy{MinLength: 5}, FieldMinLength},
		{"min 129", PasswordPolicy{MinLength: 129}, FieldMinLength},
		{"age 1096", PasswordPolicy{MinLength: 8, MaxAgeDays: 1096}, FieldMaxAge},
		{"reuse 25", PasswordPolicy{MinLength: 8, ReusePrevention: 25}, FieldReusePrevention},
		{"ok", PasswordPolicy{MinLength: 8, MaxAgeDays: 1095, ReusePrevention: 24}, ""},
		{"unset min is 6", PasswordPolicy{}, ""},
	}
	for _, tt := range settings {
		t.Run(tt.name, func(t *testing.T) {
			var a Account
			err := a.UpdatePasswordPolicy(tt.p)
			if tt.field == "" {
				require.NoError(t, err)
				require.True(t, a.PasswordPolicy.Custom)
				return
			}
			requireErr(t, err, awserr.ValidationError, "field", tt.field, "constraint", "range")
		})
	}
	var a Account
	requireErr(t, a.DeletePasswordPolicy(acct), awserr.NoSuchEntity, "kind", KindPasswordPolicy)
	require.NoError(t, a.UpdatePasswordPolicy(PasswordPolicy{MinLength: 8}))
	require.Equal(t, 8, a.PasswordPolicy.MinimumLength())
	require.NoError(t, a.DeletePasswordPolicy(acct))
	require.Equal(t, PasswordPolicy{}, a.PasswordPolicy)
	r := rand.New(rand.NewChaCha8([32]byte{1}))
	for _, p := range []PasswordPolicy{{}, custom, {Custom: true, MinLength: 40, RequireSymbols: true}} {
		pw := p.GeneratePassword(r)
		require.Empty(t, p.Check(pw, "", ""), pw)
	}
	exp := PasswordPolicy{Custom: true, MinLength: 8, MaxAgeDays: 90}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	require.False(t, exp.Expired(t0, t0.Add(89*24*time.Hour)))
	require.True(t, exp.Expired(t0, t0.Add(90*24*time.Hour)))
	require.False(t, PasswordPolicy{}.Expired(t0, t0.Add(9999*24*time.Hour)))
}

func TestLoginProfileAndChangePassword(t *testing.T) {
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "Luna", "", nil)
	require.NoError(t, err)
	err = a.CreateLoginProfile(e, "Luna", "short", true)
	requireErr(t, err, PasswordPolicyViolation, "rules", "minLength,threeKinds")
	require.Equal(t, "Password does not conform to the account password policy.", APIMessage(err))
	require.NoError(t, a.CreateLoginProfile(e, "Luna", "Labsim-Luna-2026!", true))
	requireErr(t, a.CreateLoginProfile(e, "Luna", "Labsim-Luna-2026!", true), awserr.EntityAlreadyExists, "kind", KindLoginProfile)
	u, _ := a.User("Luna")
	require.True(t, u.Login.MustChange)
	require.NotContains(t, string(u.Login.Password.Hash), "Labsim")
	require.True(t, a.CheckPassword("luna", "Labsim-Luna-2026!"))
	require.False(t, a.CheckPassword("Luna", "wrong"))
	requireErr(t, a.ChangePassword(e, "Luna", "wrong", "Labsim-Luna-2027!"), awserr.InvalidInput, "reason", "oldPassword")
	requireErr(t, a.ChangePassword(e, "Luna", "Labsim-Luna-2026!", "Labsim-Luna-2026!"), awserr.InvalidInput, "reason", "samePassword")
	requireErr(t, a.ChangePassword(e, "Luna", "Labsim-Luna-2026!", "weak"), PasswordPolicyViolation)
	require.NoError(t, a.ChangePassword(e, "Luna", "Labsim-Luna-2026!", "Labsim-Luna-2027!"))
	u, _ = a.User("Luna")
	require.False(t, u.Login.MustChange)
	require.True(t, a.CheckPassword("Luna", "Labsim-Luna-2027!"))
	// Reuse prevention.
	require.NoError(t, a.UpdatePasswordPolicy(PasswordPolicy{MinLength: 8, ReusePrevention: 2}))
	requireErr(t, a.ChangePassword(e, "Luna", "Labsim-Luna-2027!", "Labsim-Luna-2026!"), PasswordPolicyViolation, "rules", "reused")
	require.NoError(t, a.UpdateLoginProfile(e, "Luna", "Another-Pass-1", true))
	requireErr(t, a.UpdateLoginProfile(e, "Luna", "Labsim-Luna-2027!", true), PasswordPolicyViolation, "rules", "reused")
	// Hard expiry.
	require.NoError(t, a.UpdatePasswordPolicy(PasswordPolicy{MinLength: 8, MaxAgeDays: 1, HardExpiry: true}))
	later := e
	later.Now = e.Now.Add(48 * time.Hour)
	requireErr(t, a.ChangePassword(later, "Luna", "Another-Pass-1", "Yet-Another-2"), EntityTemporarilyUnmodifiable)
	require.NoError(t, a.DeleteLoginProfile("Luna"))
	requireErr(t, a.DeleteLoginProfile("Luna"), awserr.NoSuchEntity, "kind", KindLoginProfile)
	requireErr(t, a.UpdateLoginProfile(e, "Luna", "", false), awserr.NoSuchEntity, "kind", KindLoginProfile)
}

func TestAccessKeys(t *testing.T) {
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "u", "", nil)
	require.NoError(t, err)
	k, secret, err := a.CreateAccessKey(e, "u")
	require.NoError(t, err)
	require.Len(t, k.ID, 20)
	require.True(t, strings.HasPrefix(k.ID, "AKIA"))
	require.Len(t, secret, 40)
	require.Equal(t, KeyActive, k.Status)
	require.True(t, k.SecretHash.Verify(secret))
	requireErr(t, a.UpdateAccessKey("u", k.ID, "Disabled"), awserr.ValidationError, "field", FieldStatus)
	require.NoError(t, a.UpdateAccessKey("u", k.ID, KeyInactive))
	requireErr(t, a.UpdateAccessKey("u", "AKIAXXXXXXXXXXXXXXXX", KeyActive), awserr.NoSuchEntity, "kind", KindAccessKey)
	require.NoError(t, a.DeleteAccessKey("u", k.ID))
	requireErr(t, a.DeleteAccessKey("u", k.ID), awserr.NoSuchEntity)
}

func TestTags(t *testing.T) {
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "u", "", []Tag{{"team", "net"}})
	require.NoError(t, err)
	tests := []struct {
		name string
		tags []Tag
		code string
		kv   []string
	}{
		{"ok unicode", []Tag{{"부서", "네트워크 팀"}}, "", nil},
		{"replace ignoring case", []Tag{{"TEAM", "ops"}}, "", nil},
		{"empty value", []Tag{{"empty", ""}}, "", nil},
		{"empty key", []Tag{{"", "x"}}, awserr.ValidationError, []string{"field", FieldTagKey, "constraint", "length"}},
		{"key 129", []Tag{{strings.Repeat("k", 129), ""}}, awserr.ValidationError, []string{"constraint", "length"}},
		{"value 257", []Tag{{"k", strings.Repeat("v", 257)}}, awserr.ValidationError, []string{"field", FieldTagValue}},
		{"bad char", []Tag{{"a#b", ""}}, awserr.ValidationError, []string{"constraint", "pattern"}},
		{"aws prefix", []Tag{{"AWS:x", ""}}, awserr.ValidationError, []string{"constraint", "reserved"}},
		{"duplicate", []Tag{{"a", "1"}, {"A", "2"}}, awserr.InvalidInput, []string{"reason", "duplicateTagKey"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := a.TagUser("u", tt.tags)
			if tt.code == "" {
				require.NoError(t, err)
				return
			}
			requireErr(t, err, tt.code, tt.kv...)
		})
	}
	u, _ := a.User("u")
	require.Equal(t, []Tag{{"team", "ops"}, {"부서", "네트워크 팀"}, {"empty", ""}}, u.Tags)
	var many []Tag
	for i := range 48 {
		many = append(many, Tag{"k" + itoa(i), ""})
	}
	requireErr(t, a.TagUser("u", many), awserr.LimitExceeded, "quota", "TagsPerUser", "limit", "50")
	require.NoError(t, a.TagUser("u", many[:47]))
	require.NoError(t, a.UntagUser("u", []string{"TEAM", "missing"}))
	u, _ = a.User("u")
	require.Len(t, u.Tags, 49)
}

func TestMFADevicesOfUsers(t *testing.T) {
	e := testEnv()
	var a Account
	for _, n := range []string{"a", "b"} {
		_, err := a.CreateUser(e, n, "", nil)
		require.NoError(t, err)
	}
	dev := func(name string) mfa.Device {
		return mfa.Device{Name: name, Serial: mfa.SerialNumber(acct, name), Secret: mfa.DemoSecret}
	}
	require.NoError(t, a.EnableMFADevice(acct, "a", dev("a-phone")))
	requireErr(t, a.EnableMFADevice(acct, "b", dev("a-phone")), awserr.EntityAlreadyExists, "kind", KindMFADevice)
	requireErr(t, a.CheckNewMFADevice(acct, "b", "bad name"), awserr.ValidationError)
	for i := 1; i < 8; i++ {
		require.NoError(t, a.EnableMFADevice(acct, "a", dev("d"+itoa(i))))
	}
	requireErr(t, a.EnableMFADevice(acct, "a", dev("d9")), awserr.LimitExceeded, "quota", "MFADevicesInUse")
	owner, ok := a.MFADeviceOwner(mfa.SerialNumber(acct, "a-phone"))
	require.True(t, ok)
	require.Equal(t, "a", owner)
	require.NoError(t, a.DeactivateMFADevice("a", mfa.SerialNumber(acct, "a-phone")))
	requireErr(t, a.DeactivateMFADevice("a", mfa.SerialNumber(acct, "a-phone")), awserr.NoSuchEntity)
}

func TestCloneSharesNothing(t *testing.T) {
	e := testEnv()
	var a Account
	_, err := a.CreateUser(e, "u", "", []Tag{{"k", "v"}})
	require.NoError(t, err)
	_, err = a.CreateGroup(e, "g", "")
	require.NoError(t, err)
	require.NoError(t, a.AddUserToGroup("u", "g"))
	require.NoError(t, a.AttachGroupPolicy("g", "arn:aws:iam::aws:policy/IAMFullAccess"))
	_, err = a.CreatePolicy(e, "p", "", "", smallDoc, nil)
	require.NoError(t, err)
	c := a.Clone()
	c.Users[0].Tags[0].Value = "changed"
	c.Users[0].Groups[0] = "x"
	c.Groups[0].Attached[0] = "x"
	c.Policies[0].Versions[0].Document = "x"
	require.Equal(t, "v", a.Users[0].Tags[0].Value)
	require.Equal(t, "g", a.Users[0].Groups[0])
	require.Equal(t, "arn:aws:iam::aws:policy/IAMFullAccess", a.Groups[0].Attached[0])
	require.Equal(t, smallDoc, a.Policies[0].Versions[0].Document)
}

func TestAPIMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{noSuch(KindUser, "Luna"), "The user with name Luna cannot be found."},
		{noSuch(KindAttachment, "arn:aws:iam::aws:policy/X"), "Policy arn:aws:iam::aws:policy/X does not exist or is not attachable."},
		{conflict(KindUser, "u", ConflictAttached), "Cannot delete entity, must detach all policies first."},
		{conflict(KindUser, "u", ConflictInline), "Cannot delete entity, must delete policies first."},
		{ValidateUserName(strings.Repeat("a", 65)), "1 validation error detected: Value '" + strings.Repeat("a", 65) + "' at 'userName' failed to satisfy constraint: Member must have length between 1 and 64"},
		{ValidateAlias("My"), "1 validation error detected: Value 'My' at 'accountAlias' failed to satisfy constraint: Member must have length between 3 and 63"},
		{limit("PoliciesPerUser", 10), "Cannot exceed quota for PoliciesPerUser: 10"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, APIMessage(tt.err))
	}
}
