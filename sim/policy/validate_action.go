package policy

import (
	"strconv"
	"strings"

	"labsim/sim/catalog"
)

// actionElement checks an Action or NotAction element.
func (r *aaRun) actionElement(v *Value) {
	items := r.elementStrings(v, CodeEmptyArrayAction)
	for _, a := range items {
		r.action(a)
	}
	r.redundantActions(items)
}

// action checks one action string.
func (r *aaRun) action(a *Value) {
	text := a.Text
	if hasPolicyVar(text) {
		r.add(CodeVariableUnsupportedInElement, a.Span, "variable", firstPolicyVar(text))
		return
	}
	if text == "*" {
		return
	}
	svc, name, found := strings.Cut(text, ":")
	if !found || svc == "" || name == "" || strings.Contains(name, ":") {
		r.add(CodeInvalidAction, a.Span, "action", text)
		return
	}
	if hasWildcard(svc) {
		if svc != "*" {
			r.add(CodeWildcardInServiceName, a.Span)
		}
		return
	}
	if r.v.idx == nil {
		return
	}
	s, ok := r.v.cat.Service(svc)
	if !ok {
		r.add(CodeInvalidServiceInAction, a.Span, "service", svc, "service2", r.suggest(svc, r.v.idx.prefixes))
		return
	}
	if hasWildcard(name) {
		if !serviceHasMatch(s, name) {
			r.add(CodeInvalidAction, a.Span, "action", text)
		}
		return
	}
	if _, ok := r.v.cat.Action(svc, name); ok {
		return
	}
	valid := ""
	if n := r.suggest(name, actionNames(s)); n != "" {
		valid = s.Prefix + ":" + n
	}
	r.add(CodeInvalidAction, a.Span, "action", text, "valid_action", valid)
}

// serviceHasMatch reports whether a wildcard action name matches any
// action of the service.
func serviceHasMatch(s *catalog.Service, pattern string) bool {
	for _, act := range s.Actions {
		if aaGlobMatch(pattern, act.Name, true) {
			return true
		}
	}
	return false
}

func actionNames(s *catalog.Service) []string {
	out := make([]string, len(s.Actions))
	for i, a := range s.Actions {
		out[i] = a.Name
	}
	return out
}

// redundantActions reports actions that the element's other actions
// already grant (REDUNDANT_ACTION, once per element, pointing at the first
// redundant entry). Matching ignores case. With the catalog, a wildcard
// entry also counts as redundant when every action it matches is matched
// by the other entries together.
func (r *aaRun) redundantActions(items []*Value) {
	if len(items) < 2 {
		return
	}
	g := actionGroups{
		svc:      make([]string, len(items)),
		bySvc:    make(map[string][]int),
		literals: make(map[string]int, len(items)),
	}
	for i, a := range items {
		text := a.Text
		if hasPolicyVar(text) {
			continue
		}
		svc, _, found := strings.Cut(text, ":")
		switch {
		case text == "*" || (found && hasWildcard(svc)):
			g.anySvc = append(g.anySvc, i)
		case !found || strings.Count(text, ":") != 1 || r.unknownAction(text):
			continue // INVALID_ACTION says it better
		default:
			svc = strings.ToLower(svc)
			g.svc[i] = svc
			if hasWildcard(text) {
				g.bySvc[svc] = append(g.bySvc[svc], i)
			} else {
				g.literals[strings.ToLower(text)]++
			}
		}
		g.usable = append(g.usable, i)
	}
	red := make([]bool, len(items))
	for k := len(g.usable) - 1; k >= 0; k-- {
		i := g.usable[k]
		if r.actionCovered(items, red, &g, i) {
			red[i] = true
		}
	}
	if r.work <= 0 {
		return // out of budget: the count would be wrong
	}
	n, first := 0, -1
	for i := range items {
		if red[i] {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if n > 0 {
		r.add(CodeRedundantAction, items[first].Span,
			"redundantActionCount", strconv.Itoa(n), "redundantAction", items[first].Text)
	}
}

// actionGroups indexes an Action element's entries for redundancy checks.
type actionGroups struct {
	usable   []int            // entries taking part, in order
	svc      []string         // lower-case service of each entry ("" if none)
	bySvc    map[string][]int // wildcard entries by service
	anySvc   []int            // entries whose service is a wildcard ("*", "s3*:…")
	literals map[string]int   // lower-case literal entry → live count
}

// candidates returns the wildcard entries that could cover entry i.
func (g *actionGroups) candidates(i int) [][]int {
	if g.svc[i] == "" {
		out := [][]int{g.anySvc}
		for _, l := range g.bySvc {
			out = append(out, l)
		}
		return out
	}
	return [][]int{g.bySvc[g.svc[i]], g.anySvc}
}

// actionCovered reports whether entry i is granted by the other live
// entries. Entries are visited from the last to the first, so that of two
// equal entries the later one is the redundant one.
func (r *aaRun) actionCovered(items []*Value, red []bool, g *actionGroups, i int) bool {
	text := items[i].Text
	if !hasWildcard(text) {
		low := strings.ToLower(text)
		if g.literals[low] > 1 {
			g.literals[low]--
			return true
		}
	}
	if r.work <= 0 {
		return false
	}
	for _, list := range g.candidates(i) {
		for _, j := range list {
			if j != i && !red[j] && r.covers(items[j].Text, text, true) {
				return true
			}
		}
	}
	if !hasWildcard(text) || r.v.idx == nil || g.svc[i] == "" {
		return false
	}
	return r.actionUnionCovered(items, red, g, i)
}

// actionUnionCovered expands a wildcard entry over the catalog and checks
// that the other entries of its service grant every action it matches.
func (r *aaRun) actionUnionCovered(items []*Value, red []bool, g *actionGroups, i int) bool {
	svc, name, _ := strings.Cut(items[i].Text, ":")
	if r.work -= 1 + len(g.usable)/64; r.work <= 0 {
		return false
	}
	var others []string
	for _, j := range g.usable {
		if j != i && !red[j] && (g.svc[j] == g.svc[i] || g.svc[j] == "") {
			others = append(others, items[j].Text)
		}
	}
	if len(others) == 0 {
		return false
	}
	s, ok := r.v.cat.Service(svc)
	if !ok {
		return false
	}
	matched := false
	for _, act := range s.Actions {
		if !aaGlobMatch(name, act.Name, true) {
			continue
		}
		if r.work -= 1 + len(others)/8; r.work <= 0 {
			return false
		}
		matched = true
		full := s.Prefix + ":" + act.Name
		covered := false
		for _, o := range others {
			if aaGlobMatch(o, full, true) {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return matched
}

// unknownAction reports whether the catalog knows the service of a literal
// action but not the action.
func (r *aaRun) unknownAction(text string) bool {
	if r.v.idx == nil || hasWildcard(text) {
		return false
	}
	svc, name, _ := strings.Cut(text, ":")
	if _, ok := r.v.cat.Service(svc); !ok {
		return false
	}
	_, ok := r.v.cat.Action(svc, name)
	return !ok
}
