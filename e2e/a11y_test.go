//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core (MPL-2.0), installed by `npm ci --prefix e2e`
// (.ci/run does it); it is not part of the site.
func axeSource(t *testing.T) string {
	data, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		msg := "axe-core is not installed (npm ci --prefix e2e): the accessibility audit did not run"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip("!!! " + msg)
	}
	return string(data)
}

// axeViolation is what the audit reports for one rule.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// audit runs axe-core's WCAG 2.1 A and AA rules on the page as it is.
func (p *Page) audit(t *testing.T, src, name string) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		t.Fatalf("load axe-core: %v", err)
	}
	got, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}, resultTypes: ['violations']}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run on %s: %v", name, err)
	}
	for _, v := range got {
		var where []string
		for i, n := range v.Nodes {
			if i == 4 {
				where = append(where, fmt.Sprintf("… %d more", len(v.Nodes)-4))
				break
			}
			where = append(where, fmt.Sprintf("%v %s", n.Target, trim(n.HTML, 120)))
		}
		t.Errorf("%s: %s (%s) %s:\n    %s", name, v.ID, v.Impact, v.Help, strings.Join(where, "\n    "))
	}
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// TestAccessibilityAudit checks the main pages and states in both
// languages with axe-core. It complements the tests that find every
// control by role and name: axe catches contrast, landmarks, duplicate IDs
// and ARIA misuse.
func TestAccessibilityAudit(t *testing.T) {
	src := axeSource(t)
	for _, lang := range []string{"en", "ko"} {
		p := NewPage(t)
		p.Open("/?lang=" + lang)
		p.audit(t, src, lang+" landing")
		p.Open("/?lang=" + lang + "#/signup/1")
		submit := map[string]string{"en": "Continue (step 1 of 5)", "ko": "계속(1/5단계)"}[lang]
		p.Click("button", submit)
		p.WaitText(map[string]string{"en": "Enter your email address.", "ko": "이메일"}[lang])
		p.audit(t, src, lang+" sign-up errors")
		p.Open("/?lang=" + lang + "#/signin")
		p.audit(t, src, lang+" sign-in")
		p.Open("/?world=demo&lang=" + lang)
		p.audit(t, src, lang+" console home")
		p.Click("button", map[string]string{"en": "Services", "ko": "서비스"}[lang])
		p.audit(t, src, lang+" services menu")
		for _, h := range []string{"#/services/s3", "#/simulator", "#/security-credentials", "#/iam", "#/vpc/subnets", "#/vpc/security-groups", "#/ec2", "#/policysim"} {
			p.Open("/?lang=" + lang + h)
			p.audit(t, src, lang+" "+h)
		}
		p.Click("button", map[string]string{"en": "Virtual phone", "ko": "가상 휴대폰"}[lang])
		p.audit(t, src, lang+" virtual phone")
	}
}
