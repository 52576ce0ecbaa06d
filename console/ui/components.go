package ui

import "strconv"

// The components below are described as data and rendered by one template
// each, in the markup and classes the console's pages already use, so that
// new pages (the IAM users, groups and policies) are born as data.

// KV is a key–value panel: a description list of labels and values.
type KV struct {
	Items []KVItem
}

// KVItem is one row of a KV panel: a translated label and a value shown
// as data (Mono for identifiers such as ARNs).
type KVItem struct {
	Label, Value string
	Mono         bool
}

var kvTpl = Lazy(`
<dl class="kv">
	<_ each="items"><dt>{t =label}</dt><dd class="?mono:mono">{d value}</dd></_>
</dl>`)

// Render renders the panel.
func (k *KV) Render(c Catalog) Node {
	items := make([]Vals, len(k.Items))
	for i, it := range k.Items {
		items[i] = Vals{{K: "label", S: it.Label}, {K: "value", S: it.Value}, {K: "mono", B: it.Mono}}
	}
	return kvTpl.Root(c, Vals{{K: "items", L: items}})
}

// Alert is a message box: Kind "success" and "info" are polite (status),
// "warning" and "error" assertive (alert). Title is optional; Focusable
// lets focus move to it (tabindex -1), with ID.
type Alert struct {
	ID, Kind, Title, Text string
	Focusable             bool
}

var alertTpl = Lazy(`
<div id="?id" class="$class" role="$role" tabindex="?focus:-1">
	<p if="title" class="alert-title">{t =title}</p>
	<p>{t =text}</p>
</div>`)

// Render renders the alert.
func (a *Alert) Render(c Catalog) Node {
	role := "status"
	if a.Kind == "warning" || a.Kind == "error" {
		role = "alert"
	}
	return alertTpl.Root(c, Vals{{K: "id", B: a.ID != "", S: a.ID}, {K: "class", S: "alert alert-" + a.Kind}, {K: "role", S: role},
		{K: "focus", B: a.Focusable}, {K: "title", B: a.Title != "", S: a.Title}, {K: "text", S: a.Text}})
}

// Confirm asks for confirmation of a destructive action: its question
// (translated text, the dialog's name), a danger button sending Click
// YesAction with YesArg and a Cancel button sending CancelAction. Focus
// goes to the question (ID) when it opens.
type Confirm struct {
	ID, Text              string
	YesLabel, CancelLabel string
	YesAction, YesArg     string
	CancelAction          string
}

var confirmTpl = Lazy(`
<div class="confirm" role="alertdialog" aria-labelledby="$id">
	<p id="$id" tabindex="-1">{t =text}</p>
	<button type="button" data-action="$yes" data-arg="?arg" class="btn btn-danger">{t =yesLabel}</button>
	<button type="button" data-action="$cancel" class="btn btn-link">{t =cancelLabel}</button>
</div>`)

// Render renders the confirmation.
func (k *Confirm) Render(c Catalog) Node {
	return confirmTpl.Root(c, Vals{{K: "id", S: k.ID}, {K: "text", S: k.Text}, {K: "yes", S: k.YesAction},
		{K: "arg", B: k.YesArg != "", S: k.YesArg}, {K: "cancel", S: k.CancelAction},
		{K: "yesLabel", S: k.YesLabel}, {K: "cancelLabel", S: k.CancelLabel}})
}

// Tabs is a tab list: each tab a button sending Click Action with the
// tab's ID, the selected one marked aria-selected and owning the panel
// (Panel, with id ID+"-panel").
type Tabs struct {
	ID, Label, Action string
	Tabs              []Tab
	Panel             Node
}

// Tab is one tab: its ID (the Click argument), translated label and
// whether it is selected.
type Tab struct {
	ID, Label string
	Selected  bool
}

var tabsTpl = Lazy(`
<div class="tabs">
	<div role="tablist" aria-label="$label">
		<button each="tabs" type="button" role="tab" id="$tabID" class="tab" data-action="$action" data-arg="$id" aria-selected="$selected" aria-controls="$panelID" tabindex="$tabindex">{t =tabLabel}</button>
	</div>
	<div role="tabpanel" id="$panelID" aria-labelledby="$current" tabindex="0">{slot panel}</div>
</div>`)

// Render renders the tab list and the selected tab's panel.
func (t *Tabs) Render(c Catalog) Node {
	tabs := make([]Vals, len(t.Tabs))
	current := ""
	for i, tab := range t.Tabs {
		selected, tabindex := "false", "-1"
		if tab.Selected {
			selected, tabindex, current = "true", "0", t.ID+"-"+tab.ID
		}
		tabs[i] = Vals{{K: "tabID", S: t.ID + "-" + tab.ID}, {K: "id", S: tab.ID}, {K: "selected", S: selected},
			{K: "tabindex", S: tabindex}, {K: "tabLabel", S: tab.Label}}
	}
	return tabsTpl.Root(c, Vals{{K: "label", S: t.Label}, {K: "action", S: t.Action}, {K: "panelID", S: t.ID + "-panel"},
		{K: "current", S: current}, {K: "tabs", L: tabs}, {K: "panel", N: []Node{t.Panel}}})
}

// Wizard is a multi-step page: the steps as a list with the current one
// marked (aria-current="step"), a progress line ("Step 2 of 4", from the
// catalog key Progress with {step} and {steps}), the current step's title
// as the page's heading (id page-title, the target of focus when the step
// changes) and the step's body.
type Wizard struct {
	Steps    []string
	Current  int
	Progress string
	Body     Node
}

var wizardTpl = Lazy(`
<div class="wizard">
	<nav class="wizard-steps" aria-label="$progressText">
		<ol><li each="steps" aria-current="?current:step" class="$class">{t =label}</li></ol>
	</nav>
	<p class="wizard-progress">{t =progressText}</p>
	<h1 id="page-title" tabindex="-1">{t =title}</h1>
	{slot body}
</div>`)

// Render renders the wizard at its current step.
func (w *Wizard) Render(c Catalog) Node {
	steps := make([]Vals, len(w.Steps))
	cur := min(max(w.Current, 0), len(w.Steps)-1)
	for i, s := range w.Steps {
		class := "wizard-step"
		switch {
		case i < cur:
			class = "wizard-step done"
		case i == cur:
			class = "wizard-step current"
		}
		steps[i] = Vals{{K: "label", S: s}, {K: "current", B: i == cur}, {K: "class", S: class}}
	}
	title := ""
	if cur >= 0 {
		title = w.Steps[cur]
	}
	progress := c.T(w.Progress, "step", strconv.Itoa(cur+1), "steps", strconv.Itoa(len(w.Steps)))
	return wizardTpl.Root(c, Vals{{K: "steps", L: steps}, {K: "progressText", S: progress}, {K: "title", S: title},
		{K: "body", N: []Node{w.Body}}})
}
