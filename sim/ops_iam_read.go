package sim

// Read is a read-only request the console makes to show a page or a part
// of one (iam:ListUsers for the users list; iam:GetUser,
// iam:ListAttachedUserPolicies and iam:ListGroupsForUser for a user's
// page, …). Through the door it is authorised like any operation, for
// every action of the page, and logged (a denied page load is an event,
// as AWS's CloudTrail records read-only management events); nothing in
// the world changes. Also lists the page's further calls, each authorised
// in turn; the first denied one is what the event and the error name.
type Read struct {
	ActionName  string
	ResourceARN string
	Also        []Step
}

// Action implements Op.
func (r Read) Action() string { return r.ActionName }

// Resource implements Op.
func (r Read) Resource(w World, s Session) string { return r.ResourceARN }

// Steps implements MultiStep.
func (r Read) Steps(w World, s Session) []Step { return r.Also }

// Apply implements Op: a read changes nothing.
func (Read) Apply(w *World, s Session, env Env) error { return nil }
