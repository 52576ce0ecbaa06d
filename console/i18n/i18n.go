// Package i18n holds the console's Korean and English catalogs and looks
// strings up in them. Each area of the console keeps its strings in a pair
// of JSON files, messages/en/<area>.json and messages/ko/<area>.json (flat
// objects of strings); keys are unique across all files of a language, and
// both languages must have the same keys (a test enforces it). A language
// is decoded, by a small scanner rather than encoding/json, the first time
// it is needed, so start-up decodes only the language on screen.
//
// Placeholders are written {name} and filled from name/value pairs.
// Pseudo is a marking pseudo-locale: every string is the English one wrapped
// in ⟦ ⟧, so a test can find visible text that bypassed the catalogs.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"labsim/sim/awserr"
)

// Lang is a UI language.
type Lang string

// The supported languages.
const (
	KO     Lang = "ko"
	EN     Lang = "en"
	Pseudo Lang = "pseudo"
)

// Parse maps a language tag such as "ko", "ko-KR" or "en-US" to a Lang.
func Parse(tag string) (Lang, bool) {
	t := strings.ToLower(strings.TrimSpace(tag))
	switch {
	case t == "ko" || strings.HasPrefix(t, "ko-"):
		return KO, true
	case t == "en" || strings.HasPrefix(t, "en-"):
		return EN, true
	case t == string(Pseudo):
		return Pseudo, true
	}
	return "", false
}

// messageFS is what loading needs of a file system: embed.FS and
// fstest.MapFS have both methods, and calling them directly keeps
// fs.ReadDir's generic sorting out of the binary.
type messageFS interface {
	ReadDir(name string) ([]fs.DirEntry, error)
	ReadFile(name string) ([]byte, error)
}

// Tables holds catalogs, keyed by language then message key.
type Tables map[Lang]map[string]string

// loadLang reads and merges one language's message files, reporting
// duplicate keys and malformed files.
func loadLang(fsys messageFS, lang Lang) (map[string]string, error) {
	dir := "messages/" + string(lang)
	entries, err := fsys.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", lang, err)
	}
	var texts []string
	lines := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := fsys.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("read %s/%s: %w", lang, e.Name(), err)
		}
		text := string(data)
		texts = append(texts, e.Name(), text)
		lines += strings.Count(text, "\n")
	}
	// One message a line, as the files are written: the map is sized once.
	merged := make(map[string]string, lines)
	for i := 0; i < len(texts); i += 2 {
		if err := parseFlatInto(texts[i+1], merged); err != nil {
			return nil, fmt.Errorf("parse %s/%s: %w", lang, texts[i], err)
		}
	}
	return merged, nil
}

// load reads both languages' catalogs; for tests and tooling.
func load(fsys messageFS) (Tables, error) {
	out := Tables{}
	for _, lang := range []Lang{EN, KO} {
		m, err := loadLang(fsys, lang)
		if err != nil {
			return nil, err
		}
		out[lang] = m
	}
	return out, nil
}

// Each language is decoded the first time it is needed, so start-up
// decodes only the language on screen.
var (
	enTable = sync.OnceValues(func() (map[string]string, error) { return loadLang(files, EN) })
	koTable = sync.OnceValues(func() (map[string]string, error) { return loadLang(files, KO) })
)

// table returns a language's messages (Pseudo's are the English ones).
func table(lang Lang) (map[string]string, error) {
	if lang == KO {
		return koTable()
	}
	return enTable()
}

// tables returns both languages' catalogs; for tests.
func tables() (Tables, error) {
	en, err := enTable()
	if err != nil {
		return nil, err
	}
	ko, err := koTable()
	if err != nil {
		return nil, err
	}
	return Tables{EN: en, KO: ko}, nil
}

// Catalog looks up the strings of one language.
type Catalog struct {
	lang Lang
	msgs map[string]string
}

// For returns the catalog of a language. It panics only if the embedded
// catalogs are malformed, which a test rules out.
func For(lang Lang) Catalog {
	switch lang {
	case KO, Pseudo:
	default:
		lang = EN
	}
	msgs, err := table(lang)
	if err != nil {
		panic(err)
	}
	return Catalog{lang: lang, msgs: msgs}
}

// Lang returns the catalog's language.
func (c Catalog) Lang() Lang { return c.lang }

// Has reports whether the key exists.
func (c Catalog) Has(key string) bool {
	_, ok := c.msgs[key]
	return ok
}

// T returns the string for key with {name} placeholders filled from the
// alternating name, value pairs in args. A missing key yields the English
// string, and failing that the key in brackets, so a gap is visible.
func (c Catalog) T(key string, args ...string) string {
	s, ok := c.msgs[key]
	if !ok && c.lang != EN {
		// Both catalogs have the same keys (a test enforces it), so this
		// fallback loads English only for a key missing by mistake.
		if en, err := enTable(); err == nil {
			s, ok = en[key]
		}
	}
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 1 && strings.IndexByte(s, '{') >= 0 {
		s = fill(s, args)
	}
	if c.lang == Pseudo {
		return "⟦" + s + "⟧"
	}
	return s
}

// fill replaces each {name} in s with the value that follows name in the
// alternating name, value pairs of args (the first pair wins), left to
// right; values are not searched again and unknown names stay as written.
func fill(s string, args []string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		if j := strings.IndexByte(s, '}'); j > 0 {
			if v, ok := lookupArg(args, s[1:j]); ok {
				b.WriteString(v)
				s = s[j+1:]
				continue
			}
		}
		b.WriteByte('{')
		s = s[1:]
	}
}

// lookupArg finds name among the names of alternating name, value pairs.
func lookupArg(args []string, name string) (string, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == name {
			return args[i+1], true
		}
	}
	return "", false
}

// Err translates a domain error: key "err.<Code>" with the error's
// parameters, else the generic "err.unknown" with the code.
func (c Catalog) Err(err error) string {
	e, ok := awserr.As(err)
	if !ok {
		return c.T("err.unknown", "code", "InternalFailure")
	}
	key := "err." + e.Code
	if !c.Has(key) {
		return c.T("err.unknown", "code", e.Code)
	}
	args := make([]string, 0, 2*len(e.Params))
	names := make([]string, 0, len(e.Params))
	for k := range e.Params {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		args = append(args, k, e.Params[k])
	}
	return c.T(key, args...)
}

// Keys returns every key of a language's catalog, sorted; for tests and
// tooling.
func Keys(lang Lang) ([]string, error) {
	msgs, err := table(lang)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(msgs))
	for k := range msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}
