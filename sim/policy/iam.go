package policy

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"labsim/sim/awserr"
)

// Malformed is IAM's refusal of a policy document: the error code IAM
// returns, its message in IAM's own wording, and the span of the element
// that caused it.
type Malformed struct {
	// Code is awserr.MalformedPolicyDocument, awserr.LimitExceeded (size
	// quota) or awserr.ValidationError (characters outside IAM's set).
	Code    string
	Message string
	Span    Span
}

// Error returns "Code: Message".
func (m *Malformed) Error() string { return m.Code + ": " + m.Message }

// AWSError returns the refusal as a domain error with the message as its
// "message" parameter.
func (m *Malformed) AWSError() *awserr.Error {
	return awserr.New(m.Code, "message", m.Message)
}

// ForEntity completes the inline-policy size message with the name of the
// user or group ("… exceeded for user alice"); other refusals are returned
// unchanged.
func (m *Malformed) ForEntity(name string) *Malformed {
	if m == nil || m.Code != awserr.LimitExceeded || !strings.HasPrefix(m.Message, "Maximum policy size") || name == "" {
		return m
	}
	c := *m
	c.Message += " " + name
	return &c
}

// IAM's MalformedPolicyDocument messages (moto policy_validation.py; the
// principal message from a real PutUserPolicy report).
const (
	msgSyntax           = "Syntax errors in policy."
	msgVersion          = "Policy document must be version 2012-10-17 or greater."
	msgPrincipal        = "Policy document should not specify a principal."
	msgLegacy           = "The policy failed legacy parsing"
	msgSidUnique        = "Statement IDs (SID) in a single policy must be unique."
	msgNoActions        = "Policy statement must contain actions."
	msgNoResources      = "Policy statement must contain resources."
	msgActionVendor     = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
	msgActionColon      = "Actions/Condition can contain only one colon."
	msgCharacters       = `1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u00FF]+`
	msgEmptyDocument    = "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member must have length greater than or equal to 1"
	iamVersion20121017  = "2012-10-17"
	iamVersion20081017  = "2008-10-17"
	conditionsTopLevel  = "Conditions" // accepted at the top level by moto
	iamPrincipalElement = "Principal"
)

// CheckIAM reports whether IAM would accept the policy text as an identity
// policy of type t, returning nil when it would, or the first refusal in
// IAM's order: characters, JSON and grammar syntax, version, principal,
// legacy parsing, unique Sids, actions present, resource format, action
// format, resources present, size quota. doc may be nil, in which case the
// text is parsed here.
func CheckIAM(doc *Document, text string, t PolicyType) *Malformed {
	// A document Parse made from this very text knows its characters.
	if doc == nil || !doc.iamChars || doc.src != text {
		if m := checkPolicyChars(text); m != nil {
			return m
		}
	}
	if doc == nil {
		d, err := Parse(text)
		if err != nil {
			return syntaxRefusal(err)
		}
		doc = d
	}
	c := iamChecker{doc: doc}
	if m := c.steps(); m != nil {
		return m
	}
	return sizeRefusal(doc, t)
}

// steps runs IAM's grammar steps in order and returns the first refusal.
func (c *iamChecker) steps() *Malformed {
	if m := c.syntax(); m != nil {
		return m
	}
	if m := c.version(); m != nil {
		return m
	}
	if m := c.principal(); m != nil {
		return m
	}
	if m := c.legacy(); m != nil {
		return m
	}
	if m := c.sids(); m != nil {
		return m
	}
	if m := c.actionsPresent(); m != nil {
		return m
	}
	if m := c.resourceFormat(); m != nil {
		return m
	}
	if m := c.actionFormat(); m != nil {
		return m
	}
	return c.resourcesPresent()
}

// syntaxRefusal turns a parse error into IAM's syntax refusal.
func syntaxRefusal(err error) *Malformed {
	var se *SyntaxError
	m := &Malformed{Code: awserr.MalformedPolicyDocument, Message: msgSyntax}
	if errors.As(err, &se) {
		m.Span = Span{Start: se.Pos, End: se.Pos}
	}
	return m
}

// sizeRefusal checks the size quota of the policy type.
func sizeRefusal(doc *Document, t PolicyType) *Malformed {
	q := t.SizeQuota()
	if doc.Size <= q {
		return nil
	}
	m := &Malformed{Code: awserr.LimitExceeded, Span: doc.Root.Span}
	switch t {
	case UserInlinePolicy:
		m.Message = "Maximum policy size of " + strconv.Itoa(q) + " bytes exceeded for user"
	case GroupInlinePolicy:
		m.Message = "Maximum policy size of " + strconv.Itoa(q) + " bytes exceeded for group"
	default:
		m.Message = "Cannot exceed quota for PolicySize: " + strconv.Itoa(q)
	}
	return m
}

// checkPolicyChars enforces the PolicyDocument parameter's character set:
// tab, LF, CR and U+0020–U+00FF, at least one character.
func checkPolicyChars(text string) *Malformed {
	if text == "" {
		return &Malformed{Code: awserr.ValidationError, Message: msgEmptyDocument, Span: Span{Start: Pos{1, 1, 0}, End: Pos{1, 1, 0}}}
	}
	if iamCharsOK(text) {
		return nil
	}
	// Find where the first character outside the set is.
	line, col := 1, 1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && size == 1 {
				r = -1
			}
		}
		ok := r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xFF)
		if !ok {
			at := Pos{Line: line, Column: col, Offset: i}
			end := Pos{Line: line, Column: col + 1, Offset: i + size}
			return &Malformed{Code: awserr.ValidationError, Message: msgCharacters, Span: Span{Start: at, End: end}}
		}
		switch {
		case r == '\n':
			line, col = line+1, 1
		case r == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				col++
			} else {
				line, col = line+1, 1
			}
		default:
			col++
		}
		i += size
	}
	return nil
}

// iamChecker runs IAM's grammar steps over a parsed document.
type iamChecker struct {
	doc    *Document
	resErr *Malformed // first resource format error, found by legacy
}

func malformed(msg string, s Span) *Malformed {
	return &Malformed{Code: awserr.MalformedPolicyDocument, Message: msg, Span: s}
}

// openSpan is the span of an object's opening brace, where findings about
// missing members point.
func openSpan(v *Value) Span {
	if v == nil {
		return Span{Start: Pos{1, 1, 0}, End: Pos{1, 1, 0}}
	}
	s := v.Span.Start
	e := s
	e.Column++
	e.Offset++
	return Span{Start: s, End: e}
}

// statementItems returns the raw entries of the Statement element.
func statementItems(st *Value) []*Value {
	switch {
	case st == nil:
		return nil
	case st.Kind == Array:
		return st.Items
	default:
		return []*Value{st}
	}
}

// validStatementKey reports whether key is one of the statement elements.
func validStatementKey(key string) bool {
	switch key {
	case "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
		"Resource", "NotResource", "Condition":
		return true
	}
	return false
}

// syntax is moto's _validate_syntax, with JSON numbers and booleans
// accepted as condition values (see doc.go).
func (c *iamChecker) syntax() *Malformed {
	root := c.doc.Root
	if root.Kind != Object {
		return malformed(msgSyntax, root.Span)
	}
	for _, m := range root.Members {
		switch m.Key {
		case "Version", "Id", "Statement", conditionsTopLevel:
		default:
			return malformed(msgSyntax, m.KeySpan)
		}
	}
	if v := c.doc.Version; v != nil && (v.Kind != String || (v.Text != iamVersion20121017 && v.Text != iamVersion20081017)) {
		return malformed(msgSyntax, v.Span)
	}
	if v := c.doc.ID; v != nil && v.Kind != String {
		return malformed(msgSyntax, v.Span)
	}
	st := c.doc.Statement
	switch {
	case st == nil:
		return malformed(msgSyntax, openSpan(root))
	case st.Kind != Object && st.Kind != Array:
		return malformed(msgSyntax, st.Span)
	case st.Kind == Array && len(st.Items) == 0:
		return malformed(msgSyntax, st.Span)
	}
	// The statement objects of the entries are c.doc.Statements, in order.
	stmts := c.doc.Statements
	for _, it := range statementItems(st) {
		if it.Kind != Object {
			return malformed(msgSyntax, it.Span)
		}
		var s *Statement
		if len(stmts) > 0 && stmts[0].Node == it {
			s, stmts = stmts[0], stmts[1:]
		} else { // a Document not made by Parse
			s = statementOf(0, it, new(Statement))
		}
		if m := statementSyntax(s); m != nil {
			return m
		}
	}
	return nil
}

// statementSyntax checks one statement's grammar.
func statementSyntax(s *Statement) *Malformed {
	it := s.Node
	for _, m := range it.Members {
		if !validStatementKey(m.Key) {
			return malformed(msgSyntax, m.KeySpan)
		}
	}
	if s.Resource != nil && s.NotResource != nil {
		return malformed(msgSyntax, memberKeySpan(it, "NotResource"))
	}
	if s.Action != nil && s.NotAction != nil {
		return malformed(msgSyntax, memberKeySpan(it, "NotAction"))
	}
	eff := s.Effect
	switch {
	case eff == nil:
		return malformed(msgSyntax, openSpan(it))
	case eff.Kind != String:
		return malformed(msgSyntax, eff.Span)
	case !equalFoldLit(eff.Text, "Allow") && !equalFoldLit(eff.Text, "Deny"):
		return malformed(msgSyntax, eff.Span)
	}
	for _, v := range [...]*Value{s.Action, s.NotAction, s.Resource, s.NotResource} {
		if v != nil {
			if bad := notStringList(v); bad != nil {
				return malformed(msgSyntax, bad.Span)
			}
		}
	}
	if s.Condition != nil {
		if m := conditionSyntax(s.Condition); m != nil {
			return m
		}
	}
	if s.Sid != nil && s.Sid.Kind != String {
		return malformed(msgSyntax, s.Sid.Span)
	}
	return nil
}

// notStringList returns the offending value when v is not a string or an
// array of strings, else nil.
func notStringList(v *Value) *Value {
	switch v.Kind {
	case String:
		return nil
	case Array:
		for _, it := range v.Items {
			if it.Kind != String {
				return it
			}
		}
		return nil
	}
	return v
}

// conditionSyntax checks the Condition element's shape.
func conditionSyntax(cond *Value) *Malformed {
	if cond.Kind != Object {
		return malformed(msgSyntax, cond.Span)
	}
	for _, op := range cond.Members {
		block := op.Value
		if block.Kind != Object {
			return malformed(msgSyntax, block.Span)
		}
		for _, kv := range block.Members {
			if bad := badConditionValue(kv.Value); bad != nil {
				return malformed(msgSyntax, bad.Span)
			}
		}
		if !iamKnownOperator(op.Key) && len(block.Members) > 0 {
			return malformed(msgSyntax, op.KeySpan)
		}
	}
	return nil
}

// badConditionValue returns the offending value when v is not a scalar
// (string, number, boolean) or an array of scalars.
func badConditionValue(v *Value) *Value {
	switch v.Kind {
	case String, Number, Bool:
		return nil
	case Array:
		for _, it := range v.Items {
			if it.Kind != String && it.Kind != Number && it.Kind != Bool {
				return it
			}
		}
		return nil
	}
	return v
}

// iamStripOperator removes one set prefix and one IfExists suffix.
func iamStripOperator(op string) string {
	if s, ok := strings.CutPrefix(op, "ForAnyValue:"); ok {
		op = s
	} else if s, ok := strings.CutPrefix(op, "ForAllValues:"); ok {
		op = s
	}
	op, _ = strings.CutSuffix(op, "IfExists")
	return op
}

// iamKnownOperator reports whether op is an operator moto accepts after
// removing one ForAnyValue:/ForAllValues: prefix and one IfExists suffix.
func iamKnownOperator(op string) bool {
	switch iamStripOperator(op) {
	case "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
		"StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
		"NumericEquals", "NumericNotEquals", "NumericLessThan",
		"NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
		"DateEquals", "DateNotEquals", "DateLessThan",
		"DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
		"Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
		"ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
		"Null":
		return true
	}
	return false
}

// memberKeySpan returns the key span of the last member named key.
func memberKeySpan(obj *Value, key string) Span {
	for i := len(obj.Members) - 1; i >= 0; i-- {
		if obj.Members[i].Key == key {
			return obj.Members[i].KeySpan
		}
	}
	return openSpan(obj)
}

// version requires Version 2012-10-17.
func (c *iamChecker) version() *Malformed {
	v := c.doc.Version
	if v == nil {
		return malformed(msgVersion, openSpan(c.doc.Root))
	}
	if v.Text != iamVersion20121017 {
		return malformed(msgVersion, v.Span)
	}
	return nil
}

// principal refuses Principal and NotPrincipal in an identity policy.
func (c *iamChecker) principal() *Malformed {
	for _, s := range c.doc.Statements {
		for _, m := range s.Node.Members {
			if m.Key == iamPrincipalElement || m.Key == "NotPrincipal" {
				return malformed(msgPrincipal, m.KeySpan)
			}
		}
	}
	return nil
}

// sids requires non-empty Sids to be unique.
func (c *iamChecker) sids() *Malformed {
	stmts := c.doc.Statements
	if len(stmts) <= 2*pairwiseMax {
		for i, s := range stmts {
			if s.Sid == nil || s.Sid.Text == "" {
				continue
			}
			for _, e := range stmts[:i] {
				if e.Sid != nil && e.Sid.Text == s.Sid.Text {
					return malformed(msgSidUnique, s.Sid.Span)
				}
			}
		}
		return nil
	}
	seen := make(map[string]bool, len(stmts))
	for _, s := range stmts {
		if s.Sid == nil || s.Sid.Text == "" {
			continue
		}
		if seen[s.Sid.Text] {
			return malformed(msgSidUnique, s.Sid.Span)
		}
		seen[s.Sid.Text] = true
	}
	return nil
}

// actionsPresent requires Action or NotAction, not an empty array.
func (c *iamChecker) actionsPresent() *Malformed {
	for _, s := range c.doc.Statements {
		if m := presentNonEmpty(s, s.Action, s.NotAction, msgNoActions); m != nil {
			return m
		}
	}
	return nil
}

// resourcesPresent requires Resource or NotResource, not an empty array.
func (c *iamChecker) resourcesPresent() *Malformed {
	for _, s := range c.doc.Statements {
		if m := presentNonEmpty(s, s.Resource, s.NotResource, msgNoResources); m != nil {
			return m
		}
	}
	return nil
}

func presentNonEmpty(s *Statement, pos, neg *Value, msg string) *Malformed {
	v := pos
	if v == nil {
		v = neg
	}
	if v == nil {
		return malformed(msg, openSpan(s.Node))
	}
	if v.Kind == Array && len(v.Items) == 0 {
		return malformed(msg, v.Span)
	}
	return nil
}

// actionFormat checks every Action, then every NotAction, as moto does.
func (c *iamChecker) actionFormat() *Malformed {
	var one [1]*Value
	for _, not := range [...]bool{false, true} {
		for _, s := range c.doc.Statements {
			v := s.Action
			if not {
				v = s.NotAction
			}
			if v == nil {
				continue
			}
			items, _ := stringItems(v, &one)
			for _, a := range items {
				if m := iamActionFormat(a); m != nil {
					return m
				}
			}
		}
	}
	return nil
}

// iamActionFormat is moto's _validate_action_prefix.
func iamActionFormat(a *Value) *Malformed {
	vendor, name, found := strings.Cut(a.Text, ":")
	if !found && a.Text != "*" {
		return malformed(msgActionVendor, a.Span)
	}
	if strings.IndexByte(name, ':') >= 0 {
		return malformed(msgActionColon, a.Span)
	}
	if vendor == "*" {
		return nil
	}
	for i := 0; i < len(vendor); i++ {
		ch := vendor[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '.') {
			return malformed("Vendor "+vendor+" is not valid", a.Span)
		}
	}
	return nil
}
