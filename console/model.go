// Package console is the simulator's user interface as model–update–view:
// Model is a value, messages are small named types, Update is the only
// place state changes, and View renders a ui.Node tree. Nothing here touches
// the browser; the wasm package turns DOM events into messages and applies
// the view and the effects.
package console

import (
	"time"

	"labsim/console/core"
	"labsim/sim"
)

// Model is the whole state of the console: the part the areas share
// (core.Model) and what only the shell keeps (saves and documents kept
// aside). Maps in it are never shared between an old and a new model:
// Update copies before it changes one.
type Model struct {
	core.Model
	// Revision is the revision of the last saved or loaded document.
	Revision int
	// Aside lists the documents kept aside in browser storage.
	Aside []Aside

	// lastSaved is the encoded saved part at the last save, to skip saves
	// that would not change anything.
	lastSaved string
	// persist is what the tab knows of browser storage (persist_state.go).
	persist persistState
}

// The shell's names for what the areas share.
type (
	// UIState is core.UIState.
	UIState = core.UIState
	// StorageStatus is core.StorageStatus.
	StorageStatus = core.StorageStatus
	// Notice is core.Notice.
	Notice = core.Notice
	// Route is core.Route.
	Route = core.Route
	// Msg is core.Msg.
	Msg = core.Msg
	// Effect is core.Effect.
	Effect = core.Effect
	// Navigate is core.Navigate.
	Navigate = core.Navigate
	// Click is core.Click.
	Click = core.Click
	// Input is core.Input.
	Input = core.Input
	// Submit is core.Submit.
	Submit = core.Submit
	// Key is core.Key.
	Key = core.Key
	// Tick is core.Tick.
	Tick = core.Tick
	// Persist is core.Persist.
	Persist = core.Persist
	// StorageChanged is core.StorageChanged.
	StorageChanged = core.StorageChanged
	// StorageFailed is core.StorageFailed.
	StorageFailed = core.StorageFailed
	// EffectFailed is core.EffectFailed.
	EffectFailed = core.EffectFailed
	// ImportFile is core.ImportFile.
	ImportFile = core.ImportFile
	// CatalogLoaded is core.CatalogLoaded.
	CatalogLoaded = core.CatalogLoaded
	// InstructorLabs is core.InstructorLabs.
	InstructorLabs = core.InstructorLabs
	// LabFile is core.LabFile.
	LabFile = core.LabFile
	// AsideLoaded is core.AsideLoaded.
	AsideLoaded = core.AsideLoaded
	// Crashed is core.Crashed.
	Crashed = core.Crashed
	// Save is core.Save.
	Save = core.Save
	// SetAside is core.SetAside.
	SetAside = core.SetAside
	// Download is core.Download.
	Download = core.Download
	// Copy is core.Copy.
	Copy = core.Copy
	// SetURL is core.SetURL.
	SetURL = core.SetURL
	// Focus is core.Focus.
	Focus = core.Focus
	// SetSelection is core.SetSelection.
	SetSelection = core.SetSelection
	// LoadCatalog is core.LoadCatalog.
	LoadCatalog = core.LoadCatalog
	// LoadAside is core.LoadAside.
	LoadAside = core.LoadAside
	// RemoveKey is core.RemoveKey.
	RemoveKey = core.RemoveKey
	// Next is core.Next.
	Next = core.Next
)

// ParseRoute parses a fragment such as "#/iam/users" (core.ParseRoute).
func ParseRoute(hash string) Route { return core.ParseRoute(hash) }

// Init starts the console: what the browser knows at start-up.
type Init struct {
	Now  time.Time
	Seed [32]byte
	// Query holds the URL's query parameters (lang, world, lab, scorm, private).
	Query map[string]string
	// Hash is the URL fragment, e.g. "#/iam".
	Hash string
	// Saved is the saved document, "" when there is none.
	Saved string
	// BrowserLang is navigator.language.
	BrowserLang string
	// Storage is where saves go: "local" or "memory" (with Reason).
	Storage StorageStatus
	// Aside lists the documents kept aside in browser storage.
	Aside []Aside
	// Tab is the tab's own state (sessionStorage), "" when none.
	Tab string
	// CompletionKey is the build's completion-code key (index.html's
	// data-completion-key), "" when the build has none.
	CompletionKey string
	// Deployment is the build's deployment id (index.html's
	// data-deployment): it names the storage key (StorageKeyFor).
	Deployment string
	// InstructorLabs is true when the build carries instructor's labs
	// (index.html's data-labs): an InstructorLabs message follows, and a
	// ?lab= link to one of them waits for it.
	InstructorLabs bool
	// PasswordCost is the password hash's iteration count; 0 means
	// account.DefaultIterations. Tests pass a low count.
	PasswordCost int
	// DeferSave leaves the first save to a later Persist message instead
	// of encoding the world in the Init update; the browser sends Persist
	// after the first paint.
	DeferSave bool
}

// IsMsg marks Init as a message.
func (Init) IsMsg() {}

// env returns the environment operations run in.
func (m *Model) env() sim.Env { return m.Model.Env() }

// field returns the value of a form field (core.Model.Field).
func (m Model) field(name string) string { return m.Model.Field(name) }

// notify adds a banner (core.Model.Notify).
func (m *Model) notify(kind, key string, args ...string) { m.Model.Notify(kind, key, args...) }

// notifyWith adds a banner with diagnostics (core.Model.NotifyWith).
func (m *Model) notifyWith(kind, key, diagnostics string, args ...string) {
	m.Model.NotifyWith(kind, key, diagnostics, args...)
}

// route returns the model's current route.
func (m Model) route() Route { return m.Model.Route() }

// isSecretField reports whether a field lives only in m.Secrets.
func isSecretField(name string) bool { return core.IsSecretField(name) }

// publicPages are the shell's pages a signed-out visitor may see; areas
// add their own (see isPublic).
var publicPages = map[string]bool{"home": true, "simulator": true}

// globalPages are the pages of global services, where the region selector
// shows "Global".
var globalPages = map[string]bool{"iam": true, "security-credentials": true, "policysim": true, "s3": true}

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
