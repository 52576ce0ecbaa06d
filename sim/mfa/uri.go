package mfa

import "net/url"

// Issuer is the issuer AWS writes into the otpauth URI of virtual devices.
const Issuer = "Amazon Web Services"

// issuerEscaped is Issuer escaped as in AWS's URIs.
const issuerEscaped = "Amazon%20Web%20Services"

// URI returns the otpauth URI that the QR code of a virtual device holds,
// in AWS's exact form:
//
//	otpauth://totp/Amazon%20Web%20Services:<device>@<account>?secret=<BASE32>&issuer=Amazon%20Web%20Services
//
// accountLabel is the account alias when one is set, otherwise the 12-digit
// account ID. The device name and the account label are escaped as URL path
// segments (url.PathEscape): a space becomes %20 and ',' becomes %2C, while
// letters, digits and "+=.@-_" stay as they are. The ':' after the issuer
// and the '@' before the account are written literally, as AWS does. The
// URI names no algorithm, digits or period, so apps use SHA1, 6 and 30.
func URI(deviceName, accountLabel string, s Secret) string {
	return "otpauth://totp/" + issuerEscaped + ":" +
		url.PathEscape(deviceName) + "@" + url.PathEscape(accountLabel) +
		"?secret=" + string(s) + "&issuer=" + issuerEscaped
}
