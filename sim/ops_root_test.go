package sim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// TestRootAccessKeysThroughTheDoor: the root user creates at most two
// access keys (the secret handed back once, only its hash kept, never in
// the log) and deletes them; an IAM user cannot touch them.
func TestRootAccessKeysThroughTheDoor(t *testing.T) {
	st := demo(t)
	env := iamTestEnv(t0)
	w := st.World
	var key iam.AccessKey
	var secret string
	w, err := w.Do(st.Session, CreateRootAccessKey{Key: &key, Secret: &secret}, env)
	require.NoError(t, err)
	require.Len(t, secret, 40)
	require.True(t, strings.HasPrefix(key.ID, "AKIA"))
	acct := w.Accounts[DemoAccountID]
	require.Len(t, acct.RootAccessKeys, 1)
	require.True(t, acct.RootAccessKeys[0].SecretHash.Verify(secret))
	ev := w.Events[len(w.Events)-1]
	require.Equal(t, "iam:CreateAccessKey", ev.Action)
	require.Equal(t, acct.RootARN(), ev.Resource)
	require.Equal(t, key.ID, ev.Detail["accessKeyId"])
	saved, err := json.Marshal(w)
	require.NoError(t, err)
	require.NotContains(t, string(saved), secret, "the secret is neither saved nor logged")

	w, err = w.Do(st.Session, CreateRootAccessKey{}, env)
	require.NoError(t, err)
	_, err = w.Do(st.Session, CreateRootAccessKey{}, env)
	requireCode(t, err, awserr.LimitExceeded)

	w, err = w.Do(st.Session, DeleteRootAccessKey{KeyID: key.ID}, env)
	require.NoError(t, err)
	require.Len(t, w.Accounts[DemoAccountID].RootAccessKeys, 1)
	_, err = w.Do(st.Session, DeleteRootAccessKey{KeyID: key.ID}, env)
	requireCode(t, err, awserr.NoSuchEntity)

	// An IAM user, even with IAMFullAccess, cannot manage root keys.
	user := Session{AccountID: DemoAccountID, UserName: "Kim"}
	w2, err := w.Do(st.Session, CreateUser{Name: "Kim"}, env)
	require.NoError(t, err)
	w2, err = w2.Do(st.Session, AttachUserPolicy{UserName: "Kim", PolicyARN: IAMFullAccessARN}, env)
	require.NoError(t, err)
	_, err = w2.Do(user, CreateRootAccessKey{}, env)
	requireCode(t, err, awserr.AccessDenied)
}

// TestChangeRootPasswordThroughTheDoor: the current password is checked,
// the new one follows the sign-up rules, and neither reaches the log.
func TestChangeRootPasswordThroughTheDoor(t *testing.T) {
	st := demo(t)
	env := iamTestEnv(t0)
	cases := []struct {
		name, old, new, confirm, code string
	}{
		{"wrong current", "nope", "Labsim-New-2026!", "Labsim-New-2026!", awserr.InvalidInput},
		{"too weak", DemoPassword, "short", "short", "ValidationError"},
		{"mismatch", DemoPassword, "Labsim-New-2026!", "Labsim-New-2027!", "ValidationError"},
		{"same", DemoPassword, DemoPassword, DemoPassword, awserr.InvalidInput},
		{"ok", DemoPassword, "Labsim-New-2026!", "Labsim-New-2026!", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := st.World.Do(st.Session, ChangeRootPassword{Old: c.old, New: c.new, Confirm: c.confirm}, env)
			if c.code != "" {
				require.Error(t, err)
				if e, ok := awserr.As(err); ok && c.code != "ValidationError" {
					require.Equal(t, c.code, e.Code)
				}
				require.True(t, w.Accounts[DemoAccountID].RootPassword.Verify(DemoPassword), "nothing changed")
				return
			}
			require.NoError(t, err)
			require.True(t, w.Accounts[DemoAccountID].RootPassword.Verify(c.new))
			ev := w.Events[len(w.Events)-1]
			require.Equal(t, "iam:ChangePassword", ev.Action)
			log, err := json.Marshal(w.Events)
			require.NoError(t, err)
			require.NotContains(t, string(log), c.new)
			require.NotContains(t, string(log), c.old)
		})
	}
}
