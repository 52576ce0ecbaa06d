//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"labsim/sim"
)

// choose picks the option whose visible text starts with text in the
// select labelled label, as a student choosing it would (the page hears
// an input event).
func choose(p *Page, label, text string) {
	p.t.Helper()
	p.Find("combobox", label)
	ok := Eval[bool](p, `(() => {
		const l = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === `+jsString(label)+`);
		const s = l && document.getElementById(l.htmlFor);
		const o = s && [...s.options].find(o => o.textContent.trim().startsWith(`+jsString(text)+`));
		if (!o) return false;
		s.value = o.value;
		s.dispatchEvent(new Event('input', {bubbles: true}));
		return true; })()`)
	if !ok {
		p.t.Fatalf("no option %q in %q", text, label)
	}
}

// resultOf is the text of the simulator's result row of an action.
func resultOf(p *Page, action string) string {
	p.t.Helper()
	return Eval[string](p, `(() => { const r = [...document.querySelectorAll('tr')].find(r => {
		const h = r.querySelector('th[scope=row]'); return h && h.textContent === `+jsString(action)+`; });
		return r ? r.innerText : ''; })()`)
}

// waitResult waits until an action's row shows a decision.
func waitResult(p *Page, action, want string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(resultOf(p, action), want) {
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: want %q, row is %q; page text:\n%s", action, want, resultOf(p, action), p.Text())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// simulate fills the simulator's actions, resource, MFA and source IP and
// runs it.
func simulate(p *Page, actions, resource, mfa, ip string) {
	p.t.Helper()
	clearField(p, "policysim-typed")
	p.Type("textbox", "Actions by name", actions)
	clearField(p, "policysim-resource")
	p.Type("textbox", "Resource ARN", resource)
	choose(p, "aws:MultiFactorAuthPresent (MFA present)", mfa)
	clearField(p, "policysim-ip")
	if ip != "" {
		p.Type("textbox", "aws:SourceIp (source IP)", ip)
	}
	p.Click("button", "Run simulation")
}

// TestServiceConsolesAndPolicySimulatorAsRoot signs in as root in the
// prepared world delegation-done, opens the VPC console (Seoul's four
// AZs), and runs the policy simulator for Luna: the scenario table's
// decisions, and a source IP outside the campus turning ec2:DescribeVpcs
// into an explicit deny.
func TestServiceConsolesAndPolicySimulatorAsRoot(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=delegation-done&lang=en")
	// The prepared world has nobody signed in.
	p.Click("link", "Sign In to the Console")
	p.Type("textbox", "Root user email address", "student@example.com")
	p.Click("button", "Next")
	p.Type("textbox", "Password", "Labsim-Demo-2026!")
	p.Click("button", "Sign in")
	p.Find("heading", "Console Home")

	p.Click("link", "VPC")
	p.Find("heading", "Your VPCs")
	p.WaitText("172.31.0.0/16")
	p.Click("link", "Subnets")
	p.Find("heading", "Subnets")
	for _, az := range []string{"ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d"} {
		p.WaitText(az)
	}
	bothLanguages(p, "services-01-vpc-subnets")

	p.Click("link", "labsim Console Home")
	p.Click("link", "IAM Policy Simulator")
	p.Find("heading", "IAM policy simulator")
	choose(p, "User or group", "Luna")
	// Pick one action from the catalog by service and access level.
	p.Find("combobox", "Service")
	choose(p, "Service", "ec2 ")
	p.Type("searchbox", "Filter actions by name", "DescribeVpcs")
	p.Click("checkbox", "ec2:DescribeVpcs")
	p.WaitText("Actions to simulate: ec2:DescribeVpcs")

	// The scenario's table, row by row (shared/reference/scenario).
	acct := "arn:aws:iam::" + sim.DemoAccountID + ":"
	simulate(p, "iam:ListUsers, s3:ListAllMyBuckets", "*", "true", "")
	p.Find("heading", "Results for Luna")
	waitResult(p, "ec2:DescribeVpcs", "allowed")
	waitResult(p, "iam:ListUsers", "implicitDeny")
	waitResult(p, "s3:ListAllMyBuckets", "implicitDeny")
	bothLanguages(p, "services-02-policysim")
	simulate(p, "iam:GetUser", acct+"user/SuperUser", "true", "")
	waitResult(p, "iam:GetUser", "implicitDeny")
	simulate(p, "iam:ChangePassword, iam:EnableMFADevice", acct+"user/Luna", "false", "")
	waitResult(p, "iam:ChangePassword", "allowed")
	waitResult(p, "iam:EnableMFADevice", "allowed")
	waitResult(p, "ec2:DescribeVpcs", "explicitDeny") // without MFA
	simulate(p, "iam:CreateVirtualMFADevice", acct+"mfa/Luna", "false", "")
	waitResult(p, "iam:CreateVirtualMFADevice", "allowed")
	simulate(p, "", "*", "not in the request", "")
	waitResult(p, "ec2:DescribeVpcs", "explicitDeny") // the key absent

	// With MFA from outside the campus, the VPC console is denied.
	simulate(p, "", "*", "true", "")
	waitResult(p, "ec2:DescribeVpcs", "allowed")
	simulate(p, "", "*", "true", "198.51.100.7")
	waitResult(p, "ec2:DescribeVpcs", "explicitDeny")
	p.Click("button", "NetworkAdminGuardrails: DenyOutsideAllowedNetwork")
	p.Find("heading", "ec2:DescribeVpcs: explicitDeny")
	if got := Eval[string](p, `document.getElementById('policysim-hit').textContent`); !strings.Contains(got, `"Sid": "DenyOutsideAllowedNetwork"`) {
		t.Fatalf("highlighted statement: %q", got)
	}
	p.WaitText("198.51.100.7")
	bothLanguages(p, "services-03-policysim-statement")
}

// TestServiceConsolesAsLuna shows Luna's side: VPC with the four Seoul
// AZs, EC2's empty list and S3 denied with AWS's exact message and Why?.
// Luna signs in through the account's sign-in URL, assigns her own MFA
// device and signs in again with it (from the campus address, as the
// prepared world starts), all through the console by visible labels.
func TestServiceConsolesAsLuna(t *testing.T) {
	p := NewPageFor(t, newServer(t).URL, 5*time.Minute)
	p.Open("/?world=delegation-done&lang=en#/signin/" + sim.DemoAccountID)
	signInAsLuna(p, sim.LunaPassword)
	p.Find("heading", "Console Home")
	secret, used := lunaAssignsMFA(t, p)
	lunaSignsInWithMFA(t, p, sim.LunaPassword, secret, used, "")
	p.Click("link", "VPC")
	p.Find("heading", "Your VPCs")
	p.Click("link", "Subnets")
	p.Find("button", "Account menu: Luna @ 1234-5678-9012")
	p.Find("heading", "Subnets")
	for _, az := range []string{"ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d"} {
		p.WaitText(az)
	}
	p.Click("link", "labsim Console Home")
	p.Click("link", "EC2")
	p.Find("heading", "Instances")
	p.WaitText("You do not have any instances in this region.")
	p.Click("link", "labsim Console Home")
	p.Click("link", "S3")
	p.Find("heading", "Access denied")
	p.WaitText("User: arn:aws:iam::" + sim.DemoAccountID + ":user/Luna is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action")
	p.Click("button", "Why?")
	p.WaitText("No statement allows this request, so it is denied by default")
	p.WaitText("AmazonVPCFullAccess")
	bothLanguages(p, "services-04-s3-denied-why")
}
