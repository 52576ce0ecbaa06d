package mfa

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/mfa"
)

// pageCredentials is the route page of My Security Credentials:
//
//	#/security-credentials              the page
//	#/security-credentials/mfa          Activate MFA: choose the device type
//	#/security-credentials/mfa/virtual  set up the virtual device
//	#/security-credentials/mfa/done     assigned
//	#/security-credentials/manage       remove or resync the device
//	#/security-credentials/manage/resync
const pageCredentials = "security-credentials"

// Hashes of the credentials page and its wizards.
const (
	hashCredentials = "#/" + pageCredentials
	hashMFAType     = hashCredentials + "/mfa"
	hashMFASetup    = hashMFAType + "/virtual"
	hashMFADone     = hashMFAType + "/done"
	hashMFAManage   = hashCredentials + "/manage"
	hashMFAResync   = hashMFAManage + "/resync"
)

// credentialsView renders My Security Credentials or one of its wizards.
func credentialsView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	switch r.Arg {
	case "mfa":
		return mfaWizardView(m, c, r)
	case "manage":
		return mfaManageView(m, c, r)
	}
	if m.Session.IsIAMUser() {
		return userCredentialsPage(m, c)
	}
	return credentialsPage(m, c)
}

// credentialsTitle is the document title of the page and its wizards.
func credentialsTitle(m core.Model, c i18n.Catalog, r core.Route) string {
	switch r.Arg {
	case "mfa", "manage":
		return c.T("mfa.title")
	}
	return c.T("cred.title")
}

// credentialsTpl is the root user's My Security Credentials page.
var credentialsTpl = ui.Lazy(`
<section class="page mfa-page">
	<h1 id="page-title" tabindex="-1">{t cred.title}</h1>
	<p>{t cred.intro}</p>
	<section class="container" aria-labelledby="cred-mfa">
		<h2 id="cred-mfa">{t cred.mfa.title}</h2>
		<p>{t cred.mfa.intro}</p>
		<p if="!devices" class="empty">{t cred.mfa.none}</p>
		<button if="!devices" type="button" data-action="mfa.start" class="btn btn-primary">{t cred.mfa.activate}</button>
		<p if="devices">{t cred.mfa.count n=$count}</p>
		<_ if="devices">{slot table}</_>
	</section>
	{slot root}
	<section class="container" aria-labelledby="cred-ids">
		<h2 id="cred-ids">{t cred.ids.title}</h2>
		<dl class="kv">
			<dt>{t cred.ids.accountId}</dt>
			<dd class="mono">{d id}</dd>
			<dt>{t cred.ids.root}</dt>
			<dd class="mono">{d arn}</dd>
		</dl>
	</section>
</section>
`)

// devicesTable lists the root user's MFA devices.
var devicesTable = ui.Table{Class: "mfa-table", Columns: []ui.Column{
	{Head: "cred.mfa.type", Cell: ui.Tpl{T: "cred.mfa.virtual"}},
	{Head: "cred.mfa.serial", CellAttrs: []ui.Attr{{Key: "class", Val: "mono"}}, Cell: ui.Tpl{D: "serial"}},
	{Head: "cred.mfa.assignedOn", Cell: ui.Tpl{D: "assigned"}},
	{Head: "cred.mfa.actions", Cell: ui.Tpl{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "mfa.manage"},
		{Key: "data-arg", Val: "$serial"}, {Key: "class", Val: "btn btn-normal"}, {Key: "aria-label", Val: "$manageLabel"}}, T: "cred.mfa.manage"}},
}}

// credentialsPage computes the page's view-model.
func credentialsPage(m core.Model, c i18n.Catalog) ui.Node {
	acct, _ := m.Account()
	v := ui.Vals{{K: "devices", B: len(acct.RootMFA) > 0}, {K: "count", S: strconv.Itoa(len(acct.RootMFA))},
		{K: "email", S: acct.Email}, {K: "id", S: acct.ID}, {K: "arn", S: acct.RootARN()}}
	if len(acct.RootMFA) > 0 {
		rows := make([]ui.Vals, 0, len(acct.RootMFA))
		for _, d := range acct.RootMFA {
			rows = append(rows, ui.Vals{{K: "serial", S: d.Serial}, {K: "assigned", S: d.EnabledAt.UTC().Format("2006-01-02 15:04 UTC")},
				{K: "manageLabel", S: c.T("cred.mfa.manageLabel", "serial", d.Serial)}})
		}
		v = append(v, ui.V{K: "table", N: []ui.Node{devicesTable.Render(c, rows)}})
	}
	if m.Session.Root {
		v = append(v, ui.V{K: "root", N: rootCreds(m, c, acct)})
	}
	return credentialsTpl.Root(c, v)
}

// mfaRootDevice returns the root user's device with the serial, or the first
// one when serial is "".
func mfaRootDevice(m core.Model, serial string) (mfa.Device, bool) {
	for _, d := range myDevices(m) {
		if serial == "" || d.Serial == serial {
			return d, true
		}
	}
	return mfa.Device{}, false
}
