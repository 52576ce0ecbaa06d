package mfa

import (
	"labsim/console/core"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// Area is My Security Credentials with the Activate MFA wizard and
// Manage (remove, resync). Its actions and forms are named "mfa.…".
func Area() core.Area {
	return core.Area{
		Pages:   []string{pageCredentials},
		Prefix:  "mfa",
		View:    credentialsView,
		Title:   credentialsTitle,
		Click:   mfaClick,
		Submit:  mfaSubmitForm,
		Input:   mfaInput,
		Enter:   enter,
		Escape:  escape,
		Overlay: adminOverlay,
	}
}

// mfaGo moves to a step of the MFA pages with a history entry; focus goes
// to the new page's heading.
func mfaGo(m core.Model, hash string) (core.Model, []core.Effect) {
	m, fx := m.Navigate(hash)
	return m, append(fx, m.URLEffect(true))
}

// mfaResetSetup forgets what the setup step revealed and typed.
func mfaResetSetup(m core.Model) core.Model {
	m.MFA.ShowQR, m.MFA.ShowSecret, m.MFA.QR = false, false, core.MFAQR{}
	m.MFA.Errors = nil
	m = m.ClearFields(fieldMFACode1, fieldMFACode2, fieldMFAType)
	return m
}

// mfaCloseManage closes Manage: focus returns to the device's Manage
// button.
func mfaCloseManage(m core.Model) (core.Model, []core.Effect) {
	m.Confirm = ""
	return mfaGo(m, hashCredentials)
}

// mfaClick handles the MFA pages' buttons.
func mfaClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	if next, fx, ok := rootCredsClick(m, action, arg); ok {
		return next, fx
	}
	switch action {
	case "mfa.section":
		return toggleSection(m, arg)
	case "mfa.start":
		// Opening the own wizard closes an administrator's that was left
		// open on another page.
		if m.Field(fieldAdminUser) != "" {
			m = dropPending(m, who{user: m.Field(fieldAdminUser), device: m.Field(fieldAdminDevice)})
			m = m.ClearFields(fieldAdminUser, fieldAdminStep, fieldAdminDevice)
		}
		m.MFA.Errors = nil
		return mfaGo(m, hashMFAType)
	case "mfa.adminStart":
		return adminStart(m, arg)
	case "mfa.previous":
		m.MFA.Errors = nil
		return current(m).step(m, "")
	case "mfa.cancel":
		return mfaCancel(m)
	case "mfa.showQR":
		next, err := mfaWithQR(m)
		if err != nil {
			m.Notify("error", "mfa.notice.failed", "error", err.Error())
			return m, nil
		}
		next.MFA.ShowQR = next.MFA.QR.DataURL != ""
		// The button is replaced by the code: focus goes to the code.
		return next, []core.Effect{core.Focus{ID: "mfa-qr"}}
	case "mfa.showKey":
		m.MFA.ShowSecret = true
		return m, []core.Effect{core.Focus{ID: "mfa-key"}}
	case "mfa.close":
		m = mfaResetSetup(m)
		return current(m).closeDialog(m)
	case "mfa.manageClose":
		return mfaCloseManage(m)
	case "mfa.manage":
		m = m.Input(fieldMFASerial, arg)
		m.MFA.Errors = nil
		return mfaGo(m, hashMFAManage)
	case "mfa.remove":
		m.Confirm = confirmMFARemove
		return m, []core.Effect{core.Focus{ID: "mfa-remove-text"}}
	case "mfa.removeYes":
		return mfaRemove(m)
	case "mfa.removeCancel":
		m.Confirm = ""
		return m, []core.Effect{core.Focus{ID: mfaRemoveBtnID}}
	case "mfa.resync":
		m.MFA.Errors = nil
		m = m.ClearFields(fieldMFACode1, fieldMFACode2)
		return mfaGo(m, hashMFAResync)
	}
	return m, nil
}

// mfaSubmitForm handles the MFA pages' forms.
func mfaSubmitForm(m core.Model, form string) (core.Model, []core.Effect) {
	switch form {
	case "mfa.type":
		return mfaChooseType(m)
	case "mfa.assign":
		return mfaAssign(m)
	case "mfa.resync":
		return mfaResync(m)
	case "mfa.password":
		return changeRootPassword(m)
	case "mfa.changePassword":
		return changeOwnPassword(m)
	}
	return m, nil
}

// mfaChooseType continues from the device type: only the virtual device
// exists in the simulator. It draws the device's secret
// (iam:CreateVirtualMFADevice) unless one is already pending, so going
// back and forth keeps the same QR code. The administrator's dialog first
// checks the device name it asks for.
func mfaChooseType(m core.Model) (core.Model, []core.Effect) {
	who := current(m)
	t := m.Field(fieldMFAType)
	if t != "" && t != mfaTypeVirtual {
		m = m.SetMFAErrors(map[string]error{fieldMFAType: core.ErrMFAHardware})
		return m, []core.Effect{core.Focus{ID: "mfa-type-" + t}}
	}
	if who.admin {
		if err := mfa.ValidateName(who.device); err != nil {
			m = m.SetMFAErrors(map[string]error{fieldAdminDevice: err})
			return m, []core.Effect{core.Focus{ID: "mfa-device-name"}}
		}
	}
	if _, ok := m.MFAPendingSecret(); !ok {
		var secret mfa.Secret
		w, err := m.World.Do(m.Session, who.createDeviceOp(&secret), m.Env())
		m.World = w
		if err != nil {
			field, focus := fieldMFAType, "mfa-type-virtual"
			if who.admin && awserr.Code(err) == awserr.EntityAlreadyExists {
				field, focus = fieldAdminDevice, "mfa-device-name"
			}
			m = m.SetMFAErrors(map[string]error{field: err})
			return m, []core.Effect{core.Focus{ID: focus}}
		}
		m = m.WithMFAPending(secret)
		m.MFA.ShowQR, m.MFA.ShowSecret, m.MFA.QR = false, false, core.MFAQR{}
	}
	m.MFA.Errors = nil
	return who.step(m, "virtual")
}

// mfaAssign checks the two codes and assigns the device
// (iam:EnableMFADevice).
func mfaAssign(m core.Model) (core.Model, []core.Effect) {
	who := current(m)
	secret, ok := m.MFAPendingSecret()
	if !ok {
		return who.step(m, "virtual")
	}
	op := who.enableDeviceOp(secret, core.TypedCode(m.Field(fieldMFACode1)), core.TypedCode(m.Field(fieldMFACode2)))
	w, err := m.World.Do(m.Session, op, m.Env())
	m.World = w
	if err != nil {
		return mfaCodesFailed(m, err)
	}
	m = m.WithMFAPending("")
	m = mfaResetSetup(m)
	return who.step(m, "done")
}

// mfaResync resynchronises the device chosen in Manage.
func mfaResync(m core.Model) (core.Model, []core.Effect) {
	d, ok := mfaRootDevice(m, m.Field(fieldMFASerial))
	if !ok {
		d, ok = mfaRootDevice(m, "")
	}
	if !ok {
		return mfaGo(m, hashCredentials)
	}
	op := own(m).resyncDeviceOp(d.Serial, core.TypedCode(m.Field(fieldMFACode1)), core.TypedCode(m.Field(fieldMFACode2)))
	w, err := m.World.Do(m.Session, op, m.Env())
	m.World = w
	if err != nil {
		return mfaCodesFailed(m, err)
	}
	m = m.ClearFields(fieldMFACode1, fieldMFACode2)
	m.MFA.Errors = nil
	m.Notify("success", "mfa.notice.resynced")
	return mfaGo(m, hashCredentials)
}

// mfaCodesFailed shows a refused pair of codes next to the fields and
// moves focus to the first field in error.
func mfaCodesFailed(m core.Model, err error) (core.Model, []core.Effect) {
	errs := mfaCodeErrors(err)
	m = m.SetMFAErrors(errs)
	focus := "mfa-code1"
	if _, only2 := errs[fieldMFACode2]; only2 {
		focus = "mfa-code2"
	}
	return m, []core.Effect{core.Focus{ID: focus}}
}

// mfaRemove deactivates the device and deletes it (iam:DeactivateMFADevice,
// iam:DeleteVirtualMFADevice).
func mfaRemove(m core.Model) (core.Model, []core.Effect) {
	m.Confirm = ""
	d, ok := mfaRootDevice(m, m.Field(fieldMFASerial))
	if !ok {
		d, ok = mfaRootDevice(m, "")
	}
	if !ok {
		return mfaGo(m, hashCredentials)
	}
	w, err := m.World.Do(m.Session, own(m).deactivateDeviceOp(d.Serial), m.Env())
	if err == nil {
		w, err = w.Do(m.Session, own(m).deleteDeviceOp(d.Serial), m.Env())
	}
	m.World = w
	if err != nil {
		m.Notify("error", "mfa.notice.failed", "error", core.MFAErrText(m.Catalog(), err))
		return m, []core.Effect{core.Focus{ID: mfaRemoveBtnID}}
	}
	m = m.ClearFields(fieldMFASerial)
	m.Notify("success", "mfa.notice.removed")
	return mfaGo(m, hashCredentials)
}

// mfaCancel leaves the wizard; a device that was created but not assigned
// is deleted (iam:DeleteVirtualMFADevice), as AWS's console does.
func mfaCancel(m core.Model) (core.Model, []core.Effect) {
	who := current(m)
	m = dropPending(m, who)
	m = mfaResetSetup(m)
	return who.closeDialog(m)
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

// mfaInput clears an MFA code's error as soon as it has six digits.
func mfaInput(m core.Model, field, value string) (core.Model, []core.Effect) {
	if field != fieldMFACode1 && field != fieldMFACode2 {
		return m, nil
	}
	return m.ClearMFAErrorIf(field, value, func(v string) bool {
		if len(v) != 6 {
			return false
		}
		for _, c := range v {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}), nil
}
