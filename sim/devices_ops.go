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

// SendSMS delivers a text message to the virtual phone. When CodeDigits is
// positive, a fresh numeric code of that many digits is drawn from the
// environment's generator and passed to the text as Args["code"]; the
// console reads it back from the item to check what the student types.
type SendSMS struct {
	To         string // E.164 number
	TextKey    string
	Args       map[string]string
	CodeDigits int
}

// Action implements Op.
func (SendSMS) Action() string { return "devices:SendSMS" }

// Resource implements Op: the receiving number.
func (o SendSMS) Resource(w World, s Session) string { return "tel:" + o.To }

// Unauthenticated implements Unauthenticated: the outside world needs no
// session.
func (SendSMS) Unauthenticated() {}

// Detail implements Detailer; the code itself is never recorded.
func (o SendSMS) Detail(w World) map[string]string {
	return map[string]string{"to": o.To, "text": o.TextKey, "itemId": itoa(nextPhoneID(w.Devices) - 1)}
}

// Apply implements Op.
func (o SendSMS) Apply(w *World, s Session, env Env) error {
	if o.To == "" || o.TextKey == "" {
		return awserr.New(awserr.InvalidInput, "field", "To")
	}
	args := cloneArgs(o.Args)
	if o.CodeDigits > 0 {
		if args == nil {
			args = map[string]string{}
		}
		args["code"] = account.NewNumericCode(env.Rand, o.CodeDigits)
	}
	w.Devices.Phone = append(w.Devices.Phone, PhoneItem{ID: nextPhoneID(w.Devices), Time: env.Now.UTC(),
		Kind: PhoneSMS, To: o.To, From: AWSSMSSender, TextKey: o.TextKey, Args: args})
	return nil
}

// PlaceCall rings the virtual phone with a verification call. A PIN of
// PINDigits digits is drawn and kept in the item's Args["pin"]: the sign-up
// page shows it, and the student types it on the phone's keypad
// (AnswerCall).
type PlaceCall struct {
	To        string // E.164 number
	TextKey   string // what the voice says
	PINDigits int
}

// Action implements Op.
func (PlaceCall) Action() string { return "devices:PlaceCall" }

// Resource implements Op: the called number.
func (o PlaceCall) Resource(w World, s Session) string { return "tel:" + o.To }

// Unauthenticated implements Unauthenticated.
func (PlaceCall) Unauthenticated() {}

// Detail implements Detailer; never the PIN.
func (o PlaceCall) Detail(w World) map[string]string {
	return map[string]string{"to": o.To, "itemId": itoa(nextPhoneID(w.Devices) - 1)}
}

// Apply implements Op. A call still ringing on the phone is declined: the
// phone rings for one call at a time.
func (o PlaceCall) Apply(w *World, s Session, env Env) error {
	if o.To == "" || o.PINDigits < 1 {
		return awserr.New(awserr.InvalidInput, "field", "To")
	}
	for i, p := range w.Devices.Phone {
		if p.Kind == PhoneCall && p.Args["status"] == CallRinging {
			w.Devices.Phone[i].Args = withArg(p.Args, "status", CallDeclined)
		}
	}
	w.Devices.Phone = append(w.Devices.Phone, PhoneItem{ID: nextPhoneID(w.Devices), Time: env.Now.UTC(),
		Kind: PhoneCall, To: o.To, From: AWSCaller, TextKey: o.TextKey,
		Args: map[string]string{"pin": account.NewNumericCode(env.Rand, o.PINDigits), "status": CallRinging}})
	return nil
}

// AnswerCall records what the student did with a ringing call: the digits
// typed on the keypad, or a declined call when Decline is set. The call is
// marked verified when the digits are its PIN and failed otherwise; either
// way the call ends and is marked read.
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
		return nil
	}
	return awserr.New(awserr.NoSuchEntity, "kind", "call", "name", itoa(o.ItemID))
}

// SendEmail delivers a message to the virtual inbox; its subject and body
// are catalog keys so that it shows in the student's language.
type SendEmail struct {
	To         string
	SubjectKey string
	BodyKey    string
	Args       map[string]string
}

// Action implements Op.
func (SendEmail) Action() string { return "devices:SendEmail" }

// Resource implements Op.
func (o SendEmail) Resource(w World, s Session) string { return "mailto:" + o.To }

// Unauthenticated implements Unauthenticated.
func (SendEmail) Unauthenticated() {}

// Apply implements Op.
func (o SendEmail) Apply(w *World, s Session, env Env) error {
	if o.To == "" || o.SubjectKey == "" || o.BodyKey == "" {
		return awserr.New(awserr.InvalidInput, "field", "To")
	}
	w.Devices.Inbox = append(w.Devices.Inbox, Email{ID: nextEmailID(w.Devices), Time: env.Now.UTC(),
		To: o.To, From: AWSMailFrom, SubjectKey: o.SubjectKey, BodyKey: o.BodyKey, Args: cloneArgs(o.Args)})
	return nil
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
