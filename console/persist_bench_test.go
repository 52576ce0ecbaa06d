package console

import (
	"fmt"
	"testing"

	"labsim/sim"
	"labsim/sim/mfa"
)

// BenchmarkMergeAnotherTabsSave measures a tab merging another tab's save
// of a busy world (about 200 events and 40 authenticator accounts) when
// both changed it.
func BenchmarkMergeAnotherTabsSave(b *testing.B) {
	m, _ := Update(Model{}, Init{Now: t0, Seed: [32]byte{1}, Query: map[string]string{"world": "demo", "lang": "en"}})
	for i := range 40 {
		w, err := m.World.Do(m.Session, sim.AddAuthenticatorAccount{Account: fmt.Sprint("acct-", i), Secret: mfa.DemoSecret}, m.env())
		if err != nil {
			b.Fatal(err)
		}
		m.World = w
	}
	for range 160 {
		w, _ := m.World.Do(m.Session, sim.SignOut{}, m.env())
		m.World = w
	}
	m.Revision = 10
	m.lastSaved = ""
	m, fx := m.withSave(nil)
	base := fx[len(fx)-1].(Save).Data
	other := m
	w, _ := other.World.Do(other.Session, sim.AddAuthenticatorAccount{Account: "other", Secret: mfa.DemoSecret}, other.env())
	other.World = w
	theirs := withBase(mustEncodeB(b, other), base)
	mine := m
	w, _ = mine.World.Do(mine.Session, sim.AddAuthenticatorAccount{Account: "mine", Secret: mfa.DemoSecret}, mine.env())
	mine.World = w
	b.SetBytes(int64(len(theirs)))
	b.ResetTimer()
	for range b.N {
		got, _ := mine.storageChanged(StorageChanged{Now: t0, Data: theirs})
		if len(got.World.Devices.Authenticator) != 42 {
			b.Fatalf("%d accounts after the merge", len(got.World.Devices.Authenticator))
		}
	}
}

func mustEncodeB(b *testing.B, m Model) string {
	s, err := m.Encode(m.Revision)
	if err != nil {
		b.Fatal(err)
	}
	return s
}
