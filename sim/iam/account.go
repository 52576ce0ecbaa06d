package iam

import (
	"slices"
	"time"

	"labsim/sim/account"
	"labsim/sim/mfa"
)

// Account is the IAM state of one AWS account. The account alias is kept
// by the world next to the account (sim.Account.Alias); its rules are
// ValidateAlias.
type Account struct {
	Users    []User          `json:"users,omitempty"`
	Groups   []Group         `json:"groups,omitempty"`
	Policies []ManagedPolicy `json:"policies,omitempty"`
	// PasswordPolicy is the account password policy; its zero value is
	// IAM's default policy.
	PasswordPolicy PasswordPolicy `json:"passwordPolicy,omitzero"`
}

// User is an IAM user.
type User struct {
	Name      string    `json:"name"`
	Path      string    `json:"path"`
	ARN       string    `json:"arn"`
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"createdAt"`
	// Login is the console password; absent (zero) without console access.
	Login      LoginProfile `json:"login,omitzero"`
	AccessKeys []AccessKey  `json:"accessKeys,omitempty"`
	MFA        []mfa.Device `json:"mfa,omitempty"`
	// Groups names the groups the user belongs to, in the order joined.
	Groups []string `json:"groups,omitempty"`
	// Attached holds the ARNs of attached managed policies, in order.
	Attached []string       `json:"attached,omitempty"`
	Inline   []InlinePolicy `json:"inline,omitempty"`
	Tags     []Tag          `json:"tags,omitempty"`
	// LastSignIn is the user's latest console sign-in; zero for never.
	LastSignIn time.Time `json:"lastSignIn,omitzero"`
}

// LoginProfile is a user's console password as a salted hash.
type LoginProfile struct {
	Password account.PasswordHash `json:"password"`
	// MustChange is "User must create a new password at next sign-in"
	// (the API's PasswordResetRequired).
	MustChange bool      `json:"mustChange,omitempty"`
	CreatedAt  time.Time `json:"createdAt"`
	// ChangedAt is when the password was last set.
	ChangedAt time.Time `json:"changedAt"`
	// History holds earlier password hashes, newest first, as many as the
	// password policy's reuse prevention needs (at most 24).
	History []account.PasswordHash `json:"history,omitempty"`
}

// Enabled reports whether the profile exists (the user has console access).
func (l LoginProfile) Enabled() bool { return l.Password.Algorithm != "" }

// Access key statuses.
const (
	KeyActive   = "Active"
	KeyInactive = "Inactive"
)

// AccessKey is a user's access key: only the hash of its secret is kept.
type AccessKey struct {
	ID         string               `json:"id"`
	SecretHash account.PasswordHash `json:"secretHash"`
	Status     string               `json:"status"`
	CreatedAt  time.Time            `json:"createdAt"`
	LastUsed   time.Time            `json:"lastUsed,omitzero"`
}

// Group is an IAM user group.
type Group struct {
	Name      string         `json:"name"`
	Path      string         `json:"path"`
	ARN       string         `json:"arn"`
	ID        string         `json:"id"`
	CreatedAt time.Time      `json:"createdAt"`
	Attached  []string       `json:"attached,omitempty"`
	Inline    []InlinePolicy `json:"inline,omitempty"`
}

// InlinePolicy is a policy embedded in one user or group.
type InlinePolicy struct {
	Name     string `json:"name"`
	Document string `json:"document"`
	// Size is the document's length in characters that are not white
	// space, which IAM's quota counts.
	Size int `json:"size"`
}

// ManagedPolicy is a customer managed policy.
type ManagedPolicy struct {
	Name           string          `json:"name"`
	Path           string          `json:"path"`
	ARN            string          `json:"arn"`
	ID             string          `json:"id"`
	Description    string          `json:"description,omitempty"`
	CreatedAt      time.Time       `json:"createdAt"`
	UpdatedAt      time.Time       `json:"updatedAt"`
	DefaultVersion string          `json:"defaultVersion"`
	Versions       []PolicyVersion `json:"versions"`
	// NextVersion is the number of the next version ID: IAM never reuses
	// a version ID of a policy.
	NextVersion int   `json:"nextVersion"`
	Tags        []Tag `json:"tags,omitempty"`
}

// PolicyVersion is one version of a customer managed policy.
type PolicyVersion struct {
	ID        string    `json:"id"`
	Document  string    `json:"document"`
	CreatedAt time.Time `json:"createdAt"`
}

// Default returns the default version's document.
func (p ManagedPolicy) Default() PolicyVersion {
	for _, v := range p.Versions {
		if v.ID == p.DefaultVersion {
			return v
		}
	}
	return PolicyVersion{}
}

// Tag is a key and value attached to an IAM resource.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Clone returns a deep copy that shares no slices with a.
func (a Account) Clone() Account {
	a.Users = slices.Clone(a.Users)
	for i := range a.Users {
		u := &a.Users[i]
		u.Login.History = slices.Clone(u.Login.History)
		u.AccessKeys = slices.Clone(u.AccessKeys)
		u.MFA = slices.Clone(u.MFA)
		u.Groups = slices.Clone(u.Groups)
		u.Attached = slices.Clone(u.Attached)
		u.Inline = slices.Clone(u.Inline)
		u.Tags = slices.Clone(u.Tags)
	}
	a.Groups = slices.Clone(a.Groups)
	for i := range a.Groups {
		g := &a.Groups[i]
		g.Attached = slices.Clone(g.Attached)
		g.Inline = slices.Clone(g.Inline)
	}
	a.Policies = slices.Clone(a.Policies)
	for i := range a.Policies {
		p := &a.Policies[i]
		p.Versions = slices.Clone(p.Versions)
		p.Tags = slices.Clone(p.Tags)
	}
	return a
}

// userIndex returns the index of the user named name (ignoring case), or -1.
func (a Account) userIndex(name string) int {
	return slices.IndexFunc(a.Users, func(u User) bool { return foldEqual(u.Name, name) })
}

// groupIndex returns the index of the group named name (ignoring case), or -1.
func (a Account) groupIndex(name string) int {
	return slices.IndexFunc(a.Groups, func(g Group) bool { return foldEqual(g.Name, name) })
}

// policyIndex returns the index of the customer managed policy with the
// ARN, or -1.
func (a Account) policyIndex(arn string) int {
	return slices.IndexFunc(a.Policies, func(p ManagedPolicy) bool { return p.ARN == arn })
}

// User returns the user named name, ignoring case.
func (a Account) User(name string) (User, bool) {
	if i := a.userIndex(name); i >= 0 {
		return a.Users[i], true
	}
	return User{}, false
}

// Group returns the group named name, ignoring case.
func (a Account) Group(name string) (Group, bool) {
	if i := a.groupIndex(name); i >= 0 {
		return a.Groups[i], true
	}
	return Group{}, false
}

// Policy returns the customer managed policy with the ARN.
func (a Account) Policy(arn string) (ManagedPolicy, bool) {
	if i := a.policyIndex(arn); i >= 0 {
		return a.Policies[i], true
	}
	return ManagedPolicy{}, false
}

// PolicyByName returns the customer managed policy named name, ignoring
// case.
func (a Account) PolicyByName(name string) (ManagedPolicy, bool) {
	for _, p := range a.Policies {
		if foldEqual(p.Name, name) {
			return p, true
		}
	}
	return ManagedPolicy{}, false
}

// Members returns the names of the group's users, in the account's user
// order.
func (a Account) Members(group string) []string {
	var names []string
	for _, u := range a.Users {
		if slices.ContainsFunc(u.Groups, func(g string) bool { return foldEqual(g, group) }) {
			names = append(names, u.Name)
		}
	}
	return names
}

// AttachmentCount returns how many users and groups a managed policy is
// attached to.
func (a Account) AttachmentCount(arn string) int {
	n := 0
	for _, u := range a.Users {
		if slices.Contains(u.Attached, arn) {
			n++
		}
	}
	for _, g := range a.Groups {
		if slices.Contains(g.Attached, arn) {
			n++
		}
	}
	return n
}

// UserARN returns the ARN of a user in an account.
func UserARN(accountID, path, name string) string {
	return "arn:aws:iam::" + accountID + ":user" + pathOrRoot(path) + name
}

// GroupARN returns the ARN of a group in an account.
func GroupARN(accountID, path, name string) string {
	return "arn:aws:iam::" + accountID + ":group" + pathOrRoot(path) + name
}

// PolicyARN returns the ARN of a customer managed policy in an account.
func PolicyARN(accountID, path, name string) string {
	return "arn:aws:iam::" + accountID + ":policy" + pathOrRoot(path) + name
}

func pathOrRoot(p string) string {
	if p == "" {
		return "/"
	}
	return p
}
