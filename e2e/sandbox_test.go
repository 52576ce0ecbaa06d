//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSandboxedFrameKeepsWorkingInMemory embeds the simulator the way some
// LMSs do, in <iframe sandbox="allow-scripts">, where every access to
// localStorage throws SecurityError: the simulator must start, say that it
// keeps work in memory, and still work.
func TestSandboxedFrameKeepsWorkingInMemory(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en")
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const f = document.createElement('iframe');
		f.setAttribute('sandbox', 'allow-scripts');
		f.src = '/?lang=en&world=demo';
		f.id = 'sim'; f.width = 1100; f.height = 760;
		document.body.appendChild(f);
	})()`)); err != nil {
		t.Fatal(err)
	}
	// Chromium isolates sandboxed frames in a process of their own: attach
	// to the frame's target and read its text there.
	var frameCtx context.Context
	frameText := func() string {
		if frameCtx == nil {
			targets, err := chromedp.Targets(p.ctx)
			if err != nil {
				return ""
			}
			for _, tg := range targets {
				if tg.Type == "iframe" && strings.Contains(tg.URL, "world=demo") {
					ctx, cancel := chromedp.NewContext(p.ctx, chromedp.WithTargetID(tg.TargetID))
					t.Cleanup(cancel)
					frameCtx = ctx
				}
			}
			if frameCtx == nil {
				return ""
			}
		}
		txt, err := chromedp.Run(frameCtx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
		if err != nil {
			return ""
		}
		return txt
	}
	deadline := time.Now().Add(30 * time.Second)
	var txt string
	for !strings.Contains(txt, "kept in memory only") {
		if time.Now().After(deadline) {
			t.Fatalf("the sandboxed simulator should say it keeps work in memory; frame text:\n%s", txt)
		}
		time.Sleep(200 * time.Millisecond)
		txt = frameText()
	}
	if !strings.Contains(txt, "Console Home") {
		t.Fatalf("the simulator should run in the sandboxed frame; frame text:\n%s", txt)
	}
	// It still works: open the Services menu inside the frame.
	if err := chromedp.Do(frameCtx, chromedp.Click(chromedp.CSS("#menu-btn-services"))); err != nil {
		t.Fatal(err)
	}
	// The page answers just after the click has been dispatched.
	var v bool
	var err error
	for deadline := time.Now().Add(5 * time.Second); !v && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		v, err = chromedp.Run(frameCtx, chromedp.Evaluate[bool](`!!document.getElementById('services-menu')`))
	}
	if err != nil || !v {
		t.Fatalf("the Services menu did not open in the sandboxed frame (%v)", err)
	}
	p.Screenshot("sandboxed-frame")
}
