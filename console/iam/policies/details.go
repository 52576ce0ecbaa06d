package policies

import (
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// fieldAttachTo is the entity chosen to attach the policy to
// ("user:<name>" or "group:<name>"); fieldDeleteName the policy name typed
// to confirm a deletion.
const (
	fieldAttachTo   = "policies.attachTo"
	fieldDeleteName = "policies.deleteName"
)

// confirmDelete is the model's Confirm while the delete box is open.
const confirmDelete = "policies.delete"

var detailsTpl = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "p", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: HashList}}, T: "policies.nav.policies"}, {Lit: " › "}, {D: "name"}}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "page-header"}}, Kids: []ui.Tpl{
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}, {Key: "lang", Val: "en"}}, D: "name"},
		{If: "customer", Tag: "div", Kids: []ui.Tpl{
			{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$editHref"}, {Key: "class", Val: "btn btn-normal"}}, T: "policies.edit"},
			{Lit: " "},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "policies.delete"}}, T: "policies.delete"},
		}},
	}},
	{If: "errText", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert alert-error"}, {Key: "role", Val: "alert"}}, D: "errText"},
	// The console's delete confirmation: the policy is detached from every
	// entity first; the student types its name.
	{If: "confirm", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container confirm-box"}, {Key: "role", Val: "alertdialog"}, {Key: "aria-labelledby", Val: "pol-del-title"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-del-title"}}, T: "policies.delete.title", Args: []string{"name", "$name"}},
		{Tag: "p", T: "policies.delete.body", Args: []string{"n", "$attached"}},
		{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-del-name"}, {Key: "class", Val: "field-label"}}, T: "policies.delete.label"},
		{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "pol-del-name"}, {Key: "type", Val: "text"}, {Key: "name", Val: fieldDeleteName}, {Key: "value", Val: "$typed"},
			{Key: "autocomplete", Val: "off"}, {Key: "placeholder", Val: "$name"}, {Key: "aria-invalid", Val: "?delErr:true"}, {Key: "aria-describedby", Val: "?delErr:pol-del-err"}}},
		{If: "delErr", Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "pol-del-err"}, {Key: "class", Val: "field-error"}, {Key: "role", Val: "alert"}}, T: "policies.delete.mismatch"},
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "form-actions"}}, Kids: []ui.Tpl{
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal"}, {Key: "data-action", Val: "policies.deleteCancel"}}, T: "policies.cancel"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "policies.deleteDo"}}, T: "policies.delete"},
		}},
	}},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pol-details"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-details"}}, T: "policies.details.title"},
		{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv"}}, Kids: []ui.Tpl{
			{Tag: "dt", T: "policies.col.type"}, {Tag: "dd", T: "$type"},
			{Tag: "dt", T: "policies.details.created"}, {Tag: "dd", D: "created"},
			{Tag: "dt", T: "policies.details.arn"}, {Tag: "dd", Attrs: []ui.Attr{{Key: "class", Val: "mono"}}, D: "arn"},
			{Tag: "dt", T: "policies.col.desc"}, {Tag: "dd", D: "desc"},
		}},
	}},
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "tabs"}, {Key: "aria-label", Val: "%policies.details.tabs"}}, Kids: []ui.Tpl{
		{Each: "tabs", Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$href"}, {Key: "class", Val: "tab"}, {Key: "aria-current", Val: "?cur:page"}}, T: "$label"},
	}},
	{If: "perms", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pol-perms"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-perms"}}, T: "policies.perms.title"},
		{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "segmented"}, {Key: "role", Val: "group"}, {Key: "aria-label", Val: "%policies.perms.view"}}, Kids: []ui.Tpl{
			{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$summaryHref"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "aria-current", Val: "?onSummary:page"}}, T: "policies.perms.summary"},
			{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$jsonHref"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "aria-current", Val: "?onJSON:page"}}, T: "policies.perms.json"},
		}},
		{If: "onSummary", Slot: "summary"},
		{If: "onJSON", Tag: "pre", Attrs: []ui.Attr{{Key: "class", Val: "mono policy-json"}, {Key: "tabindex", Val: "0"}, {Key: "aria-label", Val: "%policies.perms.json"}}, D: "document"},
	}},
	{If: "entities", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pol-ent"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-ent"}}, T: "policies.entities.heading", Args: []string{"n", "$attached"}},
		{If: "noEntities", Tag: "p", T: "policies.entities.none"},
		{If: "!noEntities", Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "table"}}, Kids: []ui.Tpl{
			{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.entities.name"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.entities.type"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.actions"},
			}}}},
			{Tag: "tbody", Kids: []ui.Tpl{{Each: "ents", Tag: "tr", Kids: []ui.Tpl{
				{Tag: "td", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$href"}}, D: "name"}}},
				{Tag: "td", T: "$kind"},
				{Tag: "td", Kids: []ui.Tpl{{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"},
					{Key: "data-action", Val: "policies.detach"}, {Key: "data-arg", Val: "$arg"}, {Key: "aria-label", Val: "$detachLabel"}}, T: "policies.entities.detach"}}},
			}}}},
		}},
		{If: "canAttach", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "table-filters"}}, Kids: []ui.Tpl{
			{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-attach"}}, T: "policies.entities.choose"},
			{Tag: "select", Attrs: []ui.Attr{{Key: "id", Val: "pol-attach"}, {Key: "name", Val: fieldAttachTo}}, Kids: []ui.Tpl{
				{Each: "candidates", Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "$arg"}, {Key: "selected", Val: "?sel"}}, D: "label"},
			}},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-primary"}, {Key: "data-action", Val: "policies.attach"}}, T: "policies.entities.attach"},
		}},
	}},
	{If: "versions", Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "container"}, {Key: "aria-labelledby", Val: "pol-ver"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-ver"}}, T: "policies.versions.heading", Args: []string{"n", "$nversions"}},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policies.versions.hint"},
		{Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "table"}}, Kids: []ui.Tpl{
			{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.versions.version"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.versions.created"},
				{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.actions"},
			}}}},
			{Tag: "tbody", Kids: []ui.Tpl{{Each: "vers", Tag: "tr", Kids: []ui.Tpl{
				{Tag: "td", Kids: []ui.Tpl{
					{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$href"}, {Key: "aria-current", Val: "?viewing:true"}}, D: "id"},
					{If: "isDefault", Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "badge"}}, T: "policies.versions.default"},
				}},
				{Tag: "td", D: "created"},
				{Tag: "td", Kids: []ui.Tpl{{If: "!isDefault", Tag: "span", Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "data-action", Val: "policies.setDefault"},
						{Key: "data-arg", Val: "$id"}, {Key: "aria-label", Val: "$setLabel"}}, T: "policies.versions.setDefault"},
					{Lit: " "},
					{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "data-action", Val: "policies.deleteVersion"},
						{Key: "data-arg", Val: "$id"}, {Key: "aria-label", Val: "$delLabel"}}, T: "policies.delete"},
				}}}},
			}}}},
		}},
		{If: "viewVersion", Tag: "h3", T: "policies.versions.viewing", Args: []string{"id", "$viewID"}},
		{If: "viewVersion", Tag: "pre", Attrs: []ui.Attr{{Key: "class", Val: "mono policy-json"}, {Key: "tabindex", Val: "0"}}, D: "viewDoc"},
	}},
}}

// detailsView renders a policy's page.
func detailsView(m core.Model, c i18n.Catalog, w where) ui.Node {
	e, ok := lookup(m, w)
	if !ok {
		return missingView(c)
	}
	base := where{page: "details", kind: w.kind, name: e.Name}
	tab := func(t string) string { b := base; b.tab = t; return b.hash() }
	perms := w.tab == "summary" || w.tab == "json"
	tabs := []ui.Vals{
		{{K: "href", S: tab("summary")}, {K: "label", S: "policies.tab.perms"}, {K: "cur", B: perms}},
		{{K: "href", S: tab("entities")}, {K: "label", S: "policies.tab.entities"}, {K: "cur", B: w.tab == "entities"}},
	}
	if e.Type == "customer" {
		tabs = append(tabs, ui.Vals{{K: "href", S: tab("versions")}, {K: "label", S: "policies.tab.versions"}, {K: "cur", B: w.tab == "versions"}})
	}
	v := ui.Vals{
		{K: "name", S: e.Name}, {K: "type", S: typeKey(e.Type)}, {K: "created", S: e.Created}, {K: "arn", S: e.ARN}, {K: "desc", S: e.Description},
		{K: "customer", B: e.Type == "customer"}, {K: "editHref", S: where{page: "edit", name: e.Name}.hash()},
		{K: "tabs", L: tabs}, {K: "attached", S: strconv.Itoa(e.Attached)},
		{K: "errText", S: errText(m), B: errText(m) != ""},
	}
	if m.Confirm == confirmDelete && e.Type == "customer" {
		v = append(v, ui.V{K: "confirm", B: true}, ui.V{K: "typed", S: m.Field(fieldDeleteName)},
			ui.V{K: "delErr", B: m.Policy.Errors[fieldDeleteName] != "" && m.Policy.ErrRoute == m.UI.Route})
	}
	switch {
	case perms:
		v = append(v, ui.V{K: "perms", B: true}, ui.V{K: "summaryHref", S: tab("summary")}, ui.V{K: "jsonHref", S: tab("json")},
			ui.V{K: "onSummary", B: w.tab == "summary"}, ui.V{K: "onJSON", B: w.tab == "json"}, ui.V{K: "document", S: e.Document})
		if w.tab == "summary" {
			v = append(v, ui.V{K: "summary", N: []ui.Node{summaryNode(m, c, e.Document)}})
		}
	case w.tab == "entities":
		v = append(v, entitiesVals(m, c, e)...)
	case w.tab == "versions" && e.Type == "customer":
		v = append(v, versionsVals(c, e, w)...)
	}
	return detailsTpl.Root(c, v)
}

// entitiesVals fills the Entities attached tab: the users and groups the
// policy is attached to, and those it can be attached to.
func entitiesVals(m core.Model, c i18n.Catalog, e entry) ui.Vals {
	acct := m.World.IAMAccount(m.Session.AccountID)
	var ents, cands []ui.Vals
	chosen := m.Field(fieldAttachTo)
	add := func(kind, name string, attached []string) {
		arg := kind + ":" + name
		for _, a := range attached {
			if a == e.ARN {
				ents = append(ents, ui.Vals{{K: "href", S: entityHash(kind, name)}, {K: "name", S: name}, {K: "kind", S: "policies.entities." + kind},
					{K: "arg", S: arg}, {K: "detachLabel", S: c.T("policies.entities.detachLabel", "name", name)}})
				return
			}
		}
		cands = append(cands, ui.Vals{{K: "arg", S: arg}, {K: "label", S: c.T("policies.entities."+kind) + ": " + name}, {K: "sel", B: arg == chosen}})
	}
	for _, u := range acct.Users {
		add("user", u.Name, u.Attached)
	}
	for _, g := range acct.Groups {
		add("group", g.Name, g.Attached)
	}
	return ui.Vals{{K: "entities", B: true}, {K: "ents", L: ents}, {K: "noEntities", B: len(ents) == 0},
		{K: "candidates", L: cands}, {K: "canAttach", B: len(cands) > 0}}
}

// versionsVals fills the Policy versions tab.
func versionsVals(c i18n.Catalog, e entry, w where) ui.Vals {
	p := e.Customer
	var vers []ui.Vals
	var viewDoc string
	for i := len(p.Versions) - 1; i >= 0; i-- {
		ver := p.Versions[i]
		b := where{page: "details", kind: "customer", name: e.Name, tab: "versions", version: ver.ID}
		vers = append(vers, ui.Vals{{K: "id", S: ver.ID}, {K: "href", S: b.hash()}, {K: "created", S: ver.CreatedAt.UTC().Format("2006-01-02 15:04:05 UTC")},
			{K: "isDefault", B: ver.ID == p.DefaultVersion}, {K: "viewing", B: ver.ID == w.version},
			{K: "setLabel", S: c.T("policies.versions.setLabel", "id", ver.ID)}, {K: "delLabel", S: c.T("policies.versions.delLabel", "id", ver.ID)}})
		if ver.ID == w.version {
			viewDoc = ver.Document
		}
	}
	return ui.Vals{{K: "versions", B: true}, {K: "vers", L: vers}, {K: "nversions", S: strconv.Itoa(len(p.Versions))},
		{K: "viewVersion", B: viewDoc != ""}, {K: "viewID", S: w.version}, {K: "viewDoc", S: viewDoc}}
}

var summaryTpl = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "pol-summary"}}, Kids: []ui.Tpl{
	{If: "loading", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policies.summary.loading"},
	{If: "invalid", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policies.summary.invalid"},
	{Each: "groups", Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "table"}}, Kids: []ui.Tpl{
		{Tag: "caption", T: "$caption", Args: []string{"n", "$n"}},
		{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.summary.service"},
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.summary.level"},
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.summary.resource"},
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.summary.condition"},
		}}}},
		{Tag: "tbody", Kids: []ui.Tpl{{Each: "rows", Tag: "tr", Kids: []ui.Tpl{
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "row"}}, D: "service"},
			{Tag: "td", D: "level"},
			{Tag: "td", Attrs: []ui.Attr{{Key: "class", Val: "mono-wrap"}}, D: "resource"},
			{Tag: "td", Attrs: []ui.Attr{{Key: "class", Val: "mono-wrap"}}, D: "condition"},
		}}}},
	}},
}}

// summaryNode renders a policy document's summary: one table per effect.
func summaryNode(m core.Model, c i18n.Catalog, document string) ui.Node {
	if m.Actions == nil {
		return summaryTpl.Root(c, ui.Vals{{K: "loading", B: true}})
	}
	doc, err := policy.Parse(document)
	if err != nil {
		return summaryTpl.Root(c, ui.Vals{{K: "invalid", B: true}})
	}
	rows := Summarize(doc, m.Actions)
	var groups []ui.Vals
	for _, effect := range []string{"Allow", "Deny"} {
		var rs []ui.Vals
		for _, r := range rows {
			if r.Effect == effect {
				rs = append(rs, ui.Vals{{K: "service", S: serviceText(c, r)}, {K: "level", S: LevelText(c, r)},
					{K: "resource", S: resourceText(c, r)}, {K: "condition", S: conditionText(c, r)}})
			}
		}
		if len(rs) > 0 {
			groups = append(groups, ui.Vals{{K: "caption", S: "policies.summary." + strings.ToLower(effect)}, {K: "n", S: strconv.Itoa(len(rs))}, {K: "rows", L: rs}})
		}
	}
	return summaryTpl.Root(c, ui.Vals{{K: "groups", L: groups}, {K: "invalid", B: len(groups) == 0}})
}

func serviceText(c i18n.Catalog, r Row) string {
	switch {
	case r.AllServices:
		return c.T("policies.summary.allServices")
	case r.Others:
		return c.T("policies.summary.otherServices")
	case r.Unknown:
		return r.Prefix + " " + c.T("policies.summary.unknown")
	}
	return r.Service
}

// LevelText is a row's access level as the summary shows it: "Full
// access", or "Full: List, Read" and "Limited: Write".
func LevelText(c i18n.Catalog, r Row) string {
	if r.Unknown {
		return "—"
	}
	if r.FullAccess() {
		return c.T("policies.level.full")
	}
	names := func(ls []catalog.AccessLevel) string {
		out := make([]string, len(ls))
		for i, l := range ls {
			out[i] = c.T("policies.level." + strings.ReplaceAll(string(l), " ", ""))
		}
		return strings.Join(out, ", ")
	}
	var parts []string
	if len(r.Full) > 0 {
		parts = append(parts, c.T("policies.level.fullSome", "levels", names(r.Full)))
	}
	if len(r.Limited) > 0 {
		parts = append(parts, c.T("policies.level.limited", "levels", names(r.Limited)))
	}
	if len(parts) == 0 {
		return c.T("policies.level.none")
	}
	return strings.Join(parts, "; ")
}

func resourceText(c i18n.Catalog, r Row) string {
	if len(r.Resources) == 1 && r.Resources[0] == "*" {
		if r.NotResource {
			return c.T("policies.summary.noResources")
		}
		return c.T("policies.summary.allResources")
	}
	list := strings.Join(r.Resources, ", ")
	if r.NotResource {
		return c.T("policies.summary.allExcept", "list", list)
	}
	return list
}

func conditionText(c i18n.Catalog, r Row) string {
	if len(r.Conditions) == 0 {
		return c.T("policies.summary.noCondition")
	}
	return strings.Join(r.Conditions, "; ")
}
