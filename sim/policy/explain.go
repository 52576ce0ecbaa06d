package policy

// StatementTrace says how one statement of one policy met a request: what
// matched, what did not, and so whether the statement applied.
type StatementTrace struct {
	Policy    int    // index of the policy in the slice given to Explain
	Statement int    // index of the statement in the policy's Statement array
	Sid       string // the statement's Sid, or ""
	Effect    string // "Allow" or "Deny"
	// NotAction and NotResource say which form the statement uses, so an
	// explanation can say "the action is excluded by NotAction".
	NotAction, NotResource bool
	// ActionMatched and ResourceMatched are true when the Action (or
	// NotAction) and Resource (or NotResource) elements let the request
	// through.
	ActionMatched, ResourceMatched bool
	// Conditions traces every condition clause (operator and key), in the
	// policy's order. It is filled even when the action or resource did
	// not match, so that a student sees the whole statement.
	Conditions []ConditionTrace
	// Applies is true when the action, the resource and every condition
	// matched.
	Applies bool
}

// ConditionTrace is one condition clause against the request context.
type ConditionTrace struct {
	Operator string   // as written, e.g. "BoolIfExists"
	Key      string   // as written, e.g. "aws:MultiFactorAuthPresent"
	Values   []string // the policy's values, as written
	// RequestValues are the context's values of the key; nil when the
	// request has no such key.
	RequestValues []string
	Met           bool
}

// Explain decides a request like Evaluate and also traces every statement
// of every policy, so that a console can say why a request was allowed or
// denied: which statements applied and, for each that did not, whether the
// action, the resource or which condition failed. It is slower than
// Evaluate and meant for one request at a time (the "Why?" panel, the
// policy simulator), not for enforcement.
func Explain(policies []*Compiled, req Request) (Result, []StatementTrace) {
	res := Evaluate(policies, req)
	a := splitRequestAction(req.Action)
	var traces []StatementTrace
	for pi, p := range policies {
		if p == nil {
			continue
		}
		for si := range p.stmts {
			st := &p.stmts[si]
			t := StatementTrace{
				Policy: pi, Statement: st.index, Sid: st.sid, Effect: "Allow",
				NotAction: st.notAction, NotResource: st.notRes,
				ActionMatched:   st.actions.match(&a) != st.notAction,
				ResourceMatched: matchAnyResource(st.resources, req.Resource, req.Context) != st.notRes,
			}
			if st.deny {
				t.Effect = "Deny"
			}
			met := true
			for ci := range st.conds {
				c := &st.conds[ci]
				vals, _ := contextLookup(req.Context, c.key)
				ct := ConditionTrace{Operator: c.name, Key: c.key, Values: c.raw, Met: c.eval(req.Context)}
				if len(vals) > 0 {
					ct.RequestValues = append([]string(nil), vals...)
				}
				met = met && ct.Met
				t.Conditions = append(t.Conditions, ct)
			}
			t.Applies = t.ActionMatched && t.ResourceMatched && met
			traces = append(traces, t)
		}
	}
	return res, traces
}
