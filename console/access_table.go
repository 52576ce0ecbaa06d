//go:build !entry

// The console's enforcement table: for every route of the console, the IAM actions and resource ARNs AWS's console calls to
// fill the page, so that a page load is authorised for the signed-in
// principal (through the world's door, sim.Read) and a denied page shows
// AWS's access-denied message with a Why?. The root user is always
// allowed; public pages (sign-up, sign-in) and the console's own pages
// (Console Home, the simulator menu) check nothing.
package console

import (
	"strings"

	"labsim/console/cloudtrail"
	"labsim/console/core"
	"labsim/console/policysim"
	"labsim/console/services"
	"labsim/sim"
	"labsim/sim/iam"
)

// AccessCheck is one call a page makes: an IAM action on a resource pattern.
// The resource may name {account} (the session's account ID), {user},
// {group} and {policy} (the ARN of the entity the route names, with its
// path when it exists), {me} (the signed-in user's ARN), or "*".
type AccessCheck struct {
	Action   string
	Resource string
}

// AccessRow is one line of the table: a route pattern and its calls. The
// pattern is the route's hash without "#/", by segments: "{x}" stands for
// one segment, "{x...}" for one or more.
type AccessRow struct {
	Route  string
	Checks []AccessCheck
}

// AccessRows is the enforcement table, the most specific pattern first. The
// README lists it.
var AccessRows = []AccessRow{
	{Route: "home"},
	{Route: "simulator"},
	{Route: "services/{id}"},
	// The simulator's information pages (account menu entries, sign-up
	// links) show nothing of the account: nothing to authorise.
	{Route: "info/{topic}"},
	{Route: "info"},
	{Route: "signup/{step...}"},
	{Route: "signup"},
	{Route: "signin/{page...}"},
	{Route: "signin"},
	{Route: "signin-mfa/{page...}"},
	{Route: "signin-mfa"},
	{Route: "iam", Checks: []AccessCheck{{"iam:GetAccountSummary", "*"}, {"iam:ListAccountAliases", "*"}}},
	{Route: "iam/users", Checks: []AccessCheck{{"iam:ListUsers", "arn:aws:iam::{account}:user/"}}},
	{Route: "iam/users/create", Checks: createUserChecks},
	{Route: "iam/users/create/{step...}", Checks: createUserChecks},
	{Route: "iam/users/{user}/create-access-key", Checks: accessKeyChecks},
	{Route: "iam/users/{user}/create-access-key/{step...}", Checks: accessKeyChecks},
	{Route: "iam/users/{user}", Checks: []AccessCheck{{"iam:GetUser", "{user}"}, {"iam:ListAttachedUserPolicies", "{user}"},
		{"iam:ListUserPolicies", "{user}"}, {"iam:ListGroupsForUser", "{user}"}}},
	{Route: "iam/groups", Checks: []AccessCheck{{"iam:ListGroups", "arn:aws:iam::{account}:group/"}}},
	{Route: "iam/groups/create", Checks: []AccessCheck{{"iam:ListUsers", "arn:aws:iam::{account}:user/"}, {"iam:ListPolicies", "*"}}},
	{Route: "iam/groups/{group}", Checks: []AccessCheck{{"iam:GetGroup", "{group}"}, {"iam:ListAttachedGroupPolicies", "{group}"},
		{"iam:ListGroupPolicies", "{group}"}}},
	{Route: "iam/settings", Checks: []AccessCheck{{"iam:GetAccountPasswordPolicy", "*"}}},
	{Route: "iam/roles", Checks: []AccessCheck{{"iam:ListRoles", "arn:aws:iam::{account}:role/"}}},
	{Route: "iam/providers", Checks: []AccessCheck{{"iam:ListSAMLProviders", "*"}, {"iam:ListOpenIDConnectProviders", "*"}}},
	{Route: "iam/policies", Checks: []AccessCheck{{"iam:ListPolicies", "*"}}},
	{Route: "iam/policies/create", Checks: []AccessCheck{{"iam:ListPolicies", "*"}}},
	{Route: "iam/policies/create/{step...}", Checks: []AccessCheck{{"iam:ListPolicies", "*"}}},
	{Route: "iam/policies/{kind}/{policy}", Checks: policyChecks},
	{Route: "iam/policies/{kind}/{policy}/entities", Checks: append(policyChecks[:2:2], AccessCheck{"iam:ListEntitiesForPolicy", "{policy}"})},
	{Route: "iam/policies/{kind}/{policy}/versions/{version...}", Checks: append(policyChecks[:2:2], AccessCheck{"iam:ListPolicyVersions", "{policy}"})},
	{Route: "iam/policies/{kind}/{policy}/versions", Checks: append(policyChecks[:2:2], AccessCheck{"iam:ListPolicyVersions", "{policy}"})},
	{Route: "iam/policies/{kind}/{policy}/{tab...}", Checks: policyChecks},
	{Route: "iam/inline"}, // no page: "not found"
	{Route: "iam/inline/user/{user}", Checks: []AccessCheck{{"iam:GetUser", "{user}"}, {"iam:ListUserPolicies", "{user}"}}},
	{Route: "iam/inline/user/{user}/{step...}", Checks: []AccessCheck{{"iam:GetUser", "{user}"}, {"iam:ListUserPolicies", "{user}"}}},
	{Route: "iam/inline/group/{group}", Checks: []AccessCheck{{"iam:GetGroup", "{group}"}, {"iam:ListGroupPolicies", "{group}"}}},
	{Route: "iam/inline/group/{group}/{step...}", Checks: []AccessCheck{{"iam:GetGroup", "{group}"}, {"iam:ListGroupPolicies", "{group}"}}},
	{Route: "security-credentials", Checks: credentialChecks},
	{Route: "security-credentials/{step...}", Checks: credentialChecks},
	{Route: "policysim", Checks: actionsOn(policysim.PageActions())},
	{Route: "cloudtrail", Checks: actionsOn(cloudtrail.PageActions())},
}

// createUserChecks are the Create user wizard's reads: the groups and
// policies it offers.
// accessKeyChecks are the Create access key wizard's calls.
var accessKeyChecks = []AccessCheck{{"iam:GetUser", "{user}"}, {"iam:ListAccessKeys", "{user}"}}

var createUserChecks = []AccessCheck{{"iam:ListGroups", "arn:aws:iam::{account}:group/"}, {"iam:ListPolicies", "*"}}

// policyChecks are a policy's details page reads (the Entities and
// Versions tabs add theirs).
var policyChecks = []AccessCheck{{"iam:GetPolicy", "{policy}"}, {"iam:GetPolicyVersion", "{policy}"}}

// credentialChecks are an IAM user's own security credentials page: the
// user and their MFA devices (the access keys section checks
// iam:ListAccessKeys on its own, as AWS's page shows each section's
// denial in the section).
var credentialChecks = []AccessCheck{{"iam:GetUser", "{me}"}, {"iam:ListMFADevices", "{me}"}}

// actionsOn lists actions on "*".
func actionsOn(actions []string) []AccessCheck {
	out := make([]AccessCheck, len(actions))
	for i, a := range actions {
		out[i] = AccessCheck{a, "*"}
	}
	return out
}

// AccessLookup finds the row of a route and the values of its placeholders.
// The VPC, EC2 and S3 consoles' rows come from their package
// (services.PageAction): one action on "*" per page.
func AccessLookup(r core.Route) (AccessRow, map[string]string, bool) {
	if a := services.PageAction(r); a != "" {
		return AccessRow{Route: strings.TrimPrefix(r.Hash(), "#/"), Checks: []AccessCheck{{a, "*"}}}, nil, true
	}
	segs := strings.Split(strings.TrimPrefix(r.Hash(), "#/"), "/")
	if r.Page == "home" {
		segs = []string{"home"}
	}
	for _, row := range AccessRows {
		if vals, ok := matchRoute(strings.Split(row.Route, "/"), segs); ok {
			return row, vals, true
		}
	}
	return AccessRow{}, nil, false
}

// matchRoute matches route segments against a pattern.
func matchRoute(pat, segs []string) (map[string]string, bool) {
	vals := map[string]string{}
	for i, p := range pat {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "...}") {
			if i >= len(segs) {
				return nil, false
			}
			vals[p[1:len(p)-4]] = strings.Join(segs[i:], "/")
			return vals, true
		}
		if i >= len(segs) || segs[i] == "" {
			return nil, false
		}
		if strings.HasPrefix(p, "{") {
			vals[p[1:len(p)-1]] = segs[i]
		} else if p != segs[i] {
			return nil, false
		}
	}
	return vals, len(pat) == len(segs)
}

// AccessSteps returns the calls a route makes for a session, resources
// resolved; ok is false when the route has no row.
func AccessSteps(w sim.World, s sim.Session, r core.Route) ([]sim.Step, bool) {
	row, vals, ok := AccessLookup(r)
	if !ok {
		return nil, false
	}
	out := make([]sim.Step, len(row.Checks))
	for i, c := range row.Checks {
		out[i] = sim.Step{Action: c.Action, Resource: resolveResource(w, s, c.Resource, vals)}
	}
	return out, true
}

// resolveResource fills in a resource pattern.
func resolveResource(w sim.World, s sim.Session, res string, vals map[string]string) string {
	a := w.Accounts[s.AccountID]
	switch res {
	case "{user}":
		if u, ok := a.IAM.User(vals["user"]); ok {
			return u.ARN
		}
		return iam.UserARN(s.AccountID, "/", vals["user"])
	case "{group}":
		if g, ok := a.IAM.Group(vals["group"]); ok {
			return g.ARN
		}
		return iam.GroupARN(s.AccountID, "/", vals["group"])
	case "{policy}":
		if vals["kind"] == "aws" {
			return "arn:aws:iam::aws:policy/" + vals["policy"]
		}
		if p, ok := a.IAM.PolicyByName(vals["policy"]); ok {
			return p.ARN
		}
		return iam.PolicyARN(s.AccountID, "/", vals["policy"])
	case "{me}":
		return s.Principal
	}
	return strings.ReplaceAll(res, "{account}", s.AccountID)
}

// accessAuthorize decides whether the signed-in principal may see a route now,
// without logging: the first denied call, or an allowed result (also for
// a route that checks nothing). Views call it on every render.
func accessAuthorize(m core.Model, r core.Route) sim.AuthResult {
	steps, _ := AccessSteps(m.World, m.Session, r)
	res := sim.AuthResult{Decision: sim.Allowed}
	for _, st := range steps {
		if res = m.AuthorizePage(st.Action, st.Resource); res.Decision != sim.Allowed {
			return res
		}
	}
	return res
}

// accessRead makes a route's calls through the world's door (logged, denied or
// not); a route that checks nothing reads nothing.
func accessRead(m core.Model, r core.Route) core.Model {
	steps, _ := AccessSteps(m.World, m.Session, r)
	if len(steps) == 0 || !m.Session.SignedIn() {
		return m
	}
	return m.ReadPage(steps[0].Action, steps[0].Resource, steps[1:]...)
}
