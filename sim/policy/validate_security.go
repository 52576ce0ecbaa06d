package policy

import (
	"bytes"
	"slices"
	"strings"
)

// roleCheck describes the PassRole and CreateServiceLinkedRole checks:
// the action they are about, the condition key that scopes it, and the
// issue code for each way a statement can grant it broadly.
type roleCheck struct {
	action   string
	scopeKey string
	// codes by [grant][resource]: grant explicit, wildcard action,
	// NotAction; resource star, NotResource.
	codes [3][2]string
}

var roleChecks = []roleCheck{
	{"iam:PassRole", "iam:PassedToService", [3][2]string{
		{CodePassRoleWithStarInResource, CodePassRoleWithNotResource},
		{CodePassRoleWithStarInActionAndRes, CodePassRoleWithStarInActionNotRes},
		{CodePassRoleWithStarInResNotAction, CodePassRoleWithNotActionNotRes},
	}},
	{"iam:CreateServiceLinkedRole", "iam:AWSServiceName", [3][2]string{
		{CodeCreateSLRWithStarInResource, CodeCreateSLRWithNotResource},
		{CodeCreateSLRWithStarInActionAndRes, CodeCreateSLRWithStarInActionNotRes},
		{CodeCreateSLRWithStarInResNotAction, CodeCreateSLRWithNotActionNotRes},
	}},
}

const (
	grantExplicit = iota
	grantWildcard
	grantNotAction
)

// serviceRoleChecks reports Allow statements that grant iam:PassRole or
// iam:CreateServiceLinkedRole on every role. A condition on the scoping
// key (iam:PassedToService, iam:AWSServiceName) silences the star-resource
// findings, as the messages suggest.
func (r *aaRun) serviceRoleChecks(s *Statement) {
	if s.Effect == nil || s.Effect.Text != "Allow" {
		return
	}
	for _, c := range roleChecks {
		grant, span, ok := grantOf(s, c.action)
		if !ok {
			continue
		}
		switch {
		case s.NotResource != nil && s.Resource == nil:
			r.add(c.codes[grant][1], span)
		case s.Resource != nil && allRolesResource(s.Resource, &r.sc.glob) && !conditionHasKey(s.Condition, c.scopeKey):
			r.add(c.codes[grant][0], span)
		}
	}
}

// grantOf tells how a statement grants the action: by name, through a
// wildcard, or through NotAction; span is the granting entry.
func grantOf(s *Statement, action string) (grant int, span Span, ok bool) {
	var one [1]*Value
	if s.Action != nil {
		items, _ := stringItems(s.Action, &one)
		wild := -1
		for i, it := range items {
			if asciiOrEqualFold(it.Text, action) {
				return grantExplicit, it.Span, true
			}
			if wild < 0 && hasWildcard(it.Text) && aaGlobMatch(it.Text, action, true) {
				wild = i
			}
		}
		if wild >= 0 {
			return grantWildcard, items[wild].Span, true
		}
		return 0, Span{}, false
	}
	if s.NotAction != nil {
		items, ok := stringItems(s.NotAction, &one)
		if !ok {
			return 0, Span{}, false
		}
		for _, it := range items {
			if aaGlobMatch(it.Text, action, true) {
				return 0, Span{}, false
			}
		}
		return grantNotAction, memberKeySpan(s.Node, "NotAction"), true
	}
	return 0, Span{}, false
}

// asciiOrEqualFold is strings.EqualFold, quicker when both are ASCII.
func asciiOrEqualFold(a, b string) bool {
	if isASCII(a) && isASCII(b) {
		return asciiEqualFold(a, b)
	}
	return strings.EqualFold(a, b)
}

// allRolesResource reports whether a Resource entry covers every IAM role:
// "*", or an IAM ARN whose resource field matches any role name
// ("arn:aws:iam::123456789012:role/*"). "role/Service*" does not count.
// g is scratch space.
func allRolesResource(v *Value, g *globScratch) bool {
	var one [1]*Value
	items, _ := stringItems(v, &one)
	for _, it := range items {
		if it.Text == "*" {
			return true
		}
		parts, ok := splitARNFields(it.Text)
		if !ok || hasPolicyVar(it.Text) {
			continue
		}
		if aaGlobMatch(parts[2], "iam", false) && g.covers(parts[5], "role/*", false, false) {
			return true
		}
	}
	return false
}

// conditionHasKey reports whether any operator block uses the key.
func conditionHasKey(cond *Value, key string) bool {
	if cond == nil || cond.Kind != Object {
		return false
	}
	for _, op := range cond.Members {
		if op.Value.Kind != Object {
			continue
		}
		for _, kv := range op.Value.Members {
			if strings.EqualFold(kv.Key, key) {
				return true
			}
		}
	}
	return false
}

// redundantStatements reports statements identical to an earlier one
// (Sid aside), pointing at the later statement.
func (r *aaRun) redundantStatements() {
	stmts, sc := r.doc.Statements, r.sc
	if len(stmts) < 2 {
		return
	}
	// Only statements of equal weight (a cheap measure of their content)
	// can be equal; the others are not written out.
	sc.weights = sc.weights[:0]
	sc.ids = sc.ids[:0]
	for i, s := range stmts {
		sc.weights = append(sc.weights, statementWeight(s))
		sc.ids = append(sc.ids, int32(i))
	}
	sc.dup = bools(sc.dup, len(stmts))
	sc.markDuplicates(sc.dup, sc.ids, true,
		func(i, j int32) bool { return sc.weights[i] == sc.weights[j] },
		func(i, j int32) int { return sc.weights[i] - sc.weights[j] })
	// Write out the statements that share their weight with another.
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
		for i := 0; i < len(v.Text); i++ {
			if c := v.Text[i]; c == '"' {
				sc.keyBuf = append(sc.keyBuf, '\\', '"')
			} else {
				sc.keyBuf = append(sc.keyBuf, c)
			}
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
