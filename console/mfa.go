package console

import (
	"labsim/console/core"
	"labsim/sim/awserr"
	"strings"

	"labsim/sim"
	"labsim/sim/mfa"
)

// mfaArea is My Security Credentials with the Activate MFA wizard and
// Manage (remove, resync). Its actions and forms are named "mfa.…".
func mfaArea() area {
	return area{
		pages:  []string{pageCredentials},
		prefix: "mfa",
		view:   credentialsView,
		title:  credentialsTitle,
		click:  mfaClick,
		submit: mfaSubmitForm,
	}
}

// mfaGo moves to a step of the MFA pages with a history entry; focus goes
// to the new page's heading.
func (m Model) mfaGo(hash string) (Model, []Effect) {
	m, fx := m.navigate(hash)
	return m, append(fx, m.urlEffect(true))
}

// mfaResetSetup forgets what the setup step revealed and typed.
func (m Model) mfaResetSetup() Model {
	m.MFA.ShowQR, m.MFA.ShowSecret, m.MFA.QR = false, false, core.MFAQR{}
	m.MFA.Errors = nil
	m.Model = m.ClearFields(fieldMFACode1, fieldMFACode2, fieldMFAType)
	return m
}

// mfaClick handles the MFA pages' buttons.
func mfaClick(m Model, action, arg string) (Model, []Effect) {
	switch action {
	case "mfa.start":
		m.MFA.Errors = nil
		return m.mfaGo(hashMFAType)
	case "mfa.previous":
		m.MFA.Errors = nil
		return m.mfaGo(hashMFAType)
	case "mfa.cancel":
		return m.mfaCancel()
	case "mfa.showQR":
		next, err := m.mfaWithQR()
		if err != nil {
			m.notify("error", "mfa.notice.failed", "error", err.Error())
			return m, nil
		}
		next.MFA.ShowQR = next.MFA.QR.DataURL != ""
		return next, nil
	case "mfa.showKey":
		m.MFA.ShowSecret = true
		return m, nil
	case "mfa.close":
		m = m.mfaResetSetup()
		return m.mfaGo(hashCredentials)
	case "mfa.manage":
		m = m.input(fieldMFASerial, arg)
		m.MFA.Errors = nil
		return m.mfaGo(hashMFAManage)
	case "mfa.remove":
		m.Confirm = confirmMFARemove
		return m, []Effect{Focus{ID: "mfa-remove-text"}}
	case "mfa.removeYes":
		return m.mfaRemove()
	case "mfa.removeCancel":
		m.Confirm = ""
		return m, []Effect{Focus{ID: mfaRemoveBtnID}}
	case "mfa.resync":
		m.MFA.Errors = nil
		m.Model = m.ClearFields(fieldMFACode1, fieldMFACode2)
		return m.mfaGo(hashMFAResync)
	}
	return m, nil
}

// mfaSubmitForm handles the MFA pages' forms.
func mfaSubmitForm(m Model, form string) (Model, []Effect) {
	switch form {
	case "mfa.type":
		return m.mfaChooseType()
	case "mfa.assign":
		return m.mfaAssign()
	case "mfa.resync":
		return m.mfaResync()
	}
	return m, nil
}

// mfaChooseType continues from the device type: only the virtual device
// exists in the simulator. It draws the device's secret
// (iam:CreateVirtualMFADevice) unless one is already pending, so going
// back and forth keeps the same QR code.
func (m Model) mfaChooseType() (Model, []Effect) {
	t := m.field(fieldMFAType)
	if t != "" && t != mfaTypeVirtual {
		m.Model = m.SetMFAErrors(map[string]error{fieldMFAType: core.ErrMFAHardware})
		return m, []Effect{Focus{ID: "mfa-type-" + t}}
	}
	if _, ok := m.MFAPendingSecret(); !ok {
		var secret mfa.Secret
		w, err := m.World.Do(m.Session, sim.CreateRootVirtualMFADevice{Name: mfa.DefaultRootDeviceName, Secret: &secret}, m.env())
		m.World = w
		if err != nil {
			m.Model = m.SetMFAErrors(map[string]error{fieldMFAType: err})
			return m, []Effect{Focus{ID: "mfa-type-virtual"}}
		}
		m.Model = m.WithMFAPending(secret)
		m.MFA.ShowQR, m.MFA.ShowSecret, m.MFA.QR = false, false, core.MFAQR{}
	}
	m.MFA.Errors = nil
	return m.mfaGo(hashMFASetup)
}

// mfaAssign checks the two codes and assigns the device
// (iam:EnableMFADevice).
func (m Model) mfaAssign() (Model, []Effect) {
	secret, ok := m.MFAPendingSecret()
	if !ok {
		return m.mfaGo(hashMFASetup)
	}
	op := sim.EnableRootMFADevice{Name: mfa.DefaultRootDeviceName, Secret: secret,
		Code1: mfaTypedCode(m.field(fieldMFACode1)), Code2: mfaTypedCode(m.field(fieldMFACode2))}
	w, err := m.World.Do(m.Session, op, m.env())
	m.World = w
	if err != nil {
		return m.mfaCodesFailed(err)
	}
	m.Model = m.WithMFAPending("")
	m = m.mfaResetSetup()
	return m.mfaGo(hashMFADone)
}

// mfaResync resynchronises the device chosen in Manage.
func (m Model) mfaResync() (Model, []Effect) {
	d, ok := mfaRootDevice(m, m.field(fieldMFASerial))
	if !ok {
		d, ok = mfaRootDevice(m, "")
	}
	if !ok {
		return m.mfaGo(hashCredentials)
	}
	op := sim.ResyncRootMFADevice{Serial: d.Serial,
		Code1: mfaTypedCode(m.field(fieldMFACode1)), Code2: mfaTypedCode(m.field(fieldMFACode2))}
	w, err := m.World.Do(m.Session, op, m.env())
	m.World = w
	if err != nil {
		return m.mfaCodesFailed(err)
	}
	m.Model = m.ClearFields(fieldMFACode1, fieldMFACode2)
	m.MFA.Errors = nil
	m.notify("success", "mfa.notice.resynced")
	return m.mfaGo(hashCredentials)
}

// mfaCodesFailed shows a refused pair of codes next to the fields and
// moves focus to the first field in error.
func (m Model) mfaCodesFailed(err error) (Model, []Effect) {
	errs := mfaCodeErrors(err)
	m.Model = m.SetMFAErrors(errs)
	focus := "mfa-code1"
	if _, only2 := errs[fieldMFACode2]; only2 {
		focus = "mfa-code2"
	}
	return m, []Effect{Focus{ID: focus}}
}

// mfaRemove deactivates the device and deletes it (iam:DeactivateMFADevice,
// iam:DeleteVirtualMFADevice).
func (m Model) mfaRemove() (Model, []Effect) {
	m.Confirm = ""
	d, ok := mfaRootDevice(m, m.field(fieldMFASerial))
	if !ok {
		d, ok = mfaRootDevice(m, "")
	}
	if !ok {
		return m.mfaGo(hashCredentials)
	}
	w, err := m.World.Do(m.Session, sim.DeactivateRootMFADevice{Serial: d.Serial}, m.env())
	if err == nil {
		w, err = w.Do(m.Session, sim.DeleteRootVirtualMFADevice{Serial: d.Serial}, m.env())
	}
	m.World = w
	if err != nil {
		m.notify("error", "mfa.notice.failed", "error", core.MFAErrText(m.Catalog(), err))
		return m, []Effect{Focus{ID: mfaRemoveBtnID}}
	}
	m.Model = m.ClearFields(fieldMFASerial)
	m.notify("success", "mfa.notice.removed")
	return m.mfaGo(hashCredentials)
}

// mfaCancel leaves the wizard; a device that was created but not assigned
// is deleted (iam:DeleteVirtualMFADevice), as AWS's console does.
func (m Model) mfaCancel() (Model, []Effect) {
	if _, ok := m.MFAPendingSecret(); ok {
		serial := mfa.SerialNumber(m.Session.AccountID, mfa.DefaultRootDeviceName)
		w, _ := m.World.Do(m.Session, sim.DeleteRootVirtualMFADevice{Serial: serial}, m.env())
		m.World = w
	}
	m.Model = m.WithMFAPending("")
	m = m.mfaResetSetup()
	return m.mfaGo(hashCredentials)
}

// mfaTypedCode drops the spaces a student may copy from an app that shows
// codes as "123 456".
func mfaTypedCode(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// mfaCodeErrors sorts an error of a two-code form into field errors: a
// format error belongs to its field, a refused pair to both codes.
func mfaCodeErrors(err error) map[string]error {
	e, ok := awserr.As(err)
	if ok && e.Code == awserr.ValidationError {
		switch e.Param("field") {
		case mfa.FieldCode1:
			return map[string]error{fieldMFACode1: err}
		case mfa.FieldCode2:
			return map[string]error{fieldMFACode2: err}
		}
	}
	return map[string]error{fieldMFACodes: err}
}
