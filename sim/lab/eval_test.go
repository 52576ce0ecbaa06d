package lab

import (
	"math/rand/v2"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/mfa"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

const acct = "123456789012"

// fakeIAM is an in-memory IAM for the checks' tests. Decisions are looked
// up by "account|user-or-policy|action|resource|context" with context keys
// in the order the test writes them.
type fakeIAM struct {
	users     map[string][2]bool // name → console, mustChange
	groups    map[string][]string
	attached  map[string][]string // "user/Name" or "group/Name" → policies
	policies  map[string]bool
	decisions map[string]string
	calls     int
}

func newFakeIAM() *fakeIAM {
	return &fakeIAM{users: map[string][2]bool{}, groups: map[string][]string{}, attached: map[string][]string{},
		policies: map[string]bool{}, decisions: map[string]string{}}
}

func (f *fakeIAM) User(a, name string) (bool, bool, bool) {
	f.calls++
	u, ok := f.users[name]
	return ok && a == acct, u[0], u[1]
}

func (f *fakeIAM) Group(a, name string) bool {
	f.calls++
	_, ok := f.groups[name]
	return ok && a == acct
}

func (f *fakeIAM) InGroup(a, user, group string) bool {
	f.calls++
	for _, m := range f.groups[group] {
		if m == user {
			return a == acct
		}
	}
	return false
}

func (f *fakeIAM) Attached(a, kind, name, policy string) bool {
	f.calls++
	for _, p := range f.attached[kind+"/"+name] {
		if p == policy {
			return a == acct
		}
	}
	return false
}

func (f *fakeIAM) CustomerPolicy(a, name string) bool {
	f.calls++
	return a == acct && f.policies[name]
}

func ctxKey(ctx map[string]string) string {
	var b strings.Builder
	for _, k := range []string{"aws:username", "aws:MultiFactorAuthPresent", "aws:SourceIp"} {
		if v, ok := ctx[k]; ok {
			b.WriteString(k + "=" + v + ";")
		}
	}
	return b.String()
}

func (f *fakeIAM) PolicyDecision(a, policy, action, resource string, ctx map[string]string) string {
	f.calls++
	if !f.policies[policy] {
		return ""
	}
	if d, ok := f.decisions[a+"|"+policy+"|"+action+"|"+resource+"|"+ctxKey(ctx)]; ok {
		return d
	}
	return DecisionImplicitlyDenied
}

func (f *fakeIAM) Decide(a, user, action, resource string, ctx map[string]string) string {
	f.calls++
	if _, ok := f.users[user]; !ok {
		return ""
	}
	if d, ok := f.decisions[a+"|"+user+"|"+action+"|"+resource+"|"+ctxKey(ctx)]; ok {
		return d
	}
	return DecisionImplicitlyDenied
}

// world returns a world with the demo account and the given events
// numbered from 1.
func world(events ...sim.Event) sim.World {
	w := sim.World{Accounts: map[string]sim.Account{acct: {ID: acct, SupportPlan: "basic"}}, SourceIP: "203.0.113.10"}
	for i, e := range events {
		e.Seq = i + 1
		if e.SourceIP == "" {
			e.SourceIP = w.SourceIP
		}
		if e.Decision == "" {
			e.Decision = sim.Allowed
		}
		w.Events = append(w.Events, e)
	}
	return w
}

const rootARN = "arn:aws:iam::" + acct + ":root"
const lunaARN = "arn:aws:iam::" + acct + ":user/Luna"

func TestChecks(t *testing.T) {
	yes, no := true, false
	iam := newFakeIAM()
	iam.users["SuperUser"] = [2]bool{true, true}
	iam.users["Bot"] = [2]bool{false, false}
	iam.users["Luna"] = [2]bool{true, false}
	iam.groups["NetworkAdmin"] = []string{"Luna"}
	iam.attached["user/SuperUser"] = []string{"IAMFullAccess"}
	iam.attached["group/NetworkAdmin"] = []string{"AmazonVPCFullAccess", "NetworkAdminGuardrails"}
	iam.policies["NetworkAdminGuardrails"] = true
	noMFA := map[string]string{"aws:username": "Luna", "aws:MultiFactorAuthPresent": "false"}
	iam.decisions[acct+"|NetworkAdminGuardrails|iam:ChangePassword|arn:aws:iam::"+acct+":user/Luna|"+ctxKey(noMFA)] = DecisionAllowed
	iam.decisions[acct+"|NetworkAdminGuardrails|ec2:DescribeVpcs|*|"+ctxKey(noMFA)] = DecisionExplicitlyDenied
	iam.decisions[acct+"|Luna|ec2:DescribeVpcs|*|"+ctxKey(map[string]string{"aws:MultiFactorAuthPresent": "true"})] = DecisionAllowed

	signInRoot := sim.Event{Action: sim.ConsoleLoginAction, Principal: sim.Anonymous, Resource: rootARN, Detail: map[string]string{"mfa": "false"}}
	signInRootMFA := sim.Event{Action: sim.ConsoleLoginAction, Principal: sim.Anonymous, Resource: rootARN, Detail: map[string]string{"mfa": "true"}}
	signInLunaMFA := sim.Event{Action: sim.ConsoleLoginAction, Principal: sim.Anonymous, Resource: "arn:aws:iam::" + acct + ":user/staff/Luna", Detail: map[string]string{"mfa": "true"}}
	failedSignIn := sim.Event{Action: sim.ConsoleLoginAction, Principal: sim.Anonymous, Resource: rootARN, ErrorCode: "AuthenticationFailed"}
	signUp := sim.Event{Action: sim.SignUpAction, Principal: sim.Anonymous, Resource: rootARN}
	lunaDenied := sim.Event{Action: "iam:ListUsers", Principal: lunaARN, Resource: "*", Decision: sim.ImplicitlyDenied}
	lunaVPCAway := sim.Event{Action: "ec2:DescribeVpcs", Principal: lunaARN, Resource: "*", Decision: sim.ExplicitlyDenied, SourceIP: "198.51.100.7"}
	lunaVPCHome := sim.Event{Action: "ec2:DescribeVpcs", Principal: lunaARN, Resource: "*", Decision: sim.ExplicitlyDenied}
	withMFA := world()
	a := withMFA.Accounts[acct]
	a.RootMFA = []mfa.Device{{Name: "phone"}}
	withMFA.Accounts[acct] = a

	tests := []struct {
		name  string
		check Check
		w     sim.World
		base  int
		iam   IAM
		want  bool
	}{
		{"account created", Check{Kind: KindAccountCreated}, world(signUp), 0, nil, true},
		{"account created before the attempt", Check{Kind: KindAccountCreated}, world(signUp), 1, nil, false},
		{"account creation failed", Check{Kind: KindAccountCreated}, world(sim.Event{Action: sim.SignUpAction, ErrorCode: "ValidationError"}), 0, nil, false},
		{"support plan", Check{Kind: KindSupportPlan, Plan: "basic"}, world(), 0, nil, true},
		{"other support plan", Check{Kind: KindSupportPlan, Plan: "business"}, world(), 0, nil, false},
		{"signed in as root", Check{Kind: KindSignedIn, As: AsRoot}, world(signInRoot), 0, nil, true},
		{"failed sign-in", Check{Kind: KindSignedIn, As: AsRoot}, world(failedSignIn), 0, nil, false},
		{"root is not an IAM user", Check{Kind: KindSignedIn, As: AsIAMUser, User: "Luna"}, world(signInRoot), 0, nil, false},
		{"signed in as Luna (with a path)", Check{Kind: KindSignedIn, As: AsIAMUser, User: "Luna"}, world(signInLunaMFA), 0, nil, true},
		{"signed in as another user", Check{Kind: KindSignedIn, As: AsIAMUser, User: "SuperUser"}, world(signInLunaMFA), 0, nil, false},
		{"root MFA enabled", Check{Kind: KindRootMFAEnabled}, withMFA, 0, nil, true},
		{"root MFA not enabled", Check{Kind: KindRootMFAEnabled}, world(), 0, nil, false},
		{"root MFA sign-in", Check{Kind: KindMFASignInDone}, world(signInRoot, signInRootMFA), 0, nil, true},
		{"root sign-in without MFA", Check{Kind: KindMFASignInDone}, world(signInRoot), 0, nil, false},
		{"root MFA sign-in before the attempt", Check{Kind: KindMFASignInDone}, world(signInRootMFA, signInRoot), 1, nil, false},
		{"Luna's MFA sign-in", Check{Kind: KindMFASignInDone, User: "Luna"}, world(signInLunaMFA), 0, nil, true},
		{"Luna's MFA sign-in is not root's", Check{Kind: KindMFASignInDone}, world(signInLunaMFA), 0, nil, false},
		{"event by user and decision", Check{Kind: KindEvent, Action: "iam:ListUsers", Principal: "Luna", Decision: DecisionDenied}, world(lunaDenied), 0, nil, true},
		{"event by ARN", Check{Kind: KindEvent, Action: "iam:ListUsers", Principal: lunaARN}, world(lunaDenied), 0, nil, true},
		{"event of another principal", Check{Kind: KindEvent, Action: "iam:ListUsers", Principal: "root"}, world(lunaDenied), 0, nil, false},
		{"event with another decision", Check{Kind: KindEvent, Action: "iam:ListUsers", Decision: DecisionAllowed}, world(lunaDenied), 0, nil, false},
		{"event with exact denial", Check{Kind: KindEvent, Action: "iam:ListUsers", Decision: DecisionImplicitlyDenied}, world(lunaDenied), 0, nil, true},
		{"event of another action", Check{Kind: KindEvent, Action: "iam:ListGroups"}, world(lunaDenied), 0, nil, false},
		{"event before the attempt", Check{Kind: KindEvent, Action: "iam:ListUsers"}, world(lunaDenied, signInRoot), 1, nil, false},
		{"event from outside a range", Check{Kind: KindEvent, Action: "ec2:DescribeVpcs", SourceOutside: mustPrefix("203.0.113.0/24")}, world(lunaVPCHome, lunaVPCAway), 0, nil, true},
		{"event from inside the range", Check{Kind: KindEvent, Action: "ec2:DescribeVpcs", SourceOutside: mustPrefix("203.0.113.0/24")}, world(lunaVPCHome), 0, nil, false},
		{"anonymous event", Check{Kind: KindEvent, Action: sim.SignUpAction, Principal: sim.Anonymous}, world(signUp), 0, nil, true},
		{"user exists", Check{Kind: KindUserExists, Name: "SuperUser", ConsoleAccess: &yes, MustChangePassword: &yes}, world(), 0, iam, true},
		{"user exists, fields not asked", Check{Kind: KindUserExists, Name: "Bot"}, world(), 0, iam, true},
		{"user without console access", Check{Kind: KindUserExists, Name: "Bot", ConsoleAccess: &yes}, world(), 0, iam, false},
		{"user need not change password", Check{Kind: KindUserExists, Name: "Luna", MustChangePassword: &yes}, world(), 0, iam, false},
		{"user need not change password, as asked", Check{Kind: KindUserExists, Name: "Luna", MustChangePassword: &no}, world(), 0, iam, true},
		{"no such user", Check{Kind: KindUserExists, Name: "Nobody"}, world(), 0, iam, false},
		{"no IAM answers", Check{Kind: KindUserExists, Name: "SuperUser"}, world(), 0, nil, false},
		{"group exists", Check{Kind: KindGroupExists, Name: "NetworkAdmin"}, world(), 0, iam, true},
		{"no such group", Check{Kind: KindGroupExists, Name: "Ops"}, world(), 0, iam, false},
		{"user in group", Check{Kind: KindUserInGroup, User: "Luna", Group: "NetworkAdmin"}, world(), 0, iam, true},
		{"user not in group", Check{Kind: KindUserInGroup, User: "SuperUser", Group: "NetworkAdmin"}, world(), 0, iam, false},
		{"policy attached to user", Check{Kind: KindPolicyAttached, ToKind: "user", To: "SuperUser", Policy: "IAMFullAccess"}, world(), 0, iam, true},
		{"policy attached to group", Check{Kind: KindPolicyAttached, ToKind: "group", To: "NetworkAdmin", Policy: "NetworkAdminGuardrails"}, world(), 0, iam, true},
		{"policy not attached", Check{Kind: KindPolicyAttached, ToKind: "user", To: "Luna", Policy: "IAMFullAccess"}, world(), 0, iam, false},
		{"customer policy exists", Check{Kind: KindCustomerPolicyExists, Name: "NetworkAdminGuardrails"}, world(), 0, iam, true},
		{"no such customer policy", Check{Kind: KindCustomerPolicyExists, Name: "Other"}, world(), 0, iam, false},
		{"customer policy decides as required", Check{Kind: KindCustomerPolicyExists, Name: "NetworkAdminGuardrails",
			Allows: []Request{{Action: "iam:ChangePassword", Resource: "arn:aws:iam::{account}:user/Luna", Context: noMFA}},
			Denies: []Request{{Action: "ec2:DescribeVpcs", Resource: "*", Context: noMFA}}}, world(), 0, iam, true},
		{"customer policy does not allow", Check{Kind: KindCustomerPolicyExists, Name: "NetworkAdminGuardrails",
			Allows: []Request{{Action: "iam:DeleteUser", Resource: "*", Context: noMFA}}}, world(), 0, iam, false},
		{"customer policy denies only implicitly", Check{Kind: KindCustomerPolicyExists, Name: "NetworkAdminGuardrails",
			Denies: []Request{{Action: "iam:ListUsers", Resource: "*", Context: noMFA}}}, world(), 0, iam, false},
		{"policy decision", Check{Kind: KindPolicyDecision, Principal: "Luna", Request: Request{Action: "ec2:DescribeVpcs", Resource: "*",
			Context: map[string]string{"aws:MultiFactorAuthPresent": "true"}}, Expect: DecisionAllowed}, world(), 0, iam, true},
		{"policy decision differs", Check{Kind: KindPolicyDecision, Principal: "Luna", Request: Request{Action: "ec2:DescribeVpcs", Resource: "*"},
			Expect: DecisionAllowed}, world(), 0, iam, false},
		{"policy decision, any denial", Check{Kind: KindPolicyDecision, Principal: "Luna", Request: Request{Action: "s3:ListAllMyBuckets", Resource: "*"},
			Expect: DecisionDenied}, world(), 0, iam, true},
		{"policy decision for a missing user", Check{Kind: KindPolicyDecision, Principal: "Nobody", Request: Request{Action: "s3:ListAllMyBuckets", Resource: "*"},
			Expect: DecisionDenied}, world(), 0, iam, false},
		{"quiz is answered, not evaluated", Check{Kind: KindQuiz}, world(), 0, iam, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Facts{World: tt.w, IAM: tt.iam}
			require.Equal(t, tt.want, evalCheck(&tt.check, &f, tt.base))
		})
	}
}

// opEnv is an environment with a cheap password hash.
func opEnv(seed byte) sim.Env {
	g := rand.NewChaCha8([32]byte{seed})
	return sim.Env{Now: t0, Rand: rand.New(g), Entropy: g, PasswordCost: 1000}
}

// TestChecksAgainstRealOperations plays the operations the built-in labs
// 1 and 2 rely on through the world's door, so that the event names and
// details the checks look for are the ones the simulator writes.
func TestChecksAgainstRealOperations(t *testing.T) {
	env := opEnv(1)
	w := sim.NewWorld(env.Rand)
	base := lastSeq(w)
	f := func(w sim.World) *Facts { return &Facts{World: w} }
	created := &Check{Kind: KindAccountCreated}
	require.False(t, evalCheck(created, f(w), base))

	w, err := w.Do(sim.Session{}, sim.SendSignUpSMS{To: "+82 10-1234-5678"}, env)
	require.NoError(t, err)
	require.True(t, evalCheck(&Check{Kind: KindEvent, Action: "devices:SendSMS", Decision: DecisionAllowed}, f(w), base))

	w, err = w.Do(sim.Session{}, sim.SignUp{Email: "kim@example.com", AccountName: "lab", Password: "Secret-Pass1",
		Contact: sim.Contact{Usage: account.UsagePersonal, FullName: "Kim Minji", Phone: "+82 10-1234-5678",
			Address: account.Address{Country: "KR", Line1: "1 Sejong-daero", City: "Seoul", PostalCode: "04524"}},
		Card: account.Summarize(account.TestCardNumber), SupportPlan: account.PlanBasic}, env)
	require.NoError(t, err)
	require.True(t, evalCheck(created, f(w), base))
	require.True(t, evalCheck(&Check{Kind: KindSupportPlan, Plan: "basic"}, f(w), base))

	signedIn := &Check{Kind: KindSignedIn, As: AsRoot}
	require.False(t, evalCheck(signedIn, f(w), base))
	_, err = w.Do(sim.Session{}, sim.SignInRoot{Email: "kim@example.com", Password: "wrong"}, env)
	require.Error(t, err)
	w2, _ := w.Do(sim.Session{}, sim.SignInRoot{Email: "kim@example.com", Password: "wrong"}, env)
	require.False(t, evalCheck(signedIn, f(w2), base), "a refused sign-in does not count")
	w, err = w.Do(sim.Session{}, sim.SignInRoot{Email: "kim@example.com", Password: "Secret-Pass1"}, env)
	require.NoError(t, err)
	require.True(t, evalCheck(signedIn, f(w), base))
	require.False(t, evalCheck(&Check{Kind: KindMFASignInDone}, f(w), base))

	// Lab 2 from the root-mfa world: sign out and in again with MFA.
	start, err := sim.Prepared("root-mfa", env)
	require.NoError(t, err)
	w = start.World
	base = lastSeq(w)
	require.True(t, evalCheck(&Check{Kind: KindRootMFAEnabled}, f(w), base))
	code, err := mfa.Code(mfa.DemoSecret, env.Now)
	require.NoError(t, err)
	w, err = w.Do(sim.Session{}, sim.SignInRoot{Email: sim.DemoEmail, Password: sim.DemoPassword, MFACode: code}, env)
	require.NoError(t, err)
	require.True(t, evalCheck(&Check{Kind: KindMFASignInDone}, f(w), base))
	s := sim.Session{AccountID: sim.DemoAccountID, Principal: rootARN, Root: true}
	w, err = w.Do(s, sim.SignOut{}, env)
	require.NoError(t, err)
	require.True(t, evalCheck(&Check{Kind: KindEvent, Action: "signin:ConsoleLogout", Principal: AsRoot}, f(w), base))
}

func mustPrefix(s string) netip.Prefix { return netip.MustParsePrefix(s) }
