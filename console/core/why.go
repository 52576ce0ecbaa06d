package core

import (
	"slices"
	"strconv"
	"strings"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/policy"
)

// deniedTpl is a denied page's box: AWS's access-denied message, in
// English in every language as AWS shows it, and the Why? disclosure.
var deniedTpl = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "container denied"}}, Kids: []ui.Tpl{
	// Only the message is announced; the explanation unfolds on demand.
	{Tag: "div", Attrs: []ui.Attr{{Key: "role", Val: "alert"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "class", Val: "denied-title"}}, T: "why.denied.title"},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "denied-message"}, {Key: "lang", Val: "en"}}, D: "message"},
	}},
	{Slot: "why"},
}}

// whyTpl is the Why? disclosure: the request, each policy's statements
// and why each matched or not, and the rule that decided.
var whyTpl = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "why"}}, Kids: []ui.Tpl{
	{If: "toggle", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal why-toggle"},
		{Key: "data-action", Val: "$toggle"}, {Key: "aria-expanded", Val: "$expanded"}, {Key: "aria-controls", Val: "$bodyID"}}, T: "why.summary"},
	// The content, written inline so that the whole template is static data.
	{If: "open", Tag: "div", Attrs: []ui.Attr{{Key: "id", Val: "$bodyID"}, {Key: "class", Val: "why-body"}}, Kids: []ui.Tpl{
		{Tag: "h3", T: "why.request"},
		{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
			{Tag: "dt", T: "why.principal"},
			{Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "principal"},
			{Tag: "dt", T: "why.action"},
			{Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "action"},
			{Tag: "dt", T: "why.resource"},
			{Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "resource"},
		}},
		{If: "hasContext", Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "table why-context"}}, Kids: []ui.Tpl{
			{Tag: "caption", T: "why.context"},
			{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "why.key"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "why.value"},
			}}}},
			{Tag: "tbody", Kids: []ui.Tpl{{Each: "context", Tag: "tr", Kids: []ui.Tpl{
				{Tag: "td", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "key"},
				{Tag: "td", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "value"},
			}}}},
		}},
		{Tag: "h3", T: "why.policies"},
		{If: "!hasPolicies", Tag: "p", T: "why.noPolicies"},
		{Each: "policies", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "why-policy"}}, Kids: []ui.Tpl{
			{Tag: "h4", Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "name"},
				{Lit: " "},
				{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "why-kind"}}, T: "$kind"},
				{If: "via", Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "why-via"}}, T: "why.via", Args: []string{"group", "$via"}},
			}},
			{If: "error", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-error"}}, T: "why.policyError", Args: []string{"error", "$error"}},
			{Tag: "ol", Attrs: []ui.Attr{{Key: "class", Val: "why-statements"}}, Kids: []ui.Tpl{
				{Each: "statements", Tag: "li", Attrs: []ui.Attr{{Key: "class", Val: "$class"}}, Kids: []ui.Tpl{
					{Tag: "p", Kids: []ui.Tpl{
						{Tag: "strong", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "sid"},
						{Lit: " · "},
						{Tag: "span", T: "$effect"},
						{Lit: " · "},
						{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "why-verdict"}}, T: "$verdict"},
						{If: "decided", Tag: "strong", Attrs: []ui.Attr{{Key: "class", Val: "why-decided"}}, T: "why.decided"},
					}},
					{If: "hasConds", Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "why-conditions"}}, Kids: []ui.Tpl{
						{Each: "conds", Tag: "li", Kids: []ui.Tpl{
							{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "cond"},
							{Lit: " — "},
							{Tag: "span", T: "why.requestValue", Args: []string{"value", "$reqValue"}},
							{Lit: " — "},
							{Tag: "strong", T: "$met"},
						}},
					}},
				}},
			}},
		}},
		{Tag: "h3", T: "why.decision"},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "why-rule"}}, T: "$rule"},
	}}}}

// Denied renders what a page shows instead of its content when the
// signed-in principal may not see it: AWS's access-denied message (in
// English in both languages, as AWS shows it) and a Why? button that
// unfolds, in the student's language, the explanation built from
// m.World.Explain(r). Every denied page uses it, inside the page frame
// under the page's heading. toggle is the Click action of the Why?
// button: the area handles it with m.ToggleWhy() (its name must start
// with the area's prefix, e.g. "vpc.why").
func Denied(c i18n.Catalog, m Model, r sim.AuthResult, toggle string) ui.Node {
	return deniedTpl.Root(c, ui.Vals{
		{K: "message", S: r.Message},
		{K: "why", N: []ui.Node{Why(c, r, m.World.Explain(r), m.WhyOpen(), toggle)}},
	})
}

// Why renders the Why? explanation of an authorisation result with its
// statement traces (World.Explain, or a policy simulation's): the request
// (principal, action, resource, the request context's keys and values),
// each policy with its statements and why each matched or not (action,
// resource, each condition with the policy's and the request's values),
// the deciding statements marked, and the rule that decided. With a
// toggle action it starts with a Why? button that shows it while open;
// without one it is always shown.
func Why(c i18n.Catalog, r sim.AuthResult, traces []policy.StatementTrace, open bool, toggle string) ui.Node {
	v := WhyVals(r, traces)
	v = append(v, ui.V{K: "open", B: open || toggle == ""}, ui.V{K: "toggle", S: toggle, B: toggle != ""},
		ui.V{K: "expanded", S: BoolAttr(open)}, ui.V{K: "bodyID", S: whyBodyID(r.Action)})
	return whyTpl.Root(c, v)
}

// whyBodyID is the id of a Why?'s content: one per action, so that two
// denials on one page (a section's and an operation's) keep distinct ids.
func whyBodyID(action string) string {
	return "why-body-" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, action)
}

// fieldWhyOpen remembers the page whose Why? is unfolded.
const fieldWhyOpen = "why.open"

// WhyOpen reports whether the Why? of the current page is unfolded.
func (m Model) WhyOpen() bool { return m.Field(fieldWhyOpen) == m.UI.Route && m.UI.Route != "" }

// ToggleWhy folds or unfolds the Why? of the current page.
func (m Model) ToggleWhy() Model {
	if m.WhyOpen() {
		return m.SetFields(fieldWhyOpen, "")
	}
	return m.SetFields(fieldWhyOpen, m.UI.Route)
}

// WhyVals is the view-model of Why, for pages that place its parts
// themselves.
func WhyVals(r sim.AuthResult, traces []policy.StatementTrace) ui.Vals {
	keys := make([]string, 0, len(r.Context))
	for k := range r.Context {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ctx := make([]ui.Vals, 0, len(keys))
	for _, k := range keys {
		ctx = append(ctx, ui.Vals{{K: "key", S: k}, {K: "value", S: strings.Join(r.Context[k], ", ")}})
	}
	policies := make([]ui.Vals, 0, len(r.Policies))
	for pi, p := range r.Policies {
		var stmts []ui.Vals
		for _, t := range traces {
			if t.Policy == pi {
				stmts = append(stmts, statementVals(r, t))
			}
		}
		policies = append(policies, ui.Vals{
			{K: "name", S: p.Name},
			{K: "kind", S: "why.kind." + p.Kind},
			{K: "via", S: p.Via, B: p.Via != ""},
			{K: "error", S: p.Error, B: p.Error != ""},
			{K: "statements", L: stmts},
		})
	}
	principal := r.Principal
	resource := r.Resource
	if resource == "" {
		resource = "*"
	}
	return ui.Vals{
		{K: "principal", S: principal},
		{K: "action", S: r.Action},
		{K: "resource", S: resource},
		{K: "hasContext", B: len(ctx) > 0},
		{K: "context", L: ctx},
		{K: "hasPolicies", B: len(policies) > 0},
		{K: "policies", L: policies},
		{K: "rule", S: "why.rule." + r.Reason},
	}
}

// statementVals is one statement's line of the Why? panel.
func statementVals(r sim.AuthResult, t policy.StatementTrace) ui.Vals {
	decided := slices.ContainsFunc(r.Matched, func(m policy.MatchedStatement) bool {
		return m.Policy == t.Policy && m.Statement == t.Statement
	})
	sid := t.Sid
	if sid == "" {
		sid = "#" + strconv.Itoa(t.Statement+1)
	}
	verdict := "why.stmt.applies"
	switch {
	case !t.ActionMatched && t.NotAction:
		verdict = "why.stmt.notAction"
	case !t.ActionMatched:
		verdict = "why.stmt.action"
	case !t.ResourceMatched && t.NotResource:
		verdict = "why.stmt.notResource"
	case !t.ResourceMatched:
		verdict = "why.stmt.resource"
	case !t.Applies:
		verdict = "why.stmt.condition"
	}
	class := "why-stmt"
	if t.Applies {
		class += " why-applies"
	}
	if decided {
		class += " why-decider"
	}
	conds := make([]ui.Vals, 0, len(t.Conditions))
	for _, ct := range t.Conditions {
		req := strings.Join(ct.RequestValues, ", ")
		if ct.RequestValues == nil {
			req = "—"
		}
		met := "why.cond.notMet"
		if ct.Met {
			met = "why.cond.met"
		}
		conds = append(conds, ui.Vals{
			{K: "cond", S: ct.Operator + " " + ct.Key + " " + strings.Join(ct.Values, ", ")},
			{K: "reqValue", S: req},
			{K: "met", S: met},
		})
	}
	return ui.Vals{
		{K: "class", S: class},
		{K: "sid", S: sid},
		{K: "effect", S: "why.effect." + t.Effect},
		{K: "verdict", S: verdict},
		{K: "decided", B: decided},
		{K: "hasConds", B: len(conds) > 0},
		{K: "conds", L: conds},
	}
}
