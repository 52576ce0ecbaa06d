package policies

import (
	"strconv"
	"strings"

	"labsim/console/core"
	"labsim/console/iam/policies/visual"
	"labsim/sim/catalog"
)

// setMode switches the editor between the Visual and JSON tabs. JSON →
// Visual only when the form can show the text; otherwise the student stays
// on JSON with a note naming what it cannot show.
func setMode(m core.Model, mode string) (core.Model, []core.Effect) {
	if mode != "visual" {
		return m.SetFields(fieldMode, "json", fieldNote, ""), nil
	}
	if _, probs := visual.FromJSON(m.Field(fieldDoc)); len(probs) > 0 {
		return m.SetFields(fieldNote, strings.Join(probs, "; ")), []core.Effect{core.Focus{ID: "pe-note"}}
	}
	return m.SetFields(fieldMode, "visual", fieldNote, ""), nil
}

// visualClick runs one control of the Visual tab: it reads the form from
// the editor's text, changes it and writes the JSON back, so the text stays
// the one document both tabs show (saved, checked and counted as before).
func visualClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	w := parseWhere(m.Route())
	_, _, t, ok := editorFor(m, w)
	if !ok {
		return m, nil
	}
	d, probs := visual.FromJSON(m.Field(fieldDoc))
	if len(probs) > 0 {
		return m.SetFields(fieldMode, "json", fieldNote, strings.Join(probs, "; ")), nil
	}
	is, rest, _ := strings.Cut(arg, ":")
	i, err := strconv.Atoi(is)
	if action == "policies.v.add" {
		d.Add()
		i, err = len(d.Statements)-1, nil
	}
	if err != nil || i < 0 || i >= len(d.Statements) {
		return m, nil
	}
	s := &d.Statements[i]
	f := func(what string) string { return m.Field(vField(what, i)) }
	var cs *catalog.Service
	if m.Actions != nil {
		svc := s.Service
		if svc == "" {
			svc = f("svc")
		}
		cs, _ = m.Actions.Service(svc)
	}
	pending := func() {
		// A service chosen before any action lives in its field.
		if s.Service == "" && f("svc") != "" {
			s.Service = f("svc")
		}
	}
	switch action {
	case "policies.v.effect":
		s.Effect = rest
	case "policies.v.svc":
		s.SetService(rest)
		m = m.SetFields(vField("svc", i), rest, vField("open", i), "", vField("actq", i), "")
	case "policies.v.all":
		pending()
		s.SetAll(!s.All)
	case "policies.v.level":
		if l, ok := levelOf(rest); ok && cs != nil {
			pending()
			chosen, total := s.LevelState(cs, l)
			if s.All {
				s.SetAll(false)
				chosen = 0
			}
			s.SetLevel(cs, l, chosen < total)
		}
	case "policies.v.open":
		if f("open") == rest {
			rest = ""
		}
		return m.SetFields(vField("open", i), rest), nil
	case "policies.v.act":
		if cs != nil {
			pending()
			if s.All {
				// Unticking one action of "all": every other stays chosen.
				s.SetAll(false)
				for _, a := range cs.Actions {
					s.SetAction(a.Name, true)
				}
			}
			s.SetAction(rest, !s.HasAction(rest))
		}
	case "policies.v.res":
		s.AllResources = rest == "all"
		if s.AllResources {
			s.ARNs = nil
		}
	case "policies.v.arnAdd":
		if cs == nil {
			return m, nil
		}
		rt := f("rt")
		for k, r := range cs.ResourceTypes {
			if r.Name == rt || rt == "" && k == 0 {
				s.AddARN(visual.BuildARN(r.ARN, func(part string) string { return m.Field(vField("arnp", i) + "." + part) }))
			}
		}
	case "policies.v.arnText":
		a := strings.TrimSpace(f("arn"))
		if visual.CheckARN(a, s.Service) != "" {
			return m, []core.Effect{core.Focus{ID: vField("arn", i)}}
		}
		s.AddARN(a)
		m = m.SetFields(vField("arn", i), "")
	case "policies.v.arnDel":
		s.RemoveARN(rest)
	case "policies.v.mfa":
		s.RequireMFA(s.Condition("Bool", visual.MFAKey) < 0)
	case "policies.v.ip":
		if bad := s.SetSourceIP(f("ip")); len(bad) > 0 {
			return m, []core.Effect{core.Focus{ID: vField("ip", i)}}
		}
	case "policies.v.cond":
		c, problem := newCondition(m, i)
		if problem != "" {
			return m.SetFields(vField("err", i), problem), nil
		}
		s.SetCondition(c)
		m = m.SetFields(vField("err", i), "", vField("ck", i), "", vField("cv", i), "", vField("co", i), "")
	case "policies.v.condDel":
		if k, err := strconv.Atoi(rest); err == nil && k >= 0 && k < len(s.Conditions) {
			s.Conditions = append(s.Conditions[:k:k], s.Conditions[k+1:]...)
		}
	case "policies.v.del", "policies.v.up", "policies.v.down":
		j := i + 1
		if action == "policies.v.up" {
			j = i - 1
		}
		if action == "policies.v.del" {
			d.Remove(i)
		} else {
			d.Move(i, j-i)
		}
		m = shiftWork(m, i, j, action == "policies.v.del", len(d.Statements)+1)
	}
	if action != "policies.v.del" && action != "policies.v.up" && action != "policies.v.down" && s.Service != "" {
		// The service stays chosen when its last action is unticked.
		m = m.SetFields(vField("svc", i), s.Service)
	}
	text := visual.ToJSON(d)
	m = m.SetFields(fieldDoc, text)
	return checkEditor(m, text, t), nil
}

// workFields are the per-statement working fields that follow a
// statement when statements move.
var workFields = []string{"svc", "svcq", "actq", "open", "rt", "arn", "ip", "ck", "co", "cv", "err"}

// shiftWork swaps the working fields of statements i and j, or, when i is
// removed, moves every later statement's up by one.
func shiftWork(m core.Model, i, j int, removed bool, n int) core.Model {
	var kv []string
	for _, w := range workFields {
		if !removed {
			if j >= 0 && j < n-1 {
				kv = append(kv, vField(w, i), m.Field(vField(w, j)), vField(w, j), m.Field(vField(w, i)))
			}
			continue
		}
		for k := i; k < n; k++ {
			kv = append(kv, vField(w, k), m.Field(vField(w, k+1)))
		}
	}
	return m.SetFields(kv...)
}

// levelOf is the access level of a letter (L, R, W, P, T).
func levelOf(letter string) (catalog.AccessLevel, bool) {
	for _, l := range levels {
		if string(catalog.LevelLetter(l)) == letter {
			return l, true
		}
	}
	return "", false
}

// newCondition reads "Add another condition": a key, an operator the form
// offers and values separated by commas; the problem is a message key.
func newCondition(m core.Model, i int) (visual.Condition, string) {
	key := strings.TrimSpace(m.Field(vField("ck", i)))
	op := m.Field(vField("co", i))
	var vals []string
	for _, v := range strings.Split(m.Field(vField("cv", i)), ",") {
		if v = strings.TrimSpace(v); v != "" {
			vals = append(vals, v)
		}
	}
	typ := ""
	if k, ok := catalog.GlobalConditionKey(key); ok {
		typ = k.Type
	} else if m.Actions != nil {
		if k, ok := m.Actions.ConditionKey(key); ok {
			typ = k.Type
		}
	}
	switch {
	case key == "":
		return visual.Condition{}, "visual.err.key"
	case typ == "":
		return visual.Condition{}, "visual.err.unknownKey"
	case len(vals) == 0:
		return visual.Condition{}, "visual.err.values"
	}
	ops := visual.Operators(strings.Split(typ, "|")[0])
	if op == "" {
		op = ops[0]
	}
	if !contains(ops, op) {
		return visual.Condition{}, "visual.err.op"
	}
	if strings.Contains(op, "IpAddress") {
		for _, v := range vals {
			if !visual.ValidIP(v) {
				return visual.Condition{}, "visual.err.ip"
			}
		}
	}
	return visual.Condition{Operator: op, Key: key, Values: vals}, ""
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// clearWork forgets the working fields of the first statements (a new
// document is being edited).
func clearWork(m core.Model) core.Model {
	var kv []string
	for i := 0; i < 10; i++ {
		for _, w := range workFields {
			if m.Field(vField(w, i)) != "" {
				kv = append(kv, vField(w, i), "")
			}
		}
	}
	return m.SetFields(kv...)
}
