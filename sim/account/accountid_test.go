package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestNewAccountID(t *testing.T) {
	r := testRand(5)
	firsts := map[byte]bool{}
	for i := 0; i < 300; i++ {
		id := NewAccountID(r)
		require.True(t, ValidAccountID(id), id)
		require.NotEqual(t, byte('0'), id[0], id)
		firsts[id[0]] = true
	}
	require.Len(t, firsts, 9, "first digit ranges over 1–9")
	require.Equal(t, NewAccountID(testRand(2)), NewAccountID(testRand(2)))
}

func TestValidAccountID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"123456789012", true},
		{"012345678901", true},
		{"12345678901", false},
		{"1234567890123", false},
		{"12345678901a", false},
		{"", false},
		{"１２３４５６７８９０１２", false},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, ValidAccountID(tt.id), tt.id)
	}
}

func TestRootARN(t *testing.T) {
	require.Equal(t, "arn:aws:iam::123456789012:root", RootARN("123456789012"))
}
