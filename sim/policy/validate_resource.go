package policy

import (
	"strconv"
	"strings"
)

// supportedPartition is the simulator's partition: the console is the
// commercial one, so Access Analyzer supports "aws" only.
const supportedPartition = "aws"

// resourceElement checks a Resource or NotResource element.
func (r *aaRun) resourceElement(v *Value) {
	var one [1]*Value
	items := r.elementStrings(v, CodeEmptyArrayResource, &one)
	for _, it := range items {
		r.resource(it)
	}
	r.redundantResources(items)
}

// resource checks one resource ARN.
func (r *aaRun) resource(rv *Value) {
	text := rv.Text
	if text == "*" {
		return
	}
	if hasPolicyVar(text) {
		if !r.vars {
			r.add(CodeVariableUnsupportedInVersion, rv.Span)
		} else if code := policyVarIssue(text); code != "" {
			r.add(code, rv.Span)
			return
		}
	}
	parts, ok := splitARNFields(text)
	if !strings.HasPrefix(text, "arn:") {
		r.add(CodeInvalidARNPrefix, rv.Span)
		return
	}
	if !ok {
		r.add(CodeMissingARNField, rv.Span, "fields", "6")
		return
	}
	partition, service, region, account, res := parts[1], parts[2], parts[3], parts[4], parts[5]
	if service == "" {
		r.add(CodeMissingARNField, rv.Span, "fields", "6")
		return
	}
	if !hasPolicyVar(partition) && !aaGlobMatch(partition, supportedPartition, false) {
		r.add(CodeInvalidPartition, rv.Span, "service", service, "partition", partition, "partitions", supportedPartition)
	}
	if hasWildcard(service) || hasPolicyVar(service) {
		if service != "*" {
			r.add(CodeWildcardInServiceName, rv.Span)
		}
		return
	}
	if strings.ToLower(service) != service {
		r.add(CodeInvalidARNServiceCase, rv.Span, "service", service)
		return
	}
	if region != "" && !hasWildcard(region) && !hasPolicyVar(region) && !regionShaped(region) {
		r.add(CodeInvalidARNRegion, rv.Span, "region", region)
	}
	if account != "" && !hasPolicyVar(account) && !accountShaped(account) {
		r.add(CodeInvalidARNAccount, rv.Span, "account", account)
	}
	if res == "" {
		r.add(CodeInvalidARNResource, rv.Span)
		return
	}
	r.resourceFormat(rv, service, region, account, res)
}

// resourceFormat compares an ARN with its service's resource types.
// Without the catalog only IAM's rule (no Region) is known.
func (r *aaRun) resourceFormat(rv *Value, service, region, account, res string) {
	var f templateFields
	switch {
	case r.v.idx != nil:
		templates := r.v.idx.arn[service]
		if len(templates) == 0 {
			if _, ok := r.v.cat.Service(service); !ok {
				r.add(CodeInvalidService, rv.Span, "service", service)
			}
			return
		}
		// Only the resource types whose resource field can match decide
		// what the Region and account fields may hold.
		f = r.matchingTemplates(service, res, templates)
		if f.matched == 0 {
			r.add(CodeInvalidARNResource, rv.Span)
			return
		}
	case service == "iam":
		f.add(false, true) // IAM ARNs: no Region, an account
	default:
		return
	}
	switch {
	case region != "" && !f.regionAllowed:
		r.add(CodeARNRegionNotAllowed, rv.Span, "service", service)
	case region == "" && f.regionRequired:
		r.add(CodeMissingARNRegion, rv.Span, "service", service)
	}
	if account != "" && !f.accountAllowed {
		r.add(CodeARNAccountNotAllowed, rv.Span, "service", service)
	}
}

// templateFields sums up what a set of resource types allows in the
// Region and account fields of an ARN.
type templateFields struct {
	matched        int  // how many resource types
	regionAllowed  bool // some type has a Region
	regionRequired bool // every type has one
	accountAllowed bool // some type has an account
}

// add counts one more resource type, which has a Region field or not,
// and an account field or not.
func (f *templateFields) add(region, account bool) {
	if f.matched == 0 {
		f.regionRequired = true
	}
	f.matched++
	if region {
		f.regionAllowed = true
	} else {
		f.regionRequired = false
	}
	if account {
		f.accountAllowed = true
	}
}

// matchingTemplates sums up the resource types of service whose resource
// field can match the ARN's resource field res, its ${…} variables
// standing for '*'. Past the run's budget every candidate counts as
// matching.
func (r *aaRun) matchingTemplates(service, res string, templates []arnTemplate) templateFields {
	memo := r.sc.arnMemoOf(service, res, len(templates))
	if memo.done && r.arnWork >= memo.cost {
		// The budget lasts the whole sum-up: it is what it was last time.
		r.arnWork -= memo.cost
		return memo.fields
	}
	var f templateFields
	idx := r.v.idx
	vars := hasPolicyVar(res)
	lit := literalPrefixVars(res, vars)
	runes := false // r.sc.res holds the runes of res
	budget, cost := r.arnWork, 0
	for k := range templates {
		t := &templates[k]
		prefix := idx.resourcePrefix(t)
		n := min(len(lit), len(prefix))
		if n > 0 && lit[0] != prefix[0] || lit[:n] != prefix[:n] {
			continue
		}
		cost++
		if r.arnWork <= 0 {
			f.add(!t.region.empty(), !t.account.empty())
			continue
		}
		r.arnWork--
		if memo.known[k] == intersectUnknown {
			if !runes {
				r.sc.res = appendGlobRunes(r.sc.res[:0], res, vars)
				runes = true
			}
			memo.known[k] = intersectNo
			if r.sc.glob.intersects(r.sc.res, idx.field(t.resource)) {
				memo.known[k] = intersectYes
			}
		}
		if memo.known[k] == intersectYes {
			f.add(!t.region.empty(), !t.account.empty())
		}
	}
	if budget >= cost {
		memo.fields, memo.cost, memo.done = f, cost, true
	}
	return f
}

// intersection is whether an ARN's resource field can match a resource
// type's, once known.
type intersection uint8

const (
	intersectUnknown intersection = iota
	intersectYes
	intersectNo
)

// arnMemoKey names an ARN's resource field in a service.
type arnMemoKey struct{ service, res string }

// arnMemo is what matchingTemplates found for an ARN's resource field:
// which resource types it can match, and, once a sum-up ran within the
// budget, the sum-up and how many comparisons it took.
type arnMemo struct {
	known  []intersection // per resource type of idx.arn[service]
	fields templateFields
	cost   int
	done   bool
}

// arnMemoMax bounds the memo of ARNs kept between validations; past it
// the memo starts again empty.
const arnMemoMax = 512

// arnMemoOf returns the memo of the resource field res in service, which
// has n resource types. The answers depend on nothing else, so they are
// kept for the next validations: an edited policy keeps most of its ARNs.
func (sc *validateScratch) arnMemoOf(service, res string, n int) *arnMemo {
	if m, ok := sc.arnMemo[arnMemoKey{service, res}]; ok && len(m.known) == n {
		return m
	}
	if sc.arnMemo == nil || len(sc.arnMemo) >= arnMemoMax {
		sc.arnMemo = make(map[arnMemoKey]*arnMemo)
	}
	m := &arnMemo{known: make([]intersection, n)}
	sc.arnMemo[arnMemoKey{strings.Clone(service), strings.Clone(res)}] = m
	return m
}

// regionShaped reports whether s looks like a Region code: two letters,
// one or more hyphenated words, and a number ("us-east-1",
// "us-gov-west-1").
func regionShaped(s string) bool {
	// The fields strings.Split(s, "-") gives: at least three.
	first, rest, _ := strings.Cut(s, "-")
	i := strings.LastIndexByte(rest, '-')
	if i < 0 || len(first) != 2 || !isLowerWord(first) {
		return false
	}
	for middle := rest[:i]; ; {
		p, more, found := strings.Cut(middle, "-")
		if p == "" || !isLowerWord(p) {
			return false
		}
		if !found {
			break
		}
		middle = more
	}
	last := rest[i+1:]
	if last == "" {
		return false
	}
	_, err := strconv.Atoi(last)
	return err == nil && last[0] != '+' && last[0] != '-'
}

func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// accountShaped accepts a 12-digit account ID, "aws" (AWS managed policy
// ARNs), or a pattern whose other characters are digits and that can still
// match 12 digits.
func accountShaped(s string) bool {
	if s == "aws" {
		return true
	}
	fixed, star := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '*':
			star = true
		case c == '?' || (c >= '0' && c <= '9'):
			fixed++
		default:
			return false
		}
	}
	return fixed == 12 || (star && fixed < 12)
}

// redundantResources reports ARNs that another ARN of the element already
// covers (REDUNDANT_RESOURCE, once per element).
func (r *aaRun) redundantResources(items []*Value) {
	if len(items) < 2 {
		return
	}
	sc := r.sc
	sc.ids, sc.wild = sc.ids[:0], sc.wild[:0]
	for i, it := range items {
		sc.ids = append(sc.ids, int32(i))
		if hasWildcard(it.Text) && !hasPolicyVar(it.Text) {
			sc.wild = append(sc.wild, int32(i))
		}
	}
	// An ARN written the same as an earlier one is redundant.
	sc.dup = bools(sc.dup, len(items))
	sc.markLaterDuplicates(sc.dup, sc.ids,
		func(i, j int32) bool { return items[i].Text == items[j].Text },
		func(i, j int32) int { return strings.Compare(items[i].Text, items[j].Text) })
	red := bools(sc.red, len(items))
	sc.red = red
	n, first := 0, -1
	for i := len(items) - 1; i >= 0; i-- {
		text := items[i].Text
		if sc.dup[i] {
			red[i] = true
		} else {
			for _, j := range sc.wild {
				if r.work <= 0 {
					break
				}
				// ${…} in text stands for anything: the widest ARN.
				if int(j) != i && !red[j] && r.covers(items[j].Text, text, false, true) {
					red[i] = true
					break
				}
			}
		}
		if red[i] {
			n++
			first = i
		}
	}
	if n > 0 && r.work > 0 {
		r.add(CodeRedundantResource, items[first].Span, "redundantResourceCount", strconv.Itoa(n))
	}
}
