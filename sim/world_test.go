package sim

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

var t0 = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

func testEnv() Env { return Env{Now: t0, Rand: rand.New(rand.NewChaCha8([32]byte{1}))} }

// renameAccount is a test operation that changes an account, optionally
// failing after it has already changed the copy.
type renameAccount struct {
	id, name string
	fail     bool
	panic    bool
}

func (o renameAccount) Action() string { return "account:PutAccountName" }
func (o renameAccount) Resource(w World, s Session) string {
	return "arn:aws:account::" + o.id + ":account"
}
func (o renameAccount) Apply(w *World, s Session, env Env) error {
	a, ok := w.Accounts[o.id]
	if !ok {
		return awserr.New(awserr.NoSuchEntity, "id", o.id)
	}
	a.Name = o.name
	w.Accounts[o.id] = a
	if o.panic {
		panic("boom")
	}
	if o.fail {
		return awserr.New(awserr.InvalidInput, "field", "name")
	}
	return nil
}

type anonymousOp struct{ renameAccount }

func (anonymousOp) Unauthenticated() {}

func demo(t *testing.T) Start {
	st, err := Prepared("demo", testEnv())
	require.NoError(t, err)
	return st
}

func TestRootIsAlwaysAllowedAndEventIsLogged(t *testing.T) {
	st := demo(t)
	next, err := st.World.Do(st.Session, renameAccount{id: DemoAccountID, name: "new"}, testEnv())
	require.NoError(t, err)
	require.Equal(t, "new", next.Accounts[DemoAccountID].Name)
	require.Equal(t, DemoAccountName, st.World.Accounts[DemoAccountID].Name, "the old world is untouched")
	require.Len(t, next.Events, 1)
	ev := next.Events[0]
	require.Equal(t, Event{Seq: 1, Time: t0, AccountID: DemoAccountID, Principal: "arn:aws:iam::123456789012:root",
		Action: "account:PutAccountName", Resource: "arn:aws:account::123456789012:account",
		Decision: Allowed, SourceIP: st.World.SourceIP}, ev)
}

func TestFailedOperationChangesNothingButIsLogged(t *testing.T) {
	st := demo(t)
	for _, op := range []renameAccount{{id: DemoAccountID, name: "x", fail: true}, {id: DemoAccountID, name: "x", panic: true}} {
		next, err := st.World.Do(st.Session, op, testEnv())
		require.Error(t, err)
		require.Equal(t, DemoAccountName, next.Accounts[DemoAccountID].Name, "all or nothing")
		require.Equal(t, DemoAccountName, st.World.Accounts[DemoAccountID].Name)
		require.Len(t, next.Events, 1)
		require.Equal(t, Allowed, next.Events[0].Decision)
		require.NotEmpty(t, next.Events[0].ErrorCode)
		require.Empty(t, st.World.Events)
	}
}

func TestSignedOutCallerIsDeniedExceptUnauthenticatedOps(t *testing.T) {
	st := demo(t)
	next, err := st.World.Do(Session{}, renameAccount{id: DemoAccountID, name: "x"}, testEnv())
	require.Equal(t, awserr.AccessDenied, awserr.Code(err))
	e, _ := awserr.As(err)
	require.Equal(t, "ImplicitlyDenied", e.Param("decision"))
	require.Equal(t, Anonymous, next.Events[0].Principal)
	require.Equal(t, ImplicitlyDenied, next.Events[0].Decision)
	require.Equal(t, DemoAccountName, next.Accounts[DemoAccountID].Name)

	next, err = st.World.Do(Session{}, anonymousOp{renameAccount{id: DemoAccountID, name: "x"}}, testEnv())
	require.NoError(t, err)
	require.Equal(t, "x", next.Accounts[DemoAccountID].Name)
}

func TestNonRootPrincipalWithoutPoliciesIsDenied(t *testing.T) {
	st := demo(t)
	s := Session{AccountID: DemoAccountID, Principal: "arn:aws:iam::123456789012:user/Luna", UserName: "Luna"}
	_, err := st.World.Do(s, renameAccount{id: DemoAccountID, name: "x"}, testEnv())
	require.Equal(t, awserr.AccessDenied, awserr.Code(err))
}

func TestEventsAreNeverShared(t *testing.T) {
	st := demo(t)
	a, err := st.World.Do(st.Session, renameAccount{id: DemoAccountID, name: "a"}, testEnv())
	require.NoError(t, err)
	b, _ := a.Do(st.Session, renameAccount{id: DemoAccountID, name: "b"}, testEnv())
	c, _ := a.Do(st.Session, renameAccount{id: DemoAccountID, name: "c", fail: true}, testEnv())
	require.Len(t, a.Events, 1)
	require.Equal(t, 2, b.Events[1].Seq)
	require.Equal(t, "", b.Events[1].ErrorCode)
	require.Equal(t, awserr.InvalidInput, c.Events[1].ErrorCode)
}

func TestPreparedWorlds(t *testing.T) {
	for _, p := range PreparedWorlds() {
		st := p.Build(testEnv())
		require.NotNil(t, st.World.Accounts, p.Name)
		require.NotEmpty(t, st.World.SourceIP)
	}
	_, err := Prepared("nope", testEnv())
	require.Error(t, err)
	st := demo(t)
	require.True(t, st.Session.Root)
	require.Equal(t, "arn:aws:iam::123456789012:root", st.Session.Principal)
	require.Equal(t, DemoEmail, st.World.Accounts[DemoAccountID].Email)
	acct, ok := st.World.AccountByEmail("STUDENT@example.com")
	require.True(t, ok)
	require.Equal(t, DemoAccountID, acct.ID)
}

func TestSignOutNeedsNoPermission(t *testing.T) {
	st := demo(t)
	next, err := st.World.Do(st.Session, SignOut{}, testEnv())
	require.NoError(t, err)
	require.Equal(t, "signin:ConsoleLogout", next.Events[0].Action)
	require.False(t, errors.Is(err, errors.ErrUnsupported))
}

func TestPreparedWorldFacts(t *testing.T) {
	st, err := Prepared("signed-up", testEnv())
	require.NoError(t, err)
	require.False(t, st.Session.SignedIn())
	acct := st.World.Accounts[DemoAccountID]
	require.True(t, acct.RootPassword.Verify(DemoPassword))
	require.False(t, acct.RootPassword.Verify("wrong"))
	require.Equal(t, "1111", acct.Card.Last4)
	st, err = Prepared("root-mfa", testEnv())
	require.NoError(t, err)
	require.Len(t, st.World.Accounts[DemoAccountID].RootMFA, 1)
	require.Equal(t, "arn:aws:iam::123456789012:mfa/root-account-mfa-device", st.World.Accounts[DemoAccountID].RootMFA[0].Serial)
}

func TestRootIsConfinedToItsOwnAccount(t *testing.T) {
	st := demo(t)
	other := "999999999999"
	w := st.World.Clone()
	w.Accounts[other] = Account{ID: other, Name: "other"}
	_, err := w.Do(st.Session, renameAccount{id: other, name: "hijacked"}, testEnv())
	require.Equal(t, awserr.AccessDenied, awserr.Code(err))
	_, err = w.Do(st.Session, renameAccount{id: DemoAccountID, name: "mine"}, testEnv())
	require.NoError(t, err)
}
