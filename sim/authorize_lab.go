package sim

import (
	"slices"
	"strings"

	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// LabIAM answers the IAM questions of lab checks (the sim/lab package's
// IAM interface) from a world. Names are compared as IAM compares them
// (ignoring case); decisions are "Allowed", "ImplicitlyDenied" or
// "ExplicitlyDenied".
type LabIAM struct {
	World World
	// Env gives the time of aws:CurrentTime and aws:EpochTime.
	Env Env
}

// User reports whether the account has the user, whether the user has a
// console password and whether it must be changed at next sign-in.
func (l LabIAM) User(accountID, name string) (exists, console, mustChange bool) {
	u, ok := l.World.IAMUser(accountID, name)
	if !ok {
		return false, false, false
	}
	return true, u.Login.Enabled(), u.Login.MustChange
}

// Group reports whether the account has the group.
func (l LabIAM) Group(accountID, name string) bool {
	_, ok := l.World.IAMGroup(accountID, name)
	return ok
}

// InGroup reports whether the user is a member of the group.
func (l LabIAM) InGroup(accountID, user, group string) bool {
	u, ok := l.World.IAMUser(accountID, user)
	return ok && slices.ContainsFunc(u.Groups, func(g string) bool { return strings.EqualFold(g, group) })
}

// Attached reports whether a managed policy is attached directly to the
// user or group (kind "user" or "group"). policy is an ARN, a customer
// managed policy's name or an AWS managed policy's name.
func (l LabIAM) Attached(accountID, kind, name, policyRef string) bool {
	arns := l.World.AttachedPolicyARNs(accountID, kind, name)
	var want []string
	if strings.HasPrefix(policyRef, "arn:") {
		want = append(want, policyRef)
	} else {
		if p, ok := l.World.CustomerPolicy(accountID, policyRef); ok {
			want = append(want, p.ARN)
		}
		if p, ok := catalog.LookupManagedPolicy(policyRef); ok {
			want = append(want, p.ARN)
		}
	}
	for _, w := range want {
		if slices.Contains(arns, w) {
			return true
		}
	}
	return false
}

// CustomerPolicy reports whether the account has the customer managed
// policy.
func (l LabIAM) CustomerPolicy(accountID, name string) bool {
	_, ok := l.World.CustomerPolicy(accountID, name)
	return ok
}

// PolicyDecision evaluates a customer managed policy's default version
// alone for a request with exactly the given context; "" when there is
// no such policy or it does not compile.
func (l LabIAM) PolicyDecision(accountID, name, action, resource string, ctx map[string]string) string {
	p, ok := l.World.CustomerPolicy(accountID, name)
	if !ok {
		return ""
	}
	c, err := compileCached(p.Default().Document)
	if err != nil {
		return ""
	}
	req := policy.Request{Action: action, Resource: resource, Context: make(map[string][]string, len(ctx))}
	for k, v := range ctx {
		req.Context[k] = []string{v}
	}
	return policy.Evaluate([]*policy.Compiled{c}, req).Decision.String()
}

// Decide evaluates a request of the IAM user with all the user's policies
// (see World.Simulate: a console session without MFA, with ctx set over
// it); "" when there is no such user.
func (l LabIAM) Decide(accountID, user, action, resource string, ctx map[string]string) string {
	u, ok := l.World.IAMUser(accountID, user)
	if !ok {
		return ""
	}
	return string(l.World.Simulate(accountID, u.ARN, action, resource, ctx, l.Env).Decision)
}
