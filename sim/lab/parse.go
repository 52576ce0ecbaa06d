package lab

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"labsim/sim/account"
	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// Limits of a lab file. Texts are counted in characters.
const (
	MaxFileBytes       = 256 << 10
	MaxSteps           = 40
	MaxHints           = 5
	MaxChecks          = 10
	MinChoices         = 2
	MaxChoices         = 6
	MaxTitle           = 80
	MaxDescription     = 300
	MaxInstructions    = 1200
	MaxHint            = 400
	MaxLabel           = 120
	MaxQuestion        = 300
	MaxChoiceText      = 160
	MaxWhy             = 240
	MaxIDLength        = 64
	MaxMinutes         = 600
	maxNameLength      = 128
	maxContextEntries  = 16
	maxRequestsInCheck = 16
)

// Error is one problem of a lab file: where it is, which step and field it
// concerns, and what is wrong.
type Error struct {
	File   string
	Line   int
	Column int
	// Step is the ID (or, before the ID is known, the position) of the step
	// the problem is in; "" for the lab's own fields.
	Step string
	// Field is the path of the field, e.g. "checks[1].name".
	Field string
	Msg   string
}

// Error formats the problem as FILE:LINE:COL: step "ID", FIELD: MESSAGE.
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(e.Column))
	b.WriteString(": ")
	if e.Step != "" {
		b.WriteString("step ")
		b.WriteString(e.Step)
		if e.Field != "" {
			b.WriteString(", ")
		} else {
			b.WriteString(": ")
		}
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in a lab file, in the order of the file.
type Errors []Error

// Error joins the problems, one a line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// StartWorlds returns the prepared worlds a lab may start from with the
// IAM entities each of them already has, which checks may name without an
// earlier step creating them. Every world of sim.PreparedWorlds is here (a
// test keeps them in step); delegation-done is the IAM scenario of the
// textbook done by the root user and SuperUser.
func StartWorlds() map[string]Entities {
	return map[string]Entities{
		"fresh":     {},
		"demo":      {},
		"signed-up": {},
		"root-mfa":  {},
		"delegation-done": {
			Users:    []string{"SuperUser", "Luna"},
			Groups:   []string{"NetworkAdmin"},
			Policies: []string{"NetworkAdminGuardrails"},
		},
	}
}

// Parse reads and validates one lab file. name is used in messages. On any
// problem it returns nil and an Errors listing every problem found.
func Parse(name string, data []byte) (*Lab, error) {
	return parse(name, data, nil)
}

// ParseAmong is Parse for a lab offered beside others (an instructor's lab
// beside the built-in labs and the instructor's earlier files): its id must
// not be one of theirs, or the error names the field and says whose it is.
func ParseAmong(name string, data []byte, others []*Lab) (*Lab, error) {
	taken := make(map[string]string, len(others))
	for _, o := range others {
		if o.File == "" || strings.HasPrefix(o.File, "builtin/") {
			taken[o.ID] = "a built-in lab"
		} else {
			taken[o.ID] = o.File
		}
	}
	return parse(name, data, taken)
}

func parse(name string, data []byte, taken map[string]string) (*Lab, error) {
	p := &parser{file: name, src: string(data), taken: taken}
	if len(data) > MaxFileBytes {
		p.errs = append(p.errs, Error{File: name, Line: 1, Column: 1,
			Msg: fmt.Sprintf("the file is larger than %d bytes", MaxFileBytes)})
		return nil, p.errs
	}
	if !utf8.Valid(data) {
		p.errs = append(p.errs, Error{File: name, Line: 1, Column: 1, Msg: "the file is not UTF-8 text"})
		return nil, p.errs
	}
	doc, err := policy.Parse(p.src)
	if err != nil {
		var se *policy.SyntaxError
		if errors.As(err, &se) {
			p.errs = append(p.errs, Error{File: name, Line: se.Pos.Line, Column: se.Pos.Column,
				Msg: "not JSON: " + se.Msg})
		} else {
			p.errs = append(p.errs, Error{File: name, Line: 1, Column: 1, Msg: "not JSON: " + err.Error()})
		}
		return nil, p.errs
	}
	l := p.lab(doc.Root)
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b Error) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Column - b.Column
		})
		return nil, p.errs
	}
	l.File = name
	return l, nil
}

// parser collects the problems of one file.
type parser struct {
	file string
	src  string
	errs Errors
	step string
	// known holds the IAM entities that exist at the current step: from
	// the start world, earlier steps and the current step.
	known map[string]bool
	// taken maps the ids of other labs offered beside this one to whose
	// they are (ParseAmong).
	taken map[string]string
}

func (p *parser) at(pos policy.Pos, field, msg string) {
	p.errs = append(p.errs, Error{File: p.file, Line: pos.Line, Column: pos.Column, Step: p.step,
		Field: field, Msg: msg})
}

func (p *parser) errorf(v *policy.Value, field, format string, args ...any) {
	p.at(v.Span.Start, field, fmt.Sprintf(format, args...))
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// kindName names a JSON kind in messages.
func kindName(k policy.Kind) string {
	switch k {
	case policy.Null:
		return "null"
	case policy.Bool:
		return "true or false"
	case policy.Number:
		return "a number"
	case policy.String:
		return "a string"
	case policy.Array:
		return "an array"
	default:
		return "an object"
	}
}

func (p *parser) want(v *policy.Value, path string, k policy.Kind) bool {
	if v.Kind == k {
		return true
	}
	p.errorf(v, path, "must be %s, not %s", kindName(k), kindName(v.Kind))
	return false
}

// fields checks that v is an object whose keys are all allowed, none
// repeated, and the required ones present; it returns the members by key.
func (p *parser) fields(v *policy.Value, path string, allowed, required []string) map[string]*policy.Value {
	if !p.want(v, path, policy.Object) {
		return nil
	}
	out := make(map[string]*policy.Value, len(v.Members))
	for _, m := range v.Members {
		f := join(path, m.Key)
		switch {
		case !slices.Contains(allowed, m.Key):
			p.at(m.KeySpan.Start, f, fmt.Sprintf("unknown field %q (allowed here: %s)", m.Key,
				strings.Join(allowed, ", ")))
		case out[m.Key] != nil:
			p.at(m.KeySpan.Start, f, "repeated field")
		default:
			out[m.Key] = m.Value
		}
	}
	for _, r := range required {
		if out[r] == nil {
			p.errorf(v, join(path, r), "missing")
		}
	}
	return out
}

// str reads a non-empty string of at most max characters (no limit when
// max is 0).
func (p *parser) str(v *policy.Value, path string, max int) (string, bool) {
	if v == nil || !p.want(v, path, policy.String) {
		return "", false
	}
	if strings.TrimSpace(v.Text) == "" {
		p.errorf(v, path, "must not be empty")
		return "", false
	}
	if n := utf8.RuneCountInString(v.Text); max > 0 && n > max {
		p.errorf(v, path, "is %d characters long; at most %d", n, max)
		return "", false
	}
	return v.Text, true
}

// id reads an identifier: lowercase letters, digits and hyphens, starting
// with a letter or digit.
func (p *parser) id(v *policy.Value, path string) (string, bool) {
	s, ok := p.str(v, path, MaxIDLength)
	if !ok {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' && i > 0) {
			p.errorf(v, path, "%q is not an ID: use lowercase letters, digits and hyphens (e.g. \"create-user\")", s)
			return "", false
		}
	}
	return s, true
}

// iamName reads an IAM user, group or policy name.
func (p *parser) iamName(v *policy.Value, path string) (string, bool) {
	s, ok := p.str(v, path, maxNameLength)
	if !ok {
		return "", false
	}
	for _, r := range s {
		if !(r < utf8.RuneSelf && (isASCIILetter(byte(r)) || '0' <= r && r <= '9' || strings.ContainsRune("+=,.@_-", r))) {
			p.errorf(v, path, "%q is not an IAM name: use letters, digits and + = , . @ _ -", s)
			return "", false
		}
	}
	return s, true
}

func (p *parser) integer(v *policy.Value, path string, lo, hi int) (int, bool) {
	if v == nil || !p.want(v, path, policy.Number) {
		return 0, false
	}
	n, err := strconv.Atoi(v.Text)
	if err != nil || n < lo || n > hi {
		p.errorf(v, path, "must be a whole number from %d to %d", lo, hi)
		return 0, false
	}
	return n, true
}

func (p *parser) boolean(v *policy.Value, path string) *bool {
	if v == nil || !p.want(v, path, policy.Bool) {
		return nil
	}
	b := v.Text == "true"
	return &b
}

// text reads {"ko": …, "en": …} of plain text.
func (p *parser) text(v *policy.Value, path string, max int) Text {
	f := p.fields(v, path, langs(), langs())
	var t Text
	if f == nil {
		return t
	}
	if f["ko"] != nil {
		t.Ko, _ = p.str(f["ko"], join(path, "ko"), max)
	}
	if f["en"] != nil {
		t.En, _ = p.str(f["en"], join(path, "en"), max)
	}
	return t
}

// langs returns the languages every text is written in.
func langs() []string { return []string{"ko", "en"} }

// rich reads {"ko": …, "en": …} of lab markup.
func (p *parser) rich(v *policy.Value, path string, max int) Rich {
	f := p.fields(v, path, langs(), langs())
	var r Rich
	if f == nil {
		return r
	}
	for _, lang := range langs() {
		fv := f[lang]
		if fv == nil {
			continue
		}
		s, ok := p.str(fv, join(path, lang), max)
		if !ok {
			continue
		}
		doc, err := ParseRich(s)
		if err != nil {
			var re *RichError
			if errors.As(err, &re) {
				p.at(p.posInString(fv, re.Offset), join(path, lang), re.Msg)
			} else {
				p.errorf(fv, join(path, lang), "%v", err)
			}
			continue
		}
		if lang == "ko" {
			r.Source.Ko, r.Ko = s, doc
		} else {
			r.Source.En, r.En = s, doc
		}
	}
	return r
}

// posInString maps a byte offset of a string value's decoded text to its
// position in the file, walking the string as written (escapes included).
func (p *parser) posInString(v *policy.Value, offset int) policy.Pos {
	pos := v.Span.Start
	i := pos.Offset + 1 // after the opening quote
	pos.Column++
	for d := 0; d < offset && i < len(p.src) && p.src[i] != '"'; {
		if p.src[i] == '\\' && i+1 < len(p.src) {
			if p.src[i+1] == 'u' && i+6 <= len(p.src) {
				r, _ := strconv.ParseUint(p.src[i+2:i+6], 16, 32)
				d += utf8.RuneLen(rune(r))
				if r >= 0xD800 && r < 0xDC00 && i+12 <= len(p.src) && p.src[i+6] == '\\' {
					d++ // a surrogate pair decodes to 4 bytes (3 + 1 here)
					i += 6
					pos.Column += 6
				}
				i += 6
				pos.Column += 6
				continue
			}
			d++
			i += 2
			pos.Column += 2
			continue
		}
		_, size := utf8.DecodeRuneInString(p.src[i:])
		d += size
		i += size
		pos.Column++
	}
	pos.Offset = i
	return pos
}

func (p *parser) lab(root *policy.Value) *Lab {
	l := &Lab{}
	f := p.fields(root, "", []string{"id", "version", "title", "description", "minutes",
		"passing_score", "start", "steps"},
		[]string{"id", "version", "title", "description", "minutes", "passing_score", "start", "steps"})
	if f == nil {
		return l
	}
	if v := f["id"]; v != nil {
		l.ID, _ = p.id(v, "id")
		if whose, ok := p.taken[l.ID]; ok && l.ID != "" {
			p.errorf(v, "id", "lab id %q is already used by %s", l.ID, whose)
		}
	}
	if v := f["version"]; v != nil {
		l.Version, _ = p.integer(v, "version", 1, 1_000_000)
	}
	if v := f["title"]; v != nil {
		l.Title = p.text(v, "title", MaxTitle)
	}
	if v := f["description"]; v != nil {
		l.Description = p.text(v, "description", MaxDescription)
	}
	if v := f["minutes"]; v != nil {
		l.Minutes, _ = p.integer(v, "minutes", 1, MaxMinutes)
	}
	if v := f["passing_score"]; v != nil {
		l.PassingScore, _ = p.integer(v, "passing_score", 0, 100)
	}
	p.known = map[string]bool{}
	if v := f["start"]; v != nil {
		l.Start = p.start(v)
	}
	if v := f["steps"]; v != nil && p.want(v, "steps", policy.Array) {
		switch {
		case len(v.Items) == 0:
			p.errorf(v, "steps", "a lab needs at least one step")
		case len(v.Items) > MaxSteps:
			p.errorf(v, "steps", "%d steps; at most %d", len(v.Items), MaxSteps)
		}
		ids := map[string]bool{}
		for i, sv := range v.Items {
			s := p.stepAt(sv, index("steps", i))
			if s.ID != "" {
				if ids[s.ID] {
					p.errorf(sv.Get("id"), "id", "another step already has the ID %q", s.ID)
				}
				ids[s.ID] = true
			}
			l.Steps = append(l.Steps, s)
		}
		p.step = ""
	}
	return l
}

func (p *parser) start(v *policy.Value) Start {
	var s Start
	f := p.fields(v, "start", []string{"world", "assumes"}, []string{"world"})
	if f == nil {
		return s
	}
	worlds := StartWorlds()
	if wv := f["world"]; wv != nil {
		if w, ok := p.str(wv, "start.world", 0); ok {
			if _, known := worlds[w]; known || w == KeepWorld {
				s.World = w
			} else {
				names := make([]string, 0, len(worlds)+1)
				for n := range worlds {
					names = append(names, n)
				}
				slices.Sort(names)
				names = append(names, KeepWorld)
				p.errorf(wv, "start.world", "unknown world %q (one of: %s)", w, strings.Join(names, ", "))
			}
		}
	}
	if av := f["assumes"]; av != nil {
		if s.World != KeepWorld && s.World != "" {
			p.errorf(av, "start.assumes", "only a lab that keeps the student's world (\"world\": \"keep\") states what it assumes; %q is known", s.World)
		}
		af := p.fields(av, "start.assumes", []string{"users", "groups", "policies"}, nil)
		s.Assumes.Users = p.names(af["users"], "start.assumes.users")
		s.Assumes.Groups = p.names(af["groups"], "start.assumes.groups")
		s.Assumes.Policies = p.names(af["policies"], "start.assumes.policies")
	}
	ents := worlds[s.World]
	if s.World == KeepWorld {
		ents = s.Assumes
	}
	for _, u := range ents.Users {
		p.known["user:"+u] = true
	}
	for _, g := range ents.Groups {
		p.known["group:"+g] = true
	}
	for _, pol := range ents.Policies {
		p.known["policy:"+pol] = true
	}
	return s
}

func (p *parser) names(v *policy.Value, path string) []string {
	if v == nil || !p.want(v, path, policy.Array) {
		return nil
	}
	var out []string
	for i, nv := range v.Items {
		if n, ok := p.iamName(nv, index(path, i)); ok {
			out = append(out, n)
		}
	}
	return out
}

// stepAt parses one step; its checks may name what the start world, an
// earlier step or this step creates.
func (p *parser) stepAt(v *policy.Value, path string) Step {
	var s Step
	p.step = "at " + path
	f := p.fields(v, "", []string{"id", "title", "instructions", "hints", "needs", "checks"},
		[]string{"id", "title", "checks"})
	if f == nil {
		return s
	}
	if iv := f["id"]; iv != nil {
		if id, ok := p.id(iv, "id"); ok {
			s.ID = id
			p.step = strconv.Quote(id)
		}
	}
	if tv := f["title"]; tv != nil {
		s.Title = p.text(tv, "title", MaxTitle)
	}
	if iv := f["instructions"]; iv != nil {
		s.Instructions = p.rich(iv, "instructions", MaxInstructions)
	}
	if hv := f["hints"]; hv != nil && p.want(hv, "hints", policy.Array) {
		if len(hv.Items) > MaxHints {
			p.errorf(hv, "hints", "%d hints; at most %d", len(hv.Items), MaxHints)
		}
		for i, h := range hv.Items {
			s.Hints = append(s.Hints, p.rich(h, index("hints", i), MaxHint))
		}
	}
	s.Needs = NeedsAll
	if nv := f["needs"]; nv != nil {
		if n, ok := p.str(nv, "needs", 0); ok {
			if n != string(NeedsAll) && n != string(NeedsAny) {
				p.errorf(nv, "needs", "must be \"all\" or \"any\", not %q", n)
			}
			s.Needs = Needs(n)
		}
	}
	cv := f["checks"]
	if cv == nil || !p.want(cv, "checks", policy.Array) {
		return s
	}
	switch {
	case len(cv.Items) == 0:
		p.errorf(cv, "checks", "a step needs at least one check")
	case len(cv.Items) > MaxChecks:
		p.errorf(cv, "checks", "%d checks; at most %d", len(cv.Items), MaxChecks)
	}
	var refs []ref
	for i, c := range cv.Items {
		ck, r := p.check(c, index("checks", i))
		refs = append(refs, r...)
		s.Checks = append(s.Checks, ck)
		if ck.Kind == KindQuiz && len(cv.Items) > 1 {
			p.errorf(c, index("checks", i), "a quiz question must be the only check of its step")
		}
	}
	// What this step creates may be named by its own checks and later ones.
	for _, c := range s.Checks {
		switch c.Kind {
		case KindUserExists:
			p.known["user:"+c.Name] = true
		case KindGroupExists:
			p.known["group:"+c.Name] = true
		case KindCustomerPolicyExists:
			p.known["policy:"+c.Name] = true
		}
	}
	for _, r := range refs {
		if !p.known[r.kind+":"+r.name] {
			what := map[string]string{"user": "IAM user", "group": "IAM group", "policy": "customer managed policy"}[r.kind]
			p.errorf(r.at, r.field, "%s %q is neither in the start world nor created by this or an earlier step (a %s check creates it)",
				what, r.name, map[string]string{"user": "user_exists", "group": "group_exists", "policy": "customer_policy_exists"}[r.kind])
		}
	}
	if s.Quiz() == nil && f["instructions"] == nil {
		p.errorf(v, "instructions", "missing (only a quiz step may leave them out)")
	}
	return s
}

// ref is a name a check uses that must exist by then.
type ref struct {
	kind, name, field string
	at                *policy.Value
}

// checkFields returns, for a kind, its fields besides kind and label and
// which of them are required; ok is false for an unknown kind.
func checkFields(k Kind) (allowed, required []string, ok bool) {
	switch k {
	case KindAccountCreated, KindRootMFAEnabled:
		return nil, nil, true
	case KindSupportPlan:
		return []string{"plan"}, []string{"plan"}, true
	case KindSignedIn:
		return []string{"as", "user"}, []string{"as"}, true
	case KindMFASignInDone:
		return []string{"user"}, nil, true
	case KindUserExists:
		return []string{"name", "console_access", "must_change_password"}, []string{"name"}, true
	case KindGroupExists:
		return []string{"name"}, []string{"name"}, true
	case KindUserInGroup:
		return []string{"user", "group"}, []string{"user", "group"}, true
	case KindPolicyAttached:
		return []string{"to", "policy"}, []string{"to", "policy"}, true
	case KindCustomerPolicyExists:
		return []string{"name", "allows", "denies"}, []string{"name"}, true
	case KindPolicyDecision:
		return []string{"principal", "action", "resource", "context", "expect"}, []string{"principal", "action", "expect"}, true
	case KindEvent:
		return []string{"action", "principal", "decision", "source_ip_outside"}, []string{"action"}, true
	case KindQuiz:
		return []string{"question", "choices", "answer"}, []string{"question", "choices", "answer"}, true
	}
	return nil, nil, false
}

func kindList() string {
	names := make([]string, 0, len(Kinds()))
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

func (p *parser) check(v *policy.Value, path string) (Check, []ref) {
	var c Check
	if !p.want(v, path, policy.Object) {
		return c, nil
	}
	kv := v.Get("kind")
	if kv == nil {
		p.errorf(v, join(path, "kind"), "missing (one of: %s)", kindList())
		return c, nil
	}
	k, ok := p.str(kv, join(path, "kind"), 0)
	if !ok {
		return c, nil
	}
	allowed, required, known := checkFields(Kind(k))
	if !known {
		p.errorf(kv, join(path, "kind"), "unknown check kind %q (one of: %s)", k, kindList())
		return c, nil
	}
	c.Kind = Kind(k)
	f := p.fields(v, path, append([]string{"kind", "label"}, allowed...), required)
	if f == nil {
		return c, nil
	}
	if lv := f["label"]; lv != nil {
		c.Label = p.text(lv, join(path, "label"), MaxLabel)
	}
	var refs []ref
	use := func(kind, name, key string) {
		if name != "" {
			refs = append(refs, ref{kind, name, join(path, key), f[key]})
		}
	}
	name := func(key string) string {
		if f[key] == nil {
			return ""
		}
		s, _ := p.iamName(f[key], join(path, key))
		return s
	}
	switch c.Kind {
	case KindSupportPlan:
		if plan, ok := p.str(f["plan"], join(path, "plan"), 0); ok {
			if len(account.ValidateSupportPlan(plan)) > 0 {
				p.errorf(f["plan"], join(path, "plan"), "unknown support plan %q (basic, developer or business)", plan)
			}
			c.Plan = plan
		}
	case KindSignedIn:
		if as, ok := p.str(f["as"], join(path, "as"), 0); ok {
			c.As = as
			switch {
			case as == AsRoot && f["user"] != nil:
				p.errorf(f["user"], join(path, "user"), "only for \"as\": \"iam_user\"")
			case as == AsIAMUser && f["user"] == nil:
				p.errorf(v, join(path, "user"), "missing: which IAM user signs in")
			case as != AsRoot && as != AsIAMUser:
				p.errorf(f["as"], join(path, "as"), "must be \"root\" or \"iam_user\", not %q", as)
			}
		}
		c.User = name("user")
		use("user", c.User, "user")
	case KindMFASignInDone:
		c.User = name("user")
		use("user", c.User, "user")
	case KindUserExists:
		c.Name = name("name")
		if f["console_access"] != nil {
			c.ConsoleAccess = p.boolean(f["console_access"], join(path, "console_access"))
		}
		if f["must_change_password"] != nil {
			c.MustChangePassword = p.boolean(f["must_change_password"], join(path, "must_change_password"))
		}
	case KindGroupExists:
		c.Name = name("name")
	case KindUserInGroup:
		c.User, c.Group = name("user"), name("group")
		use("user", c.User, "user")
		use("group", c.Group, "group")
	case KindPolicyAttached:
		if to, ok := p.str(f["to"], join(path, "to"), maxNameLength+6); ok {
			kind, n, _ := strings.Cut(to, "/")
			if (kind != "user" && kind != "group") || n == "" {
				p.errorf(f["to"], join(path, "to"), "must be \"user/NAME\" or \"group/NAME\", not %q", to)
			} else {
				c.ToKind, c.To = kind, n
				use(kind, n, "to")
			}
		}
		if pol, ok := p.str(f["policy"], join(path, "policy"), 2048); ok {
			c.Policy = pol
			if _, managed := catalog.LookupManagedPolicy(pol); !managed {
				if strings.HasPrefix(pol, "arn:") {
					p.errorf(f["policy"], join(path, "policy"), "%q is not an AWS managed policy the simulator knows; name a customer managed policy by its name", pol)
				} else {
					use("policy", pol, "policy")
				}
			}
		}
	case KindCustomerPolicyExists:
		c.Name = name("name")
		c.Allows = p.requests(f["allows"], join(path, "allows"))
		c.Denies = p.requests(f["denies"], join(path, "denies"))
	case KindPolicyDecision:
		c.Principal = name("principal")
		use("user", c.Principal, "principal")
		c.Request = p.request(v, f, path)
		if e, ok := p.str(f["expect"], join(path, "expect"), 0); ok {
			c.Expect = p.decision(f["expect"], join(path, "expect"), e)
		}
	case KindEvent:
		c.Action, _ = p.action(f["action"], join(path, "action"))
		if pv := f["principal"]; pv != nil {
			if pr, ok := p.str(pv, join(path, "principal"), 2048); ok {
				c.Principal = pr
				if pr != AsRoot && pr != "anonymous" && !strings.HasPrefix(pr, "arn:") {
					if n, ok := p.iamName(pv, join(path, "principal")); ok {
						use("user", n, "principal")
					}
				}
			}
		}
		if dv := f["decision"]; dv != nil {
			if d, ok := p.str(dv, join(path, "decision"), 0); ok {
				c.Decision = p.decision(dv, join(path, "decision"), d)
			}
		}
		if sv := f["source_ip_outside"]; sv != nil {
			if s, ok := p.str(sv, join(path, "source_ip_outside"), 64); ok {
				pfx, err := netip.ParsePrefix(s)
				if err != nil {
					p.errorf(sv, join(path, "source_ip_outside"), "%q is not an address range: write it as CIDR, e.g. \"203.0.113.0/24\"", s)
				}
				c.SourceOutside = pfx.Masked()
			}
		}
	case KindQuiz:
		p.quiz(f, path, &c)
	}
	return c, refs
}

func (p *parser) decision(v *policy.Value, path, d string) string {
	switch d {
	case DecisionAllowed, DecisionImplicitlyDenied, DecisionExplicitlyDenied, DecisionDenied:
		return d
	}
	p.errorf(v, path, "must be Allowed, ImplicitlyDenied, ExplicitlyDenied or Denied, not %q", d)
	return ""
}

// action reads "service:Action" (wildcards are not allowed: a check asks
// about one request).
func (p *parser) action(v *policy.Value, path string) (string, bool) {
	a, ok := p.str(v, path, 256)
	if !ok {
		return "", false
	}
	svc, name, found := strings.Cut(a, ":")
	if !found || svc == "" || name == "" || strings.ContainsAny(a, "*? ") {
		p.errorf(v, path, "%q is not an action: write service:Action, e.g. \"iam:CreateUser\"", a)
		return "", false
	}
	return a, true
}

func (p *parser) requests(v *policy.Value, path string) []Request {
	if v == nil || !p.want(v, path, policy.Array) {
		return nil
	}
	if len(v.Items) == 0 || len(v.Items) > maxRequestsInCheck {
		p.errorf(v, path, "must list 1 to %d requests", maxRequestsInCheck)
	}
	var out []Request
	for i, rv := range v.Items {
		rp := index(path, i)
		f := p.fields(rv, rp, []string{"action", "resource", "context"}, []string{"action"})
		if f == nil {
			continue
		}
		out = append(out, p.request(rv, f, rp))
	}
	return out
}

// request reads action, resource (default "*") and context.
func (p *parser) request(v *policy.Value, f map[string]*policy.Value, path string) Request {
	r := Request{Resource: "*"}
	if f["action"] != nil {
		r.Action, _ = p.action(f["action"], join(path, "action"))
	}
	if rv := f["resource"]; rv != nil {
		if s, ok := p.str(rv, join(path, "resource"), 2048); ok {
			if s != "*" && !strings.HasPrefix(s, "arn:") {
				p.errorf(rv, join(path, "resource"), "must be \"*\" or an ARN (%s stands for the account ID), not %q", AccountPlaceholder, s)
			}
			r.Resource = s
		}
	}
	if cv := f["context"]; cv != nil && p.want(cv, join(path, "context"), policy.Object) {
		if len(cv.Members) > maxContextEntries {
			p.errorf(cv, join(path, "context"), "at most %d keys", maxContextEntries)
		}
		r.Context = make(map[string]string, len(cv.Members))
		for _, m := range cv.Members {
			kp := join(path, "context."+m.Key)
			if _, dup := r.Context[m.Key]; dup {
				p.at(m.KeySpan.Start, kp, "repeated key")
				continue
			}
			if svc, key, ok := strings.Cut(m.Key, ":"); !ok || svc == "" || key == "" {
				p.at(m.KeySpan.Start, kp, "a condition key is written service:Key, e.g. \"aws:SourceIp\"")
				continue
			}
			if s, ok := p.str(m.Value, kp, 1024); ok {
				r.Context[m.Key] = s
			}
		}
	}
	return r
}

func (p *parser) quiz(f map[string]*policy.Value, path string, c *Check) {
	if qv := f["question"]; qv != nil {
		c.Question = p.rich(qv, join(path, "question"), MaxQuestion)
	}
	cv := f["choices"]
	if cv != nil && p.want(cv, join(path, "choices"), policy.Array) {
		if len(cv.Items) < MinChoices || len(cv.Items) > MaxChoices {
			p.errorf(cv, join(path, "choices"), "%d choices; a question has %d to %d", len(cv.Items), MinChoices, MaxChoices)
		}
		for i, chv := range cv.Items {
			cp := index(join(path, "choices"), i)
			cf := p.fields(chv, cp, []string{"id", "text", "why"}, []string{"id", "text", "why"})
			if cf == nil {
				continue
			}
			var ch Choice
			if cf["id"] != nil {
				if id, ok := p.id(cf["id"], join(cp, "id")); ok {
					if c.Choice(id) != nil {
						p.errorf(cf["id"], join(cp, "id"), "another choice already has the ID %q", id)
					}
					ch.ID = id
				}
			}
			if cf["text"] != nil {
				ch.Text = p.rich(cf["text"], join(cp, "text"), MaxChoiceText)
			}
			if cf["why"] != nil {
				ch.Why = p.rich(cf["why"], join(cp, "why"), MaxWhy)
			}
			c.Choices = append(c.Choices, ch)
		}
	}
	if av := f["answer"]; av != nil {
		if a, ok := p.str(av, join(path, "answer"), 0); ok {
			c.Answer = a
			if cv != nil && cv.Kind == policy.Array && c.Choice(a) == nil {
				p.errorf(av, join(path, "answer"), "%q is not the ID of one of the choices", a)
			}
		}
	}
}
