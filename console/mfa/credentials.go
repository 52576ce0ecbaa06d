package mfa

import (
	"labsim/console/core"
	"strconv"

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

// credentialsPage is the root user's My Security Credentials page.
func credentialsPage(m core.Model, c i18n.Catalog) ui.Node {
	acct, _ := m.Account()
	var mfaBody []ui.Node
	if len(acct.RootMFA) == 0 {
		mfaBody = append(mfaBody,
			ui.El("p", ui.Class("empty"), ui.Text(c.T("cred.mfa.none"))),
			core.Button(c, "cred.mfa.activate", "mfa.start", "", ui.Class("btn", "btn-primary")))
	} else {
		var rows []ui.Node
		for _, d := range acct.RootMFA {
			rows = append(rows, ui.El("tr",
				ui.El("td", ui.Text(c.T("cred.mfa.virtual"))),
				ui.El("td", ui.Class("mono"), ui.Data(d.Serial)),
				ui.El("td", ui.Data(d.EnabledAt.UTC().Format("2006-01-02 15:04 UTC"))),
				ui.El("td", core.Button(c, "cred.mfa.manage", "mfa.manage", d.Serial, ui.Class("btn", "btn-normal"),
					ui.A("aria-label", c.T("cred.mfa.manageLabel", "serial", d.Serial)))),
			))
		}
		mfaBody = append(mfaBody,
			ui.El("p", ui.Text(c.T("cred.mfa.count", "n", strconv.Itoa(len(acct.RootMFA))))),
			ui.El("table", ui.Class("mfa-table"),
				ui.El("thead", ui.El("tr",
					ui.El("th", ui.A("scope", "col"), ui.Text(c.T("cred.mfa.type"))),
					ui.El("th", ui.A("scope", "col"), ui.Text(c.T("cred.mfa.serial"))),
					ui.El("th", ui.A("scope", "col"), ui.Text(c.T("cred.mfa.assignedOn"))),
					ui.El("th", ui.A("scope", "col"), ui.Text(c.T("cred.mfa.actions"))))),
				ui.El("tbody", rows)))
	}
	return ui.El("section", ui.Class("page", "mfa-page"),
		core.Heading(ui.Text(c.T("cred.title"))),
		ui.El("p", ui.Text(c.T("cred.intro"))),
		ui.El("section", ui.Class("container"), ui.A("aria-labelledby", "cred-mfa"),
			ui.El("h2", ui.ID("cred-mfa"), ui.Text(c.T("cred.mfa.title"))),
			ui.El("p", ui.Text(c.T("cred.mfa.intro"))),
			mfaBody),
		ui.El("section", ui.Class("container"), ui.A("aria-labelledby", "cred-password"),
			ui.El("h2", ui.ID("cred-password"), ui.Text(c.T("cred.password.title"))),
			ui.El("p", ui.Text(c.T("cred.password.intro", "email", acct.Email)))),
		ui.El("section", ui.Class("container"), ui.A("aria-labelledby", "cred-ids"),
			ui.El("h2", ui.ID("cred-ids"), ui.Text(c.T("cred.ids.title"))),
			ui.El("dl", ui.Class("kv"),
				ui.El("dt", ui.Text(c.T("cred.ids.accountId"))), ui.El("dd", ui.Class("mono"), ui.Data(acct.ID)),
				ui.El("dt", ui.Text(c.T("cred.ids.root"))), ui.El("dd", ui.Class("mono"), ui.Data(acct.RootARN())))),
	)
}

// mfaRootDevice returns the root user's device with the serial, or the first
// one when serial is "".
func mfaRootDevice(m core.Model, serial string) (mfa.Device, bool) {
	acct, ok := m.Account()
	if !ok {
		return mfa.Device{}, false
	}
	for _, d := range acct.RootMFA {
		if serial == "" || d.Serial == serial {
			return d, true
		}
	}
	return mfa.Device{}, false
}
