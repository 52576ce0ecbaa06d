//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

// TestReportStartUp measures, without asserting anything about speed,
// how long a first visit takes from navigation until the simulator has
// rendered (fresh origin, empty cache), and how long a reload takes. The
// figures go to the test log and to e2e/screenshots/startup.txt.
func TestReportStartUp(t *testing.T) {
	var first, again []float64
	for i := 0; i < 3; i++ {
		p := NewPage(t)
		p.Open("/?lang=en")
		first = append(first, Eval[float64](p, `window.labsimReadyAt`))
		p.Reload()
		again = append(again, Eval[float64](p, `window.labsimReadyAt`))
	}
	med := func(xs []float64) float64 { sort.Float64s(xs); return xs[len(xs)/2] }
	report := fmt.Sprintf("start-up (navigation to first render), median of 3: first visit %.0f ms, reload %.0f ms\n", med(first), med(again))
	t.Log(report)
	_ = os.MkdirAll("screenshots", 0o755)
	_ = os.WriteFile("screenshots/startup.txt", []byte(report), 0o644)
	if med(first) <= 0 {
		t.Fatal("labsimReadyAt was not recorded")
	}
}
