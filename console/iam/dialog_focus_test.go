package iam_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	ct "labsim/internal/consoletest"
	"labsim/sim"
)

// Every IAM dialog closes on Escape and on Cancel and gives focus back to
// the button that opened it.
func TestDialogsReturnFocusToTheirOpener(t *testing.T) {
	m := ct.StartCheap(t, map[string]string{"world": "delegation-done", "lang": "en"})
	m.Session = sim.RootSession(m.World.Accounts[sim.DemoAccountID], ct.T1, false)
	tests := []struct{ route, open, opener string }{
		{"#/iam", "iam.alias.open", "iam-alias-btn"},
		{"#/iam/users/create/permissions", "iam.ng.open", "iam-cu-newgroup"},
		{"#/iam/groups/NetworkAdmin", "iam.g.addUsers", "iam-g-add"},
		{"#/iam/groups/NetworkAdmin", "iam.g.attachOpen", "iam-g-attach"},
		{"#/iam/groups/NetworkAdmin", "iam.g.delete", "iam-g-delete"},
		{"#/iam/settings", "iam.pp.edit", "iam-pp-edit"},
	}
	for _, tt := range tests {
		t.Run(tt.open, func(t *testing.T) {
			page := goTo(m, tt.route)
			open := ct.Click(page, tt.open, "")
			require.NotEmpty(t, open.IAM.Dialog, "%s opens a dialog", tt.open)
			for _, close := range []console.Msg{console.Key{Now: ct.T1, Key: "Escape"}, console.Click{Now: ct.T1, Action: "iam.dialog.cancel"}} {
				if tt.open == "iam.pp.edit" {
					if _, ok := close.(console.Click); ok {
						close = console.Click{Now: ct.T1, Action: "iam.pp.cancel"}
					}
				}
				closed, fx := console.Update(open, close)
				require.Empty(t, closed.IAM.Dialog, "%T closes it", close)
				require.Equal(t, tt.opener, focusOf(fx), "%T returns focus to the opener", close)
			}
		})
	}
}

// A custom password with a character IAM refuses names that character even
// when it is also too short (found by the browser's hostile-input test:
// "ab<NUL>cd" was only "too short").
func TestCustomPasswordNamesTheRefusedCharacterFirst(t *testing.T) {
	for _, pw := range []string{"ab\x00cd", "ab\x01c", "Abcdef12!\x00"} {
		m := goTo(demo(t, "en"), "#/iam/users/create")
		m, _ = submitForm(t, m, "iam.cu.details", "iam.cu.name", "alice", "iam.cu.console", "true", "iam.cu.kind", "iam", "iam.cu.pwtype", "custom", "iam.cu.password", pw)
		require.Contains(t, errorOf(t, m, "textbox", "Password"), "U+000", "password %q", pw)
	}
}
