package signup

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/account"
)

// suStep5 is page 5: the support plan cards (Basic is chosen unless the
// student picks another) and the Enterprise note.
func suStep5(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, suStep5Fields)
	cur := m.Field(fieldSUPlan)
	if cur == "" {
		cur = account.PlanBasic
	}
	var cards []ui.Node
	for _, p := range account.SupportPlans() {
		id := "plan-" + p.ID
		var bullets []ui.Node
		for _, b := range p.Bullets {
			bullets = append(bullets, ui.El("li", core.TextOf(c, b)))
		}
		cls := []string{"plan-card"}
		if p.ID == cur {
			cls = append(cls, "selected")
		}
		cards = append(cards, ui.El("div", ui.Class(cls...),
			ui.El("input", ui.ID(id), ui.A("type", "radio"), ui.A("name", fieldSUPlan), ui.A("value", p.ID),
				ui.If(p.ID == cur, ui.A("checked", "")), ui.A("aria-describedby", id+"-bullets")),
			ui.El("label", ui.A("for", id), ui.Class("plan-title"), core.TextOf(c, p.Heading)),
			ui.El("ul", ui.ID(id+"-bullets"), bullets)))
	}
	ent := account.Enterprise()
	busy := m.Auth.Busy == "signup.create"
	group := []any{ui.Class("form-field", "plans"), ui.ID(core.AuthID(fieldSUPlan))}
	if _, bad := f.Problems[fieldSUPlan]; bad {
		group = append(group, ui.A("aria-describedby", core.AuthID(fieldSUPlan)+"-error"))
	}
	group = append(group, ui.El("legend", ui.Class("visually-hidden"), ui.Text(c.T("signup.step5.title"))),
		ui.El("div", ui.Class("plan-grid"), cards), f.ErrorFor(fieldSUPlan))
	return ui.El("div",
		ui.El("h2", ui.Text(c.T("signup.step5.title"))),
		ui.El("p", ui.Text(c.T("signup.step5.intro"))),
		ui.El("form", ui.A("data-form", "signup.step5"), ui.A("novalidate", ""), ui.A("aria-label", c.T("signup.step5.title")),
			ui.El("fieldset", group...),
			ui.El("div", ui.Class("enterprise"),
				ui.El("h3", core.TextOf(c, ent.Title)),
				ui.El("p", core.TextOf(c, ent.Body))),
			ui.El("div", ui.Class("form-actions"), f.Submit("signup.step5.complete", "signup.step5.busy", busy))))
}

// suDonePage is the congratulations page.
func suDonePage(m core.Model, c i18n.Catalog) ui.Node {
	console := "#/signin"
	if m.Session.SignedIn() {
		console = "#/"
	}
	return ui.El("section", ui.Class("page", "signup-page", "signup-done"),
		ui.El("div", ui.Class("container", "done-card"),
			ui.El("div", ui.Class("done-mark"), ui.A("aria-hidden", "true")),
			core.Heading(ui.Text(c.T("signup.done.title"))),
			ui.El("p", ui.Class("lead-dark"), ui.Text(c.T("signup.done.thanks"))),
			ui.El("p", ui.Text(c.T("signup.done.activating"))),
			ui.El("p", ui.Class("info-note"),
				ui.Text(c.T("signup.done.accountId")), ui.Data(" "),
				ui.El("strong", ui.Class("mono"), ui.Data(core.DashedID(m.Field(fieldSUDoneAccount)))), ui.Data(" "),
				ui.Text(c.T("signup.done.inbox"))),
			ui.El("div", ui.Class("form-actions"),
				core.Button(c, "signup.done.openInbox", "devices.open", "inbox", ui.Class("btn", "btn-normal")),
				ui.El("a", ui.Class("btn", "btn-primary"), ui.A("href", console), ui.Text(c.T("signup.done.console")))),
			ui.El("p", ui.Class("done-other"),
				ui.El("a", ui.A("href", "#/signup/1"), ui.Text(c.T("signup.done.another"))), ui.Data(" "),
				ui.Text(c.T("signup.done.sales")))))
}
