package policy

import "strings"

// actionSet is a compiled Action or NotAction element. Actions match
// ignoring ASCII case, and '*' may cross the colon ("iam*" matches
// "iam:ListUsers"). Entries that start with a literal service prefix
// ("iam:List*") are grouped by that prefix, so that a request for another
// service skips them with one string comparison.
type actionSet struct {
	any    bool           // some entry is "*" (or only stars)
	groups []actionGroup  // entries with a literal service prefix
	others []*globPattern // entries whose service part has wildcards, or no colon
}

// actionGroup holds the name patterns of the entries of one service.
type actionGroup struct {
	svc   string // lower case
	names []*globPattern
}

// actionSet compiles the entries (strings) of an Action or NotAction
// element. Groups keep the order in which their services first appear,
// and each group its entries in document order.
func (c *compiler) actionSet(items []*Value) actionSet {
	var s actionSet
	o := globOptions{wild: true, fold: true}
	// First pass: the service of each entry ("" for the others) and the
	// size of each group, so that the groups' lists are carved exactly.
	c.svcBuf, c.svcs, c.countBuf = c.svcBuf[:0], c.svcs[:0], c.countBuf[:0]
	others := 0
	for _, it := range items {
		text := it.Text
		i := strings.IndexByte(text, ':')
		if i <= 0 || hasWildcard(text[:i]) {
			c.svcBuf = append(c.svcBuf, "")
			others++
			continue
		}
		svc := asciiLower(text[:i])
		c.svcBuf = append(c.svcBuf, svc)
		k := 0
		for k < len(c.countBuf) && c.svcs[k] != svc {
			k++
		}
		if k == len(c.countBuf) {
			c.svcs = append(c.svcs, svc)
			c.countBuf = append(c.countBuf, 0)
		}
		c.countBuf[k]++
	}
	s.others = c.ptrs.take(others)[:0]
	s.groups = c.groups.take(len(c.countBuf))
	for k := range s.groups {
		s.groups[k] = actionGroup{svc: c.svcs[k], names: c.ptrs.take(c.countBuf[k])[:0]}
	}
	for n, it := range items {
		text, svc := it.Text, c.svcBuf[n]
		if svc == "" {
			g := c.globs.compile(text, o)
			if g.anything {
				s.any = true
			}
			s.others = append(s.others, g)
			continue
		}
		name := c.globs.compile(text[strings.IndexByte(text, ':')+1:], o)
		for k := range s.groups {
			if s.groups[k].svc == svc {
				s.groups[k].names = append(s.groups[k].names, name)
				break
			}
		}
	}
	return s
}

// requestAction is an action name taken apart once per request.
type requestAction struct {
	full     string
	svc      string // text before the first ':', as given
	name     string // text after it
	hasColon bool
	hash     uint64 // serviceHash(svc)
}

// splitRequestAction takes an action apart, without allocating.
func splitRequestAction(a string) requestAction {
	if i := strings.IndexByte(a, ':'); i >= 0 {
		svc := a[:i]
		return requestAction{full: a, svc: svc, name: a[i+1:], hasColon: true, hash: serviceHash(svc)}
	}
	return requestAction{full: a, hash: serviceHash("")}
}

// match reports whether any entry matches the action.
func (s *actionSet) match(a *requestAction) bool {
	if s.any {
		return true
	}
	if a.hasColon {
		for k := range s.groups {
			g := &s.groups[k]
			if !asciiEqualFold(g.svc, a.svc) {
				continue
			}
			for _, n := range g.names {
				if n.match(a.name, nil) {
					return true
				}
			}
			break
		}
	}
	for _, g := range s.others {
		if g.match(a.full, nil) {
			return true
		}
	}
	return false
}

// matchAnyResource reports whether any resource pattern matches.
// Resources match case-sensitively, and '*' crosses ':' and '/'.
func matchAnyResource(ps []*globPattern, resource string, ctx map[string][]string) bool {
	for _, p := range ps {
		if p.match(resource, ctx) {
			return true
		}
	}
	return false
}
