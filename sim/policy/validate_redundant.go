package policy

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
)

// redundantStatements reports statements identical to an earlier one
// (Sid aside), pointing at the later statement.
func (r *aaRun) redundantStatements() {
	stmts, sc := r.doc.Statements, r.sc
	if len(stmts) < 2 {
		return
	}
	// Only statements of equal weight (a cheap measure of their content)
	// can be equal. Of those, only the ones whose canonical texts have
	// the same digest can have the same text: the others are not written
	// out.
	sc.digests = sc.digests[:0]
	sc.ids = sc.ids[:0]
	for i, s := range stmts {
		sc.digests = append(sc.digests, statementDigest(s))
		sc.ids = append(sc.ids, int32(i))
	}
	sc.dup = bools(sc.dup, len(stmts))
	sc.markDuplicates(sc.dup, sc.ids, true,
		func(i, j int32) bool { return sc.digests[i] == sc.digests[j] },
		func(i, j int32) int { return sc.digests[i].compare(sc.digests[j]) })
	// Write out the statements that share their digest with another.
	sc.keyBuf, sc.keys, sc.ids = sc.keyBuf[:0], sc.keys[:0], sc.ids[:0]
	for i, s := range stmts {
		start := len(sc.keyBuf)
		if sc.dup[i] {
			sc.ids = append(sc.ids, int32(i))
			sc.canonicalStatement(s)
		}
		sc.keys = append(sc.keys, byteSpan{start, len(sc.keyBuf)})
	}
	key := func(i int32) []byte { return sc.keyBuf[sc.keys[i].start:sc.keys[i].end] }
	sc.dup = bools(sc.dup, len(stmts))
	sc.markLaterDuplicates(sc.dup, sc.ids,
		func(i, j int32) bool { return bytes.Equal(key(i), key(j)) },
		func(i, j int32) int { return bytes.Compare(key(i), key(j)) })
	for i, s := range stmts {
		if sc.dup[i] {
			r.add(CodeRedundantStatement, s.Node.Span)
		}
	}
}

// canonicalStatement appends the canonical text of a statement, Sid
// aside, to keyBuf: its members sorted by key, each as key=value;.
func (sc *validateScratch) canonicalStatement(s *Statement) {
	ms := s.Node.Effective()
	base := sc.sortedMembers(ms)
	for _, k := range sc.memberOrder[base : base+len(ms)] {
		m := &ms[k]
		if m.Key == "Sid" {
			continue
		}
		sc.keyBuf = append(sc.keyBuf, m.Key...)
		sc.keyBuf = append(sc.keyBuf, '=')
		sc.canonicalValue(m.Value, 0)
		sc.keyBuf = append(sc.keyBuf, ';')
	}
	sc.memberOrder = sc.memberOrder[:base]
}

// sortedMembers pushes on memberOrder the indexes of ms sorted by key
// (keys are unique) and returns where they start.
func (sc *validateScratch) sortedMembers(ms []Member) int {
	base := len(sc.memberOrder)
	for k := range ms {
		sc.memberOrder = append(sc.memberOrder, int32(k))
	}
	slices.SortFunc(sc.memberOrder[base:], func(a, b int32) int { return strings.Compare(ms[a].Key, ms[b].Key) })
	return base
}

// canonicalValue appends v to keyBuf so that equal values give equal
// text: object members sorted by key, arrays as sorted multisets.
func (sc *validateScratch) canonicalValue(v *Value, depth int) {
	if depth > MaxDepth {
		return
	}
	switch v.Kind {
	case String, Number, Bool:
		sc.keyBuf = append(sc.keyBuf, '"')
		for t := v.Text; ; {
			i := strings.IndexByte(t, '"')
			if i < 0 {
				sc.keyBuf = append(sc.keyBuf, t...)
				break
			}
			sc.keyBuf = append(sc.keyBuf, t[:i]...)
			sc.keyBuf = append(sc.keyBuf, '\\', '"')
			t = t[i+1:]
		}
		sc.keyBuf = append(sc.keyBuf, '"')
	case Null:
		sc.keyBuf = append(sc.keyBuf, "null"...)
	case Array:
		// Write the items, sort their texts, then write them again in
		// order over the first copy.
		start, base := len(sc.keyBuf), len(sc.spans)
		for _, it := range v.Items {
			from := len(sc.keyBuf)
			sc.canonicalValue(it, depth+1)
			sc.spans = append(sc.spans, byteSpan{from, len(sc.keyBuf)})
		}
		parts := sc.spans[base:]
		slices.SortFunc(parts, func(a, b byteSpan) int {
			return bytes.Compare(sc.keyBuf[a.start:a.end], sc.keyBuf[b.start:b.end])
		})
		end := len(sc.keyBuf)
		sc.keyBuf = append(sc.keyBuf, '[')
		for i, p := range parts {
			if i > 0 {
				sc.keyBuf = append(sc.keyBuf, ',')
			}
			sc.keyBuf = append(sc.keyBuf, sc.keyBuf[p.start:p.end]...)
		}
		sc.keyBuf = append(sc.keyBuf, ']')
		n := copy(sc.keyBuf[start:], sc.keyBuf[end:])
		sc.keyBuf = sc.keyBuf[:start+n]
		sc.spans = sc.spans[:base]
	case Object:
		ms := v.Effective()
		base := sc.sortedMembers(ms)
		sc.keyBuf = append(sc.keyBuf, '{')
		for i := range ms {
			m := &ms[sc.memberOrder[base+i]]
			sc.keyBuf = append(sc.keyBuf, m.Key...)
			sc.keyBuf = append(sc.keyBuf, ':')
			sc.canonicalValue(m.Value, depth+1)
			sc.keyBuf = append(sc.keyBuf, ',')
		}
		sc.keyBuf = append(sc.keyBuf, '}')
		sc.memberOrder = sc.memberOrder[:base]
	}
}

// stmtDigest sums up a statement for redundantStatements: its weight,
// and the length and a sum over the bytes of its canonical text. The sum
// does not depend on the order of the bytes, so it is computed without
// sorting arrays and members or writing anything: statements with equal
// canonical texts have equal digests.
type stmtDigest struct {
	weight int
	n      int
	sum    uint64
}

func (d stmtDigest) compare(e stmtDigest) int {
	switch {
	case d.weight != e.weight:
		return cmp.Compare(d.weight, e.weight)
	case d.n != e.n:
		return cmp.Compare(d.n, e.n)
	}
	return cmp.Compare(d.sum, e.sum)
}

// byteMix gives each byte value a pseudo-random 64-bit number, so that
// different byte multisets rarely have the same sum. Built once, never
// changed.
var byteMix = func() (t [256]uint64) {
	for i := range t {
		z := uint64(i+1) * 0x9E3779B97F4A7C15 // splitmix64
		z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		t[i] = z ^ z>>31
	}
	return t
}()

func (d *stmtDigest) addByte(c byte) {
	d.n++
	d.sum += byteMix[c]
}

func (d *stmtDigest) addString(s string) {
	sum := d.sum
	for i := 0; i < len(s); i++ {
		sum += byteMix[s[i]]
	}
	d.n += len(s)
	d.sum = sum
}

// statementDigest is the digest of what canonicalStatement writes.
func statementDigest(s *Statement) stmtDigest {
	d := stmtDigest{weight: statementWeight(s)}
	for _, m := range s.Node.Effective() {
		if m.Key == "Sid" {
			continue
		}
		d.addString(m.Key)
		d.addByte('=')
		d.addValue(m.Value, 0)
		d.addByte(';')
	}
	return d
}

// addValue adds what canonicalValue writes for v.
func (d *stmtDigest) addValue(v *Value, depth int) {
	if depth > MaxDepth {
		return
	}
	switch v.Kind {
	case String, Number, Bool:
		d.addByte('"')
		d.addString(v.Text)
		if strings.IndexByte(v.Text, '"') >= 0 {
			for i := strings.Count(v.Text, `"`); i > 0; i-- {
				d.addByte('\\') // the escape of each '"'
			}
		}
		d.addByte('"')
	case Null:
		d.addString("null")
	case Array:
		d.addByte('[')
		for i, it := range v.Items {
			if i > 0 {
				d.addByte(',')
			}
			d.addValue(it, depth+1)
		}
		d.addByte(']')
	case Object:
		d.addByte('{')
		for _, m := range v.Effective() {
			d.addString(m.Key)
			d.addByte(':')
			d.addValue(m.Value, depth+1)
			d.addByte(',')
		}
		d.addByte('}')
	}
}

// statementWeight sums the lengths of a statement's keys and scalar texts,
// Sid aside.
func statementWeight(s *Statement) int {
	w := 0
	for _, m := range s.Node.Effective() {
		if m.Key != "Sid" {
			w += len(m.Key) + valueWeight(m.Value, 0)
		}
	}
	return w
}

func valueWeight(v *Value, depth int) int {
	if depth > MaxDepth {
		return 0
	}
	w := 1 + len(v.Text)
	for _, it := range v.Items {
		w += valueWeight(it, depth+1)
	}
	for _, m := range v.Effective() {
		w += len(m.Key) + valueWeight(m.Value, depth+1)
	}
	return w
}
