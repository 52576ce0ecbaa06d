package console

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/account"
	"labsim/sim/catalog"
)

// DefaultRegion is the region a new console starts in.
const DefaultRegion = catalog.DefaultRegion

// Update is the only place state changes. It returns the next model and the
// effects to run. It never changes m's maps or slices, so a caller that
// keeps m after a panic in Update still has the previous state.
func Update(m Model, msg Msg) (Model, []Effect) {
	var fx []Effect
	switch msg := msg.(type) {
	case Init:
		return initModel(msg)
	case Navigate:
		m.Now = msg.Now
		if m.handsOver(msg.Hash) {
			return m, []Effect{Handoff{}}
		}
		m, fx = m.navigate(msg.Hash)
	case Click:
		m.Now = msg.Now
		m, fx = m.click(msg.Action, msg.Arg)
	case Input:
		m.Now = msg.Now
		m = m.input(msg.Field, msg.Value)
		if a, ok := areaForName(msg.Field); ok && a.Input != nil {
			var next core.Model
			next, fx = a.Input(m.Model, msg.Field, msg.Value)
			m.Model = next
		}
	case Submit:
		m.Now = msg.Now
		for k, v := range msg.Values {
			m = m.input(k, v)
		}
		m, fx = m.submit(msg.Form)
	case Key:
		m.Now = msg.Now
		if next, kfx, ok := m.servicesKey(msg.Key, msg.Target); ok {
			return next, kfx
		}
		if msg.Key == "Escape" {
			for _, a := range areas() {
				if a.Escape == nil {
					continue
				}
				if next, efx, done := a.Escape(m.Model); done {
					m.Model, fx = next, efx
					break
				}
			}
			if m.Menu != "" {
				// Focus goes back to the button that opened the menu.
				fx = append(fx, Focus{ID: "menu-btn-" + m.Menu})
			} else if back := confirmOpener(m.Confirm); back != "" {
				// A confirmation closes as its Cancel does.
				fx = append(fx, Focus{ID: back})
			}
			m.Menu, m.Confirm = "", ""
		}
	case Tick:
		// Time changes nothing that is saved.
		m.Now = msg.Now
		return m, nil
	case Persist:
		// Nothing changes: the save below is the point.
		m.Now = msg.Now
	case StorageChanged:
		m.Now = msg.Now
		m, fx = m.storageChanged(msg)
	case StorageFailed:
		m.Now = msg.Now
		m.Storage = StorageStatus{Mode: "memory", Reason: msg.Reason}
		m.notify("warning", "notice.storage."+msg.Reason)
	case EffectFailed:
		m.Now = msg.Now
		m.notifyWith("warning", "notice.failed."+msg.Effect, msg.Text)
		m.IAM.Copied = ""
	case ImportFile:
		m.Now = msg.Now
		m, fx = m.importFile(msg)
	case AsideLoaded:
		m.Now = msg.Now
		m, fx = m.asideLoaded(msg)
	case CatalogLoaded:
		m.Now = msg.Now
		if msg.Err != "" || msg.Actions == nil {
			m.CatalogState = "failed"
			m.notify("warning", "notice.catalog.failed")
		} else {
			m.Actions, m.CatalogState = msg.Actions, "loaded"
		}
	case InstructorLabs:
		m, fx = m.instructorLabs(msg)
	case HostCommand:
		m.Now = msg.Now
		m, fx = m.hostCommand(msg)
	case LMSLaunched:
		m.Now = msg.Now
		m, fx = m.lmsLaunched(msg)
	case LMSReport:
		m.Now = msg.Now
		m, fx = m.lmsReport(msg)
	case Crashed:
		m.Now = msg.Now
		m.notifyWith("error", "notice.crashed", m.diagnostics(msg.Report))
		// Whatever was in progress when the update crashed is not any
		// more: a stuck "Signing in…" would block every later submit.
		m.Auth.Busy = ""
		m.MFA.Busy = ""
	}
	m, fx = m.labAfter().withSave(fx)
	if m.handsOver(m.UI.Route) {
		fx = append(fx, Handoff{})
	}
	return m, fx
}

// initModel builds the first model from what the browser knows.
func initModel(msg Init) (Model, []Effect) {
	m := Model{Model: core.Model{Now: msg.Now, Rng: *rand.NewChaCha8(msg.Seed), Storage: msg.Storage, PasswordCost: msg.PasswordCost, CompletionKey: msg.CompletionKey,
		Shell: shell{}}, Aside: slices.Clone(msg.Aside)}
	if m.PasswordCost <= 0 {
		m.PasswordCost = account.DefaultIterations
	}
	if m.Storage.Mode == "" {
		m.Storage.Mode = "local"
	}
	var fx []Effect
	m.World = sim.NewWorld(m.env().Rand) // the prepared world "fresh"
	m, fx = m.loadSaved(msg)
	if m.Storage.Mode == "memory" && m.Storage.Reason != ReasonNewer {
		m.notify("warning", "notice.storage."+m.Storage.Reason)
	}
	fx, rewrite := m.worldFromQuery(msg, fx)
	m = m.initPrivate(msg)
	m.Lab.Instructor.Pending = msg.InstructorLabs
	m, fx2 := m.openLab(msg.Query["lab"])
	fx = append(fx, fx2...)
	rewrite = rewrite || msg.Query["lab"] != ""
	switch lang, ok := i18n.Parse(msg.Query["lang"]); {
	case ok && lang != i18n.Pseudo:
		m.UI.Lang = lang
	case ok && lang == i18n.Pseudo:
		m.UI.Lang = lang
	case m.UI.Lang != "":
	default:
		if l, ok := i18n.Parse(msg.BrowserLang); ok && l != i18n.Pseudo {
			m.UI.Lang = l
		} else {
			m.UI.Lang = i18n.EN
		}
	}
	if m.UI.Region == "" {
		m.UI.Region = DefaultRegion
	}
	hash := msg.Hash
	if strings.Trim(hash, "#/") == "" && m.UI.Route != "" {
		hash = m.UI.Route
	}
	if m.handsOverAtStart(msg, hash) {
		// The first-visit binary leaves the page to the full console
		// before showing anything (Handoff).
		return m, []Effect{Handoff{}}
	}
	m, fx2 = m.navigate(hash)
	fx = append(fx, fx2...)
	if rewrite || msg.Query["lang"] != string(m.UI.Lang) {
		fx = append(fx, m.urlEffect(false))
	}
	if msg.DeferSave {
		return m.labAfter(), fx
	}
	return m.labAfter().withSave(fx)
}

// shell is the console's side of core.Shell: areas move between pages
// through it, since only the console knows every area's pages.
type shell struct{}

// Navigate moves to the page a fragment names (Model.navigate).
func (shell) Navigate(m core.Model, hash string) (core.Model, []Effect) {
	next, fx := Model{Model: m}.navigate(hash)
	return next.Model, fx
}

// urlEffect rewrites the address bar to the model's language and route.
func (m Model) urlEffect(push bool) SetURL {
	return SetURL{Query: "?lang=" + string(m.UI.Lang), Hash: m.route().Hash(), Push: push}
}

// navigate moves to the page a fragment names, sending signed-out visitors
// of console pages to the landing page.
func (m Model) navigate(hash string) (Model, []Effect) {
	r := ParseRoute(hash)
	if !m.Session.SignedIn() && !isPublicRoute(r) {
		r = Route{Page: "home"}
	}
	if a, ok := areaForRoute(r); ok && a.Route != nil {
		r = a.Route(m.Model, r)
	}
	changed := r.Hash() != m.route().Hash()
	m.UI.Route = r.Hash()
	m.Menu, m.Confirm, m.ImportError = "", "", ""
	var fx []Effect
	if r.Hash() != ParseRoute(hash).Hash() || hash == "" {
		fx = append(fx, SetURL{Query: "?lang=" + string(m.UI.Lang), Hash: r.Hash()})
	}
	if changed {
		if m.Session.SignedIn() {
			m.UI.Recent = visited(m.UI.Recent, r)
		}
		m.dropStaleNotices()
		// A secret the IAM pages showed once is gone once the student
		// leaves its page; an open IAM dialog closes.
		m.IAM.Secret, m.IAM.Dialog = core.IAMSecret{}, ""
		fx = append(fx, Focus{ID: "page-title"})
	}
	if a, ok := areaForRoute(r); ok && a.Enter != nil {
		next, more := a.Enter(m.Model, r)
		m.Model = next
		fx = append(fx, more...)
	}
	m, more := m.loadPage()
	return m, append(fx, more...)
}

// input stores a field's value (core.Model.Input).
func (m Model) input(field, value string) Model {
	m.Model = m.Model.Input(field, value)
	return m
}

// click handles a control with data-action.
func (m Model) click(action, arg string) (Model, []Effect) {
	if action == "lab.begin" {
		// Starting a lab replaces the world through the shell's keep-aside
		// flow, which the lab area cannot reach.
		return m.labBegin(arg)
	}
	if a, ok := areaForName(action); ok && a.Click != nil {
		before := m
		next, fx := a.Click(m.Model, action, arg)
		m.Model = next
		return m.noteOpDenial(before), fx
	}
	if strings.HasPrefix(action, "aside.") {
		return m.asideClick(action, arg)
	}
	switch action {
	case whyAction:
		m.Model = m.Model.ToggleWhy()
	case "outside":
		// A click outside any menu closes the open one.
		m.Menu = ""
	case "skip":
		return m, []Effect{Focus{ID: "page-title"}}
	case "menu":
		if m.Menu == arg {
			m.Menu = ""
		} else {
			m.Menu = arg
			if arg == "services" {
				m.Filter = ""
			}
			return m, []Effect{Focus{ID: menuFocus(m, arg)}}
		}
	case "lang":
		if l, ok := i18n.Parse(arg); ok {
			m.UI.Lang = l
			if m.Menu != "settings" { // the settings panel stays open, its button focused
				m.Menu = ""
			}
			return m, []Effect{m.urlEffect(false)}
		}
	case "region":
		m.UI.Region = arg
		m.Menu = ""
		// The menu closes: focus stays on its button, never <body>.
		m, fx := m.loadPage()
		return m, append(fx, Focus{ID: "menu-btn-region"})
	case "guide":
		return m.toggleGuide()
	case "dismiss":
		id, _ := strconv.Atoi(arg)
		var keep []Notice
		for _, n := range m.Notices {
			if n.ID != id {
				keep = append(keep, n)
			}
		}
		m.Notices = keep
	case "copy":
		id, _ := strconv.Atoi(arg)
		for _, n := range m.Notices {
			if n.ID == id {
				return m, []Effect{Copy{Text: n.Diagnostics}}
			}
		}
	case "account.copyId":
		// The ID without dashes, as AWS's copy button gives it.
		m.IAM.Copied = m.Session.AccountID
		return m, []Effect{Copy{Text: m.IAM.Copied}, Focus{ID: "account-copy-id"}}
	case "signout":
		w, err := m.World.Do(m.Session, sim.SignOut{}, m.env())
		m.World = w
		if err == nil {
			m.Session = sim.Session{}
			m.Secrets = nil
			m.notify("success", "notice.signedOut")
		}
		m.Menu = ""
		// The address follows: it must not keep a page the visitor can
		// no longer see.
		m, fx := m.navigate("#/")
		return m, append(fx, m.urlEffect(false))
	case "confirm":
		m.Confirm = arg
		m.Menu = ""
	case "cancel":
		// Focus returns to the button that asked for confirmation.
		back := confirmOpener(m.Confirm)
		m.Confirm = ""
		if back != "" {
			return m, []Effect{Focus{ID: back}}
		}
	case "reset":
		if m.Confirm != "reset" {
			m.Confirm = "reset"
			return m, []Effect{Focus{ID: "confirm-text"}}
		}
		return m.loadWorld("fresh", "notice.reset")
	case "world":
		if m.Confirm != "world:"+arg {
			m.Confirm = "world:" + arg
			return m, []Effect{Focus{ID: "confirm-text"}}
		}
		return m.loadWorld(arg, "notice.world.loaded")
	case "export":
		data, err := m.Encode(m.Revision)
		if err != nil {
			m.notify("error", "notice.export.failed")
			return m, nil
		}
		name := fmt.Sprintf("labsim-%s.json", m.Now.UTC().Format("20060102-150405"))
		return m, []Effect{Download{Filename: name, MIME: "application/json", Data: data}}
	}
	return m, nil
}

// submit hands a submitted form to the area that owns it.
func (m Model) submit(form string) (Model, []Effect) {
	if a, ok := areaForName(form); ok && a.Submit != nil {
		before := m
		next, fx := a.Submit(m.Model, form)
		m.Model = next
		return m.noteOpDenial(before), fx
	}
	return m, nil
}

// diagnostics describes the console's state for a bug report, without
// secrets, typed field values or the world's contents.
func (m Model) diagnostics(report string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "labsim diagnostics\ntime: %s\nroute: %s\nlang: %s\nregion: %s\nsigned in: %t\naccounts: %d\nevents: %d\nrevision: %d\nstorage: %s %s\n\n%s\n",
		m.Now.UTC().Format("2006-01-02T15:04:05Z"), diagnosticRoute(m.route()), m.UI.Lang, m.UI.Region,
		m.Session.SignedIn(), len(m.World.Accounts), len(m.World.Events), m.Revision,
		m.Storage.Mode, m.Storage.Reason, report)
	return b.String()
}

// needCatalog asks for the IAM action catalog the first time a page needs
// it; pages call it and work with m.Actions == nil until it arrives.
func (m Model) needCatalog() (Model, []Effect) {
	if m.CatalogState != "" {
		return m, nil
	}
	m.CatalogState = "loading"
	return m, []Effect{LoadCatalog{}}
}

// menuFocus names the control that receives focus when a menu opens.
func menuFocus(m Model, menu string) string {
	switch menu {
	case "services":
		return "services-filter"
	case "region":
		return "region-" + m.UI.Region
	case "account":
		return "account-credentials"
	case "simulator":
		return "simulator-open"
	}
	return "menu-btn-" + menu
}

// confirmOpener names the button that opened a confirmation.
func confirmOpener(confirm string) string {
	switch {
	case confirm == "reset":
		return "reset-button"
	case strings.HasPrefix(confirm, "world:"):
		return "world-" + strings.TrimPrefix(confirm, "world:")
	case strings.HasPrefix(confirm, "aside."):
		return "page-title"
	}
	return ""
}

// diagnosticRoute names the page without the route's last part, which can
// hold a token (a password-reset link).
func diagnosticRoute(r Route) string {
	if r.Rest != "" {
		r.Rest = "…"
	}
	return r.Hash()
}
