//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"

	"labsim/console/ui"
)

// focusable selects the controls Tab stops on inside a dialog.
const focusable = `a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])`

// trapTab returns the keydown handler that keeps Tab and Shift+Tab inside
// an open modal dialog (an element with aria-modal="true"): from its last
// control Tab goes to its first, from its first Shift+Tab to its last, and
// focus lost to the page's body comes back (ui.TrapTab decides). Focus the
// student moved to the simulator's own controls beside the dialog (the
// virtual phone) is left alone.
func trapTab(doc safejs.Value) func(ev safejs.Value) {
	return func(ev safejs.Value) {
		if propString(ev, "key") != "Tab" || propBool(ev, "ctrlKey") || propBool(ev, "altKey") || propBool(ev, "metaKey") || propBool(ev, "defaultPrevented") {
			// A text area that indents with Tab has handled it.
			return
		}
		dialog, err := doc.Call("querySelector", `[aria-modal="true"]`)
		if err != nil || dialog.IsNull() || dialog.IsUndefined() {
			return
		}
		list, err := dialog.Call("querySelectorAll", focusable)
		if err != nil {
			return
		}
		active, _ := prop(doc, "activeElement")
		n := propInt(list, "length")
		at := n // focus is lost (on the body): it comes back
		if tag := propString(active, "tagName"); tag != "" && tag != "BODY" {
			in, err := dialog.Call("contains", active)
			if err != nil {
				return
			}
			if b, _ := in.Bool(); !b {
				// The simulator's controls (the virtual phone that scans
				// the QR code) stay usable beside a dialog.
				return
			}
			at = -1 // inside, on something Tab does not stop on
		}
		for i := 0; i < n; i++ {
			el, err := list.Index(i)
			if err != nil {
				continue
			}
			if same, err := el.Call("isSameNode", active); err == nil {
				if b, _ := same.Bool(); b {
					at = i
					break
				}
			}
		}
		next, intercept := ui.TrapTab(n, at, propBool(ev, "shiftKey"))
		if !intercept {
			return
		}
		_, _ = ev.Call("preventDefault")
		if next < 0 {
			return
		}
		if el, err := list.Index(next); err == nil {
			_, _ = el.Call("focus")
		}
	}
}
