package console

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// TestEveryRouteHasAnEnforcementRow derives the routes from the areas'
// Pages (and the sub-routes each area shows) and fails when one has no
// row in the enforcement table.
func TestEveryRouteHasAnEnforcementRow(t *testing.T) {
	routes := []string{"#/", "#/simulator", "#/services/ec2"}
	for _, a := range areas() {
		for _, p := range a.Pages {
			routes = append(routes, "#/"+p)
		}
	}
	// The sub-routes of the areas' pages.
	routes = append(routes,
		"#/iam/users", "#/iam/users/create", "#/iam/users/create/permissions", "#/iam/users/Luna",
		"#/iam/groups", "#/iam/groups/create", "#/iam/groups/NetworkAdmin", "#/iam/settings", "#/iam/roles",
		"#/iam/providers", "#/iam/policies/create", "#/iam/policies/create/review",
		"#/iam/policies/aws/IAMFullAccess", "#/iam/policies/customer/NetworkAdminGuardrails/json",
		"#/iam/inline/user/Luna", "#/iam/inline/group/NetworkAdmin/review",
		"#/security-credentials/mfa", "#/security-credentials/manage",
		"#/vpc/subnets", "#/vpc/route-tables", "#/vpc/internet-gateways", "#/vpc/network-acls", "#/vpc/security-groups",
		"#/signin/password", "#/signin/123456789012", "#/signin/new-password", "#/signin-mfa/troubleshoot", "#/signup/2")
	for _, h := range routes {
		r := ParseRoute(h)
		_, _, ok := AccessLookup(r)
		require.True(t, ok, "no enforcement row for %s", h)
		// Signed-in pages that show something AWS protects check something.
		if a, ok := areaForRoute(r); ok && !a.Public && h != "#/iam/inline" {
			steps, _ := AccessSteps(sim.World{}, sim.Session{AccountID: sim.DemoAccountID}, r)
			require.NotEmpty(t, steps, "%s checks nothing", h)
		}
	}
}

func TestEnforcementTableResources(t *testing.T) {
	m, _ := start(t, map[string]string{"world": "delegation-done", "lang": "en"}, "")
	s := sim.Session{AccountID: sim.DemoAccountID, Principal: "arn:aws:iam::123456789012:user/Luna", UserName: "Luna"}
	for _, tc := range []struct {
		hash  string
		steps []sim.Step
	}{
		{"#/iam/users", []sim.Step{{Action: "iam:ListUsers", Resource: "arn:aws:iam::123456789012:user/"}}},
		{"#/iam/users/SuperUser", []sim.Step{{Action: "iam:GetUser", Resource: "arn:aws:iam::123456789012:user/SuperUser"},
			{Action: "iam:ListAttachedUserPolicies", Resource: "arn:aws:iam::123456789012:user/SuperUser"},
			{Action: "iam:ListUserPolicies", Resource: "arn:aws:iam::123456789012:user/SuperUser"},
			{Action: "iam:ListGroupsForUser", Resource: "arn:aws:iam::123456789012:user/SuperUser"}}},
		{"#/iam/groups/NetworkAdmin", []sim.Step{{Action: "iam:GetGroup", Resource: "arn:aws:iam::123456789012:group/NetworkAdmin"},
			{Action: "iam:ListAttachedGroupPolicies", Resource: "arn:aws:iam::123456789012:group/NetworkAdmin"},
			{Action: "iam:ListGroupPolicies", Resource: "arn:aws:iam::123456789012:group/NetworkAdmin"}}},
		{"#/iam/policies/customer/NetworkAdminGuardrails", []sim.Step{
			{Action: "iam:GetPolicy", Resource: sim.GuardrailsPolicyARN(sim.DemoAccountID)},
			{Action: "iam:GetPolicyVersion", Resource: sim.GuardrailsPolicyARN(sim.DemoAccountID)}}},
		{"#/iam/policies/aws/IAMFullAccess/entities", []sim.Step{
			{Action: "iam:GetPolicy", Resource: "arn:aws:iam::aws:policy/IAMFullAccess"},
			{Action: "iam:GetPolicyVersion", Resource: "arn:aws:iam::aws:policy/IAMFullAccess"},
			{Action: "iam:ListEntitiesForPolicy", Resource: "arn:aws:iam::aws:policy/IAMFullAccess"}}},
		{"#/security-credentials", []sim.Step{{Action: "iam:GetUser", Resource: s.Principal},
			{Action: "iam:ListMFADevices", Resource: s.Principal}}},
		{"#/vpc/subnets", []sim.Step{{Action: "ec2:DescribeSubnets", Resource: "*"}}},
		{"#/s3", []sim.Step{{Action: "s3:ListAllMyBuckets", Resource: "*"}}},
		{"#/", []sim.Step{}},
	} {
		steps, ok := AccessSteps(m.World, s, ParseRoute(tc.hash))
		require.True(t, ok, tc.hash)
		require.Equal(t, tc.steps, steps, tc.hash)
	}
}

// asLuna signs Luna in directly (the sign-in pages are tested in
// console/signin), with or without MFA.
func asLuna(t *testing.T, mfaUsed bool) Model {
	t.Helper()
	m, _ := start(t, map[string]string{"world": "delegation-done", "lang": "en"}, "")
	a := m.World.Accounts[sim.DemoAccountID]
	u, ok := a.IAM.User(sim.LunaName)
	require.True(t, ok)
	m.Session = sim.UserSession(a, u, m.Now, mfaUsed)
	return m
}

const (
	lunaARN      = "arn:aws:iam::123456789012:user/Luna"
	listUsersOn  = "User: " + lunaARN + " is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/"
	explicitDeny = listUsersOn + " with an explicit deny in an identity-based policy"
	implicitDeny = listUsersOn + " because no identity-based policy allows the iam:ListUsers action"
)

func TestDeniedPageShowsAWSMessageAndWhy(t *testing.T) {
	for _, tc := range []struct {
		name     string
		mfa      bool
		ip       string
		message  string
		whyShows []string
	}{
		{"no MFA: explicit deny", false, "", explicitDeny,
			[]string{"aws:MultiFactorAuthPresent", "BoolIfExists aws:MultiFactorAuthPresent false", "A Deny statement matches."}},
		{"MFA: implicit deny", true, "", implicitDeny,
			[]string{"aws:MultiFactorAuthAge", "does not apply: the action is not listed in Action", "No statement allows this request"}},
		{"MFA, outside the campus: explicit deny", true, "198.51.100.7", explicitDeny,
			[]string{"aws:SourceIp", "198.51.100.7", "NotIpAddress aws:SourceIp 203.0.113.0/24", "A Deny statement matches."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := asLuna(t, tc.mfa)
			if tc.ip != "" {
				m.World.SourceIP = tc.ip
			}
			before := len(m.World.Events)
			m = send(m, Navigate{Now: m.Now, Hash: "#/iam/users"})
			// The page load went through the door and its denial is logged.
			require.Len(t, m.World.Events, before+1)
			ev := enfLastEvent(m)
			require.Equal(t, "iam:ListUsers", ev.Action)
			require.Equal(t, awserr.AccessDenied, ev.ErrorCode)
			require.Equal(t, lunaARN, ev.Principal)

			find(t, m, "heading", "Users")
			alert := find(t, m, "alert", "")
			require.Contains(t, alert.TextContent(), "Access denied")
			require.Contains(t, alert.TextContent(), tc.message)
			require.NotContains(t, View(m).TextContent(), "Create user", "nothing of the page shows")
			// The IAM navigation stays, so that the student can go on to
			// another IAM page (the dashboard is denied to Luna too).
			find(t, m, "link", "User groups")
			m = send(m, Navigate{Now: m.Now, Hash: "#/iam"})
			find(t, m, "heading", "IAM dashboard")
			find(t, m, "alert", "")
			require.Equal(t, "#/iam/users", attrOf(find(t, m, "link", "Users"), "href"))
			m = send(m, Navigate{Now: m.Now, Hash: "#/iam/users"})

			require.False(t, shows(m, "Request context"))
			m = press(t, m, "button", "Why?")
			for _, s := range tc.whyShows {
				require.True(t, shows(m, s), "Why? shows %q", s)
			}
			require.True(t, shows(m, "NetworkAdminGuardrails"))
			checkPseudo(t, enfPseudo(m))
		})
	}
}

func TestRootIsAlwaysAllowedAndNotLogged(t *testing.T) {
	m, _ := start(t, map[string]string{"world": "delegation-done", "lang": "en"}, "")
	a := m.World.Accounts[sim.DemoAccountID]
	m.Session = sim.RootSession(a, m.Now, false)
	n := len(m.World.Events)
	m = send(m, Navigate{Now: m.Now, Hash: "#/iam/users"})
	require.Len(t, m.World.Events, n)
	require.False(t, shows(m, "Access denied"))
	find(t, m, "link", "Luna")
}

func TestAllowedPageForLunaShowsItsContent(t *testing.T) {
	m := asLuna(t, false)
	// Her own credentials page is allowed without MFA (her own user and
	// MFA devices), the users list is not.
	m = send(m, Navigate{Now: m.Now, Hash: "#/security-credentials"})
	find(t, m, "button", "Assign MFA device")
	find(t, m, "button", "Why?") // the access keys section's denial
	require.Equal(t, "iam:GetUser", enfLastEvent(m).Action)
	require.Equal(t, "", enfLastEvent(m).ErrorCode)
	m = asLuna(t, true)
	m = send(m, Navigate{Now: m.Now, Hash: "#/vpc"})
	require.False(t, shows(m, "Access denied"))
	require.Equal(t, "ec2:DescribeVpcs", enfLastEvent(m).Action)
	require.Equal(t, "", enfLastEvent(m).ErrorCode)
}

func TestRequestContextOfEachSession(t *testing.T) {
	m := asLuna(t, false)
	a := m.World.Accounts[sim.DemoAccountID]
	u, _ := a.IAM.User(sim.LunaName)
	env := sim.Env{Now: m.Now, Region: "ap-northeast-2"}
	for _, tc := range []struct {
		name    string
		s       sim.Session
		action  string
		want    map[string]string
		missing []string
	}{
		{"root", sim.RootSession(a, m.Now, true), "iam:ListUsers", nil, nil},
		{"signed out", sim.Session{}, "iam:ListUsers", nil, nil},
		{"IAM user without MFA", sim.UserSession(a, u, m.Now, false), "iam:ListUsers", map[string]string{
			"aws:username": "Luna", "aws:userid": u.ID, "aws:PrincipalArn": lunaARN, "aws:PrincipalType": "User",
			"aws:PrincipalAccount": sim.DemoAccountID, "aws:MultiFactorAuthPresent": "false", "aws:SourceIp": "203.0.113.10",
			"aws:SecureTransport": "true", "aws:ViaAWSService": "false", "aws:RequestedRegion": "us-east-1",
			"aws:CurrentTime": m.Now.UTC().Format("2006-01-02T15:04:05Z")}, []string{"aws:MultiFactorAuthAge"}},
		{"IAM user with MFA, regional service", sim.UserSession(a, u, m.Now, true), "ec2:DescribeVpcs", map[string]string{
			"aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "0", "aws:RequestedRegion": "ap-northeast-2"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := m.World.RequestContext(tc.s, tc.action, env)
			if tc.want == nil {
				require.Nil(t, ctx)
				return
			}
			for k, v := range tc.want {
				require.Equal(t, []string{v}, ctx[k], k)
			}
			for _, k := range tc.missing {
				require.NotContains(t, ctx, k)
			}
			require.True(t, strings.HasPrefix(ctx["aws:EpochTime"][0], "17") || len(ctx["aws:EpochTime"][0]) == 10)
		})
	}
}

// shows reports whether the view shows a text.
func shows(m Model, s string) bool { return strings.Contains(View(m).TextContent(), s) }

func TestLunaManagesHerOwnCredentialsWithoutMFA(t *testing.T) {
	m := asLuna(t, false)
	now := m.Now
	m = send(m, Navigate{Now: now, Hash: "#/security-credentials"})
	find(t, m, "heading", "My Security Credentials")
	require.True(t, shows(m, lunaARN))
	// Access keys: the guardrails deny iam:ListAccessKeys without MFA.
	require.True(t, shows(m, "is not authorized to perform: iam:ListAccessKeys on resource: "+lunaARN+" with an explicit deny"))

	// Own password: checked, then iam:ChangePassword through the door.
	m, _ = enfSubmit(m, now, "mfa.changePassword", map[string]string{"mfa.cp.old.password": sim.LunaPassword,
		"mfa.cp.new.password": "Luna-Next-2026!", "mfa.cp.confirm": "Luna-Other-2026!"})
	require.True(t, shows(m, "The passwords do not match."))
	m, _ = enfSubmit(m, now, "mfa.changePassword", map[string]string{"mfa.cp.old.password": sim.LunaPassword,
		"mfa.cp.new.password": "Luna-Next-2026!", "mfa.cp.confirm": "Luna-Next-2026!"})
	require.True(t, shows(m, "Your password has been changed."))
	require.Equal(t, "iam:ChangePassword", enfLastEvent(m).Action)
	require.True(t, m.World.Accounts[sim.DemoAccountID].IAM.CheckPassword(sim.LunaName, "Luna-Next-2026!"))

	// Own MFA device: the same wizard and code rules as root.
	m, _ = enfPress(t, m, now, "button", "Assign MFA device")
	m, _ = enfSubmit(m, now, "mfa.type", map[string]string{"mfa.type": "virtual"})
	require.Equal(t, "#/security-credentials/mfa/virtual", m.UI.Route)
	secret, ok := m.MFAPendingSecret()
	require.True(t, ok)
	ev, ok := findEvent(m, "iam:CreateVirtualMFADevice")
	require.True(t, ok)
	require.Equal(t, "arn:aws:iam::123456789012:mfa/Luna", ev.Resource)
	require.Equal(t, "", ev.ErrorCode)
	m, _ = enfSubmit(m, now, "mfa.assign", map[string]string{"mfa.code1": "123456", "mfa.code2": "123456"})
	u, _ := m.World.Accounts[sim.DemoAccountID].IAM.User(sim.LunaName)
	require.Empty(t, u.MFA, "two equal codes are refused")
	m, _ = enfSubmit(m, now, "mfa.assign", map[string]string{
		"mfa.code1": enfCodeAt(t, secret, now, -1), "mfa.code2": enfCodeAt(t, secret, now, 0)})
	u, _ = m.World.Accounts[sim.DemoAccountID].IAM.User(sim.LunaName)
	require.Len(t, u.MFA, 1)
	ev, ok = findEvent(m, "iam:EnableMFADevice")
	require.True(t, ok)
	require.Equal(t, "", ev.ErrorCode)
	require.Empty(t, m.World.Accounts[sim.DemoAccountID].RootMFA, "the root user's devices are untouched")
}

// findEvent returns the latest event of an action.
func findEvent(m Model, action string) (sim.Event, bool) {
	for i := len(m.World.Events) - 1; i >= 0; i-- {
		if m.World.Events[i].Action == action {
			return m.World.Events[i], true
		}
	}
	return sim.Event{}, false
}

// withLunaDevice gives Luna a virtual MFA device through the door.
func withLunaDevice(t *testing.T, m Model) (Model, mfa.Secret) {
	t.Helper()
	a := m.World.Accounts[sim.DemoAccountID]
	u, _ := a.IAM.User(sim.LunaName)
	s := sim.UserSession(a, u, m.Now, false)
	env := m.Env()
	var secret mfa.Secret
	w, err := m.World.Do(s, sim.CreateVirtualMFADevice{Name: sim.LunaName, Secret: &secret}, env)
	require.NoError(t, err)
	w, err = w.Do(s, sim.EnableMFADevice{UserName: sim.LunaName, DeviceName: sim.LunaName, Secret: secret,
		Code1: enfCodeAt(t, secret, m.Now, -1), Code2: enfCodeAt(t, secret, m.Now, 0)}, env)
	require.NoError(t, err)
	m.World = w
	return m, secret
}

func TestDeniedOperationShowsTheMessageAndWhyOnThePage(t *testing.T) {
	m, _ := withLunaDevice(t, asLuna(t, true))
	serial := "arn:aws:iam::123456789012:mfa/Luna"
	m = send(m, Navigate{Now: m.Now, Hash: "#/security-credentials"})
	m = click(m, "mfa.manage", serial)
	require.Equal(t, "#/security-credentials/manage", m.UI.Route)
	m = click(m, "mfa.remove", "")
	m = click(m, "mfa.removeYes", "")
	// Nothing changed: the device is still Luna's.
	u, _ := m.World.Accounts[sim.DemoAccountID].IAM.User(sim.LunaName)
	require.Len(t, u.MFA, 1)
	ev, ok := findEvent(m, "iam:DeactivateMFADevice")
	require.True(t, ok)
	require.Equal(t, awserr.AccessDenied, ev.ErrorCode)
	msg := "User: " + lunaARN + " is not authorized to perform: iam:DeactivateMFADevice on resource: " + lunaARN +
		" because no identity-based policy allows the iam:DeactivateMFADevice action"
	require.True(t, shows(m, msg))
	m = press(t, m, "button", "Why?")
	require.True(t, shows(m, "No statement allows this request"))
	require.True(t, shows(m, "AllowManageOwnPasswordAndMFA"))
	// Another page forgets it.
	m = send(m, Navigate{Now: m.Now, Hash: "#/vpc"})
	_, why := ui.Find(View(m), "button", "Why?")
	require.False(t, why)
}

func TestSimulatedNetworkChangesSourceIp(t *testing.T) {
	m := asLuna(t, true)
	m = click(m, "devices.open", "phone")
	m = press(t, m, "button", "Simulated network")
	require.Equal(t, "203.0.113.10", suAttrOf(t, m, "Public IP address"))
	m, _ = enfSubmit(m, m.Now, "devices.network", map[string]string{"devices.network.ip": "198.51.100.300"})
	require.True(t, shows(m, "Enter an IPv4 address"))
	require.Equal(t, "198.51.100.300", suAttrOf(t, m, "Public IP address"), "what was typed stays")
	require.NotEqual(t, "198.51.100.300", m.World.SourceIP, "nothing changes")
	m, _ = enfSubmit(m, m.Now, "devices.network", map[string]string{"devices.network.ip": "198.51.100.7"})
	require.Equal(t, "198.51.100.7", m.World.SourceIP)
	require.Equal(t, sim.SetSourceIPAction, enfLastEvent(m).Action)
	require.True(t, shows(m, "Your computer now uses 198.51.100.7."))
	m = send(m, Navigate{Now: m.Now, Hash: "#/vpc"})
	require.True(t, shows(m, "is not authorized to perform: ec2:DescribeVpcs with an explicit deny in an identity-based policy"))
	checkPseudo(t, enfPseudo(m))
}

// suAttrOf is the value of the text field with a label.
func suAttrOf(t *testing.T, m Model, label string) string {
	t.Helper()
	v, _ := find(t, m, "textbox", label).Attr("value")
	return v
}

// enfLastEvent returns the world's latest event.
func enfLastEvent(m Model) sim.Event { return m.World.Events[len(m.World.Events)-1] }

// enfSubmit sends a form with its values at now.
func enfSubmit(m Model, now time.Time, form string, values map[string]string) (Model, []Effect) {
	return Update(m, Submit{Now: now, Form: form, Values: values})
}

// enfPress activates a control found by role and name at now.
func enfPress(t *testing.T, m Model, now time.Time, role, name string) (Model, []Effect) {
	t.Helper()
	n := find(t, m, role, name)
	action, ok := n.Attr("data-action")
	require.True(t, ok, "%s %q has no data-action", role, name)
	arg, _ := n.Attr("data-arg")
	return Update(m, Click{Now: now, Action: action, Arg: arg})
}

// enfCodeAt returns secret's code k steps from now's step.
func enfCodeAt(t *testing.T, s mfa.Secret, now time.Time, k int64) string {
	t.Helper()
	c, err := mfa.CodeAt(s, mfa.Step(now)+k)
	require.NoError(t, err)
	return c
}

// enfPseudo renders the model in the pseudo-locale.
func enfPseudo(m Model) Model {
	m.UI.Lang = i18n.Pseudo
	return m
}

// TestDeniedPageWhyForEachConditionOperatorFamily gives SuperUser (in
// delegation-done, with IAMFullAccess) an inline Deny on iam:ListUsers
// under one condition of each operator family, and checks that the users
// page is an explicit deny whose Why? names the operator, the key, the
// policy's value and the request's value, and says the condition is met;
// a condition that is not met leaves the allow of IAMFullAccess.
func TestDeniedPageWhyForEachConditionOperatorFamily(t *testing.T) {
	for _, tc := range []struct {
		family, cond, shows, request string
		met                          bool
	}{
		{"String", `"StringEquals":{"aws:username":"SuperUser"}`, "StringEquals aws:username SuperUser", "SuperUser", true},
		{"String not met", `"StringLike":{"aws:username":"Lu*"}`, "StringLike aws:username Lu*", "SuperUser", false},
		{"Numeric", `"NumericLessThan":{"aws:EpochTime":"4000000000"}`, "NumericLessThan aws:EpochTime 4000000000", "", true},
		{"Date", `"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}`, "DateGreaterThan aws:CurrentTime 2020-01-01T00:00:00Z", "", true},
		{"Bool", `"Bool":{"aws:SecureTransport":"true"}`, "Bool aws:SecureTransport true", "true", true},
		{"IP", `"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}`, "IpAddress aws:SourceIp 203.0.113.0/24", "203.0.113.10", true},
		{"ARN", `"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/Super*"}`, "ArnLike aws:PrincipalArn arn:aws:iam::*:user/Super*", "arn:aws:iam::123456789012:user/SuperUser", true},
		{"Null", `"Null":{"aws:MultiFactorAuthAge":"true"}`, "Null aws:MultiFactorAuthAge true", "—", true},
		{"IfExists", `"StringEqualsIfExists":{"aws:PrincipalTag/team":"none"}`, "StringEqualsIfExists aws:PrincipalTag/team none", "—", true},
	} {
		t.Run(tc.family, func(t *testing.T) {
			m, _ := start(t, map[string]string{"world": "delegation-done", "lang": "en"}, "")
			a := m.World.Accounts[sim.DemoAccountID]
			u, _ := a.IAM.User(sim.SuperUserName)
			doc := `{"Version":"2012-10-17","Statement":[{"Sid":"Family","Effect":"Deny","Action":"iam:ListUsers","Resource":"*","Condition":{` + tc.cond + `}}]}`
			w, err := m.World.Do(sim.RootSession(a, m.Now, false), sim.PutUserPolicy{UserName: sim.SuperUserName, PolicyName: "Family", Document: doc}, m.Env())
			require.NoError(t, err)
			m.World = w
			m.Session = sim.UserSession(a, u, m.Now, false)
			m = send(m, Navigate{Now: m.Now, Hash: "#/iam/users"})
			if !tc.met {
				require.False(t, shows(m, "Access denied"))
				return
			}
			require.True(t, shows(m, "User: arn:aws:iam::123456789012:user/SuperUser is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ with an explicit deny in an identity-based policy"))
			m = press(t, m, "button", "Why?")
			require.True(t, shows(m, tc.shows))
			if tc.request != "" {
				require.True(t, shows(m, "request value: "+tc.request))
			}
			require.True(t, shows(m, "— met"))
			require.True(t, shows(m, "this statement decided"))
		})
	}
}
