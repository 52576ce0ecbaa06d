package ui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// fakeCatalog translates "k" to "K" and fills {name} arguments.
type fakeCatalog struct{}

func (fakeCatalog) T(key string, args ...string) string {
	s := strings.ToUpper(key)
	for i := 0; i+1 < len(args); i += 2 {
		s += " " + args[i] + "=" + args[i+1]
	}
	return s
}

var tplPage = Tpl{Tag: "section", Attrs: []Attr{{"class", "page"}, {"aria-label", "%title"}}, Kids: []Tpl{
	{Tag: "h1", T: "title"},
	{Tag: "p", T: "hello", Args: []string{"name", "$name", "n", "2"}},
	{Tag: "p", If: "busy", T: "busy"},
	{Tag: "p", If: "!busy", T: "idle"},
	{Tag: "input", Attrs: []Attr{{"name", "x"}, {"value", "$value"}, {"checked", "?on"}, {"aria-invalid", "?bad:true"}, {"title", "$missing"}}},
	{Tag: "ul", Kids: []Tpl{{Tag: "li", Each: "rows", D: "name", Kids: []Tpl{{Lit: " · "}, {T: "$key"}}}}},
	{Slot: "extra"},
}}

func TestTplFillsHolesAndEscapes(t *testing.T) {
	v := Vals{
		{K: "name", S: `<b>"Kim"</b>`},
		{K: "value", S: `a&b`},
		{K: "on", B: true},
		{K: "bad", B: false, S: "true"},
		{K: "rows", L: []Vals{{{K: "name", S: "one"}, {K: "key", S: "k1"}}, {{K: "name", S: "two"}, {K: "key", S: "k2"}}}},
		{K: "extra", N: []Node{El("hr")}},
	}
	got := HTML(tplPage.Root(fakeCatalog{}, v))
	require.Equal(t, `<section class="page" aria-label="TITLE"><h1>TITLE</h1>`+
		`<p>HELLO name=&lt;b&gt;"Kim"&lt;/b&gt; n=2</p><p>IDLE</p>`+
		`<input name="x" value="a&amp;b" checked="">`+
		`<ul><li>one · K1</li><li>two · K2</li></ul><hr></section>`, got)

	// Catalog text is Text, data is Data: the pseudo-locale check tells them apart.
	root := tplPage.Root(fakeCatalog{}, v)
	require.False(t, root.Kids[0].Kids[0].Verbatim)
	li := root.Kids[4].Kids[0]
	require.True(t, li.Kids[0].Verbatim)
	require.True(t, li.Kids[1].Verbatim)
	require.False(t, li.Kids[2].Verbatim)

	v = append(v, V{K: "busy", B: true}, V{K: "bad", B: true, S: "true"})
	v[3] = V{K: "bad", B: true, S: "true"}
	got = HTML(tplPage.Root(fakeCatalog{}, v))
	require.Contains(t, got, `<p>BUSY</p><input name="x" value="a&amp;b" checked="" aria-invalid="true">`)
}

func TestTplEmpty(t *testing.T) {
	require.Equal(t, Node{}, Tpl{Tag: "p", If: "x"}.Root(fakeCatalog{}, nil))
	require.Empty(t, Render(fakeCatalog{}, nil, Tpl{Each: "none", Tag: "li"}))
}

func TestTableSortsSelectsAndPages(t *testing.T) {
	tbl := Table{Class: "t", Label: "users", Columns: []Column{
		{Head: "name", Sort: "name", Cell: Tpl{D: "name"}},
		{Head: "age", CellAttrs: []Attr{{Key: "class", Val: "num"}}, Cell: Tpl{D: "age"}},
	}, Empty: "none", SortAction: "sort", SortBy: "name", SortDesc: true,
		Select: "sel", SelectLabel: "pick", PageSize: 2, Page: 1, PageAction: "page", PrevKey: "prev", NextKey: "next", PageKey: "pageof"}
	row := func(id, name, age string, sel bool) Vals {
		return Vals{{K: "id", S: id}, {K: "name", S: name}, {K: "age", S: age}, {K: "selected", B: sel}}
	}
	rows := []Vals{row("1", "a", "10", false), row("2", "b", "20", false), row("3", "<c>", "30", true)}
	got := HTML(tbl.Render(fakeCatalog{}, rows))
	require.Equal(t, `<div class="table-wrap"><table class="t" aria-label="USERS"><thead><tr>`+
		`<th scope="col"><span class="visually-hidden">PICK name=</span></th>`+
		`<th scope="col" aria-sort="descending"><button type="button" class="sort-btn" data-action="sort" data-arg="name">NAME</button></th>`+
		`<th scope="col">AGE</th></tr></thead><tbody>`+
		`<tr><td><input type="checkbox" name="sel" value="3" aria-label="PICK name=&lt;c&gt;" checked=""></td><td>&lt;c&gt;</td><td class="num">30</td></tr>`+
		`</tbody></table><nav class="pagination" aria-label="PAGEOF page=2 pages=2">`+
		`<button type="button" class="btn btn-normal" data-action="page" data-arg="0">PREV</button>`+
		`<span aria-current="page">PAGEOF page=2 pages=2</span>`+
		`<button type="button" class="btn btn-normal" data-action="page" data-arg="2" disabled="">NEXT</button></nav></div>`, got)
	require.Equal(t, `<p class="empty">NONE</p>`, HTML(tbl.Render(fakeCatalog{}, nil)))
}
