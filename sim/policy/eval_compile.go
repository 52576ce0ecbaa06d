package policy

import (
	"fmt"

	"labsim/sim/awserr"
)

// Compiled is a policy prepared for evaluation: its patterns, values and
// variables are parsed once, so that each request only compares. A
// Compiled is immutable and safe for concurrent use.
type Compiled struct {
	stmts []compiledStatement
	index serviceIndex
}

// compiledStatement is one statement ready to match.
type compiledStatement struct {
	index     int // position in the Statement array
	sid       string
	deny      bool
	notAction bool
	actions   actionSet
	notRes    bool
	resources []*globPattern
	conds     []condClause
}

// CompileError reports why a policy cannot be evaluated. It unwraps to an
// awserr.Error with code MalformedPolicyDocument.
type CompileError struct {
	// Statement is the index of the statement in the Statement array, or
	// -1 for a problem with the document itself.
	Statement int
	// Element names the policy element: "Statement", "Effect", "Action",
	// "Resource", "Condition", ...
	Element string
	Msg     string // what is wrong
	Span    Span   // where the offending value is; zero when unknown
}

// Error describes the problem and where it is.
func (e *CompileError) Error() string {
	where := ""
	if e.Statement >= 0 {
		where = fmt.Sprintf("statement %d: ", e.Statement)
	}
	if e.Span.Start.Line > 0 {
		where = fmt.Sprintf("line %d, column %d: %s", e.Span.Start.Line, e.Span.Start.Column, where)
	}
	return where + e.Element + ": " + e.Msg
}

// Unwrap returns the domain error: MalformedPolicyDocument.
func (e *CompileError) Unwrap() error {
	return awserr.New(awserr.MalformedPolicyDocument, "element", e.Element, "reason", e.Msg)
}

func compileErr(stmt int, element string, at *Value, msg string) *CompileError {
	e := &CompileError{Statement: stmt, Element: element, Msg: msg}
	if at != nil {
		e.Span = at.Span
	}
	return e
}

// Compile prepares a parsed policy for evaluation. It rejects what it can
// give no meaning to: a document that is not an object, a missing or
// non-object Statement, an Effect other than exactly "Allow" or "Deny",
// a statement with both or neither of Action and NotAction (or Resource
// and NotResource), elements of the wrong JSON type, and condition
// operators IAM does not know (with a non-empty block). It does not
// report what validation reports (Principal in an identity policy, an
// unknown Version, malformed ARNs, ...). Policy variables are expanded
// only when Version is exactly "2012-10-17".
func Compile(doc *Document) (*Compiled, error) {
	if doc == nil || doc.Root == nil {
		return nil, fmt.Errorf("compile policy: %w", compileErr(-1, "Document", nil, "no document"))
	}
	if doc.Root.Kind != Object {
		return nil, fmt.Errorf("compile policy: %w", compileErr(-1, "Document", doc.Root, "policy must be a JSON object"))
	}
	vars := false
	if v := doc.Version; v != nil {
		if v.Kind != String {
			return nil, fmt.Errorf("compile policy: %w", compileErr(-1, "Version", v, "must be a string"))
		}
		vars = v.Text == "2012-10-17"
	}
	st := doc.Statement
	if st == nil {
		return nil, fmt.Errorf("compile policy: %w", compileErr(-1, "Statement", nil, "policy has no Statement"))
	}
	switch st.Kind {
	case Object:
	case Array:
		for i, it := range st.Items {
			if it.Kind != Object {
				return nil, fmt.Errorf("compile policy: %w", compileErr(i, "Statement", it, "must be an object"))
			}
		}
	default:
		return nil, fmt.Errorf("compile policy: %w", compileErr(-1, "Statement", st, "must be an object or an array of objects"))
	}
	c := &Compiled{stmts: make([]compiledStatement, 0, len(doc.Statements))}
	var cc compiler
	cc.hint(doc)
	for _, s := range doc.Statements {
		cs, err := cc.statement(s, vars)
		if err != nil {
			return nil, fmt.Errorf("compile policy: %w", err)
		}
		c.stmts = append(c.stmts, cs)
	}
	c.index = buildServiceIndex(c.stmts)
	return c, nil
}

// CompileText parses and compiles a policy text.
func CompileText(text string) (*Compiled, error) {
	doc, err := Parse(text)
	if err != nil {
		return nil, fmt.Errorf("parse policy: %w", err)
	}
	return Compile(doc)
}

// compiler compiles the statements of one policy. The patterns, lists
// and condition values of the policy are carved from its slabs, and its
// scratch buffers are reused from one statement to the next, so that a
// policy costs a few allocations rather than several per string.
type compiler struct {
	globs   globCompiler
	ptrs    slab[*globPattern]
	groups  slab[actionGroup]
	clauses slab[condClause]
	values  slab[condValue]
	arns    slab[[6]*globPattern]
	// Scratch space of actionSet.
	svcBuf   []string // the service of each entry
	svcs     []string // the services of the groups
	countBuf []int    // the size of each group
}

// hint sizes the slabs for a document, so that little of them is left
// unused: one pattern for each Action, Resource and condition value (a
// few more for ARN values). Few patterns need elements (those with '?',
// variables or inner '*'), so those slabs start small.
func (c *compiler) hint(doc *Document) {
	strs, keys, values := 0, 0, 0
	for _, s := range doc.Statements {
		for _, v := range [...]*Value{s.Action, s.NotAction, s.Resource, s.NotResource} {
			if v != nil {
				strs += max(1, len(v.Items))
			}
		}
		if s.Condition != nil {
			for _, op := range s.Condition.Members {
				keys += len(op.Value.Members)
				for _, kv := range op.Value.Members {
					values += max(1, len(kv.Value.Items))
				}
			}
		}
	}
	c.ptrs.hint(strs)
	c.globs.pats.hint(strs + values)
	c.groups.hint(len(doc.Statements))
	c.clauses.hint(keys)
	c.values.hint(values)
}

// statement compiles one statement.
func (c *compiler) statement(s *Statement, vars bool) (compiledStatement, error) {
	cs := compiledStatement{index: s.Index}
	if s.Sid != nil {
		if s.Sid.Kind != String {
			return cs, compileErr(s.Index, "Sid", s.Sid, "must be a string")
		}
		cs.sid = s.Sid.Text
	}
	switch {
	case s.Effect == nil:
		return cs, compileErr(s.Index, "Effect", s.Node, "statement has no Effect")
	case s.Effect.Kind == String && s.Effect.Text == "Allow":
	case s.Effect.Kind == String && s.Effect.Text == "Deny":
		cs.deny = true
	default:
		return cs, compileErr(s.Index, "Effect", s.Effect, `must be "Allow" or "Deny"`)
	}

	var one [1]*Value
	acts, notAct, err := pickElement(s, "Action", s.Action, s.NotAction, &one)
	if err != nil {
		return cs, err
	}
	cs.notAction = notAct
	cs.actions = c.actionSet(acts)

	res, notRes, err := pickElement(s, "Resource", s.Resource, s.NotResource, &one)
	if err != nil {
		return cs, err
	}
	cs.notRes = notRes
	cs.resources = c.ptrs.take(len(res))
	for i, r := range res {
		cs.resources[i] = c.globs.compile(r.Text, globOptions{wild: true, vars: vars})
	}

	cs.conds, err = c.conditions(s.Index, s.Condition, vars)
	return cs, err
}

// pickElement returns the strings of exactly one of an element and its
// Not twin, and whether it was the Not twin. one holds the element when
// it is a single string.
func pickElement(s *Statement, name string, pos, neg *Value, one *[1]*Value) ([]*Value, bool, error) {
	switch {
	case pos != nil && neg != nil:
		return nil, false, compileErr(s.Index, name, neg, fmt.Sprintf("statement has both %s and Not%s", name, name))
	case pos == nil && neg == nil:
		return nil, false, compileErr(s.Index, name, s.Node, fmt.Sprintf("statement has neither %s nor Not%s", name, name))
	}
	v, elem, not := pos, name, false
	if neg != nil {
		v, elem, not = neg, "Not"+name, true
	}
	out, ok := stringItems(v, one)
	if !ok {
		return nil, false, compileErr(s.Index, elem, v, "must be a string or an array of strings")
	}
	return out, not, nil
}

// stringItems returns the entries of a string or an array of strings,
// and whether v was of that shape. A single string is returned in one,
// so that nothing is allocated.
func stringItems(v *Value, one *[1]*Value) ([]*Value, bool) {
	switch v.Kind {
	case String:
		one[0] = v
		return one[:], true
	case Array:
		for _, it := range v.Items {
			if it.Kind != String {
				return nil, false
			}
		}
		return v.Items, true
	}
	return nil, false
}
