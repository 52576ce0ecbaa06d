package lab

import (
	"slices"
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	engine "labsim/sim/lab"
)

// a is an attribute of a template.
type a = ui.Attr

// navItems is the Lab guide button while signed out (core.GuideNavItems).
func navItems(m core.Model, c i18n.Catalog) []ui.Node { return core.GuideNavItems(m, c) }

// panel is the docked guide: its head (title, close, width) and the body
// of the view on show (the list, the running lab or its completion).
var panel = ui.Tpl{Tag: "aside", Attrs: []a{{Key: "id", Val: "lab-panel"}, {Key: "class", Val: "lab-panel"}, {Key: "aria-labelledby", Val: "lab-title"}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-head"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []a{{Key: "id", Val: "lab-title"}, {Key: "tabindex", Val: "-1"}}, T: "lab.title"},
		{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "drawer-close"}, {Key: "data-action", Val: "lab.close"}, {Key: "aria-label", Val: "%lab.close"}}, Kids: []ui.Tpl{
			{Tag: "span", Attrs: []a{{Key: "aria-hidden", Val: "true"}}, Lit: "×"},
		}},
	}},
	{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-width"}}, Kids: []ui.Tpl{
		{Tag: "label", Attrs: []a{{Key: "for", Val: "lab-width"}}, T: "lab.width"},
		{Tag: "input", Attrs: []a{{Key: "id", Val: "lab-width"}, {Key: "type", Val: "range"}, {Key: "name", Val: WidthField},
			{Key: "min", Val: "$min"}, {Key: "max", Val: "$max"}, {Key: "step", Val: "$step"}, {Key: "value", Val: "$width"}, {Key: "aria-valuetext", Val: "$widthText"}}},
	}},
	{Tag: "p", Attrs: []a{{Key: "class", Val: "visually-hidden"}, {Key: "role", Val: "status"}}, D: "said"},
	{If: "err", Tag: "p", Attrs: []a{{Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "lab.err"},
	{If: "stale", Tag: "p", Attrs: []a{{Key: "class", Val: "lab-note"}, {Key: "role", Val: "note"}}, T: "lab.stale"},
	{Slot: "body"},
}}

// confirm asks before a lab starts, saying what happens to the current
// work. It is shown in the list and under a running lab (Restart lab).
var confirm = ui.Tpl{If: "confirm", Tag: "div", Attrs: []a{{Key: "class", Val: "confirm lab-confirm"}, {Key: "role", Val: "alertdialog"}, {Key: "aria-labelledby", Val: "lab-confirm-text"}}, Kids: []ui.Tpl{
	{Tag: "p", Attrs: []a{{Key: "id", Val: "lab-confirm-text"}, {Key: "tabindex", Val: "-1"}}, T: "$confirmKey", Args: []string{"world", "$world"}},
	{If: "keptAside", Tag: "p", T: "lab.confirm.aside"},
	{If: "ends", Tag: "p", T: "lab.confirm.ends", Args: []string{"title", "$runningTitle"}},
	{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "lab.begin"}, {Key: "data-arg", Val: "$id"}}, T: "lab.confirm.start"},
	{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-link"}, {Key: "data-action", Val: "lab.cancel"}}, T: "confirm.cancel"},
}}

// list is the list of labs to start.
var list = ui.Tpl{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-list"}}, Kids: []ui.Tpl{
	{If: "running", Tag: "p", Attrs: []a{{Key: "class", Val: "lab-running"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-link"}, {Key: "data-action", Val: "lab.back"}}, T: "lab.back", Args: []string{"title", "$runningTitle"}},
	}},
	{Tag: "p", T: "lab.intro"},
	{If: "instrLoading", Tag: "p", Attrs: []a{{Key: "class", Val: "lab-note"}, {Key: "role", Val: "status"}}, T: "lab.instructor.loading"},
	{Tag: "ul", Attrs: []a{{Key: "class", Val: "lab-cards"}}, Kids: []ui.Tpl{
		{Each: "labs", Tag: "li", Attrs: []a{{Key: "class", Val: "lab-card"}}, Kids: []ui.Tpl{
			{Tag: "h3", D: "title"},
			{If: "instructor", Tag: "p", Attrs: []a{{Key: "class", Val: "lab-from"}}, T: "lab.instructor.badge"},
			{Tag: "p", Attrs: []a{{Key: "class", Val: "lab-meta"}}, T: "lab.minutes", Args: []string{"n", "$minutes"}, Kids: []ui.Tpl{
				{Lit: " · "}, {T: "$kindKey", Args: []string{"n", "$steps"}},
			}},
			{Tag: "p", Attrs: []a{{Key: "class", Val: "lab-learn"}}, Kids: []ui.Tpl{
				{Tag: "span", Attrs: []a{{Key: "class", Val: "lab-learn-label"}}, T: "lab.learn"}, {Lit: " "}, {D: "desc"},
			}},
			{If: "status", Tag: "p", Attrs: []a{{Key: "class", Val: "lab-status"}}, T: "$statusKey", Args: []string{"done", "$done", "max", "$max", "score", "$score"}},
			confirm,
			{If: "!confirm", Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "lab.start"},
				{Key: "data-arg", Val: "$id"}, {Key: "aria-label", Val: "$startLabel"}}, T: "$startKey"},
		}},
	}},
	{If: "problems", Tag: "div", Attrs: []a{{Key: "class", Val: "lab-problems"}, {Key: "role", Val: "note"}, {Key: "aria-labelledby", Val: "lab-problems-title"}}, Kids: []ui.Tpl{
		{Tag: "p", Attrs: []a{{Key: "id", Val: "lab-problems-title"}}, Kids: []ui.Tpl{{Tag: "strong", T: "lab.instructor.problems"}}},
		{Tag: "ul", Kids: []ui.Tpl{{Each: "problems", Tag: "li", Kids: []ui.Tpl{{Tag: "code", Attrs: []a{{Key: "dir", Val: "ltr"}}, D: "text"}}}}},
		{Tag: "p", T: "lab.instructor.problemsHelp"},
	}},
}}

// progress is the accessible progress bar: one segment per step.
var progress = ui.Tpl{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-progress"}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-bar"}, {Key: "role", Val: "progressbar"}, {Key: "aria-label", Val: "%lab.progress"},
		{Key: "aria-valuemin", Val: "0"}, {Key: "aria-valuemax", Val: "$max"}, {Key: "aria-valuenow", Val: "$done"}, {Key: "aria-valuetext", Val: "$progressText"}}, Kids: []ui.Tpl{
		{Each: "segs", Tag: "span", Attrs: []a{{Key: "class", Val: "$cls"}}},
	}},
	{Tag: "p", Attrs: []a{{Key: "class", Val: "lab-meta"}}, T: "lab.progressText", Args: []string{"done", "$done", "max", "$max"}, Kids: []ui.Tpl{
		{Lit: " · "}, {T: "$timeKey", Args: []string{"time", "$time"}},
	}},
}}

// steps is the step list with live check marks.
var steps = ui.Tpl{Tag: "ol", Attrs: []a{{Key: "class", Val: "lab-steps"}, {Key: "aria-label", Val: "%lab.steps"}}, Kids: []ui.Tpl{
	{Each: "steps", Tag: "li", Attrs: []a{{Key: "class", Val: "$cls"}, {Key: "aria-current", Val: "?current:step"}}, Kids: []ui.Tpl{
		{Tag: "span", Attrs: []a{{Key: "class", Val: "lab-mark"}, {Key: "aria-hidden", Val: "true"}}, D: "mark"},
		{Tag: "span", Attrs: []a{{Key: "class", Val: "lab-step-title"}}, D: "title"},
		{Tag: "span", Attrs: []a{{Key: "class", Val: "visually-hidden"}}, Lit: " (", Kids: []ui.Tpl{{T: "$statusKey"}, {Lit: ")"}}},
		{If: "checks", Tag: "ul", Attrs: []a{{Key: "class", Val: "lab-checks"}}, Kids: []ui.Tpl{
			{Each: "checks", Tag: "li", Attrs: []a{{Key: "class", Val: "$cls"}}, Kids: []ui.Tpl{
				{Tag: "span", Attrs: []a{{Key: "class", Val: "lab-mark"}, {Key: "aria-hidden", Val: "true"}}, D: "mark"},
				{D: "text"},
				{Tag: "span", Attrs: []a{{Key: "class", Val: "visually-hidden"}}, Lit: " (", Kids: []ui.Tpl{{T: "$statusKey"}, {Lit: ")"}}},
			}},
		}},
	}},
}}

// feedback is the explanation of the last quiz answer.
var feedback = ui.Tpl{If: "fb", Tag: "div", Attrs: []a{{Key: "id", Val: "lab-feedback"}, {Key: "tabindex", Val: "-1"}, {Key: "role", Val: "status"}, {Key: "class", Val: "$fbCls"}}, Kids: []ui.Tpl{
	{Tag: "p", Kids: []ui.Tpl{{Tag: "strong", T: "$fbKey"}, {Lit: " "}, {Slot: "fbChoice"}}},
	{Slot: "why"},
}}

// run is the running lab: progress, steps, the current step.
var run = ui.Tpl{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-run"}}, Kids: []ui.Tpl{
	{Tag: "h3", Attrs: []a{{Key: "class", Val: "lab-name"}}, D: "title"},
	progress,
	feedback,
	{Tag: "section", Attrs: []a{{Key: "class", Val: "lab-current"}, {Key: "aria-labelledby", Val: "lab-step-title"}}, Kids: []ui.Tpl{
		{Tag: "h3", Attrs: []a{{Key: "id", Val: "lab-step-title"}}, T: "lab.stepHeading", Args: []string{"n", "$n", "max", "$max", "title", "$stepTitle"}},
		{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-text"}}, Kids: []ui.Tpl{{Slot: "instructions"}}},
		{If: "quiz", Tag: "div", Attrs: []a{{Key: "class", Val: "lab-quiz"}}, Kids: []ui.Tpl{
			{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-question"}, {Key: "id", Val: "lab-question"}}, Kids: []ui.Tpl{{Slot: "question"}}},
			{Tag: "ul", Attrs: []a{{Key: "class", Val: "lab-choices"}, {Key: "aria-labelledby", Val: "lab-question"}}, Kids: []ui.Tpl{
				{Each: "choices", Tag: "li", Kids: []ui.Tpl{
					{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "$cls"}, {Key: "data-action", Val: "lab.answer"}, {Key: "data-arg", Val: "$arg"}}, Kids: []ui.Tpl{{Slot: "text"}}},
				}},
			}},
		}},
		{Each: "hints", Tag: "div", Attrs: []a{{Key: "class", Val: "lab-hint"}, {Key: "id", Val: "$id"}, {Key: "tabindex", Val: "-1"}}, Kids: []ui.Tpl{
			{Tag: "p", Kids: []ui.Tpl{{Tag: "strong", T: "lab.hintN", Args: []string{"n", "$n"}}}},
			{Slot: "text"},
		}},
		{If: "moreHints", Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "lab.hint"}, {Key: "data-arg", Val: "$stepID"}}, T: "lab.showHint"},
	}},
	steps,
	{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-actions"}}, Kids: []ui.Tpl{
		{If: "!confirm", Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "lab.start"}, {Key: "data-arg", Val: "$id"}}, T: "lab.restart"},
		{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-link"}, {Key: "data-action", Val: "lab.list"}}, T: "lab.all"},
	}},
	confirm,
}}

// done is the completion page.
var done = ui.Tpl{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-done"}}, Kids: []ui.Tpl{
	{Tag: "h3", Attrs: []a{{Key: "class", Val: "lab-name"}}, D: "title"},
	{Tag: "p", Attrs: []a{{Key: "class", Val: "lab-complete"}}, T: "lab.complete"},
	progress,
	feedback,
	{Tag: "dl", Attrs: []a{{Key: "class", Val: "kv lab-summary"}}, Kids: []ui.Tpl{
		{Tag: "dt", T: "lab.score"}, {Tag: "dd", T: "lab.scoreValue", Args: []string{"score", "$score", "points", "$points", "max", "$max"}},
		{Tag: "dt", T: "lab.result"}, {Tag: "dd", Attrs: []a{{Key: "class", Val: "$resultCls"}}, T: "$resultKey", Args: []string{"pass", "$pass"}},
		{Tag: "dt", T: "lab.timeTaken"}, {Tag: "dd", D: "time"},
		{Tag: "dt", T: "lab.hintsUsed"}, {Tag: "dd", D: "hintsUsed"},
	}},
	{If: "replaced", Tag: "p", Attrs: []a{{Key: "class", Val: "lab-note"}, {Key: "role", Val: "note"}}, T: "lab.replaced", Args: []string{"n", "$replacedN"}},
	{If: "codeKey", Tag: "section", Attrs: []a{{Key: "class", Val: "lab-code"}, {Key: "aria-labelledby", Val: "lab-code-title"}}, Kids: []ui.Tpl{
		{Tag: "h4", Attrs: []a{{Key: "id", Val: "lab-code-title"}}, T: "lab.code.title"},
		{Tag: "p", T: "lab.code.intro"},
		{Tag: "label", Attrs: []a{{Key: "for", Val: "lab-code-name"}, {Key: "class", Val: "field-label"}}, T: "lab.code.name"},
		{Tag: "input", Attrs: []a{{Key: "id", Val: "lab-code-name"}, {Key: "type", Val: "text"}, {Key: "name", Val: "lab.codeName"}, {Key: "value", Val: "$codeName"},
			{Key: "dir", Val: "auto"}, {Key: "autocomplete", Val: "name"}, {Key: "maxlength", Val: "100"},
			{Key: "aria-invalid", Val: "?codeErr:true"}, {Key: "aria-describedby", Val: "?codeErr:lab-code-error"}}},
		{If: "codeErr", Tag: "p", Attrs: []a{{Key: "id", Val: "lab-code-error"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "$codeErrKey"},
		{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "lab.code"}}, T: "lab.code.make"},
		{If: "code", Tag: "p", Attrs: []a{{Key: "class", Val: "lab-code-result"}, {Key: "role", Val: "status"}}, Kids: []ui.Tpl{
			{T: "lab.code.yours"}, {Lit: " "},
			{Tag: "code", Attrs: []a{{Key: "id", Val: "lab-code"}, {Key: "tabindex", Val: "-1"}}, D: "code"},
		}},
	}},
	{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-actions"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "lab.download"}, {Key: "data-arg", Val: "html"}}, T: "lab.download.html"},
		{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "lab.download"}, {Key: "data-arg", Val: "json"}}, T: "lab.download.json"},
	}},
	steps,
	{Tag: "div", Attrs: []a{{Key: "class", Val: "lab-actions"}}, Kids: []ui.Tpl{
		{If: "!confirm", Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "lab.start"}, {Key: "data-arg", Val: "$id"}}, T: "lab.restart"},
		{Tag: "button", Attrs: []a{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-link"}, {Key: "data-action", Val: "lab.list"}}, T: "lab.all"},
	}},
	confirm,
}}

// PanelClass is the layout's class for the panel: "with-lab lab-w-<px>"
// while it is open, "" otherwise.
func PanelClass(m core.Model) string {
	if !m.UI.GuideOpen {
		return ""
	}
	return "with-lab lab-w-" + strconv.Itoa(Width(m))
}

// Panel is the docked lab guide, or nothing while it is closed.
func Panel(m core.Model, c i18n.Catalog) ui.Node {
	if !m.UI.GuideOpen {
		return ui.Node{}
	}
	m, labs := Labs(m)
	w := Width(m)
	v := ui.Vals{
		{K: "min", S: strconv.Itoa(MinWidth)}, {K: "max", S: strconv.Itoa(MaxWidth)}, {K: "step", S: strconv.Itoa(WidthStep)},
		{K: "width", S: strconv.Itoa(w)}, {K: "widthText", S: c.T("lab.widthValue", "px", strconv.Itoa(w))},
		{K: "said", S: m.Lab.Said}, {K: "err", B: m.Lab.Err != ""},
		{K: "stale", B: m.UI.Lab.Attempt != nil && labs != nil && !m.Lab.Instructor.Pending && func() bool { _, a := Running(m); return a == nil }()},
	}
	l, at := Running(m)
	var body ui.Node
	switch {
	case at == nil || m.Lab.Browse:
		body = list.Root(c, listVals(m, c, labs, l, at))
	case at.Complete():
		body = done.Root(c, runVals(m, c, l, at))
	default:
		body = run.Root(c, runVals(m, c, l, at))
	}
	return panel.Root(c, append(v, ui.V{K: "body", N: []ui.Node{body}}))
}

// confirmVals are the values of the start confirmation for lab l.
func confirmVals(m core.Model, c i18n.Catalog, l *engine.Lab, running *engine.Lab) ui.Vals {
	on := m.Lab.Confirm == l.ID
	if !on {
		return ui.Vals{{K: "confirm"}}
	}
	key, world := "lab.confirm.world", ""
	if l.Start.World == engine.KeepWorld {
		key = "lab.confirm.keep"
	} else if k := "world." + l.Start.World; c.Has(k) {
		world = c.T(k)
	} else {
		world = l.Start.World
	}
	keptAside := l.Start.World != engine.KeepWorld && (len(m.World.Accounts) > 0 || len(m.World.Events) > 0)
	v := ui.Vals{{K: "confirm", B: true}, {K: "confirmKey", S: key}, {K: "world", S: world}, {K: "keptAside", B: keptAside}}
	if running != nil {
		if _, a := Running(m); a != nil && !a.Complete() {
			v = append(v, ui.V{K: "ends", B: true}, ui.V{K: "runningTitle", S: running.Title.In(lang(m))})
		}
	}
	return v
}

// listVals fills the list of labs.
func listVals(m core.Model, c i18n.Catalog, labs []*engine.Lab, running *engine.Lab, at *engine.Attempt) ui.Vals {
	lg := lang(m)
	items := make([]ui.Vals, 0, len(labs))
	for _, l := range labs {
		title := l.Title.In(lg)
		kind := "lab.kind.task"
		if l.Quiz() {
			kind = "lab.kind.quiz"
		}
		it := ui.Vals{{K: "id", S: l.ID}, {K: "title", S: title}, {K: "minutes", S: strconv.Itoa(l.Minutes)}, {K: "kindKey", S: kind},
			{K: "steps", S: strconv.Itoa(len(l.Steps))}, {K: "desc", S: l.Description.In(lg)},
			{K: "startKey", S: "lab.start"}, {K: "startLabel", S: c.T("lab.startLabel", "title", title)}}
		if running == l && at != nil {
			sc := at.Score(l)
			key := "lab.status.running"
			if at.Complete() {
				key = "lab.status.complete"
			}
			it = append(it, ui.V{K: "status", B: true}, ui.V{K: "statusKey", S: key}, ui.V{K: "done", S: strconv.Itoa(doneCount(at))},
				ui.V{K: "max", S: strconv.Itoa(len(l.Steps))}, ui.V{K: "score", S: strconv.Itoa(sc.Percent)})
			it[6], it[7] = ui.V{K: "startKey", S: "lab.restart"}, ui.V{K: "startLabel", S: c.T("lab.restartLabel", "title", title)}
		}
		it = append(it, ui.V{K: "instructor", B: Instructor(l)})
		items = append(items, append(it, confirmVals(m, c, l, running)...))
	}
	problems := make([]ui.Vals, len(m.Lab.Instructor.Problems))
	for i, p := range m.Lab.Instructor.Problems {
		problems[i] = ui.Vals{{K: "text", S: p}}
	}
	v := ui.Vals{{K: "labs", L: items}, {K: "instrLoading", B: m.Lab.Instructor.Pending},
		{K: "problems", B: len(problems) > 0, L: problems}}
	if running != nil && at != nil {
		v = append(v, ui.V{K: "running", B: true}, ui.V{K: "runningTitle", S: running.Title.In(lg)})
	}
	return v
}

// Marks of steps and checks (the status is also said in words).
const (
	markDone    = "✓"
	markCurrent = "●"
	markPending = "○"
	markFail    = "–"
)

// runVals fills the running lab and its completion page.
func runVals(m core.Model, c i18n.Catalog, l *engine.Lab, at *engine.Attempt) ui.Vals {
	lg := lang(m)
	n := len(l.Steps)
	doneN := doneCount(at)
	cur := at.Current()
	segs := make([]ui.Vals, n)
	stepItems := make([]ui.Vals, n)
	for i := range l.Steps {
		s := &l.Steps[i]
		st := at.Steps[i]
		seg := "lab-seg"
		if st.Done {
			seg += " lab-seg-done"
		}
		segs[i] = ui.Vals{{K: "cls", S: seg}}
		cls, mark, status := "lab-step lab-pending", markPending, "lab.status.pending"
		switch at.Status(i) {
		case engine.Done:
			cls, mark, status = "lab-step lab-ok", markDone, "lab.status.done"
		case engine.Current:
			cls, mark, status = "lab-step lab-now", markCurrent, "lab.status.current"
		}
		item := ui.Vals{{K: "cls", S: cls}, {K: "mark", S: mark}, {K: "title", S: s.Title.In(lg)}, {K: "statusKey", S: status}, {K: "current", B: i == cur}}
		if (i == cur || st.Done) && s.Quiz() == nil {
			checks := make([]ui.Vals, len(s.Checks))
			for j := range s.Checks {
				ok := j < len(st.Checks) && st.Checks[j]
				cc, cm, ck := "lab-check", markFail, "lab.check.no"
				if ok {
					cc, cm, ck = "lab-check lab-ok", markDone, "lab.check.ok"
				}
				checks[j] = ui.Vals{{K: "cls", S: cc}, {K: "mark", S: cm}, {K: "text", S: s.Checks[j].Describe(lg)}, {K: "statusKey", S: ck}}
			}
			item = append(item, ui.V{K: "checks", B: true, L: checks})
		}
		stepItems[i] = item
	}
	secs := elapsed(at, m.Now)
	timeKey := "lab.elapsed"
	if at.Complete() {
		timeKey = "lab.took"
	}
	sc := at.Score(l)
	v := ui.Vals{
		{K: "id", S: l.ID}, {K: "title", S: l.Title.In(lg)},
		{K: "segs", L: segs}, {K: "steps", L: stepItems},
		{K: "done", S: strconv.Itoa(doneN)}, {K: "max", S: strconv.Itoa(n)},
		{K: "progressText", S: c.T("lab.progressText", "done", strconv.Itoa(doneN), "max", strconv.Itoa(n))},
		{K: "timeKey", S: timeKey}, {K: "time", S: engine.Duration(secs, lg)},
		{K: "score", S: strconv.Itoa(sc.Percent)}, {K: "points", S: strconv.Itoa(sc.Points)}, {K: "pass", S: strconv.Itoa(l.PassingScore)},
		{K: "hintsUsed", S: strconv.Itoa(sc.HintsUsed)},
		{K: "replaced", B: len(at.Replaced) > 0}, {K: "replacedN", S: strconv.Itoa(len(at.Replaced))},
		{K: "codeKey", B: m.CompletionKey != ""}, {K: "codeName", S: m.Field(CodeNameField)},
		{K: "codeErr", B: m.Lab.CodeErr != ""}, {K: "codeErrKey", S: m.Lab.CodeErr},
		{K: "code", B: m.Lab.Code != "", S: m.Lab.Code},
	}
	if sc.Passed {
		v = append(v, ui.V{K: "resultKey", S: "lab.passed"}, ui.V{K: "resultCls", S: "lab-ok"})
	} else {
		v = append(v, ui.V{K: "resultKey", S: "lab.failed"}, ui.V{K: "resultCls", S: "lab-no"})
	}
	v = append(v, confirmVals(m, c, l, l)...)
	v = append(v, feedbackVals(m, l, at)...)
	if cur < n {
		s := &l.Steps[cur]
		st := at.Steps[cur]
		v = append(v, ui.V{K: "n", S: strconv.Itoa(cur + 1)}, ui.V{K: "stepTitle", S: s.Title.In(lg)}, ui.V{K: "stepID", S: s.ID},
			ui.V{K: "instructions", N: Doc(s.Instructions.In(lg))})
		hints := make([]ui.Vals, 0, st.Hints)
		for h := 0; h < st.Hints && h < len(s.Hints); h++ {
			hints = append(hints, ui.Vals{{K: "id", S: "lab-hint-" + strconv.Itoa(h+1)}, {K: "n", S: strconv.Itoa(h + 1)}, {K: "text", N: Doc(s.Hints[h].In(lg))}})
		}
		v = append(v, ui.V{K: "hints", L: hints}, ui.V{K: "moreHints", B: st.Hints < len(s.Hints)})
		if q := s.Quiz(); q != nil {
			choices := make([]ui.Vals, len(q.Choices))
			for j, ch := range q.Choices {
				cls := "lab-choice"
				if slices.Contains(st.Answers, ch.ID) {
					cls += " lab-choice-wrong"
				}
				choices[j] = ui.Vals{{K: "cls", S: cls}, {K: "arg", S: s.ID + ":" + ch.ID}, {K: "text", N: Inline(ch.Text.In(lg))}}
			}
			v = append(v, ui.V{K: "quiz", B: true}, ui.V{K: "question", N: Doc(q.Question.In(lg))}, ui.V{K: "choices", L: choices})
		}
	}
	return v
}

// feedbackVals explain the last quiz answer while it is about the
// current step or the one just done.
func feedbackVals(m core.Model, l *engine.Lab, at *engine.Attempt) ui.Vals {
	step, choice, ok := strings.Cut(m.Lab.Feedback, ":")
	i := l.StepIndex(step)
	if !ok || i < 0 {
		return nil
	}
	if cur := at.Current(); i != cur && i != cur-1 {
		return nil
	}
	q := l.Steps[i].Quiz()
	if q == nil {
		return nil
	}
	ch := q.Choice(choice)
	if ch == nil {
		return nil
	}
	lg := lang(m)
	key, cls := "lab.wrong", "lab-feedback lab-no"
	if choice == q.Answer {
		key, cls = "lab.right", "lab-feedback lab-ok"
	}
	return ui.Vals{{K: "fb", B: true}, {K: "fbKey", S: key}, {K: "fbCls", S: cls},
		{K: "fbChoice", N: Inline(ch.Text.In(lg))}, {K: "why", N: Doc(ch.Why.In(lg))}}
}
