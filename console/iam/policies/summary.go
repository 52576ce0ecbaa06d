package policies

import (
	"sort"
	"strings"

	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// Row is one line of a policy summary: what one effect grants or denies
// on one service, as the console's "Permissions defined in this policy"
// table shows it (by service, with the access levels from the action
// catalog, the resources and the request conditions).
type Row struct {
	Effect string // "Allow" or "Deny"
	// Prefix is the service's action prefix; Service its name. Both are
	// empty for the row of all services.
	Prefix, Service string
	// AllServices: Action "*" (or the services a NotAction leaves out:
	// Others).
	AllServices, Others bool
	// Unknown: the catalog has no such service.
	Unknown bool
	// Full and Limited are the access levels of which every action, or
	// only some, are granted.
	Full, Limited []catalog.AccessLevel
	// Resources are the statement's resources ("*" for all); NotResource
	// says they are the ones excluded.
	Resources   []string
	NotResource bool
	// Conditions are "operator key: values" texts.
	Conditions []string
}

// FullAccess reports whether every action of the service is granted.
func (r Row) FullAccess() bool {
	return r.AllServices || r.Others || len(r.Limited) == 0 && len(r.Full) > 0
}

// levels are the access levels in the console's order.
var levels = []catalog.AccessLevel{catalog.List, catalog.Read, catalog.Write, catalog.PermissionsManagement, catalog.Tagging}

// Summarize computes a policy's summary from its document and the action
// catalog: one row per effect and service, rows of the same effect and
// service merged. A nil document (not JSON) has no summary.
func Summarize(doc *policy.Document, acts catalog.Actions) []Row {
	if doc == nil || acts == nil {
		return nil
	}
	type key struct{ effect, prefix string }
	type acc struct {
		row     Row
		granted map[string]bool
	}
	rows := map[key]*acc{}
	var order []key
	get := func(k key) *acc {
		if a, ok := rows[k]; ok {
			return a
		}
		a := &acc{row: Row{Effect: k.effect, Prefix: k.prefix}, granted: map[string]bool{}}
		switch k.prefix {
		case "*":
			a.row.Prefix, a.row.AllServices = "", true
		case "*others":
			a.row.Prefix, a.row.Others = "", true
		default:
			if svc, ok := acts.Service(k.prefix); ok {
				a.row.Service = svc.Name
			} else {
				a.row.Unknown = true
			}
		}
		rows[k] = a
		order = append(order, k)
		return a
	}
	for _, st := range doc.Statements {
		if st.Effect == nil || st.Effect.Kind != policy.String {
			continue
		}
		effect := st.Effect.Text
		resources, notRes := strs(st.Resource), false
		if st.Resource == nil && st.NotResource != nil {
			resources, notRes = strs(st.NotResource), true
		}
		conds := conditions(st.Condition)
		var touched []*acc
		if st.Action != nil {
			for _, a := range strs(st.Action) {
				if a == "*" {
					touched = append(touched, get(key{effect, "*"}))
					continue
				}
				prefix, name, ok := strings.Cut(a, ":")
				if !ok {
					continue
				}
				prefix = strings.ToLower(prefix)
				r := get(key{effect, prefix})
				touched = append(touched, r)
				if svc, ok := acts.Service(prefix); ok {
					for _, act := range svc.Actions {
						if glob(strings.ToLower(name), strings.ToLower(act.Name)) {
							r.granted[act.Name] = true
						}
					}
				}
			}
		} else if st.NotAction != nil {
			excluded := map[string][]string{}
			all := false
			for _, a := range strs(st.NotAction) {
				if a == "*" {
					all = true
					continue
				}
				prefix, name, ok := strings.Cut(a, ":")
				if ok {
					excluded[strings.ToLower(prefix)] = append(excluded[strings.ToLower(prefix)], strings.ToLower(name))
				}
			}
			if all {
				continue
			}
			prefixes := make([]string, 0, len(excluded))
			for p := range excluded {
				prefixes = append(prefixes, p)
			}
			sort.Strings(prefixes)
			for _, p := range prefixes {
				svc, ok := acts.Service(p)
				if !ok {
					continue
				}
				r := get(key{effect, p})
				touched = append(touched, r)
				for _, act := range svc.Actions {
					out := false
					for _, pat := range excluded[p] {
						if glob(pat, strings.ToLower(act.Name)) {
							out = true
							break
						}
					}
					if !out {
						r.granted[act.Name] = true
					}
				}
			}
			touched = append(touched, get(key{effect, "*others"}))
		}
		for _, r := range touched {
			r.row.Resources = union(r.row.Resources, resources)
			r.row.NotResource = r.row.NotResource || notRes
			r.row.Conditions = union(r.row.Conditions, conds)
		}
	}
	out := make([]Row, 0, len(order))
	for _, k := range order {
		a := rows[k]
		if svc, ok := acts.Service(k.prefix); ok && !a.row.AllServices && !a.row.Others {
			for _, l := range levels {
				total, got := 0, 0
				for _, act := range svc.Actions {
					if act.Level == l {
						total++
						if a.granted[act.Name] {
							got++
						}
					}
				}
				switch {
				case total > 0 && got == total:
					a.row.Full = append(a.row.Full, l)
				case got > 0:
					a.row.Limited = append(a.row.Limited, l)
				}
			}
		}
		out = append(out, a.row)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Effect != b.Effect {
			return a.Effect == "Allow"
		}
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		return strings.ToLower(a.Service+a.Prefix) < strings.ToLower(b.Service+b.Prefix)
	})
	return out
}

// rank orders the rows of one effect: all services, services, the others.
func rank(r Row) int {
	switch {
	case r.AllServices:
		return 0
	case r.Others:
		return 2
	}
	return 1
}

// strs returns the strings of a string or an array of strings.
func strs(v *policy.Value) []string {
	if v == nil {
		return nil
	}
	if v.Kind == policy.String {
		return []string{v.Text}
	}
	var out []string
	for _, it := range v.Items {
		if it.Kind == policy.String {
			out = append(out, it.Text)
		}
	}
	return out
}

// conditions renders a Condition block as "operator key: values" texts.
func conditions(v *policy.Value) []string {
	var out []string
	for _, op := range v.Effective() {
		for _, k := range op.Value.Effective() {
			var vals []string
			if k.Value.Kind == policy.Array {
				for _, it := range k.Value.Items {
					vals = append(vals, it.Text)
				}
			} else {
				vals = []string{k.Value.Text}
			}
			out = append(out, op.Key+" "+k.Key+": "+strings.Join(vals, ", "))
		}
	}
	return out
}

func union(a, b []string) []string {
	for _, s := range b {
		found := false
		for _, t := range a {
			if s == t {
				found = true
				break
			}
		}
		if !found {
			a = append(a, s)
		}
	}
	return a
}

// glob matches a pattern with '*' (any run) and '?' (one character).
func glob(p, s string) bool {
	star, mark := -1, 0
	i, j := 0, 0
	for j < len(s) {
		switch {
		case i < len(p) && (p[i] == '?' || p[i] == s[j]):
			i++
			j++
		case i < len(p) && p[i] == '*':
			star, mark = i, j
			i++
		case star >= 0:
			i = star + 1
			mark++
			j = mark
		default:
			return false
		}
	}
	for i < len(p) && p[i] == '*' {
		i++
	}
	return i == len(p)
}
