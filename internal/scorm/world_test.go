package scorm

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/iam"
	engine "labsim/sim/lab"
	"labsim/sim/mfa"
)

// opEnv is an environment with a cheap password hash and a fixed seed.
func opEnv(seed byte) sim.Env {
	g := rand.NewChaCha8([32]byte{seed})
	return sim.Env{Now: t0, Rand: rand.New(g), Entropy: g, PasswordCost: 1000}
}

// signedUpWorld is lab 1's world at its end: the account made through
// sign-up, its SMS, and the root user signed in.
func signedUpWorld(t testing.TB) sim.World {
	env := opEnv(1)
	w := sim.NewWorld(env.Rand)
	w, err := w.Do(sim.Session{}, sim.SendSignUpSMS{To: "+82 10-1234-5678"}, env)
	require.NoError(t, err)
	w, err = w.Do(sim.Session{}, sim.SignUp{Email: "kim@example.com", AccountName: "lab", Password: "Secret-Pass1",
		Contact: sim.Contact{Usage: account.UsagePersonal, FullName: "Kim Minji", Phone: "+82 10-1234-5678",
			Address: account.Address{Country: "KR", Line1: "1 Sejong-daero", City: "Seoul", PostalCode: "04524"}},
		Card: account.Summarize(account.TestCardNumber), SupportPlan: account.PlanBasic}, env)
	require.NoError(t, err)
	w, err = w.Do(sim.Session{}, sim.SignInRoot{Email: "kim@example.com", Password: "Secret-Pass1"}, env)
	require.NoError(t, err)
	return w
}

// rootMFAWorld is lab 2's world at its end: the demo account with a root
// MFA device, signed in again with a code.
func rootMFAWorld(t testing.TB) sim.World {
	env := opEnv(2)
	st, err := sim.Prepared("root-mfa", env)
	require.NoError(t, err)
	code, err := mfa.Code(mfa.DemoSecret, env.Now)
	require.NoError(t, err)
	w, err := st.World.Do(sim.Session{}, sim.SignInRoot{Email: sim.DemoEmail, Password: sim.DemoPassword, MFACode: code}, env)
	require.NoError(t, err)
	return w
}

// delegationWorld is lab 3's world at its end: the scenario's account
// (SuperUser, Luna, NetworkAdmin, NetworkAdminGuardrails with its policy)
// after Luna assigned her MFA device, and with an access key of
// SuperUser's.
func delegationWorld(t testing.TB) sim.World {
	env := opEnv(3)
	st, err := sim.Prepared("delegation-done", env)
	require.NoError(t, err)
	w := st.World
	a := w.Accounts[sim.DemoAccountID]
	a.IAM = a.IAM.Clone()
	for i := range a.IAM.Users {
		u := &a.IAM.Users[i]
		switch u.Name {
		case sim.LunaName:
			secret, err := mfa.NewSecret(env.Entropy)
			require.NoError(t, err)
			u.MFA = []mfa.Device{{Name: "luna-phone", Serial: mfa.SerialNumber(a.ID, "luna-phone"), Secret: secret, EnabledAt: t0}}
		case sim.SuperUserName:
			h, err := account.NewPasswordHash("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", env.Entropy, 1000)
			require.NoError(t, err)
			u.AccessKeys = []iam.AccessKey{{ID: "AKIAIOSFODNN7EXAMPLE", SecretHash: h, Status: iam.KeyActive, CreatedAt: t0}}
		}
	}
	w.Accounts[a.ID] = a
	require.NoError(t, w.Validate())
	return w
}

// secretsOf lists the text forms of every secret in w, as JSON would
// write them.
func secretsOf(w sim.World) []string {
	var out []string
	hash := func(h account.PasswordHash) {
		if !h.IsZero() {
			out = append(out, base64.StdEncoding.EncodeToString(h.Salt), base64.StdEncoding.EncodeToString(h.Hash))
		}
	}
	for _, a := range w.Accounts {
		hash(a.RootPassword)
		for _, d := range a.RootMFA {
			out = append(out, string(d.Secret))
		}
		for _, u := range a.IAM.Users {
			hash(u.Login.Password)
			for _, d := range u.MFA {
				out = append(out, string(d.Secret))
			}
			for _, k := range u.AccessKeys {
				hash(k.SecretHash)
			}
		}
	}
	return out
}

// inflate reads EncodeWorld's text back to JSON.
func inflate(t testing.TB, s string) string {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	require.NoError(t, err)
	var b bytes.Buffer
	_, err = b.ReadFrom(flate.NewReader(bytes.NewReader(raw)))
	require.NoError(t, err)
	return b.String()
}

// TestSuspendWorldOfEachLab encodes each built-in lab's completed attempt
// with the world it ends in, and checks that it fits SCORM 1.2's 4,096
// characters, carries no secret, and comes back as the same world less
// its secrets, naming what was dropped.
func TestSuspendWorldOfEachLab(t *testing.T) {
	lab3 := delegationWorld(t)
	lunaARN := "arn:aws:iam::" + sim.DemoAccountID + ":user/" + sim.LunaName
	superARN := "arn:aws:iam::" + sim.DemoAccountID + ":user/" + sim.SuperUserName
	lunaDevice := mfa.SerialNumber(sim.DemoAccountID, "luna-phone")
	signedUp := signedUpWorld(t)
	var lab1ID string
	for id := range signedUp.Accounts {
		lab1ID = id
	}
	tests := []struct {
		lab  string
		w    sim.World
		lost Lost
	}{
		{"create-account", signedUp, Lost{RootPasswords: []string{lab1ID}}},
		{"root-mfa", rootMFAWorld(t), Lost{RootPasswords: []string{sim.DemoAccountID}, RootMFA: []string{sim.DemoAccountID},
			Devices: []string{mfa.SerialNumber(sim.DemoAccountID, mfa.DefaultRootDeviceName)}}},
		{"iam-delegation", lab3, Lost{RootPasswords: []string{sim.DemoAccountID}, Passwords: []string{lunaARN, superARN},
			MFA: []string{lunaARN}, AccessKeys: []string{"AKIAIOSFODNN7EXAMPLE"}, Devices: []string{lunaDevice}}},
		// The quiz keeps whatever world the student had: after lab 3.
		{"cloud-concepts", lab3, Lost{RootPasswords: []string{sim.DemoAccountID}, Passwords: []string{lunaARN, superARN},
			MFA: []string{lunaARN}, AccessKeys: []string{"AKIAIOSFODNN7EXAMPLE"}, Devices: []string{lunaDevice}}},
	}
	for _, tc := range tests {
		t.Run(tc.lab, func(t *testing.T) {
			l := builtin(t, tc.lab)
			var a engine.Attempt
			if l.Quiz() {
				a = playQuiz(t, l, len(l.Steps))
			} else {
				a = taskDone(l, len(l.Steps))
			}
			s, withWorld, err := EncodeSuspend(l, a, &tc.w)
			require.NoError(t, err)
			require.True(t, withWorld)
			require.LessOrEqual(t, len(s), MaxSuspend12)
			t.Logf("%s at its end: %d of %d characters (world %d)", tc.lab, len(s), MaxSuspend12, len(s)-strings.LastIndex(s, "~")-1)

			world := s[strings.LastIndex(s, "~")+1:]
			text := inflate(t, world)
			secrets := secretsOf(tc.w)
			require.NotEmpty(t, secrets)
			for _, secret := range secrets {
				require.NotContains(t, text, secret)
			}

			r, ok, err := SuspendWorld(s)
			require.NoError(t, err)
			require.True(t, ok)
			require.Equal(t, tc.lost, r.Lost)
			require.Empty(t, secretsOf(r.World))
			want, err := json.Marshal(Portable(tc.w).World)
			require.NoError(t, err)
			got, err := json.Marshal(r.World)
			require.NoError(t, err)
			require.JSONEq(t, string(want), string(got))
			require.Len(t, r.World.Accounts, len(tc.w.Accounts))
			for id, acct := range tc.w.Accounts {
				back := r.World.Accounts[id]
				require.Equal(t, acct.Email, back.Email)
				require.Equal(t, acct.SupportPlan, back.SupportPlan)
				require.Equal(t, acct.IAM.Policies, back.IAM.Policies, "customer policies with their documents")
				require.Len(t, back.IAM.Users, len(acct.IAM.Users))
				require.Equal(t, acct.IAM.Groups, back.IAM.Groups)
			}
			require.Equal(t, tc.w.SourceIP, r.World.SourceIP)

			// The attempt reads back as before.
			got2, err := DecodeSuspend(l, s, 0)
			require.NoError(t, err)
			require.Equal(t, a.Score(l), got2.Score(l))
		})
	}
}

// TestSuspendWorldTooLarge fills an account with users and policies until
// its world cannot fit: the attempt still goes in, within the bound, and
// withWorld says the world did not.
func TestSuspendWorldTooLarge(t *testing.T) {
	w := delegationWorld(t)
	a := w.Accounts[sim.DemoAccountID]
	r := rand.New(rand.NewChaCha8([32]byte{9}))
	for i := range 200 {
		name := "user" + strconv.Itoa(i) + strconv.FormatUint(r.Uint64(), 36)
		a.IAM.Users = append(a.IAM.Users, iam.User{Name: name, Path: "/", ARN: "arn:aws:iam::" + a.ID + ":user/" + name,
			ID: "AIDA" + strings.ToUpper(strconv.FormatUint(r.Uint64(), 36)), CreatedAt: t0})
	}
	w.Accounts[a.ID] = a
	l := builtin(t, "iam-delegation")
	s, withWorld, err := EncodeSuspend(l, taskDone(l, 3), &w)
	require.NoError(t, err)
	require.False(t, withWorld)
	require.LessOrEqual(t, len(s), MaxSuspend12)
	_, ok, err := SuspendWorld(s)
	require.NoError(t, err)
	require.False(t, ok)
	got, err := DecodeSuspend(l, s, 0)
	require.NoError(t, err)
	require.Equal(t, 3, doneCount(got))
}

func doneCount(a engine.Attempt) int {
	n := 0
	for _, s := range a.Steps {
		if s.Done {
			n++
		}
	}
	return n
}

// deflated writes JSON as EncodeWorld would, without Portable's care.
func deflated(t testing.TB, data []byte) string {
	var b bytes.Buffer
	zw, err := flate.NewWriter(&b, flate.BestCompression)
	require.NoError(t, err)
	_, err = zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

func TestDecodeWorldRejects(t *testing.T) {
	full := delegationWorld(t)
	withSecrets, err := json.Marshal(Resumed{World: full})
	require.NoError(t, err)
	bad := Portable(full)
	acct := bad.World.Accounts[sim.DemoAccountID]
	acct.Email = "not an email"
	bad.World.Accounts[sim.DemoAccountID] = acct
	invalid, err := json.Marshal(bad)
	require.NoError(t, err)
	tests := map[string]string{
		"not base64":     "!!!",
		"not deflate":    base64.RawURLEncoding.EncodeToString([]byte("plain text")),
		"not JSON":       deflated(t, []byte("world")),
		"secrets":        deflated(t, withSecrets),
		"invalid world":  deflated(t, invalid),
		"unknown field":  deflated(t, []byte(`{"world":{"accounts":{}},"extra":1}`)),
		"two documents":  deflated(t, []byte(`{"world":{}} {"world":{}}`)),
		"inflates a lot": deflated(t, append(append([]byte(`{"world":{"sourceIp":"`), bytes.Repeat([]byte("a"), maxWorldJSON)...), `"}}`...)),
	}
	for name, s := range tests {
		_, err := DecodeWorld(s)
		require.ErrorIs(t, err, ErrWorld, name)
	}
	// The empty world is fine.
	r, err := DecodeWorld(deflated(t, []byte(`{"world":{}}`)))
	require.NoError(t, err)
	require.NotNil(t, r.World.Accounts)
}

func FuzzSuspendWorld(f *testing.F) {
	l := builtin(f, "iam-delegation")
	for _, w := range []sim.World{delegationWorld(f), rootMFAWorld(f), {}} {
		s, _, err := EncodeSuspend(l, taskDone(l, 2), &w)
		require.NoError(f, err)
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, ok, err := SuspendWorld(s)
		if err != nil || !ok {
			return
		}
		// Whatever decodes holds no secret and encodes again to the same.
		require.Empty(t, secretsOf(r.World))
		require.True(t, portableOnly(r.World))
		again, err := EncodeWorld(r.World)
		require.NoError(t, err)
		back, err := DecodeWorld(again)
		require.NoError(t, err)
		require.Equal(t, r.World, back.World)
	})
}

// TestWorldEncoderReusesAnUnchangedWorld: the page's encoder gives what
// EncodeWorld gives, encodes again after any change through the door or a
// replaced world, and not otherwise.
func TestWorldEncoderReusesAnUnchangedWorld(t *testing.T) {
	var e WorldEncoder
	w := delegationWorld(t)
	first, err := e.Encode(w)
	require.NoError(t, err)
	want, err := EncodeWorld(w)
	require.NoError(t, err)
	require.Equal(t, want, first)

	// Unchanged: the same text (and no work: a world changed behind the
	// encoder's back without an event is not seen).
	sneaky := w.Clone()
	acct := sneaky.Accounts[sim.DemoAccountID]
	acct.Name = "renamed-without-the-door"
	sneaky.Accounts[acct.ID] = acct
	again, err := e.Encode(sneaky)
	require.NoError(t, err)
	require.Equal(t, first, again)

	env := opEnv(4)
	root := sim.RootSession(w.Accounts[sim.DemoAccountID], t0, false)
	changed, err := w.Do(root, sim.CreateGroup{Name: "Auditors", Path: "/"}, env)
	require.NoError(t, err)
	for _, next := range []sim.World{changed, signedUpWorld(t), rootMFAWorld(t), {}} {
		got, err := e.Encode(next)
		require.NoError(t, err)
		want, err := EncodeWorld(next)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
}

func BenchmarkEncodeWorld(b *testing.B) {
	w := delegationWorld(b)
	for b.Loop() {
		if _, err := EncodeWorld(w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorldEncoderChanged encodes a changed world each time with the
// page's encoder (its compressor kept).
func BenchmarkWorldEncoderChanged(b *testing.B) {
	w := delegationWorld(b)
	var e WorldEncoder
	for b.Loop() {
		w.SourceIP = "203.0.113." + strconv.Itoa(b.N%250+1)
		e.ok = false
		if _, err := e.Encode(w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorldEncoderUnchanged is the page's report after an update that
// did not touch the world (a keystroke, a clock tick).
func BenchmarkWorldEncoderUnchanged(b *testing.B) {
	w := delegationWorld(b)
	var e WorldEncoder
	if _, err := e.Encode(w); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := e.Encode(w); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSuspendLagsTheWorldByEvery: with Every, a world changed while the
// attempt stays the same is encoded again only once Every has passed; a
// changed attempt (a step done) takes the world along at once.
func TestSuspendLagsTheWorldByEvery(t *testing.T) {
	l := builtin(t, "iam-delegation")
	e := WorldEncoder{Every: 15 * time.Second}
	w := delegationWorld(t)
	worldOf := func(s string) string { return s[strings.LastIndex(s, "~")+1:] }
	a := taskDone(l, 2)
	first, ok, err := e.Suspend(l, a, &w, t0)
	require.NoError(t, err)
	require.True(t, ok)

	root := sim.RootSession(w.Accounts[sim.DemoAccountID], t0, false)
	changed, err := w.Do(root, sim.CreateGroup{Name: "Auditors", Path: "/"}, opEnv(5))
	require.NoError(t, err)
	fresh, err := EncodeWorld(changed)
	require.NoError(t, err)
	require.NotEqual(t, worldOf(first), fresh)

	lagged, _, err := e.Suspend(l, a, &changed, t0.Add(5*time.Second))
	require.NoError(t, err)
	require.Equal(t, worldOf(first), worldOf(lagged), "within Every the world waits")
	due, _, err := e.Suspend(l, a, &changed, t0.Add(15*time.Second))
	require.NoError(t, err)
	require.Equal(t, fresh, worldOf(due))

	again, err := changed.Do(root, sim.CreateGroup{Name: "Billing", Path: "/"}, opEnv(6))
	require.NoError(t, err)
	step, _, err := e.Suspend(l, taskDone(l, 3), &again, t0.Add(16*time.Second))
	require.NoError(t, err)
	want, err := EncodeWorld(again)
	require.NoError(t, err)
	require.Equal(t, want, worldOf(step), "a step done takes the world along at once")
}

// TestWithSecretsOf: resuming in a browser that still holds the world's
// secrets gives them back, but only those the LMS's world lost and only
// for the same account and the same users.
func TestWithSecretsOf(t *testing.T) {
	w := delegationWorld(t)
	r := Portable(w)
	require.False(t, r.Lost.Empty())

	same := r.WithSecretsOf(w)
	require.True(t, same.Lost.Empty(), "%+v", same.Lost)
	for id, a := range w.Accounts {
		back := same.World.Accounts[id]
		require.Equal(t, a.RootPassword, back.RootPassword)
		require.Equal(t, a.IAM.Users, back.IAM.Users)
	}
	require.Empty(t, secretsOf(r.World), "r is not changed")

	// Luna deleted and made again here (another user ID), SuperUser's key
	// deleted here and another made: those stay lost, the new key does not
	// come.
	local := w.Clone()
	acct := local.Accounts[sim.DemoAccountID]
	for i := range acct.IAM.Users {
		u := &acct.IAM.Users[i]
		switch u.Name {
		case sim.LunaName:
			u.ID = "AIDAOTHERLUNA0000000"
		case sim.SuperUserName:
			u.AccessKeys = []iam.AccessKey{{ID: "AKIANEWKEY0000000000", SecretHash: u.AccessKeys[0].SecretHash, Status: iam.KeyActive, CreatedAt: t0}}
		}
	}
	local.Accounts[acct.ID] = acct
	got := r.WithSecretsOf(local)
	lunaARN := "arn:aws:iam::" + sim.DemoAccountID + ":user/" + sim.LunaName
	require.Equal(t, Lost{Passwords: []string{lunaARN}, MFA: []string{lunaARN}, AccessKeys: []string{"AKIAIOSFODNN7EXAMPLE"},
		Devices: []string{mfa.SerialNumber(sim.DemoAccountID, "luna-phone")}}, got.Lost)
	for _, u := range got.World.Accounts[sim.DemoAccountID].IAM.Users {
		require.Empty(t, u.AccessKeys, u.Name)
	}

	// Another account under the same ID (another email): nothing comes.
	other := w.Clone()
	acct = other.Accounts[sim.DemoAccountID]
	acct.Email = "someone-else@example.com"
	other.Accounts[acct.ID] = acct
	require.Equal(t, r.Lost, r.WithSecretsOf(other).Lost)
	require.Equal(t, r.Lost, r.WithSecretsOf(sim.World{}).Lost)
	// The same prepared world made at another time: another account.
	later := w.Clone()
	acct = later.Accounts[sim.DemoAccountID]
	acct.CreatedAt = acct.CreatedAt.Add(time.Hour)
	later.Accounts[acct.ID] = acct
	require.Equal(t, r.Lost, r.WithSecretsOf(later).Lost)

	// A secret removed on the other computer does not come back: root MFA
	// the LMS's world never lost stays off.
	withMFA := w.Clone()
	acct = withMFA.Accounts[sim.DemoAccountID]
	acct.RootMFA = []mfa.Device{{Name: "root", Serial: mfa.SerialNumber(acct.ID, "root"), Secret: mfa.DemoSecret, EnabledAt: t0}}
	withMFA.Accounts[acct.ID] = acct
	require.Empty(t, r.WithSecretsOf(withMFA).World.Accounts[sim.DemoAccountID].RootMFA)
	// Nor a device of Luna's this browser has and the LMS's world had not.
	twoDevices := w.Clone()
	acct = twoDevices.Accounts[sim.DemoAccountID]
	acct.IAM = acct.IAM.Clone()
	for i := range acct.IAM.Users {
		if u := &acct.IAM.Users[i]; u.Name == sim.LunaName {
			u.MFA = append(u.MFA, mfa.Device{Name: "old", Serial: mfa.SerialNumber(acct.ID, "old"), Secret: mfa.DemoSecret, EnabledAt: t0})
		}
	}
	twoDevices.Accounts[acct.ID] = acct
	for _, u := range r.WithSecretsOf(twoDevices).World.Accounts[sim.DemoAccountID].IAM.Users {
		if u.Name == sim.LunaName {
			require.Len(t, u.MFA, 1)
			require.Equal(t, "luna-phone", u.MFA[0].Name)
		}
	}
}
