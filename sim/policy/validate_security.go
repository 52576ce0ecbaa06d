package policy

import "strings"

// roleCheck describes the PassRole and CreateServiceLinkedRole checks:
// the action they are about, the condition key that scopes it, and the
// issue code for each way a statement can grant it broadly.
type roleCheck struct {
	action   string
	scopeKey string
	// codes by [grant][resource]: grant explicit, wildcard action,
	// NotAction; resource star, NotResource.
	codes [3][2]string
}

var roleChecks = []roleCheck{
	{"iam:PassRole", "iam:PassedToService", [3][2]string{
		{CodePassRoleWithStarInResource, CodePassRoleWithNotResource},
		{CodePassRoleWithStarInActionAndRes, CodePassRoleWithStarInActionNotRes},
		{CodePassRoleWithStarInResNotAction, CodePassRoleWithNotActionNotRes},
	}},
	{"iam:CreateServiceLinkedRole", "iam:AWSServiceName", [3][2]string{
		{CodeCreateSLRWithStarInResource, CodeCreateSLRWithNotResource},
		{CodeCreateSLRWithStarInActionAndRes, CodeCreateSLRWithStarInActionNotRes},
		{CodeCreateSLRWithStarInResNotAction, CodeCreateSLRWithNotActionNotRes},
	}},
}

const (
	grantExplicit = iota
	grantWildcard
	grantNotAction
)

// serviceRoleChecks reports Allow statements that grant iam:PassRole or
// iam:CreateServiceLinkedRole on every role. A condition on the scoping
// key (iam:PassedToService, iam:AWSServiceName) silences the star-resource
// findings, as the messages suggest.
func (r *aaRun) serviceRoleChecks(s *Statement) {
	if s.Effect == nil || s.Effect.Text != "Allow" {
		return
	}
	for i := range roleChecks {
		c := &roleChecks[i]
		grant, span, ok := grantOf(s, c.action)
		if !ok {
			continue
		}
		switch {
		case s.NotResource != nil && s.Resource == nil:
			r.add(c.codes[grant][1], span)
		case s.Resource != nil && allRolesResource(s.Resource, &r.sc.glob) && !conditionHasKey(s.Condition, c.scopeKey):
			r.add(c.codes[grant][0], span)
		}
	}
}

// grantOf tells how a statement grants the action: by name, through a
// wildcard, or through NotAction; span is the granting entry.
func grantOf(s *Statement, action string) (grant int, span Span, ok bool) {
	var one [1]*Value
	if s.Action != nil {
		items, _ := stringItems(s.Action, &one)
		wild := -1
		for i, it := range items {
			if equalFoldLit(it.Text, action) {
				return grantExplicit, it.Span, true
			}
			if wild < 0 && hasWildcard(it.Text) && aaGlobMatch(it.Text, action, true) {
				wild = i
			}
		}
		if wild >= 0 {
			return grantWildcard, items[wild].Span, true
		}
		return 0, Span{}, false
	}
	if s.NotAction != nil {
		items, ok := stringItems(s.NotAction, &one)
		if !ok {
			return 0, Span{}, false
		}
		for _, it := range items {
			if aaGlobMatch(it.Text, action, true) {
				return 0, Span{}, false
			}
		}
		return grantNotAction, memberKeySpan(s.Node, "NotAction"), true
	}
	return 0, Span{}, false
}

// asciiOrEqualFold is strings.EqualFold, quicker when both are ASCII.
func asciiOrEqualFold(a, b string) bool {
	if len(a) == len(b) && asciiEqualFold(a, b) {
		return true
	}
	if isASCII(a) && isASCII(b) {
		return false
	}
	return strings.EqualFold(a, b)
}

// equalFoldLit is strings.EqualFold(s, lit) for an ASCII lit. Only a
// non-ASCII s can be longer and still equal (Unicode folds 'ſ' to 's' and
// the Kelvin sign to 'k'); none can be shorter.
func equalFoldLit(s, lit string) bool {
	switch {
	case len(s) < len(lit):
		return false
	case len(s) == len(lit):
		return asciiEqualFold(s, lit)
	}
	return !isASCII(s) && strings.EqualFold(s, lit)
}

// allRolesResource reports whether a Resource entry covers every IAM role:
// "*", or an IAM ARN whose resource field matches any role name
// ("arn:aws:iam::123456789012:role/*"). "role/Service*" does not count.
// g is scratch space.
func allRolesResource(v *Value, g *globScratch) bool {
	var one [1]*Value
	items, _ := stringItems(v, &one)
	for _, it := range items {
		if it.Text == "*" {
			return true
		}
		parts, ok := splitARNFields(it.Text)
		if !ok || hasPolicyVar(it.Text) {
			continue
		}
		if aaGlobMatch(parts[2], "iam", false) && g.covers(parts[5], "role/*", false, false) {
			return true
		}
	}
	return false
}

// conditionHasKey reports whether any operator block uses the key.
func conditionHasKey(cond *Value, key string) bool {
	if cond == nil || cond.Kind != Object {
		return false
	}
	for _, op := range cond.Members {
		if op.Value.Kind != Object {
			continue
		}
		for _, kv := range op.Value.Members {
			if equalFoldLit(kv.Key, key) {
				return true
			}
		}
	}
	return false
}
