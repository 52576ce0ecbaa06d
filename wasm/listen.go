//go:build js && wasm

package main

import (
	"time"

	"github.com/hack-pad/safejs"

	"labsim/console"
)

// listen installs the delegated listeners. Callbacks never block: they
// decode the event and queue a message. Storage events are those of the
// deployment's storage key. The returned function removes them all (the
// first-visit binary's handoff to the full console).
func listen(global, doc, root safejs.Value, q *queue, key string) (func(), error) {
	var installed []func()
	remove := func() {
		for _, r := range installed {
			r()
		}
		installed = nil
	}
	on := func(target safejs.Value, event string, fn func(ev safejs.Value)) error {
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			if len(args) > 0 {
				fn(args[0])
			}
			return nil
		})
		if err != nil {
			return err
		}
		if _, err = target.Call("addEventListener", event, f.Value()); err != nil {
			f.Release()
			return err
		}
		installed = append(installed, func() {
			_, _ = target.Call("removeEventListener", event, f.Value())
			f.Release()
		})
		return nil
	}
	push := func(decode func(safejs.Value, time.Time) (console.Msg, bool)) func(safejs.Value) {
		return func(ev safejs.Value) {
			if m, ok := decode(ev, time.Now()); ok {
				q.push(m)
			}
		}
	}
	listeners := []struct {
		target safejs.Value
		event  string
		fn     func(safejs.Value)
	}{
		{root, "click", push(decodeClick)},
		{root, "input", push(decodeInput)},
		{root, "compositionend", push(decodeCompositionEnd)},
		{root, "submit", func(ev safejs.Value) {
			_, _ = ev.Call("preventDefault")
			push(decodeSubmit)(ev)
		}},
		{root, "change", func(ev safejs.Value) { importChosenFile(ev, q) }},
		{doc, "keydown", push(decodeKey)},
		{root, "keydown", indentKey()},
		{doc, "keydown", trapTab(doc)},
		{global, "hashchange", func(safejs.Value) {
			loc, _ := global.Get("location")
			q.push(console.Navigate{Now: time.Now(), Hash: propString(loc, "hash")})
		}},
		{global, "storage", func(ev safejs.Value) {
			if propString(ev, "key") == key {
				q.push(console.StorageChanged{Now: time.Now(), Data: propString(ev, "newValue")})
			}
		}},
	}
	for _, l := range listeners {
		if err := on(l.target, l.event, l.fn); err != nil {
			remove()
			return nil, err
		}
	}
	return remove, nil
}

// importChosenFile reads a file chosen in an input with data-import and
// queues it; files over the limit are reported without being read.
func importChosenFile(ev safejs.Value, q *queue) {
	target, _ := prop(ev, "target")
	if attr(target, "data-import") == "" {
		return
	}
	files, err := prop(target, "files")
	if err != nil || propInt(files, "length") == 0 {
		return
	}
	file, err := files.Index(0)
	if err != nil {
		return
	}
	name, size := propString(file, "name"), propInt(file, "size")
	_ = target.Set("value", "")
	if size > console.MaxImportBytes {
		q.push(console.ImportFile{Now: time.Now(), Name: name, Size: size})
		return
	}
	promise, err := file.Call("text")
	if err != nil {
		return
	}
	var onText, onFail safejs.Func
	release := func() { onText.Release(); onFail.Release() }
	onText, err = safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		defer release()
		text := ""
		if len(args) > 0 {
			text, _ = args[0].String()
		}
		q.push(console.ImportFile{Now: time.Now(), Name: name, Size: size, Text: text})
		return nil
	})
	if err != nil {
		return
	}
	onFail, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		defer release()
		// An unreadable file is reported like an invalid one.
		q.push(console.ImportFile{Now: time.Now(), Name: name, Size: size})
		return nil
	})
	if err != nil {
		onText.Release()
		return
	}
	_, _ = promise.Call("then", onText.Value(), onFail.Value())
}
