//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusRing reports whether the focused element draws a visible focus
// indicator (an outline or a box shadow).
const focusRing = `(() => { const s = getComputedStyle(document.activeElement);
	return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; })()`

// shiftTab presses Shift+Tab.
func shiftTab(p *Page) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
		p.t.Fatal(err)
	}
	p.Settle()
}

// TestKeyboardPolicyEditorIsNoTrap: in the JSON policy editor Tab indents
// (the page says so under the editor), and Escape then Tab, or Escape then
// Shift+Tab, leaves it with the text unchanged, onto a control with a
// visible focus ring; Tab from the control before it comes back in.
func TestKeyboardPolicyEditorIsNoTrap(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en#/iam/policies/create")
	p.WaitText("Tab indents and Shift+Tab outdents the selected lines; Escape, then Tab, leaves the editor.")
	p.Focus("textbox", "Policy editor (JSON)")
	Eval[any](p, `document.getElementById('policy-doc').setSelectionRange(0, 0)`)
	before := p.Value("textbox", "Policy editor (JSON)")
	p.Press(kb.Tab)
	indented := p.Value("textbox", "Policy editor (JSON)")
	if indented != "    "+before {
		t.Fatalf("Tab did not indent: %q", trim(indented, 30))
	}
	if Eval[string](p, `document.activeElement.id`) != "policy-doc" {
		t.Fatal("Tab left the editor instead of indenting")
	}

	// Escape, then Tab: focus moves on.
	p.Press(kb.Escape)
	if Eval[string](p, `document.activeElement.id`) != "policy-doc" {
		t.Fatal("Escape alone moved focus")
	}
	p.Press(kb.Tab)
	if id := Eval[string](p, `document.activeElement.id || document.activeElement.tagName`); id == "policy-doc" {
		t.Fatal("Escape then Tab stayed in the editor: a keyboard trap")
	}
	if !Eval[bool](p, focusRing) {
		t.Errorf("the control after the editor (%s) shows no focus ring", Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	if got := p.Value("textbox", "Policy editor (JSON)"); got != indented {
		t.Fatalf("leaving the editor changed its text: %q", trim(got, 30))
	}

	// Shift+Tab comes back in; Escape then Shift+Tab leaves backwards.
	shiftTab(p)
	if Eval[string](p, `document.activeElement.id`) != "policy-doc" {
		t.Fatalf("Shift+Tab from the next control went to %s, not the editor", Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	p.Press(kb.Escape)
	shiftTab(p)
	if Eval[string](p, `document.activeElement.id`) == "policy-doc" {
		t.Fatal("Escape then Shift+Tab stayed in the editor")
	}
	if !Eval[bool](p, focusRing) {
		t.Errorf("the control before the editor (%s) shows no focus ring", Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	// Once out, a Tab back in indents again (Escape is forgotten).
	p.Press(kb.Tab)
	if Eval[string](p, `document.activeElement.id`) != "policy-doc" {
		t.Fatal("Tab from the control before the editor did not enter it")
	}
	Eval[any](p, `document.getElementById('policy-doc').setSelectionRange(0, 0)`)
	p.Press(kb.Tab)
	if got := p.Value("textbox", "Policy editor (JSON)"); got != "    "+indented {
		t.Fatalf("Tab after coming back did not indent: %q", trim(got, 30))
	}
}

// TestKeyboardDialogsCloseOnEscapeAndReturnFocus opens the IAM pages'
// modal dialogs and the Simulator page's confirmation from the keyboard
// (Enter on the focused button): focus goes into the dialog, Escape closes
// it and focus goes back to the button that opened it, with a visible focus
// ring.
func TestKeyboardDialogsCloseOnEscapeAndReturnFocus(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=delegation-done&lang=en")
	signInRoot(p)
	for _, c := range []struct{ route, opener, dialog string }{
		{"#/iam", "iam-alias-btn", `[role="dialog"][aria-modal="true"]`},
		{"#/iam/groups/NetworkAdmin", "iam-g-add", `[role="dialog"][aria-modal="true"]`},
		{"#/iam/groups/NetworkAdmin", "iam-g-attach", `[role="dialog"][aria-modal="true"]`},
		{"#/iam/groups/NetworkAdmin", "iam-g-delete", `[role="dialog"][aria-modal="true"]`},
		{"#/iam/users/create/permissions", "iam-cu-newgroup", `[role="dialog"][aria-modal="true"]`},
		{"#/simulator", "reset-button", `[role="alertdialog"]`},
	} {
		p.goHash(c.route)
		if c.opener == "iam-g-attach" {
			p.clickAction("iam.g.tab", "permissions")
		}
		Eval[any](p, `document.getElementById(`+jsString(c.opener)+`).focus()`)
		p.Press(kb.Enter)
		inside := `(() => { const d = document.querySelector(` + jsString(c.dialog) + `); return !!d && d.contains(document.activeElement); })()`
		waitJS(p, c.opener+" opens a dialog with focus inside", inside)
		p.Press(kb.Escape)
		waitJS(p, "Escape closes the dialog of "+c.opener, `!document.querySelector(`+jsString(c.dialog)+`)`)
		if got := Eval[string](p, `document.activeElement.id`); got != c.opener {
			t.Errorf("%s %s: after Escape focus is on %q, not the opener", c.route, c.opener, got)
		} else if !Eval[bool](p, focusRing) {
			t.Errorf("%s %s: the opener shows no focus ring", c.route, c.opener)
		}
	}
}

// TestKeyboardTablesAndTabs sorts an IAM list and selects a row from the
// keyboard alone, and switches a group's tabs with Enter: focus stays on
// the control pressed, with a visible focus ring.
func TestKeyboardTablesAndTabs(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=delegation-done&lang=en")
	signInRoot(p)
	p.goHash("#/iam/users")
	sortState := `document.querySelector('th[aria-sort] .th-sort').closest('th').getAttribute('aria-sort')`
	Eval[any](p, `document.querySelector('th[aria-sort] .th-sort').focus()`)
	before := Eval[string](p, sortState)
	p.Press(kb.Enter)
	waitJS(p, "Enter on a column header sorts by it", sortState+` !== `+jsString(before))
	if !Eval[bool](p, `document.activeElement.classList.contains('th-sort')`) {
		t.Errorf("after sorting focus is on %s, not the column's button", Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
	} else if !Eval[bool](p, focusRing) {
		t.Error("the column's button shows no focus ring")
	}

	p.goHash("#/iam/groups/" + "NetworkAdmin")
	box := `document.querySelector('td input[type="checkbox"]')`
	if !Eval[bool](p, `!!`+box) {
		t.Fatalf("the group's users table has no row checkbox; page text:\n%s", p.Text())
	}
	Eval[any](p, box+`.focus()`)
	p.Press(" ")
	waitJS(p, "Space selects the row", box+`.checked`)
	if !Eval[bool](p, `document.activeElement === `+box) || !Eval[bool](p, focusRing) {
		t.Error("after selecting a row focus left its checkbox or shows no ring")
	}

	Eval[any](p, `document.getElementById('iam-tab-permissions').focus()`)
	p.Press(kb.Enter)
	waitJS(p, "Enter on the Permissions tab selects it", `document.getElementById('iam-tab-permissions').getAttribute('aria-selected') === 'true'`)
	if got := Eval[string](p, `document.activeElement.id`); got != "iam-tab-permissions" {
		t.Errorf("after switching tabs focus is on %q", got)
	}
}
