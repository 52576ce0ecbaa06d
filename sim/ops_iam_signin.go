package sim

import (
	"maps"
	"slices"

	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// AccountByIDOrAlias finds an account by its 12-digit ID or its alias, as
// the IAM user sign-in page's "Account ID (12 digits) or account alias"
// does.
func (w World) AccountByIDOrAlias(s string) (Account, bool) {
	s = account.Clean(s)
	if a, ok := w.Accounts[s]; ok {
		return a, true
	}
	for _, id := range slices.Sorted(maps.Keys(w.Accounts)) {
		if a := w.Accounts[id]; a.Alias != "" && a.Alias == s {
			return a, true
		}
	}
	return Account{}, false
}

// CheckUserPassword checks an IAM user's sign-in without recording
// anything: the console uses it to decide whether to ask for an MFA code
// before calling SignInUser. A wrong account, user name or password, and a
// user without console access, all give the same AuthenticationFailed
// error, as AWS gives one message for all of them.
func (w World) CheckUserPassword(accountOrAlias, userName, password string) (Account, iam.User, error) {
	a, ok := w.AccountByIDOrAlias(accountOrAlias)
	if !ok {
		return Account{}, iam.User{}, authFailed()
	}
	u, ok := a.IAM.User(userName)
	// IAM user names are matched exactly at sign-in.
	if !ok || u.Name != userName || !a.IAM.CheckPassword(u.Name, password) {
		return Account{}, iam.User{}, authFailed()
	}
	return a, u, nil
}

// SignInUser signs an IAM user in to the console (CloudTrail's
// ConsoleLogin). When the user has MFA devices, MFACode must be a current
// code of one of them; the device that accepts it is stored back with the
// used time step. The user's last sign-in is recorded. On success the
// caller creates the session with UserSession and, when the user's login
// profile says MustChange (or the password expired under the password
// policy), asks for a new password through ChangePassword.
type SignInUser struct {
	// Account is the account ID or alias typed.
	Account, UserName, Password, MFACode string
}

// Action implements Op.
func (SignInUser) Action() string { return ConsoleLoginAction }

// Resource implements Op: the user's ARN, or "*" when the account is
// unknown.
func (o SignInUser) Resource(w World, s Session) string {
	a, ok := w.AccountByIDOrAlias(o.Account)
	if !ok {
		return "*"
	}
	return w.userARN(a.ID, o.UserName)
}

// Unauthenticated implements Unauthenticated.
func (SignInUser) Unauthenticated() {}

// Detail implements Detailer: the user and whether MFA was used, never
// the password or code.
func (o SignInUser) Detail(w World) map[string]string {
	a, _ := w.AccountByIDOrAlias(o.Account)
	u, _ := a.IAM.User(o.UserName)
	return map[string]string{"userName": o.UserName, "mfa": boolText(len(u.MFA) > 0)}
}

// Apply implements Op.
func (o SignInUser) Apply(w *World, s Session, env Env) error {
	a, u, err := w.CheckUserPassword(o.Account, o.UserName, o.Password)
	if err != nil {
		return err
	}
	if len(u.MFA) > 0 {
		if account.Clean(o.MFACode) == "" {
			return awserr.New(awserr.InvalidAuthenticationCode, "reason", "missing")
		}
		var first error
		accepted := false
		for _, d := range u.MFA {
			next, err := d.SignIn(o.MFACode, env.Now)
			if err == nil {
				if err := a.IAM.SetMFADevice(u.Name, next); err != nil {
					return err
				}
				accepted = true
				break
			}
			if first == nil {
				first = err
			}
		}
		if !accepted {
			return first
		}
	}
	if err := a.IAM.RecordSignIn(iamEnv(a, env), u.Name); err != nil {
		return err
	}
	w.Accounts[a.ID] = a
	return nil
}
