package policy

import (
	"strings"
	"unicode/utf8"
)

// The validator's own small glob routines over IAM's two wildcards: '*'
// (any run of characters, possibly empty) and '?' (one character). They
// work on runes. The evaluator has its own matcher; these answer questions
// the evaluator never asks (does one pattern cover another, can two
// patterns match a common string).

// hasWildcard reports whether s holds '*' or '?'.
func hasWildcard(s string) bool { return indexWildcard(s) >= 0 }

// indexWildcard returns the index of the first '*' or '?' of s, or -1.
func indexWildcard(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '*' || s[i] == '?' {
			return i
		}
	}
	return -1
}

// lowerASCIIRune lower-cases ASCII letters only, as IAM's case-insensitive
// comparisons of action names do.
func lowerASCIIRune(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// globMatchRunes reports whether pattern matches s.
func globMatchRunes(p, s []rune, fold bool) bool {
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(p) && (p[pi] == '?' || runeEq(p[pi], s[si], fold)):
			pi++
			si++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

func runeEq(a, b rune, fold bool) bool {
	if fold {
		return lowerASCIIRune(a) == lowerASCIIRune(b)
	}
	return a == b
}

// aaGlobMatch reports whether pattern matches s; fold ignores ASCII case.
func aaGlobMatch(pattern, s string, fold bool) bool {
	if isASCII(pattern) && isASCII(s) {
		return globMatchASCII(pattern, s, fold)
	}
	return globMatchRunes([]rune(pattern), []rune(s), fold)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// globMatchASCII is globMatchRunes for ASCII strings, without allocating.
func globMatchASCII(p, s string, fold bool) bool {
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(p) && (p[pi] == '?' || byteEq(p[pi], s[si], fold)):
			pi++
			si++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// aaGlobMatchAction is aaGlobMatch(pattern, prefix+":"+name, true),
// without building the action's full name when all three are ASCII.
func aaGlobMatchAction(pattern, prefix, name string) bool {
	if !isASCII(pattern) || !isASCII(prefix) || !isASCII(name) {
		return aaGlobMatch(pattern, prefix+":"+name, true)
	}
	// The subject s is prefix, ':', name; at reads it.
	n := len(prefix) + 1 + len(name)
	at := func(i int) byte {
		switch {
		case i < len(prefix):
			return prefix[i]
		case i == len(prefix):
			return ':'
		}
		return name[i-len(prefix)-1]
	}
	p := pattern
	pi, si := 0, 0
	star, mark := -1, 0
	for si < n {
		switch {
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(p) && (p[pi] == '?' || lowerASCII(p[pi]) == lowerASCII(at(si))):
			pi++
			si++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

func byteEq(a, b byte, fold bool) bool {
	if fold {
		return lowerASCII(a) == lowerASCII(b)
	}
	return a == b
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// maxGlobDP bounds the pattern lengths the quadratic routines accept;
// longer patterns are reported as not covered / not intersecting, which
// only hides a suggestion.
const maxGlobDP = 512

// globScratch keeps the buffers of the quadratic glob routines between
// calls, so that a validation allocates them once.
type globScratch struct {
	ra, rb []rune
	cov    []bool // covers' table
	seen   []bool // intersects' visited states
	stack  []int  // intersects' states to visit
}

// appendGlobRunes appends the runes of s to dst; with vars, each ${…}
// policy variable becomes '*', the widest string it can stand for (and a
// "${" without its '}' ends s with a '*').
func appendGlobRunes(dst []rune, s string, vars bool) []rune {
	if !vars {
		for _, c := range s {
			dst = append(dst, c)
		}
		return dst
	}
	for {
		i := indexPolicyVar(s)
		if i < 0 {
			return appendGlobRunes(dst, s, false)
		}
		dst = append(appendGlobRunes(dst, s[:i], false), '*')
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return dst
		}
		s = s[i+j+1:]
	}
}

// literalPrefixVars is the literal prefix of s, which ends at the first
// ${…} variable too when vars is set (as if it were '*').
func literalPrefixVars(s string, vars bool) string {
	p := literalPrefix(s)
	if vars {
		if i := indexPolicyVar(p); i >= 0 {
			p = p[:i]
		}
	}
	return p
}

// covers reports whether every string that pattern a matches is also
// matched by pattern b; fold ignores ASCII case. With vars, the ${…}
// variables of a stand for '*' (see appendGlobRunes). It is sound (never
// claims a cover that does not hold) but may miss some covers between
// unusual patterns such as "?*" and "*?".
func (g *globScratch) covers(b, a string, fold, vars bool) bool {
	vars = vars && hasPolicyVar(a)
	if !vars && !hasWildcard(a) {
		return aaGlobMatch(b, a, fold)
	}
	// b's literal prefix must begin every string of a: a's own literal
	// prefix must be at least as long and start with it.
	al, bl := literalPrefixVars(a, vars), literalPrefix(b)
	if len(al) < len(bl) || !hasPrefixFold(al, bl, fold) {
		return false
	}
	g.ra = appendGlobRunes(g.ra[:0], a, vars)
	g.rb = appendGlobRunes(g.rb[:0], b, false)
	ra, rb := g.ra, g.rb
	if len(ra) > maxGlobDP || len(rb) > maxGlobDP {
		return false
	}
	w := len(rb) + 1
	n := (len(ra) + 1) * w
	if cap(g.cov) < n {
		g.cov = make([]bool, n)
	}
	// cov[i*w+j]: rb[j:] covers ra[i:]; filled from the ends backwards.
	cov := g.cov[:n]
	for i := len(ra); i >= 0; i-- {
		for j := len(rb); j >= 0; j-- {
			var v bool
			switch {
			case j == len(rb):
				v = i == len(ra)
			case rb[j] == '*':
				v = cov[i*w+j+1] || (i < len(ra) && cov[(i+1)*w+j])
			case i == len(ra) || ra[i] == '*':
				v = false
			case ra[i] == '?':
				v = rb[j] == '?' && cov[(i+1)*w+j+1]
			default:
				v = (rb[j] == '?' || runeEq(rb[j], ra[i], fold)) && cov[(i+1)*w+j+1]
			}
			cov[i*w+j] = v
		}
	}
	return cov[0]
}

// intersects reports whether some string matches both the pattern whose
// runes are ra and the pattern b (case-sensitive). ra must not be g.rb.
func (g *globScratch) intersects(ra []rune, b string) bool {
	if b == "*" {
		return true // every pattern matches some string
	}
	g.rb = appendGlobRunes(g.rb[:0], b, false)
	rb := g.rb
	if len(ra) > maxGlobDP || len(rb) > maxGlobDP {
		return true
	}
	w := len(rb) + 1
	n := (len(ra) + 1) * w
	if cap(g.seen) < n {
		g.seen = make([]bool, n)
	}
	seen := g.seen[:n]
	clear(seen)
	stack := append(g.stack[:0], 0)
	seen[0] = true
	push := func(i, j int) {
		if k := i*w + j; !seen[k] {
			seen[k] = true
			stack = append(stack, k)
		}
	}
	found := false
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		i, j := k/w, k%w
		if i == len(ra) && j == len(rb) {
			found = true
			break
		}
		aStar := i < len(ra) && ra[i] == '*'
		bStar := j < len(rb) && rb[j] == '*'
		if aStar {
			push(i+1, j)
		}
		if bStar {
			push(i, j+1)
		}
		// Both consume one common character.
		switch {
		case aStar && bStar:
			// Consuming with both stars changes nothing.
		case aStar && j < len(rb):
			push(i, j+1)
		case bStar && i < len(ra):
			push(i+1, j)
		case i < len(ra) && j < len(rb):
			if ra[i] == '?' || rb[j] == '?' || ra[i] == rb[j] {
				push(i+1, j+1)
			}
		}
	}
	g.stack = stack[:0]
	return found
}

func hasPrefixFold(s, prefix string, fold bool) bool {
	if len(s) < len(prefix) {
		return false
	}
	if !fold {
		return s[:len(prefix)] == prefix
	}
	return strings.EqualFold(s[:len(prefix)], prefix)
}
