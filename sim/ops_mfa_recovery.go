package sim

import (
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
// Both are read back from the world (the virtual inbox and phone), are
// valid for RecoveryCodeTTL, only the latest of each counts, and a
// successful sign-in uses them up.

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
	w.Devices.Inbox = append(w.Devices.Inbox, Email{
		ID: nextEmailID(w.Devices), Time: env.Now.UTC(), To: acct.Email, From: AWSMailFrom,
		SubjectKey: RecoveryMailSubjectKey, BodyKey: RecoveryMailBodyKey,
		Args: map[string]string{"code": code, "email": acct.Email},
	})
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
	call := PlaceCall{To: acct.Contact.Phone, TextKey: RecoveryCallTextKey, PINDigits: recoveryPINDigits}
	return call.Apply(w, s, env)
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
	if call.Args["status"] != CallVerified {
		return awserr.New(awserr.InvalidAuthenticationCode, "factor", "phone", "reason", "not-verified")
	}
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
// email sent to the account with the email address, without recording
// anything, and returns that email. A missing, used, expired or different
// code is InvalidAuthenticationCode (factor "email", reason "not-sent",
// "used", "expired" or "wrong").
func (w World) CheckRootRecoveryEmail(email, code string, now time.Time) (Email, error) {
	acct, err := recoveryAccount(w, email)
	if err != nil {
		return Email{}, err
	}
	for i := len(w.Devices.Inbox) - 1; i >= 0; i-- {
		e := w.Devices.Inbox[i]
		if e.SubjectKey != RecoveryMailSubjectKey || !equalFold(e.To, acct.Email) {
			continue
		}
		switch {
		case e.Args["used"] != "":
			return Email{}, recoveryError("email", "used")
		case now.Sub(e.Time) > RecoveryCodeTTL:
			return Email{}, recoveryError("email", "expired")
		case !account.CheckCode(e.Args["code"], code):
			return Email{}, recoveryError("email", "wrong")
		}
		return e, nil
	}
	return Email{}, recoveryError("email", "not-sent")
}

// RootRecoveryCall returns the latest unused recovery call to the phone
// number of the account with the email address, placed less than
// RecoveryCodeTTL before now. Its Args["status"] tells whether the student
// typed the PIN (CallVerified).
func (w World) RootRecoveryCall(email string, now time.Time) (PhoneItem, error) {
	acct, err := recoveryAccount(w, email)
	if err != nil {
		return PhoneItem{}, err
	}
	for i := len(w.Devices.Phone) - 1; i >= 0; i-- {
		p := w.Devices.Phone[i]
		if p.Kind != PhoneCall || p.TextKey != RecoveryCallTextKey || p.To != acct.Contact.Phone {
			continue
		}
		switch {
		case p.Args["used"] != "":
			return PhoneItem{}, recoveryError("phone", "used")
		case now.Sub(p.Time) > RecoveryCodeTTL:
			return PhoneItem{}, recoveryError("phone", "expired")
		}
		return p, nil
	}
	return PhoneItem{}, recoveryError("phone", "not-sent")
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
