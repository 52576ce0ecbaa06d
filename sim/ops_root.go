package sim

import (
	"fmt"
	"slices"

	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// MaxRootAccessKeys is how many access keys the root user may have.
const MaxRootAccessKeys = 2

// rootAccount returns the session's account when the session is its root
// user: only the root user manages its own keys and password.
func rootAccount(w *World, s Session) (Account, error) {
	if !s.SignedIn() {
		return Account{}, awserr.New(awserr.NotSignedIn)
	}
	a, ok := w.Accounts[s.AccountID]
	if !ok {
		return Account{}, awserr.New(awserr.NoSuchEntity, "kind", "Account", "name", s.AccountID)
	}
	if !s.Root {
		return Account{}, awserr.New(awserr.AccessDenied, "action", "root", "resource", a.RootARN())
	}
	return a, nil
}

// CreateRootAccessKey creates an access key for the root user, which AWS
// discourages (the console warns first). The secret is handed back once
// through Secret; only its hash is kept, and the log never sees it.
type CreateRootAccessKey struct {
	// Key and Secret receive the new key and its secret (may be nil).
	Key    *iam.AccessKey
	Secret *string
}

// Action implements Op.
func (CreateRootAccessKey) Action() string { return "iam:CreateAccessKey" }

// Resource implements Op.
func (CreateRootAccessKey) Resource(w World, s Session) string { return w.rootARN(s) }

// Apply implements Op.
func (o CreateRootAccessKey) Apply(w *World, s Session, env Env) error {
	a, err := rootAccount(w, s)
	if err != nil {
		return err
	}
	if len(a.RootAccessKeys) >= MaxRootAccessKeys {
		return awserr.New(awserr.LimitExceeded, "quota", "AccessKeysPerUser", "limit", "2")
	}
	k, secret, err := iam.NewAccessKey(iamEnv(a, env))
	if err != nil {
		return fmt.Errorf("create root access key: %w", err)
	}
	a.RootAccessKeys = append(a.RootAccessKeys, k)
	w.Accounts[a.ID] = a
	if o.Key != nil {
		*o.Key = k
	}
	if o.Secret != nil {
		*o.Secret = secret
	}
	return nil
}

// Detail implements Detailer: the key ID, never the secret.
func (o CreateRootAccessKey) Detail(w World) map[string]string {
	d := map[string]string{"userName": "root"}
	if o.Key != nil && o.Key.ID != "" {
		d["accessKeyId"] = o.Key.ID
	}
	return d
}

// DeleteRootAccessKey deletes one of the root user's access keys.
type DeleteRootAccessKey struct{ KeyID string }

// Action implements Op.
func (DeleteRootAccessKey) Action() string { return "iam:DeleteAccessKey" }

// Resource implements Op.
func (DeleteRootAccessKey) Resource(w World, s Session) string { return w.rootARN(s) }

// Apply implements Op.
func (o DeleteRootAccessKey) Apply(w *World, s Session, env Env) error {
	a, err := rootAccount(w, s)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(a.RootAccessKeys, func(k iam.AccessKey) bool { return k.ID == o.KeyID })
	if i < 0 {
		return awserr.New(awserr.NoSuchEntity, "kind", "AccessKey", "name", o.KeyID)
	}
	a.RootAccessKeys = slices.Delete(a.RootAccessKeys, i, i+1)
	w.Accounts[a.ID] = a
	return nil
}

// Detail implements Detailer.
func (o DeleteRootAccessKey) Detail(w World) map[string]string {
	return map[string]string{"userName": "root", "accessKeyId": o.KeyID}
}

// ChangeRootPassword changes the root user's password from My Security
// Credentials: the current password, then a new one that follows the
// sign-up rules (typed twice). Neither is logged.
type ChangeRootPassword struct {
	Old, New, Confirm string
}

// Action implements Op.
func (ChangeRootPassword) Action() string { return "iam:ChangePassword" }

// Resource implements Op.
func (ChangeRootPassword) Resource(w World, s Session) string { return w.rootARN(s) }

// Apply implements Op.
func (o ChangeRootPassword) Apply(w *World, s Session, env Env) error {
	a, err := rootAccount(w, s)
	if err != nil {
		return err
	}
	if !a.RootPassword.Verify(o.Old) {
		return awserr.New(awserr.InvalidInput, "field", "OldPassword", "reason", "incorrect")
	}
	if problems := account.ValidatePassword(o.New, o.Confirm, a.Email, a.Name); len(problems) > 0 {
		return problemError(problems[0])
	}
	if o.New == o.Old {
		return awserr.New(awserr.InvalidInput, "field", "NewPassword", "reason", "reused")
	}
	hash, err := account.NewPasswordHash(o.New, env.Entropy, env.PasswordCost)
	if err != nil {
		return fmt.Errorf("change root password: %w", err)
	}
	a.RootPassword = hash
	w.Accounts[a.ID] = a
	return nil
}

// rootARN is the root user ARN of the session's account ("*" without one).
func (w World) rootARN(s Session) string {
	if a, ok := w.Accounts[s.AccountID]; ok {
		return a.RootARN()
	}
	return "*"
}
