//go:build js && wasm

package main

import (
	"fmt"
	"unicode/utf16"

	"github.com/hack-pad/safejs"

	"labsim/sim/catalog"
)

// domPage is the real page: it patches #root through the morphing
// function of app.js and talks to history, focus, downloads and the
// clipboard.
type domPage struct {
	global safejs.Value
	doc    safejs.Value
	root   safejs.Value
	morph  safejs.Value
}

// Patch applies the new HTML, keeping focus, caret, selection and IME
// composition (app.js never rewrites the focused field's value).
func (p domPage) Patch(html string) error {
	if _, err := p.morph.Invoke(p.root, html); err != nil {
		return fmt.Errorf("patch page: %w", err)
	}
	return nil
}

// SetTitle sets document.title.
func (p domPage) SetTitle(title string) { _ = p.doc.Set("title", title) }

// SetURL rewrites the address bar's query and fragment.
func (p domPage) SetURL(query, hash string, push bool) {
	history, err := p.global.Get("history")
	if err != nil {
		return
	}
	method := "replaceState"
	if push {
		method = "pushState"
	}
	_, _ = history.Call(method, safejs.Null(), "", query+hash)
}

// Focus moves focus to the element with the id.
func (p domPage) Focus(id string) {
	el, err := p.doc.Call("getElementById", id)
	if err != nil || el.IsNull() {
		return
	}
	_, _ = el.Call("focus", map[string]any{"preventScroll": false})
}

// sandboxed reports whether the page runs in a sandboxed frame (opaque
// origin), where downloads and storage are refused.
func (p domPage) sandboxed() bool { return propString(p.global, "origin") == "null" }

// Download offers data as a file through a temporary object URL.
func (p domPage) Download(name, mime, data string) error {
	if p.sandboxed() {
		return fmt.Errorf("download %s: sandboxed frame", name)
	}
	blobCtor, err := p.global.Get("Blob")
	if err != nil {
		return fmt.Errorf("download %s: %w", name, err)
	}
	parts, err := safejs.ValueOf([]any{data})
	if err != nil {
		return fmt.Errorf("download %s: %w", name, err)
	}
	blob, err := blobCtor.New(parts, map[string]any{"type": mime})
	if err != nil {
		return fmt.Errorf("download %s: %w", name, err)
	}
	urlObj, err := p.global.Get("URL")
	if err != nil {
		return fmt.Errorf("download %s: %w", name, err)
	}
	href, err := urlObj.Call("createObjectURL", blob)
	if err != nil {
		return fmt.Errorf("download %s: %w", name, err)
	}
	a, err := p.doc.Call("createElement", "a")
	if err != nil {
		return fmt.Errorf("download %s: %w", name, err)
	}
	_ = a.Set("href", href)
	_ = a.Set("download", name)
	_ = a.Set("hidden", true)
	body, _ := p.doc.Get("body")
	_, _ = body.Call("appendChild", a)
	_, err = a.Call("click")
	_, _ = a.Call("remove")
	_, _ = urlObj.Call("revokeObjectURL", href)
	if err != nil {
		return fmt.Errorf("download %s: %w", name, err)
	}
	return nil
}

// Copy writes text to the clipboard; failed runs when the browser refuses
// (no clipboard on plain-HTTP pages, or a sandboxed frame).
func (p domPage) Copy(text string, failed func()) {
	nav, err := p.global.Get("navigator")
	if err != nil {
		failed()
		return
	}
	clip, err := nav.Get("clipboard")
	if err != nil || clip.IsUndefined() || clip.IsNull() {
		failed()
		return
	}
	promise, err := clip.Call("writeText", text)
	if err != nil {
		failed()
		return
	}
	// Both callbacks are released whichever of them runs.
	var onOK, onReject safejs.Func
	release := func() { onOK.Release(); onReject.Release() }
	onOK, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		release()
		return nil
	})
	if err != nil {
		return
	}
	onReject, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		release()
		failed()
		return nil
	})
	if err != nil {
		onOK.Release()
		return
	}
	_, _ = promise.Call("then", onOK.Value(), onReject.Value())
}

// AfterPaint runs fn after the next paint: requestAnimationFrame runs just
// before a paint, and a zero timeout queued from it runs after.
func (p domPage) AfterPaint(fn func()) {
	var raf, timeout safejs.Func
	var err error
	timeout, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		timeout.Release()
		fn()
		return nil
	})
	if err != nil {
		fn()
		return
	}
	raf, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		raf.Release()
		if _, err := p.global.Call("setTimeout", timeout.Value(), 0); err != nil {
			fn()
		}
		return nil
	})
	if err != nil {
		fn()
		return
	}
	if _, err := p.global.Call("requestAnimationFrame", raf.Value()); err != nil {
		fn()
	}
}

// LoadCatalog fetches the IAM action catalog (see loadCatalog).
func (p domPage) LoadCatalog(done func(catalog.Actions, error)) { loadCatalog(p.global, done) }

// Select focuses a text field, selects [start, end) and scrolls the
// selection's line into view inside the field's scrolling box.
func (p domPage) Select(id string, start, end int) {
	el, err := p.doc.Call("getElementById", id)
	if err != nil || el.IsNull() {
		return
	}
	_, _ = el.Call("focus", map[string]any{"preventScroll": true})
	_, _ = el.Call("setSelectionRange", start, end)
	value := utf16.Encode([]rune(propString(el, "value")))
	start = min(max(start, 0), len(value))
	before, total := 0, 1
	for i, c := range value {
		if c == '\n' {
			total++
			if i < start {
				before++
			}
		}
	}
	box, err := el.Get("parentElement")
	if err != nil || box.IsNull() {
		return
	}
	lineHeight := float64(propInt(el, "scrollHeight")) / float64(total)
	top := lineHeight*float64(before) - float64(propInt(box, "clientHeight"))/3
	_ = box.Set("scrollTop", max(top, 0))
	_, _ = box.Call("scrollIntoView", map[string]any{"block": "nearest"})
}
