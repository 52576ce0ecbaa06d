package iam

import (
	"io"
	"math/rand/v2"
	"time"
)

// Env is what the changing methods of Account may use besides the
// account: its ID (for ARNs), the root user's account name and email
// address (the default password policy refuses them as passwords), the
// time, the model's random generator (IDs, generated passwords), an
// entropy reader on the same generator (salts, secrets) and the password
// hash cost.
type Env struct {
	AccountID    string
	AccountName  string
	Email        string
	Now          time.Time
	Rand         *rand.Rand
	Entropy      io.Reader
	PasswordCost int
}

// ID prefixes of IAM's unique IDs.
const (
	UserIDPrefix      = "AIDA"
	GroupIDPrefix     = "AGPA"
	PolicyIDPrefix    = "ANPA"
	AccessKeyIDPrefix = "AKIA"
)

// idAlphabet is the alphabet of IAM's unique IDs and access key IDs.
const idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// secretAlphabet is the alphabet of secret access keys.
const secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// randomString draws n characters of alphabet from r.
func randomString(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// NewID returns a unique ID with the prefix: 21 characters, e.g.
// "AIDA" followed by 17 upper-case letters and digits.
func NewID(r *rand.Rand, prefix string) string {
	return prefix + randomString(r, idAlphabet, 21-len(prefix))
}

// newAccessKeyID returns a 20-character access key ID "AKIA…".
func newAccessKeyID(r *rand.Rand) string {
	return AccessKeyIDPrefix + randomString(r, idAlphabet, 16)
}

// newSecretKey returns a 40-character secret access key.
func newSecretKey(r *rand.Rand) string { return randomString(r, secretAlphabet, 40) }

// now returns e's time in UTC to the second, as IAM reports times.
func (e Env) now() time.Time { return e.Now.UTC().Truncate(time.Second) }
