package console

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"labsim/console/core"
	"maps"
	"strings"

	"labsim/sim"
	"labsim/sim/mfa"
)

// mfaModulePx is the size of one QR module in image pixels; the image is
// shown at this size (CSS pixels) with image-rendering: pixelated, so a
// phone reads it from a laptop screen or a projector.
const mfaModulePx = 6

// Field names of the MFA forms. They are ordinary fields (saved with the
// UI state), except the pending secret, which is not a form field but is
// kept with them so that a reload shows the same QR code.
const (
	fieldMFAType    = "mfa.type"
	fieldMFACode1   = "mfa.code1"
	fieldMFACode2   = "mfa.code2"
	fieldMFAPending = "mfa.pending"
	// fieldMFACodes is the error slot for both codes together.
	fieldMFACodes = "mfa.codes"
	// fieldMFAType's values.
	mfaTypeVirtual  = "virtual"
	mfaTypeU2F      = "u2f"
	mfaTypeHardware = "hardware"
)

// mfaPendingSecret returns the secret of the device being set up for the
// signed-in account, if any. It is saved as "<account ID>:<secret>" so a
// secret drawn for one account is never offered to another.
func (m Model) mfaPendingSecret() (mfa.Secret, bool) {
	v := m.field(fieldMFAPending)
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

// mfaWithPending stores (or, with "", clears) the pending secret.
func (m Model) mfaWithPending(s mfa.Secret) Model {
	f := maps.Clone(m.UI.Fields)
	if f == nil {
		f = map[string]string{}
	}
	if s == "" {
		delete(f, fieldMFAPending)
	} else {
		f[fieldMFAPending] = m.Session.AccountID + ":" + s.Base32()
	}
	m.UI.Fields = f
	return m
}

// mfaClearFields removes form fields after they have been used.
func (m Model) mfaClearFields(names ...string) Model {
	f := maps.Clone(m.UI.Fields)
	sec := maps.Clone(m.Secrets)
	for _, n := range names {
		delete(f, n)
		delete(sec, n)
	}
	m.UI.Fields, m.Secrets = f, sec
	return m
}

// mfaErr returns the error of a field on the current page.
func (m Model) mfaErr(field string) error {
	if m.MFA.ErrRoute != m.UI.Route {
		return nil
	}
	return m.MFA.Errors[field]
}

// mfaAccount returns the signed-in account.
func (m Model) mfaAccount() (sim.Account, bool) {
	a, ok := m.World.Accounts[m.Session.AccountID]
	return a, ok && m.Session.SignedIn()
}

// accountLabelForMFA is what the otpauth URI names the account by: the
// alias when one is set, else the account ID.
func accountLabelForMFA(a sim.Account) string {
	if a.Alias != "" {
		return a.Alias
	}
	return a.ID
}

// mfaPendingURI is the otpauth URI of the pending device.
func (m Model) mfaPendingURI() (string, bool) {
	s, ok := m.mfaPendingSecret()
	if !ok {
		return "", false
	}
	a, ok := m.mfaAccount()
	if !ok {
		return "", false
	}
	return mfa.URI(mfa.DefaultRootDeviceName, accountLabelForMFA(a), s), true
}

// mfaWithQR draws the pending device's QR code unless the cache holds it.
func (m Model) mfaWithQR() (Model, error) {
	uri, ok := m.mfaPendingURI()
	if !ok {
		m.MFA.QR = core.MFAQR{}
		return m, nil
	}
	if m.MFA.QR.URI == uri && m.MFA.QR.DataURL != "" {
		return m, nil
	}
	url, err := mfa.DataURL(uri, mfaModulePx)
	if err != nil {
		return m, err
	}
	side, err := pngWidth(url)
	if err != nil {
		return m, err
	}
	m.MFA.QR = core.MFAQR{URI: uri, DataURL: url, Side: side}
	return m, nil
}

// pngWidth reads the width of a PNG data URL from its IHDR chunk, which
// follows the 8-byte signature and the chunk's length and type. For the QR
// image it is (modules + 2*mfa.QuietZone) * mfaModulePx; reading it back
// spares encoding the symbol a second time (~45 ms under WebAssembly).
func pngWidth(dataURL string) (int, error) {
	const prefix = "data:image/png;base64,"
	if !strings.HasPrefix(dataURL, prefix) || len(dataURL) < len(prefix)+32 {
		return 0, errors.New("mfa: not a PNG data URL")
	}
	head, err := base64.StdEncoding.DecodeString(dataURL[len(prefix) : len(prefix)+32])
	if err != nil || string(head[12:16]) != "IHDR" {
		return 0, errors.New("mfa: not a PNG data URL")
	}
	return int(binary.BigEndian.Uint32(head[16:20])), nil
}

// mfaQROnScreen returns the URI of the QR code the setup step shows right
// now, for the authenticator app's simulated scan.
func (m Model) mfaQROnScreen() (string, bool) {
	r := m.route()
	if !m.Session.SignedIn() || r.Page != pageCredentials || r.Arg != "mfa" || r.Rest != "virtual" || !m.MFA.ShowQR {
		return "", false
	}
	uri, ok := m.mfaPendingURI()
	if !ok || uri != m.MFA.QR.URI {
		return "", false
	}
	return uri, true
}
