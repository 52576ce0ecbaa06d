package core

import "labsim/sim/policy"

// PolicyState is the transient (never saved) state of the policy pages
// (console/iam/policies): the JSON editor's live check and the validator
// it reuses on every keystroke.
type PolicyState struct {
	// Validator is built once per catalog (with the action catalog once it
	// has loaded) and reused on every keystroke; nil until the editor
	// first checks a text. It only caches: sharing it between models is
	// safe.
	Validator *policy.Validator
	// WithCatalog says Validator was built with the action catalog.
	WithCatalog bool
	// Check is the editor's last check.
	Check PolicyCheck
	// ErrText is the last refused operation's message (IAM's words) and
	// ErrRoute the page it belongs to.
	ErrText, ErrRoute string
	// Errors are the problems of the page's last submit by field name, as
	// catalog keys, shown while the route is ErrRoute; the map is
	// replaced, never changed in place.
	Errors map[string]string
	// Denied is the access-denied message of the page DeniedRoute (its
	// read was refused): the page shows it instead of its content.
	Denied, DeniedRoute string
}

// PolicyCheck is what IAM and Access Analyzer say about one editor text.
type PolicyCheck struct {
	Text string
	Type policy.PolicyType
	// Catalog says the findings include the checks that need the action
	// catalog.
	Catalog bool
	// Size counts the characters that are not white space.
	Size int
	// Malformed is IAM's refusal (MalformedPolicyDocument, LimitExceeded,
	// ValidationError), nil when IAM would accept the text.
	Malformed *policy.Malformed
	// Findings are Access Analyzer's, in document order.
	Findings []policy.Finding
}

// SetSelection selects the characters [Start, End) of the text field with
// the id, counted in UTF-16 code units as the browser counts them, and
// focuses it (a caret when Start == End).
type SetSelection struct {
	ID         string
	Start, End int
}

// IsEffect marks the effect types.
func (SetSelection) IsEffect() {}
