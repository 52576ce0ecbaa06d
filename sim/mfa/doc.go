// Package mfa models virtual MFA devices as the AWS console assigns them
// to the root user: a random TOTP secret, the otpauth URI and its QR code,
// the two-consecutive-codes check at assignment, one-code sign-in with
// replay protection, and resynchronisation.
//
// Codes follow RFC 6238 with the parameters AWS uses for virtual devices:
// HMAC-SHA1, 6 digits, 30-second time steps counted from the Unix epoch.
// AWS's otpauth URI names no algorithm, digit count or period, so every
// authenticator app falls back to exactly these values.
//
// Everything here is a pure function of its arguments: time arrives as a
// time.Time, randomness as an io.Reader, and a Device is a value whose
// methods return an updated copy instead of changing the receiver. The
// caller (the world) decides whether to keep the result.
//
// # Secrets
//
// A Secret is 40 random bytes written as 64 base32 characters without
// padding, as AWS issues them. The secret is the device: whoever holds it
// can produce codes. The simulator therefore keeps it only inside the saved
// world (the browser's storage and exported files), where both the console
// and the simulated authenticator app need it. Secret's String method
// redacts the value so that it does not leak into logs or diagnostics by
// accident; call Base32 when the value itself is wanted.
//
// # Prepared worlds
//
// Prepared starting worlds (for example "an account with root MFA
// already assigned") and tests need codes that are known in advance. They
// use DemoSecret, a fixed and public secret: an instructor can type it into
// a real authenticator app once and then sign in to any prepared world that
// uses it. Worlds created by students always get a fresh secret from
// NewSecret with crypto/rand.
package mfa
