package sim

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"labsim/sim/awserr"
	"labsim/sim/catalog"
	"labsim/sim/iam"
	"labsim/sim/policy"
)

// DefaultSourceIP is the simulated computer's public address when the
// world has none: the campus range of the textbook's scenario.
const DefaultSourceIP = "203.0.113.10"

// Reasons an AuthResult gives for its decision.
const (
	ReasonRoot             = "root"             // the account's root user may do anything in it
	ReasonUnauthenticated  = "unauthenticated"  // the operation needs no sign-in (sign-up, sign-in)
	ReasonAllow            = "allow"            // an Allow statement matched and no Deny did
	ReasonExplicitDeny     = "explicitDeny"     // a Deny statement matched
	ReasonNoAllow          = "noAllow"          // no statement allows the request
	ReasonPasswordPolicy   = "passwordPolicy"   // the password policy lets users change their own password
	ReasonNotSignedIn      = "notSignedIn"      // nobody is signed in
	ReasonOtherAccount     = "otherAccount"     // the resource is in another account
	ReasonUnknownPrincipal = "unknownPrincipal" // the principal does not exist (any more)
)

// Kinds of AppliedPolicy.
const (
	PolicyAWSManaged      = "AWSManaged"
	PolicyCustomerManaged = "CustomerManaged"
	PolicyInline          = "Inline"
)

// AppliedPolicy is one identity-based policy that was evaluated: how it
// reaches the principal and its text (the default version of a managed
// policy), so that a "Why?" panel can show each statement.
type AppliedPolicy struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	// ARN is the managed policy's ARN; "" for an inline policy.
	ARN       string `json:"arn,omitempty"`
	VersionID string `json:"versionId,omitempty"`
	// Via is the group the policy comes from; "" when attached to or
	// embedded in the user directly.
	Via      string `json:"via,omitempty"`
	Document string `json:"document"`
	// Error is set when the stored document could not be compiled; the
	// policy then counts for nothing.
	Error string `json:"error,omitempty"`
}

// AuthResult is the outcome of authorising one request: the decision, the
// request as evaluated (principal, action, resource and request context),
// the policies evaluated, the statements that decided (indexes into
// Policies, from the policy engine: the matching Deny statements for
// ExplicitlyDenied, the matching Allow statements for Allowed, none for
// ImplicitlyDenied), the reason, and AWS's access-denied message.
type AuthResult struct {
	Decision  Decision                  `json:"decision"`
	Principal string                    `json:"principal"`
	Action    string                    `json:"action"`
	Resource  string                    `json:"resource"`
	Context   map[string][]string       `json:"context,omitempty"`
	Policies  []AppliedPolicy           `json:"policies,omitempty"`
	Matched   []policy.MatchedStatement `json:"matched,omitempty"`
	Reason    string                    `json:"reason"`
	// Message is AWS's access-denied message (English in every language,
	// as AWS shows it); "" when allowed.
	Message string `json:"message,omitempty"`
}

// Authorize decides whether the session's principal may perform action
// on resource now, without changing anything: the root user may do
// anything in its own account; an IAM user's request is evaluated against
// the identity-based policies of the user and of their groups (AWS managed
// from the catalog, customer managed at their default version, inline)
// with the request context of the session (see RequestContext). The
// console calls it before showing a page; the door calls it for every
// operation.
func (w World) Authorize(s Session, action, resource string, env Env) AuthResult {
	r := AuthResult{Principal: s.Who(), Action: action, Resource: resource}
	switch {
	case !s.SignedIn():
		return r.deny(ImplicitlyDenied, ReasonNotSignedIn)
	case s.Root:
		if acct := accountOfARN(resource); acct != "" && acct != "aws" && acct != s.AccountID {
			return r.deny(ImplicitlyDenied, ReasonOtherAccount)
		}
		r.Decision, r.Reason = Allowed, ReasonRoot
		return r
	}
	acct, ok := w.Accounts[s.AccountID]
	u, found := acct.IAM.User(s.UserName)
	if !ok || !found || u.ARN != s.Principal {
		return r.deny(ImplicitlyDenied, ReasonUnknownPrincipal)
	}
	r.Context = w.userContext(acct, u, s.MFAAt, action, env)
	return w.evaluate(r, acct, u)
}

// Simulate evaluates a request of any principal of an account, as the IAM
// policy simulator does, for labs: principalARN is the root user's ARN or
// an IAM user's. The request context is the one of a console session
// without MFA (see RequestContext), with ctx's keys set over it; a key
// mapped to "" is removed (absent from the request).
func (w World) Simulate(accountID, principalARN, action, resource string, ctx map[string]string, env Env) AuthResult {
	r := AuthResult{Principal: principalARN, Action: action, Resource: resource}
	acct, ok := w.Accounts[accountID]
	if ok && principalARN == acct.RootARN() {
		r.Decision, r.Reason = Allowed, ReasonRoot
		return r
	}
	var u iam.User
	found := false
	if ok {
		i := slices.IndexFunc(acct.IAM.Users, func(u iam.User) bool { return u.ARN == principalARN })
		if found = i >= 0; found {
			u = acct.IAM.Users[i]
		}
	}
	if !found {
		return r.deny(ImplicitlyDenied, ReasonUnknownPrincipal)
	}
	r.Context = w.userContext(acct, u, time.Time{}, action, env)
	for k, v := range ctx {
		for have := range r.Context {
			if strings.EqualFold(have, k) {
				delete(r.Context, have)
			}
		}
		if v != "" {
			r.Context[k] = []string{v}
		}
	}
	return w.evaluate(r, acct, u)
}

// deny returns r denied for a reason that needs no policy.
func (r AuthResult) deny(d Decision, reason string) AuthResult {
	r.Decision, r.Reason = d, reason
	r.Message = deniedMessage(r.Principal, r.Action, r.Resource, d)
	return r
}

// evaluate runs the policy engine for user u of acct on r's request.
func (w World) evaluate(r AuthResult, acct Account, u iam.User) AuthResult {
	if owner := accountOfARN(r.Resource); owner != "" && owner != "aws" && owner != acct.ID {
		return r.deny(ImplicitlyDenied, ReasonOtherAccount)
	}
	applied, compiled := identityPolicies(acct.IAM, u)
	r.Policies = applied
	res := policy.Evaluate(compiled, policy.Request{Principal: u.ARN, Action: r.Action, Resource: r.Resource, Context: r.Context})
	r.Matched = res.Matched
	switch res.Decision {
	case policy.Allowed:
		r.Decision, r.Reason = Allowed, ReasonAllow
		return r
	case policy.ExplicitlyDenied:
		return r.deny(ExplicitlyDenied, ReasonExplicitDeny)
	}
	// Users may change their own password when the password policy says
	// so, unless a policy denies it (handled above).
	if strings.EqualFold(r.Action, "iam:ChangePassword") && r.Resource == u.ARN && acct.IAM.PasswordPolicy.UsersMayChangeOwn() {
		r.Decision, r.Reason = Allowed, ReasonPasswordPolicy
		return r
	}
	return r.deny(ImplicitlyDenied, ReasonNoAllow)
}

// deniedMessage is AWS's access-denied message; a resource of "*" is left
// out as AWS does for actions without a resource.
func deniedMessage(principal, action, resource string, d Decision) string {
	if resource == "*" {
		resource = ""
	}
	pd := policy.ImplicitlyDenied
	if d == ExplicitlyDenied {
		pd = policy.ExplicitlyDenied
	}
	return policy.DeniedMessage(principal, action, resource, pd)
}

// AccessDeniedMessage returns AWS's access-denied message for an
// AccessDenied error of the door, e.g. "User: arn:aws:iam::123456789012:
// user/Luna is not authorized to perform: iam:ListUsers because no
// identity-based policy allows the iam:ListUsers action"; "" for other
// errors.
func AccessDeniedMessage(err error) string {
	e, ok := awserr.As(err)
	if !ok || e.Code != awserr.AccessDenied || e.Param("action") == "" {
		return ""
	}
	return deniedMessage(e.Param("principal"), e.Param("action"), e.Param("resource"), Decision(e.Param("decision")))
}

// globalServices are the services whose requests AWS sends to us-east-1,
// which is then their aws:RequestedRegion.
var globalServices = []string{"iam", "sts", "organizations", "route53", "route53domains", "cloudfront",
	"globalaccelerator", "waf", "shield", "support", "account", "signin", "health", "ce", "aws-portal",
	"billing", "budgets", "cur", "artifact", "trustedadvisor"}

// requestedRegion is aws:RequestedRegion for an action.
func requestedRegion(action string, env Env) string {
	svc, _, _ := strings.Cut(action, ":")
	if env.Region == "" || slices.Contains(globalServices, strings.ToLower(svc)) {
		return "us-east-1"
	}
	return env.Region
}

// RequestContext returns the request context of an IAM user's console
// session: aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalType
// ("User"), aws:PrincipalAccount, aws:PrincipalTag/<key> for each tag,
// aws:MultiFactorAuthPresent ("true" or "false": console sessions use
// temporary credentials, which always carry it) and, only after MFA,
// aws:MultiFactorAuthAge in seconds, aws:CurrentTime, aws:EpochTime,
// aws:SourceIp (the world's simulated address, DefaultSourceIP when
// unset), aws:SecureTransport "true", aws:ViaAWSService "false" and
// aws:RequestedRegion (us-east-1 for global services such as IAM, else
// env.Region). It returns nil for other sessions.
func (w World) RequestContext(s Session, action string, env Env) map[string][]string {
	if !s.IsIAMUser() {
		return nil
	}
	acct := w.Accounts[s.AccountID]
	u, ok := acct.IAM.User(s.UserName)
	if !ok {
		return nil
	}
	return w.userContext(acct, u, s.MFAAt, action, env)
}

func (w World) userContext(acct Account, u iam.User, mfaAt time.Time, action string, env Env) map[string][]string {
	now := env.Now.UTC()
	ip := w.SourceIP
	if ip == "" {
		ip = DefaultSourceIP
	}
	one := func(v string) []string { return []string{v} }
	ctx := map[string][]string{
		"aws:username":               one(u.Name),
		"aws:userid":                 one(u.ID),
		"aws:PrincipalArn":           one(u.ARN),
		"aws:PrincipalType":          one("User"),
		"aws:PrincipalAccount":       one(acct.ID),
		"aws:MultiFactorAuthPresent": one(boolText(!mfaAt.IsZero())),
		"aws:CurrentTime":            one(now.Format("2006-01-02T15:04:05Z")),
		"aws:EpochTime":              one(strconv.FormatInt(now.Unix(), 10)),
		"aws:SourceIp":               one(ip),
		"aws:SecureTransport":        one("true"),
		"aws:ViaAWSService":          one("false"),
		"aws:RequestedRegion":        one(requestedRegion(action, env)),
	}
	if !mfaAt.IsZero() {
		age := max(0, int64(now.Sub(mfaAt)/time.Second))
		ctx["aws:MultiFactorAuthAge"] = one(strconv.FormatInt(age, 10))
	}
	for _, t := range u.Tags {
		ctx["aws:PrincipalTag/"+t.Key] = one(t.Value)
	}
	return ctx
}

// identityPolicies lists and compiles the policies of a user: attached,
// inline, then for each group its attached and inline policies.
func identityPolicies(a iam.Account, u iam.User) ([]AppliedPolicy, []*policy.Compiled) {
	var applied []AppliedPolicy
	var compiled []*policy.Compiled
	add := func(p AppliedPolicy, c *policy.Compiled, err error) {
		if err != nil {
			p.Error = err.Error()
			c = nil
		}
		applied = append(applied, p)
		compiled = append(compiled, c)
	}
	attached := func(arns []string, via string) {
		for _, arn := range arns {
			if iam.IsAWSManagedARN(arn) {
				mp, ok := catalog.LookupManagedPolicy(arn)
				if !ok {
					continue
				}
				c, err := compiledManaged(mp)
				add(AppliedPolicy{Kind: PolicyAWSManaged, Name: mp.Name, ARN: arn, VersionID: mp.VersionID, Via: via, Document: mp.Document}, c, err)
				continue
			}
			cp, ok := a.Policy(arn)
			if !ok {
				continue
			}
			v := cp.Default()
			c, err := compileCached(v.Document)
			add(AppliedPolicy{Kind: PolicyCustomerManaged, Name: cp.Name, ARN: arn, VersionID: v.ID, Via: via, Document: v.Document}, c, err)
		}
	}
	inline := func(list []iam.InlinePolicy, via string) {
		for _, p := range list {
			c, err := compileCached(p.Document)
			add(AppliedPolicy{Kind: PolicyInline, Name: p.Name, Via: via, Document: p.Document}, c, err)
		}
	}
	attached(u.Attached, "")
	inline(u.Inline, "")
	for _, name := range u.Groups {
		g, ok := a.Group(name)
		if !ok {
			continue
		}
		attached(g.Attached, g.Name)
		inline(g.Inline, g.Name)
	}
	return applied, compiled
}

// compiledCache memoises compiled policies by their text. Compiling is a
// pure function of the text and a Compiled is immutable, so sharing one
// between worlds is safe; it saves compiling ReadOnlyAccess (thousands of
// actions) and the customer and inline policies again on every request
// the console authorises. It is bounded: past maxCompiled texts it starts
// afresh, which only costs recompiling.
var compiledCache struct {
	sync.Mutex
	m map[string]*policy.Compiled
}

// maxCompiled bounds compiledCache.
const maxCompiled = 512

// compileCached returns the compiled form of a policy text.
func compileCached(text string) (*policy.Compiled, error) {
	compiledCache.Lock()
	defer compiledCache.Unlock()
	if c, ok := compiledCache.m[text]; ok {
		return c, nil
	}
	c, err := policy.CompileText(text)
	if err != nil {
		return nil, err
	}
	if compiledCache.m == nil || len(compiledCache.m) >= maxCompiled {
		compiledCache.m = map[string]*policy.Compiled{}
	}
	compiledCache.m[text] = c
	return c, nil
}

// compiledManaged returns the compiled form of an AWS managed policy.
func compiledManaged(mp catalog.ManagedPolicy) (*policy.Compiled, error) {
	return compileCached(mp.Document)
}

// Explain traces every statement of every policy of an Authorize or
// Simulate result against its request, for the "Why?" panel: which
// statements applied and, for each that did not, whether the action, the
// resource or which condition (with the policy's and the request's
// values) failed. Traces index r.Policies. It returns nil when no policy
// was evaluated (the root user, a signed-out caller, an unknown
// principal, another account's resource) or the world no longer has the
// principal.
func (w World) Explain(r AuthResult) []policy.StatementTrace {
	if len(r.Policies) == 0 {
		return nil
	}
	acct := w.Accounts[accountOfARN(r.Principal)]
	i := slices.IndexFunc(acct.IAM.Users, func(u iam.User) bool { return u.ARN == r.Principal })
	if i < 0 {
		return nil
	}
	_, compiled := identityPolicies(acct.IAM, acct.IAM.Users[i])
	_, traces := policy.Explain(compiled, policy.Request{Principal: r.Principal, Action: r.Action, Resource: r.Resource, Context: r.Context})
	return traces
}
