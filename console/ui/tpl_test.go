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
