package signup

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/account"
)

// signupView renders the sign-up page the route names.
func signupView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	switch p := suPage(m, r); p {
	case "done":
		return suDonePage(m, c)
	case "bank":
		return suBankPage(m, c)
	case "1":
		return suFrame(c, "1", suStep1(m, c), true, true)
	case "2":
		return suFrame(c, "2", suStep2(m, c), true, false)
	case "3":
		return suFrame(c, "3", suStep3(m, c), false, false)
	case "4":
		return suFrame(c, "4", suStep4(m, c), false, false)
	default:
		return suFrame(c, "5", suStep5(m, c), false, false)
	}
}

// frame is the sign-up page: the "Sign up for AWS" heading, the free
// tier panel beside the first two pages (with an invitation on the first),
// and the step's card.
var frame = ui.Lazy(`
<section class="page signup-page" data-step="$step">
	<h1 id="page-title" tabindex="-1">{t signup.title}</h1>
	<div class="$layout">
		<aside if="aside" class="free-tier" aria-labelledby="free-tier-title">
			<_ if="explore">
				<p class="free-explore">{t signup.free.explore}</p>
				<p class="free-more">{t signup.free.more}</p>
			</_>
			<h2 id="free-tier-title">{t signup.free.title}</h2>
			<p>{t signup.free.intro}</p>
			<ul class="offers">
				<li class="offer"><span class="offer-icon offer-always" aria-hidden="true"></span><span><strong>{t signup.free.always}</strong><br><span class="offer-note">{t signup.free.always.note}</span></span></li>
				<li class="offer"><span class="offer-icon offer-12months" aria-hidden="true"></span><span><strong>{t signup.free.12months}</strong><br><span class="offer-note">{t signup.free.12months.note}</span></span></li>
				<li class="offer"><span class="offer-icon offer-trials" aria-hidden="true"></span><span><strong>{t signup.free.trials}</strong><br><span class="offer-note">{t signup.free.trials.note}</span></span></li>
			</ul>
		</aside>
		<div class="container signup-card">{slot card}</div>
	</div>
</section>`)

// suFrame renders a step in the frame; aside shows the free tier panel,
// explore its invitation.
func suFrame(c i18n.Catalog, step string, card ui.Node, aside, explore bool) ui.Node {
	layout := "signup-layout"
	if aside {
		layout = "signup-layout with-aside"
	}
	return frame.Root(c, ui.Vals{{K: "step", S: step}, {K: "layout", S: layout}, {K: "aside", B: aside}, {K: "explore", B: explore},
		{K: "card", N: []ui.Node{card}}})
}

// suStep1 is page 1: email address, password, confirmation, account name.
func suStep1(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, suStep1Fields)
	pw, confirm := m.Secrets[fieldSUPassword], m.Secrets[fieldSUConfirm]
	busy := m.Auth.Busy == "signup.hash"
	return step1.Root(c, ui.Vals{
		{K: "email", N: []ui.Node{f.Input(fieldSUEmail, "signup.email", "signup.email.hint", "email", "email")}},
		{K: "retype", B: m.Field(fieldSUHash) != "" && pw == ""},
		{K: "password", N: []ui.Node{f.Input(fieldSUPassword, "signup.password", "", "password", "new-password",
			ui.A("aria-describedby", "signup-rules")),
			core.PasswordChecklist(c, pw, m.Field(fieldSUEmail), m.Field(fieldSUAccountName), "signup-rules"),
			f.Input(fieldSUConfirm, "signup.confirmPassword", "", "password", "new-password",
				ui.A("aria-describedby", "signup-matches")),
			core.MatchesNote(c, pw, confirm, "signup-matches"),
			f.Input(fieldSUAccountName, "signup.accountName", "signup.accountName.hint", "text", "organization")}},
		{K: "submit", N: []ui.Node{f.Submit("signup.step1.continue", "signup.step1.busy", busy)}},
	})
}

// step1 is page 1: email address, password, confirmation, account name.
var step1 = ui.Lazy(`
<div>
	<h2 class="visually-hidden">{t signup.step1.title}</h2>
	<form data-form="signup.step1" novalidate aria-labelledby="page-title">
		{slot email}
		<p if="retype" class="info-note">{t signup.step1.retype}</p>
		{slot password}
		<div class="form-actions">{slot submit}</div>
	</form>
	<p class="divider"><span>{t signup.or}</span></p>
	<a class="btn btn-normal btn-block" href="#/signin">{t signup.existing}</a>
</div>`)

// countryOptions lists every country in the catalog's language order.
func countryOptions(c i18n.Catalog, withCode bool) []core.Option {
	list := account.Countries()
	if c.Lang() == i18n.KO {
		list = account.CountriesByKoreanName()
	}
	out := make([]core.Option, 0, len(list))
	for _, k := range list {
		name := k.NameEN
		if c.Lang() == i18n.KO {
			name = k.NameKO
		}
		if withCode {
			if k.CallingCode == "" {
				continue
			}
			name += " (+" + k.CallingCode + ")"
		}
		out = append(out, core.Option{Value: k.Code, Label: ui.Data(name)})
	}
	return out
}

// suStep2 is page 2: contact information.
func suStep2(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, suStep2Fields)
	usage := []core.Option{
		{Value: account.UsageBusiness, Label: ui.Text(c.T("signup.usage.business"))},
		{Value: account.UsagePersonal, Label: ui.Text(c.T("signup.usage.personal"))},
	}
	m2 := m
	if m2.Field(fieldSUCountry) == "" {
		m2 = setFields(m2, fieldSUCountry, suCountry(m))
	}
	f.M = m2
	v := ui.Vals{
		{K: "usage", N: []ui.Node{f.Radios(fieldSUUsage, "signup.usage", usage, nil)}},
		{K: "contact", N: []ui.Node{
			f.Input(fieldSUFullName, "signup.fullName", "", "text", "name"),
			f.Input(fieldSUPhone, "signup.phone", "signup.phone.hint", "tel", "tel",
				ui.A("placeholder", c.T("signup.phone.placeholder"))),
			f.SelectField(fieldSUCountry, "signup.country", "", "", countryOptions(c, false), ui.A("autocomplete", "country"))}},
		{K: "address", N: []ui.Node{
			f.Input(fieldSULine1, "signup.address", "", "text", "address-line1"),
			f.Input(fieldSULine2, "signup.address2", "", "text", "address-line2"),
			f.Input(fieldSUCity, "signup.city", "", "text", "address-level2"),
			f.Input(fieldSUState, "signup.state", "", "text", "address-level1"),
			f.Input(fieldSUPostal, "signup.postal", "", "text", "postal-code"),
			f.Checkbox(fieldSUAgree, ui.Text(c.T("signup.agreement")))}},
		{K: "submit", N: []ui.Node{f.Submit("signup.step2.continue", "", false)}},
	}
	if m.Field(fieldSUUsage) == account.UsageBusiness {
		v = append(v, ui.V{K: "org", N: []ui.Node{f.Input(fieldSUOrg, "signup.organizationName", "", "text", "organization")}})
	}
	return step2.Root(c, v)
}

// step2 is page 2: contact information.
var step2 = ui.Lazy(`
<div>
	<h2>{t signup.step2.title}</h2>
	<form data-form="signup.step2" novalidate aria-label="%signup.step2.title">
		{slot usage}
		<h3>{t signup.contactWho}</h3>
		{slot org}
		{slot contact}
		<p class="info-note">{t signup.address.english}</p>
		{slot address}
		<div class="form-actions">{slot submit}</div>
	</form>
</div>`)
