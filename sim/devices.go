package sim

import (
	"slices"
	"time"
)

// Devices are the student's virtual phone and inbox: every code, call and
// email the simulated AWS sends arrives here instead of the outside world.
type Devices struct {
	Phone []PhoneItem `json:"phone"`
	Inbox []Email     `json:"inbox"`
	// Authenticator holds the accounts of the phone's authenticator app
	// (TOTP secrets; see AuthenticatorEntry).
	Authenticator []AuthenticatorEntry `json:"authenticator,omitempty"`
}

// PhoneItem is a text message or a voice call on the virtual phone.
type PhoneItem struct {
	ID   int       `json:"id"`
	Time time.Time `json:"time"`
	// Kind is "sms" or "call".
	Kind string `json:"kind"`
	To   string `json:"to"`
	From string `json:"from"`
	Text string `json:"text,omitempty"`
	// TextKey and Args name a catalog message, so the phone shows the
	// text in the student's language.
	TextKey string            `json:"textKey,omitempty"`
	Args    map[string]string `json:"args,omitempty"`
	Read    bool              `json:"read,omitempty"`
}

// Email is a message in the virtual inbox.
type Email struct {
	ID         int               `json:"id"`
	Time       time.Time         `json:"time"`
	To         string            `json:"to"`
	From       string            `json:"from"`
	SubjectKey string            `json:"subjectKey"`
	BodyKey    string            `json:"bodyKey"`
	Args       map[string]string `json:"args,omitempty"`
	Read       bool              `json:"read,omitempty"`
}

func (d Devices) clone() Devices {
	c := Devices{Phone: slices.Clone(d.Phone), Inbox: slices.Clone(d.Inbox), Authenticator: slices.Clone(d.Authenticator)}
	for i := range c.Phone {
		c.Phone[i].Args = cloneArgs(c.Phone[i].Args)
	}
	for i := range c.Inbox {
		c.Inbox[i].Args = cloneArgs(c.Inbox[i].Args)
	}
	return c
}

func cloneArgs(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// Unread returns how many phone items and emails are unread.
func (d Devices) Unread() (phone, inbox int) {
	for _, p := range d.Phone {
		if !p.Read {
			phone++
		}
	}
	for _, e := range d.Inbox {
		if !e.Read {
			inbox++
		}
	}
	return phone, inbox
}
