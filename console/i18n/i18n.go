// Package i18n holds the console's Korean and English catalogs and looks
// strings up in them. Each area of the console keeps its strings in a pair
// of JSON files, messages/en/<area>.json and messages/ko/<area>.json; keys
// are unique across all files of a language, and both languages must have
// the same keys (a test enforces it).
//
// Placeholders are written {name} and filled from name/value pairs.
// Pseudo is a marking pseudo-locale: every string is the English one wrapped
// in ⟦ ⟧, so a test can find visible text that bypassed the catalogs.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
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

//go:embed messages
var files embed.FS

// Tables holds every catalog, keyed by language then message key.
type Tables map[Lang]map[string]string

// load reads and merges the embedded catalogs, reporting duplicate keys
// and malformed files.
func load(fsys fs.FS) (Tables, error) {
	out := Tables{}
	for _, lang := range []Lang{EN, KO} {
		dir := path.Join("messages", string(lang))
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil, fmt.Errorf("read catalog %s: %w", lang, err)
		}
		merged := map[string]string{}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
			if err != nil {
				return nil, fmt.Errorf("read %s/%s: %w", lang, e.Name(), err)
			}
			var m map[string]string
			if err := json.Unmarshal(data, &m); err != nil {
				return nil, fmt.Errorf("parse %s/%s: %w", lang, e.Name(), err)
			}
			for k, v := range m {
				if _, dup := merged[k]; dup {
					return nil, fmt.Errorf("%s/%s: key %q defined twice", lang, e.Name(), k)
				}
				merged[k] = v
			}
		}
		out[lang] = merged
	}
	return out, nil
}

var tables = sync.OnceValues(func() (Tables, error) { return load(files) })

// Catalog looks up the strings of one language.
type Catalog struct {
	lang Lang
	msgs map[string]string
	en   map[string]string
}

// For returns the catalog of a language. It panics only if the embedded
// catalogs are malformed, which a test rules out.
func For(lang Lang) Catalog {
	t, err := tables()
	if err != nil {
		panic(err)
	}
	switch lang {
	case KO:
		return Catalog{lang: KO, msgs: t[KO], en: t[EN]}
	case Pseudo:
		return Catalog{lang: Pseudo, msgs: t[EN], en: t[EN]}
	default:
		return Catalog{lang: EN, msgs: t[EN], en: t[EN]}
	}
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
	if !ok {
		if s, ok = c.en[key]; !ok {
			return "[" + key + "]"
		}
	}
	if len(args) > 1 && strings.IndexByte(s, '{') >= 0 {
		pairs := make([]string, 0, len(args))
		for i := 0; i+1 < len(args); i += 2 {
			pairs = append(pairs, "{"+args[i]+"}", args[i+1])
		}
		s = strings.NewReplacer(pairs...).Replace(s)
	}
	if c.lang == Pseudo {
		return "⟦" + s + "⟧"
	}
	return s
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
	t, err := tables()
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(t[lang]))
	for k := range t[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}
