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
