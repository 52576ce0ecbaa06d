package policies

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/iam/policies/visual"
	"labsim/console/ui"
	"labsim/sim/policy"
)

// The editor's fields. The text is an ordinary field, so it is saved with
// the student's work and survives a reload; docFor names what it is for
// ("create", "edit:<name>", "inline:user:<name>").
const (
	fieldDoc      = "policies.doc"
	fieldDocFor   = "policies.docFor"
	fieldPanelTab = "policies.panelTab"
	fieldName     = "policies.name"
	fieldDesc     = "policies.desc"
	fieldTagKey   = "policies.tagKey"
	fieldTagValue = "policies.tagValue"
	fieldDrop     = "policies.dropVersion"
	// editorID is the textarea's id (SetSelection's target).
	editorID = "policy-doc"
)

// newPolicyText is the JSON editor's starting text, as AWS's.
const newPolicyText = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Statement1",
            "Effect": "Allow",
            "Action": [],
            "Resource": []
        }
    ]
}`

// editorFor returns what the editor of a place edits: its key, its
// starting text and its policy type; ok is false for other places and
// for a policy or entity that does not exist.
func editorFor(m core.Model, w where) (key, text string, t policy.PolicyType, ok bool) {
	switch w.page {
	case "create":
		return "create", newPolicyText, policy.ManagedPolicy, true
	case "edit":
		e, found := lookup(m, where{kind: "customer", name: w.name})
		if !found || e.Type != "customer" {
			return "", "", 0, false
		}
		return "edit:" + e.Name, e.Document, policy.ManagedPolicy, true
	case "inline":
		acct := m.World.IAMAccount(m.Session.AccountID)
		switch w.kind {
		case "user":
			if _, found := acct.User(w.name); found {
				return "inline:user:" + w.name, newPolicyText, policy.UserInlinePolicy, true
			}
		case "group":
			if _, found := acct.Group(w.name); found {
				return "inline:group:" + w.name, newPolicyText, policy.GroupInlinePolicy, true
			}
		}
	}
	return "", "", 0, false
}

// Check runs what IAM and Access Analyzer say about a policy text, with a
// validator built for the catalog (nil while it loads).
func Check(v *policy.Validator, text string, t policy.PolicyType, withCatalog bool) core.PolicyCheck {
	c := core.PolicyCheck{Text: text, Type: t, Catalog: withCatalog}
	doc, err := policy.Parse(text)
	if err != nil {
		doc = nil
		c.Size = policy.NonWhitespaceSize(text)
	} else {
		c.Size = doc.Size
	}
	c.Malformed = policy.CheckIAM(doc, text, t)
	if t == policy.GroupInlinePolicy {
		// Access Analyzer does not check inline policies of groups.
		return c
	}
	if doc == nil {
		c.Findings = v.ValidateText(text, t)
	} else {
		c.Findings = v.Validate(doc, t)
	}
	return c
}

// checkEditor checks the editor's text, reusing the model's validator
// (rebuilt once when the catalog arrives).
func checkEditor(m core.Model, text string, t policy.PolicyType) core.Model {
	withCat := m.Actions != nil
	c := m.Policy.Check
	if c.Text == text && c.Type == t && c.Catalog == withCat && m.Policy.Validator != nil {
		return m
	}
	if m.Policy.Validator == nil || m.Policy.WithCatalog != withCat {
		m.Policy.Validator, m.Policy.WithCatalog = policy.NewValidator(m.Actions), withCat
	}
	m.Policy.Check = Check(m.Policy.Validator, text, t, withCat)
	return m
}

// currentCheck is the check of the text the view shows: the model's when
// it is for that text, else a fresh one (the catalog arrived since).
func currentCheck(m core.Model, text string, t policy.PolicyType) core.PolicyCheck {
	withCat := m.Actions != nil
	c := m.Policy.Check
	if c.Text == text && c.Type == t && c.Catalog == withCat {
		return c
	}
	v := m.Policy.Validator
	if v == nil || m.Policy.WithCatalog != withCat {
		v = policy.NewValidator(m.Actions)
	}
	return Check(v, text, t, withCat)
}

// blocks reports whether a check keeps the student from going on: IAM's
// refusal or an Access Analyzer ERROR finding.
func blocks(c core.PolicyCheck) bool {
	if c.Malformed != nil {
		return true
	}
	for _, f := range c.Findings {
		if f.Type == policy.FindingError {
			return true
		}
	}
	return false
}

// panelTabs are the validation panel's tabs in order, with the finding
// type each shows.
var panelTabs = []struct {
	id  string
	typ policy.FindingType
}{
	{"security", policy.FindingSecurityWarning},
	{"errors", policy.FindingError},
	{"warnings", policy.FindingWarning},
	{"suggestions", policy.FindingSuggestion},
}

// UTF16Offset converts a byte offset of text to the browser's count of
// UTF-16 code units (a selection's position in a textarea).
func UTF16Offset(text string, off int) int {
	off = min(max(off, 0), len(text))
	n := 0
	for _, r := range text[:off] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lineCount counts the lines of a text (LF, CR LF or a lone CR end one).
func lineCount(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			n++
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			n++
		}
	}
	return n
}

// gutter is the line numbers beside a text.
func gutter(lines int) string {
	var b strings.Builder
	for i := 1; i <= lines; i++ {
		if i > 1 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(i))
	}
	return b.String()
}

// thousands writes n with comma separators (6,144).
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// editorTpl is step 1 of Create policy, Edit and Create inline policy:
// the policy editor with its live validation panel.
var editorTpl = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "pol-step"}}, T: "policies.step1"},
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "$heading", Args: []string{"name", "$name"}},
	{If: "errText", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert alert-error"}, {Key: "role", Val: "alert"}}, D: "errText"},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pe-title"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pe-title"}}, T: "policies.editor.title"},
		// The Visual and JSON tabs edit the same text (console/iam/policies/visual).
		{Tag: "div", Attrs: []ui.Attr{{Key: "role", Val: "tablist"}, {Key: "class", Val: "pe-modes"}, {Key: "aria-label", Val: "%policies.editor.modes"}}, Kids: []ui.Tpl{
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "role", Val: "tab"}, {Key: "id", Val: "pe-tab-visual"}, {Key: "aria-selected", Val: "$visualSel"}, {Key: "aria-controls", Val: "pe-visual"}, {Key: "class", Val: "pe-mode"}, {Key: "data-action", Val: "policies.mode"}, {Key: "data-arg", Val: "visual"}}, T: "visual.tab"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "role", Val: "tab"}, {Key: "id", Val: "pe-tab-json"}, {Key: "aria-selected", Val: "$jsonSel"}, {Key: "aria-controls", Val: "pe-json"}, {Key: "class", Val: "pe-mode"}, {Key: "data-action", Val: "policies.mode"}, {Key: "data-arg", Val: "json"}}, T: "policies.editor.json"},
		}},
		{If: "note", Tag: "div", Attrs: []ui.Attr{{Key: "id", Val: "pe-note"}, {Key: "class", Val: "alert alert-warning"}, {Key: "role", Val: "alert"}, {Key: "tabindex", Val: "-1"}}, Kids: []ui.Tpl{
			{Tag: "p", T: "visual.cannot"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mono-wrap"}}, D: "note"},
		}},
		{If: "visual", Slot: "visualTab"},
		{If: "visual", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "$countClass"}}, T: "policies.editor.count", Args: []string{"n", "$size", "max", "$quota"}},
		{If: "nearQuota", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-error"}, {Key: "role", Val: "status"}}, T: "visual.nearQuota", Args: []string{"max", "$quota"}},
		{If: "!visual", Tag: "div", Attrs: []ui.Attr{{Key: "id", Val: "pe-json"}, {Key: "role", Val: "tabpanel"}, {Key: "aria-labelledby", Val: "pe-tab-json"}}, Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "pe-editor"}}, Kids: []ui.Tpl{
				{Tag: "pre", Attrs: []ui.Attr{{Key: "class", Val: "pe-gutter"}, {Key: "aria-hidden", Val: "true"}}, D: "gutter"},
				{Tag: "textarea", Attrs: []ui.Attr{{Key: "id", Val: editorID}, {Key: "name", Val: fieldDoc}, {Key: "class", Val: "pe-text"},
					{Key: "rows", Val: "$rows"}, {Key: "wrap", Val: "off"}, {Key: "spellcheck", Val: "false"}, {Key: "autocomplete", Val: "off"},
					{Key: "autocapitalize", Val: "off"}, {Key: "data-indent", Val: "    "}, {Key: "aria-label", Val: "%policies.editor.label"},
					{Key: "aria-describedby", Val: "pe-count pe-keys"}}, D: "text"},
			}},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pe-count"}, {Key: "class", Val: "$countClass"}}, T: "policies.editor.count", Args: []string{"n", "$size", "max", "$quota"}},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pe-keys"}, {Key: "class", Val: "field-hint"}}, T: "policies.editor.keys"},
		}},
		{If: "malformed", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert alert-error pe-iam"}}, Kids: []ui.Tpl{
			{Tag: "strong", T: "policies.editor.iam"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "pe-finding-pos"}, {Key: "data-action", Val: "policies.goto"}, {Key: "data-arg", Val: "$malOff"}},
				T: "policies.editor.pos", Args: []string{"line", "$malLine", "col", "$malCol"}},
			{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "malText"},
		}},
		{If: "groupInline", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policies.editor.noAnalyzer"},
		// The validation panel: a tab per finding type with its count.
		{If: "!groupInline", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "pe-panel"}, {Key: "aria-labelledby", Val: "pe-panel-title"}}, Kids: []ui.Tpl{
			{Tag: "h3", Attrs: []ui.Attr{{Key: "id", Val: "pe-panel-title"}}, T: "policies.panel.title"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "visually-hidden"}, {Key: "aria-live", Val: "polite"}}, T: "policies.panel.live",
				Args: []string{"security", "$nsecurity", "errors", "$nerrors", "warnings", "$nwarnings", "suggestions", "$nsuggestions"}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "role", Val: "tablist"}, {Key: "class", Val: "pe-tabs"}, {Key: "aria-labelledby", Val: "pe-panel-title"}}, Kids: []ui.Tpl{
				{Each: "tabs", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "role", Val: "tab"}, {Key: "id", Val: "$tabID"},
					{Key: "aria-selected", Val: "$selected"}, {Key: "aria-controls", Val: "pe-findings"}, {Key: "class", Val: "pe-tab"},
					{Key: "data-action", Val: "policies.panel"}, {Key: "data-arg", Val: "$tab"}}, T: "$label", Args: []string{"n", "$count"}},
			}},
			{Tag: "div", Attrs: []ui.Attr{{Key: "id", Val: "pe-findings"}, {Key: "role", Val: "tabpanel"}, {Key: "aria-labelledby", Val: "$openTabID"}, {Key: "class", Val: "pe-findings"}}, Kids: []ui.Tpl{
				{If: "noFindings", Tag: "p", T: "policies.panel.none"},
				{If: "catalogLoading", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policies.panel.loading"},
				{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "pe-list"}}, Kids: []ui.Tpl{
					{Each: "findings", Tag: "li", Attrs: []ui.Attr{{Key: "class", Val: "pe-finding"}}, Kids: []ui.Tpl{
						{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "pe-finding-pos"}, {Key: "data-action", Val: "policies.goto"}, {Key: "data-arg", Val: "$off"}},
							T: "policies.editor.pos", Args: []string{"line", "$line", "col", "$col"}},
						{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "pe-finding-msg"}}, D: "msg"},
						{If: "learn", Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$learn"}, {Key: "target", Val: "_blank"}, {Key: "rel", Val: "noopener"}, {Key: "class", Val: "pe-learn"}}, T: "policies.panel.learn"},
					}},
				}},
			}},
		}},
	}},
	{If: "blocked", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pe-blocked"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}, {Key: "tabindex", Val: "-1"}}, T: "policies.editor.blocked"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
		{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$cancel"}, {Key: "class", Val: "btn btn-normal"}}, T: "policies.cancel"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "policies.next"}}, T: "policies.next"},
	}},
}}

// editorView renders an editor page (step 1) or its review (step 2).
func editorView(m core.Model, c i18n.Catalog, w where) ui.Node {
	key, start, t, ok := editorFor(m, w)
	if !ok {
		return missingView(c)
	}
	if w.review {
		return reviewView(m, c, w)
	}
	text := start
	if m.Field(fieldDocFor) == key {
		text = m.Field(fieldDoc)
	}
	chk := currentCheck(m, text, t)
	lang := policy.LangEnglish
	if c.Lang() == i18n.KO {
		lang = policy.LangKorean
	}
	counts := map[policy.FindingType]int{}
	for _, f := range chk.Findings {
		counts[f.Type]++
	}
	open := m.Field(fieldPanelTab)
	if open == "" {
		open = "errors"
		for _, id := range []string{"errors", "security", "warnings", "suggestions"} {
			if counts[tabType(id)] > 0 {
				open = id
				break
			}
		}
	}
	var tabs, findings []ui.Vals
	for _, pt := range panelTabs {
		tabs = append(tabs, ui.Vals{{K: "tab", S: pt.id}, {K: "tabID", S: "pe-tab-" + pt.id}, {K: "label", S: "policies.panel." + pt.id},
			{K: "count", S: strconv.Itoa(counts[pt.typ])}, {K: "selected", S: core.BoolAttr(pt.id == open)}})
	}
	for _, f := range chk.Findings {
		if f.Type != tabType(open) {
			continue
		}
		findings = append(findings, ui.Vals{{K: "off", S: strconv.Itoa(f.Span.Start.Offset)},
			{K: "line", S: strconv.Itoa(f.Span.Start.Line)}, {K: "col", S: strconv.Itoa(f.Span.Start.Column)},
			{K: "msg", S: f.Message(lang)}, {K: "learn", S: f.LearnMoreURL(), B: f.LearnMoreURL() != ""}})
	}
	heading, name, cancel := "policies.create.title", "", HashList
	switch w.page {
	case "edit":
		heading, name, cancel = "policies.edit.title", w.name, where{page: "details", kind: "customer", name: w.name}.hash()
	case "inline":
		heading, name, cancel = "policies.inline.heading", w.name, entityHash(w.kind, w.name)
	}
	countClass := "field-hint"
	if chk.Size > t.SizeQuota() {
		countClass = "field-error"
	}
	isVisual := m.Field(fieldMode) == "visual"
	var vdoc visual.Doc
	if isVisual {
		var probs []string
		if vdoc, probs = visual.FromJSON(text); len(probs) > 0 {
			isVisual = false
		}
	}
	var vtab []ui.Node
	if isVisual {
		vtab = []ui.Node{visualTpl.Root(c, visualVals(m, c, vdoc))}
	}
	v := ui.Vals{
		{K: "heading", S: heading}, {K: "name", S: name}, {K: "cancel", S: cancel},
		{K: "gutter", S: gutter(lineCount(text))}, {K: "rows", S: strconv.Itoa(max(lineCount(text)+1, 12))}, {K: "text", S: text},
		{K: "size", S: thousands(chk.Size)}, {K: "quota", S: thousands(t.SizeQuota())}, {K: "countClass", S: countClass},
		{K: "tabs", L: tabs}, {K: "findings", L: findings}, {K: "openTabID", S: "pe-tab-" + open},
		{K: "noFindings", B: len(findings) == 0}, {K: "catalogLoading", B: m.Actions == nil},
		{K: "groupInline", B: t == policy.GroupInlinePolicy},
		{K: "blocked", B: m.Policy.Errors[fieldDoc] != "" && m.Policy.ErrRoute == m.UI.Route && blocks(chk)},
		{K: "errText", S: errText(m), B: errText(m) != ""},
		{K: "visual", B: isVisual}, {K: "visualTab", N: vtab}, {K: "visualSel", S: core.BoolAttr(isVisual)}, {K: "jsonSel", S: core.BoolAttr(!isVisual)},
		{K: "note", S: strings.ReplaceAll(m.Field(fieldNote), "(statement ", "("+c.T("visual.stmtWord")+" "), B: m.Field(fieldNote) != ""},
		// The counter warns before the quota: "all List actions" of a large
		// service is long.
		{K: "nearQuota", B: chk.Size > t.SizeQuota()*9/10},
	}
	for _, pt := range panelTabs {
		v = append(v, ui.V{K: "n" + pt.id, S: strconv.Itoa(counts[pt.typ])})
	}
	if mal := chk.Malformed; mal != nil {
		v = append(v, ui.V{K: "malformed", B: true}, ui.V{K: "malOff", S: strconv.Itoa(mal.Span.Start.Offset)},
			ui.V{K: "malLine", S: strconv.Itoa(max(mal.Span.Start.Line, 1))}, ui.V{K: "malCol", S: strconv.Itoa(max(mal.Span.Start.Column, 1))},
			ui.V{K: "malText", S: mal.Code + ": " + mal.Message})
	}
	return editorTpl.Root(c, v)
}

func tabType(id string) policy.FindingType {
	for _, pt := range panelTabs {
		if pt.id == id {
			return pt.typ
		}
	}
	return policy.FindingError
}

// entityHash is a user's or group's page in console/iam.
func entityHash(kind, name string) string {
	if kind == "group" {
		return "#/iam/groups/" + name
	}
	return "#/iam/users/" + name
}

// editorNext goes to the review step unless the check blocks it.
func editorNext(m core.Model) (core.Model, []core.Effect) {
	w := parseWhere(m.Route())
	_, _, t, ok := editorFor(m, w)
	if !ok {
		return m, nil
	}
	m = checkEditor(m, m.Field(fieldDoc), t)
	if blocks(m.Policy.Check) {
		m.Policy.Errors = map[string]string{fieldDoc: "policies.editor.blocked"}
		m.Policy.ErrRoute = m.UI.Route
		return m, []core.Effect{core.Focus{ID: "pe-blocked"}}
	}
	m = clearErr(m)
	w.review = true
	return m.Go(w.hash())
}

// gotoFinding puts the caret at a finding's position (a byte offset of
// the text).
func gotoFinding(m core.Model, arg string) (core.Model, []core.Effect) {
	off, err := strconv.Atoi(arg)
	if err != nil {
		return m, nil
	}
	text := m.Field(fieldDoc)
	if off > len(text) {
		off = len(text)
	}
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	u := UTF16Offset(text, off)
	return m, []core.Effect{core.SetSelection{ID: editorID, Start: u, End: u}}
}

// Indent computes what Tab (or Shift+Tab, outdent) does in the editor,
// with positions in UTF-16 code units as the browser counts them: the
// range [from, to) of text to replace with repl, and the selection after.
// A caret or a selection within one line gets unit inserted (Tab); a
// selection across lines, or Shift+Tab, indents or outdents every line it
// touches by unit (or by the leading spaces there are, or one tab).
func Indent(text []uint16, start, end int, outdent bool, unit string) (from, to int, repl string, selStart, selEnd int) {
	start = min(max(start, 0), len(text))
	end = min(max(end, start), len(text))
	multi := false
	for _, c := range text[start:end] {
		if c == '\n' {
			multi = true
			break
		}
	}
	if !outdent && !multi {
		return start, end, unit, start + len(unit), start + len(unit)
	}
	from = start
	for from > 0 && text[from-1] != '\n' {
		from--
	}
	last := end
	if end > start && text[end-1] == '\n' {
		last = end - 1
	}
	to = last
	for to < len(text) && text[to] != '\n' {
		to++
	}
	var out []uint16
	selStart, selEnd = start, end
	lineStart := true
	for i := from; i < to; i++ {
		if lineStart {
			lineStart = false
			if outdent {
				n := 0
				for n < len(unit) && i+n < to && text[i+n] == ' ' {
					n++
				}
				if n == 0 && i < to && text[i] == '\t' {
					n = 1
				}
				if i < start {
					selStart -= min(n, start-i)
				}
				selEnd -= min(n, max(end-i, 0))
				i += n
				if i >= to {
					break
				}
			} else {
				for _, c := range unit {
					out = append(out, uint16(c))
				}
				if i <= start {
					selStart += len(unit)
				}
				selEnd += len(unit)
			}
		}
		out = append(out, text[i])
		if text[i] == '\n' {
			lineStart = true
		}
	}
	return from, to, string(utf16.Decode(out)), selStart, selEnd
}
