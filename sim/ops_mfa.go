package sim

import (
	"fmt"
	"slices"

	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// MaxMFADevices is how many MFA devices AWS allows a root user (or an IAM
// user) to have in use at once.
const MaxMFADevices = 8

// The root user's virtual MFA device goes through the same IAM actions the
// console calls, each logged as its own event:
//
//   - the wizard's Continue on "Virtual MFA device" → iam:CreateVirtualMFADevice
//     (a new secret; the device exists but is not assigned yet),
//   - Assign MFA → iam:EnableMFADevice (two consecutive codes),
//   - Remove → iam:DeactivateMFADevice then iam:DeleteVirtualMFADevice,
//   - Resync → iam:ResyncMFADevice,
//   - cancelling the wizard after Continue → iam:DeleteVirtualMFADevice of the
//     unassigned device.
//
// The world keeps only assigned devices (Account.RootMFA). An unassigned
// device lives in the console's saved UI state until it is assigned or
// deleted, so deleting an unassigned device changes nothing in the world; it
// is logged so that the log tells the same story as AWS's.

// CreateRootVirtualMFADevice draws a new secret for a virtual MFA device of
// the signed-in root user (iam:CreateVirtualMFADevice). The secret comes
// from env.Entropy and is handed back through Secret; it is never logged.
type CreateRootVirtualMFADevice struct {
	// Name is the device name, usually mfa.DefaultRootDeviceName.
	Name string
	// Secret receives the new device's secret on success (may be nil).
	Secret *mfa.Secret
}

// Action implements Op.
func (CreateRootVirtualMFADevice) Action() string { return "iam:CreateVirtualMFADevice" }

// Resource implements Op: the device's ARN.
func (o CreateRootVirtualMFADevice) Resource(w World, s Session) string {
	return mfa.SerialNumber(s.AccountID, o.Name)
}

// Apply implements Op.
func (o CreateRootVirtualMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := mfaRootAccount(w, s, o.Action())
	if err != nil {
		return err
	}
	if err := mfaCheckNewDevice(acct, o.Name); err != nil {
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
func (o CreateRootVirtualMFADevice) Detail(w World) map[string]string {
	return map[string]string{"deviceName": o.Name}
}

// EnableRootMFADevice assigns a virtual MFA device to the signed-in root
// user (iam:EnableMFADevice): Code1 and Code2 must be two consecutive codes
// of Secret (see mfa.CheckPair); both steps are used up.
type EnableRootMFADevice struct {
	Name         string
	Secret       mfa.Secret
	Code1, Code2 string
}

// Action implements Op.
func (EnableRootMFADevice) Action() string { return "iam:EnableMFADevice" }

// Resource implements Op: the root user.
func (EnableRootMFADevice) Resource(w World, s Session) string { return s.Principal }

// Apply implements Op.
func (o EnableRootMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := mfaRootAccount(w, s, o.Action())
	if err != nil {
		return err
	}
	if err := mfaCheckNewDevice(acct, o.Name); err != nil {
		return err
	}
	dev, err := mfa.Assign(o.Name, acct.ID, o.Secret, o.Code1, o.Code2, env.Now)
	if err != nil {
		return fmt.Errorf("enable MFA device: %w", err)
	}
	acct.RootMFA = append(slices.Clone(acct.RootMFA), dev)
	w.Accounts[acct.ID] = acct
	return nil
}

// Detail implements Detailer.
func (o EnableRootMFADevice) Detail(w World) map[string]string {
	return map[string]string{"deviceName": o.Name, "deviceType": "virtual"}
}

// DeactivateRootMFADevice removes an MFA device from the signed-in root
// user (iam:DeactivateMFADevice). The console follows it with
// DeleteRootVirtualMFADevice.
type DeactivateRootMFADevice struct {
	Serial string
}

// Action implements Op.
func (DeactivateRootMFADevice) Action() string { return "iam:DeactivateMFADevice" }

// Resource implements Op: the root user.
func (DeactivateRootMFADevice) Resource(w World, s Session) string { return s.Principal }

// Apply implements Op.
func (o DeactivateRootMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := mfaRootAccount(w, s, o.Action())
	if err != nil {
		return err
	}
	i := mfaDeviceIndex(acct, o.Serial)
	if i < 0 {
		return awserr.New(awserr.NoSuchEntity, "kind", "MFADevice", "name", o.Serial)
	}
	acct.RootMFA = slices.Delete(slices.Clone(acct.RootMFA), i, i+1)
	if len(acct.RootMFA) == 0 {
		acct.RootMFA = nil
	}
	w.Accounts[acct.ID] = acct
	return nil
}

// Detail implements Detailer.
func (o DeactivateRootMFADevice) Detail(w World) map[string]string {
	return map[string]string{"serialNumber": o.Serial}
}

// DeleteRootVirtualMFADevice deletes an unassigned virtual MFA device of
// the signed-in root user's account (iam:DeleteVirtualMFADevice). A device
// that is still assigned is refused with DeleteConflict, as AWS does.
type DeleteRootVirtualMFADevice struct {
	Serial string
}

// Action implements Op.
func (DeleteRootVirtualMFADevice) Action() string { return "iam:DeleteVirtualMFADevice" }

// Resource implements Op: the device's ARN.
func (o DeleteRootVirtualMFADevice) Resource(w World, s Session) string { return o.Serial }

// Apply implements Op.
func (o DeleteRootVirtualMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := mfaRootAccount(w, s, o.Action())
	if err != nil {
		return err
	}
	if accountOfARN(o.Serial) != acct.ID {
		return awserr.New(awserr.NoSuchEntity, "kind", "VirtualMFADevice", "name", o.Serial)
	}
	if mfaDeviceIndex(acct, o.Serial) >= 0 {
		return awserr.New(awserr.DeleteConflict, "kind", "VirtualMFADevice", "name", o.Serial)
	}
	return nil
}

// Detail implements Detailer.
func (o DeleteRootVirtualMFADevice) Detail(w World) map[string]string {
	return map[string]string{"serialNumber": o.Serial}
}

// ResyncRootMFADevice resynchronises an assigned device of the signed-in
// root user with two consecutive codes (iam:ResyncMFADevice; see
// mfa.Device.Resync).
type ResyncRootMFADevice struct {
	Serial       string
	Code1, Code2 string
}

// Action implements Op.
func (ResyncRootMFADevice) Action() string { return "iam:ResyncMFADevice" }

// Resource implements Op: the root user.
func (ResyncRootMFADevice) Resource(w World, s Session) string { return s.Principal }

// Apply implements Op.
func (o ResyncRootMFADevice) Apply(w *World, s Session, env Env) error {
	acct, err := mfaRootAccount(w, s, o.Action())
	if err != nil {
		return err
	}
	i := mfaDeviceIndex(acct, o.Serial)
	if i < 0 {
		return awserr.New(awserr.NoSuchEntity, "kind", "MFADevice", "name", o.Serial)
	}
	dev, err := acct.RootMFA[i].Resync(o.Code1, o.Code2, env.Now)
	if err != nil {
		return fmt.Errorf("resync MFA device: %w", err)
	}
	acct.RootMFA = slices.Clone(acct.RootMFA)
	acct.RootMFA[i] = dev
	w.Accounts[acct.ID] = acct
	return nil
}

// Detail implements Detailer.
func (o ResyncRootMFADevice) Detail(w World) map[string]string {
	return map[string]string{"serialNumber": o.Serial}
}

// mfaRootAccount returns the account of a root session. Only the root user
// manages the root user's MFA; anyone else is refused.
func mfaRootAccount(w *World, s Session, action string) (Account, error) {
	if !s.SignedIn() {
		return Account{}, awserr.New(awserr.NotSignedIn)
	}
	acct, ok := w.Accounts[s.AccountID]
	if !s.Root || !ok {
		return Account{}, awserr.New(awserr.AccessDenied, "principal", s.Who(), "action", action,
			"resource", "arn:aws:iam::"+s.AccountID+":root", "decision", string(ImplicitlyDenied))
	}
	return acct, nil
}

// mfaCheckNewDevice checks a new device's name, its uniqueness and the device
// limit.
func mfaCheckNewDevice(acct Account, name string) error {
	if err := mfa.ValidateName(name); err != nil {
		return err
	}
	if len(acct.RootMFA) >= MaxMFADevices {
		return awserr.New(awserr.LimitExceeded, "quota", "MFADevicesInUse", "limit", fmt.Sprint(MaxMFADevices))
	}
	if mfaDeviceIndex(acct, mfa.SerialNumber(acct.ID, name)) >= 0 {
		return awserr.New(awserr.EntityAlreadyExists, "kind", "MFADevice", "name", name)
	}
	return nil
}

// mfaDeviceIndex returns the index of the root device with the serial, or -1.
func mfaDeviceIndex(acct Account, serial string) int {
	return slices.IndexFunc(acct.RootMFA, func(d mfa.Device) bool { return d.Serial == serial })
}
