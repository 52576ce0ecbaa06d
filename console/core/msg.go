package core

import (
	"time"

	"labsim/sim/catalog"
)

// Msg is a message to Update. IsMsg marks the message types.
type Msg interface{ IsMsg() }

// Navigate reports a change of the URL fragment (link, back, forward).
type Navigate struct {
	Now  time.Time
	Hash string
}

// Click reports activation of a control with data-action.
type Click struct {
	Now    time.Time
	Action string
	Arg    string
}

// Input reports a new value of a form field.
type Input struct {
	Now   time.Time
	Field string
	Value string
}

// Submit reports a submitted form with all its field values.
type Submit struct {
	Now    time.Time
	Form   string
	Values map[string]string
}

// Key reports a key press that the console handles globally (Escape).
type Key struct {
	Now time.Time
	Key string
	// Target is the id of the focused element for keys that act on it
	// (the arrows and Enter in the Services menu); "" for global keys.
	Target string
}

// Tick is the clock: sent every second while something on screen depends
// on time.
type Tick struct{ Now time.Time }

// Persist asks for a save of the current state. The browser sends it once
// after the first paint when Init had DeferSave, so that the world's first
// JSON encoding (cold reflection, tens of milliseconds) is not on the
// start-up path.
type Persist struct{ Now time.Time }

// StorageChanged reports that another tab saved a document. Conflict
// means this tab's own save was refused because the other tab saved the
// same or a newer revision first: its last change is replaced.
type StorageChanged struct {
	Now      time.Time
	Data     string
	Conflict bool
}

// StorageFailed reports that saving failed and saves now go to memory.
type StorageFailed struct {
	Now    time.Time
	Reason string // "unavailable" or "full"
}

// EffectFailed reports that an effect such as a copy or a download could
// not be carried out.
type EffectFailed struct {
	Now    time.Time
	Effect string // "copy", "download"
	Text   string // what was to be copied or downloaded, for the fallback
}

// ImportFile carries a file the student chose to import.
type ImportFile struct {
	Now  time.Time
	Name string
	Size int
	Text string
}

// CatalogLoaded delivers the IAM action catalog that LoadCatalog asked
// for, or the reason it could not be loaded.
type CatalogLoaded struct {
	Now     time.Time
	Actions catalog.Actions
	Err     string
}

// AsideLoaded delivers a document kept aside that LoadAside asked for.
type AsideLoaded struct {
	Now  time.Time
	Key  string
	Data string
	Err  string
}

// Crashed reports that an update or view panicked and was recovered; the
// model stays at the last good state.
type Crashed struct {
	Now    time.Time
	Report string
}

// IsMsg marks the message types.
func (Navigate) IsMsg()       {}
func (Click) IsMsg()          {}
func (Input) IsMsg()          {}
func (Submit) IsMsg()         {}
func (Key) IsMsg()            {}
func (Tick) IsMsg()           {}
func (Persist) IsMsg()        {}
func (StorageChanged) IsMsg() {}
func (StorageFailed) IsMsg()  {}
func (EffectFailed) IsMsg()   {}
func (ImportFile) IsMsg()     {}
func (Crashed) IsMsg()        {}
func (CatalogLoaded) IsMsg()  {}
func (AsideLoaded) IsMsg()    {}

// Effect is something Update asks the browser to do after rendering.
type Effect interface{ IsEffect() }

// Save writes the saved document. Revision is the document's revision, so
// the browser side can refuse to overwrite a newer save from another tab.
type Save struct {
	Data     string
	Revision int
	// Base is the exact document this tab last read from or wrote under
	// the storage key ("" when none): the browser writes Data only while
	// the key still holds Base (see Save.Fits).
	Base string
}

// SetAside keeps an unreadable saved document under another key.
type SetAside struct {
	Key  string
	Data string
}

// Download offers a file to the student.
type Download struct {
	Filename string
	MIME     string
	Data     string
}

// Copy puts text on the clipboard.
type Copy struct{ Text string }

// SetURL rewrites the address bar without reloading: the query (lang) and
// fragment. Push adds a history entry; otherwise the current one is
// replaced.
type SetURL struct {
	Query string
	Hash  string
	Push  bool
}

// Focus moves keyboard focus to the element with the id.
type Focus struct{ ID string }

// LoadCatalog asks the browser to fetch the IAM action catalog
// (iam-actions.dat). It is asked for only when a policy first needs it, so
// it is never part of the first visit's download or of start-up.
type LoadCatalog struct{}

// LoadAside asks the browser for a document kept aside (AsideLoaded).
type LoadAside struct{ Key string }

// RemoveKey deletes a document kept aside from browser storage.
type RemoveKey struct{ Key string }

// Next dispatches Msg after the browser has painted the current view. Slow
// work (a password hash) uses it so that the page first shows that it is
// busy ("Signing in…") and never looks frozen.
type Next struct{ Msg Msg }

// IsEffect marks the effect types.
func (Save) IsEffect()        {}
func (SetAside) IsEffect()    {}
func (Download) IsEffect()    {}
func (Copy) IsEffect()        {}
func (SetURL) IsEffect()      {}
func (Focus) IsEffect()       {}
func (Next) IsEffect()        {}
func (LoadCatalog) IsEffect() {}
func (LoadAside) IsEffect()   {}
func (RemoveKey) IsEffect()   {}

// Fits reports whether s may be written over cur, what the storage key
// holds now (present false when the key is empty): only when the key still
// holds the document s was based on, or s itself. Otherwise another tab
// (or a damaged save) got there first, and the tab must look at cur before
// writing (StorageChanged with Conflict).
func (s Save) Fits(cur string, present bool) bool {
	if !present {
		return true
	}
	return cur == s.Base || cur == s.Data
}
