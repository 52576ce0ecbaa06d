package console

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"labsim/console/i18n"
	"labsim/sim"
)

// Schema is the version of the saved document this build writes.
const Schema = 1

// StorageKey is where the saved document lives in browser storage.
const StorageKey = "labsim:state"

// maxRevision bounds a document's revision so that counting on from it
// can never overflow.
const maxRevision = 1 << 40

// MaxImportBytes bounds an imported file.
const MaxImportBytes = 2 << 20

// Saved is the saved part of the model, as one versioned JSON document:
// {"schema": N, "revision": R, "world": …, "session": …, "ui": …, "rng": …}.
// Revision comes right after schema so that the browser side can read it
// without decoding the rest.
type Saved struct {
	Schema   int         `json:"schema"`
	Revision int         `json:"revision"`
	World    sim.World   `json:"world"`
	Session  sim.Session `json:"session"`
	UI       UIState     `json:"ui"`
	// Rng is the generator's state (base64 of its binary form).
	Rng string `json:"rng"`
	// Base names the document this one was written over (hashDoc), so
	// that another tab can merge from their common version; exports and
	// first saves have none.
	Base string `json:"base,omitempty"`
}

// ErrUnknownSchema reports a document from a newer or unknown schema.
var ErrUnknownSchema = errors.New("unknown schema version")

// migrations upgrade a decoded document from schema N to N+1, keyed by N.
// Schema 1 is the first; the table gains an entry with every change.
var migrations = map[int]func(map[string]json.RawMessage) (map[string]json.RawMessage, error){}

// saved extracts the saved part of the model.
func (m Model) saved() Saved {
	rng, _ := m.Rng.MarshalBinary()
	return Saved{
		Schema:   Schema,
		Revision: m.Revision,
		World:    m.World,
		Session:  m.browserSession(),
		UI:       m.UI,
		Rng:      base64.StdEncoding.EncodeToString(rng),
	}
}

// Encode renders the saved part of the model as JSON with the given
// revision.
func (m Model) Encode(revision int) (string, error) {
	s := m.saved()
	s.Revision = revision
	data, err := json.Marshal(s)
	if err != nil {
		return "", fmt.Errorf("encode saved state: %w", err)
	}
	return string(data), nil
}

// Decode parses a saved document, upgrading older schemas. It rejects
// unknown schemas and documents whose content does not make sense.
func Decode(data string) (Saved, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(data), &raw); err != nil {
		return Saved{}, fmt.Errorf("decode saved state: %w", err)
	}
	var schema int
	if err := json.Unmarshal(raw["schema"], &schema); err != nil {
		return Saved{}, fmt.Errorf("decode saved state: schema: %w", err)
	}
	if schema < 1 || schema > Schema {
		return Saved{}, fmt.Errorf("decode saved state: schema %d: %w", schema, ErrUnknownSchema)
	}
	for v := schema; v < Schema; v++ {
		up, ok := migrations[v]
		if !ok {
			return Saved{}, fmt.Errorf("decode saved state: no migration from schema %d", v)
		}
		var err error
		if raw, err = up(raw); err != nil {
			return Saved{}, fmt.Errorf("decode saved state: migrate from schema %d: %w", v, err)
		}
	}
	upgraded, err := json.Marshal(raw)
	if err != nil {
		return Saved{}, fmt.Errorf("decode saved state: %w", err)
	}
	var s Saved
	dec := json.NewDecoder(bytes.NewReader(upgraded))
	if err := dec.Decode(&s); err != nil {
		return Saved{}, fmt.Errorf("decode saved state: %w", err)
	}
	s.Schema = Schema
	if err := s.check(); err != nil {
		return Saved{}, fmt.Errorf("decode saved state: %w", err)
	}
	return s, nil
}

// check rejects documents that decode but cannot be right.
func (s Saved) check() error {
	if s.Revision < 0 || s.Revision > maxRevision {
		return fmt.Errorf("revision %d out of range", s.Revision)
	}
	for id, a := range s.World.Accounts {
		if len(id) != 12 || a.ID != id {
			return fmt.Errorf("account %q: bad account ID", id)
		}
		for _, r := range id {
			if r < '0' || r > '9' {
				return fmt.Errorf("account %q: bad account ID", id)
			}
		}
	}
	for id, a := range s.World.Accounts {
		for _, d := range a.RootMFA {
			if err := d.Validate(); err != nil {
				return fmt.Errorf("account %s: MFA device: %w", id, err)
			}
		}
	}
	if s.Session.SignedIn() {
		if _, ok := s.World.Accounts[s.Session.AccountID]; !ok {
			return fmt.Errorf("session for unknown account %q", s.Session.AccountID)
		}
	}
	if s.UI.Lang != "" && s.UI.Lang != i18n.KO && s.UI.Lang != i18n.EN {
		return fmt.Errorf("unknown language %q", s.UI.Lang)
	}
	if err := checkLab(s.UI.Lab); err != nil {
		return err
	}
	if _, err := base64.StdEncoding.DecodeString(s.Rng); err != nil {
		return fmt.Errorf("generator state: %w", err)
	}
	return nil
}

// apply puts a decoded document into the model.
func (m *Model) apply(s Saved) error {
	var rng rand.ChaCha8
	raw, err := base64.StdEncoding.DecodeString(s.Rng)
	if err == nil {
		err = rng.UnmarshalBinary(raw)
	}
	if err != nil {
		return fmt.Errorf("restore generator: %w", err)
	}
	if s.World.Accounts == nil {
		s.World.Accounts = map[string]sim.Account{}
	}
	if s.World.Events == nil {
		s.World.Events = []sim.Event{}
	}
	m.World, m.Session, m.UI, m.Rng, m.Revision = s.World, s.Session, s.UI, rng, s.Revision
	return nil
}

// RevisionOf reads the revision of a saved document cheaply; -1 when it
// cannot be read.
func RevisionOf(data string) int {
	const prefix = `{"schema":`
	if len(data) < len(prefix) || data[:len(prefix)] != prefix {
		return -1
	}
	i := bytes.Index([]byte(data), []byte(`"revision":`))
	if i < 0 {
		return -1
	}
	j := i + len(`"revision":`)
	k := j
	for k < len(data) && data[k] >= '0' && data[k] <= '9' {
		k++
	}
	n, err := strconv.Atoi(data[j:k])
	if err != nil {
		return -1
	}
	return n
}

// withSave appends a Save effect when the saved part changed since the
// last save.
func (m Model) withSave(effects []Effect) (Model, []Effect) {
	m, effects = m.trimAside(effects)
	m, effects = m.trackTab(effects)
	enc, err := m.Encode(m.Revision)
	if err != nil || enc == m.lastSaved {
		return m, effects
	}
	// The revision sits in the document's fixed prefix, so the new revision
	// is written there instead of encoding the whole world a second time.
	old := revisionPrefix(m.Revision)
	m.Revision++
	if strings.HasPrefix(enc, old) {
		enc = revisionPrefix(m.Revision) + enc[len(old):]
	} else if enc, err = m.Encode(m.Revision); err != nil {
		return m, effects
	}
	// The next update compares its encoding at this revision with this one.
	m.lastSaved = enc
	base := m.persist.stored
	data := withBase(enc, base)
	m.persist.stored = data
	m.persist.remember(data)
	return m, append(effects, Save{Data: data, Revision: m.Revision, Base: base})
}

// revisionPrefix is how every saved document begins (Saved's field order).
func revisionPrefix(rev int) string {
	return `{"schema":` + strconv.Itoa(Schema) + `,"revision":` + strconv.Itoa(rev) + `,`
}
