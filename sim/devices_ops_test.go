package sim

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

func TestSendSMSDrawsACodeAndLogsNoSecret(t *testing.T) {
	w := NewWorld(opEnv(1).Rand)
	w, err := w.Do(Session{}, SendSignUpSMS{To: "+821012345678"}, opEnv(2))
	require.NoError(t, err)
	item, ok := w.Devices.LastPhoneItem()
	require.True(t, ok)
	require.Equal(t, PhoneSMS, item.Kind)
	require.Len(t, item.Args["code"], 6)
	require.False(t, item.Read)
	ev := w.Events[0]
	require.Equal(t, "devices:SendSMS", ev.Action)
	require.Equal(t, "tel:+821012345678", ev.Resource)
	require.Equal(t, "1", ev.Detail["itemId"])
	for _, v := range ev.Detail {
		require.NotEqual(t, item.Args["code"], v)
	}
	phone, inbox := w.Devices.Unread()
	require.Equal(t, [2]int{1, 0}, [2]int{phone, inbox})

	require.Empty(t, w.CheckSignUpSMS(item.ID, " "+item.Args["code"]))
	require.Equal(t, account.CodeCodeInvalid, w.CheckSignUpSMS(item.ID, wrongCode(item.Args["code"]))[0].Code)
	require.Equal(t, account.CodeCodeInvalid, w.CheckSignUpSMS(9, item.Args["code"])[0].Code)

	w, err = w.Do(Session{}, SendSignUpSMS{To: "+821012345678"}, opEnv(3))
	require.NoError(t, err)
	second, _ := w.Devices.LastPhoneItem()
	require.Equal(t, 2, second.ID)

	_, err = w.Do(Session{}, SendSignUpSMS{}, opEnv(3))
	require.Equal(t, awserr.InvalidInput, awserr.Code(err))
}

func TestVoiceCallPINTypedOnTheKeypad(t *testing.T) {
	tests := []struct {
		name    string
		answer  func(pin string) AnswerCall
		status  string
		errCode string
	}{
		{"right PIN", func(pin string) AnswerCall { return AnswerCall{ItemID: 1, Digits: pin} }, CallVerified, ""},
		{"wrong PIN", func(pin string) AnswerCall { return AnswerCall{ItemID: 1, Digits: wrongCode(pin)} }, CallFailed, ""},
		{"declined", func(string) AnswerCall { return AnswerCall{ItemID: 1, Decline: true} }, CallDeclined, ""},
		{"no such call", func(pin string) AnswerCall { return AnswerCall{ItemID: 9, Digits: pin} }, CallRinging, awserr.NoSuchEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := NewWorld(opEnv(1).Rand).Do(Session{}, CallSignUpPhone{To: "+15550100"}, opEnv(2))
			require.NoError(t, err)
			call, ok := w.Devices.RingingCall()
			require.True(t, ok)
			pin := call.Args["pin"]
			require.Len(t, pin, 4)
			w, err = w.Do(Session{}, tt.answer(pin), opEnv(3))
			require.Equal(t, tt.errCode, awserr.Code(err))
			item, _ := w.Devices.PhoneItem(1)
			require.Equal(t, tt.status, item.Args["status"])
			require.Equal(t, tt.status == CallVerified, w.SignUpCallVerified(1))
			if tt.errCode == "" {
				require.True(t, item.Read)
				_, ringing := w.Devices.RingingCall()
				require.False(t, ringing)
				_, err = w.Do(Session{}, AnswerCall{ItemID: 1, Digits: pin}, opEnv(3))
				require.Equal(t, awserr.InvalidInput, awserr.Code(err), "an ended call takes no more digits")
			}
		})
	}
}

func TestANewCallEndsTheRingingOne(t *testing.T) {
	w := NewWorld(opEnv(1).Rand)
	for range 2 {
		var err error
		w, err = w.Do(Session{}, CallSignUpPhone{To: "+15550100"}, opEnv(2))
		require.NoError(t, err)
	}
	first, _ := w.Devices.PhoneItem(1)
	require.Equal(t, CallDeclined, first.Args["status"])
	ringing, _ := w.Devices.RingingCall()
	require.Equal(t, 2, ringing.ID)
}

func TestMarkRead(t *testing.T) {
	w := signedUp(t, "signed-up")
	w, err := w.Do(Session{}, RequestPasswordReset{Email: DemoEmail}, opEnv(2))
	require.NoError(t, err)
	w, err = w.Do(Session{}, SendSignUpSMS{To: "+15550100"}, opEnv(2))
	require.NoError(t, err)
	mail := w.Devices.Inbox[len(w.Devices.Inbox)-1]
	phoneBefore, inboxBefore := w.Devices.Unread()
	require.Equal(t, 1, phoneBefore)
	require.Positive(t, inboxBefore)
	w2, err := w.Do(Session{}, MarkRead{Phone: []int{1}, Inbox: []int{mail.ID, 77}}, opEnv(3))
	require.NoError(t, err)
	phone, inbox := w2.Devices.Unread()
	require.Equal(t, [2]int{0, inboxBefore - 1}, [2]int{phone, inbox})
	phone, inbox = w.Devices.Unread()
	require.Equal(t, [2]int{phoneBefore, inboxBefore}, [2]int{phone, inbox}, "the old world is untouched")
	e, ok := w2.Devices.Email(mail.ID)
	require.True(t, ok)
	require.Equal(t, AWSMailFrom, e.From)
}

// TestDevicesCannotBeForged checks that what is on the phone or in the
// inbox gives no access by itself: a reset email or a recovery call that
// no AWS operation issued (here put there directly, as a generic
// send-anything operation once could) is refused, however it reads.
func TestDevicesCannotBeForged(t *testing.T) {
	env := mfaEnv(t0)
	tests := []struct {
		name  string
		world func(t *testing.T) World
		forge func(w *World)
		check func(t *testing.T, w World)
	}{
		{
			name:  "reset email with a made-up token",
			world: func(t *testing.T) World { return signedUp(t, "signed-up") },
			forge: func(w *World) {
				sendEmail(w, DemoEmail, ResetSubjectKey, ResetBodyKey,
					map[string]string{"token": "feedfeedfeedfeedfeedfeedfeedfeed", "accountId": DemoAccountID}, env)
			},
			check: func(t *testing.T, w World) {
				_, err := w.ResetLink("feedfeedfeedfeedfeedfeedfeedfeed", t0)
				requireReason(t, err, ResetLinkUnknown)
				w2, err := w.Do(Session{}, ResetRootPassword{Token: "feedfeedfeedfeedfeedfeedfeedfeed", Password: "Forged-Passw0rd"}, env)
				requireReason(t, err, ResetLinkUnknown)
				_, err = w2.CheckRootPassword(DemoEmail, DemoPassword)
				require.NoError(t, err, "the password is unchanged")
			},
		},
		{
			name:  "recovery call placed and answered without the email step",
			world: rootMFA,
			forge: func(w *World) {
				_, _ = placeCall(w, w.Accounts[DemoAccountID].Contact.Phone, RecoveryCallTextKey, 4, env)
			},
			check: func(t *testing.T, w World) {
				call := lastCall(w)
				w = answer(t, w, call.Args["pin"])
				_, err := w.RootRecoveryCall(DemoEmail, t0)
				requireCode(t, err, awserr.InvalidAuthenticationCode)
				// Even with a real email code, the forged call does not count.
				w, err = w.Do(Session{}, SendRootRecoveryEmail{Email: DemoEmail}, env)
				require.NoError(t, err)
				op := SignInRootAlternativeFactors{Email: DemoEmail, Password: DemoPassword, EmailCode: lastMail(w).Args["code"]}
				_, err = w.Do(Session{}, op, env)
				requireCode(t, err, awserr.InvalidAuthenticationCode)
			},
		},
		{
			name:  "recovery email with a made-up code",
			world: rootMFA,
			forge: func(w *World) {
				sendEmail(w, DemoEmail, RecoveryMailSubjectKey, RecoveryMailBodyKey, map[string]string{"code": "123456"}, env)
			},
			check: func(t *testing.T, w World) {
				_, err := w.CheckRootRecoveryEmail(DemoEmail, "123456", t0)
				requireCode(t, err, awserr.InvalidAuthenticationCode)
				_, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: "123456"}, env)
				requireCode(t, err, awserr.InvalidAuthenticationCode)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := tt.world(t)
			tt.forge(&w)
			tt.check(t, w)
		})
	}
}

func TestIssuedSecretsKeepOnlyHashes(t *testing.T) {
	env := mfaEnv(t0)
	w := rootMFA(t)
	w, err := w.Do(Session{}, RequestPasswordReset{Email: DemoEmail}, env)
	require.NoError(t, err)
	token := lastMail(w).Args["token"]
	w, err = w.Do(Session{}, SendRootRecoveryEmail{Email: DemoEmail}, env)
	require.NoError(t, err)
	code := lastMail(w).Args["code"]
	w, err = w.Do(Session{}, CallRootRecoveryPhone{Email: DemoEmail, EmailCode: code}, env)
	require.NoError(t, err)
	pin := lastCall(w).Args["pin"]
	a := w.Accounts[DemoAccountID]
	for _, rec := range []IssuedSecret{a.ResetToken, a.RecoveryEmail, a.RecoveryCall} {
		require.Len(t, rec.Hash, 64)
		require.Equal(t, t0, rec.IssuedAt)
		require.Positive(t, rec.ItemID)
	}
	data, err := json.Marshal(a)
	require.NoError(t, err)
	for _, secret := range []string{token, `"` + code + `"`, `"` + pin + `"`} {
		require.NotContains(t, string(data), secret)
	}
	for _, ev := range w.Events {
		for _, v := range ev.Detail {
			require.NotContains(t, []string{token, code, pin}, v)
		}
	}
	// Typed with spaces and full-width digits, as account.CheckCode allows.
	wide := ""
	for _, r := range code {
		wide += string('０' + (r - '0'))
	}
	_, err = w.CheckRootRecoveryEmail(DemoEmail, wide[:6]+" "+wide[6:], t0)
	require.NoError(t, err)
}

func wrongCode(c string) string {
	b := []byte(c)
	b[0] = '0' + (b[0]-'0'+1)%10
	return string(b)
}

func TestAddAuthenticatorAccountRefusesHiddenCharacters(t *testing.T) {
	secret := mfa.DemoSecret
	for _, tc := range []struct{ account, constraint string }{
		{"a\x00b", "characters"},
		{"a\x01b", "characters"},
		{"abc\u202Eexe", "characters"},
		{"\u200B\u200D", "required"},
		{"   ", "required"},
	} {
		_, err := World{}.Do(Session{}, AddAuthenticatorAccount{Account: tc.account, Secret: secret}, Env{Now: time.Now()})
		e, ok := awserr.As(err)
		require.True(t, ok, "%q", tc.account)
		require.Equal(t, awserr.ValidationError, e.Code, "%q", tc.account)
		require.Equal(t, tc.constraint, e.Param("constraint"), "%q", tc.account)
	}
}
