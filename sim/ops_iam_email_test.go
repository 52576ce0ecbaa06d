package sim

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func TestEmailSignInInstructions(t *testing.T) {
	st := demo(t)
	env := iamTestEnv(t0)
	w, err := st.World.Do(st.Session, ConsoleCreateUser{Name: "Luna", ConsoleAccess: true, Password: "Luna-Pass-2026"}, env)
	require.NoError(t, err)
	before := len(w.Devices.Inbox)
	url := "https://123456789012.signin.aws.amazon.com/console"

	w2, err := w.Do(st.Session, EmailSignInInstructions{UserName: "luna", URL: url}, env)
	require.NoError(t, err)
	require.Len(t, w2.Devices.Inbox, before+1)
	mail := w2.Devices.Inbox[before]
	require.Equal(t, st.World.Accounts[st.Session.AccountID].Email, mail.To)
	require.Equal(t, IAMSigninMailSubjectKey, mail.SubjectKey)
	require.Equal(t, map[string]string{"user": "Luna", "url": url, "account": "123456789012"}, mail.Args)
	ev := w2.Events[len(w2.Events)-1]
	require.Equal(t, "iam:GetUser", ev.Action)
	require.Equal(t, "arn:aws:iam::123456789012:user/Luna", ev.Resource)
	require.Equal(t, map[string]string{"userName": "luna"}, ev.Detail)

	// A user that does not exist: nothing sent, NoSuchEntity logged.
	w3, err := w.Do(st.Session, EmailSignInInstructions{UserName: "Nobody", URL: url}, env)
	e, ok := awserr.As(err)
	require.True(t, ok)
	require.Equal(t, awserr.NoSuchEntity, e.Code)
	require.Len(t, w3.Devices.Inbox, before)
}
