package sim

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// mfaEnv is an environment with an entropy source, at now.
func mfaEnv(now time.Time) Env {
	g := rand.NewChaCha8([32]byte{9})
	return Env{Now: now, Rand: rand.New(g), Entropy: g, PasswordCost: 1000}
}

// mfaCode returns the code of secret s k steps from now.
func mfaCode(t *testing.T, s mfa.Secret, now time.Time, k int64) string {
	t.Helper()
	c, err := mfa.CodeAt(s, mfa.Step(now)+k)
	require.NoError(t, err)
	return c
}

func requireCode(t *testing.T, err error, code string) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, awserr.Code(err), "error %v", err)
}

// noSecretInLog fails when a secret appears anywhere in the event log.
func noSecretInLog(t *testing.T, w World, s mfa.Secret) {
	t.Helper()
	data, err := json.Marshal(w.Events)
	require.NoError(t, err)
	require.NotContains(t, string(data), s.Base32())
}

// assignRoot runs create and enable on the demo world and returns the world
// and the secret.
func assignRoot(t *testing.T, st Start, now time.Time) (World, mfa.Secret) {
	t.Helper()
	env := mfaEnv(now)
	var secret mfa.Secret
	w, err := st.World.Do(st.Session, CreateRootVirtualMFADevice{Name: mfa.DefaultRootDeviceName, Secret: &secret}, env)
	require.NoError(t, err)
	require.Len(t, secret.Base32(), mfa.SecretLen)
	w, err = w.Do(st.Session, EnableRootMFADevice{Name: mfa.DefaultRootDeviceName, Secret: secret,
		Code1: mfaCode(t, secret, now, -1), Code2: mfaCode(t, secret, now, 0)}, env)
	require.NoError(t, err)
	return w, secret
}

func TestCreateRootVirtualMFADeviceDrawsASecretAndLogsNoSecret(t *testing.T) {
	st := demo(t)
	env := mfaEnv(t0)
	var a, b mfa.Secret
	w, err := st.World.Do(st.Session, CreateRootVirtualMFADevice{Name: mfa.DefaultRootDeviceName, Secret: &a}, env)
	require.NoError(t, err)
	w, err = w.Do(st.Session, CreateRootVirtualMFADevice{Name: mfa.DefaultRootDeviceName, Secret: &b}, env)
	require.NoError(t, err)
	require.NoError(t, a.Validate())
	require.NotEqual(t, a, b, "each call draws a new secret")
	require.Empty(t, w.Accounts[DemoAccountID].RootMFA, "creating does not assign")
	ev := w.Events[len(w.Events)-1]
	require.Equal(t, "iam:CreateVirtualMFADevice", ev.Action)
	require.Equal(t, "arn:aws:iam::123456789012:mfa/root-account-mfa-device", ev.Resource)
	require.Equal(t, Allowed, ev.Decision)
	noSecretInLog(t, w, a)
	noSecretInLog(t, w, b)
}

func TestEnableRootMFADevice(t *testing.T) {
	now := t0.Add(10 * time.Second)
	st := demo(t)
	w, secret := assignRoot(t, st, now)
	acct := w.Accounts[DemoAccountID]
	require.Len(t, acct.RootMFA, 1)
	d := acct.RootMFA[0]
	require.Equal(t, "arn:aws:iam::123456789012:mfa/root-account-mfa-device", d.Serial)
	require.Equal(t, secret, d.Secret)
	require.Equal(t, mfa.Step(now), d.LastUsedStep, "both steps are used up")
	require.Equal(t, now.Truncate(time.Second), d.EnabledAt)
	ev := w.Events[len(w.Events)-1]
	require.Equal(t, "iam:EnableMFADevice", ev.Action)
	require.Equal(t, "arn:aws:iam::123456789012:root", ev.Resource)
	require.Equal(t, "virtual", ev.Detail["deviceType"])
	noSecretInLog(t, w, secret)
	// The old world is untouched.
	require.Empty(t, st.World.Accounts[DemoAccountID].RootMFA)
}

func TestEnableRootMFADeviceErrors(t *testing.T) {
	now := t0.Add(10 * time.Second)
	secret := mfa.DemoSecret
	c := func(k int64) string { return mfaCode(t, secret, now, k) }
	tests := []struct {
		name         string
		code1, code2 string
		want         string
		reason       string
	}{
		{"wrong", "000000", "000001", awserr.InvalidAuthenticationCode, ""},
		{"same code twice", c(0), c(0), awserr.InvalidAuthenticationCode, mfa.ReasonSameCode},
		{"reversed", c(0), c(-1), awserr.InvalidAuthenticationCode, mfa.ReasonNotConsecutive},
		{"not consecutive", c(-2), c(0), awserr.InvalidAuthenticationCode, mfa.ReasonNotConsecutive},
		{"stale", c(-6), c(-5), awserr.InvalidAuthenticationCode, mfa.ReasonStale},
		{"future", c(2), c(3), awserr.InvalidAuthenticationCode, mfa.ReasonFuture},
		{"short", "12345", c(0), awserr.ValidationError, ""},
		{"letters", c(-1), "12a456", awserr.ValidationError, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := demo(t)
			w, err := st.World.Do(st.Session, EnableRootMFADevice{Name: mfa.DefaultRootDeviceName, Secret: secret, Code1: tt.code1, Code2: tt.code2}, mfaEnv(now))
			requireCode(t, err, tt.want)
			if tt.reason != "" {
				e, _ := awserr.As(err)
				require.Equal(t, tt.reason, e.Param("reason"))
			}
			require.Empty(t, w.Accounts[DemoAccountID].RootMFA)
			ev := w.Events[len(w.Events)-1]
			require.Equal(t, tt.want, ev.ErrorCode)
			noSecretInLog(t, w, secret)
			require.NotContains(t, ev.Resource+ev.ErrorCode, tt.code2, "typed codes are not logged")
		})
	}
}

func TestEnableAcceptsTheWindow(t *testing.T) {
	now := t0.Add(10 * time.Second)
	for _, k := range []int64{-2, -1, 0, 1} {
		st := demo(t)
		_, err := st.World.Do(st.Session, EnableRootMFADevice{Name: mfa.DefaultRootDeviceName, Secret: mfa.DemoSecret,
			Code1: mfaCode(t, mfa.DemoSecret, now, k-1), Code2: mfaCode(t, mfa.DemoSecret, now, k)}, mfaEnv(now))
		require.NoError(t, err, "code 2 at offset %d", k)
	}
}

func TestMFADeviceLimitAndDuplicateName(t *testing.T) {
	now := t0.Add(10 * time.Second)
	st := demo(t)
	w, _ := assignRoot(t, st, now)
	_, err := w.Do(st.Session, CreateRootVirtualMFADevice{Name: mfa.DefaultRootDeviceName}, mfaEnv(now))
	requireCode(t, err, awserr.EntityAlreadyExists)

	acct := w.Accounts[DemoAccountID]
	for i := len(acct.RootMFA); i < MaxMFADevices; i++ {
		name := "device-" + string(rune('a'+i))
		acct.RootMFA = append(acct.RootMFA, mfa.Device{Name: name, Serial: mfa.SerialNumber(acct.ID, name), Secret: mfa.DemoSecret})
	}
	w.Accounts[acct.ID] = acct
	_, err = w.Do(st.Session, CreateRootVirtualMFADevice{Name: "ninth"}, mfaEnv(now))
	requireCode(t, err, awserr.LimitExceeded)
	_, err = w.Do(st.Session, EnableRootMFADevice{Name: "ninth", Secret: mfa.DemoSecret,
		Code1: mfaCode(t, mfa.DemoSecret, now, -1), Code2: mfaCode(t, mfa.DemoSecret, now, 0)}, mfaEnv(now))
	requireCode(t, err, awserr.LimitExceeded)

	_, err = st.World.Do(st.Session, CreateRootVirtualMFADevice{Name: "bad name"}, mfaEnv(now))
	requireCode(t, err, awserr.ValidationError)
}

func TestMFAOpsNeedTheRootUser(t *testing.T) {
	st := demo(t)
	ops := []Op{
		CreateRootVirtualMFADevice{Name: mfa.DefaultRootDeviceName},
		EnableRootMFADevice{Name: mfa.DefaultRootDeviceName, Secret: mfa.DemoSecret, Code1: "123456", Code2: "234567"},
		DeactivateRootMFADevice{Serial: "arn:aws:iam::123456789012:mfa/root-account-mfa-device"},
		DeleteRootVirtualMFADevice{Serial: "arn:aws:iam::123456789012:mfa/root-account-mfa-device"},
		ResyncRootMFADevice{Serial: "arn:aws:iam::123456789012:mfa/root-account-mfa-device", Code1: "123456", Code2: "234567"},
	}
	for _, op := range ops {
		_, err := st.World.Do(Session{}, op, mfaEnv(t0))
		requireCode(t, err, awserr.AccessDenied)
		// An IAM user is refused by the door today and by Apply later.
		var w World = st.World.Clone()
		err = op.Apply(&w, Session{AccountID: DemoAccountID, Principal: "arn:aws:iam::123456789012:user/bob", UserName: "bob"}, mfaEnv(t0))
		requireCode(t, err, awserr.AccessDenied)
		err = op.Apply(&w, Session{}, mfaEnv(t0))
		requireCode(t, err, awserr.NotSignedIn)
	}
}

func TestRemoveRootMFADevice(t *testing.T) {
	now := t0.Add(10 * time.Second)
	st := demo(t)
	w, _ := assignRoot(t, st, now)
	serial := w.Accounts[DemoAccountID].RootMFA[0].Serial

	_, err := w.Do(st.Session, DeleteRootVirtualMFADevice{Serial: serial}, mfaEnv(now))
	requireCode(t, err, awserr.DeleteConflict)

	w, err = w.Do(st.Session, DeactivateRootMFADevice{Serial: serial}, mfaEnv(now))
	require.NoError(t, err)
	require.Empty(t, w.Accounts[DemoAccountID].RootMFA)
	w, err = w.Do(st.Session, DeleteRootVirtualMFADevice{Serial: serial}, mfaEnv(now))
	require.NoError(t, err)
	n := len(w.Events)
	require.Equal(t, "iam:DeactivateMFADevice", w.Events[n-2].Action)
	require.Equal(t, "iam:DeleteVirtualMFADevice", w.Events[n-1].Action)
	require.Equal(t, serial, w.Events[n-1].Resource)

	_, err = w.Do(st.Session, DeactivateRootMFADevice{Serial: serial}, mfaEnv(now))
	requireCode(t, err, awserr.NoSuchEntity)
	// Another account's device: the root user has no power there (the door
	// refuses before the operation looks).
	_, err = w.Do(st.Session, DeleteRootVirtualMFADevice{Serial: "arn:aws:iam::999999999999:mfa/x"}, mfaEnv(now))
	requireCode(t, err, awserr.AccessDenied)
}

func TestResyncRootMFADevice(t *testing.T) {
	now := t0.Add(10 * time.Second)
	st := demo(t)
	w, secret := assignRoot(t, st, now)
	serial := w.Accounts[DemoAccountID].RootMFA[0].Serial
	later := now.Add(2 * time.Minute)
	c := func(k int64) string { return mfaCode(t, secret, later, k) }

	_, err := w.Do(st.Session, ResyncRootMFADevice{Serial: serial, Code1: c(0), Code2: c(2)}, mfaEnv(later))
	requireCode(t, err, awserr.InvalidAuthenticationCode)

	w2, err := w.Do(st.Session, ResyncRootMFADevice{Serial: serial, Code1: c(-1), Code2: c(0)}, mfaEnv(later))
	require.NoError(t, err)
	require.Equal(t, mfa.Step(later), w2.Accounts[DemoAccountID].RootMFA[0].LastUsedStep)
	require.Equal(t, "iam:ResyncMFADevice", w2.Events[len(w2.Events)-1].Action)
	// The same pair again is a replay.
	_, err = w2.Do(st.Session, ResyncRootMFADevice{Serial: serial, Code1: c(-1), Code2: c(0)}, mfaEnv(later))
	requireCode(t, err, awserr.InvalidAuthenticationCode)
	_, err = w.Do(st.Session, ResyncRootMFADevice{Serial: "arn:aws:iam::123456789012:mfa/other", Code1: c(-1), Code2: c(0)}, mfaEnv(later))
	requireCode(t, err, awserr.NoSuchEntity)
	noSecretInLog(t, w2, secret)
}

func TestEntropyIsRequired(t *testing.T) {
	st := demo(t)
	env := mfaEnv(t0)
	env.Entropy = nil
	_, err := st.World.Do(st.Session, CreateRootVirtualMFADevice{Name: mfa.DefaultRootDeviceName}, env)
	requireCode(t, err, awserr.Internal)
}

func TestAuthenticatorAccounts(t *testing.T) {
	w := NewWorld(mfaEnv(t0).Rand)
	env := mfaEnv(t0)
	w, err := w.Do(Session{}, AddAuthenticatorAccount{Issuer: mfa.Issuer, Account: "root-account-mfa-device@123456789012", Secret: mfa.DemoSecret}, env)
	require.NoError(t, err)
	w, err = w.Do(Session{}, AddAuthenticatorAccount{Account: "typed", Secret: mfa.DemoSecret}, env)
	require.NoError(t, err)
	require.Len(t, w.Devices.Authenticator, 2)
	require.Equal(t, 2, w.Devices.Authenticator[1].ID)
	require.Equal(t, "device:AddAuthenticatorAccount", w.Events[0].Action)
	require.Equal(t, "typed", w.Events[1].Detail["account"])
	noSecretInLog(t, w, mfa.DemoSecret)

	clone := w.Clone()
	clone.Devices.Authenticator[0].Account = "changed"
	require.NotEqual(t, "changed", w.Devices.Authenticator[0].Account, "Clone copies the app's accounts")

	for _, bad := range []AddAuthenticatorAccount{
		{Account: "", Secret: mfa.DemoSecret},
		{Account: strings.Repeat("a", MaxAuthenticatorLabel+1), Secret: mfa.DemoSecret},
		{Account: "x", Secret: "not a secret"},
	} {
		_, err := w.Do(Session{}, bad, env)
		requireCode(t, err, awserr.ValidationError)
	}

	w, err = w.Do(Session{}, RemoveAuthenticatorAccount{ID: 1}, env)
	require.NoError(t, err)
	require.Len(t, w.Devices.Authenticator, 1)
	require.Equal(t, "typed", w.Devices.Authenticator[0].Account)
	_, err = w.Do(Session{}, RemoveAuthenticatorAccount{ID: 1}, env)
	requireCode(t, err, awserr.NoSuchEntity)

	data, err := json.Marshal(w)
	require.NoError(t, err)
	var back World
	require.NoError(t, json.Unmarshal(data, &back))
	require.Equal(t, w.Devices.Authenticator, back.Devices.Authenticator)
}

func TestAuthenticatorLimit(t *testing.T) {
	w := NewWorld(mfaEnv(t0).Rand)
	for range MaxAuthenticatorEntries {
		w.Devices.Authenticator = append(w.Devices.Authenticator, AuthenticatorEntry{Account: "a", Secret: mfa.DemoSecret})
	}
	_, err := w.Do(Session{}, AddAuthenticatorAccount{Account: "b", Secret: mfa.DemoSecret}, mfaEnv(t0))
	requireCode(t, err, awserr.LimitExceeded)
}
