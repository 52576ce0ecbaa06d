package console

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
	"labsim/sim"
)

func TestSaveAndLoadRoundTripIsExact(t *testing.T) {
	m := demoModel(t)
	m = click(m, "region", "eu-west-1")
	m = send(m, Input{Now: t0, Field: "signup.email", Value: "a@b.co"})
	m = click(m, "signout", "")
	first := mustEncode(t, m)
	s, err := Decode(first)
	require.NoError(t, err)
	var restored Model
	require.NoError(t, restored.apply(s))
	require.Equal(t, first, mustEncode(t, restored))
	// The generator continues exactly where it was.
	require.Equal(t, m.Rng.Uint64(), restored.Rng.Uint64())
}

func TestEveryChangeIsSavedWithAHigherRevisionAndNoOpsAreNot(t *testing.T) {
	m := demoModel(t)
	rev := m.Revision
	m, fx := Update(m, Click{Now: t0, Action: "region", Arg: "us-west-2"})
	saves := effectsOf[Save](fx)
	require.Len(t, saves, 1)
	require.Equal(t, rev+1, saves[0].Revision)
	require.Equal(t, rev+1, RevisionOf(saves[0].Data))
	_, fx = Update(m, Tick{Now: t0})
	require.Empty(t, effectsOf[Save](fx), "a tick changes nothing saved")
	_, fx = Update(m, Click{Now: t0, Action: "menu", Arg: "services"})
	require.Empty(t, effectsOf[Save](fx), "opening a menu changes nothing saved")
}

func TestCorruptOrUnknownSaveIsSetAsideAndStartsClean(t *testing.T) {
	good := mustEncode(t, demoModel(t))
	for name, data := range map[string]string{
		"not JSON":       "{not json",
		"no schema":      `{"revision":1}`,
		"bad account ID": strings.Replace(good, `"id":"123456789012"`, `"id":"12"`, 1),
		"wrong types":    strings.Replace(good, `"revision":`, `"revision":"x","old":`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			m, fx := start(t, nil, data)
			aside := effectsOf[SetAside](fx)
			require.Len(t, aside, 1)
			require.Equal(t, data, aside[0].Data, "the unreadable data is kept, not overwritten")
			require.True(t, strings.HasPrefix(aside[0].Key, StorageKey+":unreadable:"))
			require.False(t, m.Session.SignedIn())
			require.Empty(t, m.World.Accounts)
			require.True(t, ui.ContainsText(View(m), "Your saved work could not be read"))
			require.Equal(t, "alert", attrOf(find(t, m, "alert", ""), "role"))
		})
	}
}

func TestStorageUnavailableOrFullKeepsWorkingInMemory(t *testing.T) {
	m, _ := Update(Model{}, Init{Now: t0, Storage: StorageStatus{Mode: "memory", Reason: "unavailable"}, Query: map[string]string{"lang": "en"}})
	require.True(t, ui.ContainsText(View(m), "Browser storage is not available here"))
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	require.True(t, ui.ContainsText(View(m), "kept in memory only"))

	m2 := demoModel(t)
	m2, fx := Update(m2, StorageFailed{Now: t0, Reason: "full"})
	require.Equal(t, StorageStatus{Mode: "memory", Reason: "full"}, m2.Storage)
	require.True(t, ui.ContainsText(View(m2), "Browser storage is full"))
	require.Empty(t, effectsOf[Save](fx))
	m2, fx = Update(m2, Click{Now: t0, Action: "region", Arg: "us-west-2"})
	require.Len(t, effectsOf[Save](fx), 1, "saves continue, into memory")
}

func TestAnotherTabsNewerSaveIsAdopted(t *testing.T) {
	tabA := demoModel(t)
	tabB, _ := start(t, nil, mustEncode(t, tabA))
	tabB = send(tabB, Navigate{Now: t0, Hash: "#/services/ec2"})
	tabA, fx := Update(tabA, Click{Now: t0, Action: "signout"})
	saved := effectsOf[Save](fx)[0]
	tabB = send(tabB, StorageChanged{Now: t0, Data: saved.Data})
	require.False(t, tabB.Session.SignedIn(), "tab B sees tab A's sign-out")
	require.Equal(t, "#/", tabB.UI.Route, "a signed-out tab leaves console pages")
	require.Equal(t, saved.Revision, tabB.Revision)
	require.True(t, ui.ContainsText(View(tabB), "Changes made in another tab were loaded."))

	// An older save from another tab is ignored.
	tabC := send(tabB, StorageChanged{Now: t0, Data: mustEncode(t, demoModel(t))})
	require.False(t, tabC.Session.SignedIn())
}

func TestImportValidatesSizeKindAndContent(t *testing.T) {
	m := demoModel(t)
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	m2 := send(m, ImportFile{Now: t0, Name: "x.json", Size: MaxImportBytes + 1})
	require.Contains(t, m2.ImportError, "too large")
	require.Equal(t, "true", attrOf(find(t, m2, "button", "Choose a file to import"), "aria-invalid"))
	m2 = send(m, ImportFile{Now: t0, Name: "x.txt", Size: 3, Text: "abc"})
	require.Contains(t, m2.ImportError, ".json")
	m2 = send(m, ImportFile{Now: t0, Name: "x.json", Size: 3, Text: `{"a":1}`})
	require.Contains(t, m2.ImportError, "not a labsim export")
	require.True(t, m2.Session.SignedIn(), "nothing changed")

	fresh, _ := start(t, nil, "")
	export := mustEncode(t, m)
	imported := send(fresh, ImportFile{Now: t0, Name: "labsim.json", Size: len(export), Text: export})
	require.Empty(t, imported.ImportError)
	require.Empty(t, imported.World.Accounts, "nothing is replaced before confirmation")
	imported = click(imported, "aside.import", "")
	require.False(t, imported.Session.SignedIn(), "an import's session is dropped: the student signs in again")
	require.Contains(t, imported.World.Accounts, sim.DemoAccountID)
	require.GreaterOrEqual(t, imported.Revision, fresh.Revision)
}

func TestResetAsksForConfirmation(t *testing.T) {
	m := demoModel(t)
	m = send(m, Navigate{Now: t0, Hash: "#/simulator"})
	m = press(t, m, "button", "Reset the simulator")
	require.True(t, m.Session.SignedIn())
	m = press(t, m, "button", "Cancel")
	require.Equal(t, "", m.Confirm)
	m = press(t, m, "button", "Reset the simulator")
	m = press(t, m, "button", "Confirm")
	require.False(t, m.Session.SignedIn())
	require.Empty(t, m.World.Accounts)
}

func TestCrashReportOffersDiagnostics(t *testing.T) {
	m := demoModel(t)
	m = send(m, Crashed{Now: t0, Report: "panic in view: boom"})
	n := m.Notices[len(m.Notices)-1]
	require.Contains(t, n.Diagnostics, "panic in view: boom")
	m, fx := Update(m, Click{Now: t0, Action: "copy", Arg: attrOf(find(t, m, "button", "Copy diagnostics"), "data-arg")})
	require.Equal(t, []Copy{{Text: n.Diagnostics}}, effectsOf[Copy](fx))
	m = send(m, EffectFailed{Now: t0, Effect: "copy", Text: n.Diagnostics})
	find(t, m, "textbox", "Select and copy this text:")
}

func TestRevisionOf(t *testing.T) {
	require.Equal(t, 42, RevisionOf(`{"schema":1,"revision":42,"world":{}}`))
	require.Equal(t, -1, RevisionOf(`garbage`))
}

func TestTwoTabsDoNotAnswerEachOthersSaves(t *testing.T) {
	tabA := demoModel(t)
	tabB, _ := start(t, nil, mustEncode(t, tabA))
	tabB = send(tabB, Navigate{Now: t0, Hash: "#/services/ec2"})
	_, fx := Update(tabA, Click{Now: t0, Action: "region", Arg: "us-west-2"})
	_, fx = Update(tabB, StorageChanged{Now: t0, Data: effectsOf[Save](fx)[0].Data})
	require.Empty(t, effectsOf[Save](fx), "adopting a save must not trigger another save")
}

func TestSavedDocumentIsExactlyTheEncodingAtItsRevision(t *testing.T) {
	m := demoModel(t)
	for _, region := range []string{"us-west-2", "eu-west-1", "ap-south-1"} {
		var fx []Effect
		m, fx = Update(m, Click{Now: t0, Action: "region", Arg: region})
		saves := effectsOf[Save](fx)
		require.Len(t, saves, 1)
		want, err := m.Encode(saves[0].Revision)
		require.NoError(t, err)
		// The document names the one it is written over.
		require.Equal(t, withBase(want, saves[0].Base), saves[0].Data)
		s, err := Decode(saves[0].Data)
		require.NoError(t, err)
		require.Equal(t, hashDoc(saves[0].Base), s.Base)
	}
}

// Defect 1 of issue 8: a damaged save whose revision can still be read
// stopped all saving with a false "another tab" warning, and every reload
// set another copy aside.
func TestDamagedSaveIsSetAsideOnceThenReplaced(t *testing.T) {
	for name, bad := range map[string]string{
		"current schema, no world": `{"schema":1,"revision":5}`,
		"truncated, huge revision": `{"schema":1,"revision":99999999999,"world":{"accounts":{"1234`,
		"bad generator state":      `{"schema":1,"revision":500,"world":{"accounts":{}},"session":{},"ui":{},"rng":"!"}`,
	} {
		t.Run(name, func(t *testing.T) {
			b := newFakeBrowser(t)
			b.kv[StorageKey] = bad
			tab := b.open(1, nil, "#/signup/1")
			require.Contains(t, tab.noticeKeys(), "notice.corrupt")
			for round := range 3 {
				tab.typeInto(fieldSUEmail, "student@example.com")
				tab.typeInto(fieldSUAccountName, "my-lab")
				require.NotContains(t, tab.noticeKeys(), "notice.conflict", "round %d: no other tab is involved", round)
				require.NotEqual(t, bad, b.kv[StorageKey], "round %d: the damaged save was replaced", round)
				tab = tab.reload(byte(round + 2))
				require.Equal(t, "student@example.com", tab.m.UI.Fields[fieldSUEmail], "round %d", round)
				require.Equal(t, "my-lab", tab.m.UI.Fields[fieldSUAccountName], "round %d", round)
				require.Empty(t, tab.m.Notices, "round %d: a good save loads without banners", round)
				require.Len(t, b.asideKeys(), 1, "round %d: exactly one copy is kept aside", round)
				require.Equal(t, bad, b.kv[b.asideKeys()[0]])
			}
		})
	}
}

// A save from a newer version is left untouched and announced once: the
// page works in memory instead of setting it aside on every load.
func TestNewerSchemaSaveIsLeftUntouchedAndThePageWorksInMemory(t *testing.T) {
	for name, newer := range map[string]string{
		"schema 2":  `{"schema":2,"revision":500,"world":{"accounts":{}},"session":{},"ui":{},"rng":""}`,
		"schema 99": `{"schema":99,"revision":3,"world":{}}`,
		"truncated": `{"schema":7,"revision":3,"world":{"acc`,
	} {
		t.Run(name, func(t *testing.T) {
			b := newFakeBrowser(t)
			b.kv[StorageKey] = newer
			for round := range 3 {
				tab := b.open(byte(round+1), nil, "#/signup/1")
				require.Equal(t, StorageStatus{Mode: "memory", Reason: ReasonNewer}, tab.m.Storage)
				require.Equal(t, []string{"notice.storage.newer"}, tab.noticeKeys())
				tab.typeInto(fieldSUEmail, "student@example.com")
				require.Equal(t, "student@example.com", tab.m.UI.Fields[fieldSUEmail], "work goes on in memory")
				require.Equal(t, map[string]string{StorageKey: newer}, b.kv, "round %d: storage is left untouched", round)
				require.NotEmpty(t, tab.memory[StorageKey], "saves go to memory")
				tab.closed = true
			}
			tab := b.open(9, map[string]string{"lang": "en"}, "#/simulator")
			require.True(t, ui.ContainsText(View(tab.m), "comes from a newer version of labsim"))
		})
	}
}

func TestDeferredFirstSaveIsTheSameDocumentAfterThePaint(t *testing.T) {
	for name, q := range map[string]map[string]string{
		"landing":      nil,
		"demo":         {"world": "demo", "lang": "en"},
		"lab and lang": {"world": "signed-up", "lab": "root-mfa", "lang": "ko"},
	} {
		t.Run(name, func(t *testing.T) {
			init := Init{Now: t0, Seed: [32]byte{7}, Query: q, BrowserLang: "en-US", Storage: StorageStatus{Mode: "local"}}
			now, nowFx := Update(Model{}, init)
			init.DeferSave = true
			later, laterFx := Update(Model{}, init)
			require.Empty(t, effectsOf[Save](laterFx), "Init with DeferSave encodes nothing")
			require.Len(t, laterFx, len(nowFx)-1, "every other effect of Init is kept")
			require.Equal(t, View(now), View(later), "the first page is the same")
			_, fx := Update(later, Persist{Now: t0})
			saves := effectsOf[Save](fx)
			require.Len(t, saves, 1, "Persist saves")
			require.Equal(t, effectsOf[Save](nowFx), saves, "the same document at the same revision")
			_, fx = Update(send(later, Persist{Now: t0}), Persist{Now: t0})
			require.Empty(t, effectsOf[Save](fx), "a second Persist with nothing changed saves nothing")
		})
	}
}
