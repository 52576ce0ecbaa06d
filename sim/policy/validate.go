package policy

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"labsim/sim/catalog"
)

// Options configures Validate.
type Options struct {
	// Type is the identity policy type (it decides the size quota).
	Type PolicyType
	// Actions is the action catalog; nil while it has not loaded, in which
	// case the checks that need it (action names, service condition keys,
	// resource ARN formats) are skipped.
	Actions catalog.Actions
}

// Validate runs Access Analyzer-style policy checks over a parsed identity
// policy and returns the findings in document order.
func Validate(doc *Document, opts Options) []Finding {
	return NewValidator(opts.Actions).Validate(doc, opts.Type)
}

// ValidateText parses text and validates it; a JSON syntax error becomes a
// single JSON_SYNTAX_ERROR finding.
func ValidateText(text string, opts Options) []Finding {
	return NewValidator(opts.Actions).ValidateText(text, opts.Type)
}

// Validator validates policies against one action catalog. Between calls
// it keeps the tables it derives from the catalog, the working memory of
// its last validation, and what the catalog said about the action names,
// ARNs and condition keys it has seen (a bounded memo), so build one per
// catalog and reuse it on every keystroke. It is safe for concurrent use:
// a validation that finds the working memory taken uses its own.
type Validator struct {
	cat catalog.Actions
	idx *catalogIndex
	mu  sync.Mutex
	// spare is the scratch memory of the last validation, or nil while a
	// validation is using it (a concurrent one then gets its own).
	spare *validateScratch
}

// NewValidator returns a Validator for the catalog (nil for none).
func NewValidator(actions catalog.Actions) *Validator {
	v := &Validator{cat: actions}
	if actions != nil {
		v.idx = newCatalogIndex(actions)
	}
	return v
}

// ValidateText parses text and validates it as Validate does.
func (v *Validator) ValidateText(text string, t PolicyType) []Finding {
	doc, err := Parse(text)
	if err != nil {
		return []Finding{syntaxFinding(err)}
	}
	return v.Validate(doc, t)
}

// syntaxFinding turns a parse error into a JSON_SYNTAX_ERROR finding.
func syntaxFinding(err error) Finding {
	var se *SyntaxError
	pos := Pos{Line: 1, Column: 1}
	if errors.As(err, &se) {
		pos = se.Pos
	}
	return Finding{
		Type: FindingError,
		Code: CodeJSONSyntaxError,
		Params: map[string]string{
			"index":  strconv.Itoa(pos.Offset),
			"line":   strconv.Itoa(pos.Line),
			"column": strconv.Itoa(pos.Column),
		},
		Span: Span{Start: pos, End: pos},
	}
}

// Validate runs the checks over a parsed document.
func (v *Validator) Validate(doc *Document, t PolicyType) []Finding {
	if doc == nil || doc.Root == nil {
		return nil
	}
	v.mu.Lock()
	sc := v.spare
	v.spare = nil
	v.mu.Unlock()
	if sc == nil {
		sc = new(validateScratch)
	}
	r := aaRun{v: v, doc: doc, typ: t, sc: sc, work: redundancyBudget, arnWork: arnBudget, suggestions: suggestionBudget}
	r.document()
	v.mu.Lock()
	v.spare = sc
	v.mu.Unlock()
	slices.SortStableFunc(r.out, func(a, b Finding) int {
		return a.Span.Start.Offset - b.Span.Start.Offset
	})
	return r.out
}

// aaRun is one validation pass.
type aaRun struct {
	v    *Validator
	doc  *Document
	typ  PolicyType
	vars bool // Version 2012-10-17: ${…} are policy variables
	out  []Finding
	sc   *validateScratch
	// work is what is left of the redundancy checks' budget of pattern
	// comparisons.
	work  int
	cheap int
	// arnWork bounds the resource-type comparisons (past it ARNs are not
	// compared with resource types); suggestions bounds "Did you mean".
	arnWork     int
	suggestions int
}

// redundancyBudget bounds the pattern comparisons of one validation, so
// that a huge policy of unrelated wildcards cannot stall the editor; past
// it the redundancy checks say nothing.
const redundancyBudget = 5000

// arnBudget and suggestionBudget bound the other costly checks the same
// way: resource-type comparisons of ARNs, and "Did you mean" searches.
const (
	arnBudget        = 5000
	suggestionBudget = 64
)

// suggest is suggest() within the run's budget.
func (r *aaRun) suggest(s string, candidates []string) string {
	if r.suggestions <= 0 {
		return ""
	}
	r.suggestions--
	return suggest(s, candidates)
}

// covers is globScratch.covers spending one unit of the budget on each
// pattern comparison that needs the quadratic check; false once spent.
func (r *aaRun) covers(b, a string, fold, vars bool) bool {
	if r.work <= 0 {
		return false
	}
	if r.cheap++; r.cheap%16 == 0 {
		r.work-- // sixteen cheap comparisons cost one unit
	}
	vars = vars && hasPolicyVar(a)
	if !vars && !hasWildcard(a) {
		return aaGlobMatch(b, a, fold)
	}
	al, bl := literalPrefixVars(a, vars), literalPrefix(b)
	if len(al) < len(bl) || !hasPrefixFold(al, bl, fold) {
		return false
	}
	r.work--
	return r.sc.glob.covers(b, a, fold, vars)
}

// add records a finding; kv are alternating parameter names and values.
func (r *aaRun) add(code string, span Span, kv ...string) {
	f := Finding{Type: findingMessages[code].typ, Code: code, Span: span}
	if len(kv) > 0 {
		f.Params = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			f.Params[kv[i]] = kv[i+1]
		}
	}
	r.out = append(r.out, f)
}

// document checks the top level, then each statement.
func (r *aaRun) document() {
	root := r.doc.Root
	r.duplicateKeys(root, 0)
	if root.Kind != Object {
		r.add(CodeDataTypeMismatch, root.Span, "data_type", "Object")
		return
	}
	for _, m := range root.Members {
		switch m.Key {
		case "Version", "Id", "Statement":
		default:
			r.add(CodeInvalidPolicyElement, m.KeySpan, "element", m.Key)
		}
	}
	r.version()
	if id := r.doc.ID; id != nil && id.Kind != String {
		r.add(CodeDataTypeMismatch, id.Span, "data_type", "String")
	}
	r.statementElement()
	for _, s := range r.doc.Statements {
		r.statement(s)
	}
	r.sids()
	r.redundantStatements()
	if q := r.typ.SizeQuota(); r.doc.Size > q {
		r.add(CodePolicySizeExceedsIdentityQuota, root.Span,
			"policySize", strconv.Itoa(r.doc.Size), "policySizeQuota", strconv.Itoa(q))
	}
}

// version checks the Version element and decides whether ${…} are
// variables.
func (r *aaRun) version() {
	v := r.doc.Version
	switch {
	case v == nil:
		r.add(CodeMissingVersion, openSpan(r.doc.Root))
	case v.Kind != String:
		r.add(CodeDataTypeMismatch, v.Span, "data_type", "String")
	case v.Text != iamVersion20121017 && v.Text != iamVersion20081017:
		r.add(CodeInvalidVersion, v.Span, "version", v.Text, "versions", iamVersion20121017+", "+iamVersion20081017)
	}
	r.vars = v != nil && v.Kind == String && v.Text == iamVersion20121017
}

// statementElement checks the shape of the Statement element.
func (r *aaRun) statementElement() {
	st := r.doc.Statement
	switch {
	case st == nil:
		r.add(CodeMissingStatement, openSpan(r.doc.Root))
	case st.Kind == Array:
		if len(st.Items) == 0 {
			r.add(CodeMissingStatement, st.Span)
		}
		for _, it := range st.Items {
			if it.Kind != Object {
				r.add(CodeDataTypeMismatch, it.Span, "data_type", "Object")
			}
		}
	case st.Kind != Object:
		r.add(CodeDataTypeMismatch, st.Span, "data_type", "Object")
	}
}

// sids checks Sid values: type, emptiness, characters, uniqueness.
func (r *aaRun) sids() {
	stmts, sc := r.doc.Statements, r.sc
	sc.ids = sc.ids[:0]
	for i, s := range stmts {
		if sid := s.Sid; sid != nil && sid.Kind == String && sid.Text != "" {
			sc.ids = append(sc.ids, int32(i))
		}
	}
	sc.dup = bools(sc.dup, len(stmts))
	sc.markLaterDuplicates(sc.dup, sc.ids,
		func(i, j int32) bool { return stmts[i].Sid.Text == stmts[j].Sid.Text },
		func(i, j int32) int { return strings.Compare(stmts[i].Sid.Text, stmts[j].Sid.Text) })
	for i, s := range stmts {
		sid := s.Sid
		if sid == nil {
			continue
		}
		if sid.Kind != String {
			r.add(CodeDataTypeMismatch, sid.Span, "data_type", "String")
			continue
		}
		if sid.Text == "" {
			r.add(CodeEmptySidValue, sid.Span)
			continue
		}
		if !isAlnum(sid.Text) {
			r.add(CodeUnsupportedSid, sid.Span)
		}
		if sc.dup[i] {
			r.add(CodeUniqueSidsRequired, sid.Span)
		}
	}
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// statement checks one statement's elements.
func (r *aaRun) statement(s *Statement) {
	for _, m := range s.Node.Members {
		switch m.Key {
		case "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition":
		case "Principal", "NotPrincipal":
			r.add(CodeUnsupportedPrincipal, m.KeySpan, "policy_type", "IDENTITY_POLICY")
		default:
			r.add(CodeInvalidPolicyElement, m.KeySpan, "element", m.Key)
		}
	}
	switch e := s.Effect; {
	case e == nil:
		r.add(CodeMissingEffect, openSpan(s.Node))
	case e.Kind != String:
		r.add(CodeDataTypeMismatch, e.Span, "data_type", "String")
	case e.Text != "Allow" && e.Text != "Deny":
		r.add(CodeInvalidEffect, e.Span, "effect", e.Text)
	}
	r.pair(s, "Action", "NotAction", s.Action, s.NotAction, CodeMissingAction)
	r.pair(s, "Resource", "NotResource", s.Resource, s.NotResource, CodeMissingResource)
	if s.Action != nil {
		r.actionElement(s.Action)
	}
	if s.NotAction != nil {
		r.actionElement(s.NotAction)
	}
	if s.Resource != nil {
		r.resourceElement(s.Resource)
	}
	if s.NotResource != nil {
		r.resourceElement(s.NotResource)
	}
	r.condition(s)
	r.serviceRoleChecks(s)
}

// pair reports a missing element or a forbidden combination.
func (r *aaRun) pair(s *Statement, pos, neg string, pv, nv *Value, missing string) {
	switch {
	case pv == nil && nv == nil:
		r.add(missing, openSpan(s.Node))
	case pv != nil && nv != nil:
		r.add(CodeUnsupportedElementCombination, memberKeySpan(s.Node, neg), "element1", pos, "element2", neg)
	}
}

// elementStrings returns the string entries of an Action- or
// Resource-like element, reporting wrong JSON types and an empty array.
// A single string is returned in one, so that nothing is allocated.
func (r *aaRun) elementStrings(v *Value, emptyCode string, one *[1]*Value) []*Value {
	switch v.Kind {
	case String:
		one[0] = v
		return one[:]
	case Array:
		if len(v.Items) == 0 {
			r.add(emptyCode, v.Span)
			return nil
		}
		bad := 0
		for _, it := range v.Items {
			if it.Kind != String {
				r.add(CodeDataTypeMismatch, it.Span, "data_type", "String")
				bad++
			}
		}
		if bad == 0 {
			return v.Items
		}
		out := make([]*Value, 0, len(v.Items)-bad)
		for _, it := range v.Items {
			if it.Kind == String {
				out = append(out, it)
			}
		}
		return out
	}
	r.add(CodeDataTypeMismatch, v.Span, "data_type", "Array")
	return nil
}

// duplicateKeys reports keys that appear more than once in an object,
// pointing at the earlier (ignored) occurrences, through the whole tree.
func (r *aaRun) duplicateKeys(v *Value, depth int) {
	if depth > MaxDepth {
		return
	}
	switch v.Kind {
	case Array:
		for _, it := range v.Items {
			r.duplicateKeys(it, depth+1)
		}
	case Object:
		ms := v.Members
		if len(ms) > 1 {
			if len(ms) <= 16 {
				for i := 0; i < len(ms); i++ {
					for j := i + 1; j < len(ms); j++ {
						if ms[i].Key == ms[j].Key {
							r.add(CodeDuplicateKey, ms[i].KeySpan, "key", ms[i].Key)
							break
						}
					}
				}
			} else {
				last := make(map[string]int, len(ms))
				for i, m := range ms {
					last[m.Key] = i
				}
				for i, m := range ms {
					if last[m.Key] != i {
						r.add(CodeDuplicateKey, m.KeySpan, "key", m.Key)
					}
				}
			}
		}
		for _, m := range ms {
			r.duplicateKeys(m.Value, depth+1)
		}
	}
}
