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

// textFieldTpl is a labelled text input with its hint and error; each
// field fills its holes (id, name, label, hint, value, err: the error's
// id when there is one, errText).
var textFieldTpl = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
	{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "$id"}, {Key: "class", Val: "field-label"}}, T: "$label"},
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "$hint", Args: []string{"ip", "$defIP", "now", "$defNow"}},
	{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "$id"}, {Key: "name", Val: "$name"}, {Key: "type", Val: "text"}, {Key: "value", Val: "$value"},
		{Key: "autocomplete", Val: "off"}, {Key: "spellcheck", Val: "false"}, {Key: "class", Val: "mono"},
		{Key: "aria-invalid", Val: "?err:true"}, {Key: "aria-describedby", Val: "?err"}}},
	{If: "err", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "$err"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "=errText"},
}}

// textFields are the simulator's text inputs, by short name.
var textFields = []string{"typed", "resource", "mfaAge", "ip", "time"}

// pageTpl is the simulator page.
var pageTpl = ui.Tpl{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "page policysim"}}, Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "policysim.title"},
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "subtitle"}}, T: "policysim.intro"},
	{Slot: "denied"},
	{If: "allowed", Tag: "form", Attrs: []ui.Attr{{Key: "data-form", Val: "policysim.run"}, {Key: "class", Val: "policysim-form"}, {Key: "novalidate", Val: ""}}, Kids: []ui.Tpl{
		{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.who"},
			{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "policysim-source"}, {Key: "class", Val: "field-label"}}, T: "policysim.source"},
			{Tag: "select", Attrs: []ui.Attr{{Key: "id", Val: "policysim-source"}, {Key: "name", Val: FieldSource}, {Key: "aria-invalid", Val: "?err.source:true"}, {Key: "aria-describedby", Val: "?err.source:policysim-source-error"}}, Kids: []ui.Tpl{
				{Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: ""}, {Key: "selected", Val: "?noSource"}}, T: "policysim.source.choose"},
				{Tag: "optgroup", Attrs: []ui.Attr{{Key: "label", Val: "%policysim.users"}}, Kids: []ui.Tpl{{Each: "users", Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "$value"}, {Key: "selected", Val: "?selected"}}, D: "label"}}},
				{Tag: "optgroup", Attrs: []ui.Attr{{Key: "label", Val: "%policysim.groups"}}, Kids: []ui.Tpl{{Each: "groups", Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "$value"}, {Key: "selected", Val: "?selected"}}, D: "label"}}},
			}},
			{If: "err.source", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "policysim-source-error"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "=err.source"},
		}},
		{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.actions"},
			{If: "loading", Tag: "p", Attrs: []ui.Attr{{Key: "role", Val: "status"}}, T: "policysim.catalog.loading"},
			{If: "failed", Tag: "p", Attrs: []ui.Attr{{Key: "role", Val: "alert"}}, T: "policysim.catalog.failed"},
			{If: "loaded", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "policysim-pick"}}, Kids: []ui.Tpl{
				{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "policysim-service"}, {Key: "class", Val: "field-label"}}, T: "policysim.service"},
					{Tag: "select", Attrs: []ui.Attr{{Key: "id", Val: "policysim-service"}, {Key: "name", Val: FieldService}}, Kids: []ui.Tpl{
						{Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: ""}, {Key: "selected", Val: "?noService"}}, T: "policysim.service.choose"},
						{Each: "services", Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "$value"}, {Key: "selected", Val: "?selected"}}, D: "label"},
					}},
				}},
				{If: "service", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
					{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "policysim-filter"}, {Key: "class", Val: "field-label"}}, T: "policysim.filter"},
					{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "policysim-filter"}, {Key: "name", Val: FieldFilter}, {Key: "type", Val: "search"}, {Key: "value", Val: "$filter"}, {Key: "autocomplete", Val: "off"}}},
				}},
				{Each: "levels", Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "policysim-level"}}, Kids: []ui.Tpl{
					{Tag: "legend", T: "$levelKey", Kids: []ui.Tpl{{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "count"}}, D: "count"}}},
					{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "policysim-actions"}}, Kids: []ui.Tpl{{Each: "acts", Tag: "li", Kids: []ui.Tpl{
						{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "checkbox"}, {Key: "id", Val: "$id"}, {Key: "name", Val: "$name"}, {Key: "checked", Val: "?on"}}},
						{Lit: " "},
						{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "$id"}, {Key: "class", Val: "mono"}}, D: "action"},
					}}}},
				}},
			}},
			{Slot: "f.typed"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "policysim-selected"}}, T: "policysim.selected", Args: []string{"actions", "$chosen"}},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "policysim.clear"}}, T: "policysim.clear"},
		}},
		{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.settings"},
			{Slot: "f.resource"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "policysim-mfa"}, {Key: "class", Val: "field-label"}}, T: "policysim.mfa"},
				{Tag: "select", Attrs: []ui.Attr{{Key: "id", Val: "policysim-mfa"}, {Key: "name", Val: FieldMFA}}, Kids: []ui.Tpl{
					{Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "false"}, {Key: "selected", Val: "?mfaFalse"}}, T: "policysim.mfa.false"},
					{Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "true"}, {Key: "selected", Val: "?mfaTrue"}}, T: "policysim.mfa.true"},
					{Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "absent"}, {Key: "selected", Val: "?mfaAbsent"}}, T: "policysim.mfa.absent"},
				}},
			}},
			{Slot: "f.mfaAge"},
			{Slot: "f.ip"},
			{Slot: "f.time"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-field"}}, Kids: []ui.Tpl{
				{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "policysim-region"}, {Key: "class", Val: "field-label"}}, T: "policysim.region"},
				{Tag: "select", Attrs: []ui.Attr{{Key: "id", Val: "policysim-region"}, {Key: "name", Val: FieldRegion}}, Kids: []ui.Tpl{{Each: "regions", Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "$value"}, {Key: "selected", Val: "?selected"}}, D: "label"}}},
			}},
		}},
		{Tag: "fieldset", Attrs: []ui.Attr{{Key: "class", Val: "container"}}, Kids: []ui.Tpl{
			{Tag: "legend", T: "policysim.custom"},
			{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "policysim-policy"}, {Key: "class", Val: "field-label"}}, T: "policysim.policy"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policysim.policy.hint"},
			{Tag: "textarea", Attrs: []ui.Attr{{Key: "id", Val: "policysim-policy"}, {Key: "name", Val: FieldPolicy}, {Key: "rows", Val: "8"}, {Key: "class", Val: "mono"}, {Key: "spellcheck", Val: "false"}, {Key: "aria-invalid", Val: "?err.policy:true"}, {Key: "aria-describedby", Val: "?err.policy:policysim-policy-error"}}, D: "policyText"},
			{If: "err.policy", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "policysim-policy-error"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "=err.policy"},
		}},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "submit"}, {Key: "class", Val: "btn btn-primary"}}, T: "policysim.run"},
	}},
	{If: "showResults", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "policysim-results"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "policysim-results"}, {Key: "tabindex", Val: "-1"}}, T: "policysim.results", Args: []string{"name", "$sourceName"}},
		{If: "hasErrors", Tag: "p", Attrs: []ui.Attr{{Key: "role", Val: "alert"}, {Key: "class", Val: "field-error"}}, T: "policysim.fix"},
		{If: "rows", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "table-wrap"}}, Kids: []ui.Tpl{{Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "table"}, {Key: "aria-labelledby", Val: "policysim-results"}}, Kids: []ui.Tpl{
			{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policysim.col.service"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policysim.col.action"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policysim.col.resource"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policysim.col.result"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policysim.col.statement"},
			}}}},
			{Tag: "tbody", Kids: []ui.Tpl{{Each: "rows", Tag: "tr", Kids: []ui.Tpl{
				{Tag: "td", D: "service"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "row"}, {Key: "class", Val: "mono"}}, D: "action"},
				{Tag: "td", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "resource"},
				{Tag: "td", Attrs: []ui.Attr{{Key: "class", Val: "$resultClass"}}, T: "$resultKey"},
				{Tag: "td", Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "policysim-decider"}, {Key: "data-action", Val: "policysim.show"}, {Key: "data-arg", Val: "$index"}, {Key: "aria-pressed", Val: "$pressed"}}, D: "decider"},
				}},
			}}}},
		}}}},
		{Slot: "shown"},
	}},
}}

// shownTpl is one result's details: the deciding statement highlighted in
// its policy, then the Why? explanation.
var shownTpl = ui.Tpl{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "policysim-shown"}, {Key: "aria-labelledby", Val: "policysim-shown"}}, Kids: []ui.Tpl{
	{Tag: "h3", Attrs: []ui.Attr{{Key: "id", Val: "policysim-shown"}, {Key: "tabindex", Val: "-1"}}, T: "policysim.shown", Args: []string{"action", "$action", "result", "$result"}},
	{If: "!hasStatement", Tag: "p", T: "policysim.noStatement"},
	{If: "hasStatement", Tag: "p", T: "policysim.statementIn", Args: []string{"statement", "$sid", "policy", "$policy"}},
	{If: "hasStatement", Tag: "pre", Attrs: []ui.Attr{{Key: "class", Val: "policy-text"}, {Key: "aria-label", Val: "%policysim.policyText"}}, Kids: []ui.Tpl{{Tag: "code", Kids: []ui.Tpl{
		{D: "before"},
		{Tag: "mark", Attrs: []ui.Attr{{Key: "class", Val: "policy-hit"}, {Key: "id", Val: "policysim-hit"}}, D: "stmt"},
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
	}

	if m.Actions != nil {
		vals = append(vals, catalogVals(m, svc)...)
	}
	ran := m.Field(fieldRan) == "true"
	errs := map[string]string{}
	if ran {
		for _, e := range in.errs {
			name := strings.TrimPrefix(e.id, "policysim-")
			errs[name] = c.T(e.key, e.args...)
			vals = append(vals, ui.V{K: "err." + name, S: errs[name], B: true})
		}
		vals = append(vals, resultVals(m, c, in)...)
	}
	for _, f := range textFields {
		id := "policysim-" + f
		fv := ui.Vals{{K: "id", S: id}, {K: "name", S: "policysim." + f}, {K: "label", S: "policysim." + f},
			{K: "hint", S: "policysim." + f + ".hint"}, {K: "value", S: m.Field("policysim." + f)},
			{K: "defIP", S: defaultIP(m)}, {K: "defNow", S: m.Now.UTC().Format(time.RFC3339)}}
		if msg, bad := errs[f]; bad {
			fv = append(fv, ui.V{K: "err", S: id + "-error", B: true}, ui.V{K: "errText", S: msg})
		}
		vals = append(vals, ui.V{K: "f." + f, N: []ui.Node{textFieldTpl.Root(c, fv)}})
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
