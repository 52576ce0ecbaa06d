package sim

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/mfa"
)

func TestPreparedWorldsAreValid(t *testing.T) {
	for _, p := range PreparedWorlds() {
		require.NoError(t, p.Build(testEnv()).World.Validate(), p.Name)
	}
}

func TestValidateRejectsWhatNoOperationCouldMake(t *testing.T) {
	demo := func() World {
		st, err := Prepared("demo", testEnv())
		require.NoError(t, err)
		return st.World.Clone()
	}
	withAccount := func(change func(a *Account)) func(w *World) {
		return func(w *World) {
			a := w.Accounts[DemoAccountID]
			change(&a)
			w.Accounts[DemoAccountID] = a
		}
	}
	devices := func(n int, serial func(i int) string) func(a *Account) {
		return func(a *Account) {
			a.RootMFA = nil
			for i := range n {
				name := fmt.Sprintf("phone-%d", i)
				a.RootMFA = append(a.RootMFA, mfa.Device{Name: name, Serial: serial(i), Secret: mfa.DemoSecret})
			}
		}
	}
	own := func(i int) string { return mfa.SerialNumber(DemoAccountID, fmt.Sprintf("phone-%d", i)) }
	for _, tc := range []struct {
		name   string
		change func(w *World)
		want   string // "" when valid
	}{
		{"demo", func(*World) {}, ""},
		{"8 root MFA devices", withAccount(devices(8, own)), ""},
		{"9 root MFA devices", withAccount(devices(9, own)), "more than 8"},
		{"serial of another account", withAccount(devices(1, func(int) string { return mfa.SerialNumber("210987654321", "phone-0") })), "another account"},
		{"device name twice", withAccount(func(a *Account) {
			devices(1, own)(a)
			a.RootMFA = append(a.RootMFA, a.RootMFA[0])
		}), "used twice"},
		{"same email twice", func(w *World) {
			a := w.Accounts[DemoAccountID]
			a.ID = "210987654321"
			a.Email = strings.ToUpper(a.Email)
			w.Accounts[a.ID] = a
		}, "same email"},
		{"key and ID differ", func(w *World) {
			w.Accounts["210987654321"] = w.Accounts[DemoAccountID]
		}, "bad account ID"},
		{"short account ID", func(w *World) {
			a := w.Accounts[DemoAccountID]
			a.ID = "12345"
			w.Accounts[a.ID] = a
		}, "bad account ID"},
		{"bad email", withAccount(func(a *Account) { a.Email = "not an email" }), "email"},
		{"empty account name", withAccount(func(a *Account) { a.Name = "" }), "account name"},
		{"account name too long", withAccount(func(a *Account) { a.Name = strings.Repeat("가", 51) }), "account name"},
		{"control character in name", withAccount(func(a *Account) { a.Name = "lab\x00" }), "account name"},
		{"999 iterations", withAccount(func(a *Account) { a.RootPassword.Iterations = 999 }), "iterations"},
		{"1,000,001 iterations", withAccount(func(a *Account) { a.RootPassword.Iterations = 1_000_001 }), "iterations"},
		{"1,000,000 iterations", withAccount(func(a *Account) { a.RootPassword.Iterations = 1_000_000 }), ""},
		{"unknown hash", withAccount(func(a *Account) { a.RootPassword.Algorithm = "md5" }), "algorithm"},
		{"short salt", withAccount(func(a *Account) { a.RootPassword.Salt = []byte{1} }), "too short"},
		{"51 authenticator accounts", func(w *World) {
			for i := range MaxAuthenticatorEntries + 1 {
				w.Devices.Authenticator = append(w.Devices.Authenticator, AuthenticatorEntry{ID: i, Account: "x", Secret: mfa.DemoSecret})
			}
		}, "more than 50"},
		{"authenticator ID twice", func(w *World) {
			e := AuthenticatorEntry{ID: 1, Account: "x", Secret: mfa.DemoSecret}
			w.Devices.Authenticator = []AuthenticatorEntry{e, e}
		}, "used twice"},
		{"bad authenticator secret", func(w *World) {
			w.Devices.Authenticator = []AuthenticatorEntry{{ID: 1, Account: "x", Secret: "!!"}}
		}, "authenticator account 1"},
		{"phone item ID twice", func(w *World) {
			w.Devices.Phone = []PhoneItem{{ID: 3}, {ID: 3}}
		}, "phone item 3"},
		{"email ID twice", func(w *World) {
			w.Devices.Inbox = []Email{{ID: 4}, {ID: 4}}
		}, "email 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := demo()
			tc.change(&w)
			err := w.Validate()
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidWorld)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

func TestValidateChecksIAMByItsOwnRules(t *testing.T) {
	st, err := Prepared("delegation-done", testEnv())
	require.NoError(t, err)
	w := st.World.Clone()
	require.NoError(t, w.Validate())
	a := w.Accounts[DemoAccountID]
	a.IAM.Users = append(slices.Clone(a.IAM.Users), a.IAM.Users[0])
	a.IAM.Users[len(a.IAM.Users)-1].Name = strings.ToUpper(a.IAM.Users[0].Name)
	w.Accounts[DemoAccountID] = a
	err = w.Validate()
	require.Error(t, err, "two users whose names differ only by case, as a bad merge could make")
	require.Contains(t, err.Error(), "IAM")
}
