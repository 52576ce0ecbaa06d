package console

import (
	"encoding/json"
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
func (m Model) loadSaved(data, deployment string) (Model, []Effect) {
	if deployment != "" {
		m.persist.key = StorageKeyFor(deployment)
	}
	if data == "" {
		return m, nil
	}
	s, err := Decode(data)
	if err == nil {
		err = m.apply(s)
	}
	if err == nil {
		m.lastSaved, m.persist.stored = data, data
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

// storageChanged handles a document another tab saved (the storage
// event), or the one found when this tab's own save was refused
// (Conflict).
func (m Model) storageChanged(msg StorageChanged) (Model, []Effect) {
	if m.Storage.Reason == ReasonNewer {
		return m, nil
	}
	data := msg.Data
	if data == m.persist.stored && !msg.Conflict {
		return m, nil
	}
	m.persist.stored = data
	if data == "" {
		// The key was emptied (storage cleared): save again.
		m.lastSaved = ""
		return m, nil
	}
	s, err := Decode(data)
	if err != nil {
		if schemaOf(data) > Schema {
			return m.readOnly()
		}
		m.lastSaved = ""
		m.notify("warning", "notice.corrupt.later")
		return m, []Effect{m.setAside("unreadable", data)}
	}
	if s.Revision < m.Revision {
		// An older document: this tab's newer work is written over it.
		m.lastSaved = ""
		return m, nil
	}
	ui := m.UI
	if err := m.apply(s); err != nil {
		m.lastSaved = ""
		return m, nil
	}
	// Keep this tab's page and unsent form fields; take the other tab's
	// world and session.
	m.UI.Route, m.UI.Fields = ui.Route, ui.Fields
	if !m.Session.SignedIn() && !isPublic(m.route().Page) {
		m.UI.Route = "#/"
	}
	// The adopted state counts as saved: saving it again would make two
	// tabs answer each other's saves for ever.
	m.lastSaved, _ = m.Encode(m.Revision)
	if msg.Conflict {
		m.notify("warning", "notice.conflict")
	} else {
		m.notify("info", "notice.othertab")
	}
	return m, nil
}
