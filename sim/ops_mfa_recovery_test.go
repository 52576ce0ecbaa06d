package sim

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

// rootMFA returns the prepared world with root MFA (signed out).
func rootMFA(t *testing.T) World {
	t.Helper()
	st, err := Prepared("root-mfa", mfaEnv(t0))
	require.NoError(t, err)
	require.False(t, st.Session.SignedIn())
	return st.World
}

func lastMail(w World) Email      { return w.Devices.Inbox[len(w.Devices.Inbox)-1] }
func lastCall(w World) PhoneItem  { return w.Devices.Phone[len(w.Devices.Phone)-1] }
func callCode(p PhoneItem) string { return strings.ReplaceAll(p.Args["code"], " ", "") }

func TestRecoveryPath(t *testing.T) {
	w := rootMFA(t)
	env := mfaEnv(t0)
	w, err := w.Do(Session{}, SendRootRecoveryEmail{Email: "STUDENT@example.com"}, env)
	require.NoError(t, err)
	mail := lastMail(w)
	require.Equal(t, DemoEmail, mail.To)
	require.Equal(t, RecoveryMailSubjectKey, mail.SubjectKey)
	require.Len(t, mail.Args["code"], 6)
	ev := w.Events[len(w.Events)-1]
	require.Equal(t, "signin:SendVerificationEmail", ev.Action)
	require.Equal(t, DemoAccountID, ev.AccountID)
	require.Equal(t, Anonymous, ev.Principal)

	_, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: "000000"}, env)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	w, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: mail.Args["code"]}, env)
	require.NoError(t, err)
	call := lastCall(w)
	require.Equal(t, "call", call.Kind)
	require.Equal(t, w.Accounts[DemoAccountID].Contact.Phone, call.To)
	require.Regexp(t, `^\d \d \d \d \d \d$`, call.Args["code"])

	op := SignInRootAlternativeFactors{Email: DemoEmail, Password: DemoPassword, EmailCode: mail.Args["code"], PhoneCode: callCode(call)}
	bad := op
	bad.Password = "wrong"
	_, err = w.Do(Session{}, bad, env)
	requireCode(t, err, awserr.AccessDenied)
	bad = op
	bad.PhoneCode = "000000"
	_, err = w.Do(Session{}, bad, env)
	requireCode(t, err, awserr.InvalidAuthenticationCode)

	w2, err := w.Do(Session{}, op, env)
	require.NoError(t, err)
	ev = w2.Events[len(w2.Events)-1]
	require.Equal(t, "signin:ConsoleLogin", ev.Action)
	require.Equal(t, map[string]string{"mfa": "false", "alternativeFactors": "true"}, ev.Detail)
	require.Len(t, w2.Accounts[DemoAccountID].RootMFA, 1, "the device stays assigned, as at AWS")
	require.Empty(t, w.Devices.Inbox[len(w.Devices.Inbox)-1].Args["used"], "the old world is untouched")

	_, err = w2.Do(Session{}, op, env)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
}

func TestRecoveryCodesExpireAndOnlyTheLatestCounts(t *testing.T) {
	w := rootMFA(t)
	env := mfaEnv(t0)
	w, err := w.Do(Session{}, SendRootRecoveryEmail{Email: DemoEmail}, env)
	require.NoError(t, err)
	first := lastMail(w).Args["code"]
	w, err = w.Do(Session{}, SendRootRecoveryEmail{Email: DemoEmail}, env)
	require.NoError(t, err)
	second := lastMail(w).Args["code"]
	if first != second {
		_, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: first}, env)
		requireCode(t, err, awserr.InvalidAuthenticationCode)
	}
	late := mfaEnv(t0.Add(RecoveryCodeTTL + time.Second))
	_, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: second}, late)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	_, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: second}, env)
	require.NoError(t, err)
}

func TestRecoveryNeedsAnAccountWithMFA(t *testing.T) {
	st, err := Prepared("signed-up", mfaEnv(t0))
	require.NoError(t, err)
	for _, op := range []Op{
		SendRootRecoveryEmail{Email: DemoEmail},
		SendRootRecoveryEmail{Email: "nobody@example.com"},
		CallRootRecoveryPhone{Email: DemoEmail, EmailCode: "123456"},
		SignInRootAlternativeFactors{Email: DemoEmail, Password: DemoPassword},
	} {
		w, err := st.World.Do(Session{}, op, mfaEnv(t0))
		requireCode(t, err, awserr.NoSuchEntity)
		require.Empty(t, w.Devices.Inbox)
	}
	w := rootMFA(t)
	_, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: "123456"}, mfaEnv(t0))
	requireCode(t, err, awserr.InvalidAuthenticationCode)
}
