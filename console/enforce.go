package console

import (
	"labsim/console/access"
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// whyAction is the Click action of the Why? button of a page the shell
// denies.
const whyAction = "access.why"

// ownReads reports whether an area makes its page reads and shows its
// denials itself: the VPC, EC2, S3 and simulator pages (their Load) and
// the policy pages (their Enter reads what each tab shows). Their calls
// are the same rows of the table.
func ownReads(a core.Area) bool { return a.Load != nil || a.Prefix == "policies" }

// enforceRead makes the page's calls of the enforcement table through the
// door for an IAM user (areas with their own reads make them); the root
// user is always allowed, so its page loads are not logged.
func (m Model) enforceRead(a core.Area, r Route) Model {
	if !ownReads(a) && m.Session.IsIAMUser() {
		m.Model = access.Read(m.Model, r)
	}
	return m
}

// deniedTpl is a page the signed-in user may not see: its heading and
// AWS's access-denied box with the Why? disclosure, inside the page frame.
var deniedPageTpl = ui.MustParse(`
<section class="page denied-page">
	<h1 id="page-title" tabindex="-1">{d title}</h1>
	{slot denied}
</section>`)

// deniedView renders the page of an area without its own enforcement
// when the enforcement table denies it to the signed-in IAM user.
func deniedView(m Model, c i18n.Catalog, a core.Area, r Route) (ui.Node, bool) {
	if ownReads(a) || !m.Session.IsIAMUser() {
		return ui.Node{}, false
	}
	res := access.Authorize(m.Model, r)
	if res.Decision == sim.Allowed {
		return ui.Node{}, false
	}
	title := ""
	if a.Title != nil {
		title = a.Title(m.Model, c, r)
	}
	return deniedPageTpl.Root(c, ui.Vals{{K: "title", S: title},
		{K: "denied", N: []ui.Node{core.Denied(c, m.Model, res, whyAction)}}}), true
}
