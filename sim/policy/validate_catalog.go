package policy

import (
	"strings"

	"labsim/sim/catalog"
)

// arnTemplate is one resource type's ARN format with its variables
// (${Name}) turned into '*': the Region, account and resource fields, as
// ranges of the index's text, and the length of the resource field's
// literal prefix (the text before its first wildcard). Ranges rather than
// strings keep the thousands of templates free of pointers, which the
// garbage collector would otherwise follow on every cycle.
type arnTemplate struct {
	region, account, resource textRange
	prefixLen                 uint32
}

// textRange is the range [start, end) of a text.
type textRange struct{ start, end uint32 }

func (r textRange) empty() bool { return r.start == r.end }

// catalogIndex holds what the validator derives from an action catalog:
// the service prefixes for suggestions and the ARN formats by ARN service
// name. It is built once by NewValidator and never changed.
type catalogIndex struct {
	cat      catalog.Actions
	prefixes []string
	text     string                   // the templates' fields, one after another
	arn      map[string][]arnTemplate // lower-case ARN service → formats
}

// field returns the text of a template's field.
func (x *catalogIndex) field(r textRange) string { return x.text[r.start:r.end] }

// resourcePrefix returns the literal prefix of a template's resource field.
func (x *catalogIndex) resourcePrefix(t *arnTemplate) string {
	return x.text[t.resource.start : t.resource.start+t.prefixLen]
}

func newCatalogIndex(cat catalog.Actions) *catalogIndex {
	idx := &catalogIndex{cat: cat, prefixes: cat.Prefixes(), arn: make(map[string][]arnTemplate)}
	var text strings.Builder
	add := func(glob string) textRange {
		start := text.Len()
		text.WriteString(glob)
		return textRange{uint32(start), uint32(text.Len())}
	}
	// Templates by service, in catalog order; then all in one slice.
	var order []string
	bySvc := make(map[string][]arnTemplate)
	for _, p := range idx.prefixes {
		s, ok := cat.Service(p)
		if !ok {
			continue
		}
		for _, rt := range s.ResourceTypes {
			parts, ok := splitARNFields(rt.ARN)
			if !ok || parts[0] != "arn" {
				continue
			}
			resource := templateToGlob(parts[5])
			t := arnTemplate{
				region:    add(templateToGlob(parts[3])),
				account:   add(templateToGlob(parts[4])),
				resource:  add(resource),
				prefixLen: uint32(len(literalPrefix(resource))),
			}
			svc := strings.ToLower(parts[2])
			if _, seen := bySvc[svc]; !seen {
				order = append(order, svc)
			}
			bySvc[svc] = append(bySvc[svc], t)
		}
	}
	total := 0
	for _, ts := range bySvc {
		total += len(ts)
	}
	all := make([]arnTemplate, 0, total)
	for _, svc := range order {
		n := len(all)
		all = append(all, bySvc[svc]...)
		idx.arn[svc] = all[n:len(all):len(all)]
	}
	idx.text = text.String()
	return idx
}

// templateToGlob replaces every ${Name} with '*'.
func templateToGlob(s string) string {
	if !hasPolicyVar(s) {
		return s
	}
	var b strings.Builder
	for {
		i := indexPolicyVar(s)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte('*')
		s = s[i+j+1:]
	}
}

// literalPrefix returns the text before the first wildcard.
func literalPrefix(s string) string {
	if i := indexWildcard(s); i >= 0 {
		return s[:i]
	}
	return s
}

// splitARNFields splits an ARN into its six fields, ignoring colons inside
// ${…} policy variables; the sixth field keeps any further colons. ok is
// false when there are fewer than six fields.
func splitARNFields(s string) (parts [6]string, ok bool) {
	n, start, depth := 0, 0, 0
	for i := 0; i < len(s) && n < 5; i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == ':' && depth == 0:
			parts[n] = s[start:i]
			n++
			start = i + 1
		}
	}
	if n < 5 {
		return parts, false
	}
	parts[5] = s[start:]
	return parts, true
}

// countARNFields counts the fields splitARNFields would find, up to six.
func countARNFields(s string) int {
	if _, ok := splitARNFields(s); ok {
		return 6
	}
	n, depth := 1, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == ':' && depth == 0:
			n++
		}
	}
	return n
}

// suggest returns the candidate nearest to s by edit distance (ignoring
// ASCII case), or "" when none is close: a suggestion needs a distance of
// at most 1 + len(s)/4, and never the whole word.
func suggest(s string, candidates []string) string {
	limit := 1 + len(s)/4
	if limit >= len(s) {
		limit = len(s) - 1
	}
	if limit < 1 {
		return ""
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		if d := editDistanceFold(s, c, bestD-1); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistanceFold is the Levenshtein distance between a and b ignoring
// ASCII case, or max+1 once it is certain to exceed max.
func editDistanceFold(a, b string, max int) int {
	if max < 0 {
		return max + 1
	}
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	var buf [2][65]int
	var prev, cur []int
	if len(b)+1 <= len(buf[0]) {
		prev, cur = buf[0][:len(b)+1], buf[1][:len(b)+1]
	} else {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if lowerASCII(a[i-1]) == lowerASCII(b[j-1]) {
				cost = 0
			}
			v := prev[j-1] + cost
			if x := prev[j] + 1; x < v {
				v = x
			}
			if x := cur[j-1] + 1; x < v {
				v = x
			}
			cur[j] = v
			if v < rowMin {
				rowMin = v
			}
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}
