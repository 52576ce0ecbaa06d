//go:build js && wasm

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
)

// js evaluates JavaScript source in Node and returns its value; the tests
// build fakes of the browser objects the binding uses.
func js(t *testing.T, src string) safejs.Value {
	t.Helper()
	fn, err := safejs.Global().Get("Function")
	require.NoError(t, err)
	f, err := fn.New(src)
	require.NoError(t, err)
	v, err := f.Invoke()
	require.NoError(t, err)
	return v
}

var t0 = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

func TestStorageWorksWhenLocalStorageWorks(t *testing.T) {
	g := js(t, `const m = new Map(); return { Reflect, localStorage: {
		getItem: k => m.has(k) ? m.get(k) : null, setItem: (k, v) => m.set(k, String(v)), removeItem: k => m.delete(k) } };`)
	st, status := openStorage(g)
	require.Equal(t, console.StorageStatus{Mode: "local"}, status)
	require.NoError(t, st.Set("k", "v"))
	v, ok, err := st.Get("k")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "v", v)
}

func TestStorageFallsBackToMemoryInASandboxedFrame(t *testing.T) {
	// A sandboxed frame throws SecurityError on the first access.
	g := js(t, `const g = { Reflect }; Object.defineProperty(g, 'localStorage', { get() {
		const e = new Error("Failed to read the 'localStorage' property from 'Window': The document is sandboxed"); e.name = 'SecurityError'; throw e; } }); return g;`)
	st, status := openStorage(g)
	require.Equal(t, console.StorageStatus{Mode: "memory", Reason: "unavailable"}, status)
	require.NoError(t, st.Set("k", "v"))
	v, _, _ := st.Get("k")
	require.Equal(t, "v", v)
}

func TestStorageFallsBackToMemoryWhenFull(t *testing.T) {
	g := js(t, `return { Reflect, localStorage: { getItem: () => null, removeItem() {}, setItem() {
		const e = new Error("Failed to execute 'setItem' on 'Storage': Setting the value of 'x' exceeded the quota."); e.name = 'QuotaExceededError'; throw e; } } };`)
	_, status := openStorage(g)
	require.Equal(t, console.StorageStatus{Mode: "memory", Reason: "full"}, status)
}

func TestDecodeClickFindsTheControlAndSkipsDisabledOnes(t *testing.T) {
	ev := js(t, `const el = { disabled: false, getAttribute: n => ({'data-action': 'menu', 'data-arg': 'services'})[n] ?? null };
		return { target: { closest: s => s === '[data-action]' ? el : null } };`)
	m, ok := decodeClick(ev, t0)
	require.True(t, ok)
	require.Equal(t, console.Click{Now: t0, Action: "menu", Arg: "services"}, m)

	disabled := js(t, `const el = { disabled: true, getAttribute: n => n === 'data-action' ? 'x' : null };
		return { target: { closest: () => el } };`)
	_, ok = decodeClick(disabled, t0)
	require.False(t, ok)
	outside := js(t, `return { target: { closest: () => null } };`)
	m, ok = decodeClick(outside, t0)
	require.True(t, ok)
	require.Equal(t, console.Click{Now: t0, Action: "outside"}, m, "a click outside the menus closes them")
	insideMenu := js(t, `return { target: { closest: s => s === '.menu' ? {} : null } };`)
	_, ok = decodeClick(insideMenu, t0)
	require.False(t, ok, "a click inside an open menu's panel keeps it open")
}

func TestDecodeInputSkipsCompositionAndReadsCheckboxes(t *testing.T) {
	ev := js(t, `return { isComposing: false, target: { name: 'services.filter', type: 'search', value: 'S3' } };`)
	m, ok := decodeInput(ev, t0)
	require.True(t, ok)
	require.Equal(t, console.Input{Now: t0, Field: "services.filter", Value: "S3"}, m)
	_, ok = decodeInput(js(t, `return { isComposing: true, target: { name: 'f', value: 'ㅅ' } };`), t0)
	require.False(t, ok, "composition updates wait for compositionend")
	m, ok = decodeCompositionEnd(js(t, `return { target: { name: 'f', value: '서비스' } };`), t0)
	require.True(t, ok)
	require.Equal(t, "서비스", m.(console.Input).Value)
	m, _ = decodeInput(js(t, `return { target: { name: 'agree', type: 'checkbox', checked: true } };`), t0)
	require.Equal(t, "true", m.(console.Input).Value)
	_, ok = decodeInput(js(t, `return { target: { name: 'plan', type: 'radio', checked: false, value: 'x' } };`), t0)
	require.False(t, ok, "an unchecked radio reports nothing")
}

func TestDecodeSubmitCollectsNamedFields(t *testing.T) {
	ev := js(t, `const els = [{name: 'email', type: 'email', value: 'a@b.co'}, {name: '', value: 'x'},
		{name: 'agree', type: 'checkbox', checked: false}, {name: 'plan', type: 'radio', checked: true, value: 'basic'}];
		return { target: { elements: els, getAttribute: n => n === 'data-form' ? 'signup.step1' : null } };`)
	m, ok := decodeSubmit(ev, t0)
	require.True(t, ok)
	require.Equal(t, console.Submit{Now: t0, Form: "signup.step1", Values: map[string]string{"email": "a@b.co", "agree": "false", "plan": "basic"}}, m)
}

func TestDecodeKeyOnlyEscape(t *testing.T) {
	_, ok := decodeKey(js(t, `return { key: 'a' };`), t0)
	require.False(t, ok)
	m, ok := decodeKey(js(t, `return { key: 'Escape' };`), t0)
	require.True(t, ok)
	require.Equal(t, "Escape", m.(console.Key).Key)
}

// TestDecodeKeyServicesNavigation: Alt+S anywhere (by the key's position),
// the arrows on the Services menu's controls, Enter only in its field; an
// arrow elsewhere is the browser's.
func TestDecodeKeyServicesNavigation(t *testing.T) {
	target := func(id, nav string) string {
		return `target: { getAttribute: n => n === 'id' ? '` + id + `' : (n === 'data-nav' ? ` + nav + ` : null) }, preventDefault() {}`
	}
	m, ok := decodeKey(js(t, `return { key: 'ß', code: 'KeyS', altKey: true, preventDefault() {} };`), t0)
	require.True(t, ok)
	require.Equal(t, console.Key{Now: t0, Key: "Alt+S"}, m)
	m, ok = decodeKey(js(t, `return { key: 'ArrowDown', `+target("services-filter", "'services'")+` };`), t0)
	require.True(t, ok)
	require.Equal(t, console.Key{Now: t0, Key: "ArrowDown", Target: "services-filter"}, m)
	m, ok = decodeKey(js(t, `return { key: 'Enter', `+target("services-filter", "'services'")+` };`), t0)
	require.True(t, ok)
	require.Equal(t, "Enter", m.(console.Key).Key)
	m, ok = decodeKey(js(t, `return { key: 'Enter', `+target("search-input", "'services'")+` };`), t0)
	require.True(t, ok, "Enter in the unified search opens its highlighted result")
	require.Equal(t, console.Key{Now: t0, Key: "Enter", Target: "search-input"}, m)
	_, ok = decodeKey(js(t, `return { key: 'Enter', `+target("svc-iam", "'services'")+` };`), t0)
	require.False(t, ok, "Enter on a link follows it natively")
	_, ok = decodeKey(js(t, `return { key: 'ArrowDown', `+target("x", "null")+` };`), t0)
	require.False(t, ok)
}

// fakePage records what the loop asks of the page.
type fakePage struct {
	html       []string
	title      string
	urls       []string
	focused    []string
	copyFails  bool
	downloadOK bool
	downloads  []string
}

func (p *fakePage) Patch(html string) error          { p.html = append(p.html, html); return nil }
func (p *fakePage) SetTitle(title string)            { p.title = title }
func (p *fakePage) SetURL(q, h string, push bool)    { p.urls = append(p.urls, q+h) }
func (p *fakePage) Focus(id string)                  { p.focused = append(p.focused, id) }
func (p *fakePage) Select(id string, start, end int) { p.focused = append(p.focused, id) }
func (p *fakePage) Download(n, m, d string) error {
	if !p.downloadOK {
		return errTest
	}
	p.downloads = append(p.downloads, n)
	return nil
}
func (p *fakePage) AfterPaint(fn func()) { fn() }
func (p *fakePage) LoadCatalog(done func(catalog.Actions, error)) {
	done(nil, errTest)
}
func (p *fakePage) Copy(text string, failed func()) {
	if p.copyFails {
		failed()
	}
}

var errTest = &testError{}

type testError struct{}

func (*testError) Error() string { return "refused" }

func newTestApp() (*app, *fakePage, *memoryStore, *[]console.Msg) {
	pg := &fakePage{}
	st := &memoryStore{m: map[string]string{}}
	var posted []console.Msg
	a := newApp(st, pg, func() time.Time { return t0 }, func(m console.Msg) { posted = append(posted, m) })
	return a, pg, st, &posted
}

func bootDemo(a *app) {
	a.dispatch(console.Init{Now: t0, Query: map[string]string{"world": "demo", "lang": "en"}, Storage: console.StorageStatus{Mode: "local"}})
}

func TestLoopRendersSavesAndSkipsUnchangedOutput(t *testing.T) {
	a, pg, st, _ := newTestApp()
	bootDemo(a)
	require.Len(t, pg.html, 1)
	require.Contains(t, pg.html[0], "Console Home")
	require.Equal(t, "Console Home | labsim", pg.title)
	saved, ok, _ := st.Get(console.StorageKey)
	require.True(t, ok)
	require.Contains(t, saved, `"revision":1`)
	a.dispatch(console.Tick{Now: t0})
	require.Len(t, pg.html, 1, "identical output is not patched again")
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "us-west-2"})
	saved, _, _ = st.Get(console.StorageKey)
	require.Contains(t, saved, `"region":"us-west-2"`)
}

func TestLoopKeepsTheLastGoodStateWhenUpdateOrViewPanics(t *testing.T) {
	a, pg, st, _ := newTestApp()
	bootDemo(a)
	good := a.model
	savedBefore, _, _ := st.Get(console.StorageKey)
	real := a.updateFn
	a.updateFn = func(m console.Model, msg console.Msg) (console.Model, []console.Effect) {
		if _, ok := msg.(console.Click); ok {
			panic("boom in update")
		}
		return real(m, msg)
	}
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "us-west-2"})
	require.Equal(t, good.UI.Region, a.model.UI.Region, "the last good state stays")
	require.Contains(t, pg.html[len(pg.html)-1], "Copy diagnostics")
	require.Contains(t, a.model.Notices[len(a.model.Notices)-1].Diagnostics, "boom in update")
	savedAfter, _, _ := st.Get(console.StorageKey)
	require.Equal(t, strings.Contains(savedBefore, "us-west-2"), strings.Contains(savedAfter, "us-west-2"))

	realView := a.viewFn
	a.updateFn = real
	a.viewFn = func(m console.Model) (string, string) {
		if m.UI.Region == "eu-west-1" {
			panic("boom in view")
		}
		return realView(m)
	}
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "eu-west-1"})
	require.NotEqual(t, "eu-west-1", a.model.UI.Region)
	require.Contains(t, a.model.Notices[len(a.model.Notices)-1].Diagnostics, "boom in view")
}

func TestSaveMergesANewerSaveFromAnotherTabInsteadOfOverwritingIt(t *testing.T) {
	a, _, st, _ := newTestApp()
	bootDemo(a)
	newer := strings.Replace(mustGet(t, st), `"revision":1`, `"revision":9`, 1)
	require.NoError(t, st.Set(console.StorageKey, newer))
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "us-west-2"})
	got := mustGet(t, st)
	s, err := console.Decode(got)
	require.NoError(t, err)
	require.Greater(t, s.Revision, 9, "written after the newer save, not over it blindly")
	require.NotEmpty(t, s.Base, "naming the document it was written over")
	require.Contains(t, got, "us-west-2")
	require.Equal(t, 1, a.model.Merges())
}

func mustGet(t *testing.T, st store) string {
	v, ok, err := st.Get(console.StorageKey)
	require.NoError(t, err)
	require.True(t, ok)
	return v
}

func TestFailedCopyAndDownloadAreReported(t *testing.T) {
	a, pg, _, posted := newTestApp()
	bootDemo(a)
	pg.copyFails = true
	a.run([]console.Effect{console.Copy{Text: "diag"}, console.Download{Filename: "x.json", Data: "{}"}})
	require.Len(t, *posted, 2)
	require.Equal(t, "copy", (*posted)[0].(console.EffectFailed).Effect)
	require.Equal(t, "download", (*posted)[1].(console.EffectFailed).Effect)
	require.Equal(t, "{}", (*posted)[1].(console.EffectFailed).Text)
}

func TestQueueNeverBlocks(t *testing.T) {
	q := newQueue()
	for i := 0; i < 1000; i++ {
		q.push(console.Tick{Now: t0})
	}
	require.Len(t, q.drain(), 1000)
	require.Empty(t, q.drain())
}

func TestNextIsDispatchedAfterPaint(t *testing.T) {
	a, _, _, posted := newTestApp()
	bootDemo(a)
	a.run([]console.Effect{console.Next{Msg: console.Tick{Now: t0}}})
	require.Equal(t, []console.Msg{console.Tick{Now: t0}}, *posted)
}

func TestLoadCatalogParsesInflatedTextAndRawDeflate(t *testing.T) {
	raw := actiondata.Raw()
	text, err := catalog.DecompressActions(raw)
	require.NoError(t, err)
	for name, tc := range map[string]struct {
		data     []byte
		inflated bool
	}{"inflated by the browser": {text, true}, "inflated by Go": {raw, false}} {
		t.Run(name, func(t *testing.T) {
			arr, err := safejs.Global().Get("Uint8Array")
			require.NoError(t, err)
			bytes, err := arr.New(len(tc.data))
			require.NoError(t, err)
			_, err = safejs.CopyBytesToJS(bytes, tc.data)
			require.NoError(t, err)
			g := js(t, `return {};`)
			result := js(t, `return {};`)
			require.NoError(t, result.Set("bytes", bytes))
			require.NoError(t, result.Set("inflated", tc.inflated))
			require.NoError(t, safejs.Global().Set("__labsimTestResult", result))
			loader := js(t, `return function() { return Promise.resolve(globalThis.__labsimTestResult); };`)
			require.NoError(t, g.Set("labsimLoadCatalog", loader))
			got := make(chan error, 1)
			var acts catalog.Actions
			loadCatalog(g, func(a catalog.Actions, err error) { acts = a; got <- err })
			require.NoError(t, <-got)
			a, ok := acts.Action("iam", "listusers")
			require.True(t, ok)
			require.Equal(t, "ListUsers", a.Name)
		})
	}
}

func TestLoadCatalogReportsFetchFailure(t *testing.T) {
	g := js(t, `return { labsimLoadCatalog: () => Promise.reject(new Error('iam-actions.dat: HTTP 404')) };`)
	got := make(chan error, 1)
	loadCatalog(g, func(a catalog.Actions, err error) { got <- err })
	err := <-got
	require.ErrorContains(t, err, "HTTP 404")
}

func TestStorageListsAndRemovesKeysKeptAside(t *testing.T) {
	g := js(t, `const m = new Map([['labsim:state', 'main'], ['labsim:state:unreadable:1', 'x'], ['other', 'y'],
		['labsim@scorm-1:state', 'pkg'], ['labsim@scorm-1:state:unreadable:2', 'zz']]);
		return { Reflect, localStorage: {
		get length() { return m.size; }, key: i => [...m.keys()][i] ?? null,
		getItem: k => m.has(k) ? m.get(k) : null, setItem: (k, v) => m.set(k, String(v)), removeItem: k => m.delete(k) } };`)
	st, status := openStorage(g)
	require.Equal(t, "local", status.Mode)
	require.Equal(t, []console.Aside{{Key: "labsim:state:unreadable:1", Size: 1}}, asides(st, console.StorageKey))
	require.Equal(t, []console.Aside{{Key: "labsim@scorm-1:state:unreadable:2", Size: 2}}, asides(st, console.StorageKeyFor("scorm-1")),
		"each deployment lists only its own work kept aside")
	require.NoError(t, st.Remove("labsim:state:unreadable:1"))
	require.Empty(t, asides(st, console.StorageKey))
}

// Issue 8: several builds on one origin keep their work under their own
// keys, named by the page's data-deployment attribute.
func TestDeploymentsSaveUnderTheirOwnKeys(t *testing.T) {
	doc := func(attr string) safejs.Value {
		return js(t, `const a = `+attr+`; return { documentElement: { getAttribute: n => n === 'data-deployment' ? a : null } };`)
	}
	require.Equal(t, "scorm-lab1", deployment(doc(`"scorm-lab1"`)))
	require.Equal(t, "site", deployment(doc(`null`)))
	require.Equal(t, "site", deployment(doc(`"../../evil"`)), "an invalid id is the site's")

	a, _, st, _ := newTestApp()
	st.m[console.StorageKey] = "the site's work, unreadable here"
	a.key = console.StorageKeyFor("scorm-lab1")
	a.dispatch(console.Init{Now: t0, Deployment: "scorm-lab1", Saved: "{broken", Query: map[string]string{"lang": "en"}, Storage: console.StorageStatus{Mode: "local"}})
	a.dispatch(console.Click{Now: t0, Action: "region", Arg: "eu-west-1"})
	require.Equal(t, "the site's work, unreadable here", st.m[console.StorageKey], "another deployment's work is never touched")
	require.Contains(t, st.m["labsim@scorm-lab1:state"], "eu-west-1")
	keys, _ := st.Keys("labsim@scorm-lab1:state:")
	require.Len(t, keys, 1)
	require.True(t, strings.HasPrefix(keys[0], "labsim@scorm-lab1:state:unreadable:"))
}

func TestLoadAsideAndRemoveKeyEffects(t *testing.T) {
	a, _, st, posted := newTestApp()
	bootDemo(a)
	require.NoError(t, st.Set("labsim:state:before-world:5", "doc"))
	a.run([]console.Effect{console.LoadAside{Key: "labsim:state:before-world:5"}, console.LoadAside{Key: "labsim:state:none"}})
	require.Equal(t, console.AsideLoaded{Now: t0, Key: "labsim:state:before-world:5", Data: "doc"}, (*posted)[0])
	require.Equal(t, "not found", (*posted)[1].(console.AsideLoaded).Err)
	a.run([]console.Effect{console.RemoveKey{Key: "labsim:state:before-world:5"}})
	_, ok, _ := st.Get("labsim:state:before-world:5")
	require.False(t, ok)
}

// Defect 1 of issue 8, through the loop: a damaged save under the key is
// replaced by the next save, without a conflict and without a second copy
// aside.
func TestDamagedSaveIsReplacedByTheNextSave(t *testing.T) {
	bad := `{"schema":1,"revision":99999999999,"world":{"acc`
	a, _, st, posted := newTestApp()
	st.m[console.StorageKey] = bad
	a.dispatch(console.Init{Now: t0, Saved: bad, Hash: "#/signup/1", Query: map[string]string{"lang": "en"}, Storage: console.StorageStatus{Mode: "local"}})
	a.dispatch(console.Input{Now: t0, Field: "signup.email", Value: "student@example.com"})
	for _, m := range *posted {
		_, conflict := m.(console.StorageChanged)
		require.False(t, conflict, "no other tab saved")
	}
	saved, _, _ := st.Get(console.StorageKey)
	require.Contains(t, saved, "student@example.com")
	keys, _ := st.Keys(console.StorageKey + ":")
	require.Len(t, keys, 1)
}

// Defect 5 of issue 8: storage whose getItem throws, or whose setItem
// silently does nothing, loses every save on reload; the start-up
// self-check finds both and the student is told.
func TestStorageSelfCheckFindsStorageThatLosesWork(t *testing.T) {
	for name, src := range map[string]string{
		"getItem throws": `const m = new Map(); return { Reflect, localStorage: {
			getItem() { throw new Error('getItem is broken'); }, setItem: (k, v) => m.set(k, String(v)), removeItem: k => m.delete(k) } };`,
		"setItem does nothing": `return { Reflect, localStorage: { getItem: () => null, setItem() {}, removeItem() {} } };`,
		"removeItem does nothing": `const m = new Map(); return { Reflect, localStorage: {
			getItem: k => m.has(k) ? m.get(k) : null, setItem: (k, v) => m.set(k, String(v)), removeItem() {} } };`,
		"text is mangled": `const m = new Map(); return { Reflect, localStorage: {
			getItem: k => m.has(k) ? m.get(k).replace(/[^\x00-\x7f]/g, '?') : null, setItem: (k, v) => m.set(k, String(v)), removeItem: k => m.delete(k) } };`,
	} {
		t.Run(name, func(t *testing.T) {
			st, status := openStorage(js(t, src))
			require.Equal(t, console.StorageStatus{Mode: "memory", Reason: console.ReasonUnreliable}, status)
			_, isMemory := st.(*memoryStore)
			require.True(t, isMemory, "saves go to memory")
			// The console tells the student at start-up.
			a, _, _, _ := newTestApp()
			a.dispatch(console.Init{Now: t0, Query: map[string]string{"lang": "en"}, Storage: status})
			require.Contains(t, a.lastHTML, "will not survive a reload")
		})
	}
}

// Issue 8, defect 2 through the loop: a tab whose save finds another
// tab's newer save merges it at once and writes both changes.
func TestTwoTabsSharingStorageMergeTheirChanges(t *testing.T) {
	st := &memoryStore{m: map[string]string{}}
	var postedA, postedB []console.Msg
	a := newApp(st, &fakePage{}, func() time.Time { return t0 }, func(m console.Msg) { postedA = append(postedA, m) })
	b := newApp(st, &fakePage{}, func() time.Time { return t0 }, func(m console.Msg) { postedB = append(postedB, m) })
	bootDemo(a)
	saved, _, _ := st.Get(console.StorageKey)
	b.dispatch(console.Init{Now: t0, Seed: [32]byte{9}, Saved: saved, Query: map[string]string{"lang": "en"}, Storage: console.StorageStatus{Mode: "local"}})
	add := func(name string) console.Msg {
		return console.Submit{Now: t0, Form: "auth.key", Values: map[string]string{"auth.account": name, "auth.key": "JBSWY3DPEHPK3PXP"}}
	}
	a.dispatch(add("from-a"))
	b.dispatch(add("from-b")) // B has not seen A's save yet
	cur, _, _ := st.Get(console.StorageKey)
	a.dispatch(console.StorageChanged{Now: t0, Data: cur}) // the storage event
	for _, app := range []*app{a, b} {
		var names []string
		for _, e := range app.model.World.Devices.Authenticator {
			names = append(names, e.Account)
		}
		require.ElementsMatch(t, []string{"from-a", "from-b"}, names)
	}
	require.Equal(t, 1, b.model.Merges(), "tab B's save was refused and merged")
	final, _, _ := st.Get(console.StorageKey)
	require.Contains(t, final, "from-a")
	require.Contains(t, final, "from-b")
}

// A tab's own typing goes to its sessionStorage, which a reload reads.
func TestTabStateGoesToSessionStorage(t *testing.T) {
	g := js(t, `const m = new Map(); return { Reflect, sessionStorage: {
		getItem: k => m.has(k) ? m.get(k) : null, setItem: (k, v) => m.set(k, String(v)), removeItem: k => m.delete(k) } };`)
	tab := openTabStore(g)
	_, isMemory := tab.(*memoryStore)
	require.False(t, isMemory)
	a, _, _, _ := newTestApp()
	a.tab = tab
	a.dispatch(console.Init{Now: t0, Hash: "#/signup/1", Query: map[string]string{"lang": "en"}, Storage: console.StorageStatus{Mode: "local"}})
	a.dispatch(console.Input{Now: t0, Field: "signup.email", Value: "mine@example.com"})
	v, ok, err := tab.Get(tabKey(console.StorageKey))
	require.NoError(t, err)
	require.True(t, ok)
	require.Contains(t, v, "mine@example.com")

	_, none := openTabStore(js(t, `return { Reflect };`)).(*memoryStore)
	require.True(t, none, "no sessionStorage: memory")
}
