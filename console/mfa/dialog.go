package mfa

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/mfa"
)

// The MFA wizard and Manage are modal dialogs: role=dialog with
// aria-modal, named by their heading (which takes focus when a step
// opens), the page behind inert, Tab kept inside (wasm's trapTab), Escape,
// Cancel and × close them and focus returns to the control that opened
// them. The student's own wizard has routes (see pageCredentials); the
// administrator's, over an IAM user's page, is kept in fields.

// Ids of the dialog's heading and of the controls that open a dialog.
const (
	dialogTitleID = "mfa-dialog-title"
	activateID    = "cred-mfa-activate"
	// adminOpenerID is the Assign MFA device button of an IAM user's
	// Security credentials tab (console/iam), where focus returns.
	adminOpenerID = "iam-u-mfa-assign"
)

// Fields of the dialogs.
const (
	// fieldDialog is "1" while one of the page's dialogs is shown, so that
	// leaving it by back or forward returns focus to its opener.
	fieldDialog = "mfa.dlg"
	// The administrator's dialog over an IAM user's page (core's).
	fieldAdminUser   = core.FieldMFAAdminUser
	fieldAdminStep   = core.FieldMFAAdminStep
	fieldAdminDevice = core.FieldMFAAdminDevice
)

// dialogTpl is the modal dialog around a step.
var dialogTpl = ui.Lazy(`
<div class="mfa-backdrop">
	<div class="mfa-dialog" role="dialog" aria-modal="true" aria-labelledby="mfa-dialog-title">
		<div class="mfa-dialog-head">
			<h2 id="mfa-dialog-title" tabindex="-1">{t =title}</h2>
			<button type="button" class="mfa-dialog-x" data-action="$close" aria-label="%mfa.dialog.close"><span aria-hidden="true">{"×"}</span></button>
		</div>
		{slot body}
	</div>
</div>`)

// dialog renders a step in the dialog; close is the action of its ×.
func dialog(c i18n.Catalog, title, close string, body ui.Node) ui.Node {
	return dialogTpl.Root(c, ui.Vals{{K: "title", S: title}, {K: "close", S: close}, {K: "body", N: []ui.Node{body}}})
}

// who is the identity a dialog assigns a device to or manages a device of.
type who struct {
	user   string // the IAM user; "" for the root user
	device string // the name of a new device
	admin  bool   // an administrator on the user's page
}

// own is the signed-in identity: the root user's default device name, or
// the IAM user's name, as AWS's console suggests.
func own(m core.Model) who {
	if m.Session.IsIAMUser() {
		return who{user: m.Session.UserName, device: m.Session.UserName}
	}
	return who{device: mfa.DefaultRootDeviceName}
}

// adminOpen returns the administrator's dialog when it is open over the
// page shown: the IAM user page of the user it names.
func adminOpen(m core.Model) (who, bool) {
	name, dev, ok := m.MFAAdminDialog()
	if !ok {
		return who{}, false
	}
	return who{user: name, device: dev, admin: true}, true
}

// current is the identity the wizard works for now.
func current(m core.Model) who {
	if w, ok := adminOpen(m); ok {
		return w
	}
	return own(m)
}

// createDeviceOp draws a new device's secret.
func (w who) createDeviceOp(secret *mfa.Secret) sim.Op {
	if w.user != "" {
		return sim.CreateVirtualMFADevice{Name: w.device, Secret: secret}
	}
	return sim.CreateRootVirtualMFADevice{Name: w.device, Secret: secret}
}

// enableDeviceOp assigns the pending device with two consecutive codes.
func (w who) enableDeviceOp(secret mfa.Secret, code1, code2 string) sim.Op {
	if w.user != "" {
		return sim.EnableMFADevice{UserName: w.user, DeviceName: w.device, Secret: secret, Code1: code1, Code2: code2}
	}
	return sim.EnableRootMFADevice{Name: w.device, Secret: secret, Code1: code1, Code2: code2}
}

// deactivateDeviceOp removes a device from its owner.
func (w who) deactivateDeviceOp(serial string) sim.Op {
	if w.user != "" {
		return sim.DeactivateMFADevice{UserName: w.user, Serial: serial}
	}
	return sim.DeactivateRootMFADevice{Serial: serial}
}

// deleteDeviceOp deletes a virtual device.
func (w who) deleteDeviceOp(serial string) sim.Op {
	if w.user != "" {
		return sim.DeleteVirtualMFADevice{Serial: serial}
	}
	return sim.DeleteRootVirtualMFADevice{Serial: serial}
}

// resyncDeviceOp resynchronises a device with two consecutive codes.
func (w who) resyncDeviceOp(serial, code1, code2 string) sim.Op {
	if w.user != "" {
		return sim.ResyncMFADevice{UserName: w.user, Serial: serial, Code1: code1, Code2: code2}
	}
	return sim.ResyncRootMFADevice{Serial: serial, Code1: code1, Code2: code2}
}

// step moves the wizard to a step ("", "virtual", "done"): the student's
// own wizard by its route (a history entry), the administrator's in its
// field. Focus goes to the dialog's heading, which names the step.
func (w who) step(m core.Model, step string) (core.Model, []core.Effect) {
	if w.admin {
		m = m.SetFields(fieldAdminStep, step)
		return m, []core.Effect{core.Focus{ID: dialogTitleID}}
	}
	hash := hashMFAType
	if step != "" {
		hash += "/" + step
	}
	return mfaGo(m, hash)
}

// closeDialog closes the wizard and returns focus to its opener.
func (w who) closeDialog(m core.Model) (core.Model, []core.Effect) {
	if w.admin {
		m = m.ClearFields(fieldAdminUser, fieldAdminStep, fieldAdminDevice)
		return m, []core.Effect{core.Focus{ID: adminOpenerID}}
	}
	return mfaGo(m, hashCredentials)
}

// opener is the control focus returns to when a dialog of the credentials
// page closes: Activate MFA (Assign MFA device) while there is no device,
// else the Manage button of the device Manage was open for, or the first.
func opener(m core.Model) string {
	devs := myDevices(m)
	if len(devs) == 0 {
		return activateID
	}
	serial := m.Field(fieldMFASerial)
	for i, d := range devs {
		if d.Serial == serial {
			return manageID(i)
		}
	}
	return manageID(0)
}

// enter runs when a credentials route is shown (a click, a link, back or
// forward, a reload): a dialog's route expands the MFA section behind it
// and moves focus to the dialog's heading; the page itself, reached from a
// dialog, returns focus to the dialog's opener.
func enter(m core.Model, r core.Route) (core.Model, []core.Effect) {
	switch r.Arg {
	case argSection:
		// A link to one section (the unified search's MFA and Access keys):
		// the page with that section expanded and its heading focused; the
		// address becomes the page's own.
		m.UI.Route = "#/" + pageCredentials
		for _, s := range sections {
			if s.name == r.Rest {
				m = openSection(m, s.name)
				return m, []core.Effect{core.SetURL{Query: "?lang=" + string(m.UI.Lang), Hash: m.UI.Route}, core.Focus{ID: sectionID(s.name)}}
			}
		}
		return m, []core.Effect{core.SetURL{Query: "?lang=" + string(m.UI.Lang), Hash: m.UI.Route}}
	case "mfa", "manage":
		m = openSection(m, secMFA)
		if m.Field(fieldDialog) != "1" {
			m = m.SetFields(fieldDialog, "1")
		}
		return m, []core.Effect{core.Focus{ID: dialogTitleID}}
	case "":
		if m.Field(fieldDialog) != "" {
			m = m.ClearFields(fieldDialog)
			return m, []core.Effect{core.Focus{ID: opener(m)}}
		}
	}
	return m, nil
}

// argSection starts the address of a link to one section of the root
// page: #/security-credentials/section/<name>.
const argSection = "section"

// escape closes the open dialog as its Cancel (or Close) does, unless
// the virtual devices' drawer or a top-bar menu is open beside it: Escape
// closes that first, as it is on top.
func escape(m core.Model) (core.Model, []core.Effect, bool) {
	if m.Drawer.Tab != "" || m.Menu != "" {
		return m, nil, false
	}
	if w, ok := adminOpen(m); ok {
		if m.Field(fieldAdminStep) == "done" {
			next, fx := w.closeDialog(m)
			return next, fx, true
		}
		next, fx := mfaCancel(m)
		return next, fx, true
	}
	r := m.Route()
	if r.Page != pageCredentials {
		return m, nil, false
	}
	switch r.Arg {
	case "mfa":
		if r.Rest == "done" {
			next, fx := mfaClick(m, "mfa.close", "")
			return next, fx, true
		}
		next, fx := mfaCancel(m)
		return next, fx, true
	case "manage":
		m.Confirm = ""
		next, fx := mfaGo(m, hashCredentials)
		return next, fx, true
	}
	return m, nil, false
}

// adminStart opens the administrator's wizard over an IAM user's page. A
// device another wizard left unassigned is deleted first.
func adminStart(m core.Model, user string) (core.Model, []core.Effect) {
	m = dropPending(m, own(m))
	m = mfaResetSetup(m)
	m = m.SetFields(fieldAdminUser, user, fieldAdminStep, "", fieldAdminDevice, user)
	return m, []core.Effect{core.Focus{ID: dialogTitleID}}
}

// dropPending deletes a created but unassigned device
// (iam:DeleteVirtualMFADevice), as AWS's console does on Cancel.
func dropPending(m core.Model, w who) core.Model {
	if _, ok := m.MFAPendingSecret(); ok {
		serial := mfa.SerialNumber(m.Session.AccountID, w.device)
		next, _ := m.World.Do(m.Session, w.deleteDeviceOp(serial), m.Env())
		m.World = next
	}
	return m.WithMFAPending("")
}

// adminOverlay is the administrator's wizard over the IAM user's page.
func adminOverlay(m core.Model, c i18n.Catalog) ui.Node {
	w, ok := adminOpen(m)
	if !ok {
		return ui.Node{}
	}
	return wizardDialog(m, c, w, m.Field(fieldAdminStep))
}
