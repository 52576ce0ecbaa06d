package console

import "labsim/sim/awserr"

// whyAction is the Click action of the Why? button of a page the shell
// denies.
const whyAction = "access.why"

// fieldOpDenied remembers the last operation the signed-in user was denied
// on a page: "<route>\n<action>\n<resource>".
const fieldOpDenied = "access.opDenied"

// noteOpDenial remembers an operation of a button or form (through the
// door in the area's Click or Submit) that the signed-in IAM user was
// denied, when the page stays: the page then shows AWS's message with a
// Why? above its content, next to where the student acted.
func (m Model) noteOpDenial(before Model) Model {
	if !m.Session.IsIAMUser() || m.UI.Route != before.UI.Route {
		return m
	}
	last := 0
	if n := len(before.World.Events); n > 0 {
		last = before.World.Events[n-1].Seq
	}
	for i := len(m.World.Events) - 1; i >= 0; i-- {
		ev := m.World.Events[i]
		if ev.Seq <= last {
			break
		}
		if ev.ErrorCode == awserr.AccessDenied && ev.Principal == m.Session.Principal {
			m.Model = m.SetFields(fieldOpDenied, m.UI.Route+"\n"+ev.Action+"\n"+ev.Resource)
			return m
		}
	}
	return m
}
