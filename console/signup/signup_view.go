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
		return suFrame(c, "1", suStep1(m, c), freeTierPanel(c, true))
	case "2":
		return suFrame(c, "2", suStep2(m, c), freeTierPanel(c, false))
	case "3":
		return suFrame(c, "3", suStep3(m, c), ui.Node{})
	case "4":
		return suFrame(c, "4", suStep4(m, c), ui.Node{})
	default:
		return suFrame(c, "5", suStep5(m, c), ui.Node{})
	}
}

// suFrame is the sign-up page: the "Sign up for AWS" heading, the free
// tier panel beside the first pages, and the step's card.
func suFrame(c i18n.Catalog, step string, card, aside ui.Node) ui.Node {
	layout := []string{"signup-layout"}
	if aside.Tag != "" {
		layout = append(layout, "with-aside")
	}
	return ui.El("section", ui.Class("page", "signup-page"), ui.A("data-step", step),
		core.Heading(ui.Text(c.T("signup.title"))),
		ui.El("div", ui.Class(layout...),
			ui.If(aside.Tag != "", aside),
			ui.El("div", ui.Class("container", "signup-card"), card)))
}

// freeTierPanel is the panel beside the first pages: the three kinds of
// free offers.
func freeTierPanel(c i18n.Catalog, explore bool) ui.Node {
	offer := func(key string) ui.Node {
		return ui.El("li", ui.Class("offer"),
			ui.El("span", ui.Class("offer-icon", "offer-"+key), ui.A("aria-hidden", "true")),
			ui.El("span", ui.El("strong", ui.Text(c.T("signup.free."+key))), ui.El("br"),
				ui.El("span", ui.Class("offer-note"), ui.Text(c.T("signup.free."+key+".note")))))
	}
	return ui.El("aside", ui.Class("free-tier"), ui.A("aria-labelledby", "free-tier-title"),
		ui.If(explore, []ui.Node{
			ui.El("p", ui.Class("free-explore"), ui.Text(c.T("signup.free.explore"))),
			ui.El("p", ui.Class("free-more"), ui.Text(c.T("signup.free.more"))),
		}),
		ui.El("h2", ui.ID("free-tier-title"), ui.Text(c.T("signup.free.title"))),
		ui.El("p", ui.Text(c.T("signup.free.intro"))),
		ui.El("ul", ui.Class("offers"), offer("always"), offer("12months"), offer("trials")))
}

// suStep1 is page 1: email address, password, confirmation, account name.
func suStep1(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, suStep1Fields)
	pw, confirm := m.Secrets[fieldSUPassword], m.Secrets[fieldSUConfirm]
	busy := m.Auth.Busy == "signup.hash"
	var retype ui.Node
	if m.Field(fieldSUHash) != "" && pw == "" {
		retype = ui.El("p", ui.Class("info-note"), ui.Text(c.T("signup.step1.retype")))
	}
	return ui.El("div",
		ui.El("h2", ui.Class("visually-hidden"), ui.Text(c.T("signup.step1.title"))),
		ui.El("form", ui.A("data-form", "signup.step1"), ui.A("novalidate", ""), ui.A("aria-labelledby", "page-title"),
			f.Input(fieldSUEmail, "signup.email", "signup.email.hint", "email", "email"),
			retype,
			f.Input(fieldSUPassword, "signup.password", "", "password", "new-password",
				ui.A("aria-describedby", "signup-rules")),
			core.PasswordChecklist(c, pw, m.Field(fieldSUEmail), m.Field(fieldSUAccountName), "signup-rules"),
			f.Input(fieldSUConfirm, "signup.confirmPassword", "", "password", "new-password",
				ui.A("aria-describedby", "signup-matches")),
			core.MatchesNote(c, pw, confirm, "signup-matches"),
			f.Input(fieldSUAccountName, "signup.accountName", "signup.accountName.hint", "text", "organization"),
			ui.El("div", ui.Class("form-actions"), f.Submit("signup.step1.continue", "signup.step1.busy", busy))),
		ui.El("p", ui.Class("divider"), ui.El("span", ui.Text(c.T("signup.or")))),
		ui.El("a", ui.Class("btn", "btn-normal", "btn-block"), ui.A("href", "#/signin"), ui.Text(c.T("signup.existing"))),
	)
}

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
	return ui.El("div",
		ui.El("h2", ui.Text(c.T("signup.step2.title"))),
		ui.El("form", ui.A("data-form", "signup.step2"), ui.A("novalidate", ""), ui.A("aria-label", c.T("signup.step2.title")),
			f.Radios(fieldSUUsage, "signup.usage", usage, nil),
			ui.El("h3", ui.Text(c.T("signup.contactWho"))),
			ui.If(m.Field(fieldSUUsage) == account.UsageBusiness,
				f.Input(fieldSUOrg, "signup.organizationName", "", "text", "organization")),
			f.Input(fieldSUFullName, "signup.fullName", "", "text", "name"),
			f.Input(fieldSUPhone, "signup.phone", "signup.phone.hint", "tel", "tel",
				ui.A("placeholder", c.T("signup.phone.placeholder"))),
			f.SelectField(fieldSUCountry, "signup.country", "", "", countryOptions(c, false), ui.A("autocomplete", "country")),
			ui.El("p", ui.Class("info-note"), ui.Text(c.T("signup.address.english"))),
			f.Input(fieldSULine1, "signup.address", "", "text", "address-line1"),
			f.Input(fieldSULine2, "signup.address2", "", "text", "address-line2"),
			f.Input(fieldSUCity, "signup.city", "", "text", "address-level2"),
			f.Input(fieldSUState, "signup.state", "", "text", "address-level1"),
			f.Input(fieldSUPostal, "signup.postal", "", "text", "postal-code"),
			f.Checkbox(fieldSUAgree, ui.Text(c.T("signup.agreement"))),
			ui.El("div", ui.Class("form-actions"), f.Submit("signup.step2.continue", "", false))),
	)
}
