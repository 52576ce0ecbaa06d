//go:build js && wasm && !entry

package main

import (
	"github.com/hack-pad/safejs"

	"labsim/console"
)

// embedding is the page's side towards what surrounds it: the embedding
// page's postMessage commands and events and the LMS (host.go), and the
// instructor's labs shipped beside the page (labs.go).
type embedding struct {
	global, doc safejs.Value
	h           *host
}

// startEmbedding starts listening to the embedding page and tells init
// whether instructor labs are shipped.
func startEmbedding(global, doc safejs.Value, a *app, q *queue, init *console.Init) (*embedding, error) {
	init.InstructorLabs = instructorLabs(doc)
	h := newHost(global)
	a.observe = h.observe
	if err := h.listen(q); err != nil {
		return nil, err
	}
	return &embedding{global: global, doc: doc, h: h}, nil
}

// booted loads the instructor's labs and finds the LMS, after the first
// update.
func (e *embedding) booted(init console.Init, q *queue) {
	if init.InstructorLabs {
		loadInstructorLabs(e.global, q.push)
	}
	e.h.startLMS(scormVersions(e.doc, init.Query["scorm"]), init.Saved != "", q)
}

// ready tells the embedding page the first page is on screen and saved.
func (e *embedding) ready(m console.Model) { e.h.markReady(m) }
