package account

import (
	"crypto/pbkdf2"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"io"
	"slices"
)

// Password hashing parameters.
const (
	// PasswordHashAlgorithm names PBKDF2 with HMAC-SHA-256.
	PasswordHashAlgorithm = "pbkdf2-sha256"
	// DefaultIterations is the production cost (OWASP's 2023 figure for
	// PBKDF2-HMAC-SHA-256). Tests pass a much lower count.
	DefaultIterations = 600_000
	// MaxIterations bounds the cost a stored hash may ask Verify to spend,
	// so that a tampered save cannot hang the page.
	MaxIterations = 10_000_000
	// SaltSize is the salt length NewPasswordHash draws.
	SaltSize = 16
	// MinSaltSize is the shortest salt HashPassword accepts (RFC 8018).
	MinSaltSize = 8
	hashSize    = sha256.Size
)

// PasswordHash is a salted, stretched password: the only form in which a
// root password is kept. It marshals to JSON with the salt and hash in
// standard base64.
type PasswordHash struct {
	Algorithm  string `json:"algorithm"`
	Iterations int    `json:"iterations"`
	Salt       []byte `json:"salt"`
	Hash       []byte `json:"hash"`
}

// HashPassword derives the hash of pw with PBKDF2-HMAC-SHA-256 using salt
// and cost iterations. It fails when cost is outside 1..MaxIterations or
// the salt is shorter than MinSaltSize.
func HashPassword(pw string, salt []byte, cost int) (PasswordHash, error) {
	if cost < 1 || cost > MaxIterations {
		return PasswordHash{}, fmt.Errorf("hash password: iteration count %d outside 1..%d", cost, MaxIterations)
	}
	if len(salt) < MinSaltSize {
		return PasswordHash{}, fmt.Errorf("hash password: salt of %d bytes, want at least %d", len(salt), MinSaltSize)
	}
	key, err := pbkdf2.Key(sha256.New, pw, salt, cost, hashSize)
	if err != nil {
		return PasswordHash{}, fmt.Errorf("hash password: %w", err)
	}
	return PasswordHash{Algorithm: PasswordHashAlgorithm, Iterations: cost, Salt: slices.Clone(salt), Hash: key}, nil
}

// NewPasswordHash reads a SaltSize-byte salt from r (crypto/rand.Reader in
// production, a seeded generator in tests) and hashes pw with it.
func NewPasswordHash(pw string, r io.Reader, cost int) (PasswordHash, error) {
	salt := make([]byte, SaltSize)
	if _, err := io.ReadFull(r, salt); err != nil {
		return PasswordHash{}, fmt.Errorf("new password hash: read salt: %w", err)
	}
	return HashPassword(pw, salt, cost)
}

// Verify reports whether pw is the password h was made from. The final
// comparison is constant-time. A hash with an unknown algorithm or
// out-of-range parameters never verifies.
func (h PasswordHash) Verify(pw string) bool {
	if h.Algorithm != PasswordHashAlgorithm || h.Iterations < 1 || h.Iterations > MaxIterations ||
		len(h.Salt) < MinSaltSize || len(h.Hash) != hashSize {
		return false
	}
	key, err := pbkdf2.Key(sha256.New, pw, h.Salt, h.Iterations, len(h.Hash))
	if err != nil {
		return false
	}
	return subtle.ConstantTimeCompare(key, h.Hash) == 1
}

// IsZero reports whether h holds no hash (no password was set).
func (h PasswordHash) IsZero() bool { return h.Algorithm == "" && len(h.Hash) == 0 }
