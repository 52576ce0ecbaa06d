//go:build js && wasm && !entry

package main

import (
	"unicode/utf16"

	"github.com/hack-pad/safejs"

	"labsim/console/iam/policies"
)

// indentKey returns the keydown handler of text areas marked data-indent
// (the policy editor): Tab indents and Shift+Tab outdents by the
// attribute's text instead of moving focus. The change is made with the
// browser's insertText command, so it joins the field's undo history
// (Ctrl+Z) and raises the ordinary input event. Escape followed by Tab
// leaves the field, so the keyboard is never trapped.
func indentKey() func(ev safejs.Value) {
	escaped := false
	return func(ev safejs.Value) {
		target, _ := prop(ev, "target")
		unit := attr(target, "data-indent")
		if unit == "" || propString(target, "tagName") != "TEXTAREA" {
			return
		}
		key := propString(ev, "key")
		if key == "Escape" {
			escaped = true
			return
		}
		if key != "Tab" || escaped || propBool(ev, "ctrlKey") || propBool(ev, "altKey") || propBool(ev, "metaKey") || propBool(ev, "isComposing") {
			escaped = false
			return
		}
		_, _ = ev.Call("preventDefault")
		text := utf16.Encode([]rune(propString(target, "value")))
		from, to, repl, s, e := policies.Indent(text, propInt(target, "selectionStart"), propInt(target, "selectionEnd"), propBool(ev, "shiftKey"), unit)
		if from == to && repl == "" {
			return
		}
		_, _ = target.Call("setSelectionRange", from, to)
		doc, err := safejs.Global().Get("document")
		ok := false
		if err == nil {
			cmd, arg := "insertText", repl
			if repl == "" {
				cmd = "delete"
			}
			if r, err := doc.Call("execCommand", cmd, false, arg); err == nil {
				ok, _ = r.Bool()
			}
		}
		if !ok {
			// Without execCommand: replace the text and report it as typed.
			_, _ = target.Call("setRangeText", repl, from, to, "end")
			if ctor, err := safejs.Global().Get("Event"); err == nil {
				if ev, err := ctor.New("input", map[string]any{"bubbles": true}); err == nil {
					_, _ = target.Call("dispatchEvent", ev)
				}
			}
		}
		_, _ = target.Call("setSelectionRange", s, e)
	}
}
