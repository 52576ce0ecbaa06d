package sim

import (
	"fmt"
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
// rely on them.
const (
	DemoAccountID   = "123456789012"
	DemoAccountName = "labsim-demo"
	DemoEmail       = "student@example.com"
)

// PreparedWorlds returns the named starting states, in menu order.
func PreparedWorlds() []PreparedWorld {
	return []PreparedWorld{
		{Name: "fresh", Build: func(env Env) Start {
			return Start{World: NewWorld(env.Rand)}
		}},
		{Name: "demo", Build: func(env Env) Start {
			w := NewWorld(env.Rand)
			acct := demoAccount(env.Now)
			w.Accounts[acct.ID] = acct
			s := Session{AccountID: acct.ID, Principal: acct.RootARN(), Root: true, SignedInAt: env.Now.UTC()}
			return Start{World: w, Session: s}
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

func demoAccount(now time.Time) Account {
	return Account{
		ID:        DemoAccountID,
		Name:      DemoAccountName,
		Email:     DemoEmail,
		CreatedAt: now.UTC().Add(-24 * time.Hour).Truncate(time.Second),
	}
}
