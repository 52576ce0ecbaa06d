package console

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

var debugTabs = os.Getenv("DEBUG_TABS") != ""

// fakeBrowser is browser storage shared by the tabs of one browser, with
// the loop of the wasm binding reduced to what persistence needs: effects
// are carried out the way wasm/app.go carries them out, and a write is
// delivered to the other tabs as a storage event.
type fakeBrowser struct {
	t    *testing.T
	kv   map[string]string
	tabs []*fakeTab
}

// fakeTab is one tab: its model, its queue of messages not yet handled,
// and memory storage once the console asked for it.
type fakeTab struct {
	b      *fakeBrowser
	m      Model
	queue  []Msg
	memory map[string]string
	// closed tabs get no more storage events.
	closed bool
	// session is the tab's sessionStorage (its own state).
	session map[string]string
	// stale makes the next save skip its check: the tab read the key
	// before another tab wrote it (the race between reading and writing).
	stale bool
}

func newFakeBrowser(t *testing.T) *fakeBrowser {
	return &fakeBrowser{t: t, kv: map[string]string{}}
}

// open boots a tab the way wasm/main.go does.
func (b *fakeBrowser) open(seed byte, query map[string]string, hash string) *fakeTab {
	return b.openWith(seed, query, hash, map[string]string{})
}

// openWith boots a tab with its sessionStorage (kept by a reload).
func (b *fakeBrowser) openWith(seed byte, query map[string]string, hash string, session map[string]string) *fakeTab {
	tab := &fakeTab{b: b, session: session}
	b.tabs = append(b.tabs, tab)
	saved := b.kv[StorageKey]
	var aside []Aside
	for _, k := range slices.Sorted(maps.Keys(b.kv)) {
		if strings.HasPrefix(k, StorageKey+":") {
			aside = append(aside, Aside{Key: k, Size: len(b.kv[k])})
		}
	}
	if query == nil {
		query = map[string]string{"lang": "en"}
	}
	m, fx := Update(Model{}, Init{Now: t0, Seed: [32]byte{seed}, Query: query, Hash: hash, Saved: saved,
		BrowserLang: "en-US", Storage: StorageStatus{Mode: "local"}, Aside: aside, PasswordCost: 1000,
		Tab: session["tab"]})
	tab.m = m
	tab.run(fx)
	tab.pump()
	return tab
}

// reload closes the tab and opens it again on the same address.
func (tab *fakeTab) reload(seed byte) *fakeTab {
	tab.closed = true
	return tab.b.openWith(seed, nil, tab.m.UI.Route, tab.session)
}

// send handles a message and everything it leads to.
func (tab *fakeTab) send(msg Msg) {
	tab.queue = append(tab.queue, msg)
	tab.pump()
}

// sendFirst handles a message before the storage events already queued:
// the tab acts at the same moment as the tab that sent them.
func (tab *fakeTab) sendFirst(msg Msg) {
	queued := tab.queue
	tab.queue = nil
	var fx []Effect
	tab.m, fx = Update(tab.m, msg)
	tab.run(fx)
	tab.queue = append(queued, tab.queue...)
}

// settle handles every tab's queued messages until none is left; two tabs
// that kept answering each other's saves would fail the test.
func (b *fakeBrowser) settle() {
	for range 100 {
		busy := false
		for _, tab := range b.tabs {
			if !tab.closed && len(tab.queue) > 0 {
				busy = true
				tab.pump()
			}
		}
		if !busy {
			return
		}
	}
	b.t.Fatal("the tabs keep answering each other's saves")
}

// pump handles the queued messages.
func (tab *fakeTab) pump() {
	for len(tab.queue) > 0 {
		msg := tab.queue[0]
		tab.queue = tab.queue[1:]
		var fx []Effect
		if debugTabs {
			if sc, ok := msg.(StorageChanged); ok {
				s, _ := Decode(sc.Data)
				fmt.Printf("tab %p rev %d conflict %v base %s stored %s theirs %v mine %v\n", tab, s.Revision, sc.Conflict, s.Base, hashDoc(tab.m.persist.stored), authenticatorAccounts(s.World), authenticatorAccounts(tab.m.World))
			}
		}
		tab.m, fx = Update(tab.m, msg)
		if debugTabs {
			fmt.Printf("   -> %v saves %d\n", authenticatorAccounts(tab.m.World), len(effectsOf[Save](fx)))
		}
		tab.run(fx)
	}
}

func (tab *fakeTab) store() map[string]string {
	if tab.memory != nil {
		return tab.memory
	}
	return tab.b.kv
}

// write sets a key and tells the other tabs.
func (tab *fakeTab) write(key, value string) {
	st := tab.store()
	st[key] = value
	if tab.memory != nil || key != StorageKey {
		return
	}
	for _, other := range tab.b.tabs {
		if other != tab && !other.closed && other.memory == nil {
			other.queue = append(other.queue, StorageChanged{Now: t0, Data: value})
		}
	}
}

// run carries out effects as wasm/app.go does.
func (tab *fakeTab) run(fx []Effect) {
	for _, e := range fx {
		switch e := e.(type) {
		case Save:
			cur, ok := tab.store()[StorageKey]
			if tab.stale {
				tab.stale = false
			} else if !e.Fits(cur, ok) {
				// Handled at once, as wasm/app.go does.
				var more []Effect
				tab.m, more = Update(tab.m, StorageChanged{Now: t0, Data: cur, Conflict: true})
				tab.run(more)
				continue
			}
			tab.write(StorageKey, e.Data)
		case SetAside:
			tab.store()[e.Key] = e.Data
		case RemoveKey:
			delete(tab.store(), e.Key)
		case SaveTab:
			tab.session["tab"] = e.Data
		case UseMemory:
			tab.memory = map[string]string{}
		case LoadAside:
			data, ok := tab.store()[e.Key]
			msg := AsideLoaded{Now: t0, Key: e.Key, Data: data}
			if !ok {
				msg.Err = "not found"
			}
			tab.queue = append(tab.queue, msg)
		}
	}
}

// asideKeys lists the keys kept aside in the browser's storage.
func (b *fakeBrowser) asideKeys() []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(b.kv)) {
		if strings.HasPrefix(k, StorageKey+":") {
			out = append(out, k)
		}
	}
	return out
}

// noticeKeys lists the catalog keys of the tab's banners.
func (tab *fakeTab) noticeKeys() []string {
	var out []string
	for _, n := range tab.m.Notices {
		out = append(out, n.Key)
	}
	return out
}

func (tab *fakeTab) typeInto(field, value string) {
	tab.send(Input{Now: t0, Field: field, Value: value})
}
