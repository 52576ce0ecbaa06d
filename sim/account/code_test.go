package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNewNumericCode(t *testing.T) {
	r := testRand(1)
	seen := map[byte]int{}
	for i := 0; i < 500; i++ {
		c := NewNumericCode(r, SMSCodeDigits)
		require.Len(t, c, 6)
		require.True(t, allDigits(c), c)
		for j := 0; j < len(c); j++ {
			seen[c[j]]++
		}
	}
	require.Len(t, seen, 10, "every digit appears, including leading zeros")
	require.Len(t, NewNumericCode(r, VoicePINDigits), 4)
	require.Len(t, NewNumericCode(r, EmailCodeDigits), 6)
	require.Empty(t, NewNumericCode(r, 0))
	require.Empty(t, NewNumericCode(r, -3))
	require.Equal(t, NewNumericCode(testRand(9), 6), NewNumericCode(testRand(9), 6))
}

func TestCheckCode(t *testing.T) {
	tests := []struct {
		want, got string
		ok        bool
	}{
		{"012345", "012345", true},
		{"012345", " 012 345 ", true},
		{"012345", "０１２３４５", true},
		{"4821", "4821", true},
		{"012345", "12345", false},
		{"012345", "0123456", false},
		{"012345", "012346", false},
		{"012345", "", false},
		{"012345", "01234a", false},
		{"", "", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.ok, CheckCode(tt.want, tt.got), "%q vs %q", tt.want, tt.got)
	}
}

func TestValidateVerificationCode(t *testing.T) {
	require.Empty(t, ValidateVerificationCode("123456", "123456"))
	require.Equal(t, []string{"verificationCode:required"}, codes(ValidateVerificationCode("123456", "  ")))
	require.Equal(t, []string{"verificationCode:code.invalid"}, codes(ValidateVerificationCode("123456", "654321")))
}
