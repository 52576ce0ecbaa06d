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
	var cards []ui.Vals
	for _, p := range account.SupportPlans() {
		id := "plan-" + p.ID
		var bullets []ui.Vals
		for _, b := range p.Bullets {
			bullets = append(bullets, ui.Vals{{K: "text", S: core.TextIn(c, b)}})
		}
		class := "plan-card"
		if p.ID == cur {
			class = "plan-card selected"
		}
		cards = append(cards, ui.Vals{{K: "class", S: class}, {K: "id", S: id}, {K: "value", S: p.ID}, {K: "checked", B: p.ID == cur},
			{K: "bulletsID", S: id + "-bullets"}, {K: "heading", S: core.TextIn(c, p.Heading)}, {K: "bullets", L: bullets}})
	}
	ent := account.Enterprise()
	_, bad := f.Problems[fieldSUPlan]
	return step5.Root(c, ui.Vals{{K: "cards", L: cards}, {K: "bad", B: bad}, {K: "error", N: []ui.Node{f.ErrorFor(fieldSUPlan)}},
		{K: "entTitle", S: core.TextIn(c, ent.Title)}, {K: "entBody", S: core.TextIn(c, ent.Body)},
		{K: "submit", N: []ui.Node{f.Submit("signup.step5.complete", "signup.step5.busy", m.Auth.Busy == "signup.create")}}})
}

// step5 is page 5: the support plan cards and the Enterprise note.
var step5 = ui.Lazy(`
<div>
	<h2>{t signup.step5.title}</h2>
	<p>{t signup.step5.intro}</p>
	<form data-form="signup.step5" novalidate aria-label="%signup.step5.title">
		<fieldset class="form-field plans" id="signup-supportPlan" aria-describedby="?bad:signup-supportPlan-error">
			<legend class="visually-hidden">{t signup.step5.title}</legend>
			<div class="plan-grid">
				<div each="cards" class="$class">
					<input id="$id" type="radio" name="signup.supportPlan" value="$value" checked="?checked" aria-describedby="$bulletsID">
					<label for="$id" class="plan-title">{d heading}</label>
					<ul id="$bulletsID"><li each="bullets">{d text}</li></ul>
				</div>
			</div>
			{slot error}
		</fieldset>
		<div class="enterprise">
			<h3>{d entTitle}</h3>
			<p>{d entBody}</p>
		</div>
		<div class="form-actions">{slot submit}</div>
	</form>
</div>`)

// suDonePage is the congratulations page.
func suDonePage(m core.Model, c i18n.Catalog) ui.Node {
	console := "#/signin"
	if m.Session.SignedIn() {
		console = "#/"
	}
	return donePage.Root(c, ui.Vals{{K: "account", S: core.DashedID(m.Field(fieldSUDoneAccount))}, {K: "console", S: console}})
}

// donePage is the congratulations page.
var donePage = ui.Lazy(`
<section class="page signup-page signup-done">
	<div class="container done-card">
		<div class="done-mark" aria-hidden="true"></div>
		<h1 id="page-title" tabindex="-1">{t signup.done.title}</h1>
		<p class="lead-dark">{t signup.done.thanks}</p>
		<p>{t signup.done.activating}</p>
		<p class="info-note">{t signup.done.accountId}{" "}<strong class="mono">{d account}</strong>{" "}{t signup.done.inbox}</p>
		<div class="form-actions">
			<button type="button" data-action="devices.open" data-arg="inbox" class="btn btn-normal">{t signup.done.openInbox}</button>
			<a class="btn btn-primary" href="$console">{t signup.done.console}</a>
		</div>
		<p class="done-other"><a href="#/signup/1">{t signup.done.another}</a>{" "}{t signup.done.sales}</p>
	</div>
</section>`)
