package iam

import (
	"maps"
	"strings"

	"labsim/console/core"
	"labsim/sim/iam"
)

// input clears a field's error as soon as the typed value passes the
// field's own rule, without another submit. Fields without an error are
// left alone: nothing is refused before the student submits.
func input(m core.Model, field, value string) (core.Model, []core.Effect) {
	if m.IAM.ErrRoute != m.UI.Route || len(m.IAM.Errors[field]) == 0 {
		return m, nil
	}
	if liveValid(m, field, value) {
		errs := maps.Clone(m.IAM.Errors)
		delete(errs, field)
		m.IAM.Errors = errs
	}
	return m, nil
}

// liveValid reports whether value now passes the field's rule.
func liveValid(m core.Model, field, value string) bool {
	acct, _ := m.Account()
	switch {
	case field == fieldCUName:
		_, taken := acct.IAM.User(value)
		return iam.ValidateUserName(value) == nil && !taken
	case field == fieldCGName:
		_, taken := acct.IAM.Group(value)
		return iam.ValidateGroupName(value) == nil && !taken
	case field == fieldCUPw:
		return value != "" && len(acct.IAM.PasswordPolicy.Check(value, acct.Name, acct.Email)) == 0
	case strings.HasPrefix(field, "iam.cu.tagk."):
		return strings.TrimSpace(value) != "" && tagTextErr(strings.TrimSpace(value)) == nil
	case strings.HasPrefix(field, "iam.cu.tagv."):
		return tagTextErr(value) == nil
	case field == fieldAKAck:
		return value == "true"
	case field == fieldAKDesc:
		return akDescErr(strings.TrimSpace(value)) == nil
	}
	return false
}
