package lab

import (
	"strconv"
	"strings"
	"testing"

	"labsim/sim"
	"labsim/sim/mfa"
)

// benchLab is a 15-step task lab mixing every kind of task check: world
// state, the event log and IAM answers.
func benchLab(b *testing.B) *Lab {
	checks := []string{
		`{"kind": "account_created"}, {"kind": "support_plan", "plan": "basic"}`,
		`{"kind": "signed_in", "as": "root"}`,
		`{"kind": "root_mfa_enabled"}`,
		`{"kind": "mfa_sign_in_done"}`,
		`{"kind": "user_exists", "name": "SuperUser", "console_access": true, "must_change_password": true}`,
		`{"kind": "policy_attached", "to": "user/SuperUser", "policy": "IAMFullAccess"}`,
		`{"kind": "signed_in", "as": "iam_user", "user": "SuperUser"}`,
		`{"kind": "customer_policy_exists", "name": "NetworkAdminGuardrails", "allows": [{"action": "iam:ChangePassword", "resource": "arn:aws:iam::{account}:user/Luna", "context": {"aws:username": "Luna", "aws:MultiFactorAuthPresent": "false"}}], "denies": [{"action": "ec2:DescribeVpcs", "context": {"aws:username": "Luna", "aws:MultiFactorAuthPresent": "false"}}]}, {"kind": "event", "action": "iam:CreatePolicy", "principal": "SuperUser", "decision": "Allowed"}`,
		`{"kind": "group_exists", "name": "NetworkAdmin"}, {"kind": "policy_attached", "to": "group/NetworkAdmin", "policy": "AmazonVPCFullAccess"}, {"kind": "policy_attached", "to": "group/NetworkAdmin", "policy": "NetworkAdminGuardrails"}`,
		`{"kind": "user_exists", "name": "Luna", "console_access": true}, {"kind": "user_in_group", "user": "Luna", "group": "NetworkAdmin"}`,
		`{"kind": "policy_decision", "principal": "Luna", "action": "ec2:DescribeVpcs", "context": {"aws:MultiFactorAuthPresent": "true"}, "expect": "Allowed"}, {"kind": "event", "action": "iam:SimulatePrincipalPolicy"}`,
		`{"kind": "signed_in", "as": "iam_user", "user": "Luna"}`,
		`{"kind": "mfa_sign_in_done", "user": "Luna"}`,
		`{"kind": "event", "action": "iam:ListUsers", "principal": "Luna", "decision": "Denied"}, {"kind": "event", "action": "s3:ListAllMyBuckets", "principal": "Luna", "decision": "Denied"}`,
		`{"kind": "event", "action": "ec2:DescribeVpcs", "principal": "Luna", "decision": "ExplicitlyDenied", "source_ip_outside": "203.0.113.0/24"}`,
	}
	var steps []string
	for i, c := range checks {
		steps = append(steps, step("s"+strconv.Itoa(i), c))
	}
	l, err := Parse("bench.json", []byte(labFile("fresh", strings.Join(steps, ","))))
	if err != nil {
		b.Fatal(err)
	}
	if len(l.Steps) != 15 {
		b.Fatalf("%d steps", len(l.Steps))
	}
	return l
}

// benchWorld has n events of ordinary console use after the attempt's
// start, and, when done, the events and state that do every step.
func benchWorld(n int, done bool) (sim.World, *fakeIAM) {
	w := world()
	super := "arn:aws:iam::" + acct + ":user/SuperUser"
	for i := range n {
		w = appendEvents(w, sim.Event{Action: "ec2:DescribeInstances", Principal: super, Resource: "*", Detail: map[string]string{"i": strconv.Itoa(i)}})
	}
	iam := newFakeIAM()
	if !done {
		return w, iam
	}
	a := w.Accounts[acct]
	a.RootMFA = make([]mfa.Device, 1)
	w.Accounts[acct] = a
	mfaOn := map[string]string{"mfa": "true"}
	w = appendEvents(w,
		sim.Event{Action: sim.SignUpAction, Principal: sim.Anonymous, Resource: rootARN},
		sim.Event{Action: sim.ConsoleLoginAction, Principal: sim.Anonymous, Resource: rootARN, Detail: mfaOn},
		sim.Event{Action: "iam:CreatePolicy", Principal: super, Resource: "*"},
		sim.Event{Action: "iam:SimulatePrincipalPolicy", Principal: super, Resource: "*"},
		sim.Event{Action: sim.ConsoleLoginAction, Principal: sim.Anonymous, Resource: super},
		sim.Event{Action: sim.ConsoleLoginAction, Principal: sim.Anonymous, Resource: lunaARN, Detail: mfaOn},
		sim.Event{Action: "iam:ListUsers", Principal: lunaARN, Resource: "*", Decision: sim.ImplicitlyDenied},
		sim.Event{Action: "s3:ListAllMyBuckets", Principal: lunaARN, Resource: "*", Decision: sim.ImplicitlyDenied},
		sim.Event{Action: "ec2:DescribeVpcs", Principal: lunaARN, Resource: "*", Decision: sim.ExplicitlyDenied, SourceIP: "198.51.100.7"},
	)
	iam.users["SuperUser"] = [2]bool{true, true}
	iam.users["Luna"] = [2]bool{true, true}
	iam.groups["NetworkAdmin"] = []string{"Luna"}
	iam.attached["user/SuperUser"] = []string{"IAMFullAccess"}
	iam.attached["group/NetworkAdmin"] = []string{"AmazonVPCFullAccess", "NetworkAdminGuardrails"}
	iam.policies["NetworkAdminGuardrails"] = true
	noMFA := map[string]string{"aws:username": "Luna", "aws:MultiFactorAuthPresent": "false"}
	iam.decisions[acct+"|NetworkAdminGuardrails|iam:ChangePassword|arn:aws:iam::"+acct+":user/Luna|"+ctxKey(noMFA)] = DecisionAllowed
	iam.decisions[acct+"|NetworkAdminGuardrails|ec2:DescribeVpcs|*|"+ctxKey(noMFA)] = DecisionExplicitlyDenied
	iam.decisions[acct+"|Luna|ec2:DescribeVpcs|*|"+ctxKey(map[string]string{"aws:MultiFactorAuthPresent": "true"})] = DecisionAllowed
	return w, iam
}

// atStep12 returns the 15-step lab's attempt at its 12th step (a policy
// decision and an event check).
func atStep12(b *testing.B) (*Lab, Attempt) {
	l := benchLab(b)
	a := NewAttempt(l, world(), t0)
	for i := range 11 {
		a.Steps[i].Done = true
	}
	return l, a
}

// BenchmarkEvaluateUpdate is what Evaluate adds to an ordinary update of
// the world: the 15-step lab at its 12th step, a log of 1,000 events in
// the attempt, one new event that does nothing for the step.
func BenchmarkEvaluateUpdate(b *testing.B) {
	l, a := atStep12(b)
	w, iam := benchWorld(1000, false)
	a, _ = a.Evaluate(l, Facts{World: w, IAM: iam}, t0)
	w = appendEvents(w, sim.Event{Action: "ec2:DescribeVpcs", Principal: lunaARN, Resource: "*"})
	f := Facts{World: w, IAM: iam}
	b.ReportAllocs()
	for b.Loop() {
		a.Evaluate(l, f, t0)
	}
}

// BenchmarkEvaluateStepStart is the first evaluation of a step: its event
// checks look at all 1,000 events of the attempt.
func BenchmarkEvaluateStepStart(b *testing.B) {
	l, a := atStep12(b)
	w, iam := benchWorld(1000, false)
	f := Facts{World: w, IAM: iam}
	b.ReportAllocs()
	for b.Loop() {
		a.Evaluate(l, f, t0)
	}
}

// BenchmarkEvaluateAllSteps is the worst case: every one of the 15 steps
// is done by one update, after 1,000 events.
func BenchmarkEvaluateAllSteps(b *testing.B) {
	l := benchLab(b)
	w, iam := benchWorld(1000, true)
	a := NewAttempt(l, world(), t0)
	f := Facts{World: w, IAM: iam}
	if done, _ := a.Evaluate(l, f, t0); !done.Complete() {
		b.Fatalf("not complete: at step %d", done.Current())
	}
	b.ReportAllocs()
	for b.Loop() {
		a.Evaluate(l, f, t0)
	}
}

// BenchmarkParseBuiltin parses the largest built-in lab.
func BenchmarkParseBuiltin(b *testing.B) {
	data, err := builtinFiles.ReadFile("builtin/iam-delegation.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("iam-delegation.json", data); err != nil {
			b.Fatal(err)
		}
	}
}
