package console

import (
	"encoding/json"
	"strings"
	"testing"

	"labsim/sim"
	"labsim/sim/mfa"
)

// fuzzSeeds are exports to mutate: the demo world, one with an MFA device,
// an authenticator account and events, a fresh one, and crafted ones.
func fuzzSeeds() []string {
	demo, _ := Update(Model{}, Init{Now: t0, Seed: [32]byte{3}, Query: map[string]string{"world": "demo", "lang": "en"}})
	plain, _ := demo.Encode(demo.Revision)
	rich := demo
	env := rich.env()
	w, err := rich.World.Do(rich.Session, sim.AddAuthenticatorAccount{Issuer: "AWS", Account: "root", Secret: mfa.DemoSecret}, env)
	if err == nil {
		rich.World = w
	}
	a := rich.World.Accounts[sim.DemoAccountID]
	a.RootMFA = append(a.RootMFA, mfa.Device{Name: "phone", Serial: mfa.SerialNumber(a.ID, "phone"), Secret: mfa.DemoSecret})
	rich.World.Accounts = map[string]sim.Account{a.ID: a}
	rich.UI.Fields = map[string]string{"signup.email": "x@example.com", "signin.email": "y@example.com"}
	richData, _ := rich.Encode(7)
	fresh, _ := Update(Model{}, Init{Now: t0, Seed: [32]byte{4}, Query: map[string]string{"lang": "ko"}})
	freshData, _ := fresh.Encode(2)
	var anyDoc map[string]any
	_ = json.Unmarshal([]byte(richData), &anyDoc)
	return []string{plain, richData, freshData,
		strings.Replace(plain, `"schema":1,`, `"schema":1,"schema":1,`, 1),
		strings.Replace(richData, `"revision":7`, `"revision":99999999999999999999`, 1),
		plain[:len(plain)/2], `{}`, `[]`, `null`, `{"schema":2}`, "",
	}
}

// FuzzImport imports random and mutated exports: the console never panics,
// an accepted import passes the world's rules, and storage always keeps
// saving (the next change is saved, and a reload reads it back).
func FuzzImport(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		b := newFakeBrowser(t)
		tab := b.open(1, map[string]string{"world": "demo", "lang": "en"}, "#/simulator")
		tab.send(ImportFile{Now: t0, Name: "fuzz.json", Size: len(data), Text: data})
		if tab.m.Confirm == confirmImport {
			tab.send(Click{Now: t0, Action: "aside.import"})
			if tab.m.ImportError == "" {
				if err := tab.m.World.Validate(); err != nil {
					t.Fatalf("an accepted import breaks the world's rules: %v", err)
				}
				if tab.m.Session.SignedIn() {
					t.Fatal("an import's session was kept")
				}
			}
		}
		_ = View(tab.m)
		tab.typeInto("fuzz.marker", "saved-after-import")
		stored, ok := b.kv[StorageKey]
		if !ok || !strings.Contains(stored, "saved-after-import") {
			t.Fatalf("the change after the import was not saved")
		}
		if _, err := Decode(stored); err != nil {
			t.Fatalf("storage holds a document that cannot be read: %v", err)
		}
		again := tab.reload(2)
		if again.m.UI.Fields["fuzz.marker"] != "saved-after-import" {
			t.Fatalf("a reload did not read the work back")
		}
		for _, k := range again.noticeKeys() {
			if k == "notice.corrupt" || k == "notice.conflict" {
				t.Fatalf("reload after import: %s", k)
			}
		}
		_ = View(again.m)
	})
}
