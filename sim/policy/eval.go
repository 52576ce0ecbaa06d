package policy

import (
	"strconv"
	"strings"
)

// Decision is the outcome of evaluating a request. The zero value is
// ImplicitlyDenied.
type Decision uint8

// The decisions, from weakest to strongest.
const (
	ImplicitlyDenied Decision = iota // no statement allows the request
	Allowed                          // an Allow statement matched and no Deny did
	ExplicitlyDenied                 // a Deny statement matched
)

// String returns "Allowed", "ImplicitlyDenied" or "ExplicitlyDenied".
func (d Decision) String() string {
	switch d {
	case Allowed:
		return "Allowed"
	case ExplicitlyDenied:
		return "ExplicitlyDenied"
	case ImplicitlyDenied:
		return "ImplicitlyDenied"
	}
	return "Decision(" + strconv.Itoa(int(d)) + ")"
}

// Request is what is being asked: who, which action, on which resource,
// with which request context.
type Request struct {
	// Principal is the caller's ARN. Evaluate does not look at it;
	// Authorize uses it for the root rule.
	Principal string
	// Action is "service:Name"; matched ignoring case.
	Action string
	// Resource is the ARN acted on, or "" when none applies (then only
	// patterns that match the empty string, such as "*", match it).
	Resource string
	// Context holds the condition keys of the request. Keys are matched
	// ignoring ASCII case; a single value is a one-element slice; a key
	// with no values counts as absent. Policy variables read it too:
	// ${aws:username} is Context["aws:username"]. Nothing is added to it:
	// the caller supplies aws:username, aws:userid, aws:PrincipalTag/...,
	// aws:SourceIp, aws:CurrentTime and the rest.
	Context map[string][]string
}

// MatchedStatement identifies a statement that decided a request.
type MatchedStatement struct {
	Policy    int    // index of the policy in the slice given to Evaluate
	Statement int    // index of the statement in that policy's Statement array
	Sid       string // the statement's Sid, or ""
	Effect    string // "Allow" or "Deny"
}

// Result is a decision and the statements behind it: for ExplicitlyDenied
// every Deny statement that matched, for Allowed every Allow statement
// that matched, and none for ImplicitlyDenied. Order is by policy, then
// by statement.
type Result struct {
	Decision Decision
	Matched  []MatchedStatement
	// Root is set when Authorize allowed the request because the
	// principal is an account's root user, without reading any policy.
	Root bool
}

// Evaluator evaluates requests reusing its memory, so that evaluation
// allocates nothing once its Matched buffer has grown (except for rare
// conditions: BinaryEquals, StringEqualsIgnoreCase with a policy
// variable, a pattern with more than four variables). The Matched slice
// of a Result it returns is only valid until its next call. An Evaluator
// is not safe for concurrent use; the zero value is ready.
type Evaluator struct {
	matched []MatchedStatement
}

// Evaluate decides a request against identity-based policies: an
// explicit Deny beats an Allow, which beats the default implicit deny.
// Nil policies are skipped. It reads only the policies: see Authorize
// for the root user.
func (e *Evaluator) Evaluate(policies []*Compiled, req Request) Result {
	a := splitRequestAction(req.Action)
	e.matched = e.matched[:0]
	for pi, p := range policies {
		if p == nil {
			continue
		}
		for _, si := range p.index.lookup(a.svc, a.hash).deny {
			if st := &p.stmts[si]; st.applies(&a, req.Resource, req.Context) {
				e.matched = append(e.matched, MatchedStatement{Policy: pi, Statement: st.index, Sid: st.sid, Effect: "Deny"})
			}
		}
	}
	if len(e.matched) > 0 {
		return Result{Decision: ExplicitlyDenied, Matched: e.matched}
	}
	for pi, p := range policies {
		if p == nil {
			continue
		}
		for _, si := range p.index.lookup(a.svc, a.hash).allow {
			if st := &p.stmts[si]; st.applies(&a, req.Resource, req.Context) {
				e.matched = append(e.matched, MatchedStatement{Policy: pi, Statement: st.index, Sid: st.sid, Effect: "Allow"})
			}
		}
	}
	if len(e.matched) > 0 {
		return Result{Decision: Allowed, Matched: e.matched}
	}
	return Result{Decision: ImplicitlyDenied}
}

// Authorize is Evaluate with the root rule: the root user of an account
// (see IsRootARN) is always allowed, without reading any policy, and the
// Result then has Root set and no Matched statements. This is how the
// simulator authorises every operation.
func (e *Evaluator) Authorize(policies []*Compiled, req Request) Result {
	if IsRootARN(req.Principal) {
		return Result{Decision: Allowed, Root: true}
	}
	return e.Evaluate(policies, req)
}

// Evaluate is Evaluator.Evaluate with a fresh Evaluator: its Result owns
// its Matched slice.
func Evaluate(policies []*Compiled, req Request) Result {
	var e Evaluator
	return e.Evaluate(policies, req)
}

// Authorize is Evaluator.Authorize with a fresh Evaluator.
func Authorize(policies []*Compiled, req Request) Result {
	var e Evaluator
	return e.Authorize(policies, req)
}

// Decide returns only the decision of Evaluate, stopping at the first
// statement that settles it. It never allocates.
func Decide(policies []*Compiled, req Request) Decision {
	a := splitRequestAction(req.Action)
	for _, p := range policies {
		if p == nil {
			continue
		}
		for _, si := range p.index.lookup(a.svc, a.hash).deny {
			if p.stmts[si].applies(&a, req.Resource, req.Context) {
				return ExplicitlyDenied
			}
		}
	}
	for _, p := range policies {
		if p == nil {
			continue
		}
		for _, si := range p.index.lookup(a.svc, a.hash).allow {
			if p.stmts[si].applies(&a, req.Resource, req.Context) {
				return Allowed
			}
		}
	}
	return ImplicitlyDenied
}

// applies reports whether the statement matches the request: its action,
// its resource and every condition.
func (st *compiledStatement) applies(a *requestAction, resource string, ctx map[string][]string) bool {
	if st.actions.match(a) == st.notAction {
		return false
	}
	if matchAnyResource(st.resources, resource, ctx) == st.notRes {
		return false
	}
	for i := range st.conds {
		if !st.conds[i].eval(ctx) {
			return false
		}
	}
	return true
}

// IsRootARN reports whether arn names the root user of an account:
// "arn:<partition>:iam::<12-digit account>:root", e.g.
// "arn:aws:iam::123456789012:root". It is case-sensitive.
func IsRootARN(arn string) bool {
	parts, ok := splitARN(arn)
	if !ok || parts[0] != "arn" || parts[1] == "" || parts[2] != "iam" || parts[3] != "" || parts[5] != "root" {
		return false
	}
	return len(parts[4]) == 12 && allDigits(parts[4]) && !strings.Contains(parts[1], "*")
}
