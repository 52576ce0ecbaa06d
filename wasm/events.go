//go:build js && wasm

package main

import (
	"time"

	"github.com/hack-pad/safejs"

	"labsim/console"
)

// decodeClick turns a click into a Click message when it hit a control
// with data-action that is not disabled.
func decodeClick(ev safejs.Value, now time.Time) (console.Msg, bool) {
	target, _ := prop(ev, "target")
	el := closest(target, "[data-action]")
	if el.IsNull() || el.IsUndefined() {
		// A click outside every menu closes an open one.
		if in := closest(target, ".menu"); in.IsNull() || in.IsUndefined() {
			return console.Click{Now: now, Action: "outside"}, true
		}
		return nil, false
	}
	if propBool(el, "disabled") || attr(el, "aria-disabled") == "true" {
		return nil, false
	}
	return console.Click{Now: now, Action: attr(el, "data-action"), Arg: attr(el, "data-arg")}, true
}

// fieldValue reads a form control's value as the console stores it:
// "true"/"false" for checkboxes, the value of a checked radio.
func fieldValue(el safejs.Value) (string, bool) {
	switch propString(el, "type") {
	case "checkbox":
		if propBool(el, "checked") {
			return "true", true
		}
		return "false", true
	case "radio":
		if !propBool(el, "checked") {
			return "", false
		}
	case "file":
		return "", false
	}
	return propString(el, "value"), true
}

// decodeInput turns an input event into an Input message. Events during an
// IME composition are skipped: the composed text arrives with
// compositionend.
func decodeInput(ev safejs.Value, now time.Time) (console.Msg, bool) {
	if propBool(ev, "isComposing") {
		return nil, false
	}
	target, _ := prop(ev, "target")
	name := propString(target, "name")
	if name == "" {
		return nil, false
	}
	v, ok := fieldValue(target)
	if !ok {
		return nil, false
	}
	return console.Input{Now: now, Field: name, Value: v}, true
}

// decodeCompositionEnd sends the field's value once a composition ends.
func decodeCompositionEnd(ev safejs.Value, now time.Time) (console.Msg, bool) {
	target, _ := prop(ev, "target")
	name := propString(target, "name")
	if name == "" {
		return nil, false
	}
	return console.Input{Now: now, Field: name, Value: propString(target, "value")}, true
}

// decodeSubmit collects every named control of a form with data-form.
func decodeSubmit(ev safejs.Value, now time.Time) (console.Msg, bool) {
	form, _ := prop(ev, "target")
	name := attr(form, "data-form")
	if name == "" {
		return nil, false
	}
	values := map[string]string{}
	elements, err := prop(form, "elements")
	if err == nil {
		n := propInt(elements, "length")
		for i := 0; i < n; i++ {
			el, err := elements.Index(i)
			if err != nil {
				continue
			}
			field := propString(el, "name")
			if field == "" {
				continue
			}
			if v, ok := fieldValue(el); ok {
				values[field] = v
			}
		}
	}
	return console.Submit{Now: now, Form: name, Values: values}, true
}

// decodeKey reports the keys the console handles globally.
func decodeKey(ev safejs.Value, now time.Time) (console.Msg, bool) {
	k := propString(ev, "key")
	switch {
	case k == "Escape":
		return console.Key{Now: now, Key: k}, true
	case propBool(ev, "altKey") && propString(ev, "code") == "KeyS":
		// Alt+S opens the Services menu's search, as [Alt+S] does at AWS
		// (by the key's position, so a Korean or Mac layout works too).
		_, _ = ev.Call("preventDefault")
		return console.Key{Now: now, Key: "Alt+S"}, true
	case k == "ArrowDown" || k == "ArrowUp" || k == "Enter":
		target, _ := prop(ev, "target")
		if attr(target, "data-nav") != "services" {
			return nil, false
		}
		if id := attr(target, "id"); k != "Enter" || id == "services-filter" || id == "search-input" {
			_, _ = ev.Call("preventDefault")
		} else {
			// Enter on a link follows it natively.
			return nil, false
		}
		return console.Key{Now: now, Key: k, Target: attr(target, "id")}, true
	}
	return nil, false
}
