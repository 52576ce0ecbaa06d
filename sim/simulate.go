package sim

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"labsim/sim/awserr"
	"labsim/sim/iam"
	"labsim/sim/policy"
)

// PolicySimulated is the Kind of a policy the policy simulator evaluates
// as if it were attached (pasted by the student, attached to nobody).
const PolicySimulated = "Simulated"

// SimulatedPolicyName is the name the simulator's results give a pasted
// policy.
const SimulatedPolicyName = "New policy"

// SimulationRequest is one question to the IAM policy simulator: may the
// user or group Source perform Action on Resource, with the request
// context of a console session without MFA changed by Context (a key
// mapped to "" is removed from the request), and with the policy
// documents of Extra evaluated as if they were attached to Source too.
type SimulationRequest struct {
	AccountID string
	// Source is the ARN of an IAM user or group of the account.
	Source   string
	Action   string
	Resource string
	Context  map[string]string
	Extra    []string
}

// Simulation is a simulator's answer: the result as Authorize gives it
// (decision, request, policies, deciding statements, message) and the
// trace of every statement (see World.Explain), indexing Result.Policies.
type Simulation struct {
	Result AuthResult
	Traces []policy.StatementTrace
}

// SimulatePrincipal answers a SimulationRequest as AWS's IAM policy
// simulator does for a user or a group of the account: the identity-based
// policies of the user (and of their groups) or of the group, plus the
// extra documents, evaluated by the policy engine. For a user the request
// context is the one World.Simulate uses; for a group it has no
// user-specific keys (aws:username, aws:userid, aws:PrincipalArn, …). An
// extra document that does not compile counts for nothing and carries its
// error in Result.Policies. It changes nothing; the console runs
// SimulatePrincipalPolicy through the door to log each run.
func (w World) SimulatePrincipal(req SimulationRequest, env Env) Simulation {
	r := AuthResult{Principal: req.Source, Action: req.Action, Resource: req.Resource}
	acct, ok := w.Accounts[req.AccountID]
	if !ok {
		return Simulation{Result: r.deny(ImplicitlyDenied, ReasonUnknownPrincipal)}
	}
	u, isUser := userByARN(acct.IAM, req.Source)
	var g iam.Group
	isGroup := false
	if !isUser {
		i := slices.IndexFunc(acct.IAM.Groups, func(g iam.Group) bool { return g.ARN == req.Source })
		if isGroup = i >= 0; isGroup {
			g = acct.IAM.Groups[i]
		}
	}
	if !isUser && !isGroup {
		return Simulation{Result: r.deny(ImplicitlyDenied, ReasonUnknownPrincipal)}
	}
	if owner := accountOfARN(req.Resource); owner != "" && owner != "aws" && owner != acct.ID {
		return Simulation{Result: r.deny(ImplicitlyDenied, ReasonOtherAccount)}
	}
	holder := u
	if isGroup {
		// A group's policies are those of a user who is only in it.
		holder = iam.User{Groups: []string{g.Name}}
		r.Context = groupContext(w, req.Action, env)
	} else {
		r.Context = w.userContext(acct, u, time.Time{}, req.Action, env)
	}
	for k, v := range req.Context {
		for have := range r.Context {
			if strings.EqualFold(have, k) {
				delete(r.Context, have)
			}
		}
		if v != "" {
			r.Context[k] = []string{v}
		}
	}
	applied, compiled := identityPolicies(acct.IAM, holder)
	for i, doc := range req.Extra {
		name := SimulatedPolicyName
		if len(req.Extra) > 1 {
			name += " " + strconv.Itoa(i+1)
		}
		p := AppliedPolicy{Kind: PolicySimulated, Name: name, Document: doc}
		c, err := compileCached(doc)
		if err != nil {
			p.Error, c = err.Error(), nil
		}
		applied = append(applied, p)
		compiled = append(compiled, c)
	}
	r.Policies = applied
	res, traces := policy.Explain(compiled, policy.Request{Principal: req.Source, Action: r.Action, Resource: r.Resource, Context: r.Context})
	r.Matched = res.Matched
	switch {
	case res.Decision == policy.Allowed:
		r.Decision, r.Reason = Allowed, ReasonAllow
	case res.Decision == policy.ExplicitlyDenied:
		r = r.deny(ExplicitlyDenied, ReasonExplicitDeny)
	case isUser && strings.EqualFold(r.Action, "iam:ChangePassword") && r.Resource == u.ARN && acct.IAM.PasswordPolicy.UsersMayChangeOwn():
		r.Decision, r.Reason = Allowed, ReasonPasswordPolicy
	default:
		r = r.deny(ImplicitlyDenied, ReasonNoAllow)
	}
	return Simulation{Result: r, Traces: traces}
}

// userByARN finds an IAM user by ARN.
func userByARN(a iam.Account, arn string) (iam.User, bool) {
	i := slices.IndexFunc(a.Users, func(u iam.User) bool { return u.ARN == arn })
	if i < 0 {
		return iam.User{}, false
	}
	return a.Users[i], true
}

// groupContext is the request context the simulator uses for a group:
// the keys every console request carries, without a user's.
func groupContext(w World, action string, env Env) map[string][]string {
	ctx := w.userContext(Account{}, iam.User{}, time.Time{}, action, env)
	for _, k := range []string{"aws:username", "aws:userid", "aws:PrincipalArn", "aws:PrincipalType", "aws:PrincipalAccount"} {
		delete(ctx, k)
	}
	return ctx
}

// SimulatePrincipalPolicy is one run of the IAM policy simulator for a
// user or group (iam:SimulatePrincipalPolicy on its ARN, after
// iam:GetContextKeysForPrincipalPolicy, as the simulator calls both). It
// changes nothing: its event records the run, with the simulated actions
// and resource in its detail, so that labs can check that a student used
// the simulator.
type SimulatePrincipalPolicy struct {
	Source  string
	Actions []string
	// ResourceARN is the simulated resource ("*" for any).
	ResourceARN string
	// Custom is true when a policy not attached to Source was simulated
	// with it.
	Custom bool
}

// Action implements Op.
func (SimulatePrincipalPolicy) Action() string { return "iam:SimulatePrincipalPolicy" }

// Resource implements Op.
func (o SimulatePrincipalPolicy) Resource(w World, s Session) string { return o.Source }

// Steps implements MultiStep.
func (o SimulatePrincipalPolicy) Steps(w World, s Session) []Step {
	return []Step{{Action: "iam:GetContextKeysForPrincipalPolicy", Resource: o.Source}}
}

// Apply implements Op: the source must exist; nothing changes.
func (o SimulatePrincipalPolicy) Apply(w *World, s Session, env Env) error {
	acct := w.Accounts[s.AccountID]
	if _, ok := userByARN(acct.IAM, o.Source); ok {
		return nil
	}
	if slices.ContainsFunc(acct.IAM.Groups, func(g iam.Group) bool { return g.ARN == o.Source }) {
		return nil
	}
	return awserr.New(awserr.NoSuchEntity, "kind", "PolicySourceArn", "name", o.Source)
}

// Detail implements Detailer.
func (o SimulatePrincipalPolicy) Detail(w World) map[string]string {
	d := map[string]string{"actions": strings.Join(o.Actions, ","), "resource": o.ResourceARN}
	if o.Custom {
		d["customPolicy"] = "true"
	}
	return d
}
