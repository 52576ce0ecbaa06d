package policysim

import (
	"strconv"
	"strings"
	"time"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/catalog"
)

// attrs builds an attribute list (keeps the templates below short).
func attrs(kv ...string) []ui.Attr {
	out := make([]ui.Attr, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, ui.Attr{Key: kv[i], Val: kv[i+1]})
	}
	return out
}

// errTpl is a field's error line; the hole is the field's name.
func errTpl(name string) ui.Tpl {
	return ui.Tpl{If: "err." + name, Tag: "p", Attrs: attrs("id", "policysim-"+name+"-error", "class", "field-error", "role", "alert"), T: "=err." + name}
}

// textTpl is a labelled text input with its hint and error.
func textTpl(name, label, hint string, args ...string) ui.Tpl {
	return ui.Tpl{Tag: "div", Attrs: attrs("class", "form-field"), Kids: []ui.Tpl{
		{Tag: "label", Attrs: attrs("for", "policysim-"+name, "class", "field-label"), T: label},
		{Tag: "p", Attrs: attrs("class", "field-hint"), T: hint, Args: args},
		{Tag: "input", Attrs: attrs("id", "policysim-"+name, "name", "policysim."+name, "type", "text", "value", "$v."+name,
			"autocomplete", "off", "spellcheck", "false", "class", "mono",
			"aria-invalid", "?err."+name+":true", "aria-describedby", "?err."+name+":policysim-"+name+"-error")},
		errTpl(name),
	}}
}

// options is one option of a select per item of the list hole: value,
// label, selected.
func options(list string) ui.Tpl {
	return ui.Tpl{Each: list, Tag: "option", Attrs: attrs("value", "$value", "selected", "?selected"), D: "label"}
}

// pageTpl is the simulator page.
var pageTpl = ui.Tpl{Tag: "section", Attrs: attrs("class", "page policysim"), Kids: []ui.Tpl{
	{Tag: "h1", Attrs: attrs("id", "page-title", "tabindex", "-1"), T: "policysim.title"},
	{Tag: "p", Attrs: attrs("class", "subtitle"), T: "policysim.intro"},
	{Slot: "denied"},
	{If: "allowed", Tag: "form", Attrs: attrs("data-form", "policysim.run", "class", "policysim-form", "novalidate", ""), Kids: []ui.Tpl{
		{Tag: "fieldset", Attrs: attrs("class", "container"), Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.who"},
			{Tag: "label", Attrs: attrs("for", "policysim-source", "class", "field-label"), T: "policysim.source"},
			{Tag: "select", Attrs: attrs("id", "policysim-source", "name", FieldSource,
				"aria-invalid", "?err.source:true", "aria-describedby", "?err.source:policysim-source-error"), Kids: []ui.Tpl{
				{Tag: "option", Attrs: attrs("value", "", "selected", "?noSource"), T: "policysim.source.choose"},
				{Tag: "optgroup", Attrs: attrs("label", "%policysim.users"), Kids: []ui.Tpl{options("users")}},
				{Tag: "optgroup", Attrs: attrs("label", "%policysim.groups"), Kids: []ui.Tpl{options("groups")}},
			}},
			errTpl("source"),
		}},
		{Tag: "fieldset", Attrs: attrs("class", "container"), Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.actions"},
			{If: "loading", Tag: "p", Attrs: attrs("role", "status"), T: "policysim.catalog.loading"},
			{If: "failed", Tag: "p", Attrs: attrs("role", "alert"), T: "policysim.catalog.failed"},
			{If: "loaded", Tag: "div", Attrs: attrs("class", "policysim-pick"), Kids: []ui.Tpl{
				{Tag: "div", Attrs: attrs("class", "form-field"), Kids: []ui.Tpl{
					{Tag: "label", Attrs: attrs("for", "policysim-service", "class", "field-label"), T: "policysim.service"},
					{Tag: "select", Attrs: attrs("id", "policysim-service", "name", FieldService), Kids: []ui.Tpl{
						{Tag: "option", Attrs: attrs("value", "", "selected", "?noService"), T: "policysim.service.choose"},
						options("services"),
					}},
				}},
				{If: "service", Tag: "div", Attrs: attrs("class", "form-field"), Kids: []ui.Tpl{
					{Tag: "label", Attrs: attrs("for", "policysim-filter", "class", "field-label"), T: "policysim.filter"},
					{Tag: "input", Attrs: attrs("id", "policysim-filter", "name", FieldFilter, "type", "search", "value", "$filter", "autocomplete", "off")},
				}},
				{Each: "levels", Tag: "fieldset", Attrs: attrs("class", "policysim-level"), Kids: []ui.Tpl{
					{Tag: "legend", T: "$levelKey", Kids: []ui.Tpl{{Tag: "span", Attrs: attrs("class", "count"), D: "count"}}},
					{Tag: "ul", Attrs: attrs("class", "policysim-actions"), Kids: []ui.Tpl{{Each: "acts", Tag: "li", Kids: []ui.Tpl{
						{Tag: "input", Attrs: attrs("type", "checkbox", "id", "$id", "name", "$name", "checked", "?on")},
						{Lit: " "},
						{Tag: "label", Attrs: attrs("for", "$id", "class", "mono"), D: "action"},
					}}}},
				}},
			}},
			textTpl("typed", "policysim.typed", "policysim.typed.hint"),
			{Tag: "p", Attrs: attrs("class", "policysim-selected"), T: "policysim.selected", Args: []string{"actions", "$chosen"}},
			{Tag: "button", Attrs: attrs("type", "button", "class", "btn btn-normal", "data-action", "policysim.clear"), T: "policysim.clear"},
		}},
		{Tag: "fieldset", Attrs: attrs("class", "container"), Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.settings"},
			textTpl("resource", "policysim.resource", "policysim.resource.hint"),
			{Tag: "div", Attrs: attrs("class", "form-field"), Kids: []ui.Tpl{
				{Tag: "label", Attrs: attrs("for", "policysim-mfa", "class", "field-label"), T: "policysim.mfa"},
				{Tag: "select", Attrs: attrs("id", "policysim-mfa", "name", FieldMFA), Kids: []ui.Tpl{
					{Tag: "option", Attrs: attrs("value", "false", "selected", "?mfaFalse"), T: "policysim.mfa.false"},
					{Tag: "option", Attrs: attrs("value", "true", "selected", "?mfaTrue"), T: "policysim.mfa.true"},
					{Tag: "option", Attrs: attrs("value", "absent", "selected", "?mfaAbsent"), T: "policysim.mfa.absent"},
				}},
			}},
			textTpl("mfaAge", "policysim.mfaAge", "policysim.mfaAge.hint"),
			textTpl("ip", "policysim.ip", "policysim.ip.hint", "ip", "$defIP"),
			textTpl("time", "policysim.time", "policysim.time.hint", "now", "$defNow"),
			{Tag: "div", Attrs: attrs("class", "form-field"), Kids: []ui.Tpl{
				{Tag: "label", Attrs: attrs("for", "policysim-region", "class", "field-label"), T: "policysim.region"},
				{Tag: "select", Attrs: attrs("id", "policysim-region", "name", FieldRegion), Kids: []ui.Tpl{options("regions")}},
			}},
		}},
		{Tag: "fieldset", Attrs: attrs("class", "container"), Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.custom"},
			{Tag: "label", Attrs: attrs("for", "policysim-policy", "class", "field-label"), T: "policysim.policy"},
			{Tag: "p", Attrs: attrs("class", "field-hint"), T: "policysim.policy.hint"},
			{Tag: "textarea", Attrs: attrs("id", "policysim-policy", "name", FieldPolicy, "rows", "8", "class", "mono", "spellcheck", "false",
				"aria-invalid", "?err.policy:true", "aria-describedby", "?err.policy:policysim-policy-error"), D: "policyText"},
			errTpl("policy"),
		}},
		{Tag: "button", Attrs: attrs("type", "submit", "class", "btn btn-primary"), T: "policysim.run"},
	}},
	{If: "showResults", Tag: "section", Attrs: attrs("class", "container", "aria-labelledby", "policysim-results"), Kids: []ui.Tpl{
		{Tag: "h2", Attrs: attrs("id", "policysim-results", "tabindex", "-1"), T: "policysim.results", Args: []string{"name", "$sourceName"}},
		{If: "hasErrors", Tag: "p", Attrs: attrs("role", "alert", "class", "field-error"), T: "policysim.fix"},
		{If: "rows", Tag: "div", Attrs: attrs("class", "table-wrap"), Kids: []ui.Tpl{{Tag: "table", Attrs: attrs("class", "table", "aria-labelledby", "policysim-results"), Kids: []ui.Tpl{
			{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
				{Tag: "th", Attrs: attrs("scope", "col"), T: "policysim.col.service"},
				{Tag: "th", Attrs: attrs("scope", "col"), T: "policysim.col.action"},
				{Tag: "th", Attrs: attrs("scope", "col"), T: "policysim.col.resource"},
				{Tag: "th", Attrs: attrs("scope", "col"), T: "policysim.col.result"},
				{Tag: "th", Attrs: attrs("scope", "col"), T: "policysim.col.statement"},
			}}}},
			{Tag: "tbody", Kids: []ui.Tpl{{Each: "rows", Tag: "tr", Kids: []ui.Tpl{
				{Tag: "td", D: "service"},
				{Tag: "th", Attrs: attrs("scope", "row", "class", "mono"), D: "action"},
				{Tag: "td", Attrs: attrs("class", "mono"), D: "resource"},
				{Tag: "td", Attrs: attrs("class", "$resultClass"), T: "$resultKey"},
				{Tag: "td", Kids: []ui.Tpl{
					{Tag: "button", Attrs: attrs("type", "button", "class", "policysim-decider", "data-action", "policysim.show", "data-arg", "$index",
						"aria-pressed", "$pressed"), D: "decider"},
				}},
			}}}},
		}}}},
		{Slot: "shown"},
	}},
}}

// shownTpl is one result's details: the deciding statement highlighted in
// its policy, then the Why? explanation.
var shownTpl = ui.Tpl{Tag: "section", Attrs: attrs("class", "policysim-shown", "aria-labelledby", "policysim-shown"), Kids: []ui.Tpl{
	{Tag: "h3", Attrs: attrs("id", "policysim-shown", "tabindex", "-1"), T: "policysim.shown", Args: []string{"action", "$action", "result", "$result"}},
	{If: "!hasStatement", Tag: "p", T: "policysim.noStatement"},
	{If: "hasStatement", Tag: "p", T: "policysim.statementIn", Args: []string{"statement", "$sid", "policy", "$policy"}},
	{If: "hasStatement", Tag: "pre", Attrs: attrs("class", "policy-text", "aria-label", "%policysim.policyText"), Kids: []ui.Tpl{{Tag: "code", Kids: []ui.Tpl{
		{D: "before"},
		{Tag: "mark", Attrs: attrs("class", "policy-hit", "id", "policysim-hit"), D: "stmt"},
		{D: "after"},
	}}}},
	{Slot: "why"},
}}

// levels are the access levels in the order AWS lists them.
var levels = []catalog.AccessLevel{catalog.List, catalog.Read, catalog.Write, catalog.PermissionsManagement, catalog.Tagging}

// levelKey is an access level's catalog key.
func levelKey(l catalog.AccessLevel) string {
	if l == catalog.PermissionsManagement {
		return "policysim.level.permissions"
	}
	return "policysim.level." + strings.ToLower(string(l))
}

func view(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	if res := pageAllowed(m); res.Decision != sim.Allowed {
		return pageTpl.Root(c, ui.Vals{{K: "denied", N: []ui.Node{core.Denied(c, m, res, "policysim.why")}}})
	}
	acct, _ := m.Account()
	in := read(m)
	src := m.Field(FieldSource)
	var users, groups []ui.Vals
	for _, u := range acct.IAM.Users {
		users = append(users, ui.Vals{{K: "value", S: u.ARN}, {K: "label", S: u.Name}, {K: "selected", B: u.ARN == src}})
	}
	for _, g := range acct.IAM.Groups {
		groups = append(groups, ui.Vals{{K: "value", S: g.ARN}, {K: "label", S: g.Name}, {K: "selected", B: g.ARN == src}})
	}
	region := in.env.Region
	var regions []ui.Vals
	for _, reg := range catalog.Regions() {
		name := reg.Name
		if c.Lang() == i18n.KO {
			name = reg.NameKO
		}
		regions = append(regions, ui.Vals{{K: "value", S: reg.Code}, {K: "label", S: name + " " + reg.Code}, {K: "selected", B: reg.Code == region}})
	}
	mfa := m.Field(FieldMFA)
	svc := m.Field(FieldService)
	vals := ui.Vals{
		{K: "allowed", B: true},
		{K: "noSource", B: src == ""},
		{K: "users", L: users},
		{K: "groups", L: groups},
		{K: "loading", B: m.Actions == nil && m.CatalogState != "failed"},
		{K: "failed", B: m.Actions == nil && m.CatalogState == "failed"},
		{K: "loaded", B: m.Actions != nil},
		{K: "noService", B: svc == ""},
		{K: "service", B: svc != ""},
		{K: "filter", S: m.Field(FieldFilter)},
		{K: "chosen", S: orNone(c, strings.Join(in.actions, ", "))},
		{K: "mfaTrue", B: mfa == "true"},
		{K: "mfaAbsent", B: mfa == "absent"},
		{K: "mfaFalse", B: mfa != "true" && mfa != "absent"},
		{K: "regions", L: regions},
		{K: "policyText", S: m.Field(FieldPolicy)},
		{K: "defNow", S: m.Now.UTC().Format(time.RFC3339)},
		{K: "defIP", S: defaultIP(m)},
	}
	for _, f := range []string{"typed", "resource", "mfaAge", "ip", "time"} {
		vals = append(vals, ui.V{K: "v." + f, S: m.Field("policysim." + f)})
	}
	if m.Actions != nil {
		vals = append(vals, catalogVals(m, svc)...)
	}
	ran := m.Field(fieldRan) == "true"
	if ran {
		for _, e := range in.errs {
			name := strings.TrimPrefix(e.id, "policysim-")
			vals = append(vals, ui.V{K: "err." + name, S: c.T(e.key, e.args...), B: true})
		}
		vals = append(vals, resultVals(m, c, in)...)
	}
	return pageTpl.Root(c, vals)
}

// orNone is s, or "(none)".
func orNone(c i18n.Catalog, s string) string {
	if s == "" {
		return c.T("policysim.none")
	}
	return s
}

// catalogVals lists the services and, for the chosen one, its actions by
// access level, filtered by name.
func catalogVals(m core.Model, svc string) ui.Vals {
	var services []ui.Vals
	for _, p := range m.Actions.Prefixes() {
		label := p
		if s, ok := m.Actions.Service(p); ok && s.Name != "" {
			label = p + " — " + s.Name
		}
		services = append(services, ui.Vals{{K: "value", S: p}, {K: "label", S: label}, {K: "selected", B: p == svc}})
	}
	out := ui.Vals{{K: "services", L: services}}
	s, ok := m.Actions.Service(svc)
	if svc == "" || !ok {
		return out
	}
	filter := strings.ToLower(strings.TrimSpace(m.Field(FieldFilter)))
	var lv []ui.Vals
	for _, l := range levels {
		var acts []ui.Vals
		for _, a := range s.Actions {
			if a.Level != l || (filter != "" && !strings.Contains(strings.ToLower(a.Name), filter)) {
				continue
			}
			full := s.Prefix + ":" + a.Name
			acts = append(acts, ui.Vals{{K: "id", S: "policysim-act-" + full}, {K: "name", S: FieldAction + full}, {K: "action", S: full}, {K: "on", B: m.Field(FieldAction+full) == "true"}})
		}
		if len(acts) > 0 {
			lv = append(lv, ui.Vals{{K: "levelKey", S: levelKey(l)}, {K: "count", S: " (" + strconv.Itoa(len(acts)) + ")"}, {K: "acts", L: acts}})
		}
	}
	return append(out, ui.V{K: "levels", L: lv})
}

// resultVals are the results table and the shown result's details.
func resultVals(m core.Model, c i18n.Catalog, in input) ui.Vals {
	name, _ := sourceName(m, in.source)
	vals := ui.Vals{{K: "showResults", B: true}, {K: "sourceName", S: name}, {K: "hasErrors", B: len(in.errs) > 0}}
	if len(in.errs) > 0 {
		return vals
	}
	runs := results(m, in)
	shown, err := strconv.Atoi(m.Field(fieldShown))
	if err != nil {
		shown = -1
	}
	rows := make([]ui.Vals, len(runs))
	for i, run := range runs {
		r := run.Simulation.Result
		word := DecisionWord(r.Decision)
		svc, _, _ := strings.Cut(run.Action, ":")
		rows[i] = ui.Vals{
			{K: "service", S: svc},
			{K: "action", S: run.Action},
			{K: "resource", S: in.resource},
			{K: "resultKey", S: "policysim.result." + word},
			{K: "resultClass", S: "sim-" + word},
			{K: "decider", S: decider(c, r)},
			{K: "index", S: strconv.Itoa(i)},
			{K: "pressed", S: core.BoolAttr(i == shown)},
		}
	}
	vals = append(vals, ui.V{K: "rows", L: rows, B: len(rows) > 0})
	if shown >= 0 && shown < len(runs) {
		vals = append(vals, ui.V{K: "shown", N: []ui.Node{shownNode(c, runs[shown])}})
	}
	return vals
}

// decider names the statement that decided a result: "policy: Sid", the
// rule when no statement did.
func decider(c i18n.Catalog, r sim.AuthResult) string {
	if len(r.Matched) == 0 {
		return c.T("policysim.decider." + r.Reason)
	}
	m := r.Matched[0]
	return r.Policies[m.Policy].Name + ": " + sidOr(m.Sid, m.Statement)
}

// sidOr is a statement's Sid, or its number.
func sidOr(sid string, idx int) string {
	if sid != "" {
		return sid
	}
	return "#" + strconv.Itoa(idx+1)
}

// shownNode is one result's details.
func shownNode(c i18n.Catalog, run Run) ui.Node {
	r := run.Simulation.Result
	vals := ui.Vals{
		{K: "action", S: run.Action},
		{K: "result", S: c.T("policysim.result." + DecisionWord(r.Decision))},
		{K: "why", N: []ui.Node{core.Why(c, r, run.Simulation.Traces, true, "")}},
	}
	if len(r.Matched) > 0 {
		mt := r.Matched[0]
		p := r.Policies[mt.Policy]
		if before, stmt, after, ok := Highlight(p.Document, mt.Statement); ok {
			vals = append(vals, ui.Vals{{K: "hasStatement", B: true}, {K: "sid", S: sidOr(mt.Sid, mt.Statement)}, {K: "policy", S: p.Name},
				{K: "before", S: before}, {K: "stmt", S: stmt}, {K: "after", S: after}}...)
		}
	}
	return shownTpl.Root(c, vals)
}
