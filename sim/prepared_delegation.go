package sim

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"time"

	"labsim/sim/iam"
)

// The textbook's delegation scenario, made exact in
// shared/reference/scenario: the facts of the prepared world
// "delegation-done". Its passwords are public and documented in the README.
const (
	SuperUserName           = "SuperUser"
	SuperUserPassword       = "Labsim-Super-2026!"
	LunaName                = "Luna"
	LunaPassword            = "Labsim-Luna-2026!"
	NetworkAdminGroup       = "NetworkAdmin"
	GuardrailsPolicyName    = "NetworkAdminGuardrails"
	IAMFullAccessARN        = "arn:aws:iam::aws:policy/IAMFullAccess"
	AmazonVPCFullAccessARN  = "arn:aws:iam::aws:policy/AmazonVPCFullAccess"
	guardrailsDescription   = "Own password and MFA without MFA; everything else needs MFA and the campus network 203.0.113.0/24."
	delegationBuildDuration = 10 * time.Minute
)

// GuardrailsPolicy is the text of the scenario's customer managed policy
// NetworkAdminGuardrails.
//
//go:embed delegation_guardrails.json
var GuardrailsPolicy string

// GuardrailsPolicyARN returns the ARN of NetworkAdminGuardrails in an
// account.
func GuardrailsPolicyARN(accountID string) string {
	return iam.PolicyARN(accountID, "/", GuardrailsPolicyName)
}

// buildDelegationDone is the demo account after the scenario, built
// through the door so that its log tells the story: the root user creates
// SuperUser (console password, IAMFullAccess); SuperUser creates
// NetworkAdminGuardrails, the group NetworkAdmin with AmazonVPCFullAccess
// and NetworkAdminGuardrails, and Luna in it. The "must change at next
// sign-in" flags are cleared so that tests and labs can sign in with the
// documented passwords directly; Luna has no MFA device. Nobody is signed
// in; the simulated address is DefaultSourceIP, inside the campus range.
func buildDelegationDone(env Env) Start {
	w := NewWorld(env.Rand)
	w.SourceIP = DefaultSourceIP
	acct := demoAccount(env)
	w.Accounts[acct.ID] = acct
	// The passwords are public: hash them at the demo's low cost, with
	// salts from the model's generator.
	e := env
	e.PasswordCost = demoHashCost
	e.Entropy = randReader{env.Rand}
	e.Now = env.Now.Add(-delegationBuildDuration)
	root := RootSession(acct, e.Now, false)
	must := func(w World, err error) World {
		if err != nil {
			panic(fmt.Sprintf("build delegation-done: %v", err)) // fixed inputs: cannot fail
		}
		return w
	}
	w = must(w.Do(root, ConsoleCreateUser{Name: SuperUserName, ConsoleAccess: true, Password: SuperUserPassword,
		PolicyARNs: []string{IAMFullAccessARN}}, e))
	su, _ := w.IAMUser(acct.ID, SuperUserName)
	e.Now = e.Now.Add(time.Minute)
	super := UserSession(acct, su, e.Now, false)
	w = must(w.Do(super, CreatePolicy{Name: GuardrailsPolicyName, Description: guardrailsDescription,
		Document: GuardrailsPolicy}, e))
	e.Now = e.Now.Add(time.Minute)
	w = must(w.Do(super, ConsoleCreateGroup{Name: NetworkAdminGroup,
		PolicyARNs: []string{AmazonVPCFullAccessARN, GuardrailsPolicyARN(acct.ID)}}, e))
	e.Now = e.Now.Add(time.Minute)
	w = must(w.Do(super, ConsoleCreateUser{Name: LunaName, ConsoleAccess: true, Password: LunaPassword,
		Groups: []string{NetworkAdminGroup}}, e))
	return Start{World: w}
}

// randReader reads random bytes from a generator.
type randReader struct{ r *rand.Rand }

// Read fills p from the generator; it never fails.
func (r randReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.r.Uint32())
	}
	return len(p), nil
}
