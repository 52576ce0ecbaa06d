//go:build e2e

package e2e

import (
	"testing"
	"time"
)

// labState is what waitSteps wants when the first done steps of n are
// done: "ok" for them, "now" for the next, "pending" for the rest.
func labState(n, done int) []string {
	out := make([]string, n)
	for i := range out {
		switch {
		case i < done:
			out[i] = "ok"
		case i == done:
			out[i] = "now"
		default:
			out[i] = "pending"
		}
	}
	return out
}

// signInAsIAMUser fills the IAM user form of the account's sign-in URL.
func signInAsIAMUser(p *Page, user, password string) {
	p.t.Helper()
	goHash(p, "#/signin/123456789012")
	p.Find("heading", "Sign in")
	clearField(p, "signin-user")
	clearField(p, "signin-iam-password")
	p.Type("textbox", "IAM user name", user)
	p.Type("textbox", "Password", password)
	p.Click("button", "Sign in")
}

// changeFirstPassword answers the Change password page of a first
// sign-in.
func changeFirstPassword(p *Page, old, next string) {
	p.t.Helper()
	p.Find("heading", "Change password")
	p.Type("textbox", "Old password", old)
	p.Type("textbox", "New password", next)
	p.Type("textbox", "Retype new password", next)
	p.Click("button", "Confirm password change")
	p.Find("heading", "Console Home")
}

// emptyField empties a field (clearField) until the page shows it empty:
// a field the page fills as it opens may be filled again after the
// first clearing.
func emptyField(p *Page, id, label string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		clearField(p, id)
		p.Settle()
		if p.Value("textbox", label) == "" {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the field %s never stayed empty", label)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// searchPolicies types into the policy search box after emptying it.
func searchPolicies(p *Page, text string) {
	p.t.Helper()
	p.Find("searchbox", "Search policies")
	Eval[any](p, `(() => { const e = document.querySelector('input[aria-label="Search policies"]'); e.value = '';
		e.dispatchEvent(new Event('input', {bubbles: true})); })()`)
	p.Type("searchbox", "Search policies", text)
}

// openIAM opens the IAM console from the Services menu.
func openIAM(p *Page) {
	p.t.Helper()
	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	p.Find("heading", "IAM dashboard")
}

// TestLabIAMDelegationThroughLunasSignIn plays lab 3 (iam-delegation) from
// its link, by visible labels: the root user creates SuperUser, SuperUser
// signs in and creates NetworkAdminGuardrails, NetworkAdmin and Luna,
// checks Luna in the policy simulator; Luna signs in, changes her first
// password, sets up her MFA (QR read with zbarimg, codes from oathtool),
// signs in with it, opens VPC (allowed), IAM users and S3 (denied), then
// the VPC console from another address (denied). Each step's check
// passes in order and the lab completes.
func TestLabIAMDelegationThroughLunasSignIn(t *testing.T) {
	const steps = 11
	p := NewPage(t)
	p.Open("/?lab=iam-delegation&lang=en")
	p.Find("heading", "Console Home")
	waitSteps(p, labState(steps, 0)...)
	watchGreens(p)

	// 1–2: the root user creates SuperUser with IAMFullAccess.
	openIAM(p)
	p.Click("link", "Users")
	p.Click("button", "Create user")
	p.Find("heading", "Specify user details")
	p.Type("textbox", "User name", "SuperUser")
	p.Click("checkbox", "Provide user access to the AWS Management Console - optional")
	p.Click("radio", "Custom password")
	p.Type("textbox", "Password", "Super-Pass-2026")
	p.Click("button", "Next")
	p.Find("heading", "Set permissions")
	p.Click("radio", "Attach policies directly")
	searchPolicies(p, "IAMFull")
	p.Click("checkbox", "IAMFullAccess")
	p.Click("button", "Next")
	p.Find("heading", "Review and create")
	p.Click("button", "Create user")
	p.Find("heading", "Retrieve password")
	waitSteps(p, labState(steps, 2)...)

	// 3: SuperUser signs in (and sets a new password).
	openAccountMenu(p)
	p.Click("button", "Sign out")
	signInAsIAMUser(p, "SuperUser", "Super-Pass-2026")
	changeFirstPassword(p, "Super-Pass-2026", "Super-Pass-2027")
	waitSteps(p, labState(steps, 3)...)

	// 4: NetworkAdminGuardrails in the JSON editor.
	openIAM(p)
	p.Click("link", "Policies")
	p.Click("link", "Create policy")
	p.WaitText("Policy editor")
	replaceEditorText(p, guardrailsJSON(t))
	p.WaitText("Errors (0)")
	p.Click("button", "Next")
	p.WaitText("Review and create")
	p.Type("textbox", "Policy name", "NetworkAdminGuardrails")
	p.Click("button", "Create policy")
	p.WaitText("Policy NetworkAdminGuardrails created.")
	waitSteps(p, labState(steps, 4)...)

	// 5: the group NetworkAdmin with both policies.
	p.Click("link", "User groups")
	p.Click("button", "Create group")
	p.Find("heading", "Create user group")
	p.Type("textbox", "User group name", "NetworkAdmin")
	searchPolicies(p, "VPCFull")
	p.Click("checkbox", "AmazonVPCFullAccess")
	searchPolicies(p, "NetworkAdminGuard")
	p.Click("checkbox", "NetworkAdminGuardrails")
	p.Click("button", "Create user group")
	p.WaitText("User group NetworkAdmin created.")
	waitSteps(p, labState(steps, 5)...)

	// 6: Luna in NetworkAdmin, with a first password to change.
	p.Click("link", "Users")
	p.Click("button", "Create user")
	p.Find("heading", "Specify user details")
	p.Type("textbox", "User name", "Luna")
	p.Click("checkbox", "Provide user access to the AWS Management Console - optional")
	p.Click("radio", "Custom password")
	p.Type("textbox", "Password", "Luna-First-2026")
	p.Click("button", "Next")
	p.Find("heading", "Set permissions")
	p.Click("checkbox", "NetworkAdmin")
	p.Click("button", "Next")
	p.Find("heading", "Review and create")
	p.Click("button", "Create user")
	p.Find("heading", "Retrieve password")
	waitSteps(p, labState(steps, 6)...)

	// 7: Luna in the policy simulator.
	p.Click("link", "labsim Console Home")
	p.Click("link", "IAM Policy Simulator")
	p.Find("heading", "IAM policy simulator")
	choose(p, "User or group", "Luna")
	simulate(p, "ec2:DescribeVpcs, iam:ListUsers", "*", "true", "")
	p.Find("heading", "Results for Luna")
	waitResult(p, "ec2:DescribeVpcs", "allowed")
	waitResult(p, "iam:ListUsers", "implicitDeny")
	waitSteps(p, labState(steps, 7)...)
	bothLanguages(p, "lab3-01-simulator")

	// 8: Luna signs in and changes her first password (allowed without
	// MFA from the campus).
	openAccountMenu(p)
	p.Click("button", "Sign out")
	signInAsIAMUser(p, "Luna", "Luna-First-2026")
	changeFirstPassword(p, "Luna-First-2026", "Labsim-Luna-2026!")
	waitSteps(p, labState(steps, 8)...)

	// 9: her own MFA device, then a sign-in with it.
	openAccountMenu(p)
	p.Click("link", "My Security Credentials")
	p.Find("heading", "My Security Credentials")
	p.Click("button", "Assign MFA device")
	p.Click("button", "Continue")
	p.Find("heading", "Set up virtual MFA device")
	secret, assigned := lunaScansAndAssigns(t, p, "lab3-02-qr-en")
	p.Click("button", "Close")
	if labSteps(p)[8] == "ok" {
		t.Fatal("the MFA step passed before Luna signed in with MFA")
	}
	openAccountMenu(p)
	p.Click("button", "Sign out")
	signInAsLuna(p, "Labsim-Luna-2026!")
	p.Find("heading", "Multi-factor authentication")
	now := waitForStepAfter(assigned)
	p.Type("textbox", "MFA code", oathCode(t, secret, now))
	p.Click("button", "Submit")
	p.Find("heading", "Console Home")
	waitSteps(p, labState(steps, 9)...)

	// 10: VPC allowed, IAM users and S3 denied.
	p.Click("link", "VPC")
	p.Find("heading", "Your VPCs")
	p.WaitText("172.31.0.0/16")
	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	p.Find("heading", "IAM dashboard")
	p.WaitText("iam:GetAccountSummary")
	// The denied dashboard keeps the IAM navigation, and passes the audit.
	p.audit(t, axeSource(t), "lab3 denied IAM dashboard")
	p.Click("link", "Users")
	p.WaitText(lunaImplicitDeny)
	p.Click("button", "Services")
	p.Click("link", "S3 Object storage in the cloud")
	p.WaitText("s3:ListAllMyBuckets")
	waitSteps(p, labState(steps, 10)...)
	bothLanguages(p, "lab3-03-luna-denied-s3")

	// 11: from outside the campus, the VPC console is denied.
	p.Click("button", "Virtual phone")
	p.Click("button", "Simulated network")
	emptyField(p, "devices-network-ip", "Public IP address")
	p.Type("textbox", "Public IP address", "198.51.100.7")
	p.Click("button", "Use this address")
	p.WaitText("Your computer now uses 198.51.100.7.")
	p.Click("button", "Close the virtual devices")
	goHash(p, "#/vpc")
	p.WaitText("with an explicit deny in an identity-based policy")
	waitSteps(p, labState(steps, 11)...)
	p.WaitText("Lab complete. Well done!")
	p.WaitText("100% (11 of 11)")
	if order := Eval[[]int](p, `window.__greens`); len(order) != steps {
		t.Fatalf("the steps turned green in the order %v", order)
	} else {
		for i, s := range order {
			if s != i {
				t.Fatalf("the steps turned green in the order %v", order)
			}
		}
	}
	if now, max := progressOf(p); now != "11" || max != "11" {
		t.Fatalf("progress %s/%s at the end", now, max)
	}
	bothLanguages(p, "lab3-04-complete")
}
