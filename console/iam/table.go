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

// sortItem is a row's sort key (Key) and index (Size).
type sortItem struct {
	Key  string
	Size int
}

// col is a column of a list: its label and its sort key.
type col struct{ id, label string }

// dataCell, textCell, linkCell and labelCell are table cells: data,
// translated text, a link, or the label of the row's checkbox.
func dataCell(s string) ui.Vals { return vals("d", s, "?plain", "1") }
func textCell(s string) ui.Vals { return vals("t", s, "?isT", "1") }
func linkCell(s, href, id string) ui.Vals {
	return vals("d", s, "?href", "1", "link", href, "cellID", id)
}
func labelCell(s, forID, id string) ui.Vals {
	return vals("d", s, "?label", "1", "for", forID, "cellID", id)
}

// row is one table row: its cells, sort keys (column id, key pairs) and
// selection control.
type row struct {
	cells []ui.Vals
	keys  []string
	sel   ui.Vals
}

// key is a row's sort key for a column.
func (r row) key(id string) string {
	for i := 0; i+1 < len(r.keys); i += 2 {
		if r.keys[i] == id {
			return r.keys[i+1]
		}
	}
	return ""
}

// cells and strs copy their arguments, so that a caller's variadic
// arguments stay on its stack (cheap to build in WebAssembly).
func cells(c ...ui.Vals) []ui.Vals { return append([]ui.Vals(nil), c...) }
func strs(s ...string) []string    { return append([]string(nil), s...) }

// selBox is a row's checkbox (or radio) named name, labelled by the
// element labelID, checked when on.
func selBox(typ, id, name, value string, on bool, labelID string) ui.Vals {
	return vals("selType", typ, "selID", id, "selName", name, "selValue", value, "?on", onText(on), "labelID", labelID)
}

// vals builds a view-model from key, text pairs; a key "?k" makes hole k
// a condition, on when its text is not "" (which "?k" attributes show).
// Building a view-model from string pairs keeps each page's code small:
// the pairs live on the caller's stack.
func vals(kv ...string) ui.Vals {
	out := make(ui.Vals, 0, len(kv)/2+2)
	for i := 0; i+1 < len(kv); i += 2 {
		k, s := kv[i], kv[i+1]
		if len(k) > 0 && k[0] == '?' {
			out = append(out, ui.V{K: k[1:], S: s, B: s != ""})
			continue
		}
		out = append(out, ui.V{K: k, S: s})
	}
	return out
}

// onText is a condition's text for vals: "1" when on.
func onText(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// withList and withNodes add a list or nodes hole to a view-model.
func withList(v ui.Vals, k string, l []ui.Vals) ui.Vals { return append(v, ui.V{K: k, L: l}) }
func withNodes(v ui.Vals, k string, n ...ui.Node) ui.Vals {
	return append(v, ui.V{K: k, N: append([]ui.Node(nil), n...)})
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
	// Rows sort through a slice of sortItem, whose shape the console's
	// other stable sorts already instantiate: a sort of rows would add a
	// generic instantiation of its own to main.wasm.
	items := make([]sortItem, len(rows))
	for i := range rows {
		items[i] = sortItem{Key: strings.ToLower(rows[i].key(by)), Size: i}
	}
	slices.SortStableFunc(items, func(a, b sortItem) int {
		if desc {
			return strings.Compare(b.Key, a.Key)
		}
		return strings.Compare(a.Key, b.Key)
	})
	sorted := make([]row, len(rows))
	for i, it := range items {
		sorted[i] = rows[it.Size]
	}
	rows = sorted
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
		colVals[i] = vals("label", k.label, "arg", list+":"+k.id, "sort", sortAttr, "mark", mark, "?sortable", k.id)
	}
	rowVals := make([]ui.Vals, len(rows))
	for i, r := range rows {
		rowVals[i] = withList(r.sel, "cells", r.cells)
	}
	span := len(cols)
	if sel {
		span++
	}
	tv := vals("tableLabel", labelID, "?select", onText(sel), "?empty", onText(len(rows) == 0), "span", strconv.Itoa(span), "emptyKey", emptyKey)
	out := []ui.Node{listTable.Root(c, withList(withList(tv, "cols", colVals), "rows", rowVals))}
	if paged {
		out = append(out, pager.Root(c, vals("page", strconv.Itoa(page), "pages", strconv.Itoa(pages),
			"prevArg", list+":"+strconv.Itoa(page-1), "nextArg", list+":"+strconv.Itoa(page+1),
			"?noPrev", onText(page <= 1), "?noNext", onText(page >= pages))))
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

// modalBehind makes a page inert and hidden from assistive technology
// while one of its dialogs (hole dialog) is open: the dialog is modal.
var modalBehind = []ui.Attr{{Key: "inert", Val: "?modal"}, {Key: "aria-hidden", Val: "?modal:true"}}
