package policy

import (
	"sort"
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
		case s.Resource != nil && allRolesResource(s.Resource) && !conditionHasKey(s.Condition, c.scopeKey):
			r.add(c.codes[grant][0], span)
		}
	}
}

// grantOf tells how a statement grants the action: by name, through a
// wildcard, or through NotAction; span is the granting entry.
func grantOf(s *Statement, action string) (grant int, span Span, ok bool) {
	if s.Action != nil {
		items, _ := stringList(s.Action)
		wild := -1
		for i, it := range items {
			if strings.EqualFold(it.Text, action) {
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
		items, ok := stringList(s.NotAction)
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

// allRolesResource reports whether a Resource entry covers every IAM role:
// "*", or an IAM ARN whose resource field matches any role name
// ("arn:aws:iam::123456789012:role/*"). "role/Service*" does not count.
func allRolesResource(v *Value) bool {
	items, _ := stringList(v)
	for _, it := range items {
		if it.Text == "*" {
			return true
		}
		parts, ok := splitARNFields(it.Text)
		if !ok || hasPolicyVar(it.Text) {
			continue
		}
		if aaGlobMatch(parts[2], "iam", false) && aaGlobCovers(parts[5], "role/*", false) {
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
	if len(r.doc.Statements) < 2 {
		return
	}
	// Only statements of equal weight (a cheap measure of their content)
	// can be equal; the others are not written out.
	weights := make(map[int]int, len(r.doc.Statements))
	for _, s := range r.doc.Statements {
		weights[statementWeight(s)]++
	}
	seen := make(map[string]bool)
	var b strings.Builder
	for _, s := range r.doc.Statements {
		if weights[statementWeight(s)] < 2 {
			continue
		}
		b.Reset()
		ms := append([]Member(nil), s.Node.Effective()...)
		sort.Slice(ms, func(i, j int) bool { return ms[i].Key < ms[j].Key })
		for _, m := range ms {
			if m.Key == "Sid" {
				continue
			}
			b.WriteString(m.Key)
			b.WriteByte('=')
			canonicalValue(&b, m.Value, 0)
			b.WriteByte(';')
		}
		key := b.String()
		if seen[key] {
			r.add(CodeRedundantStatement, s.Node.Span)
			continue
		}
		seen[key] = true
	}
}

// canonicalValue writes v so that equal policies give equal text: object
// members sorted by key, string arrays as sorted sets.
func canonicalValue(b *strings.Builder, v *Value, depth int) {
	if depth > MaxDepth {
		return
	}
	switch v.Kind {
	case String, Number, Bool:
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(v.Text, `"`, `\"`))
		b.WriteByte('"')
	case Null:
		b.WriteString("null")
	case Array:
		parts := make([]string, 0, len(v.Items))
		for _, it := range v.Items {
			var ib strings.Builder
			canonicalValue(&ib, it, depth+1)
			parts = append(parts, ib.String())
		}
		sort.Strings(parts)
		b.WriteByte('[')
		for i, p := range parts {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(p)
		}
		b.WriteByte(']')
	case Object:
		ms := v.Effective()
		keys := make([]string, 0, len(ms))
		byKey := make(map[string]*Value, len(ms))
		for _, m := range ms {
			keys = append(keys, m.Key)
			byKey[m.Key] = m.Value
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for _, k := range keys {
			b.WriteString(k)
			b.WriteByte(':')
			canonicalValue(b, byKey[k], depth+1)
			b.WriteByte(',')
		}
		b.WriteByte('}')
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
