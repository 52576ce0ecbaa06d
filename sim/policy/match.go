package policy

import "strings"

// actionPattern is one compiled Action or NotAction entry. Actions match
// ignoring ASCII case, and '*' may cross the colon ("iam*" matches
// "iam:ListUsers"). Entries that start with a literal service prefix
// ("iam:List*") are split so that the prefix is compared first.
type actionPattern struct {
	any  bool   // "*" (or only stars)
	svc  string // lower-case service prefix before the first ':', or ""
	rest *globPattern
	full *globPattern // when svc is ""
}

func compileActionPattern(text string) actionPattern {
	o := globOptions{wild: true, fold: true}
	if i := strings.IndexByte(text, ':'); i > 0 && !strings.ContainsAny(text[:i], "*?") {
		return actionPattern{svc: asciiLower(text[:i]), rest: compileGlob(text[i+1:], o)}
	}
	g := compileGlob(text, o)
	return actionPattern{any: g.anything, full: g}
}

// requestAction is an action name taken apart once per request.
type requestAction struct {
	full     string
	svc      string // text before the first ':'
	name     string // text after it
	hasColon bool
}

func splitRequestAction(a string) requestAction {
	if i := strings.IndexByte(a, ':'); i >= 0 {
		return requestAction{full: a, svc: a[:i], name: a[i+1:], hasColon: true}
	}
	return requestAction{full: a}
}

func (p *actionPattern) match(a *requestAction) bool {
	switch {
	case p.any:
		return true
	case p.svc != "":
		return a.hasColon && asciiEqualFold(a.svc, p.svc) && p.rest.match(a.name, nil)
	}
	return p.full.match(a.full, nil)
}

// matchAnyAction reports whether any pattern matches the action.
func matchAnyAction(ps []actionPattern, a *requestAction) bool {
	for i := range ps {
		if ps[i].match(a) {
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
