package signup

import (
	"fmt"
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/account"
)

// suStep3 is page 3: billing information, with a prominent notice that no
// real card may be entered and the test card to use instead.
func suStep3(m core.Model, c i18n.Catalog) ui.Node {
	f := core.NewAuthForm(m, c, suStep3Fields)
	number := m.Secrets[fieldSUCardNumber]
	var brand ui.Node
	if d := digitsOf(number); len(d) >= 1 {
		if b := account.DetectBrand(d); b != "" {
			brand = ui.El("p", ui.ID("signup-card-brand"), ui.Class("card-brand"), ui.A("aria-live", "polite"),
				ui.Text(c.T("signup.card.brand")), ui.Data(" "), ui.El("strong", ui.Data(account.BrandName(b))))
		}
	}
	if brand.Tag == "" {
		brand = ui.El("p", ui.ID("signup-card-brand"), ui.Class("card-brand"), ui.A("aria-live", "polite"))
	}
	months := make([]core.Option, 0, 12)
	for i := 1; i <= 12; i++ {
		months = append(months, core.Option{Value: strconv.Itoa(i), Label: ui.Data(fmt.Sprintf("%02d", i))})
	}
	years := make([]core.Option, 0, account.MaxCardYearsAhead+1)
	for y := m.Now.Year(); y <= m.Now.Year()+account.MaxCardYearsAhead; y++ {
		years = append(years, core.Option{Value: strconv.Itoa(y), Label: ui.Data(strconv.Itoa(y))})
	}
	billing := m.Field(fieldSUBilling)
	if billing == "" {
		billing = "contact"
	}
	fm := f
	fm.M = setFields(m, fieldSUBilling, billing)
	in := suBillingInput(m)
	country := in.ContactCountry
	if !in.UseContactAddress {
		country = in.Address.Country
	}
	expAttrs := f.Described(fieldSUExpMonth, false)
	month := ui.El("select", ui.ID(core.AuthID(fieldSUExpMonth)), ui.A("name", fieldSUExpMonth), expAttrs,
		selectOptions(c, "signup.card.monthPlaceholder", m.Field(fieldSUExpMonth), months))
	year := ui.El("select", ui.ID(core.AuthID(fieldSUExpYear)), ui.A("name", fieldSUExpYear), expAttrs,
		selectOptions(c, "signup.card.yearPlaceholder", m.Field(fieldSUExpYear), years))
	v := ui.Vals{
		{K: "testCard", S: account.TestCardNumber},
		{K: "number", N: []ui.Node{f.Input(fieldSUCardNumber, "signup.card.number", "signup.card.number.hint", "text", "off",
			ui.A("inputmode", "numeric"), ui.A("aria-describedby", "signup-card-brand"))}},
		{K: "brand", N: []ui.Node{brand}},
		{K: "month", N: []ui.Node{month}}, {K: "year", N: []ui.Node{year}},
		{K: "expErr", N: []ui.Node{f.ErrorFor(fieldSUExpMonth)}},
		{K: "holder", N: []ui.Node{f.Input(fieldSUCardholder, "signup.card.holder", "", "text", "cc-name")}},
		{K: "billing", N: []ui.Node{fm.Radios(fieldSUBilling, "signup.billing", []core.Option{
			{Value: "contact", Label: ui.Text(c.T("signup.billing.contact"))},
			{Value: "new", Label: ui.Text(c.T("signup.billing.new"))},
		}, []ui.Node{suContactSummary(m, c), {}})}},
		{K: "submit", N: []ui.Node{f.Submit("signup.step3.continue", "", false)}},
	}
	if !in.UseContactAddress {
		v = append(v, ui.V{K: "address", N: []ui.Node{suBillingAddress(f, c)}})
	}
	if account.CVVRequired(country) {
		v = append(v, ui.V{K: "cvv", N: []ui.Node{f.Input(fieldSUCVV, "signup.card.cvv", "signup.card.cvv.hint", "password", "off", ui.A("inputmode", "numeric"))}})
	}
	return step3.Root(c, v)
}

// step3 is the payment page: the simulator's note about cards, the card,
// its expiry, the cardholder, the billing address and the CVV where the
// country asks for one.
var step3 = ui.Lazy(`
<div>
	<h2>{t signup.step3.title}</h2>
	<div class="sim-notice" role="note" aria-labelledby="sim-notice-title">
		<h3 id="sim-notice-title">{t signup.card.simTitle}</h3>
		<p>{t signup.card.simBody}</p>
		<p>{t signup.card.testLabel}{" "}<strong class="mono test-card">{d testCard}</strong></p>
	</div>
	<p>{t signup.step3.intro}</p>
	<form data-form="signup.step3" novalidate aria-label="%signup.step3.title">
		{slot number}
		{slot brand}
		<fieldset class="form-field expiry">
			<legend class="field-label">{t signup.card.expiry}</legend>
			<div class="expiry-row">
				<div>
					<label for="signup-expMonth" class="sub-label">{t signup.card.month}</label>
					{slot month}
				</div>
				<div>
					<label for="signup-expYear" class="sub-label">{t signup.card.year}</label>
					{slot year}
				</div>
			</div>
			{slot expErr}
		</fieldset>
		{slot holder}
		{slot billing}
		{slot address}
		{slot cvv}
		<p class="field-hint">{t signup.step3.redirect}</p>
		<div class="form-actions">{slot submit}</div>
	</form>
</div>`)

// selectOptions is a placeholder option followed by opts, cur selected.
func selectOptions(c i18n.Catalog, placeholderKey, cur string, opts []core.Option) []ui.Node {
	out := []ui.Node{ui.El("option", ui.A("value", ""), ui.If(cur == "", ui.A("selected", "")), ui.Text(c.T(placeholderKey)))}
	for _, o := range opts {
		out = append(out, ui.El("option", ui.A("value", o.Value), ui.If(o.Value == cur, ui.A("selected", "")), o.Label))
	}
	return out
}

// suContactSummary is the contact address, shown under "Use my contact
// address".
func suContactSummary(m core.Model, c i18n.Catalog) ui.Node {
	in := suContact(m)
	a := in.Address
	name := a.Country
	if k, ok := account.CountryByCode(a.Country); ok {
		name = k.NameEN
		if c.Lang() == i18n.KO {
			name = k.NameKO
		}
	}
	line := a.Line1
	for _, s := range []string{a.Line2, a.City, a.StateOrRegion, a.PostalCode, name} {
		if account.Clean(s) != "" {
			line += ", " + account.Clean(s)
		}
	}
	return ui.Data(line)
}

// suBillingAddress is the new billing address.
func suBillingAddress(f core.AuthForm, c i18n.Catalog) ui.Node {
	fm := f
	if fm.M.Field(fieldSUBCountry) == "" {
		fm.M = fm.M.SetFields(fieldSUBCountry, suCountry(fm.M))
	}
	return ui.El("div", ui.Class("sub-form"),
		fm.SelectField(fieldSUBCountry, "signup.country", "", "", countryOptions(c, false)),
		f.Input(fieldSUBLine1, "signup.address", "", "text", "billing address-line1"),
		f.Input(fieldSUBLine2, "signup.address2", "", "text", "billing address-line2"),
		f.Input(fieldSUBCity, "signup.city", "", "text", "billing address-level2"),
		f.Input(fieldSUBState, "signup.state", "", "text", "billing address-level1"),
		f.Input(fieldSUBPostal, "signup.postal", "", "text", "billing postal-code"))
}

// digitsOf keeps the digits of s.
func digitsOf(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// suBankPage is the simulated bank's page that asks the card holder to
// approve the temporary 1 USD authorisation.
func suBankPage(m core.Model, c i18n.Catalog) ui.Node {
	sum := account.Summarize(m.Secrets[fieldSUCardNumber])
	return bankPage.Root(c, ui.Vals{{K: "card", S: account.BrandName(sum.Brand) + " •••• " + sum.Last4}})
}

// bankPage is the simulated bank's page that authorises the 1 USD check.
var bankPage = ui.Lazy(`
<section class="page bank-page">
	<div class="bank">
		<p class="bank-brand"><span class="bank-logo" aria-hidden="true"></span>{t signup.bank.name}</p>
		<h1 id="page-title" tabindex="-1">{t signup.bank.title}</h1>
		<p>{t signup.bank.body}</p>
		<dl class="kv">
			<dt>{t signup.bank.merchant}</dt><dd>{"Amazon Web Services"}</dd>
			<dt>{t signup.bank.amount}</dt><dd>{"1.00 USD"}</dd>
			<dt>{t signup.bank.card}</dt><dd>{d card}</dd>
		</dl>
		<p class="info-note">{t signup.bank.sim}</p>
		<div class="form-actions">
			<button type="button" data-action="signup.bank.cancel" class="btn btn-normal">{t signup.bank.cancel}</button>
			<button type="button" data-action="signup.bank.confirm" class="btn btn-primary">{t signup.bank.confirm}</button>
		</div>
	</div>
</section>`)
