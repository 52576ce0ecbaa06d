package lab

import "net/netip"

// Kind names a check's predicate.
type Kind string

// The check kinds a lab file may use.
const (
	KindAccountCreated       Kind = "account_created"
	KindSupportPlan          Kind = "support_plan"
	KindSignedIn             Kind = "signed_in"
	KindRootMFAEnabled       Kind = "root_mfa_enabled"
	KindMFASignInDone        Kind = "mfa_sign_in_done"
	KindUserExists           Kind = "user_exists"
	KindGroupExists          Kind = "group_exists"
	KindUserInGroup          Kind = "user_in_group"
	KindPolicyAttached       Kind = "policy_attached"
	KindCustomerPolicyExists Kind = "customer_policy_exists"
	KindPolicyDecision       Kind = "policy_decision"
	KindEvent                Kind = "event"
	KindQuiz                 Kind = "quiz"
)

// Kinds returns every check kind, in the order the README documents them.
func Kinds() []Kind {
	return []Kind{KindAccountCreated, KindSupportPlan, KindSignedIn, KindRootMFAEnabled,
		KindMFASignInDone, KindUserExists, KindGroupExists, KindUserInGroup, KindPolicyAttached,
		KindCustomerPolicyExists, KindPolicyDecision, KindEvent, KindQuiz}
}

// The ways signed_in names who signed in.
const (
	AsRoot    = "root"
	AsIAMUser = "iam_user"
)

// Decisions a check may expect. Denied matches either kind of denial.
const (
	DecisionAllowed          = "Allowed"
	DecisionImplicitlyDenied = "ImplicitlyDenied"
	DecisionExplicitlyDenied = "ExplicitlyDenied"
	DecisionDenied           = "Denied"
)

// AccountPlaceholder in a check's resource stands for the ID of the
// account being checked, e.g. "arn:aws:iam::{account}:user/Luna".
const AccountPlaceholder = "{account}"

// Check is one typed predicate of a step. Kind says which fields matter;
// the parser allows exactly those fields for each kind.
type Check struct {
	Kind Kind
	// Label, when the lab file gives one, replaces the generated
	// description of the check in the guide.
	Label Text
	// Plan is support_plan's plan ID (basic, developer, business).
	Plan string
	// As is signed_in's AsRoot or AsIAMUser.
	As string
	// User names an IAM user (signed_in, mfa_sign_in_done, user_in_group);
	// for mfa_sign_in_done, "" means the root user.
	User string
	// Name names the user, group or customer managed policy the check is
	// about (user_exists, group_exists, customer_policy_exists).
	Name string
	// ConsoleAccess and MustChangePassword, when set, are required values
	// of user_exists.
	ConsoleAccess      *bool
	MustChangePassword *bool
	// Group names an IAM group (user_in_group).
	Group string
	// ToKind ("user" or "group") and To name what policy_attached's policy
	// is attached to; Policy is an AWS managed policy's name or ARN or a
	// customer managed policy's name.
	ToKind, To string
	Policy     string
	// Allows and Denies are requests the customer managed policy, evaluated
	// alone, must allow, or deny explicitly.
	Allows, Denies []Request
	// Principal names the IAM user of policy_decision, or for event "root",
	// "anonymous", an IAM user name or an ARN ("" matches anyone).
	Principal string
	// Request is policy_decision's request.
	Request Request
	// Expect is policy_decision's expected decision; Decision is event's
	// ("" matches any).
	Expect, Decision string
	// Action is event's action.
	Action string
	// SourceOutside, when valid, makes event match only events whose
	// source IP address is outside this range.
	SourceOutside netip.Prefix
	// Question, Choices and Answer (a choice ID) make a quiz.
	Question Rich
	Choices  []Choice
	Answer   string
}

// Request is an authorisation request a check asks the policy engine
// about. Resource may hold AccountPlaceholder.
type Request struct {
	Action   string
	Resource string
	Context  map[string]string
}

// Choice is one answer of a quiz question with the one-line explanation
// shown once it is chosen.
type Choice struct {
	ID   string
	Text Rich
	Why  Rich
}

// Choice returns the choice with that id, or nil.
func (c *Check) Choice(id string) *Choice {
	for i := range c.Choices {
		if c.Choices[i].ID == id {
			return &c.Choices[i]
		}
	}
	return nil
}
