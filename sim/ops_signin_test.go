package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

func signedUp(t *testing.T, name string) World {
	t.Helper()
	st, err := Prepared(name, opEnv(1))
	require.NoError(t, err)
	return st.World
}

func TestCheckRootPassword(t *testing.T) {
	w := signedUp(t, "signed-up")
	tests := []struct {
		name, email, password string
		ok                    bool
	}{
		{"right", DemoEmail, DemoPassword, true},
		{"email case and spaces ignored", "  STUDENT@example.com ", DemoPassword, true},
		{"wrong password", DemoEmail, "Labsim-Demo-2026?", false},
		{"password case matters", DemoEmail, "labsim-demo-2026!", false},
		{"unknown email", "nobody@example.com", DemoPassword, false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(w.Events)
			a, err := w.CheckRootPassword(tt.email, tt.password)
			require.Len(t, w.Events, n, "no event")
			if tt.ok {
				require.NoError(t, err)
				require.Equal(t, DemoAccountID, a.ID)
				return
			}
			require.Equal(t, account.CodeAuthenticationFailed, awserr.Code(err))
		})
	}
}

func TestSignInRootWithoutMFA(t *testing.T) {
	w := signedUp(t, "signed-up")
	w2, err := w.Do(Session{}, SignInRoot{Email: DemoEmail, Password: "wrong"}, opEnv(2))
	require.Equal(t, account.CodeAuthenticationFailed, awserr.Code(err))
	ev := w2.Events[len(w2.Events)-1]
	require.Equal(t, ConsoleLoginAction, ev.Action)
	require.Equal(t, account.CodeAuthenticationFailed, ev.ErrorCode)
	require.Equal(t, "arn:aws:iam::"+DemoAccountID+":root", ev.Resource)

	w3, err := w2.Do(Session{}, SignInRoot{Email: "nobody@example.com", Password: DemoPassword}, opEnv(2))
	require.Equal(t, account.CodeAuthenticationFailed, awserr.Code(err), "unknown email: the same error")
	require.Equal(t, "*", w3.Events[len(w3.Events)-1].Resource)

	w4, err := w3.Do(Session{}, SignInRoot{Email: DemoEmail, Password: DemoPassword}, opEnv(2))
	require.NoError(t, err)
	ev = w4.Events[len(w4.Events)-1]
	require.Equal(t, "", ev.ErrorCode)
	require.Equal(t, DemoAccountID, ev.AccountID)
	require.Equal(t, map[string]string{"mfa": "false"}, ev.Detail)

	s := RootSession(w4.Accounts[DemoAccountID], t0, false)
	require.Equal(t, Session{AccountID: DemoAccountID, Principal: "arn:aws:iam::123456789012:root", Root: true, SignedInAt: t0}, s)
	require.Equal(t, t0, RootSession(w4.Accounts[DemoAccountID], t0, true).MFAAt)
}

func TestSignInRootWithMFA(t *testing.T) {
	w := signedUp(t, "root-mfa")
	env := opEnv(2)
	code, err := mfa.Code(mfa.DemoSecret, env.Now)
	require.NoError(t, err)

	_, err = w.Do(Session{}, SignInRoot{Email: DemoEmail, Password: DemoPassword}, env)
	require.Equal(t, awserr.InvalidAuthenticationCode, awserr.Code(err), "MFA code required")

	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	_, err = w.Do(Session{}, SignInRoot{Email: DemoEmail, Password: DemoPassword, MFACode: wrong}, env)
	require.Equal(t, awserr.InvalidAuthenticationCode, awserr.Code(err))

	_, err = w.Do(Session{}, SignInRoot{Email: DemoEmail, Password: "nope", MFACode: code}, env)
	require.Equal(t, account.CodeAuthenticationFailed, awserr.Code(err), "the password is checked first")

	w2, err := w.Do(Session{}, SignInRoot{Email: DemoEmail, Password: DemoPassword, MFACode: code}, env)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"mfa": "true"}, w2.Events[len(w2.Events)-1].Detail)
	require.Equal(t, mfa.Step(env.Now), w2.Accounts[DemoAccountID].RootMFA[0].LastUsedStep, "the used step is stored")
	require.NotEqual(t, mfa.Step(env.Now), w.Accounts[DemoAccountID].RootMFA[0].LastUsedStep, "the old world is untouched")

	_, err = w2.Do(Session{}, SignInRoot{Email: DemoEmail, Password: DemoPassword, MFACode: code}, env)
	require.Equal(t, awserr.InvalidAuthenticationCode, awserr.Code(err), "a code is not replayed")
}

func TestConsoleLoginFailureIsLoggedWithoutHashing(t *testing.T) {
	w := signedUp(t, "signed-up")
	tests := []struct {
		op       ConsoleLoginFailure
		resource string
	}{
		{ConsoleLoginFailure{Email: DemoEmail}, "arn:aws:iam::123456789012:root"},
		{ConsoleLoginFailure{Email: "x@example.com"}, "*"},
		{ConsoleLoginFailure{AccountID: DemoAccountID, UserName: "alice"}, "arn:aws:iam::123456789012:user/alice"},
		{ConsoleLoginFailure{AccountID: "my-alias", UserName: "alice"}, "*"},
	}
	for _, tt := range tests {
		w2, err := w.Do(Session{}, tt.op, opEnv(2))
		require.Equal(t, account.CodeAuthenticationFailed, awserr.Code(err))
		ev := w2.Events[len(w2.Events)-1]
		require.Equal(t, ConsoleLoginAction, ev.Action)
		require.Equal(t, tt.resource, ev.Resource)
	}
}

func TestPasswordResetByEmailLink(t *testing.T) {
	w := signedUp(t, "signed-up")
	env := opEnv(3)

	w1, err := w.Do(Session{}, RequestPasswordReset{Email: "nobody@example.com"}, env)
	require.NoError(t, err, "the same answer for an unknown address")
	require.Empty(t, w1.Devices.Inbox)

	w2, err := w1.Do(Session{}, RequestPasswordReset{Email: "Student@Example.com"}, env)
	require.NoError(t, err)
	require.Len(t, w2.Devices.Inbox, 1)
	mail := w2.Devices.Inbox[0]
	require.Equal(t, ResetSubjectKey, mail.SubjectKey)
	token := mail.Args["token"]
	require.Len(t, token, 32)
	require.Equal(t, ResetLinkPrefix+token, mail.Args["link"])
	require.Equal(t, PasswordRecoveryAction, w2.Events[len(w2.Events)-1].Action)

	a, err := w2.ResetLink(token, env.Now.Add(59*time.Minute))
	require.NoError(t, err)
	require.Equal(t, DemoAccountID, a.ID)
	_, err = w2.ResetLink(token, env.Now.Add(61*time.Minute))
	requireReason(t, err, ResetLinkExpired)
	_, err = w2.ResetLink("feed", env.Now)
	requireReason(t, err, ResetLinkUnknown)
	_, err = w2.ResetLink("", env.Now)
	requireReason(t, err, ResetLinkUnknown)

	_, err = w2.Do(Session{}, ResetRootPassword{Token: token, Password: "short"}, env)
	p, ok := ProblemOf(err)
	require.True(t, ok)
	require.Equal(t, account.Problem{Field: account.FieldPassword, Code: account.CodePasswordTooShort, Params: map[string]string{"min": "8"}}, p)
	_, err = w2.Do(Session{}, ResetRootPassword{Token: token, Password: "onlylowercase"}, env)
	p, _ = ProblemOf(err)
	require.Equal(t, account.CodePasswordClasses, p.Code)

	w3, err := w2.Do(Session{}, ResetRootPassword{Token: token, Password: "New-Passw0rd"}, env)
	require.NoError(t, err)
	ev := w3.Events[len(w3.Events)-1]
	require.Equal(t, PasswordRecoveredAction, ev.Action)
	require.Equal(t, "arn:aws:iam::123456789012:root", ev.Resource)
	_, err = w3.CheckRootPassword(DemoEmail, DemoPassword)
	require.Error(t, err, "the old password no longer works")
	_, err = w3.CheckRootPassword(DemoEmail, "New-Passw0rd")
	require.NoError(t, err)
	require.Equal(t, ResetDoneSubject, w3.Devices.Inbox[len(w3.Devices.Inbox)-1].SubjectKey)

	_, err = w3.Do(Session{}, ResetRootPassword{Token: token, Password: "Other-Passw0rd"}, env)
	requireReason(t, err, ResetLinkUsed)
}

func requireReason(t *testing.T, err error, reason string) {
	t.Helper()
	e, ok := awserr.As(err)
	require.True(t, ok, "%v", err)
	require.Equal(t, awserr.InvalidInput, e.Code)
	require.Equal(t, reason, e.Params["reason"])
}
