package ui

import "strconv"

// Column is one column of a Table: its header (a catalog key) and its
// cell, a template rendered with the row's values.
type Column struct {
	// Head is the header's catalog key.
	Head string
	// Cell is the cell's content; CellAttrs are the td's attributes (they
	// may use holes, e.g. a class from the row).
	Cell      Tpl
	CellAttrs []Attr
	// Sort, when set and the table has a SortAction, makes the header a
	// button that asks to sort by this column (Click SortAction, Sort).
	Sort string
}

// Table is a table described as data: columns, rows (one Vals each) and,
// when asked for, sorting, selection, pagination and an empty state. The
// page sorts its rows itself (it knows their types); the table shows the
// order (aria-sort), selects rows by their "id" value and shows one page.
type Table struct {
	ID    string
	Class string
	// Label is the catalog key of the table's accessible name (aria-label).
	Label   string
	Columns []Column
	// Empty is the catalog key of the text shown instead of an empty table.
	Empty string
	// SortAction names the Click sent by sortable headers; SortBy and
	// SortDesc say how the rows are sorted now.
	SortAction string
	SortBy     string
	SortDesc   bool
	// Select, when set, adds a first column of checkboxes named Select
	// with each row's "id" value, checked when the row's "selected" is on;
	// SelectLabel is the catalog key naming each checkbox (with {name} the
	// row's "name").
	Select      string
	SelectLabel string
	// PageSize, when positive, shows rows Page*PageSize… only, with a
	// navigation sending Click PageAction with the page number (from 0);
	// PrevKey, NextKey and PageKey ({page} of {pages}) are catalog keys.
	PageSize                  int
	Page                      int
	PageAction                string
	PrevKey, NextKey, PageKey string
}

// tableFrame is a table's markup around its rows, and the page
// navigation under it.
var tableFrame = Lazy(`
<_>
	<table id="$id" class="$class" aria-label="$label">
		<thead>
			<tr>
				<th if="select" scope="col"><span class="visually-hidden">{t =selectHead}</span></th>
				<th each="cols" scope="col" aria-sort="?sorted">
					<button if="sortable" type="button" class="sort-btn" data-action="$sortAction" data-arg="$sortKey">{t $head}</button>
					<_ if="!sortable">{t $head}</_>
				</th>
			</tr>
		</thead>
		<tbody>{slot rows}</tbody>
	</table>
	<nav if="pages" class="pagination" aria-label="$pageText">
		<button type="button" class="btn btn-normal" data-action="$pageAction" data-arg="$prev" disabled="?first">{t $prevKey}</button>
		<span aria-current="page">{t =pageText}</span>
		<button type="button" class="btn btn-normal" data-action="$pageAction" data-arg="$next" disabled="?last">{t $nextKey}</button>
	</nav>
</_>`)

// selectCell is a row's selection checkbox.
var selectCell = Lazy(`<td><input type="checkbox" name="$selectName" value="$id" aria-label="$selectLabel" checked="?selected"></td>`)

// Render renders the table with its rows: the table alone, or in a
// "table-wrap" with the page navigation when there is more than one page.
func (t *Table) Render(c Catalog, rows []Vals) Node {
	if len(rows) == 0 && t.Empty != "" {
		return El("p", Class("empty"), Text(c.T(t.Empty)))
	}
	pages, first, last := 1, 0, len(rows)
	if t.PageSize > 0 {
		pages = max(1, (len(rows)+t.PageSize-1)/t.PageSize)
		first = min(max(t.Page, 0), pages-1) * t.PageSize
		last = min(first+t.PageSize, len(rows))
	}
	v := Vals{{K: "select", B: t.Select != ""}, {K: "selectName", S: t.Select}, {K: "sortAction", S: t.SortAction},
		{K: "pages", B: pages > 1}, {K: "selectHead", S: c.T(t.SelectLabel, "name", "")}}
	for _, a := range [][2]string{{"id", t.ID}, {"class", t.Class}, {"label", t.Label}} {
		if a[1] != "" {
			if a[0] == "label" {
				a[1] = c.T(a[1])
			}
			v = append(v, V{K: a[0], S: a[1]})
		}
	}
	cols := make([]Vals, len(t.Columns))
	for i, col := range t.Columns {
		order := "ascending"
		if t.SortDesc {
			order = "descending"
		}
		cols[i] = Vals{{K: "head", S: col.Head}, {K: "sortKey", S: col.Sort}, {K: "sortable", B: col.Sort != "" && t.SortAction != ""},
			{K: "sorted", B: col.Sort != "" && t.SortAction != "" && col.Sort == t.SortBy, S: order}}
	}
	v = append(v, V{K: "cols", L: cols})
	sc := &scope{v: v}
	var trs []Node
	for _, row := range rows[first:last] {
		rs := &scope{v: row, up: sc}
		tr := Node{Tag: "tr"}
		if t.Select != "" {
			rs = &scope{v: Vals{{K: "selectLabel", S: c.T(t.SelectLabel, "name", rs.text("name"))}}, up: rs}
			tr.Kids = selectCell.Tpl().render(c, rs, tr.Kids)
		}
		for i := range t.Columns {
			col := &t.Columns[i]
			n := len(tr.Kids)
			tr.Kids = (&Tpl{Tag: "td", Attrs: col.CellAttrs}).render(c, rs, tr.Kids)
			tr.Kids[n].Kids = col.Cell.render(c, rs, tr.Kids[n].Kids)
		}
		trs = append(trs, tr)
	}
	page := first / max(t.PageSize, 1)
	v = append(v, V{K: "rows", N: trs}, V{K: "pageAction", S: t.PageAction},
		V{K: "prev", S: strconv.Itoa(page - 1)}, V{K: "next", S: strconv.Itoa(page + 1)},
		V{K: "first", B: page == 0}, V{K: "last", B: page >= pages-1},
		V{K: "prevKey", S: t.PrevKey}, V{K: "nextKey", S: t.NextKey},
		V{K: "pageText", S: c.T(t.PageKey, "page", strconv.Itoa(page+1), "pages", strconv.Itoa(pages))})
	out := tableFrame.Tpl().render(c, &scope{v: v}, nil)
	if pages == 1 {
		return out[0]
	}
	return Node{Tag: "div", Attrs: []Attr{{Key: "class", Val: "table-wrap"}}, Kids: out}
}
