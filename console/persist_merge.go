package console

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strconv"

	"labsim/sim"
)

// Two tabs of one browser share the saved document. Each save is written
// only over the document it was based on (Save.Fits) and names that
// document (Saved.Base); a tab that finds or is told of a document it did
// not write merges it with its own state from their common version: the
// world and the typed fields by a three-way merge (mergeJSON), the
// session by the later sign-in. Merging results instead of replaying
// operations means that nothing random is drawn again: an MFA secret, an
// ID or a captcha is merged as it was made. A merge whose result breaks
// the world's rules, or in which both tabs changed one value differently,
// keeps this tab's version and sets the other tab's document aside, with a
// notice.

// maxHistory bounds the documents a tab remembers to merge from.
const maxHistory = 8

// historyDoc is a document a tab wrote or read, with its hash.
type historyDoc struct {
	Hash string
	Data string
}

// hashDoc names a saved document: FNV-1a (64 bits) of its text, in hex.
func hashDoc(data string) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(data))
	return strconv.FormatUint(h.Sum64(), 16)
}

// withBase adds the name of the document it is written over to an encoded
// document (Saved.Base is its last field).
func withBase(enc, base string) string {
	if base == "" || len(enc) < 2 || enc[len(enc)-1] != '}' {
		return enc
	}
	return enc[:len(enc)-1] + `,"base":"` + hashDoc(base) + `"}`
}

// remember adds a document to the history.
func (p *persistState) remember(data string) {
	h := hashDoc(data)
	for _, d := range p.history {
		if d.Hash == h {
			return
		}
	}
	hist := append(p.history[max(0, len(p.history)-maxHistory+1):len(p.history):len(p.history)], historyDoc{Hash: h, Data: data})
	p.history = hist
}

// seen reports whether a document is in the history.
func (p persistState) seen(data string) bool {
	_, ok := p.find(hashDoc(data))
	return ok
}

// find returns a remembered document by hash.
func (p persistState) find(hash string) (string, bool) {
	if hash == "" {
		return "", false
	}
	for _, d := range p.history {
		if d.Hash == hash {
			return d.Data, true
		}
	}
	return "", false
}

// Merges counts the merges of documents that another tab wrote at the
// same time as this one (this tab's save was refused, or both tabs wrote
// over one version) since this tab started, for tests and diagnostics.
func (m Model) Merges() int { return m.persist.merges }

// storageChanged handles a document another tab saved (the storage
// event), or the one found when this tab's own save was refused
// (Conflict).
func (m Model) storageChanged(msg StorageChanged) (Model, []Effect) {
	if m.Storage.Reason == ReasonNewer {
		return m, nil
	}
	data := msg.Data
	if !msg.Conflict && (data == m.persist.stored || m.persist.seen(data)) {
		// A storage event of a document this tab has already merged
		// (when its own save was refused) or written.
		return m, nil
	}
	if data == "" {
		// The key was emptied (storage cleared): save again.
		m.persist.stored, m.lastSaved = "", ""
		return m, nil
	}
	s, err := Decode(data)
	if err != nil {
		m.persist.stored = data
		if schemaOf(data) > Schema {
			return m.readOnly()
		}
		m.lastSaved = ""
		m.notify("warning", "notice.corrupt.later")
		return m, []Effect{m.setAside("unreadable", data)}
	}
	var base *Saved
	if doc, ok := m.persist.find(s.Base); ok {
		if b, err := Decode(doc); err == nil {
			base = &b
		}
	}
	// Two tabs wrote at the same time when this tab's save was refused, or
	// when the other document was not written over the one this tab last
	// stored (both wrote over a common version).
	expected := ""
	if m.persist.stored != "" {
		expected = hashDoc(m.persist.stored)
	}
	concurrent := msg.Conflict || s.Base != expected
	clean := !concurrent && m.cleanSince(m.persist.stored)
	m.persist.stored = data
	m.persist.remember(data)
	if clean && s.World.Validate() == nil {
		return m.fastForward(s), nil
	}
	return m.mergeIn(s, data, base, concurrent, msg.Conflict)
}

// parts are the shared parts of a document, decoded for merging.
type parts struct{ world, fields any }

func partsOf(world sim.World, fields map[string]string) (parts, error) {
	var p parts
	w, err := json.Marshal(world)
	if err == nil {
		p.world, err = decodeAny(w)
	}
	if err != nil {
		return p, fmt.Errorf("merge: world: %w", err)
	}
	if fields == nil {
		fields = map[string]string{}
	}
	f, _ := json.Marshal(fields)
	p.fields, _ = decodeAny(f)
	return p, nil
}

// mergeIn merges another tab's document into this tab's state.
// refused means this tab's own save was refused: what it has must be
// written, even when only its own page or language changed.
func (m Model) mergeIn(s Saved, data string, base *Saved, concurrent, refused bool) (Model, []Effect) {
	mine, err1 := partsOf(m.World, m.UI.Fields)
	theirs, err2 := partsOf(s.World, s.UI.Fields)
	if err1 != nil || err2 != nil {
		return m.keepMine(data)
	}
	var b parts
	if base != nil {
		var err error
		if b, err = partsOf(base.World, base.UI.Fields); err != nil {
			base = nil
		}
	}
	world := mergeJSON(b.world, mine.world, theirs.world)
	fields := mergeJSON(b.fields, mine.fields, theirs.fields)
	var merged sim.World
	raw, err := json.Marshal(world.Value)
	if err == nil {
		err = json.Unmarshal(raw, &merged)
	}
	if err == nil {
		err = merged.Validate()
	}
	var newFields map[string]string
	if raw, ferr := json.Marshal(fields.Value); ferr == nil {
		_ = json.Unmarshal(raw, &newFields)
	}
	session := m.browserSession()
	baseSession := sim.Session{}
	if base != nil {
		baseSession = base.Session
	}
	switch {
	case base == nil:
		// No common version: the higher revision's session.
		if s.Revision > m.Revision {
			session = s.Session
		}
	case session == baseSession:
		session = s.Session
	case s.Session == baseSession:
	case s.Session.SignedInAt.After(session.SignedInAt):
		// Both changed: the later sign-in is the browser's session, as
		// at AWS, where a sign-in in one tab signs in every tab.
		session = s.Session
	}
	if session.SignedIn() {
		if _, ok := merged.Accounts[session.AccountID]; !ok {
			session = sim.Session{}
		}
	}
	if err != nil || len(world.Conflicts) > 0 {
		return m.keepMine(data)
	}
	before, _ := m.Encode(m.Revision)
	m.World, m.UI.Fields = merged, m.withOwnFields(newFields)
	m = m.setBrowserSession(session)
	m.persist.merged = true
	if len(newFields) == 0 {
		m.UI.Fields = nil
	}
	m.Revision = max(m.Revision, s.Revision)
	if !m.Session.SignedIn() && !isPublic(m.route().Page) {
		m.UI.Route = "#/"
	}
	after, _ := m.Encode(m.Revision)
	if concurrent {
		m.persist.merges++
	}
	if world.Both || fields.Both {
		m.notify("info", "notice.merged")
	} else if before != after {
		m.notify("info", "notice.othertab")
	}
	// This tab's language, region and page are its own: they are written
	// with its next change, not answered to every save of another tab.
	theirsOnly := !refused && jsonEqual(world.Value, theirs.world) && jsonEqual(fields.Value, theirs.fields) && m.browserSession() == s.Session
	if theirsOnly {
		// Nothing of this tab's is missing from the stored document:
		// saving it again would make two tabs answer each other's saves.
		m.lastSaved = after
	} else {
		m.lastSaved = ""
	}
	return m, nil
}

// keepMine keeps this tab's state when another tab's document cannot be
// merged with it: the other document is kept aside, this tab's work is
// saved in its place, and the student is told.
func (m Model) keepMine(data string) (Model, []Effect) {
	m.persist.merges++
	m.lastSaved = ""
	m.notify("warning", "notice.conflict.kept")
	return m, []Effect{m.setAside("conflict", data)}
}

// cleanSince reports whether the shared parts of this tab's state are
// those of the stored document: nothing changed here since it was written
// or read.
func (m Model) cleanSince(stored string) bool {
	if m.lastSaved == "" || stored == "" {
		return false
	}
	enc, err := m.Encode(m.Revision)
	if err != nil || enc != m.lastSaved {
		return false
	}
	// stored is lastSaved, or lastSaved with its base added at the end.
	n := len(m.lastSaved) - 1
	return stored == m.lastSaved || len(stored) > n && stored[:n] == m.lastSaved[:n] && stored[n] == ','
}

// fastForward takes another tab's document written over the one this tab
// has, unchanged: what a merge would give, without merging.
func (m Model) fastForward(s Saved) Model {
	before, _ := m.Encode(m.Revision)
	m.World = s.World
	m = m.setBrowserSession(s.Session)
	if m.World.Accounts == nil {
		m.World.Accounts = map[string]sim.Account{}
	}
	if m.World.Events == nil {
		m.World.Events = []sim.Event{}
	}
	m.UI.Fields = m.withOwnFields(s.UI.Fields)
	if len(m.UI.Fields) == 0 {
		m.UI.Fields = nil
	}
	m.persist.merged = true
	m.Revision = max(m.Revision, s.Revision)
	if !m.Session.SignedIn() && !isPublic(m.route().Page) {
		m.UI.Route = "#/"
	}
	after, _ := m.Encode(m.Revision)
	if before != after {
		m.notify("info", "notice.othertab")
	}
	m.lastSaved = after
	return m
}
