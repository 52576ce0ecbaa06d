package core

import (
	"labsim/console/i18n"
	"labsim/console/ui"
)

// Heading is a page's h1: the target of focus after navigation.
func Heading(text ui.Node) ui.Node {
	return ui.El("h1", ui.ID("page-title"), ui.A("tabindex", "-1"), text)
}

// Button is a button that sends the Click action with its argument.
func Button(c i18n.Catalog, key, action, arg string, extra ...any) ui.Node {
	parts := []any{ui.A("type", "button"), ui.A("data-action", action)}
	if arg != "" {
		parts = append(parts, ui.A("data-arg", arg))
	}
	parts = append(parts, extra...)
	parts = append(parts, ui.Text(c.T(key)))
	return ui.El("button", parts...)
}

// AccountName is the account menu's button text: the account name for
// root, "user @ account" for an IAM user.
func (m Model) AccountName() string {
	acct := m.World.Accounts[m.Session.AccountID]
	if m.Session.Root {
		return acct.Name
	}
	if acct.Alias != "" {
		return m.Session.UserName + " @ " + acct.Alias
	}
	return m.Session.UserName + " @ " + DashedID(acct.ID)
}

// DashedID writes an account ID as the console shows it: 1234-5678-9012.
func DashedID(id string) string {
	if len(id) != 12 {
		return id
	}
	return id[:4] + "-" + id[4:8] + "-" + id[8:]
}
