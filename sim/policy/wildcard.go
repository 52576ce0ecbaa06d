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
	// text is the literal text as written (a pattern that folds case
	// folds both sides when it compares), or the variable's key as
	// written.
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
	fold bool // ASCII case-insensitive
	// The fast forms, which match without elements:
	// exact is set when the pattern is a single literal (no wildcard, no
	// variable); lit then holds it.
	exact bool
	lit   string
	// anything is set when the pattern is made of '*' only.
	anything bool
	// prefix is set when the pattern is a literal followed by '*' (like
	// "List*"); lit then holds the literal.
	prefix bool
	// globBody holds the elements of a pattern of no fast form, and is
	// nil for the fast forms.
	*globBody
}

// globBody is a pattern taken apart for the general matcher.
type globBody struct {
	elems  []globElem
	chunks []globChunk // len(chunks)-1 is the number of '*'
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

// compileGlob compiles a pattern text on its own.
func compileGlob(text string, o globOptions) *globPattern {
	var c globCompiler
	return c.compile(text, o)
}

// globCompiler compiles patterns. The patterns of one compiler share its
// slabs, and its scratch buffers serve one pattern after another, so that
// compiling a policy allocates a few times rather than several times per
// pattern. A compiled pattern is never changed afterwards.
type globCompiler struct {
	pats   slab[globPattern]
	bodies slab[globBody]
	elems  slab[globElem]
	chunks slab[globChunk]
	// Scratch space for the pattern being compiled.
	elemBuf  []globElem
	chunkBuf []globChunk
	varBuf   []globElem
	lit      literalRun
}

// literalRun collects the literal text between wildcards and variables:
// a substring of the pattern text while it is one, else a copy.
type literalRun struct {
	text       string
	start, end int // text[start:end] while !copied
	buf        []byte
	copied     bool
}

func (l *literalRun) reset(text string) {
	l.text, l.start, l.end, l.copied = text, 0, 0, false
}

// add appends text[i:j] to the run.
func (l *literalRun) add(i, j int) {
	if !l.copied {
		switch {
		case l.start == l.end:
			l.start, l.end = i, j
			return
		case l.end == i:
			l.end = j
			return
		}
		l.buf = append(l.buf[:0], l.text[l.start:l.end]...)
		l.copied = true
	}
	l.buf = append(l.buf, l.text[i:j]...)
}

// take returns the run's text and empties it.
func (l *literalRun) take() string {
	var s string
	if l.copied {
		s = string(l.buf)
	} else {
		s = l.text[l.start:l.end]
	}
	l.start, l.end, l.copied = 0, 0, false
	return s
}

func (l *literalRun) empty() bool {
	if l.copied {
		return len(l.buf) == 0
	}
	return l.start == l.end
}

// flush ends the literal run, if any, as an element.
func (c *globCompiler) flush() {
	if !c.lit.empty() {
		c.elemBuf = append(c.elemBuf, globElem{kind: globLit, text: c.lit.take()})
	}
}

// endChunk ends the chunk that began at element start and returns where
// the next one begins.
func (c *globCompiler) endChunk(start int) int {
	c.flush()
	ch := globChunk{start: start, end: len(c.elemBuf), fixed: true}
	for _, e := range c.elemBuf[ch.start:ch.end] {
		if e.kind == globOne {
			ch.fixed = false
		}
	}
	c.chunkBuf = append(c.chunkBuf, ch)
	return len(c.elemBuf)
}

// compile compiles a pattern text. Literal text is kept as written (also
// when the pattern folds case: matching folds both sides).
func (c *globCompiler) compile(text string, o globOptions) *globPattern {
	g := c.pats.one()
	g.fold = o.fold
	if fastForm(g, text, o) {
		return g
	}
	c.elemBuf, c.chunkBuf, c.varBuf = c.elemBuf[:0], c.chunkBuf[:0], c.varBuf[:0]
	c.lit.reset(text)
	special := func(b byte) bool {
		return o.wild && (b == '*' || b == '?') || o.vars && b == '$'
	}
	chunkStart := 0
	for i := 0; i < len(text); {
		ch := text[i]
		switch {
		case o.wild && ch == '*':
			chunkStart = c.endChunk(chunkStart)
			i++
		case o.wild && ch == '?':
			c.flush()
			c.elemBuf = append(c.elemBuf, globElem{kind: globOne})
			i++
		case o.vars && ch == '$' && strings.HasPrefix(text[i:], "${"):
			v, n, ok := parseVariable(text[i:])
			if !ok {
				c.lit.add(i, i+1)
				i++
				continue
			}
			if v.literal != "" {
				c.lit.add(i+2, i+3) // the character between "${" and "}"
				i += n
				continue
			}
			i += n
			c.flush()
			e := globElem{kind: globVar, text: v.key, def: v.def, hasDef: v.hasDef, slot: len(c.varBuf)}
			c.varBuf = append(c.varBuf, e)
			c.elemBuf = append(c.elemBuf, e)
		default:
			j := i + 1
			for j < len(text) && !special(text[j]) {
				j++
			}
			c.lit.add(i, j)
			i = j
		}
	}
	c.endChunk(chunkStart)
	elems, chunks := c.elemBuf, c.chunkBuf
	switch {
	case len(chunks) == 1 && len(elems) == 0:
		g.exact = true
	case len(chunks) == 1 && len(elems) == 1 && elems[0].kind == globLit:
		g.exact, g.lit = true, elems[0].text
	case len(elems) == 0:
		g.anything = true
	case len(chunks) == 2 && len(elems) == 1 && elems[0].kind == globLit && chunks[0].end == 1:
		g.prefix, g.lit = true, elems[0].text
	default:
		b := c.bodies.one()
		b.elems = c.elems.copyOf(elems)
		b.chunks = c.chunks.copyOf(chunks)
		b.vars = c.elems.copyOf(c.varBuf)
		g.globBody = b
	}
	return g
}

// fastForm recognises, without taking it apart, a pattern text of a fast
// form (a literal; stars only; a literal then one star) that has no
// variable and no '?', and sets g for it.
func fastForm(g *globPattern, text string, o globOptions) bool {
	if o.vars && hasPolicyVar(text) {
		return false
	}
	if !o.wild {
		g.exact, g.lit = true, text
		return true
	}
	i := indexWildcard(text)
	switch {
	case i < 0:
		g.exact, g.lit = true, text
	case text[i] == '?':
		return false
	case strings.Trim(text, "*") == "":
		g.anything = true
	case i == len(text)-1:
		g.prefix, g.lit = true, text[:i]
	default:
		return false
	}
	return true
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
