package policy

import "fmt"

// compileConditions compiles a statement's Condition element. Of duplicate
// operator names, and of duplicate keys in one operator block, the last
// one wins, as with every JSON object in a policy. An operator IAM does
// not know is an error unless its block is empty (IAM accepts and ignores
// "{}" there).
func compileConditions(stmt int, cond *Value, vars bool) ([]condClause, error) {
	var c compiler
	return c.conditions(stmt, cond, vars)
}

// conditions is compileConditions with the compiler's slabs.
func (c *compiler) conditions(stmt int, cond *Value, vars bool) ([]condClause, error) {
	if cond == nil {
		return nil, nil
	}
	if cond.Kind != Object {
		return nil, compileErr(stmt, "Condition", cond, "must be an object")
	}
	out := c.clauses.take(countClauses(cond))[:0]
	var one [1]*Value
	for _, m := range cond.Effective() {
		body := m.Value
		if body.Kind != Object {
			return nil, compileErr(stmt, "Condition", body, fmt.Sprintf("operator %s must map to an object", m.Key))
		}
		op, ok := parseConditionOperator(m.Key)
		if !ok {
			if len(body.Members) == 0 {
				continue
			}
			return nil, compileErr(stmt, "Condition", body, fmt.Sprintf("unknown condition operator %s", m.Key))
		}
		for _, km := range body.Effective() {
			items, ok := conditionItems(km.Value, &one)
			if !ok {
				return nil, compileErr(stmt, "Condition", km.Value,
					fmt.Sprintf("%s: value of %s must be a string, number or boolean, or an array of them", m.Key, km.Key))
			}
			cl := condClause{op: op, key: km.Key, values: c.values.take(len(items)), name: m.Key, raw: make([]string, len(items))}
			for i, it := range items {
				cl.values[i] = c.conditionValue(op.base, it.Text, vars)
				cl.raw[i] = it.Text
			}
			out = append(out, cl)
		}
	}
	return out, nil
}

// countClauses counts the key entries of the operator blocks of a
// Condition object: at least as many as the clauses it compiles to.
func countClauses(cond *Value) int {
	n := 0
	for _, m := range cond.Members {
		n += len(m.Value.Members)
	}
	return n
}

// conditionItems returns the entries of a condition value: a string,
// number or boolean (numbers keep their literal text), or an array of
// those. A single value is returned in one, so that nothing is allocated.
func conditionItems(v *Value, one *[1]*Value) ([]*Value, bool) {
	switch v.Kind {
	case String, Number, Bool:
		one[0] = v
		return one[:], true
	case Array:
		for _, it := range v.Items {
			switch it.Kind {
			case String, Number, Bool:
			default:
				return nil, false
			}
		}
		return v.Items, true
	}
	return nil, false
}
