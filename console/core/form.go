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

// textFieldTpl is a label, an input and its error, with aria-invalid and
// aria-describedby set when there is an error.
var textFieldTpl = ui.Lazy(`
<div class="form-field">
	<label for="$id" class="field-label">{t $label}</label>
	<input id="$id" name="$name" type="text" value="$value" spellcheck="false" inputmode="?code:numeric" autocomplete="$autocomplete" autocapitalize="?mono:characters" class="?class" aria-invalid="?described:true" aria-describedby="?described">
	<p if="error" id="$errorID" class="field-error" role="alert">{t =error}</p>
</div>`)

// TextField renders a label, an input and its error, with aria-invalid and
// aria-describedby set when there is an error.
func TextField(c i18n.Catalog, f FormField) ui.Node {
	var described []string
	if f.Err != "" {
		described = append(described, f.ID+"-error")
	}
	if f.Shared != "" {
		described = append(described, f.Shared)
	}
	autocomplete, class := "off", ""
	switch {
	case f.Code:
		autocomplete, class = "one-time-code", "code-input"
	case f.Mono:
		class = "mono"
	}
	return textFieldTpl.Root(c, ui.Vals{{K: "id", S: f.ID}, {K: "name", S: f.Name}, {K: "value", S: f.Value}, {K: "label", S: f.LabelKey},
		{K: "code", B: f.Code}, {K: "mono", B: f.Mono && !f.Code}, {K: "autocomplete", S: autocomplete}, {K: "class", B: class != "", S: class},
		{K: "described", B: len(described) > 0, S: strings.Join(described, " ")},
		{K: "error", B: f.Err != "", S: f.Err}, {K: "errorID", S: f.ID + "-error"}})
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
