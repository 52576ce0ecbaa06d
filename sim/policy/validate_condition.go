package policy

import (
	"net/netip"
	"strings"

	"labsim/sim/catalog"
)

// opFamily is the comparison family of a condition operator.
type opFamily uint8

const (
	famString     opFamily = iota + 1 // StringEquals, …IgnoreCase
	famStringLike                     // StringLike, StringNotLike
	famNumeric
	famDate
	famBool
	famBinary
	famIP
	famARN
	famNull
)

// aaOperator is a condition operator name taken apart for the checks.
type aaOperator struct {
	name     string
	family   opFamily
	set      string // "ForAllValues", "ForAnyValue" or ""
	ifExists bool
	bound    string // "greatest" for Numeric…LessThan…, "least" for …GreaterThan…
}

// operatorFamily returns the family of an operator name without its
// qualifier and IfExists.
func operatorFamily(base string) (opFamily, bool) {
	switch base {
	case "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase":
		return famString, true
	case "StringLike", "StringNotLike":
		return famStringLike, true
	case "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
		"NumericGreaterThan", "NumericGreaterThanEquals":
		return famNumeric, true
	case "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
		"DateGreaterThan", "DateGreaterThanEquals":
		return famDate, true
	case "Bool":
		return famBool, true
	case "BinaryEquals":
		return famBinary, true
	case "IpAddress", "NotIpAddress":
		return famIP, true
	case "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike":
		return famARN, true
	case "Null":
		return famNull, true
	}
	return 0, false
}

// parseAAOperator reads an operator name (case-sensitive, as IAM's).
func parseAAOperator(name string) (aaOperator, bool) {
	op := aaOperator{name: name}
	base := name
	if s, ok := strings.CutPrefix(base, "ForAllValues:"); ok {
		op.set, base = "ForAllValues", s
	} else if s, ok := strings.CutPrefix(base, "ForAnyValue:"); ok {
		op.set, base = "ForAnyValue", s
	}
	if s, ok := strings.CutSuffix(base, "IfExists"); ok {
		op.ifExists, base = true, s
	}
	fam, ok := operatorFamily(base)
	if !ok {
		return op, false
	}
	op.family = fam
	if fam == famNumeric {
		switch {
		case strings.Contains(base, "LessThan"):
			op.bound = "greatest"
		case strings.Contains(base, "GreaterThan"):
			op.bound = "least"
		}
	}
	return op, true
}

// condition checks the Condition element.
func (r *aaRun) condition(s *Statement) {
	cond := s.Condition
	if cond == nil {
		return
	}
	if cond.Kind != Object {
		r.add(CodeDataTypeMismatch, cond.Span, "data_type", "Object")
		return
	}
	if len(cond.Members) == 0 {
		r.add(CodeEmptyObjectCondition, cond.Span)
		return
	}
	for _, m := range cond.Members {
		op, ok := parseAAOperator(m.Key)
		if !ok {
			r.add(CodeInvalidConditionOperator, m.KeySpan, "operator", m.Key)
		} else {
			if op.family == famNull && op.ifExists {
				r.add(CodeNullWithIfExists, m.KeySpan)
			}
			if op.family == famNull && op.set != "" {
				r.add(CodeNullWithQualifier, m.KeySpan)
			}
		}
		block := m.Value
		if block.Kind != Object {
			r.add(CodeDataTypeMismatch, block.Span, "data_type", "Object")
			continue
		}
		if len(block.Members) == 0 {
			r.add(CodeEmptyObjectCondition, block.Span)
			continue
		}
		r.caseDuplicates(block)
		for _, kv := range block.Members {
			typ, known := r.conditionKeyType(kv)
			if ok {
				r.conditionValues(op, kv, typ, known)
			}
		}
	}
}

// caseDuplicates reports condition keys that differ only in case.
func (r *aaRun) caseDuplicates(block *Value) {
	ms := block.Members
	for j := 1; j < len(ms) && j < 64; j++ {
		for i := 0; i < j; i++ {
			if ms[i].Key != ms[j].Key && asciiOrEqualFold(ms[i].Key, ms[j].Key) {
				r.add(CodeDuplicateKeysWithDifferentCase, ms[j].KeySpan, "key", ms[j].Key)
				break
			}
		}
	}
}

// conditionKeyType checks a condition key's name and returns its type
// when it is known.
func (r *aaRun) conditionKeyType(kv Member) (string, bool) {
	k := r.keyInfo(kv.Key)
	if k.code != "" {
		if k.param == "" {
			r.add(k.code, kv.KeySpan)
		} else if k.param2 == "" {
			r.add(k.code, kv.KeySpan, k.param, k.value)
		} else {
			r.add(k.code, kv.KeySpan, k.param, k.value, k.param2, k.value2)
		}
	}
	return k.typ, k.known
}

// conditionKey is what the checks find about a condition key's name: its
// type when it is known, or the finding to report (with up to two
// parameters), or neither.
type conditionKey struct {
	typ            string
	known          bool
	code           string
	param, value   string
	param2, value2 string
}

// keyMemoMax bounds the memo of condition keys kept between validations;
// past it the memo starts again empty.
const keyMemoMax = 256

// keyInfo returns classifyKey(key), remembering it: a policy uses the
// same keys again and again, and so does the next keystroke.
func (r *aaRun) keyInfo(key string) conditionKey {
	sc := r.sc
	if k, ok := sc.keyMemo[key]; ok {
		return k
	}
	key = strings.Clone(key) // the memo must not hold on to the policy text
	k := r.v.classifyKey(key)
	if sc.keyMemo == nil || len(sc.keyMemo) >= keyMemoMax {
		sc.keyMemo = make(map[string]conditionKey)
	}
	sc.keyMemo[key] = k
	return k
}

// classifyKey checks a condition key's name against the global keys and
// the catalog.
func (v *Validator) classifyKey(key string) conditionKey {
	i := strings.IndexByte(key, ':')
	if i <= 0 || i == len(key)-1 {
		return conditionKey{code: CodeInvalidConditionKeyFormat}
	}
	prefix := key[:i]
	if strings.EqualFold(prefix, "aws") {
		if strings.EqualFold(key, "aws:ARN") {
			return conditionKey{code: CodeUnsupportedGlobalConditionKey}
		}
		if k, ok := catalog.GlobalConditionKey(key); ok {
			return conditionKey{typ: k.Type, known: true}
		}
		if v.cat != nil {
			if k, ok := v.cat.ConditionKey(key); ok {
				return conditionKey{typ: k.Type, known: true}
			}
		}
		if tag := missingTagKey(key, catalog.GlobalConditionKeys()); tag != "" {
			return conditionKey{code: CodeMissingTagKeyInCondition, param: "conditionKeyName", value: tag}
		}
		return conditionKey{code: CodeInvalidGlobalConditionKey, param: "key", value: key}
	}
	if v.idx == nil {
		return conditionKey{}
	}
	svc, ok := v.cat.Service(prefix)
	if !ok {
		// Identity-provider keys (accounts.google.com:aud) are not services.
		if !strings.Contains(prefix, ".") {
			return conditionKey{code: CodeInvalidService, param: "service", value: prefix}
		}
		return conditionKey{}
	}
	if k, ok := v.cat.ConditionKey(key); ok {
		return conditionKey{typ: k.Type, known: true}
	}
	if k, ok := angleTemplateKey(key, svc.ConditionKeys); ok {
		return conditionKey{typ: k.Type, known: true}
	}
	if tag := missingTagKey(key, svc.ConditionKeys); tag != "" {
		return conditionKey{code: CodeMissingTagKeyInCondition, param: "conditionKeyName", value: tag}
	}
	return conditionKey{code: CodeInvalidServiceConditionKey, param: "key", value: key, param2: "service", value2: svc.Prefix}
}

// angleTemplateKey matches keys written with an <angle> placeholder in
// the dataset, such as s3:ExistingObjectTag/<key>.
func angleTemplateKey(key string, keys []catalog.ConditionKey) (catalog.ConditionKey, bool) {
	slash := strings.IndexByte(key, '/')
	if slash < 0 || slash == len(key)-1 {
		return catalog.ConditionKey{}, false
	}
	for _, k := range keys {
		if i := strings.Index(k.Name, "/<"); i >= 0 && strings.EqualFold(k.Name[:i], key[:slash]) {
			return k, true
		}
	}
	return catalog.ConditionKey{}, false
}

// missingTagKey returns "prefix:Name/" when key is a tag condition key
// without its tag (aws:ResourceTag or aws:ResourceTag/), else "".
func missingTagKey(key string, keys []catalog.ConditionKey) string {
	bare := strings.TrimSuffix(key, "/")
	for _, k := range keys {
		i := strings.Index(k.Name, "/${")
		if i < 0 {
			i = strings.Index(k.Name, "/<")
		}
		if i >= 0 && strings.EqualFold(k.Name[:i], bare) {
			return k.Name[:i+1]
		}
	}
	return ""
}

// operatorTypes maps a key type to the operator families that suit it and
// the name Access Analyzer gives that type.
func keyTypeFamilies(typ string) (allowed string, ok func(opFamily) bool) {
	switch typ {
	case "String":
		return "String", func(f opFamily) bool { return f == famString || f == famStringLike }
	case "ARN":
		return "Arn", func(f opFamily) bool { return f == famARN || f == famString || f == famStringLike }
	case "Numeric", "Long", "Integer":
		return "Numeric", func(f opFamily) bool { return f == famNumeric }
	case "Date":
		return "Date", func(f opFamily) bool { return f == famDate }
	case "Date|Numeric":
		return "Date", func(f opFamily) bool { return f == famDate || f == famNumeric }
	case "Bool", "Boolean":
		return "Bool", func(f opFamily) bool { return f == famBool }
	case "IPAddress":
		return "IpAddress", func(f opFamily) bool { return f == famIP }
	case "Binary":
		return "Binary", func(f opFamily) bool { return f == famBinary }
	}
	return "", nil
}

// conditionValues checks a key's values against its operator and type.
func (r *aaRun) conditionValues(op aaOperator, kv Member, typ string, known bool) {
	v := kv.Value
	var one [1]*Value
	var items []*Value
	switch v.Kind {
	case String, Number, Bool:
		one[0] = v
		items = one[:]
	case Array:
		if len(v.Items) == 0 {
			code := CodeEmptyArrayCondition
			switch {
			case op.set == "ForAllValues":
				code = CodeEmptyArrayConditionForAllValues
			case op.set == "ForAnyValue":
				code = CodeEmptyArrayConditionForAnyValue
			case op.ifExists:
				code = CodeEmptyArrayConditionIfExists
			}
			r.add(code, v.Span)
			return
		}
		kind := v.Items[0].Kind
		mixed, bad := false, 0
		for _, it := range v.Items {
			if !isScalar(it) {
				r.add(CodeDataTypeMismatch, it.Span, "data_type", "String")
				bad++
				continue
			}
			if it.Kind != kind {
				mixed = true
			}
		}
		items = v.Items
		if bad > 0 {
			items = make([]*Value, 0, len(v.Items)-bad)
			for _, it := range v.Items {
				if isScalar(it) {
					items = append(items, it)
				}
			}
		}
		if mixed {
			r.add(CodeInvalidConditionDataType, v.Span)
		}
	default:
		r.add(CodeDataTypeMismatch, v.Span, "data_type", "String")
		return
	}
	if known {
		r.keyTypeChecks(op, kv, typ)
	}
	if op.family == famBool && v.Kind == Array && len(v.Items) > 1 {
		r.add(CodeInvalidConditionMultipleBoolean, v.Span)
	}
	r.valueChecks(op, kv, items)
}

// isScalar reports whether v is a string, a number or a boolean.
func isScalar(v *Value) bool { return v.Kind == String || v.Kind == Number || v.Kind == Bool }

// keyTypeChecks compares the operator and its qualifier with the key type.
func (r *aaRun) keyTypeChecks(op aaOperator, kv Member, typ string) {
	multi := strings.HasPrefix(typ, "ArrayOf")
	base := strings.TrimPrefix(typ, "ArrayOf")
	if op.set == "ForAllValues" && !multi {
		r.add(CodeForAllValuesWithSingleValuedKey, kv.KeySpan, "key", kv.Key)
	}
	if op.set == "" && multi && op.family != famNull {
		r.add(CodeMissingQualifier, kv.KeySpan, "key", kv.Key)
	}
	if op.family == famNull {
		return
	}
	allowed, fits := keyTypeFamilies(base)
	if fits == nil {
		return
	}
	if !fits(op.family) {
		r.add(CodeTypeMismatch, kv.KeySpan, "allowed", allowed, "operator", op.name, "key", kv.Key)
		return
	}
	if base == "ARN" && op.family == famStringLike {
		r.add(CodeStringLikeOperatorWithARNKeys, kv.KeySpan, "allowed", "Arn", "operator", op.name, "key", kv.Key)
	}
}

// valueChecks parses each value for the operator's type.
func (r *aaRun) valueChecks(op aaOperator, kv Member, items []*Value) {
	wildcardReported := false
	numbers := 0
	sourceIP := op.family == famIP && equalFoldLit(kv.Key, "aws:SourceIp")
	private, public := 0, 0
	for _, it := range items {
		text := it.Text
		if it.Kind == String && hasPolicyVar(text) && r.valueVariable(op, it) {
			continue
		}
		switch op.family {
		case famString:
			if !wildcardReported && wildcardOutsideVars(text) {
				r.add(CodeWildcardWithoutLikeOperator, it.Span)
				wildcardReported = true
			}
		case famNumeric:
			if _, ok := parseConditionNumber(text); ok {
				numbers++
			} else {
				r.add(CodeTypeMismatchNumber, it.Span, "operator", op.name)
			}
		case famDate:
			switch _, ok := parseConditionDate(text); {
			case !ok:
				r.add(CodeTypeMismatchDate, it.Span, "operator", op.name)
			case isEpochText(text):
				r.add(CodeInvalidDateValue, it.Span, "date", text)
			}
		case famBool, famNull:
			if _, ok := parseConditionBool(text); !ok {
				r.add(CodeTypeMismatchBoolean, it.Span, "operator", op.name)
			}
		case famIP:
			p, improved, ok := parseIPValue(text)
			switch {
			case !ok:
				r.add(CodeTypeMismatchIPRange, it.Span, "operator", op.name)
				continue
			case improved != "":
				r.add(CodeImproveIPRange, it.Span, "addr", improved)
			}
			if isPrivatePrefix(p) {
				private++
			} else {
				public++
			}
		case famBinary:
			if _, ok := decodeConditionBinary(text); !ok {
				r.add(CodeTypeMismatchString, it.Span, "operator", op.name)
			}
		}
	}
	if op.bound != "" && op.set == "" && numbers > 1 {
		boundKO := "가장 큰"
		if op.bound == "least" {
			boundKO = "가장 작은"
		}
		r.add(CodeRedundantConditionValueNum, kv.Value.Span, "operator", op.name, "bound", op.bound, "boundKO", boundKO, "key", kv.Key)
	}
	if sourceIP && private > 0 {
		notIP := strings.HasSuffix(strings.TrimSuffix(op.name, "IfExists"), "NotIpAddress")
		switch {
		case public == 0 && notIP:
			r.add(CodePrivateNotIPAddress, kv.Value.Span)
		case public == 0:
			r.add(CodePrivateIPAddress, kv.Value.Span)
		case notIP:
			r.add(CodePrivateNotIPAddressSubset, kv.Value.Span)
		default:
			r.add(CodePrivateIPAddressSubset, kv.Value.Span)
		}
	}
}

// valueVariable checks a condition value holding ${…}; it returns true
// when the value needs no further type check.
func (r *aaRun) valueVariable(op aaOperator, it *Value) bool {
	if !r.vars {
		r.add(CodeVariableUnsupportedInVersion, it.Span)
		return false
	}
	if code := policyVarIssue(it.Text); code != "" {
		r.add(code, it.Span)
		return true
	}
	if op.family != famString && op.family != famStringLike && op.family != famARN {
		r.add(CodeInvalidVariableForOperator, it.Span)
	}
	return true
}

// isEpochText reports whether a date value is written as epoch seconds.
func isEpochText(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseIPValue reads an IpAddress value; improved is the masked form when
// the CIDR has host bits set.
func parseIPValue(s string) (p netip.Prefix, improved string, ok bool) {
	if strings.IndexByte(s, '/') < 0 {
		a, err := netip.ParseAddr(s)
		if err != nil || a.Zone() != "" {
			return netip.Prefix{}, "", false
		}
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), "", true
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, "", false
	}
	if m := p.Masked(); m != p {
		return m, m.String(), true
	}
	return p, "", true
}

// privateBlocks are the private address ranges (RFC 1918, RFC 4193),
// written as prefixes so that no parser runs at start-up.
var privateBlocks = []netip.Prefix{
	netip.PrefixFrom(netip.AddrFrom4([4]byte{10, 0, 0, 0}), 8),
	netip.PrefixFrom(netip.AddrFrom4([4]byte{172, 16, 0, 0}), 12),
	netip.PrefixFrom(netip.AddrFrom4([4]byte{192, 168, 0, 0}), 16),
	netip.PrefixFrom(netip.AddrFrom16([16]byte{0xfc}), 7),
}

// isPrivatePrefix reports whether the whole prefix lies in a private range.
func isPrivatePrefix(p netip.Prefix) bool {
	for _, b := range privateBlocks {
		if p.Bits() >= b.Bits() && b.Contains(p.Addr()) {
			return true
		}
	}
	return false
}
