package account

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

const testIterations = 10

var testSalt = []byte("0123456789abcdef")

func TestHashPasswordVerify(t *testing.T) {
	h, err := HashPassword("Abcdef1!", testSalt, testIterations)
	require.NoError(t, err)
	require.Equal(t, PasswordHashAlgorithm, h.Algorithm)
	require.Equal(t, testIterations, h.Iterations)
	require.Len(t, h.Hash, 32)
	require.False(t, h.IsZero())
	require.True(t, PasswordHash{}.IsZero())

	tests := []struct {
		pw   string
		want bool
	}{
		{"Abcdef1!", true},
		{"abcdef1!", false},
		{"Abcdef1! ", false},
		{"", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, h.Verify(tt.pw), tt.pw)
	}

	// The salt is copied, not aliased.
	salt := bytes.Clone(testSalt)
	h2, err := HashPassword("Abcdef1!", salt, testIterations)
	require.NoError(t, err)
	salt[0] ^= 0xff
	require.True(t, h2.Verify("Abcdef1!"))
}

// TestHashKnownVector pins the algorithm to the published PBKDF2-HMAC-SHA-256
// vector (P="passwordPASSWORDpassword", S="saltSALTsaltSALTsaltSALTsaltSALTsalt",
// c=4096; first 32 bytes), also reproduced with Python's hashlib.
func TestHashKnownVector(t *testing.T) {
	h, err := HashPassword("passwordPASSWORDpassword", []byte("saltSALTsaltSALTsaltSALTsaltSALTsalt"), 4096)
	require.NoError(t, err)
	require.Equal(t, "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1", hex.EncodeToString(h.Hash))
}

func TestHashPasswordErrors(t *testing.T) {
	tests := []struct {
		name string
		salt []byte
		cost int
		want string
	}{
		{"zero cost", testSalt, 0, "iteration count 0"},
		{"negative cost", testSalt, -1, "iteration count -1"},
		{"cost too high", testSalt, MaxIterations + 1, "outside"},
		{"short salt", []byte("1234567"), 1, "salt of 7 bytes"},
		{"nil salt", nil, 1, "salt of 0 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HashPassword("Abcdef1!", tt.salt, tt.cost)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("no entropy") }

func TestNewPasswordHash(t *testing.T) {
	h, err := NewPasswordHash("Abcdef1!", bytes.NewReader(bytes.Repeat([]byte{7}, 32)), testIterations)
	require.NoError(t, err)
	require.Equal(t, bytes.Repeat([]byte{7}, SaltSize), h.Salt)
	require.True(t, h.Verify("Abcdef1!"))

	_, err = NewPasswordHash("x", failingReader{}, testIterations)
	require.ErrorContains(t, err, "read salt: no entropy")
	_, err = NewPasswordHash("x", bytes.NewReader([]byte{1, 2}), testIterations)
	require.ErrorContains(t, err, "read salt")
}

func TestPasswordHashJSON(t *testing.T) {
	h, err := HashPassword("Abcdef1!", testSalt, testIterations)
	require.NoError(t, err)
	b, err := json.Marshal(h)
	require.NoError(t, err)
	// hash = hashlib.pbkdf2_hmac('sha256', b'Abcdef1!', b'0123456789abcdef', 10)
	require.JSONEq(t, `{"algorithm":"pbkdf2-sha256","iterations":10,"salt":"MDEyMzQ1Njc4OWFiY2RlZg==",`+
		`"hash":"`+base64.StdEncoding.EncodeToString(mustHex("2f138681c30a240c949323b3dd36c3494f47e1d992e1493d309e9579d490a174"))+`"}`,
		string(b))
	var back PasswordHash
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, h, back)
	require.True(t, back.Verify("Abcdef1!"))
}

func TestVerifyRejectsTamperedHashes(t *testing.T) {
	good, err := HashPassword("Abcdef1!", testSalt, testIterations)
	require.NoError(t, err)
	tests := []struct {
		name string
		edit func(*PasswordHash)
	}{
		{"unknown algorithm", func(h *PasswordHash) { h.Algorithm = "md5" }},
		{"zero iterations", func(h *PasswordHash) { h.Iterations = 0 }},
		{"huge iterations", func(h *PasswordHash) { h.Iterations = MaxIterations + 1 }},
		{"other iterations", func(h *PasswordHash) { h.Iterations = testIterations + 1 }},
		{"short salt", func(h *PasswordHash) { h.Salt = h.Salt[:4] }},
		{"other salt", func(h *PasswordHash) { h.Salt = []byte("fedcba9876543210") }},
		{"truncated hash", func(h *PasswordHash) { h.Hash = h.Hash[:16] }},
		{"flipped bit", func(h *PasswordHash) { h.Hash = bytes.Clone(h.Hash); h.Hash[31] ^= 1 }},
		{"zero value", func(h *PasswordHash) { *h = PasswordHash{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := good
			tt.edit(&h)
			require.False(t, h.Verify("Abcdef1!"))
		})
	}
}

// BenchmarkHashPassword measures the production cost natively.
func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("Abcdef1!", testSalt, DefaultIterations); err != nil {
			b.Fatal(err)
		}
	}
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}
