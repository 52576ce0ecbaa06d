package sim

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"
	"unicode"

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

// IssuedSecret is the world's record of a one-time secret the simulated
// AWS sent to the student: a password reset token, an MFA recovery email
// code or a recovery call's PIN. Only a SHA-256 hash of the secret (bound
// to its purpose and account) is kept, with when it was issued, the inbox
// or phone item that carried it, and whether it was verified (a call
// answered with its PIN) or used up. Each account keeps the latest secret
// of each purpose: sending a new one replaces the old.
type IssuedSecret struct {
	Hash     string    `json:"hash,omitempty"`
	IssuedAt time.Time `json:"issuedAt,omitzero"`
	// ItemID is the email or phone item that carried the secret.
	ItemID   int  `json:"itemId,omitempty"`
	Verified bool `json:"verified,omitempty"`
	Used     bool `json:"used,omitempty"`
}

// Purposes bound into an IssuedSecret's hash.
const (
	purposeReset         = "reset"
	purposeRecoveryEmail = "recovery-email"
	purposeRecoveryCall  = "recovery-call"
)

// issueSecret returns the record of secret, sent now for the account's
// purpose in item itemID.
func issueSecret(purpose, accountID, secret string, now time.Time, itemID int) IssuedSecret {
	return IssuedSecret{Hash: secretHash(purpose, accountID, secret), IssuedAt: now.UTC(), ItemID: itemID}
}

// secretHash is the hex SHA-256 of a secret bound to its purpose and
// account.
func secretHash(purpose, accountID, secret string) string {
	sum := sha256.Sum256([]byte(purpose + "\x00" + accountID + "\x00" + secret))
	return hex.EncodeToString(sum[:])
}

// matches reports whether typed is the recorded secret; an empty record or
// an empty typed value never matches. The comparison takes the same time
// for every typed value.
func (s IssuedSecret) matches(purpose, accountID, typed string) bool {
	if s.Hash == "" || typed == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(s.Hash), []byte(secretHash(purpose, accountID, typed))) == 1
}

// IsZero reports whether nothing was issued.
func (s IssuedSecret) IsZero() bool { return s == IssuedSecret{} }

// typedDigits normalises a typed numeric code as account.CheckCode does:
// white space is dropped and full-width digits become ASCII digits.
func typedDigits(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		}
		if unicode.IsSpace(r) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// RequestPasswordReset is "Forgot password?": when an account uses the
// email address, a reset link valid for ResetLinkTTL is mailed to the
// virtual inbox, and the account records the link's token (as a hash; a
// newer link replaces an older one). The answer is the same whether or not
// an account uses the address.
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
	mail := sendEmail(w, a.Email, ResetSubjectKey, ResetBodyKey,
		map[string]string{"accountName": a.Name, "email": a.Email, "accountId": a.ID,
			"token": token, "link": ResetLinkPrefix + token}, env)
	a.ResetToken = issueSecret(purposeReset, a.ID, token, env.Now, mail.ID)
	w.Accounts[a.ID] = a
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

// resetAccount returns the account whose recorded reset token is token.
func (w World) resetAccount(token string) (Account, bool) {
	if token == "" {
		return Account{}, false
	}
	for _, id := range slices.Sorted(maps.Keys(w.Accounts)) {
		if a := w.Accounts[id]; a.ResetToken.matches(purposeReset, a.ID, token) {
			return a, true
		}
	}
	return Account{}, false
}

// ResetLink returns the account a reset token was issued for, or an
// InvalidInput error (field "token") with reason ResetLinkUnknown,
// ResetLinkExpired or ResetLinkUsed. Only the account's record counts: a
// token that is not the latest one issued is unknown, whatever the inbox
// holds.
func (w World) ResetLink(token string, now time.Time) (Account, error) {
	a, ok := w.resetAccount(token)
	switch {
	case !ok:
		return Account{}, resetLinkError(ResetLinkUnknown)
	case a.ResetToken.Used:
		return Account{}, resetLinkError(ResetLinkUsed)
	case now.Sub(a.ResetToken.IssuedAt) > ResetLinkTTL:
		return Account{}, resetLinkError(ResetLinkExpired)
	}
	return a, nil
}

func resetLinkError(reason string) error {
	return awserr.New(awserr.InvalidInput, "field", "token", "reason", reason)
}

// ResetRootPassword sets a new root password through an emailed reset
// link. The password follows the sign-up rules; the link stops working,
// and a confirmation email is sent.
type ResetRootPassword struct {
	Token    string
	Password string
}

// Action implements Op.
func (ResetRootPassword) Action() string { return PasswordRecoveredAction }

// Resource implements Op.
func (o ResetRootPassword) Resource(w World, s Session) string {
	if a, ok := w.resetAccount(o.Token); ok {
		return a.RootARN()
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
	a.ResetToken.Used = true
	w.Accounts[a.ID] = a
	for i, e := range w.Devices.Inbox {
		if e.SubjectKey == ResetSubjectKey && e.Args["accountId"] == a.ID {
			w.Devices.Inbox[i].Args = withArg(e.Args, "used", "true")
		}
	}
	sendEmail(w, a.Email, ResetDoneSubject, ResetDoneBody,
		map[string]string{"accountName": a.Name, "email": a.Email}, env)
	return nil
}
