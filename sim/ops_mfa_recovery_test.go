package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/account"
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

func lastMail(w World) Email     { return w.Devices.Inbox[len(w.Devices.Inbox)-1] }
func lastCall(w World) PhoneItem { return w.Devices.Phone[len(w.Devices.Phone)-1] }

// answer types digits on the keypad of the ringing call.
func answer(t *testing.T, w World, digits string) World {
	t.Helper()
	w, err := w.Do(Session{}, AnswerCall{ItemID: lastCall(w).ID, Digits: digits}, mfaEnv(t0))
	require.NoError(t, err)
	return w
}

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

	_, err = w.CheckRootRecoveryEmail(DemoEmail, "000000", t0)
	if mail.Args["code"] != "000000" {
		requireCode(t, err, awserr.InvalidAuthenticationCode)
	}
	got, err := w.CheckRootRecoveryEmail(DemoEmail, " "+mail.Args["code"]+" ", t0)
	require.NoError(t, err)
	require.Equal(t, mail.ID, got.ID)

	_, err = w.RootRecoveryCall(DemoEmail, t0)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	_, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: "12345"}, env)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	w, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: mail.Args["code"]}, env)
	require.NoError(t, err)
	call := lastCall(w)
	require.Equal(t, PhoneCall, call.Kind)
	require.Equal(t, RecoveryCallTextKey, call.TextKey)
	require.Equal(t, CallRinging, call.Args["status"])
	require.Len(t, call.Args["pin"], account.VoicePINDigits)
	require.Equal(t, w.Accounts[DemoAccountID].Contact.Phone, call.To)
	require.Equal(t, "signin:VerificationCall", w.Events[len(w.Events)-1].Action)

	op := SignInRootAlternativeFactors{Email: DemoEmail, Password: DemoPassword, EmailCode: mail.Args["code"]}
	_, err = w.Do(Session{}, op, env)
	requireCode(t, err, awserr.InvalidAuthenticationCode) // the call is not answered yet

	w = answer(t, w, call.Args["pin"])
	bad := op
	bad.Password = "wrong"
	_, err = w.Do(Session{}, bad, env)
	requireCode(t, err, account.CodeAuthenticationFailed)

	w2, err := w.Do(Session{}, op, env)
	require.NoError(t, err)
	ev = w2.Events[len(w2.Events)-1]
	require.Equal(t, "signin:ConsoleLogin", ev.Action)
	require.Equal(t, map[string]string{"mfa": "false", "alternativeFactors": "true"}, ev.Detail)
	require.Len(t, w2.Accounts[DemoAccountID].RootMFA, 1, "the device stays assigned, as at AWS")
	require.Empty(t, lastMail(w).Args["used"], "the old world is untouched")

	_, err = w2.Do(Session{}, op, env)
	requireCode(t, err, awserr.InvalidAuthenticationCode)
}

func TestRecoveryWrongPINFailsTheCall(t *testing.T) {
	w := rootMFA(t)
	env := mfaEnv(t0)
	w, err := w.Do(Session{}, SendRootRecoveryEmail{Email: DemoEmail}, env)
	require.NoError(t, err)
	code := lastMail(w).Args["code"]
	w, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: code}, env)
	require.NoError(t, err)
	pin := lastCall(w).Args["pin"]
	wrong := "0000"
	if pin == wrong {
		wrong = "1111"
	}
	w = answer(t, w, wrong)
	_, err = w.Do(Session{}, SignInRootAlternativeFactors{Email: DemoEmail, Password: DemoPassword, EmailCode: code}, env)
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
		_, err = w.CheckRootRecoveryEmail(DemoEmail, first, t0)
		requireCode(t, err, awserr.InvalidAuthenticationCode)
	}
	_, err = w.CheckRootRecoveryEmail(DemoEmail, second, t0.Add(RecoveryCodeTTL+time.Second))
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	_, err = w.CheckRootRecoveryEmail(DemoEmail, second, t0)
	require.NoError(t, err)
	w, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: second}, env)
	require.NoError(t, err)
	_, err = w.RootRecoveryCall(DemoEmail, t0.Add(RecoveryCodeTTL+time.Second))
	requireCode(t, err, awserr.InvalidAuthenticationCode)
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
	_, err = rootMFA(t).Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: "123456"}, mfaEnv(t0))
	requireCode(t, err, awserr.InvalidAuthenticationCode)
}
