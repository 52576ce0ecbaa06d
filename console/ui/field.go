package ui

import "strings"

// Field is a labelled form control described as data: its label, hint and
// error (translated text), its kind and value. Render links the control to
// its hint and error (aria-describedby, aria-invalid), so that a screen
// reader reads them with the control and the error is announced.
type Field struct {
	// ID is the control's id; the hint and error take ID+"-hint" and
	// ID+"-error".
	ID, Name string
	// Kind is the input type: "text", "email", "password", "tel"…
	Kind  string
	Value string
	// Label, Hint and Error are translated text ("" for no hint or error).
	Label, Hint, Error string
	// Autocomplete, InputMode, AutoCapitalize, SpellCheck and Placeholder
	// are the input's attributes of those names, when set.
	Autocomplete, InputMode, AutoCapitalize, SpellCheck, Placeholder string
	// DescribedBy are more ids describing the control (a live checklist).
	DescribedBy []string
}

// fieldTpl is a labelled input with its hint and error.
var fieldTpl = Lazy(`
<div class="form-field">
	<label for="$id" class="field-label">{t =label}</label>
	<p if="hint" id="$hintID" class="field-hint">{t =hint}</p>
	<input id="$id" name="$name" type="$kind" value="$value" aria-invalid="?error:true" aria-describedby="?described" autocomplete="?autocomplete" inputmode="?inputmode" autocapitalize="?autocapitalize" spellcheck="?spellcheck" placeholder="?placeholder">
	<p if="error" id="$errorID" class="field-error" role="alert">{t =error}</p>
</div>`)

// Render renders the field.
func (f *Field) Render(c Catalog) Node {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	ids = append(ids, f.DescribedBy...)
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return fieldTpl.Root(c, Vals{{K: "id", S: f.ID}, {K: "name", S: f.Name}, {K: "kind", S: f.Kind}, {K: "value", S: f.Value},
		{K: "label", S: f.Label}, {K: "hint", B: f.Hint != "", S: f.Hint}, {K: "hintID", S: f.ID + "-hint"},
		{K: "error", B: f.Error != "", S: f.Error}, {K: "errorID", S: f.ID + "-error"},
		{K: "described", B: len(ids) > 0, S: strings.Join(ids, " ")},
		{K: "autocomplete", B: f.Autocomplete != "", S: f.Autocomplete}, {K: "inputmode", B: f.InputMode != "", S: f.InputMode},
		{K: "autocapitalize", B: f.AutoCapitalize != "", S: f.AutoCapitalize}, {K: "spellcheck", B: f.SpellCheck != "", S: f.SpellCheck},
		{K: "placeholder", B: f.Placeholder != "", S: f.Placeholder}})
}
