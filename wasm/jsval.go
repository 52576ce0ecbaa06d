//go:build js && wasm

package main

import (
	"fmt"

	"github.com/hack-pad/safejs"
)

// prop reads a property, treating a JS exception as an error and a missing
// property as undefined.
func prop(v safejs.Value, name string) (safejs.Value, error) {
	if v.IsUndefined() || v.IsNull() {
		return safejs.Undefined(), fmt.Errorf("read %s of %s", name, v.Type())
	}
	return v.Get(name)
}

// propString reads a string property; "" when it is absent or not a string.
func propString(v safejs.Value, name string) string {
	p, err := prop(v, name)
	if err != nil || p.Type() != safejs.TypeString {
		return ""
	}
	s, err := p.String()
	if err != nil {
		return ""
	}
	return s
}

// propBool reads a boolean property; false when absent.
func propBool(v safejs.Value, name string) bool {
	p, err := prop(v, name)
	if err != nil || p.Type() != safejs.TypeBoolean {
		return false
	}
	b, _ := p.Bool()
	return b
}

// propInt reads a number property; 0 when absent.
func propInt(v safejs.Value, name string) int {
	p, err := prop(v, name)
	if err != nil || p.Type() != safejs.TypeNumber {
		return 0
	}
	n, _ := p.Int()
	return n
}

// attr returns an element's attribute, or "" when absent.
func attr(el safejs.Value, name string) string {
	if el.IsUndefined() || el.IsNull() {
		return ""
	}
	v, err := el.Call("getAttribute", name)
	if err != nil || v.IsNull() {
		return ""
	}
	s, _ := v.String()
	return s
}

// closest returns the nearest ancestor-or-self matching selector, or null.
func closest(el safejs.Value, selector string) safejs.Value {
	if el.IsUndefined() || el.IsNull() {
		return safejs.Null()
	}
	fn, err := el.Get("closest")
	if err != nil || fn.Type() != safejs.TypeFunction {
		return safejs.Null()
	}
	v, err := el.Call("closest", selector)
	if err != nil {
		return safejs.Null()
	}
	return v
}

// guardedGet reads a property that may throw (such as localStorage in a
// sandboxed frame). wasm_exec.js lets an exception thrown by a property
// getter escape and end the program, but it catches exceptions from
// method calls, so the read goes through Reflect.get.
func guardedGet(global, obj safejs.Value, name string) (safejs.Value, error) {
	reflect, err := global.Get("Reflect")
	if err != nil {
		return safejs.Undefined(), fmt.Errorf("read %s: %w", name, err)
	}
	v, err := reflect.Call("get", obj, name)
	if err != nil {
		return safejs.Undefined(), fmt.Errorf("read %s: %w", name, err)
	}
	return v, nil
}
