package sim

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"unicode/utf8"

	"labsim/sim/account"
)

// Password hash costs a world may hold: the prepared worlds use
// MinIterations (the demo account), students' passwords
// account.DefaultIterations (600,000).
const (
	MinIterations = 1_000
	MaxIterations = 1_000_000
)

// ErrInvalidWorld wraps every reason Validate gives.
var ErrInvalidWorld = errors.New("invalid world")

// Validate checks a world that did not come from this browser's operations
// (an import, a merge of two tabs' work) by the rules the operations and
// the console's forms enforce, so that nothing loaded can hold what no
// operation could have made: 12-digit account IDs that match their keys,
// one account per email address, account names and emails by the sign-up
// rules, password hashes that Verify accepts with 1,000 to 1,000,000
// iterations, at most MaxMFADevices root MFA devices with unique names
// whose serials belong to the account itself, authenticator entries within
// their bounds, and unique IDs of phone and inbox items.
func (w World) Validate() error {
	if err := w.validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidWorld, err)
	}
	return nil
}

func (w World) validate() error {
	emails := map[string]string{}
	for _, id := range slices.Sorted(maps.Keys(w.Accounts)) {
		a := w.Accounts[id]
		if !account.ValidAccountID(id) || a.ID != id {
			return fmt.Errorf("account %q: bad account ID", id)
		}
		if err := a.validate(); err != nil {
			return fmt.Errorf("account %s: %w", id, err)
		}
		email := account.NormalizeEmail(a.Email)
		if other, ok := emails[email]; ok {
			return fmt.Errorf("accounts %s and %s: same email address", other, id)
		}
		emails[email] = id
	}
	return w.Devices.validate()
}

// validate checks one account.
func (a Account) validate() error {
	if !account.ValidEmail(a.Email) {
		return errors.New("invalid email address")
	}
	if len(account.ValidateAccountName(a.Name)) > 0 {
		return errors.New("invalid account name")
	}
	if h := a.RootPassword; !h.IsZero() {
		if h.Algorithm != account.PasswordHashAlgorithm {
			return fmt.Errorf("password hash: unknown algorithm %q", h.Algorithm)
		}
		if h.Iterations < MinIterations || h.Iterations > MaxIterations {
			return fmt.Errorf("password hash: %d iterations outside %d..%d", h.Iterations, MinIterations, MaxIterations)
		}
		if len(h.Salt) < account.MinSaltSize || len(h.Hash) < 16 {
			return errors.New("password hash: salt or hash too short")
		}
	}
	if len(a.RootMFA) > MaxMFADevices {
		return fmt.Errorf("%d root MFA devices, more than %d", len(a.RootMFA), MaxMFADevices)
	}
	names := map[string]bool{}
	for _, d := range a.RootMFA {
		if err := d.Validate(); err != nil {
			return fmt.Errorf("MFA device: %w", err)
		}
		if d.Serial != "arn:aws:iam::"+a.ID+":mfa/"+d.Name {
			return fmt.Errorf("MFA device %q: serial of another account", d.Name)
		}
		if names[d.Name] {
			return fmt.Errorf("MFA device %q: name used twice", d.Name)
		}
		names[d.Name] = true
	}
	// IAM: names unique ignoring case, references to existing users,
	// groups and policies, quotas and sizes, by IAM's own rules.
	if err := a.validateIAM(); err != nil {
		return fmt.Errorf("IAM: %w", err)
	}
	return nil
}

// validate checks the student's devices.
func (d Devices) validate() error {
	if len(d.Authenticator) > MaxAuthenticatorEntries {
		return fmt.Errorf("%d authenticator accounts, more than %d", len(d.Authenticator), MaxAuthenticatorEntries)
	}
	ids := map[int]bool{}
	for _, e := range d.Authenticator {
		if ids[e.ID] {
			return fmt.Errorf("authenticator account %d: ID used twice", e.ID)
		}
		ids[e.ID] = true
		if utf8.RuneCountInString(e.Issuer) > MaxAuthenticatorLabel || utf8.RuneCountInString(e.Account) > MaxAuthenticatorLabel ||
			!utf8.ValidString(e.Issuer) || !utf8.ValidString(e.Account) {
			return fmt.Errorf("authenticator account %d: label too long or not text", e.ID)
		}
		if err := e.Secret.Validate(); err != nil {
			return fmt.Errorf("authenticator account %d: %w", e.ID, err)
		}
	}
	clear(ids)
	for _, p := range d.Phone {
		if ids[p.ID] {
			return fmt.Errorf("phone item %d: ID used twice", p.ID)
		}
		ids[p.ID] = true
	}
	clear(ids)
	for _, e := range d.Inbox {
		if ids[e.ID] {
			return fmt.Errorf("email %d: ID used twice", e.ID)
		}
		ids[e.ID] = true
	}
	return nil
}
