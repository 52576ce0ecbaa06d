package ui

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseReadsWhatSourceWrites(t *testing.T) {
	v := Vals{{K: "name", S: "Kim"}, {K: "value", S: "v"}, {K: "on", B: true}, {K: "busy", B: true},
		{K: "rows", L: []Vals{{{K: "name", S: "one"}, {K: "key", S: "k1"}}}}, {K: "extra", N: []Node{El("hr")}}}
	back, err := Parse(Source(tplPage))
	require.NoError(t, err)
	require.Equal(t, HTML(tplPage.Root(fakeCatalog{}, v)), HTML(back.Root(fakeCatalog{}, v)))
}

func TestParseNotation(t *testing.T) {
	page := MustParse(`
		<form class="f" data-form="x" novalidate>
			<p if="!ok" role="alert">{t err n=$n}{" · "}{d who}</p>
			<_ if="ok">{t fine}{slot more}</_>
			<input name="a" value="$a" checked="?on">
			<ul><li each="items">{d v}</li></ul>
		</form>`)
	v := Vals{{K: "n", S: "3"}, {K: "who", S: "<Kim>"}, {K: "a", S: `"q"`}, {K: "on", B: true},
		{K: "items", L: []Vals{{{K: "v", S: "1"}}, {{K: "v", S: "2"}}}}}
	require.Equal(t, `<form class="f" data-form="x" novalidate=""><p role="alert">ERR n=3 · &lt;Kim&gt;</p>`+
		`<input name="a" value="&quot;q&quot;" checked=""><ul><li>1</li><li>2</li></ul></form>`,
		HTML(page.Root(fakeCatalog{}, v)))
	v = append(v, V{K: "ok", B: true}, V{K: "more", N: []Node{Data("+")}})
	require.Contains(t, HTML(page.Root(fakeCatalog{}, v)), `novalidate="">FINE+<input`)
}

func TestParseRefusesMistakes(t *testing.T) {
	for _, bad := range []string{
		``, `<p>`, `<p></div>`, `<p>text</p>`, `<p>{t}</p>`, `<p>{x y}</p>`, `<p>{t k a}</p>`,
		`<p title="x></p>`, `<p></p><p></p>`, `<p>{"x}</p>`, `<p>{t k</p>`, `< >`,
	} {
		_, err := Parse(bad)
		require.Error(t, err, bad)
	}
	require.Panics(t, func() { MustParse(`<p>`) })
}

// BenchmarkParseTable is the start-up cost of one mid-sized template
// (the table frame, 20 lines); the console parses about 60 at start-up.
func BenchmarkParseTable(b *testing.B) {
	src := Source(*tableFrame.Tpl())
	for b.Loop() {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}
