//go:build e2e

package e2e

import (
	"fmt"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"labsim/sim/policy"
)

func TestZZEditorPhases(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en#/iam/policies/create")
	p.WaitText("Policy editor")
	text := realisticPolicy()
	text = strings.Replace(text, "AllowManageOwnPasswords", "AllowManageOwnPasswords"+strings.Repeat("P", policy.ManagedPolicySizeQuota-policy.NonWhitespaceSize(text)), 1)
	replaceEditorText(p, text)
	p.WaitText("6,144 of 6,144 characters")
	p.WaitText("Errors (0)")
	if os.Getenv("STOPKD") != "" {
		Eval[any](p, `window.__stopKD = true`)
	}
	Eval[any](p, `(() => { const e = document.getElementById('policy-doc'); const i = e.value.indexOf('"AllowViewAccountInfo"') + 6;
		e.setSelectionRange(i, i);
		window.__phases = []; window.__kd = []; window.__mut = []; window.__times = []; let t0 = 0;
		window.addEventListener('keydown', () => { t0 = performance.now(); window.__kd.push(t0); }, true);
		window.__in = []; if (window.__stopKD) window.addEventListener('keydown', ev => ev.stopPropagation(), true); e.addEventListener('input', () => { window.__in.push(performance.now()); }, true);
		window.__to = []; const st = window.setTimeout; window.setTimeout = function(f, d) { window.__to.push([performance.now(), d]); return st.apply(window, arguments); };
		new MutationObserver(() => { if (!t0) return; const s = t0; t0 = 0; window.__mut.push(performance.now() - s);
			requestAnimationFrame(() => setTimeout(() => window.__times.push(performance.now() - s), 0)); })
			.observe(document.getElementById('pe-count'), {subtree: true, childList: true, characterData: true}); })()`)
	const n = 120
	for i := 0; i < n; i++ {
		typeOne(t, p, "x")
		deadline := time.Now().Add(5 * time.Second)
		for Eval[int](p, `window.__times.length`) < i+1 {
			if time.Now().After(deadline) {
				t.Fatalf("keystroke %d never updated the panel", i)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	med := func(xs []float64) float64 {
		ys := append([]float64(nil), xs...)
		sort.Float64s(ys)
		return ys[len(ys)/2]
	}
	ph := Eval[[]float64](p, `window.__phases`)
	kd := Eval[[]float64](p, `window.__kd`)
	var q, up, vw, pa, fx []float64
	for i := 0; i+4 < len(ph); i += 5 {
		// nearest preceding keydown
		k := 0.0
		for _, x := range kd {
			if x <= ph[i] {
				k = x
			}
		}
		q = append(q, ph[i]-k)
		up = append(up, ph[i+1])
		vw = append(vw, ph[i+2])
		pa = append(pa, ph[i+3])
		fx = append(fx, ph[i+4])
	}
	in := Eval[[]float64](p, `window.__in`)
	var kq []float64
	for i := range min(len(in), len(kd)) {
		kq = append(kq, in[i]-kd[i])
	}
	fmt.Printf("keydown->input median %.2f; timeouts %v\n", med(kq), Eval[[][]float64](p, `window.__to.slice(-12)`))
	fmt.Printf("median: queue %.2f update %.2f view %.2f patch %.2f effects %.2f | to-patched %.2f | painted %.2f (n=%d)\n",
		med(q), med(up), med(vw), med(pa), med(fx), med(Eval[[]float64](p, `window.__mut`)), med(Eval[[]float64](p, `window.__times`)), len(up))
}

func typeOne(t *testing.T, p *Page, ch string) {
	up := strings.ToUpper(ch)
	for _, ev := range []input.DispatchKeyEventParams{
		{Type: input.DispatchKeyEventTypeKeyDown, Key: ch, Code: "Key" + up, Text: ch, UnmodifiedText: ch, WindowsVirtualKeyCode: int64(up[0])},
		{Type: input.DispatchKeyEventTypeKeyUp, Key: ch, Code: "Key" + up, WindowsVirtualKeyCode: int64(up[0])},
	} {
		if _, err := chromedp.Call(p.ctx, input.DispatchKeyEvent, ev); err != nil {
			t.Fatal(err)
		}
	}
}
