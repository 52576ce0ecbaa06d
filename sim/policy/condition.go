package policy

import (
	"bytes"
	"net/netip"
	"strings"
)

// condBase is the comparison family of a condition operator.
type condBase uint8

const (
	condStringEquals condBase = iota + 1
	condStringEqualsIgnoreCase
	condStringLike
	condNumeric
	condDate
	condBool
	condBinary
	condIP
	condARN
	condNull
)

// condCmp is the comparison of a Numeric or Date operator.
type condCmp uint8

const (
	cmpEq condCmp = iota
	cmpLt
	cmpLe
	cmpGt
	cmpGe
)

// condSet is the set qualifier of an operator.
type condSet uint8

const (
	setNone condSet = iota
	setAny          // ForAnyValue:
	setAll          // ForAllValues:
)

// condOperator is a condition operator name taken apart.
type condOperator struct {
	base     condBase
	cmp      condCmp
	negated  bool // StringNotEquals, NotIpAddress, ArnNotLike, ...
	ifExists bool
	set      condSet
}

// parseConditionOperator reads an operator name such as
// "ForAnyValue:StringNotLikeIfExists". Names are case-sensitive, as in
// IAM ("stringEquals" is rejected there as an invalid condition type).
func parseConditionOperator(name string) (condOperator, bool) {
	var op condOperator
	switch {
	case strings.HasPrefix(name, "ForAnyValue:"):
		op.set, name = setAny, name[len("ForAnyValue:"):]
	case strings.HasPrefix(name, "ForAllValues:"):
		op.set, name = setAll, name[len("ForAllValues:"):]
	}
	if n, ok := strings.CutSuffix(name, "IfExists"); ok && n != "Null" {
		op.ifExists, name = true, n
	}
	switch name {
	case "StringEquals":
		op.base = condStringEquals
	case "StringNotEquals":
		op.base, op.negated = condStringEquals, true
	case "StringEqualsIgnoreCase":
		op.base = condStringEqualsIgnoreCase
	case "StringNotEqualsIgnoreCase":
		op.base, op.negated = condStringEqualsIgnoreCase, true
	case "StringLike":
		op.base = condStringLike
	case "StringNotLike":
		op.base, op.negated = condStringLike, true
	case "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals":
		op.base = condNumeric
		op.cmp, op.negated = comparisonOf(name[len("Numeric"):])
	case "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals":
		op.base = condDate
		op.cmp, op.negated = comparisonOf(name[len("Date"):])
	case "Bool":
		op.base = condBool
	case "BinaryEquals":
		op.base = condBinary
	case "IpAddress":
		op.base = condIP
	case "NotIpAddress":
		op.base, op.negated = condIP, true
	case "ArnEquals", "ArnLike":
		op.base = condARN
	case "ArnNotEquals", "ArnNotLike":
		op.base, op.negated = condARN, true
	case "Null":
		if op.ifExists {
			return condOperator{}, false
		}
		op.base = condNull
	default:
		return condOperator{}, false
	}
	return op, true
}

func comparisonOf(suffix string) (condCmp, bool) {
	switch suffix {
	case "NotEquals":
		return cmpEq, true
	case "LessThan":
		return cmpLt, false
	case "LessThanEquals":
		return cmpLe, false
	case "GreaterThan":
		return cmpGt, false
	case "GreaterThanEquals":
		return cmpGe, false
	}
	return cmpEq, false
}

// condValue is one policy value of a condition, parsed for its operator.
type condValue struct {
	text string
	ok   bool // the text parsed as the operator's type
	// pat is set for StringLike, for string values holding variables, and
	// for ARN values that do not have six parts.
	pat    *globPattern
	arn    *[6]*globPattern // ARN values with six parts
	num    float64
	date   conditionTime
	flag   bool
	prefix netip.Prefix
	bin    []byte
}

// condClause is one key of one operator block: the unit that condition
// logic ANDs together.
type condClause struct {
	op     condOperator
	key    string
	values []condValue
	// name is the operator as written and raw the values as written, for
	// Explain.
	name string
	raw  []string
}

// conditionValue parses one policy value for an operator. vars enables
// policy variables, which apply to the String and ARN operators only.
func (c *compiler) conditionValue(base condBase, text string, vars bool) condValue {
	v := condValue{text: text, ok: true}
	hasVar := vars && hasPolicyVar(text)
	switch base {
	case condStringEquals, condStringEqualsIgnoreCase:
		if hasVar {
			g := c.globs.compile(text, globOptions{vars: true})
			if g.exact {
				v.text = g.lit
			} else {
				v.pat = g
			}
		}
	case condStringLike:
		v.pat = c.globs.compile(text, globOptions{wild: true, vars: vars})
	case condNumeric:
		v.num, v.ok = parseConditionNumber(text)
	case condDate:
		v.date, v.ok = parseConditionDate(text)
	case condBool, condNull:
		v.flag, v.ok = parseConditionBool(text)
	case condBinary:
		v.bin, v.ok = decodeConditionBinary(text)
	case condIP:
		v.prefix, v.ok = parseConditionPrefix(text)
	case condARN:
		o := globOptions{wild: true, vars: vars}
		if parts, ok := splitARN(text); ok {
			a := c.arns.one()
			for i, p := range parts {
				a[i] = c.globs.compile(p, o)
			}
			v.arn = a
		} else {
			v.pat = c.globs.compile(text, o)
		}
	}
	return v
}

// eval evaluates the clause against a request context.
func (c *condClause) eval(ctx map[string][]string) bool {
	vals, _ := contextLookup(ctx, c.key)
	present := len(vals) > 0
	if c.op.base == condNull {
		for i := range c.values {
			if v := &c.values[i]; v.ok && v.flag != present {
				return true
			}
		}
		return false
	}
	if !present {
		switch {
		case c.op.ifExists, c.op.set == setAll:
			return true
		case c.op.set == setAny:
			return false
		}
		return c.op.negated
	}
	switch c.op.set {
	case setAny:
		for _, r := range vals {
			if c.matchOne(r, ctx) != c.op.negated {
				return true
			}
		}
		return false
	case setAll:
		for _, r := range vals {
			if c.matchOne(r, ctx) == c.op.negated {
				return false
			}
		}
		return true
	}
	hit := false
	for _, r := range vals {
		if c.matchOne(r, ctx) {
			hit = true
			break
		}
	}
	return hit != c.op.negated
}

// matchOne reports whether one request value matches any of the policy
// values under the positive form of the operator (StringEquals for
// StringNotEquals, and so on). A request value that does not parse as the
// operator's type matches nothing.
func (c *condClause) matchOne(r string, ctx map[string][]string) bool {
	switch c.op.base {
	case condStringEquals:
		for i := range c.values {
			v := &c.values[i]
			if v.pat != nil {
				if v.pat.match(r, ctx) {
					return true
				}
			} else if r == v.text {
				return true
			}
		}
	case condStringEqualsIgnoreCase:
		for i := range c.values {
			v := &c.values[i]
			t := v.text
			if v.pat != nil {
				var ok bool
				if t, ok = v.pat.render(ctx); !ok {
					continue
				}
			}
			if strings.EqualFold(r, t) {
				return true
			}
		}
	case condStringLike:
		for i := range c.values {
			if c.values[i].pat.match(r, ctx) {
				return true
			}
		}
	case condNumeric:
		x, ok := parseConditionNumber(r)
		if !ok {
			return false
		}
		for i := range c.values {
			if v := &c.values[i]; v.ok && compareHolds(c.op.cmp, compareFloat(x, v.num)) {
				return true
			}
		}
	case condDate:
		x, ok := parseConditionDate(r)
		if !ok {
			return false
		}
		for i := range c.values {
			if v := &c.values[i]; v.ok && compareHolds(c.op.cmp, x.compare(v.date)) {
				return true
			}
		}
	case condBool:
		x, ok := parseConditionBool(r)
		if !ok {
			return false
		}
		for i := range c.values {
			if v := &c.values[i]; v.ok && v.flag == x {
				return true
			}
		}
	case condBinary:
		x, ok := decodeConditionBinary(r)
		if !ok {
			return false
		}
		for i := range c.values {
			if v := &c.values[i]; v.ok && bytes.Equal(v.bin, x) {
				return true
			}
		}
	case condIP:
		a, ok := parseConditionAddr(r)
		if !ok {
			return false
		}
		for i := range c.values {
			if v := &c.values[i]; v.ok && v.prefix.Contains(a) {
				return true
			}
		}
	case condARN:
		parts, isARN := splitARN(r)
		for i := range c.values {
			v := &c.values[i]
			if v.arn == nil {
				if v.pat.match(r, ctx) {
					return true
				}
				continue
			}
			if isARN && matchARNParts(v.arn, &parts, ctx) {
				return true
			}
		}
	}
	return false
}

func matchARNParts(pat *[6]*globPattern, parts *[6]string, ctx map[string][]string) bool {
	for i, p := range pat {
		if !p.match(parts[i], ctx) {
			return false
		}
	}
	return true
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareHolds reports whether a three-way comparison result satisfies
// the operator's comparison (the positive form for NotEquals).
func compareHolds(op condCmp, c int) bool {
	switch op {
	case cmpLt:
		return c < 0
	case cmpLe:
		return c <= 0
	case cmpGt:
		return c > 0
	case cmpGe:
		return c >= 0
	}
	return c == 0
}

// render returns the text of a pattern compiled without wildcards, with
// its variables replaced, or false when a variable cannot be resolved.
func (g *globPattern) render(ctx map[string][]string) (string, bool) {
	var b strings.Builder
	for i := range g.elems {
		e := &g.elems[i]
		switch e.kind {
		case globVar:
			v, ok := resolveVariable(ctx, e)
			if !ok {
				return "", false
			}
			b.WriteString(v)
		default:
			b.WriteString(e.text)
		}
	}
	return b.String(), true
}
