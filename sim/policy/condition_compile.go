package policy

import "fmt"

// compileConditions compiles a statement's Condition element. Of duplicate
// operator names, and of duplicate keys in one operator block, the last
// one wins, as with every JSON object in a policy. An operator IAM does
// not know is an error unless its block is empty (IAM accepts and ignores
// "{}" there).
func compileConditions(stmt int, cond *Value, vars bool) ([]condClause, error) {
	if cond == nil {
		return nil, nil
	}
	if cond.Kind != Object {
		return nil, compileErr(stmt, "Condition", cond, "must be an object")
	}
	var out []condClause
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
			texts, ok := conditionTexts(km.Value)
			if !ok {
				return nil, compileErr(stmt, "Condition", km.Value,
					fmt.Sprintf("%s: value of %s must be a string, number or boolean, or an array of them", m.Key, km.Key))
			}
			cl := condClause{op: op, key: km.Key, values: make([]condValue, len(texts))}
			for i, t := range texts {
				cl.values[i] = compileConditionValue(op.base, t, vars)
			}
			out = append(out, cl)
		}
	}
	return out, nil
}

// conditionTexts returns the texts of a condition value: a string, number
// or boolean (numbers keep their literal text), or an array of those.
func conditionTexts(v *Value) ([]string, bool) {
	switch v.Kind {
	case String, Number, Bool:
		return []string{v.Text}, true
	case Array:
		out := make([]string, len(v.Items))
		for i, it := range v.Items {
			switch it.Kind {
			case String, Number, Bool:
				out[i] = it.Text
			default:
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}
