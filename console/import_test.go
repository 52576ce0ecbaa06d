package console

import (
	"encoding/json"
	"fmt"
	"labsim/console/core"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim"
	"labsim/sim/mfa"
)

// exportOf encodes a changed copy of the demo model's saved document.
func exportOf(t *testing.T, change func(s *Saved)) string {
	t.Helper()
	m := demoModel(t)
	m.UI.Fields = map[string]string{"signup.email": "typed@example.com"}
	s, err := Decode(mustEncode(t, m))
	require.NoError(t, err)
	s.World = s.World.Clone()
	change(&s)
	data, err := json.Marshal(s)
	require.NoError(t, err)
	return string(data)
}

func demoAccount(s *Saved, change func(a *sim.Account)) {
	a := s.World.Accounts[sim.DemoAccountID]
	change(&a)
	s.World.Accounts[sim.DemoAccountID] = a
}

func TestImportIsCheckedByTheConsolesRules(t *testing.T) {
	good := exportOf(t, func(*Saved) {})
	devices := func(n int, account string) func(s *Saved) {
		return func(s *Saved) {
			demoAccount(s, func(a *sim.Account) {
				for i := range n {
					name := fmt.Sprintf("phone-%d", i)
					a.RootMFA = append(a.RootMFA, mfa.Device{Name: name, Serial: mfa.SerialNumber(account, name), Secret: mfa.DemoSecret})
				}
			})
		}
	}
	for _, tc := range []struct {
		name string
		data string
	}{
		{"schema twice", strings.Replace(good, `"schema":1,`, `"schema":1,"schema":1,`, 1)},
		{"session twice", strings.Replace(good, `"session":`, `"session":{},"session":`, 1)},
		{"session in another case", strings.Replace(good, `"session":`, `"Session":{},"session":`, 1)},
		{"nested key twice", strings.Replace(good, `"name":"labsim-demo"`, `"name":"labsim-demo","name":"other"`, 1)},
		{"9 root MFA devices", exportOf(t, devices(9, sim.DemoAccountID))},
		{"serial of another account", exportOf(t, devices(1, "210987654321"))},
		{"two accounts, one email", exportOf(t, func(s *Saved) {
			a := s.World.Accounts[sim.DemoAccountID]
			a.ID = "210987654321"
			s.World.Accounts[a.ID] = a
		})},
		{"account name too long", exportOf(t, func(s *Saved) {
			demoAccount(s, func(a *sim.Account) { a.Name = strings.Repeat("n", 51) })
		})},
		{"999 iterations", exportOf(t, func(s *Saved) {
			demoAccount(s, func(a *sim.Account) { a.RootPassword.Iterations = 999 })
		})},
		{"2,000,000 iterations", exportOf(t, func(s *Saved) {
			demoAccount(s, func(a *sim.Account) { a.RootPassword.Iterations = 2_000_000 })
		})},
		{"unknown region", exportOf(t, func(s *Saved) { s.UI.Region = "mars-1" })},
		{"huge field", exportOf(t, func(s *Saved) { s.UI.Fields["signup.email"] = strings.Repeat("x", core.MaxFieldLen+1) })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := demoModel(t)
			m = click(m, "region", "eu-west-1")
			before := mustEncode(t, m)
			m, fx := Update(m, ImportFile{Now: t0, Name: "crafted.json", Size: len(tc.data), Text: tc.data})
			require.Contains(t, m.ImportError, "not a labsim export")
			require.Empty(t, fx)
			require.Equal(t, before, mustEncode(t, m), "nothing changed")
		})
	}
}

func TestImportDropsTheSessionAndSecretFields(t *testing.T) {
	data := exportOf(t, func(s *Saved) {
		s.UI.Fields["signup.password"] = "hunter2hunter2"
	})
	require.Contains(t, data, `"principal":"arn:aws:iam::123456789012:root"`)
	fresh, _ := start(t, map[string]string{"lang": "en"}, "")
	m := send(fresh, ImportFile{Now: t0, Name: "work.json", Size: len(data), Text: data})
	m = click(m, "aside.import", "")
	require.Empty(t, m.ImportError)
	require.False(t, m.Session.SignedIn(), "the student signs in again")
	require.Contains(t, m.World.Accounts, sim.DemoAccountID)
	require.Equal(t, "typed@example.com", m.UI.Fields["signup.email"])
	require.NotContains(t, mustEncode(t, m), "hunter2")
}

func TestDuplicateKeyScanner(t *testing.T) {
	for _, tc := range []struct {
		data string
		dup  bool
	}{
		{`{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}`, false},
		{`{"a":1,"a":2}`, true},
		{`{"a":{"x":1,"x":1}}`, true},
		{`[{"a":1,"b":2,"a":3}]`, true},
		{`{"a":"b","b":"a"}`, false},
		{`{"A":1,"a":2}`, true},
		{`{"sch\u0065ma":1,"schema":2}`, true},
		{`{"a":[1,"a",{"a":1}],"b":1}`, false},
	} {
		err := checkDuplicateKeys([]byte(tc.data))
		if tc.dup {
			require.ErrorIs(t, err, errDuplicateKey, tc.data)
		} else {
			require.NoError(t, err, tc.data)
		}
	}
	require.Error(t, checkDuplicateKeys([]byte(`{"a":`)))
}
