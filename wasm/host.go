//go:build js && wasm && !entry

package main

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hack-pad/safejs"

	"labsim/console"
	"labsim/internal/scorm"
)

// host links the page to what is outside it: events posted to the window
// that embeds it (labsim:ready, labsim:progress, labsim:complete),
// commands that window sends (labsim:start-lab, labsim:set-language), and
// the SCORM runtime bridge when the page runs as a SCO. observe runs on
// the loop goroutine; finish runs from a pagehide or beforeunload
// listener, hence the lock.
type host struct {
	global safejs.Value
	// parent is window.parent when the page is in a frame, else undefined.
	parent safejs.Value

	mu    sync.Mutex
	ready bool
	// last is the status last posted; posted reports whether one was.
	last   console.LabStatus
	posted bool

	// lms is the SCORM session, nil when the page is not a SCO or the
	// LMS was not found; launched is when it started.
	lms      *scorm.Session
	launched time.Time
	// q takes the LMS's reports to the console (listen sets it); lmsErr
	// is the LMS error last told, so that a repeated one is told once;
	// leftOut reports that the student was told the world no longer fits
	// suspend_data.
	q       *queue
	lmsErr  string
	leftOut bool
	// enc encodes the world for suspend_data, again only when it changed
	// (and, while the attempt stays the same, at most every
	// worldEvery); model is the model last reported, whose latest world
	// finish writes.
	enc   scorm.WorldEncoder
	model *console.Model
}

// worldEvery is the least time between two encodings of a changed world
// while the lab's attempt does not change: the world's commits come every
// scorm.CommitIdle anyway.
const worldEvery = 15 * time.Second

// newHost returns the host of the page in global.
func newHost(global safejs.Value) *host {
	h := &host{global: global, parent: safejs.Undefined()}
	if parent, err := guardedGet(global, global, "parent"); err == nil && parent.Type() == safejs.TypeObject {
		if self, err := guardedGet(global, global, "window"); err == nil && !parent.Equal(self) {
			h.parent = parent
		}
	}
	return h
}

// embedded reports whether the page is in a frame.
func (h *host) embedded() bool { return !h.parent.IsUndefined() }

// post sends a message to the embedding window. The target origin is "*":
// a page in <iframe sandbox="allow-scripts"> has an opaque origin and
// cannot name its parent's, and the messages carry nothing secret (lab
// ids, step ids, scores), never a password, secret or the world.
func (h *host) post(msg map[string]any) error {
	if !h.embedded() {
		return nil
	}
	v, err := safejs.ValueOf(msg)
	if err != nil {
		return err
	}
	_, err = h.parent.Call("postMessage", v, "*")
	return err
}

// markReady posts labsim:ready once the first page is painted, then the
// current progress.
func (h *host) markReady(m console.Model) {
	h.mu.Lock()
	h.ready = true
	h.mu.Unlock()
	if err := h.post(map[string]any{"type": "labsim:ready", "version": 1}); err != nil {
		return
	}
	h.observe(m)
}

// observe posts the lab status when it changed and reports it to the LMS.
func (h *host) observe(m console.Model) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := m.LabStatus()
	if h.lms != nil && ok {
		h.report(m, s)
		h.model = &m
	}
	if !h.ready || !ok || (h.posted && s == h.last) {
		return
	}
	before, had := h.last, h.posted
	if err := h.post(map[string]any{"type": "labsim:progress", "lab": s.Lab, "version": s.Version,
		"step": s.Step, "stepIndex": s.StepIndex, "completed": s.Done, "total": s.Total, "score": s.Score}); err != nil {
		h.warn(err)
		return
	}
	h.last, h.posted = s, true
	if s.Completed && !(had && before.Completed && before.Lab == s.Lab) {
		if err := h.post(map[string]any{"type": "labsim:complete", "lab": s.Lab, "version": s.Version,
			"score": s.Score, "passingScore": s.PassingScore, "passed": s.Passed}); err != nil {
			h.warn(err)
		}
	}
}

// report gives the LMS the lab's progress and suspend_data (the lab and
// its world: the LMS is where the work lives beside browser storage) and
// tells the student, once each, an LMS error and a world too large for
// suspend_data.
func (h *host) report(m console.Model, s console.LabStatus) {
	p := scorm.Progress{Lab: s.Lab, Done: s.Done, Total: s.Total, Score: s.Score,
		PassingScore: s.PassingScore, Completed: s.Completed, Passed: s.Passed}
	now := time.Now()
	data, withWorld := m.SuspendDataWith(&h.enc, now)
	err := h.lms.Report(p, data, now)
	if err != nil {
		h.warn(err)
	}
	msg := console.LMSReport{Now: now}
	if text := lmsErrorText(err); text != h.lmsErr {
		h.lmsErr, msg.Error = text, text
	}
	if !withWorld && data != "" && len(m.World.Accounts) > 0 && !h.leftOut {
		h.leftOut, msg.WorldLeftOut = true, true
	}
	if h.q != nil && (msg.Error != "" || msg.WorldLeftOut) {
		h.q.push(msg)
	}
}

// lmsErrorText is what the student is told of an LMS error: the first
// failed call with the LMS's code and text; "" for none.
func lmsErrorText(err error) string {
	if err == nil {
		return ""
	}
	var e *scorm.Error
	if errors.As(err, &e) {
		return strings.TrimPrefix(e.Error(), "scorm: ")
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimPrefix(first, "scorm: ")
}

// warn writes a problem with the LMS or the parent to the console.
func (h *host) warn(err error) {
	if c, e := h.global.Get("console"); e == nil && c.Type() == safejs.TypeObject {
		_, _ = c.Call("warn", "labsim: "+err.Error())
	}
}

// command decodes a message event from the embedding window into a
// console message. Only messages whose source is window.parent count, and
// only in the documented schema: {type: "labsim:start-lab", lab: string}
// and {type: "labsim:set-language", lang: string}; other fields are
// ignored, anything else is dropped.
func (h *host) command(ev safejs.Value, now time.Time) (console.Msg, bool) {
	if !h.embedded() {
		return nil, false
	}
	src, err := guardedGet(h.global, ev, "source")
	if err != nil || !src.Equal(h.parent) {
		return nil, false
	}
	data, err := guardedGet(h.global, ev, "data")
	if err != nil || data.Type() != safejs.TypeObject {
		return nil, false
	}
	str := func(name string) (string, bool) {
		v, err := guardedGet(h.global, data, name)
		if err != nil || v.Type() != safejs.TypeString {
			return "", false
		}
		s, err := v.String()
		return s, err == nil && len(s) <= 64
	}
	typ, _ := str("type")
	switch typ {
	case "labsim:start-lab":
		if id, ok := str("lab"); ok && id != "" {
			return console.HostCommand{Now: now, Command: console.CommandStartLab, Arg: id}, true
		}
	case "labsim:set-language":
		if lang, ok := str("lang"); ok && lang != "" {
			return console.HostCommand{Now: now, Command: console.CommandSetLanguage, Arg: lang}, true
		}
	}
	return nil, false
}

// Hop limits of the API search: SCORM 1.2's sample code gives up after 7
// parents, SCORM 2004's after 500.
const (
	hops12   = 7
	hops2004 = 500
)

// findAPI looks for the LMS's API object named name in the chain of
// parents of win, then of its opener and the opener's parents. Each step
// may throw (a cross-origin window): it is read through Reflect and a
// failed read only skips that window.
func findAPI(global, win safejs.Value, name string, limit int) (safejs.Value, bool) {
	look := func(w safejs.Value) (safejs.Value, bool) {
		for range limit {
			if w.Type() != safejs.TypeObject {
				return safejs.Undefined(), false
			}
			if api, err := guardedGet(global, w, name); err == nil && api.Type() == safejs.TypeObject {
				return api, true
			}
			parent, err := guardedGet(global, w, "parent")
			if err != nil || parent.Type() != safejs.TypeObject || parent.Equal(w) {
				return safejs.Undefined(), false
			}
			w = parent
		}
		return safejs.Undefined(), false
	}
	if api, ok := look(win); ok {
		return api, true
	}
	top, err := guardedGet(global, win, "top")
	if err != nil || top.Type() != safejs.TypeObject {
		return safejs.Undefined(), false
	}
	opener, err := guardedGet(global, top, "opener")
	if err != nil || opener.Type() != safejs.TypeObject {
		return safejs.Undefined(), false
	}
	return look(opener)
}

// jsAPI is an LMS API object (scorm.API).
type jsAPI struct{ v safejs.Value }

// Call implements scorm.API: LMSs return "true"/"false" as strings or
// booleans, and values as strings.
func (a jsAPI) Call(method string, args ...string) (string, error) {
	in := make([]any, len(args))
	for i, s := range args {
		in[i] = s
	}
	out, err := a.v.Call(method, in...)
	if err != nil {
		return "", err
	}
	switch out.Type() {
	case safejs.TypeString:
		return out.String()
	case safejs.TypeBoolean:
		b, err := out.Bool()
		return strconv.FormatBool(b), err
	case safejs.TypeNumber:
		// Error codes are whole numbers.
		n, err := out.Int()
		return strconv.Itoa(n), err
	}
	return "", nil
}

// errNoLMS reports that no LMS API was found.
var errNoLMS = errors.New("no SCORM API found in the parent or opener windows")

// scormVersions returns the editions to look for: the packer's data-scorm
// attribute, else the URL's ?scorm= (1.2, 2004, or 1 for either); none
// when the page was not launched as a SCO.
func scormVersions(doc safejs.Value, query string) []scorm.Version {
	el, _ := doc.Get("documentElement")
	for _, s := range []string{attr(el, "data-scorm"), query} {
		if v, ok := scorm.ParseVersion(s); ok {
			return []scorm.Version{v}
		}
	}
	if query == "1" {
		return []scorm.Version{scorm.V2004, scorm.V12}
	}
	return nil
}

// startLMS finds and initializes the LMS for a page launched as a SCO and
// tells the console how it went: a missing LMS leaves the lab working,
// with a notice; the LMS's suspend_data is resumed when the browser had
// no saved work or the SCO was completed before (review: the completed
// attempt shows again, unless this browser's attempt went further); its
// learner language, when given, is the page's.
func (h *host) startLMS(versions []scorm.Version, hadSave bool, q *queue) {
	if len(versions) == 0 {
		return
	}
	now := time.Now()
	msg := console.LMSLaunched{Now: now}
	err := errNoLMS
	for _, v := range versions {
		limit := hops12
		if v == scorm.V2004 {
			limit = hops2004
		}
		api, ok := findAPI(h.global, h.global, v.APIName(), limit)
		if !ok {
			continue
		}
		s, launch, serr := scorm.Start(jsAPI{api}, v)
		if serr != nil {
			err = serr
			continue
		}
		h.mu.Lock()
		h.lms, h.launched = s, now
		h.enc.Every = worldEvery
		h.mu.Unlock()
		// The LMS is the source of truth: its attempt and world resume
		// unless this browser's own save went as far.
		msg = console.LMSLaunched{Now: now, Found: true, Review: launch.Review, Suspend: launch.Suspend, Resume: true, Local: hadSave}
		if launch.Language != "" {
			q.push(console.HostCommand{Now: now, Command: console.CommandSetLanguage, Arg: launch.Language})
		}
		err = nil
		break
	}
	if err != nil && err != errNoLMS {
		// No LMS at all is the student's notice (LMSLaunched), not a
		// problem for the console; an LMS that refused is.
		h.warn(err)
	}
	q.push(msg)
}

// finish ends the LMS session (session time, exit, commit, LMSFinish or
// Terminate) when the page goes away.
func (h *host) finish() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.lms == nil {
		return
	}
	// The latest world goes in before the last commit.
	if h.model != nil {
		if s, ok := h.model.LabStatus(); ok {
			h.enc.Every = 0
			h.report(*h.model, s)
		}
	}
	if err := h.lms.Finish(time.Since(h.launched)); err != nil {
		h.warn(err)
	}
	// A page restored from the back-forward cache has no session: it
	// reports nothing more.
	h.lms = nil
}

// listen installs the host's listeners: messages from the embedding
// window, and pagehide and beforeunload to end the LMS session.
func (h *host) listen(q *queue) error {
	h.mu.Lock()
	h.q = q
	h.mu.Unlock()
	add := func(event string, fn func(ev safejs.Value)) error {
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			if len(args) > 0 {
				fn(args[0])
			}
			return nil
		})
		if err != nil {
			return err
		}
		_, err = h.global.Call("addEventListener", event, f.Value())
		return err
	}
	if err := add("message", func(ev safejs.Value) {
		if m, ok := h.command(ev, time.Now()); ok {
			q.push(m)
		}
	}); err != nil {
		return err
	}
	for _, ev := range []string{"pagehide", "beforeunload"} {
		if err := add(ev, func(safejs.Value) { h.finish() }); err != nil {
			return err
		}
	}
	return nil
}
