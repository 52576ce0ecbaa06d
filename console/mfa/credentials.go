package mfa

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/mfa"
)

// pageCredentials is the route page of My Security Credentials. The MFA
// wizard and Manage are modal dialogs over the page, each step with its own
// address so that a reload, a deep link and back/forward show it again:
//
//	#/security-credentials              the page
//	#/security-credentials/mfa          dialog: choose the device type
//	#/security-credentials/mfa/virtual  dialog: set up the virtual device
//	#/security-credentials/mfa/done     dialog: assigned
//	#/security-credentials/manage       dialog: remove or resync the device
//	#/security-credentials/manage/resync
const pageCredentials = "security-credentials"

// Hashes of the credentials page and its dialogs.
const (
	hashCredentials = "#/" + pageCredentials
	hashMFAType     = hashCredentials + "/mfa"
	hashMFASetup    = hashMFAType + "/virtual"
	hashMFADone     = hashMFAType + "/done"
	hashMFAManage   = hashCredentials + "/manage"
	hashMFAResync   = hashMFAManage + "/resync"
)

// credentialsView renders My Security Credentials, with the MFA wizard or
// Manage open over it as a modal dialog on their routes.
func credentialsView(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	var dlg ui.Node
	open := true
	switch r.Arg {
	case "mfa":
		dlg = mfaWizardDialog(m, c, r)
	case "manage":
		dlg = mfaManageDialog(m, c, r)
	default:
		open = false
	}
	var page ui.Node
	if m.Session.IsIAMUser() {
		page = userCredentialsPage(m, c, open)
	} else {
		page = credentialsPage(m, c, open)
	}
	if !open {
		return page
	}
	return ui.El("div", page, dlg)
}

// credentialsTitle is the document title of the page and its dialogs.
func credentialsTitle(m core.Model, c i18n.Catalog, r core.Route) string {
	switch r.Arg {
	case "mfa", "manage":
		return c.T("mfa.title")
	}
	return c.T("cred.title")
}

// Sections of the root user's page, in the textbook's order. Each is a
// heading button (aria-expanded) that shows or hides its region; which are
// open is kept in the field "mfa.open.<name>" (not "…password", which
// would make it a secret field that is never saved).
const (
	secPassword   = "pw"
	secMFA        = "mfa"
	secKeys       = "keys"
	secCloudFront = "cloudfront"
	secX509       = "x509"
	secIDs        = "ids"
	fieldOpen     = "mfa.open."
)

// sections are the root page's sections and their headings.
var sections = [...]struct{ name, title string }{
	{secPassword, "cred.password.title"}, {secMFA, "cred.mfa.title"}, {secKeys, "cred.keys.title"},
	{secCloudFront, "cred.cloudfront.title"}, {secX509, "cred.x509.title"}, {secIDs, "cred.ids.title"},
}

// sectionOpen reports whether a section of the root page is expanded.
func sectionOpen(m core.Model, name string) bool { return m.Field(fieldOpen+name) == "1" }

// openSection expands a section (the MFA one under its dialogs, so focus
// can return to Activate MFA).
func openSection(m core.Model, name string) core.Model {
	if sectionOpen(m, name) {
		return m
	}
	return m.SetFields(fieldOpen+name, "1")
}

// sectionID is the id of a section's heading button; sectionPanel its region.
func sectionID(name string) string    { return "cred-sec-" + name }
func sectionPanel(name string) string { return "cred-panel-" + name }

// toggleSection expands or collapses a section; focus stays on its button.
func toggleSection(m core.Model, name string) (core.Model, []core.Effect) {
	for _, s := range sections {
		if s.name == name {
			v := "1"
			if sectionOpen(m, name) {
				v = ""
			}
			return m.SetFields(fieldOpen+name, v), []core.Effect{core.Focus{ID: sectionID(name)}}
		}
	}
	return m, nil
}

// credentialsTpl is the root user's My Security Credentials page; it is
// inert and hidden from assistive technology while a dialog is open.
var credentialsTpl = ui.Lazy(`
<section class="page mfa-page" inert="?modal" aria-hidden="?modal:true">
	<h1 id="page-title" tabindex="-1">{t cred.title}</h1>
	<p>{t cred.intro}</p>
	<section each="sections" class="container cred-section">
		<h2 class="cred-head">
			<button type="button" id="$btn" class="cred-toggle" aria-expanded="$expanded" aria-controls="$panel" data-action="mfa.section" data-arg="$name">{t $title}</button>
		</h2>
		<div id="$panel" role="region" aria-labelledby="$btn" class="cred-panel" hidden="?shut">{slot body}</div>
	</section>
</section>
`)

// mfaSectionTpl is the body of the Multi-factor authentication section.
var mfaSectionTpl = ui.Lazy(`
<div>
	<p>{t cred.mfa.intro}</p>
	<p if="!devices" class="empty">{t cred.mfa.none}</p>
	<button if="!devices" type="button" id="cred-mfa-activate" data-action="mfa.start" class="btn btn-primary">{t cred.mfa.activate}</button>
	<p if="devices">{t cred.mfa.count n=$count}</p>
	<_ if="devices">{slot table}</_>
</div>`)

// idsSectionTpl is the body of the Account identifiers section.
var idsSectionTpl = ui.Lazy(`
<dl class="kv">
	<dt>{t cred.ids.accountId}</dt>
	<dd class="mono">{d id}</dd>
	<dt>{t cred.ids.root}</dt>
	<dd class="mono">{d arn}</dd>
</dl>`)

// devicesTable lists the MFA devices; each Manage button has the id
// mfa-manage-<n>, where focus returns when its dialog closes.
var devicesTable = ui.Table{Class: "mfa-table", Columns: []ui.Column{
	{Head: "cred.mfa.type", Cell: ui.Tpl{T: "cred.mfa.virtual"}},
	{Head: "cred.mfa.serial", CellAttrs: []ui.Attr{{Key: "class", Val: "mono"}}, Cell: ui.Tpl{D: "serial"}},
	{Head: "cred.mfa.assignedOn", Cell: ui.Tpl{D: "assigned"}},
	{Head: "cred.mfa.actions", Cell: ui.Tpl{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "id", Val: "$manageID"}, {Key: "data-action", Val: "mfa.manage"},
		{Key: "data-arg", Val: "$serial"}, {Key: "class", Val: "btn btn-normal"}, {Key: "aria-label", Val: "$manageLabel"}}, T: "cred.mfa.manage"}},
}}

// deviceRows are the table's rows for devices.
func deviceRows(c i18n.Catalog, devs []mfa.Device) []ui.Vals {
	rows := make([]ui.Vals, 0, len(devs))
	for i, d := range devs {
		rows = append(rows, ui.Vals{{K: "serial", S: d.Serial}, {K: "assigned", S: d.EnabledAt.UTC().Format("2006-01-02 15:04 UTC")},
			{K: "manageID", S: manageID(i)}, {K: "manageLabel", S: c.T("cred.mfa.manageLabel", "serial", d.Serial)}})
	}
	return rows
}

// manageID is the id of the n-th device's Manage button.
func manageID(n int) string { return "mfa-manage-" + strconv.Itoa(n) }

// credentialsPage computes the root page's view-model: only the open
// sections' bodies are rendered.
func credentialsPage(m core.Model, c i18n.Catalog, modal bool) ui.Node {
	acct, _ := m.Account()
	var root []ui.Node
	if m.Session.Root && (sectionOpen(m, secPassword) || sectionOpen(m, secKeys)) {
		root = rootCreds(m, c, acct)
	}
	list := make([]ui.Vals, 0, len(sections))
	for _, s := range sections {
		open := sectionOpen(m, s.name)
		var body []ui.Node
		if open {
			switch s.name {
			case secPassword, secKeys:
				if m.Session.Root {
					body = root[:1]
					if s.name == secKeys {
						body = root[1:2]
					}
				}
			case secMFA:
				v := ui.Vals{{K: "devices", B: len(acct.RootMFA) > 0}, {K: "count", S: strconv.Itoa(len(acct.RootMFA))}}
				if len(acct.RootMFA) > 0 {
					v = append(v, ui.V{K: "table", N: []ui.Node{devicesTable.Render(c, deviceRows(c, acct.RootMFA))}})
				}
				body = []ui.Node{mfaSectionTpl.Root(c, v)}
			case secCloudFront:
				body = []ui.Node{ui.El("p", ui.Text(c.T("cred.cloudfront.body")))}
			case secX509:
				body = []ui.Node{ui.El("p", ui.Text(c.T("cred.x509.body")))}
			case secIDs:
				body = []ui.Node{idsSectionTpl.Root(c, ui.Vals{{K: "id", S: acct.ID}, {K: "arn", S: acct.RootARN()}})}
			}
		}
		expanded := "false"
		if open {
			expanded = "true"
		}
		list = append(list, ui.Vals{{K: "name", S: s.name}, {K: "title", S: s.title}, {K: "btn", S: sectionID(s.name)},
			{K: "panel", S: sectionPanel(s.name)}, {K: "expanded", S: expanded}, {K: "shut", B: !open}, {K: "body", N: body}})
	}
	return credentialsTpl.Root(c, ui.Vals{{K: "modal", B: modal}, {K: "sections", L: list}})
}

// mfaRootDevice returns the signed-in identity's device with the serial,
// or the first one when serial is "".
func mfaRootDevice(m core.Model, serial string) (mfa.Device, bool) {
	for _, d := range myDevices(m) {
		if serial == "" || d.Serial == serial {
			return d, true
		}
	}
	return mfa.Device{}, false
}
