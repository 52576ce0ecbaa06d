//go:build js && wasm && !entry

package main

import (
	"errors"
	"fmt"

	"github.com/hack-pad/safejs"

	"labsim/sim/catalog"
)

// loadCatalog fetches and parses the IAM action catalog through the page's
// labsimLoadCatalog, then calls done with the catalog or an error. The
// parsing runs on its own goroutine, never inside a JS callback.
func loadCatalog(global safejs.Value, done func(catalog.Actions, error)) {
	fail := func(err error) { done(nil, fmt.Errorf("load IAM action catalog: %w", err)) }
	fn, err := global.Get("labsimLoadCatalog")
	if err != nil || fn.Type() != safejs.TypeFunction {
		fail(errors.New("labsimLoadCatalog is missing"))
		return
	}
	promise, err := fn.Invoke()
	if err != nil {
		fail(err)
		return
	}
	var onOK, onErr safejs.Func
	release := func() { onOK.Release(); onErr.Release() }
	onOK, err = safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		defer release()
		if len(args) == 0 {
			fail(errors.New("no result"))
			return nil
		}
		inflated := propBool(args[0], "inflated")
		bytesVal, _ := prop(args[0], "bytes")
		data := make([]byte, propInt(bytesVal, "length"))
		if _, err := safejs.CopyBytesToGo(data, bytesVal); err != nil {
			fail(err)
			return nil
		}
		go func() {
			var a catalog.Actions
			var err error
			if inflated {
				a, err = catalog.ParseActionText(data)
			} else {
				a, err = catalog.ParseActions(data)
			}
			if err != nil {
				fail(err)
				return
			}
			done(a, nil)
		}()
		return nil
	})
	if err != nil {
		fail(err)
		return
	}
	onErr, err = safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		defer release()
		msg := "fetch failed"
		if len(args) > 0 {
			if m := propString(args[0], "message"); m != "" {
				msg = m
			}
		}
		fail(errors.New(msg))
		return nil
	})
	if err != nil {
		fail(err)
		return
	}
	if _, err := promise.Call("then", onOK.Value(), onErr.Value()); err != nil {
		fail(err)
	}
}
