package sim

import (
	"labsim/sim/account"
	"labsim/sim/awserr"
)

// Caller and sender names shown on the virtual phone.
const (
	AWSSMSSender = "AWS"
	AWSCaller    = "Amazon Web Services"
)

// Phone item kinds.
const (
	PhoneSMS  = "sms"
	PhoneCall = "call"
)

// Call states, kept in a call item's Args["status"].
const (
	CallRinging  = "ringing"
	CallVerified = "verified" // the PIN typed on the keypad was right
	CallFailed   = "failed"   // a wrong PIN was typed
	CallDeclined = "declined"
)

// Catalog keys of the texts and calls the simulated AWS sends.
const (
	SignUpSMSKey  = "sms.signupCode"
	SignUpCallKey = "call.signupPin"
)

// The simulated AWS reaches the student's virtual phone and inbox only
// through the operations that issue something (a sign-up code, a reset
// link, a recovery code or call): the helpers below are not operations, so
// nobody can put a message of their own on the phone or in the inbox.

// sendSMS delivers a text message to the virtual phone and returns it.
// A fresh numeric code of codeDigits digits is drawn from the
// environment's generator and passed to the text as Args["code"].
func sendSMS(w *World, to, textKey string, codeDigits int, env Env) (PhoneItem, error) {
	if to == "" || textKey == "" || codeDigits < 1 {
		return PhoneItem{}, awserr.New(awserr.InvalidInput, "field", "To")
	}
	args := map[string]string{"code": account.NewNumericCode(env.Rand, codeDigits)}
	item := PhoneItem{ID: nextPhoneID(w.Devices), Time: env.Now.UTC(),
		Kind: PhoneSMS, To: to, From: AWSSMSSender, TextKey: textKey, Args: args}
	w.Devices.Phone = append(w.Devices.Phone, item)
	return item, nil
}

// placeCall rings the virtual phone with a verification call and returns
// it. A PIN of pinDigits digits is drawn and kept in the item's
// Args["pin"]: the web page shows it, and the student types it on the
// phone's keypad (AnswerCall). A call still ringing is declined: the phone
// rings for one call at a time.
func placeCall(w *World, to, textKey string, pinDigits int, env Env) (PhoneItem, error) {
	if to == "" || pinDigits < 1 {
		return PhoneItem{}, awserr.New(awserr.InvalidInput, "field", "To")
	}
	for i, p := range w.Devices.Phone {
		if p.Kind == PhoneCall && p.Args["status"] == CallRinging {
			w.Devices.Phone[i].Args = withArg(p.Args, "status", CallDeclined)
		}
	}
	item := PhoneItem{ID: nextPhoneID(w.Devices), Time: env.Now.UTC(),
		Kind: PhoneCall, To: to, From: AWSCaller, TextKey: textKey,
		Args: map[string]string{"pin": account.NewNumericCode(env.Rand, pinDigits), "status": CallRinging}}
	w.Devices.Phone = append(w.Devices.Phone, item)
	return item, nil
}

// sendEmail delivers a message from AWS to the virtual inbox and returns
// it; its subject and body are catalog keys so that it shows in the
// student's language.
func sendEmail(w *World, to, subjectKey, bodyKey string, args map[string]string, env Env) Email {
	e := Email{ID: nextEmailID(w.Devices), Time: env.Now.UTC(), To: to, From: AWSMailFrom,
		SubjectKey: subjectKey, BodyKey: bodyKey, Args: cloneArgs(args)}
	w.Devices.Inbox = append(w.Devices.Inbox, e)
	return e
}

// SendSignUpSMS texts a sign-up verification code (account.SMSCodeDigits
// digits, drawn here) to the number the student typed on sign-up page 4.
// The code is in the text on the virtual phone; CheckSignUpSMS checks what
// the student types against it.
type SendSignUpSMS struct {
	To string // E.164 number
}

// Action implements Op.
func (SendSignUpSMS) Action() string { return "devices:SendSMS" }

// Resource implements Op: the receiving number.
func (o SendSignUpSMS) Resource(w World, s Session) string { return "tel:" + o.To }

// Unauthenticated implements Unauthenticated: signing up needs no session.
func (SendSignUpSMS) Unauthenticated() {}

// Detail implements Detailer; the code itself is never recorded.
func (o SendSignUpSMS) Detail(w World) map[string]string {
	return map[string]string{"to": o.To, "text": SignUpSMSKey, "itemId": itoa(nextPhoneID(w.Devices) - 1)}
}

// Apply implements Op.
func (o SendSignUpSMS) Apply(w *World, s Session, env Env) error {
	_, err := sendSMS(w, o.To, SignUpSMSKey, account.SMSCodeDigits, env)
	return err
}

// CallSignUpPhone rings the number the student typed on sign-up page 4
// with a voice verification call; the page shows the call's PIN
// (account.VoicePINDigits digits) and the student types it on the phone's
// keypad.
type CallSignUpPhone struct {
	To string // E.164 number
}

// Action implements Op.
func (CallSignUpPhone) Action() string { return "devices:PlaceCall" }

// Resource implements Op: the called number.
func (o CallSignUpPhone) Resource(w World, s Session) string { return "tel:" + o.To }

// Unauthenticated implements Unauthenticated.
func (CallSignUpPhone) Unauthenticated() {}

// Detail implements Detailer; never the PIN.
func (o CallSignUpPhone) Detail(w World) map[string]string {
	return map[string]string{"to": o.To, "itemId": itoa(nextPhoneID(w.Devices) - 1)}
}

// Apply implements Op.
func (o CallSignUpPhone) Apply(w *World, s Session, env Env) error {
	_, err := placeCall(w, o.To, SignUpCallKey, account.VoicePINDigits, env)
	return err
}

// signUpItem returns the sign-up text or call with the ID; only items the
// sign-up operations sent count.
func (w World) signUpItem(id int, kind string) (PhoneItem, bool) {
	p, ok := w.Devices.PhoneItem(id)
	key := SignUpSMSKey
	if kind == PhoneCall {
		key = SignUpCallKey
	}
	if !ok || p.Kind != kind || p.TextKey != key {
		return PhoneItem{}, false
	}
	return p, true
}

// CheckSignUpSMS checks a typed sign-up code against the text with the ID
// (sent by SendSignUpSMS), without recording anything. The problems are
// those of account.ValidateVerificationCode; a missing text is an invalid
// code.
func (w World) CheckSignUpSMS(id int, code string) []account.Problem {
	p, ok := w.signUpItem(id, PhoneSMS)
	if !ok {
		return []account.Problem{{Field: account.FieldVerificationCode, Code: account.CodeCodeInvalid}}
	}
	return account.ValidateVerificationCode(p.Args["code"], code)
}

// SignUpCallVerified reports whether the sign-up call with the ID (placed
// by CallSignUpPhone) was answered with its PIN.
func (w World) SignUpCallVerified(id int) bool {
	p, ok := w.signUpItem(id, PhoneCall)
	return ok && p.Args["status"] == CallVerified
}

// AnswerCall records what the student did with a ringing call: the digits
// typed on the keypad, or a declined call when Decline is set. The call is
// marked verified when the digits are its PIN and failed otherwise; either
// way the call ends and is marked read. When the call is an MFA recovery
// call, the account's record of it (Account.RecoveryCall) is checked and
// marked verified too: that record, not the phone, is what signing in with
// alternative factors accepts.
type AnswerCall struct {
	ItemID  int
	Digits  string
	Decline bool
}

// Action implements Op.
func (AnswerCall) Action() string { return "devices:AnswerCall" }

// Resource implements Op.
func (o AnswerCall) Resource(w World, s Session) string { return "phone:item/" + itoa(o.ItemID) }

// Unauthenticated implements Unauthenticated.
func (AnswerCall) Unauthenticated() {}

// Detail implements Detailer: the call's outcome.
func (o AnswerCall) Detail(w World) map[string]string {
	if p, ok := w.Devices.PhoneItem(o.ItemID); ok {
		return map[string]string{"status": p.Args["status"]}
	}
	return nil
}

// Apply implements Op.
func (o AnswerCall) Apply(w *World, s Session, env Env) error {
	for i, p := range w.Devices.Phone {
		if p.ID != o.ItemID || p.Kind != PhoneCall {
			continue
		}
		if p.Args["status"] != CallRinging {
			return awserr.New(awserr.InvalidInput, "field", "ItemId", "reason", "ended")
		}
		status := CallDeclined
		if !o.Decline {
			status = CallFailed
			if account.CheckCode(p.Args["pin"], o.Digits) {
				status = CallVerified
			}
		}
		w.Devices.Phone[i].Args = withArg(p.Args, "status", status)
		w.Devices.Phone[i].Read = true
		w.answerRecoveryCall(p.ID, o.Digits, o.Decline)
		return nil
	}
	return awserr.New(awserr.NoSuchEntity, "kind", "call", "name", itoa(o.ItemID))
}

// MarkRead marks phone items and emails as read, as opening the Messages
// app or an email does.
type MarkRead struct {
	Phone []int
	Inbox []int
}

// Action implements Op.
func (MarkRead) Action() string { return "devices:MarkRead" }

// Resource implements Op.
func (MarkRead) Resource(w World, s Session) string { return "*" }

// Unauthenticated implements Unauthenticated.
func (MarkRead) Unauthenticated() {}

// Apply implements Op; unknown IDs are ignored.
func (o MarkRead) Apply(w *World, s Session, env Env) error {
	for i, p := range w.Devices.Phone {
		if containsInt(o.Phone, p.ID) {
			w.Devices.Phone[i].Read = true
		}
	}
	for i, e := range w.Devices.Inbox {
		if containsInt(o.Inbox, e.ID) {
			w.Devices.Inbox[i].Read = true
		}
	}
	return nil
}

// PhoneItem returns the phone item with the ID.
func (d Devices) PhoneItem(id int) (PhoneItem, bool) {
	for _, p := range d.Phone {
		if p.ID == id {
			return p, true
		}
	}
	return PhoneItem{}, false
}

// Email returns the email with the ID.
func (d Devices) Email(id int) (Email, bool) {
	for _, e := range d.Inbox {
		if e.ID == id {
			return e, true
		}
	}
	return Email{}, false
}

// LastPhoneItem returns the most recent phone item.
func (d Devices) LastPhoneItem() (PhoneItem, bool) {
	if len(d.Phone) == 0 {
		return PhoneItem{}, false
	}
	return d.Phone[len(d.Phone)-1], true
}

// RingingCall returns the call that is ringing now, if any.
func (d Devices) RingingCall() (PhoneItem, bool) {
	for i := len(d.Phone) - 1; i >= 0; i-- {
		if p := d.Phone[i]; p.Kind == PhoneCall && p.Args["status"] == CallRinging {
			return p, true
		}
	}
	return PhoneItem{}, false
}

// withArg returns a copy of args with k set to v.
func withArg(args map[string]string, k, v string) map[string]string {
	c := cloneArgs(args)
	if c == nil {
		c = map[string]string{}
	}
	c[k] = v
	return c
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
