//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"labsim/console"
	"labsim/console/ui"
	"labsim/sim/catalog"
)

// page is what the loop needs of the browser page.
type page interface {
	Patch(html string) error
	SetTitle(title string)
	SetURL(query, hash string, push bool)
	Focus(id string)
	// Select focuses a text field and selects [start, end) of its text
	// (UTF-16 code units), scrolling the selection into view.
	Select(id string, start, end int)
	// Download offers a file; it returns an error when the browser cannot.
	Download(name, mime, data string) error
	// Copy puts text on the clipboard and calls failed if that fails,
	// possibly later.
	Copy(text string, failed func())
	// AfterPaint calls fn once the browser has painted the page.
	AfterPaint(fn func())
	// LoadCatalog fetches the IAM action catalog and calls done, possibly
	// later and from another goroutine.
	LoadCatalog(done func(catalog.Actions, error))
}

// app owns the model. Only the event loop goroutine calls its methods.
type app struct {
	model    console.Model
	lastHTML string
	store    store
	// key is the deployment's storage key (console.StorageKeyFor).
	key string
	// tab is the tab's own storage (sessionStorage); nil in unit tests
	// that do not need it.
	tab  store
	page page
	now  func() time.Time
	// post queues a message for the loop; safe from any goroutine.
	post func(console.Msg)
	// updateFn and viewFn are console.Update and the rendering of
	// console.View; tests replace them to provoke panics.
	updateFn func(console.Model, console.Msg) (console.Model, []console.Effect)
	viewFn   func(console.Model) (html, title string)
	// hooks are the test-only hooks of the page (hooks.go); nil in unit
	// tests.
	hooks *testHooks
	// holding keeps Save effects in held instead of writing them, so that
	// start-up writes the first save after the first paint. All are kept
	// and written in order: each save names the document it is written
	// over (Save.Base), so skipping one would look like another tab's.
	holding bool
	held    []console.Save
	// observe, when set, sees every model the page shows (the host's
	// postMessage events and LMS reports).
	observe func(console.Model)
	// handoff, when set, leaves the page to the full console (the
	// first-visit binary's console.Handoff); leaving is set when it starts
	// and stopped once the saves are written: the app then handles nothing
	// more.
	handoff          func()
	leaving, stopped bool
}

// holdSaves keeps the Save effects of the following updates until
// releaseSaves.
func (a *app) holdSaves() { a.holding = true }

// releaseSaves writes the held saves in order and stops holding.
func (a *app) releaseSaves() {
	a.holding = false
	held := a.held
	a.held = nil
	for _, s := range held {
		a.save(s)
	}
}

// newApp returns an app wired to the console.
func newApp(st store, pg page, now func() time.Time, post func(console.Msg)) *app {
	return &app{store: st, key: console.StorageKey, page: pg, now: now, post: post,
		updateFn: console.Update,
		viewFn: func(m console.Model) (string, string) {
			return ui.HTML(console.View(m)), console.Title(m)
		},
	}
}

// errPanic marks a recovered panic.
var errPanic = errors.New("panic")

// update runs the update function, turning a panic into an error.
func (a *app) update(m console.Model, msg console.Msg) (next console.Model, fx []console.Effect, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w in update of %T: %v\n%s", errPanic, msg, r, debug.Stack())
		}
	}()
	next, fx = a.updateFn(m, msg)
	return next, fx, nil
}

// view renders the model, turning a panic into an error.
func (a *app) view(m console.Model) (html, title string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w in view: %v\n%s", errPanic, r, debug.Stack())
		}
	}()
	html, title = a.viewFn(m)
	return html, title, nil
}

// dispatch applies one message: update, render, patch the page, run the
// effects. A panic in update or view keeps the last good model on screen
// and reports it.
func (a *app) dispatch(msg console.Msg) {
	if a.stopped {
		return
	}
	next, fx, err := a.update(a.model, msg)
	if err == nil && handsOff(fx) {
		// The page stays as it is until the full console patches it.
		a.model = next
		a.run(fx)
		return
	}
	if err == nil {
		var html, title string
		html, title, err = a.view(next)
		if err == nil {
			a.model = next
			a.render(html, title)
			a.run(fx)
			a.hooks.report(a.model)
			if a.observe != nil {
				a.observe(a.model)
			}
			return
		}
	}
	if _, crashed := msg.(console.Crashed); crashed {
		return // a crash report that itself crashes must not loop
	}
	a.dispatch(console.Crashed{Now: a.now(), Report: err.Error()})
}

func (a *app) render(html, title string) {
	if html == a.lastHTML {
		return
	}
	if err := a.page.Patch(html); err != nil {
		return
	}
	a.lastHTML = html
	a.page.SetTitle(title)
}

// run carries out effects after the page shows the new state.
func (a *app) run(fx []console.Effect) {
	handOver := false
	for _, e := range fx {
		switch e := e.(type) {
		case console.Save:
			if a.holding {
				a.held = append(a.held, e)
			} else {
				a.save(e)
			}
		case console.UseMemory:
			// Browser storage is left as it is (it holds a newer version's
			// work); saves go to memory from now on.
			a.store = &memoryStore{m: map[string]string{}}
		case console.SaveTab:
			if a.tab != nil {
				_ = a.tab.Set(tabKey(a.key), e.Data)
			}
		case console.SetAside:
			_ = a.store.Set(e.Key, e.Data)
		case console.RemoveKey:
			_ = a.store.Remove(e.Key)
		case console.LoadAside:
			data, ok, err := a.store.Get(e.Key)
			msg := console.AsideLoaded{Now: a.now(), Key: e.Key, Data: data}
			if err != nil || !ok {
				msg.Err = "not found"
			}
			a.post(msg)
		case console.SetURL:
			a.page.SetURL(e.Query, e.Hash, e.Push)
		case console.Focus:
			a.page.Focus(e.ID)
		case console.SetSelection:
			a.page.Select(e.ID, e.Start, e.End)
		case console.LoadCatalog:
			a.page.LoadCatalog(func(acts catalog.Actions, err error) {
				msg := console.CatalogLoaded{Now: a.now(), Actions: acts}
				if err != nil {
					msg.Err = err.Error()
				}
				a.post(msg)
			})
		case console.Next:
			msg := e.Msg
			a.page.AfterPaint(func() { a.post(msg) })
		case console.Download:
			if err := a.page.Download(e.Filename, e.MIME, e.Data); err != nil {
				a.post(console.EffectFailed{Now: a.now(), Effect: "download", Text: e.Data})
			}
		case console.Copy:
			text := e.Text
			a.page.Copy(text, func() {
				a.post(console.EffectFailed{Now: a.now(), Effect: "copy", Text: text})
			})
		case console.Handoff:
			handOver = true
		}
	}
	if handOver {
		// Last, after the saves among the effects: the full console reads
		// them.
		a.handOver()
	}
}

// handsOff reports whether the effects hand the page over.
func handsOff(fx []console.Effect) bool {
	for _, e := range fx {
		if _, ok := e.(console.Handoff); ok {
			return true
		}
	}
	return false
}

// handOver writes every save still held, stops the app and leaves the
// page to the full console (app.handoff). Without a handoff (the full
// console, unit tests) nothing happens.
func (a *app) handOver() {
	if a.handoff == nil || a.leaving {
		return
	}
	a.leaving = true
	a.releaseSaves()
	a.stopped = true
	a.handoff()
}

// save writes the document while the key still holds the document the
// save was based on; otherwise (another tab saved first, or the key holds
// something else) the console is handed what is there, at once, to merge
// or set aside before saving again. A full storage moves saving to memory.
func (a *app) save(s console.Save) {
	if cur, ok, err := a.store.Get(a.key); err == nil && !s.Fits(cur, ok) {
		// Handled at once, with what is there now, rather than queued
		// behind other messages: by then this tab may have saved again.
		a.dispatch(console.StorageChanged{Now: a.now(), Data: cur, Conflict: true})
		return
	}
	// A test may hold the tab here, between reading and writing, so that
	// another tab writes in between.
	a.hooks.holdSave()
	err := a.store.Set(a.key, s.Data)
	if err == nil {
		return
	}
	reason := "unavailable"
	if errors.Is(err, errQuota) {
		reason = "full"
	}
	mem := &memoryStore{m: map[string]string{a.key: s.Data}}
	a.store = mem
	a.post(console.StorageFailed{Now: a.now(), Reason: reason})
}
