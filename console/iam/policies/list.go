package policies

import (
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// The list's fields.
const (
	fieldSearch = "policies.q"
	fieldType   = "policies.type"
	fieldPageNo = "policies.pageNo"
)

// pageSize is the number of policies a list page shows.
const pageSize = 10

var listTpl = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "page-header"}}, Kids: []ui.Tpl{
		{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "policies.list.heading", Args: []string{"n", "$total"}},
		{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: HashCreate}, {Key: "class", Val: "btn btn-primary"}}, T: "policies.create.title"},
	}},
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "field-hint"}}, T: "policies.list.desc"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "table-filters"}}, Kids: []ui.Tpl{
		{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-search"}, {Key: "class", Val: "visually-hidden"}}, T: "policies.list.search"},
		{Tag: "input", Attrs: []ui.Attr{{Key: "id", Val: "pol-search"}, {Key: "type", Val: "search"}, {Key: "name", Val: fieldSearch}, {Key: "value", Val: "$q"},
			{Key: "placeholder", Val: "%policies.list.search"}, {Key: "autocomplete", Val: "off"}}},
		{Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "pol-type"}}, T: "policies.list.filterType"},
		{Tag: "select", Attrs: []ui.Attr{{Key: "id", Val: "pol-type"}, {Key: "name", Val: fieldType}}, Kids: []ui.Tpl{
			{Each: "types", Tag: "option", Attrs: []ui.Attr{{Key: "value", Val: "$v"}, {Key: "selected", Val: "?sel"}}, T: "$label"},
		}},
	}},
	{Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "table"}}, Kids: []ui.Tpl{
		{Tag: "caption", Attrs: []ui.Attr{{Key: "class", Val: "visually-hidden"}}, T: "policies.list.title"},
		{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.col.name"},
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.col.type"},
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.col.usedAs"},
			{Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, T: "policies.col.desc"},
		}}}},
		{Tag: "tbody", Kids: []ui.Tpl{
			{Each: "rows", Tag: "tr", Kids: []ui.Tpl{
				{Tag: "td", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$href"}, {Key: "lang", Val: "en"}}, D: "name"}}},
				{Tag: "td", T: "$type"},
				{Tag: "td", Kids: []ui.Tpl{{If: "used", T: "policies.usedAs", Args: []string{"n", "$used"}}}},
				{Tag: "td", D: "desc"},
			}},
		}},
	}},
	{If: "empty", Tag: "p", T: "policies.list.empty"},
	{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "pagination"}, {Key: "aria-label", Val: "%policies.list.pages"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "data-action", Val: "policies.page"},
			{Key: "data-arg", Val: "$prev"}, {Key: "disabled", Val: "?first"}}, T: "policies.list.prev"},
		{Tag: "span", Attrs: []ui.Attr{{Key: "aria-live", Val: "polite"}}, T: "policies.list.page", Args: []string{"n", "$page", "of", "$pages"}},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "data-action", Val: "policies.page"},
			{Key: "data-arg", Val: "$next"}, {Key: "disabled", Val: "?last"}}, T: "policies.list.next"},
	}},
}}

// typeKey is the catalog key of a policy type.
func typeKey(t string) string { return "policies.type." + t }

// listView renders the policies list: filtered by type and search text,
// ten to a page.
func listView(m core.Model, c i18n.Catalog) ui.Node {
	all := entries(m)
	q := strings.ToLower(strings.TrimSpace(m.Field(fieldSearch)))
	typ := m.Field(fieldType)
	var shown []entry
	for _, e := range all {
		if typ != "" && e.Type != typ {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(e.Name), q) && !strings.Contains(strings.ToLower(e.Description), q) {
			continue
		}
		shown = append(shown, e)
	}
	pages := max((len(shown)+pageSize-1)/pageSize, 1)
	page, _ := strconv.Atoi(m.Field(fieldPageNo))
	page = min(max(page, 1), pages)
	var rows []ui.Vals
	for _, e := range shown[min((page-1)*pageSize, len(shown)):min(page*pageSize, len(shown))] {
		rows = append(rows, ui.Vals{{K: "href", S: DetailsHash(e.ARN)}, {K: "name", S: e.Name}, {K: "type", S: typeKey(e.Type)},
			{K: "used", S: strconv.Itoa(e.Attached), B: e.Attached > 0}, {K: "desc", S: e.Description}})
	}
	var types []ui.Vals
	for _, t := range []string{"", "aws", "customer", "job"} {
		label := "policies.type.all"
		if t != "" {
			label = typeKey(t)
		}
		types = append(types, ui.Vals{{K: "v", S: t}, {K: "label", S: label}, {K: "sel", B: t == typ}})
	}
	return listTpl.Root(c, ui.Vals{
		{K: "total", S: strconv.Itoa(len(all))}, {K: "q", S: m.Field(fieldSearch)}, {K: "types", L: types},
		{K: "rows", L: rows}, {K: "empty", B: len(shown) == 0},
		{K: "page", S: strconv.Itoa(page)}, {K: "pages", S: strconv.Itoa(pages)},
		{K: "prev", S: strconv.Itoa(page - 1)}, {K: "next", S: strconv.Itoa(page + 1)},
		{K: "first", B: page == 1}, {K: "last", B: page == pages},
	})
}
