package sim

import (
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"labsim/sim/account"
	"labsim/sim/awserr"
)

// Sign-in event actions, named as CloudTrail names the console's sign-in
// events (event source signin.amazonaws.com).
const (
	ConsoleLoginAction      = "signin:ConsoleLogin"
	PasswordRecoveryAction  = "signin:PasswordRecoveryRequested"
	PasswordRecoveredAction = "signin:PasswordRecoveryCompleted"
)

// Password reset: the emailed link's lifetime and catalog keys. AWS does
// not document how long its reset link stays valid; an hour is the
// simulator's choice.
const (
	ResetLinkTTL     = time.Hour
	ResetSubjectKey  = "mail.reset.subject"
	ResetBodyKey     = "mail.reset.body"
	ResetDoneSubject = "mail.resetDone.subject"
	ResetDoneBody    = "mail.resetDone.body"
	resetTokenBytes  = 16
	// ResetLinkPrefix starts the in-page link a reset email carries; the
	// token follows it.
	ResetLinkPrefix = "#/signin/reset/"
)

// Reasons of an InvalidInput error for a reset link.
const (
	ResetLinkUnknown = "unknown"
	ResetLinkExpired = "expired"
	ResetLinkUsed    = "used"
)

// authFailed is the one error for a wrong email address or password.
func authFailed() error { return awserr.New(account.CodeAuthenticationFailed) }

// CheckRootPassword checks a root user's email address and password
// without recording anything: the console uses it to decide whether to ask
// for an MFA code before calling SignInRoot. A wrong address and a wrong
// password give the same AuthenticationFailed error.
func (w World) CheckRootPassword(email, password string) (Account, error) {
	a, ok := w.AccountByEmail(account.Clean(email))
	if !ok || !a.RootPassword.Verify(password) {
		return Account{}, authFailed()
	}
	return a, nil
}

// RootSession returns the console session of an account's root user
// signed in at now, with MFA when mfaUsed.
func RootSession(a Account, now time.Time, mfaUsed bool) Session {
	s := Session{AccountID: a.ID, Principal: a.RootARN(), Root: true, SignedInAt: now.UTC()}
	if mfaUsed {
		s.MFAAt = now.UTC()
	}
	return s
}

// SignInRoot signs the root user in to the console (CloudTrail's
// ConsoleLogin). When the account has root MFA devices, MFACode must be a
// current code of one of them; the device that accepts it is stored back
// with the used time step, so the code cannot be replayed. On success the
// caller creates the session with RootSession.
type SignInRoot struct {
	Email    string
	Password string
	MFACode  string
}

// Action implements Op.
func (SignInRoot) Action() string { return ConsoleLoginAction }

// Resource implements Op: the root ARN of the account the email names, or
// "*" when no account uses it.
func (o SignInRoot) Resource(w World, s Session) string { return rootResource(w, o.Email) }

// Unauthenticated implements Unauthenticated.
func (SignInRoot) Unauthenticated() {}

// Detail implements Detailer: whether MFA was used.
func (o SignInRoot) Detail(w World) map[string]string {
	a, _ := w.AccountByEmail(account.Clean(o.Email))
	return map[string]string{"mfa": fmt.Sprint(len(a.RootMFA) > 0)}
}

// Apply implements Op.
func (o SignInRoot) Apply(w *World, s Session, env Env) error {
	a, err := w.CheckRootPassword(o.Email, o.Password)
	if err != nil {
		return err
	}
	if len(a.RootMFA) == 0 {
		return nil
	}
	if account.Clean(o.MFACode) == "" {
		return awserr.New(awserr.InvalidAuthenticationCode, "reason", "missing")
	}
	var first error
	for i, d := range a.RootMFA {
		next, err := d.SignIn(o.MFACode, env.Now)
		if err == nil {
			a.RootMFA[i] = next
			w.Accounts[a.ID] = a
			return nil
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// ConsoleLoginFailure records a refused console sign-in that the console
// has already decided (CheckRootPassword failed before the MFA page, or an
// IAM user sign-in that no user matches), without hashing the password
// again. It always fails with AuthenticationFailed.
type ConsoleLoginFailure struct {
	// Email is the root email address typed, or "" for an IAM user.
	Email string
	// AccountID and UserName are what an IAM user typed.
	AccountID string
	UserName  string
}

// Action implements Op.
func (ConsoleLoginFailure) Action() string { return ConsoleLoginAction }

// Resource implements Op.
func (o ConsoleLoginFailure) Resource(w World, s Session) string {
	if o.Email != "" || o.UserName == "" {
		return rootResource(w, o.Email)
	}
	if !account.ValidAccountID(o.AccountID) {
		return "*"
	}
	return "arn:aws:iam::" + o.AccountID + ":user/" + o.UserName
}

// Unauthenticated implements Unauthenticated.
func (ConsoleLoginFailure) Unauthenticated() {}

// Apply implements Op.
func (ConsoleLoginFailure) Apply(w *World, s Session, env Env) error { return authFailed() }

// rootResource is the root ARN of the account using email, or "*".
func rootResource(w World, email string) string {
	if a, ok := w.AccountByEmail(account.Clean(email)); ok {
		return a.RootARN()
	}
	return "*"
}

// RequestPasswordReset is "Forgot password?": when an account uses the
// email address, a reset link valid for ResetLinkTTL is mailed to the
// virtual inbox. The answer is the same whether or not an account uses the
// address.
type RequestPasswordReset struct{ Email string }

// Action implements Op.
func (RequestPasswordReset) Action() string { return PasswordRecoveryAction }

// Resource implements Op.
func (o RequestPasswordReset) Resource(w World, s Session) string { return rootResource(w, o.Email) }

// Unauthenticated implements Unauthenticated.
func (RequestPasswordReset) Unauthenticated() {}

// Apply implements Op.
func (o RequestPasswordReset) Apply(w *World, s Session, env Env) error {
	a, ok := w.AccountByEmail(account.Clean(o.Email))
	if !ok {
		return nil
	}
	token, err := newToken(env.Entropy)
	if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	w.Devices.Inbox = append(w.Devices.Inbox, Email{ID: nextEmailID(w.Devices), Time: env.Now.UTC(),
		To: a.Email, From: AWSMailFrom, SubjectKey: ResetSubjectKey, BodyKey: ResetBodyKey,
		Args: map[string]string{"accountName": a.Name, "email": a.Email, "accountId": a.ID,
			"token": token, "link": ResetLinkPrefix + token}})
	return nil
}

// newToken reads a random hex token.
func newToken(r io.Reader) (string, error) {
	var b [resetTokenBytes]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", fmt.Errorf("read token: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// ResetLink returns the account a reset token was mailed for, or an
// InvalidInput error (field "token") with reason ResetLinkUnknown,
// ResetLinkExpired or ResetLinkUsed.
func (w World) ResetLink(token string, now time.Time) (Account, error) {
	if token == "" {
		return Account{}, resetLinkError(ResetLinkUnknown)
	}
	for i := len(w.Devices.Inbox) - 1; i >= 0; i-- {
		e := w.Devices.Inbox[i]
		if e.SubjectKey != ResetSubjectKey || e.Args["token"] != token {
			continue
		}
		a, ok := w.Accounts[e.Args["accountId"]]
		switch {
		case !ok:
			return Account{}, resetLinkError(ResetLinkUnknown)
		case e.Args["used"] == "true":
			return Account{}, resetLinkError(ResetLinkUsed)
		case now.Sub(e.Time) > ResetLinkTTL:
			return Account{}, resetLinkError(ResetLinkExpired)
		}
		return a, nil
	}
	return Account{}, resetLinkError(ResetLinkUnknown)
}

func resetLinkError(reason string) error {
	return awserr.New(awserr.InvalidInput, "field", "token", "reason", reason)
}

// ResetRootPassword sets a new root password through an emailed reset
// link. The password follows the sign-up rules; every reset link of the
// account stops working, and a confirmation email is sent.
type ResetRootPassword struct {
	Token    string
	Password string
}

// Action implements Op.
func (ResetRootPassword) Action() string { return PasswordRecoveredAction }

// Resource implements Op.
func (o ResetRootPassword) Resource(w World, s Session) string {
	for _, e := range w.Devices.Inbox {
		if e.SubjectKey == ResetSubjectKey && o.Token != "" && e.Args["token"] == o.Token {
			return account.RootARN(e.Args["accountId"])
		}
	}
	return "*"
}

// Unauthenticated implements Unauthenticated.
func (ResetRootPassword) Unauthenticated() {}

// Apply implements Op.
func (o ResetRootPassword) Apply(w *World, s Session, env Env) error {
	a, err := w.ResetLink(o.Token, env.Now)
	if err != nil {
		return err
	}
	if problems := account.ValidatePassword(o.Password, o.Password, a.Email, a.Name); len(problems) > 0 {
		return problemError(problems[0])
	}
	hash, err := account.NewPasswordHash(o.Password, env.Entropy, env.PasswordCost)
	if err != nil {
		return fmt.Errorf("reset root password: %w", err)
	}
	a.RootPassword = hash
	w.Accounts[a.ID] = a
	for i, e := range w.Devices.Inbox {
		if e.SubjectKey == ResetSubjectKey && e.Args["accountId"] == a.ID {
			w.Devices.Inbox[i].Args = withArg(e.Args, "used", "true")
		}
	}
	w.Devices.Inbox = append(w.Devices.Inbox, Email{ID: nextEmailID(w.Devices), Time: env.Now.UTC(),
		To: a.Email, From: AWSMailFrom, SubjectKey: ResetDoneSubject, BodyKey: ResetDoneBody,
		Args: map[string]string{"accountName": a.Name, "email": a.Email}})
	return nil
}
