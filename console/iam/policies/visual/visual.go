// Package visual is the model of the console's visual policy editor: a
// policy document as the form shows it (per statement an effect, one
// service, its actions, its resources and its request conditions), the
// JSON the form means (ToJSON) and the form a JSON text becomes (FromJSON),
// with the reasons a text cannot be shown as a form.
package visual

import (
	"net/netip"
	"strconv"
	"strings"

	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// Doc is a policy document as the visual editor shows it.
type Doc struct {
	// Version is the policy language version ("" when the text has none).
	Version    string
	Statements []Statement
}

// Statement is one permission block of the form.
type Statement struct {
	Sid string
	// Effect is "Allow" or "Deny".
	Effect string
	// Service is the action prefix as written ("ec2"), "*" for all
	// services (Action "*"), "" while none is chosen.
	Service string
	// All is "All <service> actions" (svc:*); Actions are then empty.
	All bool
	// Actions are the individual actions chosen, "svc:Name", in order.
	Actions []string
	// AllResources is Resource "*"; otherwise ARNs are the specific ones.
	AllResources bool
	ARNs         []string
	Conditions   []Condition
}

// Condition is one request condition: an operator, a key and its values
// (the values are OR'd; conditions are AND'd).
type Condition struct {
	Operator, Key string
	Values        []string
}

// Condition keys and operators of the two fixed request conditions.
const (
	MFAKey      = "aws:MultiFactorAuthPresent"
	SourceIPKey = "aws:SourceIp"
)

// New is the document a new policy starts with (the JSON editor's text).
func New() Doc {
	return Doc{Version: "2012-10-17", Statements: []Statement{{Sid: "Statement1", Effect: "Allow"}}}
}

// baseOperators are the condition operators the form offers, by key type.
var baseOperators = [][2]string{
	{"String", "StringEquals StringNotEquals StringEqualsIgnoreCase StringNotEqualsIgnoreCase StringLike StringNotLike"},
	{"Numeric", "NumericEquals NumericNotEquals NumericLessThan NumericLessThanEquals NumericGreaterThan NumericGreaterThanEquals"},
	{"Date", "DateEquals DateNotEquals DateLessThan DateLessThanEquals DateGreaterThan DateGreaterThanEquals"},
	{"Bool", "Bool"},
	{"IPAddress", "IpAddress NotIpAddress"},
	{"ARN", "ArnEquals ArnLike ArnNotEquals ArnNotLike StringEquals StringLike"},
	{"", "Null"},
}

// Operators lists the operators the form offers for a key type (String,
// ARN, Numeric, Date, Bool, IPAddress; ArrayOf… types as their element
// type), Null last.
func Operators(keyType string) []string {
	t := strings.TrimPrefix(keyType, "ArrayOf")
	var out []string
	for _, o := range baseOperators {
		if o[0] == "" || strings.Contains("|"+t+"|", "|"+o[0]+"|") {
			out = append(out, strings.Fields(o[1])...)
		}
	}
	return out
}

// supported reports whether op is an operator the form can show: a base
// operator, optionally with IfExists and a ForAllValues:/ForAnyValue:
// qualifier.
func supported(op string) bool {
	base := op
	if q, rest, ok := strings.Cut(op, ":"); ok {
		if q != "ForAllValues" && q != "ForAnyValue" {
			return false
		}
		base = rest
	}
	if b := strings.TrimSuffix(base, "IfExists"); b != "Null" {
		base = b
	}
	for _, o := range baseOperators {
		for _, f := range strings.Fields(o[1]) {
			if f == base {
				return true
			}
		}
	}
	return false
}

// ---- JSON → form ----

// FromJSON reads a policy text as the form. Problems name, one a line,
// what the visual editor cannot show ("NotAction (statement 3)"); the
// document is only meaningful when there are none.
func FromJSON(text string) (Doc, []string) {
	pd, err := policy.Parse(text)
	if err != nil {
		return Doc{}, []string{"not valid JSON: " + err.Error()}
	}
	var d Doc
	var probs []string
	bad := func(what string) { probs = append(probs, what) }
	root := pd.Root
	if root.Kind != policy.Object {
		return d, []string{"the policy is not a JSON object"}
	}
	for _, m := range root.Effective() {
		switch m.Key {
		case "Version":
			if m.Value.Kind != policy.String {
				bad("Version is not a string")
			}
			d.Version = m.Value.Text
		case "Statement":
		default:
			bad(m.Key)
		}
	}
	switch st := pd.Statement; {
	case st == nil:
	case st.Kind == policy.Object:
	case st.Kind == policy.Array:
		if len(pd.Statements) != len(st.Items) {
			bad("a statement that is not an object")
		}
	default:
		bad("Statement is not an array")
	}
	for _, s := range pd.Statements {
		vs, p := statement(s)
		d.Statements = append(d.Statements, vs)
		for _, x := range p {
			bad(x + " (statement " + strconv.Itoa(s.Index+1) + ")")
		}
	}
	return d, probs
}

// statement reads one statement object.
func statement(s *policy.Statement) (Statement, []string) {
	var v Statement
	var probs []string
	bad := func(what string) { probs = append(probs, what) }
	for _, m := range s.Node.Effective() {
		switch m.Key {
		case "Sid", "Effect", "Action", "Resource", "Condition", "NotAction", "NotResource", "Principal", "NotPrincipal":
		default:
			bad(m.Key)
		}
	}
	if s.Sid != nil {
		if s.Sid.Kind != policy.String {
			bad("Sid is not a string")
		}
		v.Sid = s.Sid.Text
	}
	if s.Effect == nil || s.Effect.Text != "Allow" && s.Effect.Text != "Deny" {
		bad("Effect other than Allow or Deny")
	} else {
		v.Effect = s.Effect.Text
	}
	acts, ok := strs(s.Action)
	switch {
	case s.Action == nil:
		if s.NotAction == nil {
			bad("no Action")
		}
	case !ok:
		bad("Action is not a list of strings")
	}
	for _, a := range acts {
		if a == "*" {
			if len(acts) > 1 {
				bad("\"*\" with other actions")
			}
			v.Service, v.All = "*", true
			break
		}
		svc, name, found := strings.Cut(a, ":")
		switch {
		case !found || svc == "" || name == "":
			bad("action " + a + " (not service:action)")
			continue
		case v.Service != "" && !strings.EqualFold(v.Service, svc):
			bad("actions of several services (" + v.Service + ", " + svc + ")")
			continue
		case strings.ContainsAny(svc, "*?") || name != "*" && strings.ContainsAny(name, "*?"):
			bad("wildcard action " + a)
			continue
		}
		if v.Service == "" {
			v.Service = svc
		}
		if name == "*" {
			if len(acts) > 1 {
				bad(a + " with other actions")
			}
			v.All = true
			continue
		}
		v.Actions = append(v.Actions, a)
	}
	res, ok := strs(s.Resource)
	switch {
	case s.Resource == nil:
		if s.NotResource == nil {
			bad("no Resource")
		}
	case !ok:
		bad("Resource is not a list of strings")
	case len(res) == 1 && res[0] == "*":
		v.AllResources = true
	default:
		for _, r := range res {
			if r == "*" {
				bad("Resource \"*\" in a list")
			}
		}
		v.ARNs = res
	}
	if c := s.Condition; c != nil {
		if c.Kind != policy.Object {
			bad("Condition is not an object")
		}
		for _, om := range c.Effective() {
			if !supported(om.Key) {
				bad("condition operator " + om.Key)
				continue
			}
			if om.Value.Kind != policy.Object {
				bad("condition " + om.Key + " is not an object")
				continue
			}
			for _, km := range om.Value.Effective() {
				vals, ok := strs(km.Value)
				if !ok || len(vals) == 0 {
					bad("values of " + km.Key + " that are not strings")
					continue
				}
				v.Conditions = append(v.Conditions, Condition{Operator: om.Key, Key: km.Key, Values: vals})
			}
		}
	}
	if s.NotAction != nil {
		bad("NotAction")
	}
	if s.NotResource != nil {
		bad("NotResource")
	}
	if s.Principal != nil || s.NotPrincipal != nil {
		bad("Principal")
	}
	return v, probs
}

// strs returns the strings of a string or an array of strings.
func strs(v *policy.Value) ([]string, bool) {
	if v == nil {
		return nil, false
	}
	if v.Kind == policy.String {
		return []string{v.Text}, true
	}
	if v.Kind != policy.Array {
		return nil, false
	}
	out := []string{}
	for _, it := range v.Items {
		if it.Kind != policy.String {
			return nil, false
		}
		out = append(out, it.Text)
	}
	return out, true
}

// ---- form → JSON ----

// ToJSON writes the JSON the form means, indented by four spaces as the
// console's editor writes it.
func ToJSON(d Doc) string {
	var b strings.Builder
	b.WriteString("{\n")
	if d.Version != "" {
		b.WriteString(`    "Version": ` + quote(d.Version) + ",\n")
	}
	b.WriteString(`    "Statement": [`)
	for i, s := range d.Statements {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n        {\n")
		var ms []string
		if s.Sid != "" {
			ms = append(ms, `"Sid": `+quote(s.Sid))
		}
		ms = append(ms, `"Effect": `+quote(s.Effect))
		switch {
		case s.Service == "*":
			ms = append(ms, `"Action": "*"`)
		case s.All:
			ms = append(ms, `"Action": `+quote(s.Service+":*"))
		default:
			ms = append(ms, `"Action": `+list(s.Actions, "            "))
		}
		if s.AllResources {
			ms = append(ms, `"Resource": "*"`)
		} else {
			ms = append(ms, `"Resource": `+list(s.ARNs, "            "))
		}
		if len(s.Conditions) > 0 {
			ms = append(ms, `"Condition": `+conditions(s.Conditions))
		}
		b.WriteString("            " + strings.Join(ms, ",\n            ") + "\n        }")
	}
	if len(d.Statements) > 0 {
		b.WriteString("\n    ")
	}
	b.WriteString("]\n}")
	return b.String()
}

// conditions writes a Condition object: operators in order of first use,
// each with its keys.
func conditions(cs []Condition) string {
	var ops []string
	for _, c := range cs {
		if !has(ops, c.Operator) {
			ops = append(ops, c.Operator)
		}
	}
	const in = "                "
	var b strings.Builder
	b.WriteString("{")
	for i, op := range ops {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n" + in + quote(op) + ": {")
		n := 0
		for _, c := range cs {
			if c.Operator != op {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			v := quote(first(c.Values))
			if len(c.Values) > 1 {
				v = list(c.Values, in+"    ")
			}
			b.WriteString("\n" + in + "    " + quote(c.Key) + ": " + v)
		}
		b.WriteString("\n" + in + "}")
	}
	b.WriteString("\n            }")
	return b.String()
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

// list writes an array of strings, one a line, at an indentation.
func list(vs []string, indent string) string {
	if len(vs) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[")
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n" + indent + "    " + quote(v))
	}
	b.WriteString("\n" + indent + "]")
	return b.String()
}

// quote writes a JSON string.
func quote(s string) string {
	const hex = "0123456789abcdef"
	b := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}

func has(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// ---- the form's controls ----

// SetService chooses a statement's service ("*" for all services); the
// actions and specific ARNs of another service are dropped.
func (s *Statement) SetService(prefix string) {
	if strings.EqualFold(s.Service, prefix) {
		return
	}
	s.Service, s.Actions, s.All = prefix, nil, prefix == "*"
	if !s.AllResources {
		s.ARNs = nil
	}
}

// SetAll turns "All <service> actions" on or off.
func (s *Statement) SetAll(on bool) {
	s.All = on || s.Service == "*"
	if s.All {
		s.Actions = nil
	}
}

// HasAction reports whether the action name (without prefix) is chosen.
func (s *Statement) HasAction(name string) bool {
	return s.actionIndex(name) >= 0
}

func (s *Statement) actionIndex(name string) int {
	for i, a := range s.Actions {
		if _, n, _ := strings.Cut(a, ":"); strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// SetAction chooses or drops one action (its name without prefix).
func (s *Statement) SetAction(name string, on bool) {
	i := s.actionIndex(name)
	switch {
	case on && i < 0:
		s.All = false
		s.Actions = append(s.Actions, s.Service+":"+name)
	case !on && i >= 0:
		s.Actions = append(s.Actions[:i:i], s.Actions[i+1:]...)
	}
}

// SetLevel chooses or drops every action of an access level of the
// service ("All List actions"), in the catalog's order.
func (s *Statement) SetLevel(svc *catalog.Service, level catalog.AccessLevel, on bool) {
	for _, a := range svc.Actions {
		if a.Level == level {
			s.SetAction(a.Name, on)
		}
	}
}

// LevelState is how many of a level's actions are chosen, of how many.
func (s *Statement) LevelState(svc *catalog.Service, level catalog.AccessLevel) (chosen, total int) {
	for _, a := range svc.Actions {
		if a.Level == level {
			total++
			if s.All || s.HasAction(a.Name) {
				chosen++
			}
		}
	}
	return chosen, total
}

// AddARN adds a specific resource ARN once.
func (s *Statement) AddARN(arn string) {
	s.AllResources = false
	if !has(s.ARNs, arn) {
		s.ARNs = append(s.ARNs, arn)
	}
}

// RemoveARN drops a specific ARN.
func (s *Statement) RemoveARN(arn string) {
	for i, a := range s.ARNs {
		if a == arn {
			s.ARNs = append(s.ARNs[:i:i], s.ARNs[i+1:]...)
			return
		}
	}
}

// Condition returns the index of the condition of operator and key, or -1.
func (s *Statement) Condition(op, key string) int {
	for i, c := range s.Conditions {
		if c.Operator == op && strings.EqualFold(c.Key, key) {
			return i
		}
	}
	return -1
}

// SetCondition adds, replaces (same operator and key) or, with no values,
// removes a condition.
func (s *Statement) SetCondition(c Condition) {
	i := s.Condition(c.Operator, c.Key)
	switch {
	case i >= 0 && len(c.Values) == 0:
		s.Conditions = append(s.Conditions[:i:i], s.Conditions[i+1:]...)
	case i >= 0:
		s.Conditions[i] = c
	case len(c.Values) > 0:
		s.Conditions = append(s.Conditions, c)
	}
}

// RequireMFA turns Require MFA (Bool aws:MultiFactorAuthPresent "true")
// on or off.
func (s *Statement) RequireMFA(on bool) {
	c := Condition{Operator: "Bool", Key: MFAKey}
	if on {
		c.Values = []string{"true"}
	}
	s.SetCondition(c)
}

// SetSourceIP sets the Source IP condition (IpAddress aws:SourceIp) from a
// list of CIDR blocks or addresses separated by commas, spaces or lines;
// it returns the entries that are not valid, and then changes nothing.
func (s *Statement) SetSourceIP(list string) []string {
	var vals, bad []string
	for _, f := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }) {
		if !ValidIP(f) {
			bad = append(bad, f)
		}
		vals = append(vals, f)
	}
	if len(bad) == 0 {
		s.SetCondition(Condition{Operator: "IpAddress", Key: SourceIPKey, Values: vals})
	}
	return bad
}

// ValidIP reports whether v is an IPv4 or IPv6 CIDR block or address.
func ValidIP(v string) bool {
	if strings.Contains(v, "/") {
		_, err := netip.ParsePrefix(v)
		return err == nil
	}
	_, err := netip.ParseAddr(v)
	return err == nil
}

// Move moves statement i by delta places (−1 up, +1 down) when it can.
func (d *Doc) Move(i, delta int) {
	j := i + delta
	if i < 0 || j < 0 || i >= len(d.Statements) || j >= len(d.Statements) {
		return
	}
	d.Statements[i], d.Statements[j] = d.Statements[j], d.Statements[i]
}

// Remove drops statement i.
func (d *Doc) Remove(i int) {
	if i >= 0 && i < len(d.Statements) {
		d.Statements = append(d.Statements[:i:i], d.Statements[i+1:]...)
	}
}

// Add appends an empty Allow statement ("Add more permissions") with a
// Sid not yet used.
func (d *Doc) Add() {
	n := len(d.Statements) + 1
	for d.sidUsed("Statement" + strconv.Itoa(n)) {
		n++
	}
	d.Statements = append(d.Statements, Statement{Sid: "Statement" + strconv.Itoa(n), Effect: "Allow"})
}

func (d *Doc) sidUsed(sid string) bool {
	for _, s := range d.Statements {
		if s.Sid == sid {
			return true
		}
	}
	return false
}
