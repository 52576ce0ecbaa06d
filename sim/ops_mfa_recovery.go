package sim

import (
	"maps"
	"slices"
	"time"

	"labsim/sim/account"
	"labsim/sim/awserr"
)

// A root user whose MFA device is lost signs in with "alternative factors
// of authentication" (IAM User Guide, id_credentials_mfa_lost-or-broken):
// first the account's email address is verified, then its phone number,
// then the console signs in without MFA. The device stays assigned, as at
// AWS: the student removes it afterwards on My Security Credentials.
//
// Email: AWS's message holds a link; the simulator's holds a 6-digit code
// that the student types on the web page. Phone: as at AWS, the web page
// shows a number, the virtual phone rings, and the student types the number
// on the phone's keypad (AnswerCall marks the call verified); AWS's number
// has 6 digits, the simulator's has recoveryPINDigits.
// Both are recorded on the account as hashes (Account.RecoveryEmail and
// Account.RecoveryCall) when they are sent; the operations that accept
// them check those records, never the inbox or the phone. They are valid
// for RecoveryCodeTTL, only the latest of each counts, and a successful
// sign-in uses them up.

// RecoveryCodeTTL is how long a recovery email code or a verified call
// stays valid.
const RecoveryCodeTTL = 15 * time.Minute

// Keys of the messages the recovery path sends; the console's catalogs hold
// their text.
const (
	RecoveryMailSubjectKey = "mfa.recovery.mail.subject"
	RecoveryMailBodyKey    = "mfa.recovery.mail.body"
	RecoveryCallTextKey    = "mfa.recovery.call.text"
)

// recoveryDigits is the length of the emailed code. AWS's call asks for a
// 6-digit number too, but the virtual phone's keypad answers a call after
// account.VoicePINDigits digits (the sign-up call's PIN length), so the
// recovery call uses that length.
const (
	recoveryDigits    = 6
	recoveryPINDigits = account.VoicePINDigits
)

// SendRootRecoveryEmail sends a verification code to the root user's email
// address (the virtual inbox). Anyone may ask; only the account's owner
// reads the inbox.
type SendRootRecoveryEmail struct {
	Email string
}

// Action implements Op.
func (SendRootRecoveryEmail) Action() string { return "signin:SendVerificationEmail" }

// Resource implements Op: the root user of the account with the email.
func (o SendRootRecoveryEmail) Resource(w World, s Session) string { return rootResource(w, o.Email) }

// Unauthenticated implements Unauthenticated.
func (SendRootRecoveryEmail) Unauthenticated() {}

// Apply implements Op.
func (o SendRootRecoveryEmail) Apply(w *World, s Session, env Env) error {
	acct, err := recoveryAccount(*w, o.Email)
	if err != nil {
		return err
	}
	code := account.NewNumericCode(env.Rand, recoveryDigits)
	mail := sendEmail(w, acct.Email, RecoveryMailSubjectKey, RecoveryMailBodyKey,
		map[string]string{"code": code, "email": acct.Email}, env)
	acct.RecoveryEmail = issueSecret(purposeRecoveryEmail, acct.ID, code, env.Now, mail.ID)
	w.Accounts[acct.ID] = acct
	return nil
}

// CallRootRecoveryPhone checks the emailed code and then rings the
// account's contact phone number (the virtual phone). The call's PIN, kept
// in the call item's Args["pin"], is what the web page shows and the
// student types on the phone's keypad.
type CallRootRecoveryPhone struct {
	Email     string
	EmailCode string
}

// Action implements Op.
func (CallRootRecoveryPhone) Action() string { return "signin:VerificationCall" }

// Resource implements Op.
func (o CallRootRecoveryPhone) Resource(w World, s Session) string { return rootResource(w, o.Email) }

// Unauthenticated implements Unauthenticated.
func (CallRootRecoveryPhone) Unauthenticated() {}

// Apply implements Op.
func (o CallRootRecoveryPhone) Apply(w *World, s Session, env Env) error {
	acct, err := recoveryAccount(*w, o.Email)
	if err != nil {
		return err
	}
	if _, err := w.CheckRootRecoveryEmail(o.Email, o.EmailCode, env.Now); err != nil {
		return err
	}
	call, err := placeCall(w, acct.Contact.Phone, RecoveryCallTextKey, recoveryPINDigits, env)
	if err != nil {
		return err
	}
	acct.RecoveryCall = issueSecret(purposeRecoveryCall, acct.ID, call.Args["pin"], env.Now, call.ID)
	w.Accounts[acct.ID] = acct
	return nil
}

// answerRecoveryCall checks the digits typed during a call against the
// recovery call record it belongs to, if any, and marks the record
// verified when they are its PIN (or not verified otherwise).
func (w *World) answerRecoveryCall(itemID int, digits string, declined bool) {
	for _, id := range slices.Sorted(maps.Keys(w.Accounts)) {
		a := w.Accounts[id]
		if a.RecoveryCall.ItemID != itemID || a.RecoveryCall.Hash == "" || a.RecoveryCall.Used {
			continue
		}
		a.RecoveryCall.Verified = !declined && a.RecoveryCall.matches(purposeRecoveryCall, a.ID, typedDigits(digits))
		w.Accounts[id] = a
	}
}

// SignInRootAlternativeFactors signs the root user in without the MFA
// device, after the email code and a verified call (signin:ConsoleLogin
// with detail mfa=false, alternativeFactors=true). The caller creates the
// session with RootSession(a, now, false). Both factors are used up.
type SignInRootAlternativeFactors struct {
	Email, Password string
	EmailCode       string
}

// Action implements Op.
func (SignInRootAlternativeFactors) Action() string { return ConsoleLoginAction }

// Resource implements Op.
func (o SignInRootAlternativeFactors) Resource(w World, s Session) string {
	return rootResource(w, o.Email)
}

// Unauthenticated implements Unauthenticated.
func (SignInRootAlternativeFactors) Unauthenticated() {}

// Apply implements Op.
func (o SignInRootAlternativeFactors) Apply(w *World, s Session, env Env) error {
	if _, err := recoveryAccount(*w, o.Email); err != nil {
		return err
	}
	if _, err := w.CheckRootPassword(o.Email, o.Password); err != nil {
		return err
	}
	mail, err := w.CheckRootRecoveryEmail(o.Email, o.EmailCode, env.Now)
	if err != nil {
		return err
	}
	call, err := w.RootRecoveryCall(o.Email, env.Now)
	if err != nil {
		return err
	}
	acct, _ := recoveryAccount(*w, o.Email)
	if !acct.RecoveryCall.Verified {
		return awserr.New(awserr.InvalidAuthenticationCode, "factor", "phone", "reason", "not-verified")
	}
	acct.RecoveryEmail.Used, acct.RecoveryCall.Used = true, true
	w.Accounts[acct.ID] = acct
	// The inbox and phone show that the factors were used.
	for i, e := range w.Devices.Inbox {
		if e.ID == mail.ID {
			w.Devices.Inbox[i].Args = withArg(e.Args, "used", "true")
		}
	}
	for i, p := range w.Devices.Phone {
		if p.ID == call.ID {
			w.Devices.Phone[i].Args = withArg(p.Args, "used", "true")
		}
	}
	return nil
}

// Detail implements Detailer.
func (SignInRootAlternativeFactors) Detail(w World) map[string]string {
	return map[string]string{"mfa": "false", "alternativeFactors": "true"}
}

// CheckRootRecoveryEmail checks a typed code against the latest recovery
// code recorded for the account with the email address, without recording
// anything, and returns the email that carried it. A missing, used,
// expired or different code is InvalidAuthenticationCode (factor "email",
// reason "not-sent", "used", "expired" or "wrong").
func (w World) CheckRootRecoveryEmail(email, code string, now time.Time) (Email, error) {
	acct, err := recoveryAccount(w, email)
	if err != nil {
		return Email{}, err
	}
	rec := acct.RecoveryEmail
	switch {
	case rec.Hash == "":
		return Email{}, recoveryError("email", "not-sent")
	case rec.Used:
		return Email{}, recoveryError("email", "used")
	case now.Sub(rec.IssuedAt) > RecoveryCodeTTL:
		return Email{}, recoveryError("email", "expired")
	case !rec.matches(purposeRecoveryEmail, acct.ID, typedDigits(code)):
		return Email{}, recoveryError("email", "wrong")
	}
	if e, ok := w.Devices.Email(rec.ItemID); ok {
		return e, nil
	}
	return Email{ID: rec.ItemID}, nil
}

// RootRecoveryCall returns the latest recovery call recorded for the
// account with the email address, placed less than RecoveryCodeTTL before
// now and not used yet. Its Args["status"] tells whether the student typed
// the PIN (CallVerified); "verified" is reported only when the account's
// record of the call was verified.
func (w World) RootRecoveryCall(email string, now time.Time) (PhoneItem, error) {
	acct, err := recoveryAccount(w, email)
	if err != nil {
		return PhoneItem{}, err
	}
	rec := acct.RecoveryCall
	switch {
	case rec.Hash == "":
		return PhoneItem{}, recoveryError("phone", "not-sent")
	case rec.Used:
		return PhoneItem{}, recoveryError("phone", "used")
	case now.Sub(rec.IssuedAt) > RecoveryCodeTTL:
		return PhoneItem{}, recoveryError("phone", "expired")
	}
	p, ok := w.Devices.PhoneItem(rec.ItemID)
	if !ok {
		p = PhoneItem{ID: rec.ItemID, Kind: PhoneCall, To: acct.Contact.Phone, TextKey: RecoveryCallTextKey,
			Time: rec.IssuedAt, Args: map[string]string{"status": CallFailed}}
	}
	switch status := p.Args["status"]; {
	case rec.Verified && status != CallVerified:
		p.Args = withArg(p.Args, "status", CallVerified)
	case !rec.Verified && status == CallVerified:
		p.Args = withArg(p.Args, "status", CallFailed)
	}
	return p, nil
}

// recoveryAccount finds the account of a root email address; only an
// account with MFA has a recovery path.
func recoveryAccount(w World, email string) (Account, error) {
	acct, ok := w.AccountByEmail(account.Clean(email))
	if !ok || len(acct.RootMFA) == 0 {
		return Account{}, awserr.New(awserr.NoSuchEntity, "kind", "RootMFA", "name", email)
	}
	return acct, nil
}

// recoveryError is the error for a refused recovery factor.
func recoveryError(factor, reason string) error {
	return awserr.New(awserr.InvalidAuthenticationCode, "factor", factor, "reason", reason)
}
