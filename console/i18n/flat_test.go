package i18n

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestParseFlat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want map[string]string
		err  string
	}{
		{in: `{}`, want: map[string]string{}},
		{in: " {\n \"a\" : \"1\" ,\r\n\t\"b\":\"\"}\n", want: map[string]string{"a": "1", "b": ""}},
		{in: `{"k":"서비스 {name}"}`, want: map[string]string{"k": "서비스 {name}"}},
		{in: `{"e":"\"\\\/\b\f\n\r\t"}`, want: map[string]string{"e": "\"\\/\b\f\n\r\t"}},
		{in: `{"u":"\u00e9\uD55C\ud83d\ude00"}`, want: map[string]string{"u": "é한😀"}},
		{in: `{"u":"\ud800x\udc00\ud800\u0041"}`, want: map[string]string{"u": "\uFFFDx\uFFFD\uFFFDA"}},
		{in: `{"a":"1","a":"2"}`, err: `key "a" defined twice`},
		{in: `{"a":1}`, err: "expected a string"},
		{in: `{"a":"1",}`, err: "expected a string"},
		{in: `{"a":"1"} x`, err: "data after the object"},
		{in: `{"a" "1"}`, err: "expected :"},
		{in: `{"a":"1" "b":"2"}`, err: "expected , or }"},
		{in: `["a"]`, err: "expected {"},
		{in: `{"a":"1`, err: "unterminated string"},
		{in: `{"a":"1\`, err: "unterminated string"},
		{in: `{"a":"\x"}`, err: "bad escape"},
		{in: `{"a":"\u12"}`, err: `bad \u escape`},
		{in: "{\"a\":\"tab\there\"}", err: "control character"},
		{in: "{\"a\":\"\xff\"}", err: "invalid UTF-8"},
		{in: ``, err: "expected {"},
	} {
		got, err := parseFlat([]byte(tc.in))
		if tc.err != "" {
			require.ErrorContains(t, err, tc.err, tc.in)
			require.ErrorIs(t, err, errSyntax)
			continue
		}
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, got, tc.in)
	}
}

// FuzzParseFlat checks parseFlat against encoding/json: what it accepts,
// json decodes to the same map; valid UTF-8 that json decodes to a map of
// strings without repeated keys, it accepts.
func FuzzParseFlat(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":"b","c":"\u00e9\n"}`, `{"a":"\ud800"}`, `{"a":"1","a":"2"}`, ` {"x" : "y"} `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := parseFlat(data)
		var want map[string]string
		jerr := json.Unmarshal(data, &want)
		if err == nil {
			require.NoError(t, jerr, "parseFlat accepted what json refuses: %q", data)
			require.Equal(t, want, got)
			return
		}
		if jerr == nil && want != nil && utf8.Valid(data) && !strings.Contains(err.Error(), "defined twice") {
			t.Fatalf("json accepts %q but parseFlat says %v", data, err)
		}
	})
}

func TestFillMatchesAReplacer(t *testing.T) {
	for _, tc := range []struct {
		s    string
		args []string
	}{
		{"Hello {name}!", []string{"name", "Luna"}},
		{"{a}{b}{a}", []string{"a", "1", "b", "2"}},
		{"{a} and {unknown} and {", []string{"a", "{b}", "b", "no"}},
		{"{a{b}} {}", []string{"b", "x", "", "empty"}},
		{"{a}", []string{"a", "first", "a", "second"}},
		{"no holes", []string{"a", "1"}},
		{"{a}", []string{"a", "x", "odd"}},
	} {
		var pairs []string
		for i := 0; i+1 < len(tc.args); i += 2 {
			pairs = append(pairs, "{"+tc.args[i]+"}", tc.args[i+1])
		}
		require.Equal(t, strings.NewReplacer(pairs...).Replace(tc.s), fill(tc.s, tc.args), tc.s)
	}
}

// countingFS records which files loading reads.
type countingFS struct {
	fstest.MapFS
	read []string
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.read = append(c.read, name)
	return c.MapFS.ReadFile(name)
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return c.MapFS.ReadDir(name) }

func TestLoadingALanguageReadsOnlyItsFiles(t *testing.T) {
	fsys := &countingFS{MapFS: fstest.MapFS{
		"messages/en/a.json":    {Data: []byte(`{"x":"one","y":"two"}`)},
		"messages/en/b.json":    {Data: []byte(`{"z":"three"}`)},
		"messages/en/notes.txt": {Data: []byte(`not a catalog`)},
		"messages/ko/a.json":    {Data: []byte(`{"x":"하나"}`)},
	}}
	m, err := loadLang(fsys, KO)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"x": "하나"}, m)
	require.Equal(t, []string{"messages/ko/a.json"}, fsys.read)
	m, err = loadLang(fsys, EN)
	require.NoError(t, err)
	require.Len(t, m, 3)

	fsys.MapFS["messages/ko/bad.json"] = &fstest.MapFile{Data: []byte(`{"x":`)}
	_, err = loadLang(fsys, KO)
	require.ErrorContains(t, err, "parse ko/bad.json")
}

func TestEmbeddedCatalogsDecodeLikeEncodingJSON(t *testing.T) {
	for _, lang := range []Lang{EN, KO} {
		entries, err := files.ReadDir("messages/" + string(lang))
		require.NoError(t, err)
		for _, e := range entries {
			data, err := files.ReadFile("messages/" + string(lang) + "/" + e.Name())
			require.NoError(t, err)
			var want map[string]string
			require.NoError(t, json.Unmarshal(data, &want), e.Name())
			got, err := parseFlat(data)
			require.NoError(t, err, e.Name())
			require.Equal(t, want, got, e.Name())
		}
	}
}

func BenchmarkLoadLanguage(b *testing.B) {
	for b.Loop() {
		if _, err := loadLang(files, KO); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadLanguageJSON decodes the same files with encoding/json, for
// comparison with BenchmarkLoadLanguage.
func BenchmarkLoadLanguageJSON(b *testing.B) {
	entries, err := files.ReadDir("messages/ko")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, e := range entries {
			data, err := files.ReadFile("messages/ko/" + e.Name())
			if err != nil {
				b.Fatal(err)
			}
			var m map[string]string
			if err := json.Unmarshal(data, &m); err != nil {
				b.Fatal(err)
			}
		}
	}
}
