//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
)

// clickLast clicks the last element with the role and name (the newest
// statement's control when every statement has one).
func clickLast(p *Page, role, name string) {
	p.t.Helper()
	p.Find(role, name)
	ids, err := p.query(role, name)
	if err != nil || len(ids) == 0 {
		p.t.Fatalf("no %s named %q: %v", role, name, err)
	}
	id := ids[len(ids)-1]
	if _, err := chromedp.Call(p.ctx, dom.ScrollIntoViewIfNeeded, dom.ScrollIntoViewIfNeededParams{BackendNodeID: id}); err != nil {
		p.t.Fatalf("scroll to %s %q: %v", role, name, err)
	}
	box, err := chromedp.Call(p.ctx, dom.GetBoxModel, dom.GetBoxModelParams{BackendNodeID: id})
	if err != nil {
		p.t.Fatalf("box of %s %q: %v", role, name, err)
	}
	q := box.Model.Content
	if err := chromedp.Do(p.ctx, chromedp.MouseClickXY((q[0]+q[2]+q[4]+q[6])/4, (q[1]+q[3]+q[5]+q[7])/4)); err != nil {
		p.t.Fatalf("click %s %q: %v", role, name, err)
	}
}

// retype clears a field with Ctrl+A and types text into it.
func retype(p *Page, role, name, text string) {
	p.t.Helper()
	p.Focus(role, name)
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		p.t.Fatal(err)
	}
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(text)); err != nil {
		p.t.Fatal(err)
	}
}

const visualFirstStatement = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Statement1",
            "Effect": "Allow",
            "Action": [
                "ec2:DescribeVpcs",
                "ec2:DescribeSubnets",
                "ec2:DescribeAvailabilityZones"
            ],
            "Resource": "*",
            "Condition": {
                "Bool": {
                    "aws:MultiFactorAuthPresent": "true"
                }
            }
        }
    ]
}`

func TestVisualEditorCreatesPolicy(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en#/iam/policies/create")
	p.WaitText("Policy editor")
	p.Click("tab", "Visual")
	p.Type("searchbox", "Select a service", "EC2")
	p.Click("button", "Amazon EC2 (ec2)")
	p.WaitText("Actions allowed")
	for _, a := range []string{"DescribeVpcs", "DescribeSubnets", "DescribeAvailabilityZones"} {
		retype(p, "searchbox", "Filter actions", a)
		p.Click("checkbox", a)
		p.WaitText(a)
	}
	p.Click("radio", "All")
	p.Click("checkbox", "Require MFA")
	p.WaitText("Errors (0)")
	bothLanguages(p, "policy-visual")

	p.Click("tab", "JSON")
	if got := p.Value("textbox", "Policy editor (JSON)"); got != visualFirstStatement {
		t.Fatalf("the JSON tab shows:\n%s", got)
	}
	p.Click("tab", "Visual")
	p.Click("button", "Add more permissions")
	p.WaitText("Statement 2")
	clickLast(p, "radio", "Deny")
	p.Click("button", "All services")
	clickLast(p, "radio", "All")
	clickLast(p, "combobox", "Condition key")
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("aws:SourceIp")); err != nil {
		t.Fatal(err)
	}
	clickLast(p, "textbox", "Value")
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("203.0.113.0/24")); err != nil {
		t.Fatal(err)
	}
	// The operator list now offers the IP operators.
	ids, _ := p.query("combobox", "Operator")
	if len(ids) != 2 {
		t.Fatalf("want two operator lists, have %d", len(ids))
	}
	if _, err := chromedp.Call(p.ctx, dom.Focus, dom.FocusParams{BackendNodeID: ids[1]}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("NotI")); err != nil {
		t.Fatal(err)
	}
	clickLast(p, "button", "Add another condition")
	p.WaitText("NotIpAddress aws:SourceIp 203.0.113.0/24")
	bothLanguages(p, "policy-visual-deny")
	// Two statements' forms pass axe-core's WCAG 2.1 AA rules.
	p.audit(t, axeSource(t), "visual editor")

	p.Click("tab", "JSON")
	got := p.Value("textbox", "Policy editor (JSON)")
	for _, want := range []string{`"Effect": "Deny"`, `"Action": "*"`, `"NotIpAddress": {`, `"aws:SourceIp": "203.0.113.0/24"`, `"ec2:DescribeSubnets"`} {
		if !strings.Contains(got, want) {
			t.Fatalf("JSON lacks %s:\n%s", want, got)
		}
	}
	p.Click("button", "Next")
	p.WaitText("Review and create")
	p.Type("textbox", "Policy name", "VisualNetworkRead")
	p.Click("button", "Create policy")
	p.WaitText("Policy VisualNetworkRead created.")
}
