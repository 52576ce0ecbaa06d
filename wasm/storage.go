//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hack-pad/safejs"

	"labsim/console"
)

// store is where the saved document lives: browser storage, or memory when
// the browser refuses it.
type store interface {
	Get(key string) (string, bool, error)
	Set(key, value string) error
	Remove(key string) error
	// Keys returns the keys that start with prefix.
	Keys(prefix string) ([]string, error)
}

// errQuota reports that browser storage is full.
var errQuota = errors.New("storage quota exceeded")

// localStore is window.localStorage.
type localStore struct{ ls safejs.Value }

// Get implements store.
func (s localStore) Get(key string) (string, bool, error) {
	v, err := s.ls.Call("getItem", key)
	if err != nil {
		return "", false, fmt.Errorf("localStorage.getItem: %w", err)
	}
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	str, err := v.String()
	return str, err == nil, err
}

// Set implements store; a full storage gives errQuota.
func (s localStore) Set(key, value string) error {
	if _, err := s.ls.Call("setItem", key, value); err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "quota") {
			return fmt.Errorf("localStorage.setItem: %w", errQuota)
		}
		return fmt.Errorf("localStorage.setItem: %w", err)
	}
	return nil
}

// Remove implements store.
func (s localStore) Remove(key string) error {
	if _, err := s.ls.Call("removeItem", key); err != nil {
		return fmt.Errorf("localStorage.removeItem: %w", err)
	}
	return nil
}

// Keys implements store.
func (s localStore) Keys(prefix string) ([]string, error) {
	n := propInt(s.ls, "length")
	var out []string
	for i := 0; i < n; i++ {
		k, err := s.ls.Call("key", i)
		if err != nil {
			return out, fmt.Errorf("localStorage.key: %w", err)
		}
		if k.Type() != safejs.TypeString {
			continue
		}
		if key, _ := k.String(); strings.HasPrefix(key, prefix) {
			out = append(out, key)
		}
	}
	return out, nil
}

// memoryStore keeps the document for the life of the page.
type memoryStore struct{ m map[string]string }

// Get implements store.
func (s *memoryStore) Get(key string) (string, bool, error) {
	v, ok := s.m[key]
	return v, ok, nil
}

// Set implements store.
func (s *memoryStore) Set(key, value string) error {
	s.m[key] = value
	return nil
}

// Remove implements store.
func (s *memoryStore) Remove(key string) error {
	delete(s.m, key)
	return nil
}

// Keys implements store.
func (s *memoryStore) Keys(prefix string) ([]string, error) {
	var out []string
	for k := range s.m {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out, nil
}

// asides lists the documents kept aside under a storage key, for the
// Simulator page.
func asides(st store, key string) []console.Aside {
	keys, _ := st.Keys(key + ":")
	sort.Strings(keys)
	var out []console.Aside
	for _, k := range keys {
		if v, ok, err := st.Get(k); err == nil && ok {
			out = append(out, console.Aside{Key: k, Size: len(v)})
		}
	}
	return out
}

// deployment reads the build's deployment id from the page
// (<html data-deployment="…">, filled in by the Makefile); the site's when
// it is absent or invalid.
func deployment(doc safejs.Value) string {
	el, err := doc.Get("documentElement")
	if err != nil {
		return console.DefaultDeployment
	}
	if id := attr(el, "data-deployment"); console.ValidDeployment(id) {
		return id
	}
	return console.DefaultDeployment
}

// selfCheckKey and selfCheckValue are written, read back and removed at
// start-up; the value has characters outside ASCII so that a storage that
// mangles text fails too.
const (
	selfCheckKey   = "labsim:probe"
	selfCheckValue = "labsim self-check 저장 ✓"
)

// openStorage returns browser storage when it passes a self-check (write,
// read back, remove, read back), else memory with the reason the student
// is told: sandboxed frames throw SecurityError on the first access to
// localStorage ("unavailable"), a full storage refuses the write ("full"),
// and a storage whose getItem throws or whose setItem silently does nothing
// would lose every save on reload ("unreliable").
func openStorage(global safejs.Value) (store, console.StorageStatus) {
	memory := func(reason string) (store, console.StorageStatus) {
		return &memoryStore{m: map[string]string{}}, console.StorageStatus{Mode: "memory", Reason: reason}
	}
	ls, err := guardedGet(global, global, "localStorage")
	if err != nil || ls.IsUndefined() || ls.IsNull() {
		return memory(console.ReasonUnavailable)
	}
	s := localStore{ls: ls}
	if err := s.Set(selfCheckKey, selfCheckValue); err != nil {
		if errors.Is(err, errQuota) {
			return memory(console.ReasonFull)
		}
		return memory(console.ReasonUnavailable)
	}
	v, ok, err := s.Get(selfCheckKey)
	if err != nil || !ok || v != selfCheckValue {
		_ = s.Remove(selfCheckKey)
		return memory(console.ReasonUnreliable)
	}
	if err := s.Remove(selfCheckKey); err != nil {
		return memory(console.ReasonUnreliable)
	}
	if _, ok, err := s.Get(selfCheckKey); err != nil || ok {
		return memory(console.ReasonUnreliable)
	}
	return s, console.StorageStatus{Mode: "local"}
}

// openTabStore returns the tab's own storage (sessionStorage: kept by a
// reload, not shared with other tabs), or memory when the page may not use
// it.
func openTabStore(global safejs.Value) store {
	ss, err := guardedGet(global, global, "sessionStorage")
	if err != nil || ss.IsUndefined() || ss.IsNull() {
		return &memoryStore{m: map[string]string{}}
	}
	s := localStore{ls: ss}
	if err := s.Set(selfCheckKey, selfCheckValue); err != nil {
		return &memoryStore{m: map[string]string{}}
	}
	v, ok, err := s.Get(selfCheckKey)
	_ = s.Remove(selfCheckKey)
	if err != nil || !ok || v != selfCheckValue {
		return &memoryStore{m: map[string]string{}}
	}
	return s
}

// tabKey is where a tab keeps its own state in its sessionStorage.
func tabKey(key string) string { return key + ":tab" }
