// Package core is what the console's areas share: the shared part of the
// model (world, session, UI state, notices, the areas' transient state),
// messages and effects, routes, the area contract and the form and view
// helpers. Areas (console/signup, console/mfa, …) import core and never
// each other; the console package composes them.
package core

import (
	"maps"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"

	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/catalog"
)

// Model is the part of the console's state that the areas see. Maps in it
// are never shared between an old and a new model: an update copies before
// it changes one.
type Model struct {
	World   sim.World
	Session sim.Session
	UI      UIState
	// Rng is the model's random generator, seeded from crypto/rand when the
	// model is first created and saved with it, so that a run can be
	// replayed exactly.
	Rng rand.ChaCha8

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
	// Actions is the IAM action catalog once loaded (nil until then: policy
	// validation then gives every finding that needs no catalog).
	Actions catalog.Actions
	// CatalogState is "", "loading", "loaded" or "failed".
	CatalogState string
	// PasswordCost is the password hash's iteration count (from Init).
	PasswordCost int
	// CompletionKey is the key of this build's completion codes (index.html's
	// data-completion-key, set by labsim pack --key); "" when the build
	// gives no codes.
	CompletionKey string
	// Auth is the transient state of the sign-up, sign-in and password
	// pages: the problems shown next to fields and slow work in progress.
	Auth AuthState
	// Drawer is the virtual devices drawer's transient state.
	Drawer DrawerState
	// MFA is the transient state of the MFA wizard, the credentials page,
	// the MFA sign-in page and the authenticator app (see MFAState).
	MFA MFAState
	// Lab is the lab guide's transient state.
	Lab LabState
	// Policy is the transient state of the policy pages and editor.
	Policy PolicyState
	// IAM is the transient state of the IAM pages (see IAMState).
	IAM IAMState
	// Shell moves between pages for the areas (the console's router).
	Shell Shell

	// Search is the top bar's unified search text and SearchAt the index
	// of its highlighted result (-1: none); Menu is "search" while its
	// results show.
	Search   string
	SearchAt int
}

// Shell is what the console does for its areas: moving to a page, which
// needs the area registry (public pages, route corrections).
type Shell interface {
	Navigate(m Model, hash string) (Model, []Effect)
}

// UIState is the part of the interface state that is saved so that a
// reload resumes where the student was.
type UIState struct {
	Lang      i18n.Lang `json:"lang"`
	Region    string    `json:"region"`
	Route     string    `json:"route"`
	GuideOpen bool      `json:"guideOpen,omitempty"`
	// Lab is the lab guide's attempt and panel width.
	Lab LabSaved `json:"lab,omitzero"`
	// Fields holds what the student typed into ordinary form fields, by
	// field name, so that nothing typed is lost on reload.
	Fields map[string]string `json:"fields,omitempty"`
	// Recent are the services the student opened, newest first, for
	// Console Home's Recently visited.
	Recent []string `json:"recent,omitempty"`
}

// StorageStatus says where saves go.
type StorageStatus struct {
	// Mode is "local" (browser storage) or "memory".
	Mode string
	// Reason explains memory mode: "unavailable" or "full".
	Reason string
	// LMS reports that the page runs as a SCORM SCO with its LMS found:
	// the LMS's suspend_data also holds the lab and its world (without
	// secrets), the only copy that outlives the page in memory mode.
	LMS bool
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

// Env returns the environment operations run in. While a lab attempt
// runs, the event log keeps every event since it began (its checks look at
// them all); otherwise only the newest sim.MaxEvents.
func (m *Model) Env() sim.Env {
	env := sim.Env{Now: m.Now, Rand: rand.New(&m.Rng), Entropy: &m.Rng, PasswordCost: m.PasswordCost}
	if a := m.UI.Lab.Attempt; a != nil && !a.Complete() {
		env.KeepEventsFrom = a.EventBase + 1
	}
	return env
}

// Route returns the model's current route.
func (m Model) Route() Route { return ParseRoute(m.UI.Route) }

// Field returns the value of a form field, from the transient secrets for
// passwords, card numbers and one-time codes.
func (m Model) Field(name string) string {
	if IsSecretField(name) {
		return m.Secrets[name]
	}
	return m.UI.Fields[name]
}

// SetFields returns the model with the ordinary fields set (never secrets).
func (m Model) SetFields(kv ...string) Model {
	f := maps.Clone(m.UI.Fields)
	if f == nil {
		f = map[string]string{}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		f[kv[i]] = kv[i+1]
	}
	m.UI.Fields = f
	return m
}

// Notify adds a banner; identical banners are not repeated.
func (m *Model) Notify(kind, key string, args ...string) { m.NotifyWith(kind, key, "", args...) }

// NotifyWith adds a banner carrying diagnostics or fallback text. A banner
// of the same kind and key is replaced, so that it always shows the latest
// text; the notices slice is copied, never changed in place.
func (m *Model) NotifyWith(kind, key, diagnostics string, args ...string) {
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

// Navigate moves to the page a fragment names (through the shell).
func (m Model) Navigate(hash string) (Model, []Effect) {
	if m.Shell == nil {
		m.UI.Route = ParseRoute(hash).Hash()
		return m, []Effect{Focus{ID: "page-title"}}
	}
	return m.Shell.Navigate(m, hash)
}

// URLEffect rewrites the address bar to the model's language and route.
func (m Model) URLEffect(push bool) SetURL {
	return SetURL{Query: "?lang=" + string(m.UI.Lang), Hash: m.Route().Hash(), Push: push}
}

// GoTo moves to a page with a new history entry when the page changes, so
// that the browser's back and forward buttons move between steps.
func (m Model) GoTo(hash string) (Model, []Effect) {
	before := m.Route().Hash()
	m, fx := m.Navigate(hash)
	out := fx[:0:0]
	for _, e := range fx {
		if _, ok := e.(SetURL); !ok {
			out = append(out, e)
		}
	}
	return m, append(out, SetURL{Query: "?lang=" + string(m.UI.Lang), Hash: m.Route().Hash(), Push: m.Route().Hash() != before})
}

// Go moves to a page with a history entry; focus goes to the new page's
// heading.
func (m Model) Go(hash string) (Model, []Effect) {
	m, fx := m.Navigate(hash)
	return m, append(fx, m.URLEffect(true))
}

// secretCodes are one-time codes the student types: like passwords they
// are never saved, exported or logged (the MFA wizard's two codes, the MFA
// sign-in's code and emailed code, the sign-up's phone verification code).
var secretCodes = map[string]bool{
	"mfa.code1": true, "mfa.code2": true,
	"signinmfa.code": true, "signinmfa.emailcode": true,
	"signup.verificationCode": true, "signin.iam.code": true,
}

// IsSecretField reports whether a field holds a password, a card number
// (or its CVV) or a one-time code, which live only in m.Secrets.
func IsSecretField(name string) bool {
	if secretCodes[name] {
		return true
	}
	for _, s := range []string{"password", "card.number", "confirm"} {
		if strings.HasSuffix(name, s) || strings.Contains(name, s+".") {
			return true
		}
	}
	return false
}

// Input stores a field's value: secret fields only in the transient part.
func (m Model) Input(field, value string) Model {
	if len(value) > MaxFieldLen {
		value = TruncateUTF8(value, MaxFieldLen)
	}
	if field == "services.filter" {
		m.Filter = value
		return m
	}
	if field == "search.q" {
		// Typing shows the results, none highlighted; an empty field
		// closes them.
		m.Search, m.SearchAt = value, -1
		if strings.TrimSpace(value) != "" {
			m.Menu = "search"
		} else if m.Menu == "search" {
			m.Menu = ""
		}
		return m
	}
	if IsSecretField(field) {
		s := maps.Clone(m.Secrets)
		if s == nil {
			s = map[string]string{}
		}
		s[field] = value
		m.Secrets = s
		return m
	}
	f := maps.Clone(m.UI.Fields)
	if f == nil {
		f = map[string]string{}
	}
	f[field] = value
	m.UI.Fields = f
	return m
}

// MaxFieldLen bounds what one field keeps (in bytes): a huge paste must not
// make every later save slow or overflow the browser's storage.
const MaxFieldLen = 16 << 10

// TruncateUTF8 cuts s to at most n bytes without splitting a character.
func TruncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
