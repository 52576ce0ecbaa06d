package sim

import (
	"fmt"
	"labsim/sim/account"
	"labsim/sim/mfa"
	"math/rand/v2"
	"time"
)

// Start is a prepared starting state: a world and who is signed in.
type Start struct {
	World   World
	Session Session
}

// PreparedWorld describes one named starting state for tests, labs and
// instructors.
type PreparedWorld struct {
	Name string
	// Build makes the state. It may use env's clock and generator.
	Build func(env Env) Start
}

// Demo facts are fixed and documented so that tests and instructors can
// rely on them. The demo root password is public, so its hash uses a low
// fixed cost that keeps prepared worlds instant to build.
const (
	DemoAccountID   = "123456789012"
	DemoAccountName = "labsim-demo"
	DemoEmail       = "student@example.com"
	DemoPassword    = "Labsim-Demo-2026!"
	demoHashCost    = 1000
)

// PreparedWorlds returns the named starting states, in menu order.
func PreparedWorlds() []PreparedWorld {
	return []PreparedWorld{
		{Name: "fresh", Build: func(env Env) Start {
			return Start{World: NewWorld(env.Rand)}
		}},
		{Name: "demo", Build: func(env Env) Start {
			w := NewWorld(env.Rand)
			acct := demoAccount(env)
			w.Accounts[acct.ID] = acct
			s := Session{AccountID: acct.ID, Principal: acct.RootARN(), Root: true, SignedInAt: env.Now.UTC()}
			return Start{World: w, Session: s}
		}},
		{Name: "signed-up", Build: func(env Env) Start {
			w := NewWorld(env.Rand)
			acct := demoAccount(env)
			w.Accounts[acct.ID] = acct
			return Start{World: w}
		}},
		{Name: "delegation-done", Build: buildDelegationDone},
		{Name: "root-mfa", Build: func(env Env) Start {
			w := NewWorld(env.Rand)
			acct := demoAccount(env)
			acct.RootMFA = []mfa.Device{{
				Name:      mfa.DefaultRootDeviceName,
				Serial:    mfa.SerialNumber(acct.ID, mfa.DefaultRootDeviceName),
				Secret:    mfa.DemoSecret,
				EnabledAt: acct.CreatedAt,
			}}
			w.Accounts[acct.ID] = acct
			return Start{World: w}
		}},
	}
}

// Prepared builds the named starting state.
func Prepared(name string, env Env) (Start, error) {
	for _, p := range PreparedWorlds() {
		if p.Name == name {
			return p.Build(env), nil
		}
	}
	return Start{}, fmt.Errorf("prepared world %q: no such world", name)
}

// NewWorld returns an empty world with a simulated public source address
// drawn from the documentation range 203.0.113.0/24.
func NewWorld(r *rand.Rand) World {
	return World{
		Accounts: map[string]Account{},
		Events:   []Event{},
		SourceIP: fmt.Sprintf("203.0.113.%d", 1+r.IntN(254)),
	}
}

// demoAccount is the documented demo account: signed up a day ago with
// the Basic support plan and the test card.
func demoAccount(env Env) Account {
	var salt [16]byte
	for i := range salt {
		salt[i] = byte(env.Rand.Uint32())
	}
	hash, err := account.HashPassword(DemoPassword, salt[:], demoHashCost)
	if err != nil {
		panic(fmt.Sprintf("hash demo password: %v", err)) // fixed inputs: cannot fail
	}
	return Account{
		ID:           DemoAccountID,
		Name:         DemoAccountName,
		Email:        DemoEmail,
		CreatedAt:    env.Now.UTC().Add(-24 * time.Hour).Truncate(time.Second),
		RootPassword: hash,
		Contact: Contact{
			Usage:    account.UsagePersonal,
			FullName: "Kim Minji",
			Phone:    "+82 10-1234-5678",
			Address: account.Address{Country: "KR", Line1: "123 Sejong-daero", City: "Jung-gu",
				StateOrRegion: "Seoul", PostalCode: "04524"},
		},
		Card:        account.Summarize(account.TestCardNumber),
		SupportPlan: "basic",
	}
}
