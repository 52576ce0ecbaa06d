//go:build js && wasm

// Command wasm is the browser side of labsim: it boots the console, turns
// DOM events into console messages through delegated listeners, runs the
// event loop that owns the model, and applies views and effects.
package main

import (
	"crypto/rand"
	"sync"
	"time"

	"github.com/hack-pad/safejs"

	"labsim/console"
)

// queue is an unbounded message queue: JS callbacks push without blocking,
// the loop goroutine pops. Besides messages it carries calls that must run
// on the loop goroutine.
type queue struct {
	mu     sync.Mutex
	items  []console.Msg
	calls  []func()
	signal chan struct{}
	// pushed and drained count messages in and out; onPush, when set, is
	// told the new count (the page's test hook).
	pushed, drained int
	onPush          func(pushed int)
}

func newQueue() *queue { return &queue{signal: make(chan struct{}, 1)} }

// push adds a message and wakes the loop; it never blocks.
func (q *queue) push(m console.Msg) {
	q.mu.Lock()
	q.items = append(q.items, m)
	q.pushed++
	n, on := q.pushed, q.onPush
	q.mu.Unlock()
	if on != nil {
		on(n)
	}
	q.wake()
}

// call queues fn to run on the loop goroutine; it never blocks.
func (q *queue) call(fn func()) {
	q.mu.Lock()
	q.calls = append(q.calls, fn)
	q.mu.Unlock()
	q.wake()
}

// wake signals the loop without blocking.
func (q *queue) wake() {
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

// drain returns every queued message.
func (q *queue) drain() []console.Msg {
	q.mu.Lock()
	defer q.mu.Unlock()
	items := q.items
	q.items = nil
	q.drained += len(items)
	return items
}

// typedOnly reports whether the queue holds only typed text (Input
// messages, from input and compositionend events) and no calls.
func (q *queue) typedOnly() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 || len(q.calls) > 0 {
		return false
	}
	for _, m := range q.items {
		if _, ok := m.(console.Input); !ok {
			return false
		}
	}
	return true
}

// drainCalls returns every queued call.
func (q *queue) drainCalls() []func() {
	q.mu.Lock()
	defer q.mu.Unlock()
	calls := q.calls
	q.calls = nil
	return calls
}

func main() {
	global := safejs.Global()
	mark(global, "main")
	if err := boot(global); err != nil {
		showBootError(global, err)
	}
	select {}
}

// showBootError tells the page that start-up failed.
func showBootError(global safejs.Value, err error) {
	fn, ferr := global.Get("labsimFatal")
	if ferr == nil && fn.Type() == safejs.TypeFunction {
		_, _ = fn.Invoke(err.Error())
	}
}

// boot reads the page, builds the first model and starts the loop.
func boot(global safejs.Value) error {
	doc, err := global.Get("document")
	if err != nil {
		return err
	}
	root, err := doc.Call("getElementById", "root")
	if err != nil {
		return err
	}
	morph, err := global.Get("labsimPatch")
	if err != nil {
		return err
	}
	st, status := openStorage(global)
	q := newQueue()
	a := newApp(st, domPage{global: global, doc: doc, root: root, morph: morph}, time.Now, q.push)
	a.hooks = &testHooks{global: global}
	q.onPush = a.hooks.queued
	_ = global.Set("labsimMerges", 0)
	// The test hooks count this binary's messages from zero (a first-visit
	// binary that handed over may have left its counts on the page).
	_ = global.Set("labsimQueued", 0)
	_ = global.Set("labsimHandled", 0)
	_ = a.hooks.publishMemStats()
	dep := deployment(doc)
	a.key = console.StorageKeyFor(dep)
	init := console.Init{Now: time.Now(), Storage: status, Deployment: dep}
	if el, err := doc.Get("documentElement"); err == nil {
		init.CompletionKey = attr(el, "data-completion-key")
	}
	if _, err := rand.Read(init.Seed[:]); err != nil {
		return err
	}
	loc, _ := global.Get("location")
	init.Hash = propString(loc, "hash")
	init.Query = queryParams(global, propString(loc, "search"))
	nav, _ := global.Get("navigator")
	init.BrowserLang = propString(nav, "language")
	if saved, ok, err := st.Get(a.key); err == nil && ok {
		init.Saved = saved
	}
	a.tab = openTabStore(global)
	if tab, ok, err := a.tab.Get(tabKey(a.key)); err == nil && ok {
		init.Tab = tab
	}
	init.Aside = asides(st, a.key)
	unlisten, err := listen(global, doc, root, q, a.key)
	if err != nil {
		return err
	}
	emb, err := startEmbedding(global, doc, a, q, &init)
	if err != nil {
		return err
	}
	done := make(chan struct{})
	a.handoff = func() {
		unlisten()
		close(done)
		_ = global.Set("labsimReady", false) // until the full console is
		handOver(global)
	}
	// The first save (the world as JSON in localStorage) waits until the
	// first page is on screen: the Init update does not even encode the
	// world (DeferSave); Persist does, after the first paint.
	init.DeferSave = true
	a.holdSaves()
	a.dispatch(init)
	if a.stopped {
		return nil // handed over to the full console at once
	}
	emb.booted(init, q)
	_ = root.Set("ariaBusy", "false")
	_ = global.Set("labsimReady", true)
	mark(global, "rendered")
	a.page.AfterPaint(func() {
		q.push(console.Persist{Now: time.Now()})
		q.call(func() {
			a.releaseSaves()
			mark(global, "saved")
			emb.ready(a.model)
		})
	})
	go loop(a, q)
	go clock(q, done)
	return nil
}

// handOver calls the page's labsimHandoff, which loads the full console
// into this page (assets/app.js); a page without it is reloaded.
func handOver(global safejs.Value) {
	mark(global, "handoff")
	if fn, err := global.Get("labsimHandoff"); err == nil && fn.Type() == safejs.TypeFunction {
		if _, err := fn.Invoke(); err == nil {
			return
		}
	}
	if loc, err := global.Get("location"); err == nil {
		_, _ = loc.Call("reload")
	}
}

// loop is the only goroutine that touches the model after boot.
func loop(a *app, q *queue) {
	for range q.signal {
		// The signal often comes from inside a DOM event handler (a click):
		// Go then runs this goroutine before the handler returns to the
		// browser, so an update here would patch the page in the middle of
		// the event, before its default action — a radio button clicked
		// while a clock tick was queued was unchecked again by the patch,
		// and its input and change events never came. A timer lets the
		// event finish first; the messages queued meanwhile are handled in
		// order right after it. Typed text needs no wait: an input event
		// comes after the browser has changed the field, so the page is
		// patched in the keystroke's own task and the panel it updates is
		// painted in the same frame as the typed character (a timer would
		// run only after that frame: Chromium renders after input first).
		if !q.typedOnly() {
			time.Sleep(time.Millisecond)
		}
		for _, m := range q.drain() {
			a.dispatch(m)
		}
		for _, fn := range q.drainCalls() {
			fn()
		}
		q.mu.Lock()
		n := q.drained
		q.mu.Unlock()
		a.hooks.handled(n)
	}
}

// mark records a start-up phase as a performance mark "labsim:<name>",
// which `make startup` reports.
func mark(global safejs.Value, name string) {
	if perf, err := global.Get("performance"); err == nil && perf.Type() == safejs.TypeObject {
		_, _ = perf.Call("mark", "labsim:"+name)
	}
}

// clock sends a Tick about every second until done is closed; the
// console ignores it unless something on screen depends on time. It
// sleeps rather than using a time.Ticker, whose GODEBUG setting links the
// runtime's metrics tables (about 30 KB of code) into the binary.
func clock(q *queue, done <-chan struct{}) {
	for {
		time.Sleep(time.Second)
		select {
		case <-done:
			return
		default:
			q.push(console.Tick{Now: time.Now()})
		}
	}
}

// queryParams parses the URL's query with URLSearchParams.
func queryParams(global safejs.Value, search string) map[string]string {
	out := map[string]string{}
	ctor, err := global.Get("URLSearchParams")
	if err != nil {
		return out
	}
	params, err := ctor.New(search)
	if err != nil {
		return out
	}
	for _, k := range []string{"lang", "world", "lab", "scorm", "private"} {
		v, err := params.Call("get", k)
		if err == nil && v.Type() == safejs.TypeString {
			out[k], _ = v.String()
		}
	}
	return out
}
