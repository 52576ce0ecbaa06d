//go:build js && wasm && entry

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"labsim/sim/catalog"
)

// The first-visit binary (build tag entry) has no policy editor: it
// neither loads the IAM action catalog (catalog.go) nor indents JSON as
// typed (indent.go), which would link the catalog's decoder and the
// editor's key handling.

// errNoCatalog is what a request for the action catalog gets here; no page
// of this binary asks for it.
var errNoCatalog = errors.New("the IAM action catalog is loaded by the full console")

// loadCatalog reports at once that the catalog is not loaded here.
func loadCatalog(_ safejs.Value, done func(catalog.Actions, error)) {
	go done(nil, errNoCatalog)
}

// indentKey handles no key here: no page of this binary has a JSON editor.
func indentKey() func(ev safejs.Value) { return func(safejs.Value) {} }
