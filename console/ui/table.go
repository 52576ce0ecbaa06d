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

// Render renders the table with its rows.
func (t *Table) Render(c Catalog, rows []Vals) Node {
	if len(rows) == 0 && t.Empty != "" {
		return El("p", Class("empty"), Text(c.T(t.Empty)))
	}
	pages, first, last := 1, 0, len(rows)
	if t.PageSize > 0 {
		pages = max(1, (len(rows)+t.PageSize-1)/t.PageSize)
		page := min(max(t.Page, 0), pages-1)
		first = page * t.PageSize
		last = min(first+t.PageSize, len(rows))
	}
	tbl := Node{Tag: "table"}
	if t.ID != "" {
		tbl.Attrs = append(tbl.Attrs, ID(t.ID))
	}
	if t.Class != "" {
		tbl.Attrs = append(tbl.Attrs, A("class", t.Class))
	}
	if t.Label != "" {
		tbl.Attrs = append(tbl.Attrs, A("aria-label", c.T(t.Label)))
	}
	head := Node{Tag: "tr"}
	if t.Select != "" {
		head.Kids = append(head.Kids, El("th", A("scope", "col"), El("span", Class("visually-hidden"), Text(c.T(t.SelectLabel, "name", "")))))
	}
	for _, col := range t.Columns {
		th := El("th", A("scope", "col"))
		switch {
		case col.Sort != "" && t.SortAction != "":
			if t.SortBy == col.Sort {
				order := "ascending"
				if t.SortDesc {
					order = "descending"
				}
				th.Attrs = append(th.Attrs, A("aria-sort", order))
			}
			th.Kids = append(th.Kids, El("button", A("type", "button"), Class("sort-btn"),
				A("data-action", t.SortAction), A("data-arg", col.Sort), Text(c.T(col.Head))))
		default:
			th.Kids = append(th.Kids, Text(c.T(col.Head)))
		}
		head.Kids = append(head.Kids, th)
	}
	body := Node{Tag: "tbody"}
	for _, row := range rows[first:last] {
		sc := &scope{v: row}
		tr := Node{Tag: "tr"}
		if t.Select != "" {
			box := El("input", A("type", "checkbox"), A("name", t.Select), A("value", sc.text("id")),
				A("aria-label", c.T(t.SelectLabel, "name", sc.text("name"))))
			if sc.on("selected") {
				box.Attrs = append(box.Attrs, A("checked", ""))
			}
			tr.Kids = append(tr.Kids, El("td", box))
		}
		for i := range t.Columns {
			col := &t.Columns[i]
			td := (&Tpl{Tag: "td", Attrs: col.CellAttrs}).render(c, sc, nil)[0]
			td.Kids = col.Cell.render(c, sc, td.Kids)
			tr.Kids = append(tr.Kids, td)
		}
		body.Kids = append(body.Kids, tr)
	}
	tbl.Kids = []Node{El("thead", head), body}
	if t.PageSize <= 0 || pages == 1 {
		return tbl
	}
	page := first / t.PageSize
	nav := El("nav", Class("pagination"), A("aria-label", c.T(t.PageKey, "page", strconv.Itoa(page+1), "pages", strconv.Itoa(pages))))
	pageButton := func(key string, to int, ok bool) Node {
		b := El("button", A("type", "button"), Class("btn", "btn-normal"), A("data-action", t.PageAction), A("data-arg", strconv.Itoa(to)), Text(c.T(key)))
		if !ok {
			b.Attrs = append(b.Attrs, A("disabled", ""))
		}
		return b
	}
	nav.Kids = append(nav.Kids,
		pageButton(t.PrevKey, page-1, page > 0),
		El("span", A("aria-current", "page"), Text(c.T(t.PageKey, "page", strconv.Itoa(page+1), "pages", strconv.Itoa(pages)))),
		pageButton(t.NextKey, page+1, page < pages-1))
	return El("div", Class("table-wrap"), tbl, nav)
}
