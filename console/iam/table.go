package iam

import (
	"slices"
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
)

// pageSize is how many rows a list shows per page.
const pageSize = 10

// listTable is a sortable table: column headers are buttons that sort by
// the column; a cell is data (d), translated text (t when isT) or a link
// (href) to an entity; a row may start with a selection checkbox.
var listTable = ui.Tpl{Tag: "table", Attrs: []ui.Attr{{Key: "class", Val: "mfa-table iam-table"}, {Key: "aria-labelledby", Val: "$tableLabel"}}, Kids: []ui.Tpl{
	{Tag: "thead", Kids: []ui.Tpl{{Tag: "tr", Kids: []ui.Tpl{
		{If: "select", Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}}, Kids: []ui.Tpl{
			{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "visually-hidden"}}, T: "iam.table.select"}}},
		{Each: "cols", Tag: "th", Attrs: []ui.Attr{{Key: "scope", Val: "col"}, {Key: "aria-sort", Val: "$sort"}}, Kids: []ui.Tpl{
			{If: "sortable", Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "th-sort"},
				{Key: "data-action", Val: "iam.sort"}, {Key: "data-arg", Val: "$arg"}}, T: "=label", Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "aria-hidden", Val: "true"}}, D: "mark"}}},
			{If: "!sortable", Tag: "span", T: "=label"},
		}},
	}}}},
	{Tag: "tbody", Kids: []ui.Tpl{
		{Each: "rows", Tag: "tr", Kids: []ui.Tpl{
			{If: "select", Tag: "td", Kids: []ui.Tpl{
				{Tag: "input", Attrs: []ui.Attr{{Key: "type", Val: "$selType"}, {Key: "id", Val: "$selID"}, {Key: "name", Val: "$selName"},
					{Key: "value", Val: "$selValue"}, {Key: "checked", Val: "?on"}, {Key: "disabled", Val: "?off"}, {Key: "aria-labelledby", Val: "$labelID"}}}}},
			{Each: "cells", Tag: "td", Kids: []ui.Tpl{
				{If: "href", Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "$link"}, {Key: "id", Val: "$cellID"}}, D: "d"},
				{If: "label", Tag: "label", Attrs: []ui.Attr{{Key: "for", Val: "$for"}, {Key: "id", Val: "$cellID"}}, D: "d"},
				{If: "isT", T: "=t"},
				{If: "plain", D: "d"},
			}},
		}},
		{If: "empty", Tag: "tr", Kids: []ui.Tpl{{Tag: "td", Attrs: []ui.Attr{{Key: "colspan", Val: "$span"}, {Key: "class", Val: "empty"}}, T: "$emptyKey"}}},
	}},
}}

// pager is a list's pagination.
var pager = ui.Tpl{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "iam-pager"}, {Key: "aria-label", Val: "%iam.page.label"}}, Kids: []ui.Tpl{
	{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "data-action", Val: "iam.page"},
		{Key: "data-arg", Val: "$prevArg"}, {Key: "disabled", Val: "?noPrev"}}, T: "iam.page.prev"},
	{Tag: "span", Attrs: []ui.Attr{{Key: "aria-live", Val: "polite"}}, T: "iam.page.of", Args: []string{"page", "$page", "pages", "$pages"}},
	{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "btn btn-normal btn-small"}, {Key: "data-action", Val: "iam.page"},
		{Key: "data-arg", Val: "$nextArg"}, {Key: "disabled", Val: "?noNext"}}, T: "iam.page.next"},
}}

// col is a column of a list: its label and its sort key.
type col struct{ id, label string }

// cell is one table cell's values.
func dataCell(s string) ui.Vals { return ui.Vals{{K: "d", S: s}, {K: "plain", B: true}} }
func textCell(s string) ui.Vals { return ui.Vals{{K: "t", S: s}, {K: "isT", B: true}} }
func linkCell(s, href, id string) ui.Vals {
	return ui.Vals{{K: "d", S: s}, {K: "href", B: true}, {K: "link", S: href}, {K: "cellID", S: id}}
}
func labelCell(s, forID, id string) ui.Vals {
	return ui.Vals{{K: "d", S: s}, {K: "label", B: true}, {K: "for", S: forID}, {K: "cellID", S: id}}
}

// row is one table row: its cells and sort keys by column id.
type row struct {
	cells []ui.Vals
	keys  map[string]string
	sel   ui.Vals
}

// sortSpec reads a list's sort column and direction from its fields.
func sortSpec(m core.Model, list, def string) (string, bool) {
	c := m.Field("iam." + list + ".sort")
	if c == "" {
		c = def
	}
	return c, m.Field("iam."+list+".dir") == "desc"
}

// renderTable sorts, filters and paginates rows into the table and pager
// nodes. list names the fields that keep the sort and page.
func renderTable(m core.Model, c i18n.Catalog, list, labelID string, cols []col, rows []row, def string, paged, sel bool, emptyKey string) []ui.Node {
	by, desc := sortSpec(m, list, def)
	slices.SortStableFunc(rows, func(a, b row) int {
		x, y := a.keys[by], b.keys[by]
		r := strings.Compare(strings.ToLower(x), strings.ToLower(y))
		if desc {
			r = -r
		}
		return r
	})
	pages := max(1, (len(rows)+pageSize-1)/pageSize)
	page := 1
	if paged {
		page, _ = strconv.Atoi(m.Field("iam." + list + ".page"))
		page = min(max(page, 1), pages)
		lo, hi := (page-1)*pageSize, min(page*pageSize, len(rows))
		rows = rows[lo:hi]
	}
	colVals := make([]ui.Vals, len(cols))
	for i, k := range cols {
		sortAttr, mark := "none", ""
		if k.id == by {
			sortAttr, mark = "ascending", " ▲"
			if desc {
				sortAttr, mark = "descending", " ▼"
			}
		}
		colVals[i] = ui.Vals{{K: "label", S: k.label}, {K: "arg", S: list + ":" + k.id}, {K: "sort", S: sortAttr}, {K: "mark", S: mark}, {K: "sortable", B: k.id != ""}}
	}
	rowVals := make([]ui.Vals, len(rows))
	for i, r := range rows {
		rowVals[i] = append(ui.Vals{{K: "cells", L: r.cells}}, r.sel...)
	}
	span := len(cols)
	if sel {
		span++
	}
	out := []ui.Node{listTable.Root(c, ui.Vals{{K: "tableLabel", S: labelID}, {K: "cols", L: colVals}, {K: "rows", L: rowVals},
		{K: "select", B: sel}, {K: "empty", B: len(rows) == 0}, {K: "span", S: strconv.Itoa(span)}, {K: "emptyKey", S: emptyKey}})}
	if paged {
		out = append(out, pager.Root(c, ui.Vals{{K: "page", S: strconv.Itoa(page)}, {K: "pages", S: strconv.Itoa(pages)},
			{K: "prevArg", S: list + ":" + strconv.Itoa(page-1)}, {K: "nextArg", S: list + ":" + strconv.Itoa(page+1)},
			{K: "noPrev", B: page <= 1}, {K: "noNext", B: page >= pages}}))
	}
	return out
}

// tableClick handles sorting and paging of the lists.
func tableClick(m core.Model, action, arg string) core.Model {
	list, v, ok := strings.Cut(arg, ":")
	if !ok {
		return m
	}
	switch action {
	case "iam.sort":
		by, desc := sortSpec(m, list, "name")
		dir := "asc"
		if by == v && !desc {
			dir = "desc"
		}
		return m.SetFields("iam."+list+".sort", v, "iam."+list+".dir", dir, "iam."+list+".page", "1")
	case "iam.page":
		return m.SetFields("iam."+list+".page", v)
	}
	return m
}

// matches reports whether an entity name matches a search text.
func matches(name, filter string) bool {
	return filter == "" || strings.Contains(strings.ToLower(name), strings.ToLower(strings.TrimSpace(filter)))
}
