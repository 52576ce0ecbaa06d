package sim

import (
	"maps"
	"slices"
	"strconv"

	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// CreateAccountAlias sets the account alias (iam:CreateAccountAlias on
// "*"). An account has one alias: a new one replaces the old, as the
// console's Edit does. Aliases are unique across the world (AWS: across
// the partition), so another account's alias is EntityAlreadyExists.
type CreateAccountAlias struct{ Alias string }

// Action implements Op.
func (CreateAccountAlias) Action() string { return "iam:CreateAccountAlias" }

// Resource implements Op.
func (CreateAccountAlias) Resource(w World, s Session) string { return "*" }

// Apply implements Op.
func (o CreateAccountAlias) Apply(w *World, s Session, env Env) error {
	if err := iam.ValidateAlias(o.Alias); err != nil {
		return err
	}
	acct, err := sessionAccount(w, s)
	if err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(w.Accounts)) {
		if id != acct.ID && w.Accounts[id].Alias == o.Alias {
			return awserr.New(awserr.EntityAlreadyExists, "kind", iam.KindAccountAlias, "name", o.Alias)
		}
	}
	acct.Alias = o.Alias
	w.Accounts[acct.ID] = acct
	return nil
}

// Detail implements Detailer.
func (o CreateAccountAlias) Detail(w World) map[string]string {
	return map[string]string{"accountAlias": o.Alias}
}

// DeleteAccountAlias removes the account alias (iam:DeleteAccountAlias);
// an alias the account does not have is NoSuchEntity.
type DeleteAccountAlias struct{ Alias string }

// Action implements Op.
func (DeleteAccountAlias) Action() string { return "iam:DeleteAccountAlias" }

// Resource implements Op.
func (DeleteAccountAlias) Resource(w World, s Session) string { return "*" }

// Apply implements Op.
func (o DeleteAccountAlias) Apply(w *World, s Session, env Env) error {
	acct, err := sessionAccount(w, s)
	if err != nil {
		return err
	}
	if acct.Alias == "" || acct.Alias != o.Alias {
		return awserr.New(awserr.NoSuchEntity, "kind", iam.KindAccountAlias, "name", o.Alias)
	}
	acct.Alias = ""
	w.Accounts[acct.ID] = acct
	return nil
}

// Detail implements Detailer.
func (o DeleteAccountAlias) Detail(w World) map[string]string {
	return map[string]string{"accountAlias": o.Alias}
}

// UpdateAccountPasswordPolicy sets a custom password policy
// (iam:UpdateAccountPasswordPolicy on "*").
type UpdateAccountPasswordPolicy struct{ Policy iam.PasswordPolicy }

// Action implements Op.
func (UpdateAccountPasswordPolicy) Action() string { return "iam:UpdateAccountPasswordPolicy" }

// Resource implements Op.
func (UpdateAccountPasswordPolicy) Resource(w World, s Session) string { return "*" }

// Apply implements Op.
func (o UpdateAccountPasswordPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.UpdatePasswordPolicy(o.Policy) })
}

// Detail implements Detailer: the settings.
func (o UpdateAccountPasswordPolicy) Detail(w World) map[string]string {
	p := o.Policy
	return map[string]string{
		"minimumPasswordLength": strconv.Itoa(p.MinLength), "requireUppercase": boolText(p.RequireUppercase),
		"requireLowercase": boolText(p.RequireLowercase), "requireNumbers": boolText(p.RequireNumbers),
		"requireSymbols": boolText(p.RequireSymbols), "allowUsersToChangePassword": boolText(p.AllowUsersToChange),
		"maxPasswordAge": strconv.Itoa(p.MaxAgeDays), "passwordReusePrevention": strconv.Itoa(p.ReusePrevention),
		"hardExpiry": boolText(p.HardExpiry),
	}
}

// DeleteAccountPasswordPolicy returns to IAM's default password policy
// (iam:DeleteAccountPasswordPolicy).
type DeleteAccountPasswordPolicy struct{}

// Action implements Op.
func (DeleteAccountPasswordPolicy) Action() string { return "iam:DeleteAccountPasswordPolicy" }

// Resource implements Op.
func (DeleteAccountPasswordPolicy) Resource(w World, s Session) string { return "*" }

// Apply implements Op.
func (o DeleteAccountPasswordPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeletePasswordPolicy(e.AccountID) })
}

// sessionAccount returns the signed-in session's account.
func sessionAccount(w *World, s Session) (Account, error) {
	if !s.SignedIn() {
		return Account{}, awserr.New(awserr.NotSignedIn)
	}
	acct, ok := w.Accounts[s.AccountID]
	if !ok {
		return Account{}, awserr.New(awserr.NoSuchEntity, "kind", "Account", "name", s.AccountID)
	}
	return acct, nil
}
