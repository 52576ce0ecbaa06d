//go:build js && wasm && !entry

package main

import (
	"errors"
	"strconv"
	"time"

	"github.com/hack-pad/safejs"

	"labsim/console"
	"labsim/console/lab"
)

// labsAttr is the attribute of <html> that says the build carries an
// instructor's labs in the folder it names (internal/pack writes
// data-labs="labs" with labs/index.json listing the files).
const labsAttr = "data-labs"

// instructorLabs reports whether the page's build carries instructor's
// labs.
func instructorLabs(doc safejs.Value) bool {
	el, err := doc.Get("documentElement")
	return err == nil && attr(el, labsAttr) == lab.InstructorDir
}

// loadInstructorLabs reads labs/index.json and the lab files it lists
// with the page's fetch (which the single file answers from its inlined
// blocks, so this works from file:// too), then pushes one
// console.InstructorLabs; the console validates the files. It returns at
// once: the reading runs on its own goroutine.
func loadInstructorLabs(global safejs.Value, push func(console.Msg)) {
	go func() {
		msg := console.InstructorLabs{}
		dir := lab.InstructorDir + "/"
		data, err := fetchText(global, dir+"index.json")
		if err == nil {
			var names []string
			if names, err = lab.ParseIndex([]byte(data)); err == nil {
				if len(names) > lab.MaxInstructorFiles+1 {
					names = names[:lab.MaxInstructorFiles+1] // the console says there were too many
				}
				for _, n := range names {
					f := console.LabFile{Name: n}
					if lab.FileName(n) {
						if f.Data, err = fetchText(global, dir+n); err != nil {
							f.Err = err.Error()
						}
					}
					msg.Files = append(msg.Files, f)
				}
				err = nil
			}
		}
		if err != nil {
			msg.Err = err.Error()
		}
		msg.Now = time.Now()
		push(msg)
	}()
}

// fetchText fetches a file of the page's folder as text. It blocks its
// goroutine, never the event loop's.
func fetchText(global safejs.Value, url string) (string, error) {
	p, err := global.Call("fetch", url)
	if err != nil {
		return "", err
	}
	resp, err := await(p)
	if err != nil {
		return "", err
	}
	if !propBool(resp, "ok") {
		return "", errors.New("HTTP " + strconv.Itoa(propInt(resp, "status")))
	}
	p, err = resp.Call("text")
	if err != nil {
		return "", err
	}
	text, err := await(p)
	if err != nil {
		return "", err
	}
	return text.String()
}

// await waits for a promise to settle on the calling goroutine, which
// must not be the event loop's.
func await(p safejs.Value) (safejs.Value, error) {
	type result struct {
		v   safejs.Value
		err error
	}
	ch := make(chan result, 1)
	arg := func(args []safejs.Value) safejs.Value {
		if len(args) == 0 {
			return safejs.Undefined()
		}
		return args[0]
	}
	onOK, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		ch <- result{v: arg(args)}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), err
	}
	defer onOK.Release()
	onErr, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		msg := propString(arg(args), "message")
		if msg == "" {
			msg = "failed"
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), err
	}
	defer onErr.Release()
	if _, err := p.Call("then", onOK.Value(), onErr.Value()); err != nil {
		return safejs.Undefined(), err
	}
	r := <-ch
	return r.v, r.err
}
