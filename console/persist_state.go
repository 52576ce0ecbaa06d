package console

import (
	"encoding/json"
	"labsim/sim"
	"math/rand/v2"
	"strings"
)

// Reasons for saving to memory (StorageStatus.Reason).
const (
	// ReasonUnavailable: the page may not use browser storage.
	ReasonUnavailable = "unavailable"
	// ReasonFull: browser storage is full.
	ReasonFull = "full"
	// ReasonUnreliable: browser storage accepts writes but does not give
	// them back (the start-up self-check failed).
	ReasonUnreliable = "unreliable"
	// ReasonNewer: the saved work comes from a newer version of labsim; it
	// is left untouched and this page works in memory (read-only storage).
	ReasonNewer = "newer"
)

// persistState is what a tab knows of browser storage.
type persistState struct {
	// stored is the exact document this tab last read from or wrote under
	// the storage key, "" when none: the base of the next Save.
	stored string
	// key is the storage key of the deployment (StorageKeyFor); "" is the
	// site's.
	key string
	// pending is a checked import waiting for confirmation.
	pending *pendingImport
	// history holds the documents this tab wrote or read last, by hash:
	// the common versions another tab's saves are merged from.
	history []historyDoc
	// merges counts merges of changes made in two tabs at once.
	merges int
	// own holds the fields typed in this tab, prevFields the fields after
	// the last update, merged whether that update was a merge, lastTab the
	// tab's state last written (persist_tab.go).
	own        map[string]string
	prevFields map[string]string
	merged     bool
	lastTab    string
	// private is set in a private window (persist_private.go): the tab's
	// session is its own, kept in the tab's storage; shared is then the
	// browser's session of the shared document, which this tab saves
	// unchanged.
	private bool
	shared  sim.Session
}

// UseMemory asks the browser side to save into memory from now on,
// leaving browser storage as it is.
type UseMemory struct{ Reason string }

// IsEffect marks UseMemory as an effect.
func (UseMemory) IsEffect() {}

// schemaOf reads a document's schema number; 0 when it has none.
func schemaOf(data string) int {
	var head struct {
		Schema json.Number `json:"schema"`
	}
	if err := json.Unmarshal([]byte(data), &head); err == nil {
		n, err := head.Schema.Int64()
		if err == nil && n > 0 && n < 1<<31 {
			return int(n)
		}
		return 0
	}
	// A truncated document: read the number after its first "schema".
	i := strings.Index(data, `"schema":`)
	if i < 0 {
		return 0
	}
	n := 0
	for _, c := range []byte(strings.TrimLeft(data[i+len(`"schema":`):], " ")) {
		if c < '0' || c > '9' || n > 1<<20 {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// loadSaved puts the saved document found at start-up into the model. A
// document this build cannot read is kept aside once and then replaced by
// the next save; a document from a newer version is left untouched and
// the page works in memory, saying so once.
func (m Model) loadSaved(msg Init) (Model, []Effect) {
	data := msg.Saved
	if msg.Deployment != "" {
		m.persist.key = StorageKeyFor(msg.Deployment)
	}
	if data == "" {
		return m.loadTab(msg.Tab), nil
	}
	s, err := Decode(data)
	if err == nil {
		err = m.apply(s)
	}
	if err == nil {
		m = m.loadTab(msg.Tab)
		m.lastSaved, m.persist.stored = data, data
		m.persist.remember(data)
		// Each tab draws its own random numbers from here on: two tabs
		// that loaded one document must not make the same IDs and secrets.
		var seed [32]byte
		_, _ = m.Rng.Read(seed[:])
		for i := range seed {
			seed[i] ^= msg.Seed[i]
		}
		m.Rng = *rand.NewChaCha8(seed)
		// A new generator alone is no reason to save.
		m.lastSaved, _ = m.Encode(m.Revision)
		return m, nil
	}
	if schemaOf(data) > Schema {
		return m.readOnly()
	}
	// The damaged document is kept aside and stays the base of the next
	// save, which replaces it: no other tab is involved.
	m.persist.stored = data
	m.notify("warning", "notice.corrupt")
	return m, []Effect{m.setAside("unreadable", data)}
}

// readOnly stops writing to browser storage, which holds a newer version's
// work.
func (m Model) readOnly() (Model, []Effect) {
	m.Storage = StorageStatus{Mode: "memory", Reason: ReasonNewer}
	m.notify("warning", "notice.storage."+ReasonNewer)
	return m, []Effect{UseMemory{Reason: ReasonNewer}}
}
