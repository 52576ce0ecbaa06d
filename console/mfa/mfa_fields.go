package mfa

import (
	"labsim/console/i18n"
	"labsim/console/ui"
)

// mfaBreadcrumbs renders a trail of links ending with the current page.
func mfaBreadcrumbs(c i18n.Catalog, current ui.Node, links ...[2]string) ui.Node {
	var items []ui.Node
	for _, l := range links {
		items = append(items, ui.El("li", ui.El("a", ui.A("href", l[0]), ui.Text(c.T(l[1])))))
	}
	items = append(items, ui.El("li", ui.A("aria-current", "page"), current))
	return ui.El("nav", ui.Class("breadcrumbs"), ui.A("aria-label", c.T("nav.breadcrumbs")), ui.El("ol", items))
}
