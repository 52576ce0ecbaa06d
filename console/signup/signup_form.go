package signup

import (
	"labsim/console/core"
	"labsim/sim/account"
)

// withProblems returns the model showing problems, with focus on the first
// field that has one (ids from fields; the sign-up's own controls from
// authFocusID).
func withProblems(m core.Model, problems []account.Problem, fields map[string]string) (core.Model, []core.Effect) {
	next, fx := m.WithProblems(problems, fields, func(name string, p account.Problem) string { return authFocusID(m, name, p) })
	m = next
	return m, fx
}

// authFocusID is the element to focus for a problem: the control itself,
// the first radio of a group, the month of an expiry date; for the
// verification code without a code box on page 4 (a voice call, or no
// code sent yet), the error itself.
func authFocusID(m core.Model, name string, p account.Problem) string {
	switch name {
	case fieldSUCode:
		if _, ok := suItem(m, fieldSUSMSItem); !ok {
			return core.AuthID(name) + "-error"
		}
	case fieldSUUsage:
		return core.AuthID(name) + "-" + account.UsageBusiness
	case fieldSUMethod:
		return core.AuthID(name) + "-" + account.MethodSMS
	case fieldSUBilling:
		return core.AuthID(name) + "-contact"
	case fieldSUPlan:
		return "plan-" + account.PlanBasic
	case fieldSUExpMonth:
		if p.Params["part"] == "year" {
			return core.AuthID(fieldSUExpYear)
		}
	}
	return core.AuthID(name)
}

// goTo moves to a page with a new history entry (core.Model.GoTo).
func goTo(m core.Model, hash string) (core.Model, []core.Effect) {
	next, fx := m.GoTo(hash)
	m = next
	return m, fx
}

// setFields returns the model with the ordinary fields set (never secrets).
func setFields(m core.Model, kv ...string) core.Model {
	m = m.SetFields(kv...)
	return m
}
