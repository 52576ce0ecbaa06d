package core

import (
	"strings"

	"labsim/console/i18n"
	"labsim/console/ui"
)

// FormField describes a labelled text input of the MFA pages.
type FormField struct {
	ID, Name, LabelKey string
	// Value is what the field shows.
	Value string
	// Err is the field's own error; Shared is the ID of an error element
	// that describes this field too (a refused pair of codes).
	Err    string
	Shared string
	// Code marks a 6-digit code field (numeric keyboard, one-time-code
	// autofill).
	Code bool
	// Mono shows the value in a monospace font (keys).
	Mono bool
}

// TextField renders a label, an input and its error, with aria-invalid and
// aria-describedby set when there is an error.
func TextField(c i18n.Catalog, f FormField) ui.Node {
	attrs := []any{ui.ID(f.ID), ui.A("name", f.Name), ui.A("type", "text"), ui.A("value", f.Value), ui.A("spellcheck", "false")}
	switch {
	case f.Code:
		attrs = append(attrs, ui.A("inputmode", "numeric"), ui.A("autocomplete", "one-time-code"), ui.Class("code-input"))
	case f.Mono:
		attrs = append(attrs, ui.A("autocomplete", "off"), ui.A("autocapitalize", "characters"), ui.Class("mono"))
	default:
		attrs = append(attrs, ui.A("autocomplete", "off"))
	}
	var described []string
	var errNode ui.Node
	if f.Err != "" {
		described = append(described, f.ID+"-error")
		errNode = ui.El("p", ui.ID(f.ID+"-error"), ui.Class("field-error"), ui.A("role", "alert"), ui.Text(f.Err))
	}
	if f.Shared != "" {
		described = append(described, f.Shared)
	}
	if len(described) > 0 {
		attrs = append(attrs, ui.A("aria-invalid", "true"), ui.A("aria-describedby", strings.Join(described, " ")))
	}
	return ui.El("div", ui.Class("form-field"),
		ui.El("label", ui.A("for", f.ID), ui.Class("field-label"), ui.Text(c.T(f.LabelKey))),
		ui.El("input", attrs...),
		errNode)
}

// SubmitButton is a submit button.
func SubmitButton(c i18n.Catalog, key string, extra ...any) ui.Node {
	parts := append([]any{ui.A("type", "submit"), ui.Class("btn", "btn-primary")}, extra...)
	parts = append(parts, ui.Text(c.T(key)))
	return ui.El("button", parts...)
}

// BoolAttr is "true" or "false", for aria attributes.
func BoolAttr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// pngDataURLPrefix starts every image source built from saved or
// generated data.
const pngDataURLPrefix = "data:image/png;base64,"

// IsPNGDataURL reports whether s is a base64 PNG data URL: the only kind
// of image source the console builds from data (the security check's
// picture, which is saved with the fields, and the MFA QR code).
func IsPNGDataURL(s string) bool {
	rest, ok := strings.CutPrefix(s, pngDataURLPrefix)
	if !ok || rest == "" {
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '=') {
			return false
		}
	}
	return true
}

// TypedCode drops the spaces a student may copy from an app that shows
// codes as "123 456".
func TypedCode(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// Fields of the sign-in page that the sign-up fills in when it ends, so
// that "Sign in to the console" starts with the new account's email.
const (
	FieldSigninType  = "signin.type"
	FieldSigninEmail = "signin.email"
)
