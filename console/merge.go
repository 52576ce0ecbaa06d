package console

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
)

// mergeResult is a three-way merge of two versions of a JSON value that
// both started from a base.
type mergeResult struct {
	// Value is the merged value.
	Value any
	// Conflicts lists the paths where both sides changed one value in
	// different ways; the merged value keeps this tab's ("mine") there.
	Conflicts []string
	// Both reports that both sides changed something since the base.
	Both bool
}

// mergeJSON merges mine and theirs, two changed copies of base (nil when
// no common base is known: then nothing counts as deleted). Objects are
// merged key by key; arrays as sets of elements (what one side added is
// kept, what one side removed from the base is removed), with an element
// added by mine whose "id" or "seq" number is already taken given the next
// free number, so that two tabs that each added "entry 3" keep both
// (elements are compared without these numbers); other
// values that both sides changed differently are conflicts. Nothing either
// side added is ever dropped.
func mergeJSON(base, mine, theirs any) mergeResult {
	mg := merger{}
	v := mg.merge("", base, mine, theirs, base != nil)
	return mergeResult{Value: v, Conflicts: mg.conflicts,
		Both: base == nil && !jsonEqual(mine, theirs) || base != nil && !jsonEqual(base, mine) && !jsonEqual(base, theirs)}
}

type merger struct{ conflicts []string }

func (mg *merger) merge(path string, base, mine, theirs any, hasBase bool) any {
	if jsonEqual(mine, theirs) {
		return mine
	}
	if hasBase && jsonEqual(base, mine) {
		return theirs
	}
	if hasBase && jsonEqual(base, theirs) {
		return mine
	}
	switch m := mine.(type) {
	case map[string]any:
		if t, ok := theirs.(map[string]any); ok {
			b, _ := base.(map[string]any)
			return mg.mergeObject(path, b, m, t, hasBase && b != nil)
		}
	case []any:
		if t, ok := theirs.([]any); ok {
			b, _ := base.([]any)
			return mergeList(b, m, t)
		}
	}
	mg.conflicts = append(mg.conflicts, path)
	return mine
}

func (mg *merger) mergeObject(path string, b, m, t map[string]any, hasBase bool) map[string]any {
	out := map[string]any{}
	keys := map[string]bool{}
	for k := range m {
		keys[k] = true
	}
	for k := range t {
		keys[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		mv, mok := m[k]
		tv, tok := t[k]
		bv, bok := b[k]
		bok = bok && hasBase
		p := path + "/" + k
		switch {
		case mok && tok:
			out[k] = mg.merge(p, bv, mv, tv, bok)
		case mok && bok && jsonEqual(bv, mv):
			// Theirs deleted it, mine did not change it.
		case tok && bok && jsonEqual(bv, tv):
			// Mine deleted it, theirs did not change it.
		case mok:
			if bok {
				mg.conflicts = append(mg.conflicts, p) // deleted there, changed here
			}
			out[k] = mv
		default:
			if bok {
				mg.conflicts = append(mg.conflicts, p) // deleted here, changed there: keep it
			}
			out[k] = tv
		}
	}
	return out
}

// mergeList merges arrays as sets: theirs' elements, less those mine
// removed from the base, then mine's additions.
func mergeList(b, m, t []any) []any {
	// An element is known by its content without its number: two tabs
	// may have numbered one addition differently.
	key := func(v any) string {
		if o, ok := v.(map[string]any); ok {
			_, hasID := o["id"]
			_, hasSeq := o["seq"]
			if hasID || hasSeq {
				o = maps.Clone(o)
				delete(o, "id")
				delete(o, "seq")
				return string(canonical(o))
			}
		}
		return string(canonical(v))
	}
	// Lists mostly grow at the end: their common beginning is kept as it
	// is, and only the rest is compared by content.
	p := 0
	for p < len(b) && p < len(m) && p < len(t) && jsonEqual(b[p], m[p]) && jsonEqual(b[p], t[p]) {
		p++
	}
	prefix := t[:p]
	b, m, t = b[p:], m[p:], t[p:]
	inBase, inMine, inTheirs := map[string]int{}, map[string]int{}, map[string]int{}
	for _, v := range b {
		inBase[key(v)]++
	}
	for _, v := range m {
		inMine[key(v)]++
	}
	for _, v := range t {
		inTheirs[key(v)]++
	}
	var out []any
	taken := map[string]map[int64]bool{"id": {}, "seq": {}}
	note := func(v any) {
		if o, ok := v.(map[string]any); ok {
			for f := range taken {
				if n, ok := number(o[f]); ok {
					taken[f][n] = true
				}
			}
		}
	}
	out = append(out, prefix...)
	for _, v := range prefix {
		note(v)
	}
	for _, v := range t {
		k := key(v)
		if inBase[k] > 0 && inMine[k] == 0 {
			continue // removed by mine
		}
		out = append(out, v)
		note(v)
	}
	for _, v := range m {
		k := key(v)
		if inBase[k] > 0 || inTheirs[k] > 0 {
			continue // not an addition of mine, or theirs has it too
		}
		if o, ok := v.(map[string]any); ok {
			for f, used := range taken {
				if n, ok := number(o[f]); ok && used[n] {
					next := int64(1)
					for x := range used {
						next = max(next, x+1)
					}
					o = maps.Clone(o)
					o[f] = json.Number(strconv.FormatInt(next, 10))
				}
			}
			v = o
		}
		out = append(out, v)
		note(v)
	}
	if out == nil {
		out = []any{}
	}
	return out
}

// number reads a JSON integer.
func number(v any) (int64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	return i, err == nil
}

// canonical encodes a decoded JSON value with sorted keys.
func canonical(v any) []byte {
	data, _ := json.Marshal(v)
	return data
}

// jsonEqual compares decoded JSON values (as decodeAny makes them).
func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	}
	return bytes.Equal(canonical(a), canonical(b))
}

// decodeAny decodes JSON keeping numbers exact.
func decodeAny(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}
