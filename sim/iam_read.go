package sim

import (
	"slices"
	"time"

	"labsim/sim/iam"
)

// Read-only queries of the IAM state. They need no door: the console
// checks a page's permission with Authorize before showing it.

// IAMAccount returns the IAM state of an account (zero when it has none).
func (w World) IAMAccount(accountID string) iam.Account { return w.Accounts[accountID].IAM }

// IAMUser returns a user of an account by name, ignoring case.
func (w World) IAMUser(accountID, name string) (iam.User, bool) {
	return w.Accounts[accountID].IAM.User(name)
}

// IAMGroup returns a group of an account by name, ignoring case.
func (w World) IAMGroup(accountID, name string) (iam.Group, bool) {
	return w.Accounts[accountID].IAM.Group(name)
}

// CustomerPolicy returns a customer managed policy of an account by name,
// ignoring case.
func (w World) CustomerPolicy(accountID, name string) (iam.ManagedPolicy, bool) {
	return w.Accounts[accountID].IAM.PolicyByName(name)
}

// AttachedPolicyARNs returns the ARNs of the managed policies attached
// directly to a user (kind "user") or a group (kind "group"), in the order
// attached; nil when there is no such identity.
func (w World) AttachedPolicyARNs(accountID, kind, name string) []string {
	a := w.Accounts[accountID].IAM
	switch kind {
	case "user":
		if u, ok := a.User(name); ok {
			return slices.Clone(u.Attached)
		}
	case "group":
		if g, ok := a.Group(name); ok {
			return slices.Clone(g.Attached)
		}
	}
	return nil
}

// GroupMembers returns the names of a group's users.
func (w World) GroupMembers(accountID, group string) []string {
	return w.Accounts[accountID].IAM.Members(group)
}

// PasswordChangeRequired reports whether an IAM user must set a new
// password at sign-in: the login profile says so ("must change at next
// sign-in") or the password expired under the password policy. The
// console then asks for a new password (ChangePassword) before anything
// else; with HardExpiry an expired password can only be reset by an
// administrator (ChangePassword refuses with
// EntityTemporarilyUnmodifiable).
func (w World) PasswordChangeRequired(accountID, userName string, now time.Time) bool {
	a := w.Accounts[accountID].IAM
	u, ok := a.User(userName)
	if !ok || !u.Login.Enabled() {
		return false
	}
	return u.Login.MustChange || a.PasswordPolicy.Expired(u.Login.ChangedAt, now)
}
