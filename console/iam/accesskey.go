package iam

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/iam"
)

// The Create access key wizard of a user's Security credentials tab, as
// AWS's console has it: 1 Access key best practices & alternatives (the
// use case, the alternatives AWS recommends for it, the confirmation),
// 2 Set description tag - optional, 3 Retrieve access keys (the secret
// shown once, Download .csv file, Done). Each step has its own address
// under the user's, so that Back and Forward move between them. The
// secret lives only in the transient core.IAMState: leaving step 3 or
// reloading forgets it.

// Fields of the wizard; all start with akPrefix.
const (
	akPrefix     = "iam.ak."
	fieldAKUse   = "iam.ak.use"
	fieldAKAck   = "iam.ak.ack"
	fieldAKDesc  = "iam.ak.desc"
	fieldAKSaved = "iam.ak.downloaded"
	// akPath is the wizard's part of the address after the user's name.
	akPath = "/create-access-key"
)

// akUses are the use cases, in the console's order.
var akUses = []string{"cli", "local", "compute", "third", "app", "other"}

// akStep is a wizard step: 1, 2 or 3.
func akStep(tail string) int {
	switch tail {
	case "/description":
		return 2
	case "/retrieve":
		return 3
	}
	return 1
}

// akHash is the address of a step of the wizard for a user.
func akHash(user string, step int) string {
	h := "#/iam/users/" + user + akPath
	switch step {
	case 2:
		h += "/description"
	case 3:
		h += "/retrieve"
	}
	return h
}

// akRoute splits a users route's rest ("Luna/create-access-key/…") into the
// user's name and the step's tail ("", "/description", "/retrieve").
func akRoute(rest string) (user, tail string, ok bool) {
	i := strings.Index(rest, akPath)
	if i <= 0 || hasSlash(rest[:i]) {
		return "", "", false
	}
	tail = rest[i+len(akPath):]
	switch tail {
	case "", "/description", "/retrieve":
		return rest[:i], tail, true
	}
	return "", "", false
}

// akUse is the chosen use case.
func akUse(m core.Model) string {
	u := m.Field(fieldAKUse)
	for _, x := range akUses {
		if x == u {
			return u
		}
	}
	return "cli"
}

var akUseTpl = ui.Lazy(`
<form data-form="iam.ak.use" novalidate>
	<div class="container">
		<p>{t iam.ak.intro}</p>
		<div if="full" class="alert alert-error" role="alert"><p>{t iam.ak.full user=$user}</p></div>
		<fieldset class="form-field">
			<legend class="field-label">{t iam.key.useCase}</legend>
			<div each="uses" class="mfa-radio">
				<input type="radio" id="$id" name="iam.ak.use" value="$v" checked="?on" aria-describedby="$descID">
				<div>
					<label for="$id" class="radio-label">{t $k}</label>
					<p id="$descID" class="radio-desc">{t $desc}</p>
				</div>
			</div>
		</fieldset>
		<div class="info-note" role="region" aria-labelledby="iam-ak-alt-title">
			<h2 id="iam-ak-alt-title">{t iam.ak.altTitle}</h2>
			<p>{t $alt}</p>
		</div>
	</div>
	<div class="container">
		<h2>{t iam.ak.confirmation}</h2>
		<div class="form-field checkbox">
			<input type="checkbox" id="iam-ak-ack" name="iam.ak.ack" checked="?ack" aria-invalid="?ackErr:true" aria-describedby="$ackDesc">
			<label for="iam-ak-ack">{t iam.key.ack}</label>
			<p if="ackErr" id="iam-ak-ack-error" class="field-error" role="alert">{t =ackErrText}</p>
		</div>
	</div>
	<div class="form-actions">
		<button type="button" class="btn btn-link" data-action="iam.ak.cancel">{t iam.cancel}</button>
		<button type="submit" class="btn btn-primary">{t iam.next}</button>
	</div>
</form>`)

var akDescTpl = ui.Lazy(`
<form data-form="iam.ak.create" novalidate>
	<div class="container">
		<h2>{t iam.ak.descTag}</h2>
		<p>{t iam.ak.descIntro}</p>
		<div class="form-field">
			<label for="iam-ak-desc" class="field-label">{t iam.ak.descLabel}</label>
			<input id="iam-ak-desc" name="iam.ak.desc" type="text" value="$desc" autocomplete="off" spellcheck="false" aria-invalid="?descErr:true" aria-describedby="$descDesc">
			<p id="iam-ak-desc-hint" class="field-hint">{t iam.ak.descHint}</p>
			<p if="descErr" id="iam-ak-desc-error" class="field-error" role="alert">{t =descErrText}</p>
		</div>
	</div>
	<div class="form-actions">
		<button type="button" class="btn btn-link" data-action="iam.ak.cancel">{t iam.cancel}</button>
		<button type="button" class="btn btn-normal" data-action="iam.ak.back">{t iam.previous}</button>
		<button type="submit" class="btn btn-primary">{t iam.u.keyCreate}</button>
	</div>
</form>`)

var akRetrieveTpl = ui.Lazy(`
<div>
	<div class="iam-wizard-body" inert="?modal" aria-hidden="?modal:true">
		<div if="has" class="alert alert-success" role="status">
			<p><strong>{t iam.u.keyCreated}</strong></p>
			<p>{t iam.ak.once}</p>
		</div>
		<div if="!has" class="alert" role="status"><p>{t iam.ak.gone}</p></div>
		<div class="container">
			<h2 id="iam-ak-keys">{t iam.ak.keySection}</h2>
			<table if="has" class="table" aria-labelledby="iam-ak-keys">
				<thead><tr><th scope="col">{t iam.u.keyID}</th><th scope="col">{t iam.u.keySecret}</th></tr></thead>
				<tbody><tr>
					<td class="mono" id="iam-ak-id">{d keyID}</td>
					<td>
						<span if="shown" id="iam-ak-secret" class="mono">{d secret}</span>
						<span if="!shown" aria-label="%iam.ak.secretHidden">{"****************************************"}</span>
						{" "}
						<button type="button" class="btn btn-link" data-action="iam.ak.show" aria-label="$showLabel">{t $showKey}</button>
					</td>
				</tr></tbody>
			</table>
		</div>
		<div class="container">
			<h2>{t iam.ak.practices}</h2>
			<ul>
				<li>{t iam.ak.practice1}</li>
				<li>{t iam.ak.practice2}</li>
				<li>{t iam.ak.practice3}</li>
				<li>{t iam.ak.practice4}</li>
			</ul>
		</div>
		<div class="form-actions">
			<button if="has" type="button" class="btn btn-normal" data-action="iam.ak.csv">{t iam.cu.csv}</button>
			<button type="button" id="iam-ak-done" class="btn btn-primary" data-action="iam.ak.done">{t iam.done}</button>
		</div>
	</div>
	{slot dialog}
</div>`)

// akPage is the wizard's frame: breadcrumbs down to the user, the steps,
// the step's heading and its body.
var akPage = ui.Lazy(`
<div class="iam-wizard">
	<nav class="breadcrumbs" aria-label="%nav.breadcrumbs"><ol>
		<li><a href="#/iam">{t iam.short}</a></li>
		<li><a href="#/iam/users">{t iam.nav.users}</a></li>
		<li><a href="$userHref"><bdi>{d user}</bdi></a></li>
		<li aria-current="page">{t iam.u.keyCreate}</li>
	</ol></nav>
	<div class="iam-wizard-grid">
		{slot steps}
		<div>
			<h1 id="page-title" tabindex="-1">{t $title}</h1>
			{slot body}
		</div>
	</div>
</div>`)

var akLeaveTpl = ui.Lazy(`<p>{t iam.ak.leaveBody}</p>`)

// createKeyView renders a step of the Create access key wizard.
func createKeyView(m core.Model, c i18n.Catalog, rest string) ui.Node {
	name, tail, _ := akRoute(rest)
	acct, _ := m.Account()
	u, ok := acct.IAM.User(name)
	if !ok {
		return missing.Root(c, vals("text", "iam.u.missing", "name", name, "href", "#/iam/users", "back", "iam.nav.users"))
	}
	step := akStep(tail)
	titles := []string{"iam.ak.step1", "iam.ak.step2", "iam.ak.step3"}
	steps := make([]ui.Vals, len(titles))
	for i, t := range titles {
		cls := "iam-step"
		if i+1 < step {
			cls += " iam-step-done"
		}
		steps[i] = vals("n", strconv.Itoa(i+1), "t", t, "?cur", onText(i+1 == step), "cls", cls)
	}
	var body ui.Node
	switch step {
	case 1:
		cur := akUse(m)
		var uses []ui.Vals
		for _, k := range akUses {
			uses = append(uses, vals("id", "iam-ak-use-"+k, "descID", "iam-ak-use-"+k+"-desc", "v", k, "k", "iam.key.use."+k, "desc", "iam.ak.use."+k, "?on", onText(k == cur)))
		}
		v := ui.Vals{{K: "uses", L: uses}, {K: "alt", S: "iam.ak.alt." + cur}, {K: "ack", B: checked(m, fieldAKAck, false)},
			{K: "full", B: len(u.AccessKeys) >= iam.MaxAccessKeysPerUser}, {K: "user", S: u.Name}}
		if e := errText(m, c, fieldAKAck); e != "" {
			v = append(v, vals("?ackErr", "1", "ackErrText", e, "ackDesc", "iam-ak-ack-error")...)
		}
		body = akUseTpl.Root(c, v)
	case 2:
		v := ui.Vals{{K: "desc", S: m.Field(fieldAKDesc)}}
		if e := errText(m, c, fieldAKDesc); e != "" {
			v = append(v, vals("?descErr", "1", "descErrText", e, "descDesc", "iam-ak-desc-hint iam-ak-desc-error")...)
		} else {
			v = append(v, ui.V{K: "descDesc", S: "iam-ak-desc-hint"})
		}
		body = akDescTpl.Root(c, v)
	default:
		s := m.IAM.Secret
		has := s.User == u.Name && s.KeySecret != ""
		show, showLabel := "iam.show", "iam.ak.showSecret"
		if s.Shown {
			show, showLabel = "iam.hide", "iam.ak.hideSecret"
		}
		v := ui.Vals{{K: "has", B: has}, {K: "shown", B: s.Shown}, {K: "keyID", S: s.KeyID}, {K: "secret", S: s.KeySecret},
			{K: "showKey", S: show}, {K: "showLabel", S: c.T(showLabel)}, {K: "modal", B: m.IAM.Dialog == "akLeave"}}
		if m.IAM.Dialog == "akLeave" {
			v = append(v, ui.V{K: "dialog", N: []ui.Node{dialog(c, "iam.ak.leaveTitle", u.Name, "iam.ak.leave", "iam.ak.leave", false, akLeaveTpl.Root(c, nil))}})
		}
		body = akRetrieveTpl.Root(c, v)
	}
	return akPage.Root(c, ui.Vals{
		{K: "user", S: u.Name}, {K: "userHref", S: "#/iam/users/" + u.Name},
		{K: "title", S: titles[step-1]},
		{K: "steps", N: []ui.Node{wizardSteps.Root(c, ui.Vals{{K: "steps", L: steps}})}},
		{K: "body", N: []ui.Node{body}},
	})
}

// akUser is the user whose Create access key wizard is open.
func akUser(m core.Model) (iam.User, bool) {
	p, rest := pageOf(m.Route())
	if p != subCreateKey {
		return iam.User{}, false
	}
	name, _, _ := akRoute(rest)
	return iamAccount(m).User(name)
}

// akDescErr is the console's message for a description tag value, nil
// when it is fine.
func akDescErr(s string) []string {
	if n := utf8.RuneCountInString(s); n > iam.MaxTagValueLen {
		return []string{"iam.ak.err.descLong", "n", strconv.Itoa(n)}
	}
	return tagTextErr(s)
}

// toCredentials leaves the wizard for the user's Security credentials tab.
func toCredentials(m core.Model, user string) (core.Model, []core.Effect) {
	m = withErrors(clearPrefix(m, akPrefix), nil)
	m.IAM.Secret, m.IAM.Dialog = core.IAMSecret{}, ""
	return m.SetFields(fieldUserTab, "security").Go("#/iam/users/" + user)
}

// akClick handles the wizard's buttons.
func akClick(m core.Model, action string) (core.Model, []core.Effect) {
	u, ok := akUser(m)
	if !ok {
		return m, nil
	}
	s := m.IAM.Secret
	has := s.User == u.Name && s.KeySecret != ""
	switch action {
	case "iam.ak.cancel":
		return toCredentials(m, u.Name)
	case "iam.ak.back":
		return m.Go(akHash(u.Name, 1))
	case "iam.ak.show":
		m.IAM.Secret.Shown = !m.IAM.Secret.Shown
		return m, nil
	case "iam.ak.csv":
		if !has {
			return m, nil
		}
		m = m.SetFields(fieldAKSaved, "true")
		data := "Access key ID,Secret access key\n" + s.KeyID + "," + s.KeySecret + "\n"
		return m, []core.Effect{core.Download{Filename: u.Name + "_accessKeys.csv", MIME: "text/csv", Data: data}}
	case "iam.ak.done":
		// Leaving forgets the secret: without the .csv file the student
		// is asked first, as AWS's console does.
		if has && m.Field(fieldAKSaved) != "true" {
			m.IAM.Dialog = "akLeave"
			return m, []core.Effect{core.Focus{ID: "iam-dialog-title"}}
		}
		return toCredentials(m, u.Name)
	}
	return m, nil
}

// akSubmit handles the wizard's forms.
func akSubmit(m core.Model, form string) (core.Model, []core.Effect) {
	u, ok := akUser(m)
	if !ok {
		return m, nil
	}
	switch form {
	case "iam.ak.use":
		if !checked(m, fieldAKAck, false) {
			return withErrors(m, map[string][]string{fieldAKAck: {"iam.err.keyAck"}}), []core.Effect{core.Focus{ID: "iam-ak-ack"}}
		}
		if len(u.AccessKeys) >= iam.MaxAccessKeysPerUser {
			return m, []core.Effect{core.Focus{ID: "page-title"}}
		}
		return withErrors(m, nil).Go(akHash(u.Name, 2))
	case "iam.ak.create":
		if !checked(m, fieldAKAck, false) {
			next, fx := m.Go(akHash(u.Name, 1))
			return withErrors(next, map[string][]string{fieldAKAck: {"iam.err.keyAck"}}), append(fx, core.Focus{ID: "iam-ak-ack"})
		}
		desc := strings.TrimSpace(m.Field(fieldAKDesc))
		if e := akDescErr(desc); e != nil {
			return withErrors(m, map[string][]string{fieldAKDesc: e}), []core.Effect{core.Focus{ID: "iam-ak-desc"}}
		}
		var key iam.AccessKey
		var secret string
		next, err := do(m, sim.ConsoleCreateAccessKey{UserName: u.Name, Description: desc, Key: &key, Secret: &secret})
		if err != nil {
			return fail(next, err)
		}
		next = withErrors(clearPrefix(next, akPrefix), nil)
		next, fx := next.Go(akHash(u.Name, 3))
		// After the move: the shell forgets secrets when the page changes.
		next.IAM.Secret = core.IAMSecret{User: u.Name, KeyID: key.ID, KeySecret: secret}
		return next, fx
	case "iam.ak.leave":
		return toCredentials(m, u.Name)
	}
	return m, nil
}

// keyDescription is the description tag of a user's access key.
func keyDescription(u iam.User, keyID string) string {
	for _, t := range u.Tags {
		if t.Key == keyID {
			return t.Value
		}
	}
	return ""
}
