package mfa

import (
	"fmt"
	"time"

	"labsim/sim/awserr"
)

// MaxNameLen is the longest device name accepted. The API documents only a
// minimum of 1; 226 is what the 256-character limit of the serial number
// leaves after "arn:aws:iam::<12 digits>:mfa/".
const MaxNameLen = 226

// DefaultRootDeviceName is the name older consoles gave the root user's
// virtual device.
const DefaultRootDeviceName = "root-account-mfa-device"

// Device is a virtual MFA device assigned to a principal. It is a value
// saved as part of the world; its methods return updated copies.
type Device struct {
	// Name is the device name chosen in the wizard.
	Name string `json:"name"`
	// Serial is the device ARN, arn:aws:iam::<account ID>:mfa/<Name>.
	Serial string `json:"serial"`
	// Secret is the shared TOTP secret.
	Secret Secret `json:"secret"`
	// EnabledAt is when the device was assigned, in UTC to the second.
	EnabledAt time.Time `json:"enabledAt"`
	// LastUsedStep is the latest time step whose code has been used; codes
	// of this step or earlier are refused as replays.
	LastUsedStep int64 `json:"lastUsedStep"`
}

// SerialNumber returns the ARN that serves as a virtual device's serial.
func SerialNumber(accountID, name string) string {
	return "arn:aws:iam::" + accountID + ":mfa/" + name
}

// ValidateName checks a device name: 1 to MaxNameLen characters from
// letters, digits and "_+=,.@-". Errors are awserr.ValidationError with
// field FieldDeviceName and constraint "length" or "pattern".
func ValidateName(name string) error {
	if len(name) < 1 || len(name) > MaxNameLen {
		return awserr.New(awserr.ValidationError, "field", FieldDeviceName, "constraint", "length", "value", name)
	}
	for i := 0; i < len(name); i++ {
		if !isNameByte(name[i]) {
			return awserr.New(awserr.ValidationError, "field", FieldDeviceName, "constraint", "pattern", "value", name)
		}
	}
	return nil
}

// validateAccountID requires a 12-digit account ID.
func validateAccountID(id string) error {
	ok := len(id) == 12
	for i := 0; ok && i < len(id); i++ {
		ok = id[i] >= '0' && id[i] <= '9'
	}
	if !ok {
		return awserr.New(awserr.ValidationError, "field", FieldAccountID, "constraint", "pattern", "value", id)
	}
	return nil
}

// Assign checks the wizard's input (device name, account ID and the two
// codes, see CheckPair) and returns the assigned device with both codes'
// steps marked used. Uniqueness of the name and the 8-device limit are the
// caller's to check.
func Assign(name, accountID string, s Secret, code1, code2 string, now time.Time) (Device, error) {
	if err := ValidateName(name); err != nil {
		return Device{}, err
	}
	if err := validateAccountID(accountID); err != nil {
		return Device{}, err
	}
	step2, err := CheckPair(s, code1, code2, now)
	if err != nil {
		return Device{}, fmt.Errorf("mfa: assign %s: %w", name, err)
	}
	return Device{
		Name:         name,
		Serial:       SerialNumber(accountID, name),
		Secret:       s,
		EnabledAt:    now.UTC().Truncate(time.Second),
		LastUsedStep: step2,
	}, nil
}

// CheckSignIn checks a sign-in code: six digits from a step within
// SignInDrift steps of now and after LastUsedStep. It returns the step for
// the caller to record; a code of a used step is refused with
// InvalidAuthenticationCode (reason ReasonReplayed).
func (d Device) CheckSignIn(code string, now time.Time) (step int64, err error) {
	step, err = checkOne(d.Secret, code, now, SignInDrift, d.LastUsedStep)
	if err != nil {
		return 0, fmt.Errorf("mfa: sign in with %s: %w", d.Name, err)
	}
	return step, nil
}

// SignIn is CheckSignIn returning the device with the step recorded.
func (d Device) SignIn(code string, now time.Time) (Device, error) {
	step, err := d.CheckSignIn(code, now)
	if err != nil {
		return d, err
	}
	d.LastUsedStep = step
	return d, nil
}

// Resync checks two consecutive codes as CheckPair does, but accepts a
// second code up to ResyncDrift steps (5 minutes) either side of now, and
// both steps must be after LastUsedStep. It returns the device with code 2's
// step recorded. Virtual devices in the simulator share its clock and never
// drift, so no clock offset is stored: resynchronising only proves that the
// device still produces codes and marks them used.
func (d Device) Resync(code1, code2 string, now time.Time) (Device, error) {
	step2, err := checkPair(d.Secret, code1, code2, now, ResyncDrift, ResyncDrift, d.LastUsedStep)
	if err != nil {
		return d, fmt.Errorf("mfa: resync %s: %w", d.Name, err)
	}
	d.LastUsedStep = step2
	return d, nil
}

// URI returns the device's otpauth URI; see URI.
func (d Device) URI(accountLabel string) string {
	return URI(d.Name, accountLabel, d.Secret)
}

// Validate checks a device loaded from saved data: a valid name, a serial
// that is the ARN of that name and a valid secret.
func (d Device) Validate() error {
	if err := ValidateName(d.Name); err != nil {
		return err
	}
	const prefix, mid = "arn:aws:iam::", ":mfa/"
	if len(d.Serial) != len(prefix)+12+len(mid)+len(d.Name) ||
		d.Serial[:len(prefix)] != prefix ||
		validateAccountID(d.Serial[len(prefix):len(prefix)+12]) != nil ||
		d.Serial[len(prefix)+12:] != mid+d.Name {
		return awserr.New(awserr.ValidationError, "field", "SerialNumber", "constraint", "pattern", "value", d.Serial)
	}
	return d.Secret.Validate()
}

// isNameByte reports whether c may appear in a device name.
func isNameByte(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	switch c {
	case '_', '+', '=', ',', '.', '@', '-':
		return true
	}
	return false
}
