package mfa

import (
	"encoding/base32"
	"fmt"
	"io"
	"strings"

	"labsim/sim/awserr"
)

// SecretBytes is the number of random bytes in a secret AWS issues.
const SecretBytes = 40

// SecretLen is the length of an issued secret in base32 characters.
const SecretLen = 64

// MinTypedSecretLen is the shortest secret ParseSecret accepts (16 base32
// characters, 80 bits), the minimum common authenticator apps accept.
const MinTypedSecretLen = 16

// MaxTypedSecretLen is the longest secret ParseSecret accepts.
const MaxTypedSecretLen = 256

// DemoSecret is a fixed, public secret for prepared worlds, tests and
// instructors. It is 64 valid base32 characters like an issued secret. Never
// give it to a world that a student creates.
const DemoSecret Secret = "LABSIMDEMOSECRETFORINSTRUCTORSANDTESTS234567ABCDEFGHIJKLMNOPQRST"

// b32 is the unpadded standard base32 alphabet used by otpauth URIs.
var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// Secret is a TOTP shared secret in canonical form: upper-case base32
// without padding or spaces.
type Secret string

// NewSecret reads SecretBytes bytes from r and encodes them as a Secret.
// Pass crypto/rand.Reader for a real device, or a fixed reader in tests.
func NewSecret(r io.Reader) (Secret, error) {
	var raw [SecretBytes]byte
	if _, err := io.ReadFull(r, raw[:]); err != nil {
		return "", fmt.Errorf("mfa: read random secret: %w", err)
	}
	return Secret(b32.EncodeToString(raw[:])), nil
}

// ParseSecret normalises a secret as a student types it into an
// authenticator app: white space is dropped, letters are upper-cased and
// trailing '=' padding is removed. The result must be valid base32 of
// MinTypedSecretLen to MaxTypedSecretLen characters. Errors are
// awserr.ValidationError with field "Secret" and a "constraint" of
// "required", "characters" or "length".
func ParseSecret(typed string) (Secret, error) {
	var b strings.Builder
	b.Grow(len(typed))
	for _, r := range typed {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			continue
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimRight(b.String(), "=")
	if s == "" {
		return "", secretError("required")
	}
	for i := 0; i < len(s); i++ {
		if !isBase32(s[i]) {
			return "", secretError("characters")
		}
	}
	if len(s) < MinTypedSecretLen || len(s) > MaxTypedSecretLen {
		return "", secretError("length")
	}
	// Unpadded base32 cannot end after 1, 3 or 6 characters of a group of
	// 8; Go's decoder drops such a tail silently, so check it here.
	switch len(s) % 8 {
	case 1, 3, 6:
		return "", secretError("length")
	}
	if _, err := b32.DecodeString(s); err != nil {
		return "", secretError("characters")
	}
	return Secret(s), nil
}

// Validate reports whether s is in canonical form and decodes as base32.
func (s Secret) Validate() error {
	p, err := ParseSecret(string(s))
	if err != nil {
		return err
	}
	if p != s {
		return secretError("characters")
	}
	return nil
}

// Bytes decodes the secret into its raw key bytes.
func (s Secret) Bytes() ([]byte, error) {
	raw, err := b32.DecodeString(string(s))
	if err != nil {
		return nil, fmt.Errorf("mfa: decode secret: %w", secretError("characters"))
	}
	return raw, nil
}

// Base32 returns the secret itself, as shown by "Show secret key".
func (s Secret) Base32() string { return string(s) }

// String redacts the secret so that printing a Device or an error never
// reveals it; it keeps the length and the last four characters.
func (s Secret) String() string {
	if len(s) <= 4 {
		return "Secret(****)"
	}
	return fmt.Sprintf("Secret(%d chars, ****%s)", len(s), string(s[len(s)-4:]))
}

// GoString redacts the secret in %#v output as String does.
func (s Secret) GoString() string { return s.String() }

// MarshalText writes the secret itself; saved worlds need it.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText accepts an empty secret (a zero Device) or any secret that
// ParseSecret accepts, normalised, so corrupt saved data is reported.
func (s *Secret) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*s = ""
		return nil
	}
	p, err := ParseSecret(string(text))
	if err != nil {
		return fmt.Errorf("mfa: load secret: %w", err)
	}
	*s = p
	return nil
}

func isBase32(c byte) bool {
	return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')
}

func secretError(constraint string) error {
	return awserr.New(awserr.ValidationError, "field", FieldSecret, "constraint", constraint)
}
