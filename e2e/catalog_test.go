//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
)

// TestActionCatalogIsNotPartOfTheFirstVisit checks that start-up and the
// shell never fetch the IAM action catalog, and that the page's loader
// fetches and inflates it correctly in the browser when asked.
func TestActionCatalogIsNotPartOfTheFirstVisit(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	if p.Requested("iam-actions.dat") {
		t.Fatal("the first visit fetched the IAM action catalog")
	}
	got, err := chromedp.Run(p.ctx, chromedp.Evaluate[map[string]any](
		`labsimLoadCatalog().then(r => ({inflated: r.inflated, length: r.bytes.length}))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	text, err := catalog.DecompressActions(actiondata.Raw())
	if err != nil {
		t.Fatal(err)
	}
	if got["inflated"] != true || int(got["length"].(float64)) != len(text) {
		t.Fatalf("browser inflation gave %v, want %d inflated bytes", got, len(text))
	}
}
