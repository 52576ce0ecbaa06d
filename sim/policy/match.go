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

func compileActionSet(texts []string) actionSet {
	var s actionSet
	o := globOptions{wild: true, fold: true}
	for _, text := range texts {
		i := strings.IndexByte(text, ':')
		if i <= 0 || strings.ContainsAny(text[:i], "*?") {
			g := compileGlob(text, o)
			if g.anything {
				s.any = true
			}
			s.others = append(s.others, g)
			continue
		}
		svc, name := asciiLower(text[:i]), compileGlob(text[i+1:], o)
		found := false
		for k := range s.groups {
			if s.groups[k].svc == svc {
				s.groups[k].names = append(s.groups[k].names, name)
				found = true
				break
			}
		}
		if !found {
			s.groups = append(s.groups, actionGroup{svc: svc, names: []*globPattern{name}})
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
