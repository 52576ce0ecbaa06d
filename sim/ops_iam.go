package sim

import (
	"strings"
	"time"

	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// IAM operations. Each one is the IAM API action AWS checks, authorised
// against the resource AWS names for it (the Service Authorization
// Reference): a user's ARN for user actions, a group's for group actions
// and AddUserToGroup/RemoveUserFromGroup, a policy's for policy actions,
// the device's for CreateVirtualMFADevice/DeleteVirtualMFADevice and "*"
// for the account alias and password policy. They act on the session's
// account. Detail never holds a password, a secret access key or an MFA
// secret. The console's compound operations are in ops_iam_console.go.

// iamEnv is the iam package's environment for an account.
func iamEnv(a Account, env Env) iam.Env {
	return iam.Env{AccountID: a.ID, AccountName: a.Name, Email: a.Email, Now: env.Now,
		Rand: env.Rand, Entropy: env.Entropy, PasswordCost: env.PasswordCost}
}

// changeIAM applies fn to the IAM state of the session's account. The door
// hands operations a private copy of the world, so fn may change it freely.
func changeIAM(w *World, s Session, env Env, fn func(a *iam.Account, e iam.Env) error) error {
	if !s.SignedIn() {
		return awserr.New(awserr.NotSignedIn)
	}
	acct, ok := w.Accounts[s.AccountID]
	if !ok {
		return awserr.New(awserr.NoSuchEntity, "kind", "Account", "name", s.AccountID)
	}
	if err := fn(&acct.IAM, iamEnv(acct, env)); err != nil {
		return err
	}
	w.Accounts[acct.ID] = acct
	return nil
}

// userARN returns the ARN of a user of the account, with its path when the
// user exists.
func (w World) userARN(accountID, name string) string {
	if u, ok := w.Accounts[accountID].IAM.User(name); ok {
		return u.ARN
	}
	return iam.UserARN(accountID, "/", name)
}

// groupARN returns the ARN of a group of the account.
func (w World) groupARN(accountID, name string) string {
	if g, ok := w.Accounts[accountID].IAM.Group(name); ok {
		return g.ARN
	}
	return iam.GroupARN(accountID, "/", name)
}

// UserSession returns the console session of an IAM user signed in at
// now, with MFA when mfaUsed. The root user's sessions are RootSession's.
func UserSession(a Account, u iam.User, now time.Time, mfaUsed bool) Session {
	s := Session{AccountID: a.ID, Principal: u.ARN, UserName: u.Name, SignedInAt: now.UTC()}
	if mfaUsed {
		s.MFAAt = now.UTC()
	}
	return s
}

// CreateUser creates an IAM user (iam:CreateUser) with an optional path
// and tags.
type CreateUser struct {
	Name, Path string
	Tags       []iam.Tag
}

// Action implements Op.
func (CreateUser) Action() string { return "iam:CreateUser" }

// Resource implements Op: the new user's ARN.
func (o CreateUser) Resource(w World, s Session) string {
	return iam.UserARN(s.AccountID, o.Path, o.Name)
}

// Apply implements Op.
func (o CreateUser) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		_, err := a.CreateUser(e, o.Name, o.Path, o.Tags)
		return err
	})
}

// Detail implements Detailer.
func (o CreateUser) Detail(w World) map[string]string { return map[string]string{"userName": o.Name} }

// DeleteUser deletes a user that has nothing left (iam:DeleteUser); the
// API refuses with DeleteConflict otherwise. The console's delete is
// ConsoleDeleteUser.
type DeleteUser struct{ Name string }

// Action implements Op.
func (DeleteUser) Action() string { return "iam:DeleteUser" }

// Resource implements Op.
func (o DeleteUser) Resource(w World, s Session) string { return w.userARN(s.AccountID, o.Name) }

// Apply implements Op.
func (o DeleteUser) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeleteUser(o.Name) })
}

// Detail implements Detailer.
func (o DeleteUser) Detail(w World) map[string]string { return map[string]string{"userName": o.Name} }

// CreateLoginProfile gives a user a console password
// (iam:CreateLoginProfile), checked against the password policy.
type CreateLoginProfile struct {
	UserName, Password string
	MustChange         bool
}

// Action implements Op.
func (CreateLoginProfile) Action() string { return "iam:CreateLoginProfile" }

// Resource implements Op.
func (o CreateLoginProfile) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o CreateLoginProfile) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.CreateLoginProfile(e, o.UserName, o.Password, o.MustChange)
	})
}

// Detail implements Detailer: never the password.
func (o CreateLoginProfile) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "passwordResetRequired": boolText(o.MustChange)}
}

// UpdateLoginProfile resets a user's password when Password is not "" and
// sets whether it must be changed at next sign-in (iam:UpdateLoginProfile).
type UpdateLoginProfile struct {
	UserName, Password string
	MustChange         bool
}

// Action implements Op.
func (UpdateLoginProfile) Action() string { return "iam:UpdateLoginProfile" }

// Resource implements Op.
func (o UpdateLoginProfile) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o UpdateLoginProfile) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.UpdateLoginProfile(e, o.UserName, o.Password, o.MustChange)
	})
}

// Detail implements Detailer: whether the password was reset, never it.
func (o UpdateLoginProfile) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "passwordReset": boolText(o.Password != ""),
		"passwordResetRequired": boolText(o.MustChange)}
}

// DeleteLoginProfile removes a user's console access
// (iam:DeleteLoginProfile).
type DeleteLoginProfile struct{ UserName string }

// Action implements Op.
func (DeleteLoginProfile) Action() string { return "iam:DeleteLoginProfile" }

// Resource implements Op.
func (o DeleteLoginProfile) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o DeleteLoginProfile) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeleteLoginProfile(o.UserName) })
}

// Detail implements Detailer.
func (o DeleteLoginProfile) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName}
}

// ChangePassword is the signed-in IAM user changing their own password
// (iam:ChangePassword on their own ARN). It is allowed by a policy
// allowing iam:ChangePassword, or by a password policy that lets users
// change their own password (see World.Authorize). The root user is
// refused with InvalidUserType.
type ChangePassword struct{ OldPassword, NewPassword string }

// Action implements Op.
func (ChangePassword) Action() string { return "iam:ChangePassword" }

// Resource implements Op: the user's own ARN.
func (ChangePassword) Resource(w World, s Session) string { return s.Principal }

// Apply implements Op.
func (o ChangePassword) Apply(w *World, s Session, env Env) error {
	if s.Root {
		return awserr.New(iam.InvalidUserType)
	}
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.ChangePassword(e, s.UserName, o.OldPassword, o.NewPassword)
	})
}

// Detail implements Detailer.
func (o ChangePassword) Detail(w World) map[string]string { return nil }

// CreateGroup creates a user group (iam:CreateGroup).
type CreateGroup struct{ Name, Path string }

// Action implements Op.
func (CreateGroup) Action() string { return "iam:CreateGroup" }

// Resource implements Op.
func (o CreateGroup) Resource(w World, s Session) string {
	return iam.GroupARN(s.AccountID, o.Path, o.Name)
}

// Apply implements Op.
func (o CreateGroup) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		_, err := a.CreateGroup(e, o.Name, o.Path)
		return err
	})
}

// Detail implements Detailer.
func (o CreateGroup) Detail(w World) map[string]string { return map[string]string{"groupName": o.Name} }

// DeleteGroup deletes an empty group without policies (iam:DeleteGroup).
type DeleteGroup struct{ Name string }

// Action implements Op.
func (DeleteGroup) Action() string { return "iam:DeleteGroup" }

// Resource implements Op.
func (o DeleteGroup) Resource(w World, s Session) string { return w.groupARN(s.AccountID, o.Name) }

// Apply implements Op.
func (o DeleteGroup) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeleteGroup(o.Name) })
}

// Detail implements Detailer.
func (o DeleteGroup) Detail(w World) map[string]string { return map[string]string{"groupName": o.Name} }

// AddUserToGroup adds a user to a group (iam:AddUserToGroup on the group).
type AddUserToGroup struct{ UserName, GroupName string }

// Action implements Op.
func (AddUserToGroup) Action() string { return "iam:AddUserToGroup" }

// Resource implements Op: the group.
func (o AddUserToGroup) Resource(w World, s Session) string {
	return w.groupARN(s.AccountID, o.GroupName)
}

// Apply implements Op.
func (o AddUserToGroup) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.AddUserToGroup(o.UserName, o.GroupName) })
}

// Detail implements Detailer.
func (o AddUserToGroup) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "groupName": o.GroupName}
}

// RemoveUserFromGroup removes a user from a group
// (iam:RemoveUserFromGroup on the group).
type RemoveUserFromGroup struct{ UserName, GroupName string }

// Action implements Op.
func (RemoveUserFromGroup) Action() string { return "iam:RemoveUserFromGroup" }

// Resource implements Op: the group.
func (o RemoveUserFromGroup) Resource(w World, s Session) string {
	return w.groupARN(s.AccountID, o.GroupName)
}

// Apply implements Op.
func (o RemoveUserFromGroup) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.RemoveUserFromGroup(o.UserName, o.GroupName)
	})
}

// Detail implements Detailer.
func (o RemoveUserFromGroup) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "groupName": o.GroupName}
}

// TagUser adds or replaces tags of a user (iam:TagUser).
type TagUser struct {
	UserName string
	Tags     []iam.Tag
}

// Action implements Op.
func (TagUser) Action() string { return "iam:TagUser" }

// Resource implements Op.
func (o TagUser) Resource(w World, s Session) string { return w.userARN(s.AccountID, o.UserName) }

// Apply implements Op.
func (o TagUser) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.TagUser(o.UserName, o.Tags) })
}

// Detail implements Detailer: the tag keys.
func (o TagUser) Detail(w World) map[string]string {
	keys := make([]string, len(o.Tags))
	for i, t := range o.Tags {
		keys[i] = t.Key
	}
	return map[string]string{"userName": o.UserName, "tagKeys": strings.Join(keys, ",")}
}

// UntagUser removes tags of a user by key (iam:UntagUser).
type UntagUser struct {
	UserName string
	Keys     []string
}

// Action implements Op.
func (UntagUser) Action() string { return "iam:UntagUser" }

// Resource implements Op.
func (o UntagUser) Resource(w World, s Session) string { return w.userARN(s.AccountID, o.UserName) }

// Apply implements Op.
func (o UntagUser) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.UntagUser(o.UserName, o.Keys) })
}

// Detail implements Detailer.
func (o UntagUser) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "tagKeys": strings.Join(o.Keys, ",")}
}

// CreateAccessKey creates an access key for a user (iam:CreateAccessKey).
// The secret is handed back once through Secret and only its hash kept.
type CreateAccessKey struct {
	UserName string
	// Key and Secret receive the new key and its secret (may be nil).
	Key    *iam.AccessKey
	Secret *string
}

// Action implements Op.
func (CreateAccessKey) Action() string { return "iam:CreateAccessKey" }

// Resource implements Op.
func (o CreateAccessKey) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o CreateAccessKey) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		k, secret, err := a.CreateAccessKey(e, o.UserName)
		if err != nil {
			return err
		}
		if o.Key != nil {
			*o.Key = k
		}
		if o.Secret != nil {
			*o.Secret = secret
		}
		return nil
	})
}

// Detail implements Detailer: the key ID when Key receives it, never the
// secret.
func (o CreateAccessKey) Detail(w World) map[string]string {
	d := map[string]string{"userName": o.UserName}
	if o.Key != nil && o.Key.ID != "" {
		d["accessKeyId"] = o.Key.ID
	}
	return d
}

// UpdateAccessKey activates or deactivates an access key
// (iam:UpdateAccessKey).
type UpdateAccessKey struct{ UserName, KeyID, Status string }

// Action implements Op.
func (UpdateAccessKey) Action() string { return "iam:UpdateAccessKey" }

// Resource implements Op.
func (o UpdateAccessKey) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o UpdateAccessKey) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.UpdateAccessKey(o.UserName, o.KeyID, o.Status)
	})
}

// Detail implements Detailer.
func (o UpdateAccessKey) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "accessKeyId": o.KeyID, "status": o.Status}
}

// DeleteAccessKey deletes an access key (iam:DeleteAccessKey).
type DeleteAccessKey struct{ UserName, KeyID string }

// Action implements Op.
func (DeleteAccessKey) Action() string { return "iam:DeleteAccessKey" }

// Resource implements Op.
func (o DeleteAccessKey) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o DeleteAccessKey) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeleteAccessKey(o.UserName, o.KeyID) })
}

// Detail implements Detailer.
func (o DeleteAccessKey) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "accessKeyId": o.KeyID}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
