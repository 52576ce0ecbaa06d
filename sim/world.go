// Package sim is the simulated AWS world: accounts, their root users and
// (later) IAM identities, the sign-in sessions, the student's virtual phone
// and inbox, and the event log. Every change goes through one door,
// World.Do, which authorises the operation for the session's principal,
// applies it to a copy of the world, keeps the copy only if the operation
// succeeded, and appends an event either way.
package sim

import (
	"io"
	"labsim/sim/account"
	"labsim/sim/iam"
	"labsim/sim/mfa"
	"maps"
	"math/rand/v2"
	"slices"
	"time"
)

// World is the whole simulated state of one browser. It is a value: Do
// returns a new World and never changes the one it was called on.
type World struct {
	// Accounts by 12-digit account ID.
	Accounts map[string]Account `json:"accounts"`
	// Events is the log of everything that was attempted, oldest first:
	// the newest MaxEvents, and every event of a running lab attempt
	// (Env.KeepEventsFrom); EventsTrimmed counts those removed.
	Events []Event `json:"events"`
	// Devices are the student's stand-ins for the outside world.
	Devices Devices `json:"devices"`
	// SourceIP is the simulated public address of this browser, used in
	// events and the aws:SourceIp condition key.
	SourceIP string `json:"sourceIp"`
}

// Account is one AWS account with its root user.
type Account struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Alias     string    `json:"alias,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	// RootPassword is the root user's password as a salted hash; the
	// password itself is never kept.
	RootPassword account.PasswordHash `json:"rootPassword"`
	Contact      Contact              `json:"contact"`
	// Card is all that is kept of the payment card: brand and last four
	// digits.
	Card        account.CardSummary `json:"card"`
	SupportPlan string              `json:"supportPlan,omitempty"`
	// RootMFA holds the root user's MFA devices (AWS allows up to 8).
	RootMFA []mfa.Device `json:"rootMfa,omitempty"`
	// ResetToken, RecoveryEmail and RecoveryCall record the latest
	// one-time secrets sent for the root user (a password reset link, the
	// MFA recovery email code and call PIN) as hashes; the operations
	// that accept a secret check these records, never the inbox or phone.
	ResetToken    IssuedSecret `json:"resetToken,omitzero"`
	RecoveryEmail IssuedSecret `json:"recoveryEmail,omitzero"`
	RecoveryCall  IssuedSecret `json:"recoveryCall,omitzero"`
	// IAM is the account's IAM users, groups, customer managed policies
	// and password policy (the alias stays in Alias).
	IAM iam.Account `json:"iam,omitzero"`
	// RootAccessKeys are the root user's access keys (AWS discourages
	// them; at most two), secrets kept only as hashes.
	RootAccessKeys []iam.AccessKey `json:"rootAccessKeys,omitempty"`
}

// Contact is the account's contact information from sign-up step 2.
type Contact struct {
	Usage            string          `json:"usage,omitempty"`
	OrganizationName string          `json:"organizationName,omitempty"`
	FullName         string          `json:"fullName,omitempty"`
	Phone            string          `json:"phone,omitempty"`
	Address          account.Address `json:"address"`
}

// clone copies the account's slices.
func (a Account) clone() Account {
	a.RootMFA = slices.Clone(a.RootMFA)
	a.RootAccessKeys = slices.Clone(a.RootAccessKeys)
	a.IAM = a.IAM.Clone()
	return a
}

// RootARN returns the account's root user ARN.
func (a Account) RootARN() string { return "arn:aws:iam::" + a.ID + ":root" }

// Session is who is signed in to the console, if anyone.
type Session struct {
	AccountID string `json:"accountId,omitempty"`
	// Principal is the ARN of the signed-in identity, "" when signed out.
	Principal  string    `json:"principal,omitempty"`
	Root       bool      `json:"root,omitempty"`
	UserName   string    `json:"userName,omitempty"`
	SignedInAt time.Time `json:"signedInAt,omitzero"`
	// MFAAt is when the session's MFA code was accepted; zero without MFA.
	MFAAt time.Time `json:"mfaAt,omitzero"`
}

// IsIAMUser reports whether an IAM user is signed in; Principal is then
// the user's ARN and UserName the user's name.
func (s Session) IsIAMUser() bool { return s.SignedIn() && !s.Root && s.UserName != "" }

// SignedIn reports whether anyone is signed in.
func (s Session) SignedIn() bool { return s.Principal != "" }

// Anonymous is the principal recorded for operations made while signed out
// (sign-up, sign-in attempts).
const Anonymous = "anonymous"

// Who returns the principal for the event log.
func (s Session) Who() string {
	if s.Principal == "" {
		return Anonymous
	}
	return s.Principal
}

// Env carries what an operation may use besides the world: the time the
// message arrived with, the model's random generator, and the cost of the
// password hash (iterations; low in tests).
type Env struct {
	Now  time.Time
	Rand *rand.Rand
	// Entropy reads random bytes from the same generator (for salts and
	// MFA secrets).
	Entropy      io.Reader
	PasswordCost int
	// Region is the console's selected Region, the aws:RequestedRegion of
	// requests to regional services; "" stands for us-east-1.
	Region string
	// KeepEventsFrom is the sequence number of the oldest event the log
	// must keep however long it grows: the first event of the running lab
	// attempt, whose checks look at every event since it began. 0 pins
	// nothing: the log keeps its newest MaxEvents.
	KeepEventsFrom int
}

// Clone returns a deep copy that shares no maps or slices with w.
func (w World) Clone() World {
	c := w
	c.Accounts = make(map[string]Account, len(w.Accounts))
	for id, a := range w.Accounts {
		c.Accounts[id] = a.clone()
	}
	c.Events = slices.Clone(w.Events)
	c.Devices = w.Devices.clone()
	return c
}

// AccountByEmail finds an account by its root email address, compared
// without regard to case.
func (w World) AccountByEmail(email string) (Account, bool) {
	for _, id := range slices.Sorted(maps.Keys(w.Accounts)) {
		if equalFold(w.Accounts[id].Email, email) {
			return w.Accounts[id], true
		}
	}
	return Account{}, false
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
