//go:build js && wasm && entry

package main

import (
	"github.com/hack-pad/safejs"

	"labsim/console"
)

// embedding has nothing to do in the first-visit binary: the page loads it
// only on its own (not framed), on the site, without an LMS or instructor
// labs (assets/app.js); everywhere else the full console is loaded. It
// links neither the LMS bridge nor the lab engine.
type embedding struct{}

// startEmbedding returns the first-visit binary's embedding.
func startEmbedding(safejs.Value, safejs.Value, *app, *queue, *console.Init) (*embedding, error) {
	return &embedding{}, nil
}

// booted does nothing here.
func (*embedding) booted(console.Init, *queue) {}

// ready does nothing here.
func (*embedding) ready(console.Model) {}
