//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hack-pad/safejs"

	"labsim/console"
)

// store is where the saved document lives: browser storage, or memory when
// the browser refuses it.
type store interface {
	Get(key string) (string, bool, error)
	Set(key, value string) error
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

// openStorage returns browser storage when it works, else memory with the
// reason. Sandboxed frames throw SecurityError on the first access to
// localStorage; a probe write finds storage that is full or disabled.
func openStorage(global safejs.Value) (store, console.StorageStatus) {
	memory := func(reason string) (store, console.StorageStatus) {
		return &memoryStore{m: map[string]string{}}, console.StorageStatus{Mode: "memory", Reason: reason}
	}
	ls, err := guardedGet(global, global, "localStorage")
	if err != nil || ls.IsUndefined() || ls.IsNull() {
		return memory("unavailable")
	}
	s := localStore{ls: ls}
	const probe = "labsim:probe"
	if err := s.Set(probe, "1"); err != nil {
		if errors.Is(err, errQuota) {
			return memory("full")
		}
		return memory("unavailable")
	}
	if _, err := ls.Call("removeItem", probe); err != nil {
		return memory("unavailable")
	}
	return s, console.StorageStatus{Mode: "local"}
}
