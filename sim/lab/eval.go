package lab

import (
	"net/netip"
	"strings"

	"labsim/sim"
)

// IAM answers the questions about IAM identities and policies that checks
// ask. The console adapts the simulated IAM service to it; a nil IAM makes
// every IAM check fail. Names are compared as IAM compares them. Decisions
// are "Allowed", "ImplicitlyDenied" or "ExplicitlyDenied".
type IAM interface {
	// User reports whether the account has the IAM user, whether the user
	// has a console password, and whether the user must change it at the
	// next sign-in.
	User(account, name string) (exists, console, mustChange bool)
	// Group reports whether the account has the IAM group.
	Group(account, name string) bool
	// InGroup reports whether the user is a member of the group.
	InGroup(account, user, group string) bool
	// Attached reports whether the policy is attached to the user or group
	// (kind "user" or "group") named name. policy is an AWS managed
	// policy's name or ARN, or a customer managed policy's name.
	Attached(account, kind, name, policy string) bool
	// CustomerPolicy reports whether the account has the customer managed
	// policy.
	CustomerPolicy(account, name string) bool
	// PolicyDecision evaluates the customer managed policy's default
	// version alone as an identity-based policy for the request (context
	// holds condition keys such as aws:MultiFactorAuthPresent,
	// aws:SourceIp or aws:username). It returns "" when there is no such
	// policy.
	PolicyDecision(account, policy, action, resource string, context map[string]string) string
	// Decide evaluates the request for the IAM user with every policy that
	// applies to the user, as the policy simulator does; "" when there is
	// no such user.
	Decide(account, user, action, resource string, context map[string]string) string
}

// Facts is what checks look at: the world (its accounts and event log)
// and the IAM answers.
type Facts struct {
	World sim.World
	IAM   IAM
}

// evalStep evaluates every check of a task step into res (one per check)
// and reports whether the step's needs are met. Events with a sequence
// number up to from are not looked at: they are before the attempt, or
// were already looked at for this step, whose earlier results are prev (a
// check about events, once true, stays true: events never change).
func evalStep(s *Step, f *Facts, from int, prev, res []bool) bool {
	anyPass, allPass := false, true
	for i := range s.Checks {
		c := &s.Checks[i]
		var ok bool
		if eventKind(c.Kind) {
			ok = i < len(prev) && prev[i] || anyEvent(c, &f.World, from)
		} else {
			ok = evalState(c, f)
		}
		res[i] = ok
		anyPass = anyPass || ok
		allPass = allPass && ok
	}
	if s.Needs == NeedsAny {
		return anyPass
	}
	return allPass
}

// eventKind reports whether checks of the kind look at the event log.
func eventKind(k Kind) bool {
	return k == KindAccountCreated || k == KindSignedIn || k == KindMFASignInDone || k == KindEvent
}

// evalCheck decides one task check, looking at events after base.
func evalCheck(c *Check, f *Facts, base int) bool {
	if eventKind(c.Kind) {
		return anyEvent(c, &f.World, base)
	}
	return evalState(c, f)
}

// anyEvent reports whether an event after from matches the check, looking
// from the newest back.
func anyEvent(c *Check, w *sim.World, from int) bool {
	for i := len(w.Events) - 1; i >= 0 && w.Events[i].Seq > from; i-- {
		if eventMatches(c, &w.Events[i]) {
			return true
		}
	}
	return false
}

// eventMatches decides whether one event satisfies an event-log check.
func eventMatches(c *Check, e *sim.Event) bool {
	switch c.Kind {
	case KindAccountCreated:
		return e.Action == sim.SignUpAction && succeeded(e)
	case KindSignedIn:
		return e.Action == sim.ConsoleLoginAction && succeeded(e) && signInIs(e, c.As == AsRoot, c.User)
	case KindMFASignInDone:
		return e.Action == sim.ConsoleLoginAction && succeeded(e) && e.Detail["mfa"] == "true" &&
			signInIs(e, c.User == "", c.User)
	case KindEvent:
		return e.Action == c.Action && principalIs(e.Principal, c.Principal) &&
			decisionIs(string(e.Decision), c.Decision) && sourceOutside(e.SourceIP, c.SourceOutside)
	}
	return false
}

// evalState decides a check about the world's state: it holds when some
// account satisfies it.
func evalState(c *Check, f *Facts) bool {
	w := &f.World
	switch c.Kind {
	case KindSupportPlan:
		for _, a := range w.Accounts {
			if strings.EqualFold(a.SupportPlan, c.Plan) {
				return true
			}
		}
		return false
	case KindRootMFAEnabled:
		for _, a := range w.Accounts {
			if len(a.RootMFA) > 0 {
				return true
			}
		}
		return false
	case KindQuiz:
		return false // answered through Attempt.Answer
	}
	if f.IAM == nil {
		return false
	}
	for id := range w.Accounts {
		if iamCheck(c, f.IAM, id) {
			return true
		}
	}
	return false
}

// iamCheck decides an IAM check in one account.
func iamCheck(c *Check, iam IAM, acct string) bool {
	switch c.Kind {
	case KindUserExists:
		exists, console, must := iam.User(acct, c.Name)
		return exists && (c.ConsoleAccess == nil || *c.ConsoleAccess == console) &&
			(c.MustChangePassword == nil || *c.MustChangePassword == must)
	case KindGroupExists:
		return iam.Group(acct, c.Name)
	case KindUserInGroup:
		return iam.InGroup(acct, c.User, c.Group)
	case KindPolicyAttached:
		return iam.Attached(acct, c.ToKind, c.To, c.Policy)
	case KindCustomerPolicyExists:
		if !iam.CustomerPolicy(acct, c.Name) {
			return false
		}
		for _, r := range c.Allows {
			if iam.PolicyDecision(acct, c.Name, r.Action, resourceIn(r.Resource, acct), r.Context) != DecisionAllowed {
				return false
			}
		}
		for _, r := range c.Denies {
			if iam.PolicyDecision(acct, c.Name, r.Action, resourceIn(r.Resource, acct), r.Context) != DecisionExplicitlyDenied {
				return false
			}
		}
		return true
	case KindPolicyDecision:
		r := c.Request
		d := iam.Decide(acct, c.Principal, r.Action, resourceIn(r.Resource, acct), r.Context)
		return d != "" && decisionIs(d, c.Expect)
	}
	return false
}

// resourceIn puts the account ID in place of AccountPlaceholder.
func resourceIn(resource, acct string) string {
	if !strings.Contains(resource, AccountPlaceholder) {
		return resource
	}
	return strings.ReplaceAll(resource, AccountPlaceholder, acct)
}

// succeeded reports whether the event's operation was allowed and did not
// fail.
func succeeded(e *sim.Event) bool { return e.Decision == sim.Allowed && e.ErrorCode == "" }

// signInIs reports whether a sign-in event signed in the root user (root)
// or the IAM user named user. A console sign-in is made while signed out,
// so the identity is the event's resource; the principal is looked at too
// in case a sign-in op records it there.
func signInIs(e *sim.Event, root bool, user string) bool {
	for _, arn := range [2]string{e.Resource, e.Principal} {
		if root && isRootARN(arn) || !root && isUserARN(arn, user) {
			return true
		}
	}
	return false
}

func isRootARN(arn string) bool {
	return strings.HasPrefix(arn, "arn:aws:iam::") && strings.HasSuffix(arn, ":root")
}

// isUserARN reports whether arn is an IAM user's ARN (with any path) whose
// name is name, compared without regard to case as IAM names are.
func isUserARN(arn, name string) bool {
	i := strings.Index(arn, ":user/")
	if i < 0 || !strings.HasPrefix(arn, "arn:aws:iam::") {
		return false
	}
	last := arn[strings.LastIndexByte(arn, '/')+1:]
	return strings.EqualFold(last, name)
}

// principalIs matches an event's principal against an event check's:
// "" matches anyone, "root" any root user, "anonymous" the signed-out
// caller, an ARN itself, and anything else an IAM user's name.
func principalIs(principal, want string) bool {
	switch {
	case want == "":
		return true
	case want == AsRoot:
		return isRootARN(principal)
	case want == sim.Anonymous || strings.HasPrefix(want, "arn:"):
		return principal == want
	default:
		return isUserARN(principal, want)
	}
}

// sourceOutside reports whether ip is outside the range (always true when
// the range is not set).
func sourceOutside(ip string, outside netip.Prefix) bool {
	if !outside.IsValid() {
		return true
	}
	a, err := netip.ParseAddr(ip)
	return err == nil && !outside.Contains(a)
}

// decisionIs matches a decision against an expected one ("" matches any;
// Denied matches both denials).
func decisionIs(d, want string) bool {
	switch want {
	case "":
		return true
	case DecisionDenied:
		return d == DecisionImplicitlyDenied || d == DecisionExplicitlyDenied
	default:
		return d == want
	}
}
