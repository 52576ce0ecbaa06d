package console

import "labsim/console/info"

// shellPages are the pages the shell renders itself (view.go); the areas
// render the rest.
var shellPages = []string{"home", "services", "simulator"}

// routeSamples is one representative route (URL fragment) of every page
// the console shows, with sample arguments from the prepared world
// delegation-done (SuperUser, Luna, NetworkAdmin, NetworkAdminGuardrails).
// A test fails when an area's page has no sample here.
var routeSamples = []string{
	// The shell: landing or Console Home, a service's
	// page (with and without a console of its own), the Simulator page.
	"#/", "#/services/iam", "#/services/lightsail", "#/simulator",
	// The information pages of the account menu and the sign-up's links.
	"#/info/account", "#/info/organization", "#/info/quotas", "#/info/billing", "#/info/settings",
	"#/info/support-plans", "#/info/sales",
	// Sign-up, sign-in, MFA sign-in (public).
	"#/signup/1", "#/signup/2", "#/signup/3", "#/signup/3/bank", "#/signup/4", "#/signup/5", "#/signup/done",
	"#/signin", "#/signin/password", "#/signin/forgot", "#/signin/reset/x",
	"#/signin-mfa", "#/signin-mfa/troubleshoot", "#/signin-mfa/alternative",
	// My Security Credentials and the MFA wizard.
	"#/security-credentials", "#/security-credentials/mfa", "#/security-credentials/mfa/virtual",
	"#/security-credentials/mfa/done", "#/security-credentials/manage", "#/security-credentials/manage/resync",
	// IAM.
	"#/iam", "#/iam/users", "#/iam/users/create", "#/iam/users/create/permissions",
	"#/iam/users/create/review", "#/iam/users/create/password", "#/iam/users/Luna",
	"#/iam/users/Luna/create-access-key", "#/iam/users/Luna/create-access-key/description", "#/iam/users/Luna/create-access-key/retrieve",
	"#/iam/groups", "#/iam/groups/create", "#/iam/groups/NetworkAdmin",
	"#/iam/settings", "#/iam/roles", "#/iam/providers",
	// Policies.
	"#/iam/policies", "#/iam/policies/create", "#/iam/policies/create/review",
	"#/iam/policies/aws/IAMFullAccess", "#/iam/policies/aws/IAMFullAccess/json",
	"#/iam/policies/customer/NetworkAdminGuardrails", "#/iam/policies/customer/NetworkAdminGuardrails/entities",
	"#/iam/policies/customer/NetworkAdminGuardrails/versions", "#/iam/policies/customer/NetworkAdminGuardrails/versions/v1",
	"#/iam/policies/customer/NetworkAdminGuardrails/edit", "#/iam/policies/customer/NetworkAdminGuardrails/edit/review",
	"#/iam/inline/user/Luna", "#/iam/inline/group/NetworkAdmin",
	// VPC, EC2, S3, the policy simulator.
	"#/vpc", "#/vpc/subnets", "#/vpc/route-tables", "#/vpc/internet-gateways", "#/vpc/network-acls",
	"#/vpc/security-groups", "#/ec2", "#/s3", "#/policysim",
	// CloudTrail's Event history.
	"#/cloudtrail",
}

// Routes lists a representative route (URL fragment) of every page of the
// console's registry: the shell's pages and every area's, parameterised
// pages with arguments from the prepared world delegation-done. The
// accessibility, reflow and soak tests walk it.
func Routes() []string { return append([]string(nil), routeSamples...) }

// PublicRoute reports whether a route (URL fragment) is shown to a
// signed-out visitor; the others need a session.
func PublicRoute(hash string) bool {
	r := ParseRoute(hash)
	if r.Page == info.Page {
		// The information area is public, but only some of its topics
		// show while signed out.
		return info.PublicTopic(r.Arg)
	}
	return isPublicRoute(r)
}
