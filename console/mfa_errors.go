package console

import (
	"errors"

	"labsim/console/i18n"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// errMFAHardware is the error for a U2F key or hardware token: the
// simulator has none to assign.
var errMFAHardware = errors.New("mfa: no hardware device in the simulator")

// mfaErrText translates an error of the MFA wizard, the manage page or the
// authenticator app into the message shown next to its field. Codes the
// MFA pages know get their own wording (AWS's, where it is known); others
// fall back to the shared catalog translation.
func mfaErrText(c i18n.Catalog, err error) string {
	if errors.Is(err, errMFAHardware) {
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
		return mfaValidationText(c, e)
	}
	return c.Err(err)
}

// mfaValidationText words a ValidationError by its field and constraint.
func mfaValidationText(c i18n.Catalog, e *awserr.Error) string {
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
		if constraint == "required" {
			return c.T("auth.err.accountRequired")
		}
		return c.T("auth.err.accountLength")
	}
	return c.Err(e)
}

// mfaHintKey returns the catalog key of a hint explaining why codes were
// refused, or "" when there is none.
func mfaHintKey(err error) string {
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
