//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTopBarIconsAndStrip: the top bar's CloudShell, notifications, help
// and settings buttons each open a panel by keyboard (Enter on the
// focused button) and Escape closes it with focus back on the button,
// never <body>; the settings panel switches the language; the simulator
// strip is a separate labelled region above the AWS top bar. Screenshots
// of the top bar, its panels and the search in both languages.
func TestTopBarIconsAndStrip(t *testing.T) {
	src := axeSource(t)
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Find("heading", "Console Home")
	p.audit(t, src, "en top bar and strip")
	strip := p.Find("region", "Simulator controls (not part of the AWS console)")
	_ = strip
	if below := Eval[bool](p, `(() => {
		const s = document.querySelector(".simstrip").getBoundingClientRect();
		const b = document.querySelector("header.topnav").getBoundingClientRect();
		return s.bottom <= b.top + 1 && !document.querySelector("header.topnav").contains(document.getElementById("devices-btn-phone"));
	})()`); !below {
		t.Fatal("the simulator strip is not a separate band above the top bar")
	}
	top(p)
	p.Screenshot("topbar-en")
	for _, c := range []struct{ button, text string }{
		{"CloudShell", "This version of the simulator has no CloudShell."},
		{"Notifications", "You have no notifications."},
		{"Help", "Keyboard shortcuts"},
		{"Settings", "See all user settings"},
	} {
		p.Focus("button", c.button)
		p.Press(kb.Enter)
		p.Find("region", c.button)
		p.WaitText(c.text)
		if f := activeFocus(p); f == "BODY" || strings.HasPrefix(f, "hidden") {
			t.Fatalf("focus on %s after opening %s", f, c.button)
		}
		p.audit(t, src, "en "+c.button+" panel")
		top(p)
		p.Screenshot("topbar-panel-" + strings.ToLower(c.button) + "-en")
		p.Press(kb.Escape)
		waitFocus(t, p, "menu-btn-"+strings.ToLower(c.button), "Escape in the "+c.button+" panel")
		if p.Has("region", c.button) {
			t.Fatalf("the %s panel stays open after Escape", c.button)
		}
	}

	// Settings: the language changes and the panel stays, focus kept.
	p.Click("button", "Settings")
	Eval[any](p, `document.querySelector("#settings-lang [data-arg=ko]").click()`)
	p.waitLang("ko")
	p.Find("region", "설정")
	if f := activeFocus(p); f == "BODY" || strings.HasPrefix(f, "hidden") {
		t.Fatalf("focus on %s after choosing Korean in Settings", f)
	}
	p.audit(t, src, "ko settings panel")
	top(p)
	p.Screenshot("topbar-panel-settings-ko")
	p.Press(kb.Escape)
	waitFocus(t, p, "menu-btn-settings", "Escape in the settings panel")
	p.Find("region", "시뮬레이터 도구(AWS 콘솔의 일부가 아님)")
	top(p)
	p.Screenshot("topbar-ko")
	p.Focus("combobox", "검색")
	// Hangul arrives as an IME would commit it.
	if _, err := chromedp.Call(p.ctx, input.InsertText, input.InsertTextParams{Text: "사용자"}); err != nil {
		t.Fatal(err)
	}
	p.Settle()
	p.Find("option", "사용자 IAM 기능")
	p.Press(kb.ArrowDown)
	p.audit(t, src, "ko search results")
	top(p)
	p.Screenshot("topbar-search-users-ko")
	p.Press(kb.Escape)
	waitFocus(t, p, "search-input", "Escape in the search")
	if p.Has("listbox", "검색 결과") {
		t.Fatal("the results stay open after Escape")
	}
	// A click on a result opens it, as a link.
	p.Press(kb.ArrowDown)
	p.Find("listbox", "검색 결과")
	p.Click("option", "사용자 IAM 기능")
	p.Find("heading", "사용자 (0)")
	if h := Eval[string](p, `location.hash`); h != "#/iam/users" {
		t.Fatalf("address %q after clicking Users, want #/iam/users", h)
	}
}
