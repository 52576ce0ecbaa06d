package sim

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/account"
	"labsim/sim/awserr"
)

func TestSendSMSDrawsACodeAndLogsNoSecret(t *testing.T) {
	w := NewWorld(opEnv(1).Rand)
	w, err := w.Do(Session{}, SendSMS{To: "+821012345678", TextKey: SignUpSMSKey, CodeDigits: 6}, opEnv(2))
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

	w, err = w.Do(Session{}, SendSMS{To: "+821012345678", TextKey: SignUpSMSKey, CodeDigits: 6}, opEnv(3))
	require.NoError(t, err)
	second, _ := w.Devices.LastPhoneItem()
	require.Equal(t, 2, second.ID)

	_, err = w.Do(Session{}, SendSMS{}, opEnv(3))
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
			w, err := NewWorld(opEnv(1).Rand).Do(Session{}, PlaceCall{To: "+15550100", TextKey: SignUpCallKey, PINDigits: account.VoicePINDigits}, opEnv(2))
			require.NoError(t, err)
			call, ok := w.Devices.RingingCall()
			require.True(t, ok)
			pin := call.Args["pin"]
			require.Len(t, pin, 4)
			w, err = w.Do(Session{}, tt.answer(pin), opEnv(3))
			require.Equal(t, tt.errCode, awserr.Code(err))
			item, _ := w.Devices.PhoneItem(1)
			require.Equal(t, tt.status, item.Args["status"])
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
		w, err = w.Do(Session{}, PlaceCall{To: "+15550100", PINDigits: 4}, opEnv(2))
		require.NoError(t, err)
	}
	first, _ := w.Devices.PhoneItem(1)
	require.Equal(t, CallDeclined, first.Args["status"])
	ringing, _ := w.Devices.RingingCall()
	require.Equal(t, 2, ringing.ID)
}

func TestSendEmailAndMarkRead(t *testing.T) {
	w := NewWorld(opEnv(1).Rand)
	w, err := w.Do(Session{}, SendEmail{To: "a@example.com", SubjectKey: "s", BodyKey: "b"}, opEnv(2))
	require.NoError(t, err)
	w, err = w.Do(Session{}, SendSMS{To: "+15550100", TextKey: "t"}, opEnv(2))
	require.NoError(t, err)
	phone, inbox := w.Devices.Unread()
	require.Equal(t, [2]int{1, 1}, [2]int{phone, inbox})
	w2, err := w.Do(Session{}, MarkRead{Phone: []int{1}, Inbox: []int{1, 7}}, opEnv(3))
	require.NoError(t, err)
	phone, inbox = w2.Devices.Unread()
	require.Equal(t, [2]int{0, 0}, [2]int{phone, inbox})
	phone, inbox = w.Devices.Unread()
	require.Equal(t, [2]int{1, 1}, [2]int{phone, inbox}, "the old world is untouched")
	e, ok := w2.Devices.Email(1)
	require.True(t, ok)
	require.Equal(t, AWSMailFrom, e.From)
	_, err = w.Do(Session{}, SendEmail{}, opEnv(2))
	require.Error(t, err)
}

func wrongCode(c string) string {
	b := []byte(c)
	b[0] = '0' + (b[0]-'0'+1)%10
	return string(b)
}
