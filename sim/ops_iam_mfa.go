package sim

import (
	"fmt"

	"labsim/sim/awserr"
	"labsim/sim/iam"
	"labsim/sim/mfa"
)

// An IAM user's virtual MFA device goes through the same calls as the root
// user's (see ops_mfa.go): CreateVirtualMFADevice draws the secret (the
// unassigned device lives in the console's state), EnableMFADevice assigns
// it with two consecutive codes, DeactivateMFADevice then
// DeleteVirtualMFADevice remove it. A user may manage their own device, or
// an administrator a user's, as their policies allow.

// CreateVirtualMFADevice draws a new secret for a virtual MFA device named
// Name in the session's account (iam:CreateVirtualMFADevice on
// arn:aws:iam::<account>:mfa/<Name>). The secret is handed back through
// Secret and never logged.
type CreateVirtualMFADevice struct {
	Name   string
	Secret *mfa.Secret
}

// Action implements Op.
func (CreateVirtualMFADevice) Action() string { return "iam:CreateVirtualMFADevice" }

// Resource implements Op: the device's ARN.
func (o CreateVirtualMFADevice) Resource(w World, s Session) string {
	return mfa.SerialNumber(s.AccountID, o.Name)
}

// Apply implements Op.
func (o CreateVirtualMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := sessionAccount(w, s)
	if err != nil {
		return err
	}
	if err := checkDeviceNameFree(acct, o.Name); err != nil {
		return err
	}
	if env.Entropy == nil {
		return fmt.Errorf("create virtual MFA device: no entropy source: %w", awserr.New(awserr.Internal))
	}
	secret, err := mfa.NewSecret(env.Entropy)
	if err != nil {
		return fmt.Errorf("create virtual MFA device: %w", awserr.New(awserr.Internal))
	}
	if o.Secret != nil {
		*o.Secret = secret
	}
	return nil
}

// Detail implements Detailer.
func (o CreateVirtualMFADevice) Detail(w World) map[string]string {
	return map[string]string{"deviceName": o.Name}
}

// checkDeviceNameFree checks a device name and that no device of the
// account (root's or a user's) has its serial.
func checkDeviceNameFree(acct Account, name string) error {
	if err := mfa.ValidateName(name); err != nil {
		return err
	}
	serial := mfa.SerialNumber(acct.ID, name)
	if _, taken := acct.IAM.MFADeviceOwner(serial); taken || mfaDeviceIndex(acct, serial) >= 0 {
		return awserr.New(awserr.EntityAlreadyExists, "kind", iam.KindMFADevice, "name", name)
	}
	return nil
}

// EnableMFADevice assigns a virtual MFA device to an IAM user
// (iam:EnableMFADevice on the user): Code1 and Code2 must be two
// consecutive codes of Secret.
type EnableMFADevice struct {
	UserName, DeviceName string
	Secret               mfa.Secret
	Code1, Code2         string
}

// Action implements Op.
func (EnableMFADevice) Action() string { return "iam:EnableMFADevice" }

// Resource implements Op.
func (o EnableMFADevice) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o EnableMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := sessionAccount(w, s)
	if err != nil {
		return err
	}
	if err := checkDeviceNameFree(acct, o.DeviceName); err != nil {
		return err
	}
	if err := acct.IAM.CheckNewMFADevice(acct.ID, o.UserName, o.DeviceName); err != nil {
		return err
	}
	dev, err := mfa.Assign(o.DeviceName, acct.ID, o.Secret, o.Code1, o.Code2, env.Now)
	if err != nil {
		return fmt.Errorf("enable MFA device: %w", err)
	}
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.EnableMFADevice(acct.ID, o.UserName, dev)
	})
}

// Detail implements Detailer.
func (o EnableMFADevice) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "deviceName": o.DeviceName, "deviceType": "virtual"}
}

// DeactivateMFADevice removes an MFA device from an IAM user
// (iam:DeactivateMFADevice on the user).
type DeactivateMFADevice struct{ UserName, Serial string }

// Action implements Op.
func (DeactivateMFADevice) Action() string { return "iam:DeactivateMFADevice" }

// Resource implements Op.
func (o DeactivateMFADevice) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o DeactivateMFADevice) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.DeactivateMFADevice(o.UserName, o.Serial)
	})
}

// Detail implements Detailer.
func (o DeactivateMFADevice) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "serialNumber": o.Serial}
}

// DeleteVirtualMFADevice deletes an unassigned virtual MFA device of the
// session's account (iam:DeleteVirtualMFADevice on the device); a device
// still assigned to a user or the root user is DeleteConflict. Unassigned
// devices live in the console's state, so the world does not change.
type DeleteVirtualMFADevice struct{ Serial string }

// Action implements Op.
func (DeleteVirtualMFADevice) Action() string { return "iam:DeleteVirtualMFADevice" }

// Resource implements Op.
func (o DeleteVirtualMFADevice) Resource(w World, s Session) string { return o.Serial }

// Apply implements Op.
func (o DeleteVirtualMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := sessionAccount(w, s)
	if err != nil {
		return err
	}
	if accountOfARN(o.Serial) != acct.ID {
		return awserr.New(awserr.NoSuchEntity, "kind", "VirtualMFADevice", "name", o.Serial)
	}
	if _, assigned := acct.IAM.MFADeviceOwner(o.Serial); assigned || mfaDeviceIndex(acct, o.Serial) >= 0 {
		return awserr.New(awserr.DeleteConflict, "kind", "VirtualMFADevice", "name", o.Serial)
	}
	return nil
}

// Detail implements Detailer.
func (o DeleteVirtualMFADevice) Detail(w World) map[string]string {
	return map[string]string{"serialNumber": o.Serial}
}

// ResyncMFADevice resynchronises an IAM user's assigned device with two
// consecutive codes (iam:ResyncMFADevice on the user; see
// mfa.Device.Resync).
type ResyncMFADevice struct {
	UserName, Serial string
	Code1, Code2     string
}

// Action implements Op.
func (ResyncMFADevice) Action() string { return "iam:ResyncMFADevice" }

// Resource implements Op: the user.
func (o ResyncMFADevice) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o ResyncMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := sessionAccount(w, s)
	if err != nil {
		return err
	}
	u, ok := acct.IAM.User(o.UserName)
	if !ok {
		return awserr.New(awserr.NoSuchEntity, "kind", iam.KindUser, "name", o.UserName)
	}
	for _, d := range u.MFA {
		if d.Serial != o.Serial {
			continue
		}
		next, err := d.Resync(o.Code1, o.Code2, env.Now)
		if err != nil {
			return fmt.Errorf("resync MFA device: %w", err)
		}
		return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.SetMFADevice(o.UserName, next) })
	}
	return awserr.New(awserr.NoSuchEntity, "kind", iam.KindMFADevice, "name", o.Serial)
}

// Detail implements Detailer.
func (o ResyncMFADevice) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "serialNumber": o.Serial}
}
