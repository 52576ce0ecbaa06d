package core

import (
	"errors"
	"maps"
	"strings"

	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// PageCredentials is the route page of My Security Credentials, where the
// MFA wizard shows the QR code that the authenticator app scans.
const PageCredentials = "security-credentials"

// FieldMFAPending keeps the secret of the MFA device being set up with the
// form fields (not a form field itself), so that a reload shows the same QR
// code.
const FieldMFAPending = "mfa.pending"

// MFAPendingSecret returns the secret of the device being set up for the
// signed-in account, if any. It is saved as "<account ID>:<secret>" so a
// secret drawn for one account is never offered to another.
func (m Model) MFAPendingSecret() (mfa.Secret, bool) {
	v := m.Field(FieldMFAPending)
	id, s, ok := strings.Cut(v, ":")
	if !ok || id != m.Session.AccountID || id == "" {
		return "", false
	}
	secret := mfa.Secret(s)
	if secret.Validate() != nil {
		return "", false
	}
	return secret, true
}

// WithMFAPending stores (or, with "", clears) the pending secret.
func (m Model) WithMFAPending(s mfa.Secret) Model {
	f := maps.Clone(m.UI.Fields)
	if f == nil {
		f = map[string]string{}
	}
	if s == "" {
		delete(f, FieldMFAPending)
	} else {
		f[FieldMFAPending] = m.Session.AccountID + ":" + s.Base32()
	}
	m.UI.Fields = f
	return m
}

// ClearFields removes form fields after they have been used.
func (m Model) ClearFields(names ...string) Model {
	f := maps.Clone(m.UI.Fields)
	sec := maps.Clone(m.Secrets)
	for _, n := range names {
		delete(f, n)
		delete(sec, n)
	}
	m.UI.Fields, m.Secrets = f, sec
	return m
}

// MFAErr returns the error of a field on the current page.
func (m Model) MFAErr(field string) error {
	if m.MFA.ErrRoute != m.UI.Route {
		return nil
	}
	return m.MFA.Errors[field]
}

// AccountLabel is what the otpauth URI names the account by: the
// alias when one is set, else the account ID.
func AccountLabel(a sim.Account) string {
	if a.Alias != "" {
		return a.Alias
	}
	return a.ID
}

// MFAPendingURI is the otpauth URI of the pending device.
func (m Model) MFAPendingURI() (string, bool) {
	s, ok := m.MFAPendingSecret()
	if !ok {
		return "", false
	}
	a, ok := m.Account()
	if !ok {
		return "", false
	}
	name := mfa.DefaultRootDeviceName
	if _, dev, ok := m.MFAAdminDialog(); ok {
		// An administrator assigns the device to another user.
		name = dev
	} else if m.Session.IsIAMUser() {
		// An IAM user's device is named after the user, as AWS's console
		// suggests (console/mfa's myDeviceName).
		name = m.Session.UserName
	}
	return mfa.URI(name, AccountLabel(a), s), true
}

// Fields of the administrator's Assign MFA device dialog over an IAM
// user's page (console/mfa): the user, the step ("", "virtual", "done")
// and the new device's name.
const (
	FieldMFAAdminUser   = "mfa.admin.user"
	FieldMFAAdminStep   = "mfa.admin.step"
	FieldMFAAdminDevice = "mfa.admin.device"
)

// MFAAdminDialog reports whether an administrator's Assign MFA device
// dialog is open over the page shown (the IAM user page of the user it
// names), with the user and the device name (the user's by default).
func (m Model) MFAAdminDialog() (user, device string, ok bool) {
	user = m.Field(FieldMFAAdminUser)
	if user == "" || m.UI.Route != "#/iam/users/"+user {
		return "", "", false
	}
	device = m.Field(FieldMFAAdminDevice)
	if device == "" {
		device = user
	}
	return user, device, true
}

// MFAQROnScreen returns the URI of the QR code the setup step shows right
// now, for the authenticator app's simulated scan.
func (m Model) MFAQROnScreen() (string, bool) {
	r := m.Route()
	_, _, admin := m.MFAAdminDialog()
	if admin && m.Field(FieldMFAAdminStep) != "virtual" || !admin && (r.Page != PageCredentials || r.Arg != "mfa" || r.Rest != "virtual") ||
		!m.Session.SignedIn() || !m.MFA.ShowQR {
		return "", false
	}
	uri, ok := m.MFAPendingURI()
	if !ok || uri != m.MFA.QR.URI {
		return "", false
	}
	return uri, true
}

// MFAErrTextOf translates a field's error, "" for none.
func (m Model) MFAErrTextOf(c i18n.Catalog, field string) string {
	if err := m.MFAErr(field); err != nil {
		return MFAErrText(c, err)
	}
	return ""
}

// ErrMFAHardware is the error for a U2F key or hardware token: the
// simulator has none to assign.
var ErrMFAHardware = errors.New("mfa: no hardware device in the simulator")

// MFAErrText translates an error of the MFA wizard, the manage page or the
// authenticator app into the message shown next to its field. Codes the
// MFA pages know get their own wording (AWS's, where it is known); others
// fall back to the shared catalog translation.
func MFAErrText(c i18n.Catalog, err error) string {
	if errors.Is(err, ErrMFAHardware) {
		return c.T("mfa.type.needsHardware")
	}
	e, ok := awserr.As(err)
	if !ok {
		return c.Err(err)
	}
	switch e.Code {
	case awserr.InvalidAuthenticationCode:
		return c.T("mfa.err.invalidCode")
	case awserr.LimitExceeded:
		if e.Param("quota") == "AuthenticatorAccounts" {
			return c.T("auth.err.full")
		}
		return c.T("mfa.err.limit")
	case awserr.EntityAlreadyExists:
		return c.T("mfa.err.exists")
	case awserr.NoSuchEntity:
		return c.T("mfa.err.noDevice")
	case awserr.ValidationError:
		return MFAValidationText(c, e)
	}
	return c.Err(err)
}

// MFAValidationText words a ValidationError by its field and constraint.
func MFAValidationText(c i18n.Catalog, e *awserr.Error) string {
	constraint := e.Param("constraint")
	switch e.Param("field") {
	case mfa.FieldCode1, mfa.FieldCode2:
		label := c.T("mfa.setup.code1")
		if e.Param("field") == mfa.FieldCode2 {
			label = c.T("mfa.setup.code2")
		}
		if constraint == "length" {
			return c.T("mfa.err.codeLength", "field", label)
		}
		return c.T("mfa.err.codePattern", "field", label)
	case mfa.FieldCode:
		return c.T("signinmfa.codeLength")
	case mfa.FieldSecret:
		switch constraint {
		case "required":
			return c.T("auth.err.keyRequired")
		case "length":
			return c.T("auth.err.keyLength")
		}
		return c.T("auth.err.keyCharacters")
	case "Account":
		switch constraint {
		case "required":
			return c.T("auth.err.accountRequired")
		case "characters":
			return c.T("auth.err.accountCharacters", "char", visibleChar(e.Param("char")))
		}
		return c.T("auth.err.accountLength")
	}
	return c.Err(e)
}

// MFAHintKey returns the catalog key of a hint explaining why codes were
// refused, or "" when there is none.
func MFAHintKey(err error) string {
	e, ok := awserr.As(err)
	if !ok || e.Code != awserr.InvalidAuthenticationCode {
		return ""
	}
	switch r := e.Param("reason"); r {
	case mfa.ReasonSameCode, mfa.ReasonNotConsecutive, mfa.ReasonStale, mfa.ReasonFuture, mfa.ReasonReplayed, mfa.ReasonWrong:
		return "mfa.hint." + r
	}
	return ""
}

// SetMFAErrors records field errors for the current page; they disappear
// when the student leaves it.
func (m Model) SetMFAErrors(errs map[string]error) Model {
	m.MFA.Errors = errs
	m.MFA.ErrRoute = m.UI.Route
	return m
}

// ClearMFAErrorIf removes field's error on the current page when valid
// reports the typed value now passes the field's rule, so that the error
// goes away while the student types (nothing is added while typing).
func (m Model) ClearMFAErrorIf(field, value string, valid func(string) bool) Model {
	if m.MFA.ErrRoute != m.UI.Route || m.MFA.Errors[field] == nil || !valid(value) {
		return m
	}
	errs := maps.Clone(m.MFA.Errors)
	delete(errs, field)
	m.MFA.Errors = errs
	return m
}
