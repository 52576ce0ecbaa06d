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
	for _, op := range cond.Members {
		if !strings.HasPrefix(iamStripOperator(op.Key), "Date") {
			continue
		}
		for _, kv := range op.Value.Members {
			for _, v := range scalarItems(kv.Value) {
				if !iamLegacyDate(v.Text) {
					return malformed(msgLegacy, v.Span)
				}
			}
		}
	}
	return nil
}

// scalarItems returns v itself when it is a scalar, or its items.
func scalarItems(v *Value) []*Value {
	if v.Kind == Array {
		return v.Items
	}
	return []*Value{v}
}

// scanResources walks every Resource element, then every NotResource
// element (moto's order). The first resource with a format error is kept
// for resourceFormat; until one is found, each element also gets the
// legacy colon checks, which refuse the policy at once.
type resourcePick func(*Statement) *Value

func (c *iamChecker) scanResources() *Malformed {
	picks := []resourcePick{
		func(s *Statement) *Value { return s.Resource },
		func(s *Statement) *Value { return s.NotResource },
	}
	for _, pick := range picks {
		for _, s := range c.doc.Statements {
			items, _ := stringList(pick(s))
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
	if strings.Count(r, ":") < 5 && strings.Contains(r, "::") {
		return false
	}
	parts := strings.SplitN(r, ":", 4)
	return len(parts) >= 3 && parts[2] != ""
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
// date-time when the value holds "t" or "-", else epoch seconds.
func iamLegacyDate(v string) bool {
	low := strings.ToLower(v)
	if !strings.Contains(low, "t") && !strings.Contains(v, "-") {
		n, err := strconv.ParseInt(strings.TrimPrefix(v, "+"), 10, 64)
		return err == nil && n >= 0
	}
	datePart, timePart, _ := strings.Cut(low, "t")
	neg := strings.HasPrefix(datePart, "-")
	if neg {
		datePart = datePart[1:]
	}
	dp := strings.Split(datePart, "-")
	year, ok := pyInt(dp[0])
	if neg {
		year = -year
	}
	if !ok || year < -292275054 || year > 292278993 || len(dp) > 3 {
		return false
	}
	if len(dp) > 1 && !pyIntIn(dp[1], 1, 12) {
		return false
	}
	if len(dp) > 2 && !pyIntIn(dp[2], 1, 31) {
		return false
	}
	tp := strings.Split(timePart, ":")
	if tp[0] != "" && !pyIntIn(tp[0], 0, 23) {
		return false
	}
	if len(tp) > 1 && !pyIntIn(tp[1], 0, 59) {
		return false
	}
	if len(tp) > 2 {
		return legacySeconds(strings.Join(tp[2:], ":"))
	}
	return true
}

// legacySeconds checks "ss[.fraction][z|+hh[:mm]]".
func legacySeconds(s string) bool {
	var sec string
	switch {
	case strings.Contains(s, "z"):
		var after string
		sec, after, _ = strings.Cut(s, "z")
		if after != "" {
			return false
		}
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
