package sim

import (
	"labsim/sim/textin"

	"time"

	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// AuthenticatorEntry is one account in the virtual phone's authenticator
// app: a TOTP secret with the issuer and account name the app shows. It is
// on the student's phone, so it is part of the saved world (and of
// exports), like the device's copy of the secret at AWS.
type AuthenticatorEntry struct {
	ID      int        `json:"id"`
	Issuer  string     `json:"issuer,omitempty"`
	Account string     `json:"account"`
	Secret  mfa.Secret `json:"secret"`
	AddedAt time.Time  `json:"addedAt"`
}

// MaxAuthenticatorLabel bounds the issuer and account name an entry keeps.
const MaxAuthenticatorLabel = 256

// MaxAuthenticatorEntries bounds the accounts the app holds.
const MaxAuthenticatorEntries = 50

// AddAuthenticatorAccount adds an account to the authenticator app, from a
// scanned QR code or a typed setup key. It is the student's phone, not
// AWS: anyone may do it, and it is logged as a device event without the
// secret.
type AddAuthenticatorAccount struct {
	Issuer  string
	Account string
	Secret  mfa.Secret
}

// Action implements Op.
func (AddAuthenticatorAccount) Action() string { return "device:AddAuthenticatorAccount" }

// Resource implements Op.
func (AddAuthenticatorAccount) Resource(w World, s Session) string { return "device:phone" }

// Unauthenticated implements Unauthenticated.
func (AddAuthenticatorAccount) Unauthenticated() {}

// Apply implements Op.
func (o AddAuthenticatorAccount) Apply(w *World, s Session, env Env) error {
	if p, bad := textin.Check(o.Account); bad && p.Code != textin.CodeInvisibleOnly {
		return awserr.New(awserr.ValidationError, "field", "Account", "constraint", "characters", "char", p.Char)
	}
	if p, bad := textin.Check(o.Issuer); bad && p.Code != textin.CodeInvisibleOnly {
		return awserr.New(awserr.ValidationError, "field", "Issuer", "constraint", "characters", "char", p.Char)
	}
	switch {
	case o.Account == "" || isInvisibleOnly(o.Account):
		return awserr.New(awserr.ValidationError, "field", "Account", "constraint", "required")
	case len(o.Account) > MaxAuthenticatorLabel || len(o.Issuer) > MaxAuthenticatorLabel:
		return awserr.New(awserr.ValidationError, "field", "Account", "constraint", "length")
	case len(w.Devices.Authenticator) >= MaxAuthenticatorEntries:
		return awserr.New(awserr.LimitExceeded, "quota", "AuthenticatorAccounts", "limit", "50")
	}
	if err := o.Secret.Validate(); err != nil {
		return err
	}
	id := 0
	for _, e := range w.Devices.Authenticator {
		id = max(id, e.ID)
	}
	w.Devices.Authenticator = append(w.Devices.Authenticator, AuthenticatorEntry{
		ID: id + 1, Issuer: o.Issuer, Account: o.Account, Secret: o.Secret, AddedAt: env.Now.UTC().Truncate(time.Second),
	})
	return nil
}

// Detail implements Detailer: the labels, never the secret.
func (o AddAuthenticatorAccount) Detail(w World) map[string]string {
	return map[string]string{"issuer": o.Issuer, "account": o.Account}
}

// RemoveAuthenticatorAccount removes an account from the authenticator app.
type RemoveAuthenticatorAccount struct {
	ID int
}

// Action implements Op.
func (RemoveAuthenticatorAccount) Action() string { return "device:RemoveAuthenticatorAccount" }

// Resource implements Op.
func (RemoveAuthenticatorAccount) Resource(w World, s Session) string { return "device:phone" }

// Unauthenticated implements Unauthenticated.
func (RemoveAuthenticatorAccount) Unauthenticated() {}

// Apply implements Op.
func (o RemoveAuthenticatorAccount) Apply(w *World, s Session, env Env) error {
	for i, e := range w.Devices.Authenticator {
		if e.ID == o.ID {
			w.Devices.Authenticator = append(w.Devices.Authenticator[:i:i], w.Devices.Authenticator[i+1:]...)
			return nil
		}
	}
	return awserr.New(awserr.NoSuchEntity, "kind", "AuthenticatorAccount", "name", "")
}

// isInvisibleOnly reports whether a label is made only of spaces and
// characters that draw nothing.
func isInvisibleOnly(s string) bool {
	p, bad := textin.Check(s)
	return bad && p.Code == textin.CodeInvisibleOnly
}
