// Package console is the simulator's user interface as model–update–view:
// Model is a value, messages are small named types, Update is the only
// place state changes, and View renders a ui.Node tree. Nothing here touches
// the browser; the wasm package turns DOM events into messages and applies
// the view and the effects.
package console

import (
	"math/rand/v2"
	"time"

	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/catalog"
)

// Model is the whole state of the console. Maps in it are never shared
// between an old and a new model: Update copies before it changes one.
type Model struct {
	World   sim.World
	Session sim.Session
	UI      UIState
	// Rng is the model's random generator, seeded from crypto/rand when the
	// model is first created and saved with it, so that a run can be
	// replayed exactly.
	Rng rand.ChaCha8
	// Revision is the revision of the last saved or loaded document.
	Revision int

	// Transient state: never saved.
	Now     time.Time
	Menu    string // the open top-bar menu: "services", "region", "account", "simulator", or ""
	Filter  string // the Services menu search text
	Notices []Notice
	Storage StorageStatus
	// Secrets holds what the student typed into password and card fields.
	// It is never saved, exported, logged or put in diagnostics.
	Secrets map[string]string
	// Confirm names an action waiting for confirmation, e.g. "reset".
	Confirm string
	// ImportError is the message for the last failed import.
	ImportError string
	// Aside lists the documents kept aside in browser storage.
	Aside []Aside
	// Actions is the IAM action catalog once loaded (nil until then: policy
	// validation then gives every finding that needs no catalog).
	Actions catalog.Actions
	// CatalogState is "", "loading", "loaded" or "failed".
	CatalogState string
	// PasswordCost is the password hash's iteration count (from Init).
	PasswordCost int
	// --- sign-up, sign-in and virtual devices (signup area) ---
	// Auth is the transient state of the sign-up, sign-in and password
	// pages: the problems shown next to fields and slow work in progress.
	Auth authState
	// Drawer is the virtual devices drawer's transient state.
	Drawer drawerState

	// --- MFA (mfa area) ---
	// MFA is the transient state of the MFA wizard, the credentials page,
	// the MFA sign-in page and the authenticator app (see mfaState).
	MFA mfaState

	// lastSaved is the encoded saved part at the last save, to skip saves
	// that would not change anything.
	lastSaved string
	// persist is what the tab knows of browser storage (persist_state.go).
	persist persistState
}

// UIState is the part of the interface state that is saved so that a
// reload resumes where the student was.
type UIState struct {
	Lang      i18n.Lang `json:"lang"`
	Region    string    `json:"region"`
	Route     string    `json:"route"`
	GuideOpen bool      `json:"guideOpen,omitempty"`
	// Fields holds what the student typed into ordinary form fields, by
	// field name, so that nothing typed is lost on reload.
	Fields map[string]string `json:"fields,omitempty"`
}

// StorageStatus says where saves go.
type StorageStatus struct {
	// Mode is "local" (browser storage) or "memory".
	Mode string
	// Reason explains memory mode: "unavailable" or "full".
	Reason string
}

// Notice is a banner (Cloudscape "flashbar" item).
type Notice struct {
	ID   int
	Kind string // "info", "success", "warning", "error"
	Key  string // catalog key
	Args []string
	// Diagnostics, when set, offers a Copy diagnostics button.
	Diagnostics string
	// At is when the notice was raised; info and success notices raised by
	// an earlier message go away when the page changes.
	At time.Time
}

// Catalog returns the catalog of the model's language.
func (m Model) Catalog() i18n.Catalog { return i18n.For(m.UI.Lang) }

// env returns the environment operations run in.
func (m *Model) env() sim.Env {
	return sim.Env{Now: m.Now, Rand: rand.New(&m.Rng), Entropy: &m.Rng, PasswordCost: m.PasswordCost}
}

// field returns the value of a form field, from the transient secrets for
// passwords, card numbers and one-time codes.
func (m Model) field(name string) string {
	if isSecretField(name) {
		return m.Secrets[name]
	}
	return m.UI.Fields[name]
}

// notify adds a banner; identical banners are not repeated.
func (m *Model) notify(kind, key string, args ...string) { m.notifyWith(kind, key, "", args...) }

// notifyWith adds a banner carrying diagnostics or fallback text. A banner
// of the same kind and key is replaced, so that it always shows the latest
// text; the notices slice is copied, never changed in place.
func (m *Model) notifyWith(kind, key, diagnostics string, args ...string) {
	notices := make([]Notice, 0, len(m.Notices)+1)
	id := 1
	for _, n := range m.Notices {
		id = max(id, n.ID+1)
		if n.Key == key && n.Kind == kind {
			continue
		}
		notices = append(notices, n)
	}
	m.Notices = append(notices, Notice{ID: id, Kind: kind, Key: key, Args: args, Diagnostics: diagnostics, At: m.Now})
}

// dropStaleNotices removes info and success notices raised before the
// current message; warnings and errors stay until dismissed.
func (m *Model) dropStaleNotices() {
	var keep []Notice
	for _, n := range m.Notices {
		if n.Kind == "warning" || n.Kind == "error" || n.At.Equal(m.Now) {
			keep = append(keep, n)
		}
	}
	m.Notices = keep
}
