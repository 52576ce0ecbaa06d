package mfa

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"

	"labsim/console/core"
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
	fieldMFAType  = "mfa.type"
	fieldMFACode1 = "mfa.code1"
	fieldMFACode2 = "mfa.code2"

	// fieldMFACodes is the error slot for both codes together.
	fieldMFACodes = "mfa.codes"
	// fieldMFAType's values.
	mfaTypeVirtual  = "virtual"
	mfaTypeU2F      = "u2f"
	mfaTypeHardware = "hardware"
)

// mfaWithQR draws the pending device's QR code unless the cache holds it.
func mfaWithQR(m core.Model) (core.Model, error) {
	uri, ok := m.MFAPendingURI()
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
