package sim

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/account"
	"labsim/sim/awserr"
)

// opEnv is an environment with a cheap password hash and entropy from the
// same seeded generator.
func opEnv(seed byte) Env {
	g := rand.NewChaCha8([32]byte{seed})
	return Env{Now: t0, Rand: rand.New(g), Entropy: g, PasswordCost: 1000}
}

func validSignUp() SignUp {
	return SignUp{
		Email: "Kim@Example.com ", AccountName: " my-lab ", Password: "Secret-Pass1",
		Contact: Contact{Usage: account.UsagePersonal, FullName: "Kim Minji", Phone: "+82 10-1234-5678",
			Address: account.Address{Country: "KR", Line1: "1 Sejong-daero", City: "Seoul", PostalCode: "04524"}},
		Card:        account.Summarize(account.TestCardNumber),
		SupportPlan: account.PlanBasic,
	}
}

func TestSignUpCreatesAccountAndMailsWelcome(t *testing.T) {
	w := NewWorld(opEnv(1).Rand)
	env := opEnv(2)
	id := w.UnusedAccountID(env.Rand)
	op := validSignUp()
	op.AccountID = id
	w2, err := w.Do(Session{}, op, env)
	require.NoError(t, err)
	require.Empty(t, w.Accounts, "the old world is untouched")

	a := w2.Accounts[id]
	require.Equal(t, "kim@example.com", a.Email)
	require.Equal(t, "my-lab", a.Name)
	require.True(t, account.ValidAccountID(a.ID))
	require.Equal(t, "arn:aws:iam::"+id+":root", a.RootARN())
	require.True(t, a.RootPassword.Verify("Secret-Pass1"))
	require.Equal(t, 1000, a.RootPassword.Iterations)
	require.Equal(t, account.CardSummary{Brand: account.BrandVisa, Last4: "1111"}, a.Card)
	require.Equal(t, "basic", a.SupportPlan)
	require.Equal(t, t0, a.CreatedAt)

	require.Len(t, w2.Devices.Inbox, 1)
	mail := w2.Devices.Inbox[0]
	require.Equal(t, WelcomeSubjectKey, mail.SubjectKey)
	require.Equal(t, id, mail.Args["accountId"])
	require.Equal(t, "kim@example.com", mail.To)

	ev := w2.Events[len(w2.Events)-1]
	require.Equal(t, SignUpAction, ev.Action)
	require.Equal(t, Allowed, ev.Decision)
	require.Equal(t, Anonymous, ev.Principal)
	require.Equal(t, id, ev.AccountID)
	require.Equal(t, "arn:aws:iam::"+id+":root", ev.Resource)
	require.Equal(t, map[string]string{"accountId": id, "supportPlan": "basic"}, ev.Detail)
}

func TestSignUpDrawsAnIDWhenNoneIsGivenAndAllowsSeveralAccounts(t *testing.T) {
	w := NewWorld(opEnv(1).Rand)
	w, err := w.Do(Session{}, validSignUp(), opEnv(3))
	require.NoError(t, err)
	second := validSignUp()
	second.Email = "other@example.com"
	w, err = w.Do(Session{}, second, opEnv(4))
	require.NoError(t, err)
	require.Len(t, w.Accounts, 2)
	for id, a := range w.Accounts {
		require.Equal(t, id, a.ID)
		require.Len(t, id, 12)
	}
	require.Equal(t, "*", w.Events[0].Resource)
	require.Len(t, w.Events[0].Detail["accountId"], 12)
}

func TestSignUpWithAHashMadeEarlier(t *testing.T) {
	hash, err := account.NewPasswordHash("Earlier-Pass1", opEnv(9).Entropy, 1000)
	require.NoError(t, err)
	op := validSignUp()
	op.Password, op.PasswordHash = "", hash
	w, err := NewWorld(opEnv(1).Rand).Do(Session{}, op, opEnv(5))
	require.NoError(t, err)
	a, _ := w.AccountByEmail("kim@example.com")
	require.True(t, a.RootPassword.Verify("Earlier-Pass1"))
}

func TestSignUpRefusesWhatThePagesWouldRefuse(t *testing.T) {
	existing, err := NewWorld(opEnv(1).Rand).Do(Session{}, validSignUp(), opEnv(3))
	require.NoError(t, err)
	tests := []struct {
		name   string
		world  World
		change func(*SignUp)
		field  string
		code   string
	}{
		{"email used by another account", existing, func(o *SignUp) { o.Email = "KIM@example.com" }, account.FieldEmail, account.CodeEmailTaken},
		{"bad email", NewWorld(opEnv(1).Rand), func(o *SignUp) { o.Email = "kim@" }, account.FieldEmail, account.CodeEmailInvalid},
		{"weak password", NewWorld(opEnv(1).Rand), func(o *SignUp) { o.Password = "password" }, account.FieldPassword, account.CodePasswordClasses},
		{"no password nor hash", NewWorld(opEnv(1).Rand), func(o *SignUp) { o.Password = "" }, account.FieldPassword, account.CodeRequired},
		{"no account name", NewWorld(opEnv(1).Rand), func(o *SignUp) { o.AccountName = " " }, account.FieldAccountName, account.CodeRequired},
		{"no full name", NewWorld(opEnv(1).Rand), func(o *SignUp) { o.Contact.FullName = "" }, account.FieldFullName, account.CodeRequired},
		{"no card", NewWorld(opEnv(1).Rand), func(o *SignUp) { o.Card = account.CardSummary{} }, account.FieldCardNumber, account.CodeRequired},
		{"unknown plan", NewWorld(opEnv(1).Rand), func(o *SignUp) { o.SupportPlan = "enterprise" }, account.FieldSupportPlan, account.CodeChoiceInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := validSignUp()
			tt.change(&op)
			w, err := tt.world.Do(Session{}, op, opEnv(6))
			require.Error(t, err)
			p, ok := ProblemOf(err)
			require.True(t, ok, "%v", err)
			require.Equal(t, tt.field, p.Field)
			require.Equal(t, tt.code, p.Code)
			require.Len(t, w.Accounts, len(tt.world.Accounts), "nothing is created")
			require.Equal(t, awserr.ValidationError, w.Events[len(w.Events)-1].ErrorCode)
		})
	}
}

func TestSignUpRefusesAnIDInUseOrMalformed(t *testing.T) {
	st, err := Prepared("signed-up", opEnv(1))
	require.NoError(t, err)
	op := validSignUp()
	op.AccountID = DemoAccountID
	_, err = st.World.Do(Session{}, op, opEnv(2))
	require.Equal(t, awserr.EntityAlreadyExists, awserr.Code(err))
	op.AccountID = "12345"
	_, err = st.World.Do(Session{}, op, opEnv(2))
	require.Equal(t, awserr.ValidationError, awserr.Code(err))
}

func TestSignUpEventAndSavedWorldHoldNoSecrets(t *testing.T) {
	w, err := NewWorld(opEnv(1).Rand).Do(Session{}, validSignUp(), opEnv(3))
	require.NoError(t, err)
	dump := strings.Join([]string{w.Events[0].Resource, w.Events[0].Action}, " ")
	for k, v := range w.Events[0].Detail {
		dump += " " + k + "=" + v
	}
	for _, a := range w.Accounts {
		dump += " " + a.Card.Brand + a.Card.Last4 + string(a.RootPassword.Hash)
	}
	require.NotContains(t, dump, "Secret-Pass1")
	require.NotContains(t, dump, "4111111111111111")
}
