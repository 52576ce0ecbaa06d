package sim

import (
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
// The simulator's deviations: AWS's email holds a link and its call asks for
// a number shown on the web page to be typed on the phone's keypad; here the
// email and the call each carry a 6-digit code that the student types on the
// web page. Both codes are only in the virtual inbox and phone (the world),
// are valid for RecoveryCodeTTL, only the latest of each counts, and a
// successful sign-in uses them up.

// RecoveryCodeTTL is how long a recovery email or call code stays valid.
const RecoveryCodeTTL = 15 * time.Minute

// Keys of the messages the recovery path sends; the console's catalogs hold
// their text.
const (
	RecoveryMailSubjectKey = "mfa.recovery.mail.subject"
	RecoveryMailBodyKey    = "mfa.recovery.mail.body"
	RecoveryCallTextKey    = "mfa.recovery.call.text"
	// RecoveryFrom is the sender of the recovery email.
	RecoveryFrom = "no-reply-aws@amazon.com"
	// RecoveryCaller is the caller shown on the phone.
	RecoveryCaller = "Amazon Web Services"
)

// recoveryCodeDigits is the length of the recovery codes.
const recoveryCodeDigits = 6

// SendRootRecoveryEmail sends a verification code to the root user's email
// address (the virtual inbox). Anyone may ask; only the account's owner
// reads the inbox.
type SendRootRecoveryEmail struct {
	Email string
}

// Action implements Op.
func (SendRootRecoveryEmail) Action() string { return "signin:SendVerificationEmail" }

// Resource implements Op: the root user of the account with the email.
func (o SendRootRecoveryEmail) Resource(w World, s Session) string {
	return recoveryResource(w, o.Email)
}

// Unauthenticated implements Unauthenticated.
func (SendRootRecoveryEmail) Unauthenticated() {}

// Apply implements Op.
func (o SendRootRecoveryEmail) Apply(w *World, s Session, env Env) error {
	acct, err := recoveryAccount(*w, o.Email)
	if err != nil {
		return err
	}
	code := account.NewNumericCode(env.Rand, recoveryCodeDigits)
	w.Devices.Inbox = append(w.Devices.Inbox, Email{
		ID: recoveryNextEmailID(w.Devices), Time: env.Now.UTC(), To: acct.Email, From: RecoveryFrom,
		SubjectKey: RecoveryMailSubjectKey, BodyKey: RecoveryMailBodyKey,
		Args: map[string]string{"code": code, "email": acct.Email},
	})
	return nil
}

// CallRootRecoveryPhone checks the emailed code and then calls the
// account's contact phone number (the virtual phone) with a second code.
type CallRootRecoveryPhone struct {
	Email     string
	EmailCode string
}

// Action implements Op.
func (CallRootRecoveryPhone) Action() string { return "signin:VerificationCall" }

// Resource implements Op.
func (o CallRootRecoveryPhone) Resource(w World, s Session) string {
	return recoveryResource(w, o.Email)
}

// Unauthenticated implements Unauthenticated.
func (CallRootRecoveryPhone) Unauthenticated() {}

// Apply implements Op.
func (o CallRootRecoveryPhone) Apply(w *World, s Session, env Env) error {
	acct, err := recoveryAccount(*w, o.Email)
	if err != nil {
		return err
	}
	if _, err := recoveryCheckEmail(*w, acct, o.EmailCode, env.Now); err != nil {
		return err
	}
	code := account.NewNumericCode(env.Rand, recoveryCodeDigits)
	w.Devices.Phone = append(w.Devices.Phone, PhoneItem{
		ID: recoveryNextPhoneID(w.Devices), Time: env.Now.UTC(), Kind: "call",
		To: acct.Contact.Phone, From: RecoveryCaller,
		TextKey: RecoveryCallTextKey, Args: map[string]string{"code": recoverySpaced(code)},
	})
	return nil
}

// SignInRootAlternativeFactors signs the root user in without the MFA
// device, after the email and phone codes (signin:ConsoleLogin with detail
// mfa=false, alternativeFactors=true). The caller creates the session on
// success. Both codes are used up.
type SignInRootAlternativeFactors struct {
	Email, Password      string
	EmailCode, PhoneCode string
}

// Action implements Op.
func (SignInRootAlternativeFactors) Action() string { return "signin:ConsoleLogin" }

// Resource implements Op.
func (o SignInRootAlternativeFactors) Resource(w World, s Session) string {
	return recoveryResource(w, o.Email)
}

// Unauthenticated implements Unauthenticated.
func (SignInRootAlternativeFactors) Unauthenticated() {}

// Apply implements Op.
func (o SignInRootAlternativeFactors) Apply(w *World, s Session, env Env) error {
	acct, err := recoveryAccount(*w, o.Email)
	if err != nil {
		return err
	}
	if !acct.RootPassword.Verify(o.Password) {
		return awserr.New(awserr.AccessDenied, "factor", "password")
	}
	mail, err := recoveryCheckEmail(*w, acct, o.EmailCode, env.Now)
	if err != nil {
		return err
	}
	call, err := recoveryCheckCall(*w, acct, o.PhoneCode, env.Now)
	if err != nil {
		return err
	}
	w.Devices.Inbox[mail].Args = recoveryUsed(w.Devices.Inbox[mail].Args)
	w.Devices.Phone[call].Args = recoveryUsed(w.Devices.Phone[call].Args)
	return nil
}

// Detail implements Detailer.
func (SignInRootAlternativeFactors) Detail(w World) map[string]string {
	return map[string]string{"mfa": "false", "alternativeFactors": "true"}
}

// recoveryAccount finds the account of a root email address; only an
// account with MFA has a recovery path.
func recoveryAccount(w World, email string) (Account, error) {
	acct, ok := w.AccountByEmail(email)
	if !ok || len(acct.RootMFA) == 0 {
		return Account{}, awserr.New(awserr.NoSuchEntity, "kind", "RootMFA", "name", email)
	}
	return acct, nil
}

// recoveryResource is the root ARN of the account with the email, or "*".
func recoveryResource(w World, email string) string {
	if acct, ok := w.AccountByEmail(email); ok {
		return acct.RootARN()
	}
	return "*"
}

// recoveryCheckEmail checks a code against the latest recovery email to the
// account and returns that email's index in the inbox.
func recoveryCheckEmail(w World, acct Account, code string, now time.Time) (int, error) {
	i := -1
	for j, e := range w.Devices.Inbox {
		if e.SubjectKey == RecoveryMailSubjectKey && equalFold(e.To, acct.Email) {
			i = j
		}
	}
	if i < 0 {
		return -1, awserr.New(awserr.InvalidAuthenticationCode, "factor", "email", "reason", "not-sent")
	}
	e := w.Devices.Inbox[i]
	if err := recoveryCheck(e.Args, e.Time, code, now, "email"); err != nil {
		return -1, err
	}
	return i, nil
}

// recoveryCheckCall checks a code against the latest recovery call to the
// account's phone and returns that call's index.
func recoveryCheckCall(w World, acct Account, code string, now time.Time) (int, error) {
	i := -1
	for j, p := range w.Devices.Phone {
		if p.TextKey == RecoveryCallTextKey && p.To == acct.Contact.Phone {
			i = j
		}
	}
	if i < 0 {
		return -1, awserr.New(awserr.InvalidAuthenticationCode, "factor", "phone", "reason", "not-sent")
	}
	p := w.Devices.Phone[i]
	if err := recoveryCheck(p.Args, p.Time, code, now, "phone"); err != nil {
		return -1, err
	}
	return i, nil
}

// recoveryCheck compares a typed code with a message's code (spaces
// ignored), which must be unused and younger than RecoveryCodeTTL.
func recoveryCheck(args map[string]string, sent time.Time, code string, now time.Time, factor string) error {
	switch {
	case args["used"] != "":
		return awserr.New(awserr.InvalidAuthenticationCode, "factor", factor, "reason", "used")
	case now.Sub(sent) > RecoveryCodeTTL:
		return awserr.New(awserr.InvalidAuthenticationCode, "factor", factor, "reason", "expired")
	case !account.CheckCode(recoveryUnspaced(args["code"]), code):
		return awserr.New(awserr.InvalidAuthenticationCode, "factor", factor, "reason", "wrong")
	}
	return nil
}

// recoveryUsed returns a copy of args marked as used.
func recoveryUsed(args map[string]string) map[string]string {
	c := cloneArgs(args)
	if c == nil {
		c = map[string]string{}
	}
	c["used"] = "true"
	return c
}

// recoveryNextEmailID returns an unused inbox message ID.
func recoveryNextEmailID(d Devices) int {
	id := 0
	for _, e := range d.Inbox {
		id = max(id, e.ID)
	}
	return id + 1
}

// recoveryNextPhoneID returns an unused phone item ID.
func recoveryNextPhoneID(d Devices) int {
	id := 0
	for _, p := range d.Phone {
		id = max(id, p.ID)
	}
	return id + 1
}

// recoverySpaced writes a code digit by digit, as a voice reads it: "1 2 3".
func recoverySpaced(code string) string {
	b := make([]byte, 0, 2*len(code))
	for i := 0; i < len(code); i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, code[i])
	}
	return string(b)
}

// recoveryUnspaced drops the spaces of a spaced code.
func recoveryUnspaced(s string) string {
	return string(slices.DeleteFunc([]byte(s), func(c byte) bool { return c == ' ' }))
}
