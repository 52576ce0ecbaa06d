package policy

import (
	"strconv"
	"strings"
)

// legacy is moto's legacy parsing: Effect in exact case, Date condition
// values, and colon counts of resources whose format is otherwise fine.
// It also records the first resource format error for resourceFormat.
func (c *iamChecker) legacy() *Malformed {
	for _, s := range c.doc.Statements {
		if s.Effect.Text != "Allow" && s.Effect.Text != "Deny" {
			return malformed(msgLegacy, s.Effect.Span)
		}
		if m := legacyConditions(s.Condition); m != nil {
			return m
		}
	}
	return c.scanResources()
}

// legacyConditions parses the values of every Date operator.
func legacyConditions(cond *Value) *Malformed {
	if cond == nil {
		return nil
	}
	var one [1]*Value
	for _, op := range cond.Members {
		if !strings.HasPrefix(iamStripOperator(op.Key), "Date") {
			continue
		}
		for _, kv := range op.Value.Members {
			for _, v := range scalarItems(kv.Value, &one) {
				if !iamLegacyDate(v.Text) {
					return malformed(msgLegacy, v.Span)
				}
			}
		}
	}
	return nil
}

// scalarItems returns v itself (in one) when it is a scalar, or its items.
func scalarItems(v *Value, one *[1]*Value) []*Value {
	if v.Kind == Array {
		return v.Items
	}
	one[0] = v
	return one[:]
}

// scanResources walks every Resource element, then every NotResource
// element (moto's order). The first resource with a format error is kept
// for resourceFormat; until one is found, each element also gets the
// legacy colon checks, which refuse the policy at once.
func (c *iamChecker) scanResources() *Malformed {
	var one [1]*Value
	for _, not := range [...]bool{false, true} {
		for _, s := range c.doc.Statements {
			v := s.Resource
			if not {
				v = s.NotResource
			}
			var items []*Value
			if v != nil {
				items, _ = stringItems(v, &one)
			}
			for _, r := range items {
				if c.resErr == nil {
					if msg := iamResourceFormat(r.Text); msg != "" {
						c.resErr = malformed(msg, r.Span)
					}
				}
			}
			if c.resErr != nil {
				continue
			}
			for _, r := range items {
				if !iamLegacyResource(r.Text) {
					return malformed(msgLegacy, r.Span)
				}
			}
		}
	}
	return nil
}

// resourceFormat reports the resource format error scanResources found.
func (c *iamChecker) resourceFormat() *Malformed { return c.resErr }

// iamLegacyResource is moto's _legacy_parse_resource_like for one
// resource: an ARN with "::" needs at least five colons, and the service
// field must not be empty.
func iamLegacyResource(r string) bool {
	if r == "*" {
		return true
	}
	if countByteUpTo(r, ':', 5) < 5 && strings.Contains(r, "::") {
		return false
	}
	// The third of the fields strings.SplitN(r, ":", 4) gives must exist
	// and not be empty.
	_, rest, ok := strings.Cut(r, ":")
	if !ok {
		return false
	}
	if _, rest, ok = strings.Cut(rest, ":"); !ok {
		return false
	}
	service, _, _ := strings.Cut(rest, ":")
	return service != ""
}

// countByteUpTo is min(strings.Count(s, string(c)), max).
func countByteUpTo(s string, c byte, max int) int {
	n := 0
	for n < max {
		i := strings.IndexByte(s, c)
		if i < 0 {
			break
		}
		n++
		s = s[i+1:]
	}
	return n
}

// iamResourcePathPrefixes are the IAM resource types moto accepts.
var iamResourcePathPrefixes = []string{
	"user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/",
	"server-certificate/", "policy/", "sms-mfa/", "saml-provider/",
	"oidc-provider/", "report/", "access-report/",
}

// iamResourceFormat is moto's _validate_resource_format, returning IAM's
// message or "". Like moto it does not look at the first field (moto's
// "a:b:cadfsdf" case reports the partition). One addition (doc.go): an IAM
// resource of exactly "*" is accepted, as the message says.
func iamResourceFormat(r string) string {
	if r == "*" {
		return ""
	}
	_, rest, found := strings.Cut(r, ":")
	if !found {
		return "Resource " + r + ` must be in ARN format or "*".`
	}
	partition, rest, found := strings.Cut(rest, ":")
	if partition != "aws" && partition != "*" {
		return partitionMessage(partition, rest)
	}
	if !found {
		return "Resource vendor must be fully qualified and cannot contain regexes."
	}
	service, rest, _ := strings.Cut(rest, ":")
	if (service == "iam" || service == "s3") && !strings.HasPrefix(rest, ":") {
		if service == "iam" {
			return "IAM resource " + r + " cannot contain region information."
		}
		return "Resource " + r + " can not contain region information."
	}
	_, rest, _ = strings.Cut(rest, ":") // region
	_, res, _ := strings.Cut(rest, ":") // account
	if service == "iam" && res != "*" {
		for _, p := range iamResourcePathPrefixes {
			if strings.HasPrefix(res, p) {
				return ""
			}
		}
		return `IAM resource path must either be "*" or start with ` + strings.Join(iamResourcePathPrefixes, ", ") + "."
	}
	return ""
}

// partitionMessage renders moto's partition error, filling absent fields
// with "*".
func partitionMessage(partition, rest string) string {
	parts := strings.Split(rest, ":")
	field := func(i int) string {
		if i < len(parts) {
			return parts[i]
		}
		return "*"
	}
	arn1 := parts[0]
	if arn1 == "" && len(parts) == 1 {
		arn1 = "*"
	}
	arn4 := "*"
	if len(parts) > 3 {
		arn4 = strings.Join(parts[3:], ":")
	}
	return `Partition "` + partition + `" is not valid for resource "arn:` + partition + ":" + arn1 + ":" + field(1) + ":" + field(2) + ":" + arn4 + `".`
}

// iamLegacyDate is moto's _legacy_parse_date_condition_value: an ISO 8601
// date-time when the value holds "t" or "-", else epoch seconds. moto
// lower-cases the value first; the fields that matter are ASCII, so an
// ASCII value is read as it is, with 'T' and 'Z' taken for 't' and 'z'.
func iamLegacyDate(v string) bool {
	low := v
	if !isASCII(v) {
		low = strings.ToLower(v)
	}
	tAt := indexByteFold(low, 't')
	if tAt < 0 && !strings.Contains(v, "-") {
		n, err := strconv.ParseInt(strings.TrimPrefix(v, "+"), 10, 64)
		return err == nil && n >= 0
	}
	datePart, timePart := low, ""
	if tAt >= 0 {
		datePart, timePart = low[:tAt], low[tAt+1:]
	}
	neg := strings.HasPrefix(datePart, "-")
	if neg {
		datePart = datePart[1:]
	}
	// The fields of strings.Split(datePart, "-"): at most three.
	y, rest, hasMonth := strings.Cut(datePart, "-")
	mo, rest, hasDay := strings.Cut(rest, "-")
	d, _, more := strings.Cut(rest, "-")
	year, ok := pyInt(y)
	if neg {
		year = -year
	}
	if !ok || year < -292275054 || year > 292278993 || more {
		return false
	}
	if hasMonth && !pyIntIn(mo, 1, 12) {
		return false
	}
	if hasDay && !pyIntIn(d, 1, 31) {
		return false
	}
	// The fields of strings.Split(timePart, ":"), the third joined with
	// the rest.
	h, rest, hasMin := strings.Cut(timePart, ":")
	mi, sec, hasSec := strings.Cut(rest, ":")
	if h != "" && !pyIntIn(h, 0, 23) {
		return false
	}
	if hasMin && !pyIntIn(mi, 0, 59) {
		return false
	}
	if hasSec {
		return legacySeconds(sec)
	}
	return true
}

// indexByteFold returns the index of the first c (a lower-case ASCII
// letter) or its upper case in s, or -1.
func indexByteFold(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 == c {
			return i
		}
	}
	return -1
}

// legacySeconds checks "ss[.fraction][z|+hh[:mm]]" ('Z' counts as 'z').
func legacySeconds(s string) bool {
	var sec string
	switch z := indexByteFold(s, 'z'); {
	case z >= 0:
		if s[z+1:] != "" {
			return false
		}
		sec = s[:z]
	case strings.Contains(s, "+"):
		var zone string
		sec, zone, _ = strings.Cut(s, "+")
		zh, zm, hasMin := strings.Cut(zone, ":")
		if len(zh) != 2 || !pyIntIn(zh, 0, 23) {
			return false
		}
		if hasMin && (len(zm) != 2 || !pyIntIn(zm, 0, 59)) {
			return false
		}
	default:
		sec = s
	}
	whole, frac, hasFrac := strings.Cut(sec, ".")
	if !pyIntIn(whole, 0, 59) {
		return false
	}
	return !hasFrac || pyIntIn(frac, 0, 999999999)
}

// pyInt parses an integer the way Python's int() does for these fields:
// optional sign, decimal digits, surrounding white space allowed.
func pyInt(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	n, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), 10, 64)
	if err != nil || strings.HasPrefix(s, "+-") {
		return 0, false
	}
	return n, true
}

func pyIntIn(s string, lo, hi int64) bool {
	n, ok := pyInt(s)
	return ok && n >= lo && n <= hi
}
