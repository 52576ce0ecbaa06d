package policy

import (
	"strings"
	"unicode/utf8"
)

// globElem kinds.
const (
	globLit = iota // literal text
	globOne        // '?': exactly one character (rune)
	globVar        // a policy variable, replaced by its value at match time
)

// globElem is one element of a compiled pattern chunk.
type globElem struct {
	kind uint8
	// text is the literal text (lower-cased ASCII when the pattern folds
	// case), or the variable's key as written.
	text string
	// def is the variable's default value when hasDef is set.
	def    string
	hasDef bool
	// slot is the variable's index into the resolved values of one match.
	slot int
}

// globChunk is the run of elements between two '*' wildcards.
type globChunk struct {
	start, end int  // elements[start:end]
	fixed      bool // no '?' in the chunk: its byte length is known up front
}

// globPattern is a precompiled wildcard pattern: literal text, '*' (any run
// of characters, including none and including ':' and '/'), '?' (exactly one
// character) and, when compiled with variables, policy variables. Matching
// never backtracks over more than one chunk at a time, so it runs in
// O(len(pattern) × len(subject)) at worst and allocates nothing.
type globPattern struct {
	elems  []globElem
	chunks []globChunk // len(chunks)-1 is the number of '*'
	fold   bool        // ASCII case-insensitive
	// exact is set when the pattern is a single literal (no wildcard, no
	// variable); lit then holds it.
	exact bool
	lit   string
	// anything is set when the pattern is made of '*' only.
	anything bool
	// prefix is set when the pattern is a literal followed by '*' (like
	// "List*"); lit then holds the literal.
	prefix bool
	// vars holds the variable elements, by slot.
	vars []globElem
}

// globOptions selects how a pattern text is read.
type globOptions struct {
	wild bool // '*' and '?' are wildcards (otherwise literal)
	vars bool // ${...} policy variables are recognised
	fold bool // match ASCII letters case-insensitively
}

// maxStackVars is how many variables one pattern can resolve without
// allocating.
const maxStackVars = 4

// compileGlob compiles a pattern text.
func compileGlob(text string, o globOptions) *globPattern {
	g := &globPattern{fold: o.fold}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			s := lit.String()
			if o.fold {
				s = asciiLower(s)
			}
			g.elems = append(g.elems, globElem{kind: globLit, text: s})
			lit.Reset()
		}
	}
	chunkStart := 0
	endChunk := func() {
		flush()
		c := globChunk{start: chunkStart, end: len(g.elems), fixed: true}
		for _, e := range g.elems[c.start:c.end] {
			if e.kind == globOne {
				c.fixed = false
			}
		}
		g.chunks = append(g.chunks, c)
		chunkStart = len(g.elems)
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case o.wild && c == '*':
			endChunk()
			i++
		case o.wild && c == '?':
			flush()
			g.elems = append(g.elems, globElem{kind: globOne})
			i++
		case o.vars && c == '$' && strings.HasPrefix(text[i:], "${"):
			v, n, ok := parseVariable(text[i:])
			if !ok {
				lit.WriteByte(c)
				i++
				continue
			}
			i += n
			if v.literal != "" {
				lit.WriteString(v.literal)
				continue
			}
			flush()
			e := globElem{kind: globVar, text: v.key, def: v.def, hasDef: v.hasDef, slot: len(g.vars)}
			g.vars = append(g.vars, e)
			g.elems = append(g.elems, e)
		default:
			lit.WriteByte(c)
			i++
		}
	}
	endChunk()
	switch {
	case len(g.chunks) == 1 && len(g.elems) == 0:
		g.exact = true
	case len(g.chunks) == 1 && len(g.elems) == 1 && g.elems[0].kind == globLit:
		g.exact, g.lit = true, g.elems[0].text
	case len(g.elems) == 0:
		g.anything = true
	case len(g.chunks) == 2 && len(g.elems) == 1 && g.elems[0].kind == globLit && g.chunks[0].end == 1:
		g.prefix, g.lit = true, g.elems[0].text
	}
	return g
}

// match reports whether s matches the pattern, resolving variables from
// ctx. A variable that cannot be resolved makes the pattern match nothing.
func (g *globPattern) match(s string, ctx map[string][]string) bool {
	if g.anything {
		return true
	}
	if g.exact {
		if g.fold {
			return asciiEqualFold(s, g.lit)
		}
		return s == g.lit
	}
	if g.prefix {
		if len(s) < len(g.lit) {
			return false
		}
		if g.fold {
			return asciiEqualFold(s[:len(g.lit)], g.lit)
		}
		return s[:len(g.lit)] == g.lit
	}
	if len(g.vars) == 0 {
		return g.matchResolved(s, nil)
	}
	return g.matchVars(s, ctx)
}

// matchVars resolves the pattern's variables, then matches.
func (g *globPattern) matchVars(s string, ctx map[string][]string) bool {
	var stack [maxStackVars]string
	vals := stack[:0]
	if len(g.vars) > maxStackVars {
		vals = make([]string, 0, len(g.vars))
	}
	for i := range g.vars {
		v, ok := resolveVariable(ctx, &g.vars[i])
		if !ok {
			return false
		}
		vals = append(vals, v)
	}
	return g.matchResolved(s, vals)
}

// matchResolved matches s with variable values already resolved.
func (g *globPattern) matchResolved(s string, vals []string) bool {
	n := len(g.chunks)
	if n == 1 {
		return g.chunkAt(s, 0, g.chunks[0], vals) == len(s)
	}
	p := g.chunkAt(s, 0, g.chunks[0], vals)
	if p < 0 {
		return false
	}
	for _, c := range g.chunks[1 : n-1] {
		p = g.find(s, p, c, vals)
		if p < 0 {
			return false
		}
	}
	last := g.chunks[n-1]
	if last.fixed {
		q := len(s) - g.chunkLen(last, vals)
		return q >= p && g.chunkAt(s, q, last, vals) == len(s)
	}
	for q := p; q <= len(s); q += runeLen(s, q) {
		if g.chunkAt(s, q, last, vals) == len(s) {
			return true
		}
	}
	return false
}

// chunkLen is the byte length of a fixed chunk.
func (g *globPattern) chunkLen(c globChunk, vals []string) int {
	n := 0
	for _, e := range g.elems[c.start:c.end] {
		if e.kind == globVar {
			n += len(vals[e.slot])
		} else {
			n += len(e.text)
		}
	}
	return n
}

// find returns the end of the leftmost match of chunk c in s at or after
// p, or -1. Taking the leftmost match of every middle chunk is optimal
// because the '*' that follows absorbs whatever comes after it.
func (g *globPattern) find(s string, p int, c globChunk, vals []string) int {
	if c.start == c.end {
		return p
	}
	first := g.elems[c.start]
	for q := p; q <= len(s); q += runeLen(s, q) {
		if first.kind == globLit && !g.fold {
			k := strings.Index(s[q:], first.text)
			if k < 0 {
				return -1
			}
			q += k
		}
		if e := g.chunkAt(s, q, c, vals); e >= 0 {
			return e
		}
		if q >= len(s) {
			break
		}
	}
	return -1
}

// chunkAt matches chunk c against s starting at p and returns the end
// position, or -1.
func (g *globPattern) chunkAt(s string, p int, c globChunk, vals []string) int {
	for _, e := range g.elems[c.start:c.end] {
		switch e.kind {
		case globOne:
			if p >= len(s) {
				return -1
			}
			p += runeLen(s, p)
		default:
			t := e.text
			if e.kind == globVar {
				t = vals[e.slot]
			}
			if len(s)-p < len(t) {
				return -1
			}
			if g.fold {
				if !asciiEqualFold(s[p:p+len(t)], t) {
					return -1
				}
			} else if s[p:p+len(t)] != t {
				return -1
			}
			p += len(t)
		}
	}
	return p
}

// runeLen is the byte length of the character at s[p:], at least 1 (so
// that loops advance), counting invalid UTF-8 one byte at a time.
func runeLen(s string, p int) int {
	if p >= len(s) {
		return 1
	}
	if s[p] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[p:])
	return n
}

// asciiLower lower-cases ASCII letters and leaves other bytes alone.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// asciiEqualFold reports whether a and b are equal when ASCII letters are
// compared case-insensitively; other bytes must be identical.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
