package policy

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"labsim/sim/catalog"
)

// actionElement checks an Action or NotAction element.
func (r *aaRun) actionElement(v *Value) {
	var one [1]*Value
	items := r.elementStrings(v, CodeEmptyArrayAction, &one)
	sc := r.sc
	sc.shapes, sc.unknown = sc.shapes[:0], sc.unknown[:0]
	for _, a := range items {
		sh := shapeOf(a.Text)
		sc.shapes = append(sc.shapes, sh)
		sc.unknown = append(sc.unknown, r.action(a, &sh))
	}
	r.redundantActions(items)
}

// actionShape is what one pass over an action string finds out.
type actionShape struct {
	colon    int  // index of the first ':', or -1
	colons   int  // number of ':', up to 2
	wildSvc  bool // '*' or '?' before the first ':' (anywhere without one)
	wildName bool // '*' or '?' after the first ':'
	variable bool // "${"
	upperSvc bool // an upper-case ASCII letter before the first ':'
	ascii    bool
}

func shapeOf(s string) actionShape {
	sh := actionShape{colon: -1, ascii: true}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ':':
			if sh.colon < 0 {
				sh.colon = i
			}
			sh.colons = min(sh.colons+1, 2)
		case c == '*' || c == '?':
			if sh.colon < 0 {
				sh.wildSvc = true
			} else {
				sh.wildName = true
			}
		case c == '$':
			if i+1 < len(s) && s[i+1] == '{' {
				sh.variable = true
			}
		case c >= 'A' && c <= 'Z':
			if sh.colon < 0 {
				sh.upperSvc = true
			}
		case c >= utf8.RuneSelf:
			sh.ascii = false
		}
	}
	return sh
}

// service and name split an action at its first ':' (name is "" without
// one).
func (sh *actionShape) service(s string) string {
	if sh.colon < 0 {
		return s
	}
	return s[:sh.colon]
}

func (sh *actionShape) name(s string) string {
	if sh.colon < 0 {
		return ""
	}
	return s[sh.colon+1:]
}

// action checks one action string, of shape sh. For redundantActions, it
// returns unknownAction(a.Text), which the catalog lookups made here
// answer (false for the entries redundantActions leaves out).
func (r *aaRun) action(a *Value, sh *actionShape) (unknown bool) {
	text := a.Text
	if sh.variable {
		r.add(CodeVariableUnsupportedInElement, a.Span, "variable", firstPolicyVar(text))
		return false // redundantActions leaves out entries with variables
	}
	if text == "*" {
		return false
	}
	svc, name := sh.service(text), sh.name(text)
	if sh.colon < 0 || svc == "" || name == "" || sh.colons > 1 {
		r.add(CodeInvalidAction, a.Span, "action", text)
		return r.unknownAction(text)
	}
	if sh.wildSvc {
		if svc != "*" {
			r.add(CodeWildcardInServiceName, a.Span)
		}
		return false
	}
	if r.v.idx == nil {
		return false
	}
	switch r.lookupAction(text, svc, name) {
	case serviceUnknown:
		r.add(CodeInvalidServiceInAction, a.Span, "service", svc, "service2", r.suggest(svc, r.v.idx.prefixes))
		return false
	case patternMatches, actionKnown:
		return false
	case patternMatchesNone:
		r.add(CodeInvalidAction, a.Span, "action", text)
		return false
	}
	s, _ := r.v.cat.Service(svc)
	valid := ""
	if n := r.suggest(name, actionNames(s)); n != "" {
		valid = s.Prefix + ":" + n
	}
	r.add(CodeInvalidAction, a.Span, "action", text, "valid_action", valid)
	return true
}

// actionLookup is what the catalog says of an action "svc:name" with a
// literal service.
type actionLookup uint8

const (
	serviceUnknown     actionLookup = iota + 1
	patternMatches                  // a name with wildcards matches some action
	patternMatchesNone              // … matches none
	actionKnown                     // a literal name is an action
	actionUnknown                   // … is not
)

// actionMemoMax bounds the memo of catalog lookups kept between
// validations; past it the memo starts again empty.
const actionMemoMax = 1024

// lookupAction asks the catalog about the action text ("svc:name"),
// remembering the answer: a policy names the same actions again and
// again, and the next keystroke names them once more.
func (r *aaRun) lookupAction(text, svc, name string) actionLookup {
	sc := r.sc
	if res, ok := sc.actionMemo[text]; ok {
		return res
	}
	var res actionLookup
	s, ok := r.v.cat.Service(svc)
	switch {
	case !ok:
		res = serviceUnknown
	case hasWildcard(name):
		res = patternMatchesNone
		if serviceHasMatch(s, name) {
			res = patternMatches
		}
	default:
		res = actionUnknown
		if _, ok := r.v.cat.Action(svc, name); ok {
			res = actionKnown
		}
	}
	if sc.actionMemo == nil || len(sc.actionMemo) >= actionMemoMax {
		sc.actionMemo = make(map[string]actionLookup)
	}
	sc.actionMemo[strings.Clone(text)] = res
	return res
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

// actionEntry is what redundantActions knows of one entry of an Action
// element.
type actionEntry struct {
	usable bool   // the entry takes part in the redundancy checks
	svc    string // lower-case service of an entry with a literal service, else ""
	wild   bool   // the entry has a literal service and a wildcard
	ascii  bool   // a literal entry is ASCII
}

// redundantActions reports actions that the element's other actions
// already grant (REDUNDANT_ACTION, once per element, pointing at the first
// redundant entry). Matching ignores case. With the catalog, a wildcard
// entry also counts as redundant when every action it matches is matched
// by the other entries together. r.sc.shapes and r.sc.unknown hold the
// shape and unknownAction of each entry.
func (r *aaRun) redundantActions(items []*Value) {
	if len(items) < 2 {
		return
	}
	sc := r.sc
	sc.acts = slices.Grow(sc.acts[:0], len(items))[:len(items)]
	clear(sc.acts)
	sc.usable, sc.ids, sc.wild, sc.anySvc = sc.usable[:0], sc.ids[:0], sc.wild[:0], sc.anySvc[:0]
	for i, a := range items {
		text, sh := a.Text, &sc.shapes[i]
		if sh.variable {
			continue
		}
		e := &sc.acts[i]
		found := sh.colon >= 0
		switch {
		case text == "*" || (found && sh.wildSvc):
			sc.anySvc = append(sc.anySvc, int32(i))
		case !found || sh.colons > 1 || sc.unknown[i]:
			continue // INVALID_ACTION says it better
		default:
			e.svc = sh.service(text)
			if sh.upperSvc || !sh.ascii {
				e.svc = strings.ToLower(e.svc)
			}
			if sh.wildName {
				e.wild = true
				sc.wild = append(sc.wild, int32(i))
			} else {
				sc.ids = append(sc.ids, int32(i)) // the literal entries
				e.ascii = sh.ascii
			}
		}
		e.usable = true
		sc.usable = append(sc.usable, int32(i))
	}
	usable := sc.usable
	// The wildcard entries with a literal service, by service.
	slices.SortFunc(sc.wild, func(a, b int32) int {
		if c := strings.Compare(sc.acts[a].svc, sc.acts[b].svc); c != 0 {
			return c
		}
		return int(a - b)
	})
	// A literal equal (ignoring case) to an earlier one is redundant.
	sc.dup = bools(sc.dup, len(items))
	sc.markLaterDuplicates(sc.dup, sc.ids,
		func(i, j int32) bool {
			if sc.acts[i].ascii && sc.acts[j].ascii {
				return asciiEqualFold(items[i].Text, items[j].Text)
			}
			return lowerEqual(items[i].Text, items[j].Text)
		},
		func(i, j int32) int { return lowerCompare(items[i].Text, items[j].Text) })
	red := sc.dup
	if len(sc.wild) > 0 || len(sc.anySvc) > 0 {
		// Without wildcards, the redundant entries are the duplicates.
		sc.red = bools(sc.red, len(items))
		red = sc.red
		for k := len(usable) - 1; k >= 0; k-- {
			i := usable[k]
			if r.actionCovered(items, usable, i) {
				red[i] = true
			}
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

// actionCovered reports whether entry i is granted by the other live
// entries. Entries are visited from the last to the first, so that of two
// equal entries the later one is the redundant one.
func (r *aaRun) actionCovered(items []*Value, usable []int32, i int32) bool {
	sc := r.sc
	text := items[i].Text
	if !hasWildcard(text) && sc.dup[i] {
		return true
	}
	if r.work <= 0 {
		return false
	}
	covered := func(list []int32) bool {
		for _, j := range list {
			if j != i && !sc.red[j] && r.covers(items[j].Text, text, true, false) {
				return true
			}
		}
		return false
	}
	svc := sc.acts[i].svc
	if svc == "" {
		// Any wildcard entry could cover it.
		if covered(sc.anySvc) || covered(sc.wild) {
			return true
		}
	} else {
		lo, _ := slices.BinarySearchFunc(sc.wild, svc, func(j int32, svc string) int {
			return strings.Compare(sc.acts[j].svc, svc)
		})
		hi := lo
		for hi < len(sc.wild) && sc.acts[sc.wild[hi]].svc == svc {
			hi++
		}
		if covered(sc.wild[lo:hi]) || covered(sc.anySvc) {
			return true
		}
	}
	if !hasWildcard(text) || r.v.idx == nil || svc == "" {
		return false
	}
	return r.actionUnionCovered(items, usable, i)
}

// actionUnionCovered expands a wildcard entry over the catalog and checks
// that the other entries of its service grant every action it matches.
func (r *aaRun) actionUnionCovered(items []*Value, usable []int32, i int32) bool {
	sc := r.sc
	svc, name, _ := strings.Cut(items[i].Text, ":")
	if r.work -= 1 + len(usable)/64; r.work <= 0 {
		return false
	}
	others := sc.others[:0]
	for _, j := range usable {
		if j != i && !sc.red[j] && (sc.acts[j].svc == sc.acts[i].svc || sc.acts[j].svc == "") {
			others = append(others, items[j].Text)
		}
	}
	sc.others = others
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
		covered := false
		for _, o := range others {
			if aaGlobMatchAction(o, s.Prefix, act.Name) {
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

// lowerEqual reports whether strings.ToLower(a) == strings.ToLower(b),
// without allocating when both are ASCII.
func lowerEqual(a, b string) bool {
	if !isASCII(a) || !isASCII(b) {
		return strings.ToLower(a) == strings.ToLower(b)
	}
	return asciiEqualFold(a, b)
}

// lowerCompare compares strings.ToLower(a) with strings.ToLower(b),
// without allocating when both are ASCII.
func lowerCompare(a, b string) int {
	if !isASCII(a) || !isASCII(b) {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	}
	n := min(len(a), len(b))
	for k := 0; k < n; k++ {
		if x, y := lowerASCII(a[k]), lowerASCII(b[k]); x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}
