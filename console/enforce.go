//go:build !entry

package console

import (
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

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
		m.Model = accessRead(m.Model, r)
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
	res := accessAuthorize(m.Model, r)
	if res.Decision == sim.Allowed {
		return ui.Node{}, false
	}
	title := ""
	if a.Title != nil {
		title = a.Title(m.Model, c, r)
	}
	v := ui.Vals{{K: "title", S: title}, {K: "denied", N: []ui.Node{core.Denied(c, m.Model, res, whyAction)}}}
	if a.Frame != nil {
		return a.Frame(m.Model, c, r, deniedInFrameTpl.Root(c, v)), true
	}
	return deniedPageTpl.Root(c, v), true
}

// deniedInFrameTpl is a denied page inside its area's layout
// (core.Area.Frame), which is the page frame.
var deniedInFrameTpl = ui.MustParse(`
<div class="denied-page">
	<h1 id="page-title" tabindex="-1">{d title}</h1>
	{slot denied}
</div>`)

// opDeniedView is the denied box of the page's last denied operation, if
// it is still denied.
func opDeniedView(m Model, c i18n.Catalog) (ui.Node, bool) {
	parts := strings.SplitN(m.Field(fieldOpDenied), "\n", 3)
	if len(parts) != 3 || parts[0] != m.UI.Route || !m.Session.IsIAMUser() {
		return ui.Node{}, false
	}
	res := m.AuthorizePage(parts[1], parts[2])
	if res.Decision == sim.Allowed {
		return ui.Node{}, false
	}
	return core.Denied(c, m.Model, res, whyAction), true
}
