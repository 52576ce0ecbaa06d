package policy

// Last returns the value of the last member whose key equals key exactly,
// or nil. IAM, like most JSON readers, keeps the last of duplicate keys, so
// the policy elements of a Document are looked up with Last.
func (v *Value) Last(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i := len(v.Members) - 1; i >= 0; i-- {
		if v.Members[i].Key == key {
			return v.Members[i].Value
		}
	}
	return nil
}

// Effective returns the members of an object with duplicate keys removed:
// for each key only its last occurrence is kept, in document order. It
// returns v.Members itself when there are no duplicates.
func (v *Value) Effective() []Member {
	if v == nil || v.Kind != Object {
		return nil
	}
	dup := false
	for i := 1; i < len(v.Members) && !dup; i++ {
		for j := 0; j < i; j++ {
			if v.Members[i].Key == v.Members[j].Key {
				dup = true
				break
			}
		}
	}
	if !dup {
		return v.Members
	}
	out := make([]Member, 0, len(v.Members))
	for i, m := range v.Members {
		later := false
		for j := i + 1; j < len(v.Members); j++ {
			if v.Members[j].Key == m.Key {
				later = true
				break
			}
		}
		if !later {
			out = append(out, m)
		}
	}
	return out
}

// stringList returns the strings of a value that is a string or an array
// of strings, and whether it was of that shape.
func stringList(v *Value) ([]*Value, bool) {
	if v == nil {
		return nil, false
	}
	switch v.Kind {
	case String:
		return []*Value{v}, true
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

// buildDocument finds the policy elements in a parsed JSON tree.
func buildDocument(root *Value) *Document {
	doc := &Document{Root: root}
	if root.Kind != Object {
		return doc
	}
	doc.Version = root.Last("Version")
	doc.ID = root.Last("Id")
	doc.Statement = root.Last("Statement")
	switch st := doc.Statement; {
	case st == nil:
	case st.Kind == Object:
		doc.Statements = []*Statement{statementOf(0, st, new(Statement))}
	case st.Kind == Array:
		n := 0
		for _, it := range st.Items {
			if it.Kind == Object {
				n++
			}
		}
		if n == 0 {
			break
		}
		// One allocation for the statements, one for the pointers.
		stmts := make([]Statement, n)
		doc.Statements = make([]*Statement, 0, n)
		for i, it := range st.Items {
			if it.Kind == Object {
				doc.Statements = append(doc.Statements, statementOf(i, it, &stmts[len(doc.Statements)]))
			}
		}
	}
	return doc
}

// statementOf fills s with the elements of the statement object node,
// the last of each when a key is repeated, and returns it.
func statementOf(i int, node *Value, s *Statement) *Statement {
	s.Index, s.Node = i, node
	for k := range node.Members {
		m := &node.Members[k]
		var el **Value
		switch m.Key {
		case "Sid":
			el = &s.Sid
		case "Effect":
			el = &s.Effect
		case "Principal":
			el = &s.Principal
		case "NotPrincipal":
			el = &s.NotPrincipal
		case "Action":
			el = &s.Action
		case "NotAction":
			el = &s.NotAction
		case "Resource":
			el = &s.Resource
		case "NotResource":
			el = &s.NotResource
		case "Condition":
			el = &s.Condition
		default:
			continue
		}
		*el = m.Value // a later duplicate replaces an earlier one
	}
	return s
}
