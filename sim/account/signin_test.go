package account

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func TestRootAuthenticate(t *testing.T) {
	h, err := HashPassword("Abcdef1!", testSalt, testIterations)
	require.NoError(t, err)
	c := NewRootCredentials("  Owner@Example.com ", h)
	require.Equal(t, "owner@example.com", c.Email)

	tests := []struct {
		name, email, pw string
		ok              bool
	}{
		{"exact", "owner@example.com", "Abcdef1!", true},
		{"email case and spaces ignored", " OWNER@example.COM", "Abcdef1!", true},
		{"wrong password", "owner@example.com", "Abcdef1?", false},
		{"password case matters", "owner@example.com", "abcdef1!", false},
		{"wrong email", "other@example.com", "Abcdef1!", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Authenticate(tt.email, tt.pw)
			if tt.ok {
				require.NoError(t, err)
				return
			}
			require.Equal(t, CodeAuthenticationFailed, awserr.Code(err))
		})
	}
	require.Error(t, RootCredentials{}.Authenticate("", ""), "zero credentials never authenticate")
}

func TestSignInHelpers(t *testing.T) {
	require.Empty(t, ValidateSignInEmail("a@b.com"))
	require.Equal(t, []string{"email:email.invalid"}, codes(ValidateSignInEmail("a@b")))
	require.Equal(t, []string{"email:required"}, codes(ValidateSignInEmail("")))
	require.False(t, SignInNeedsCaptcha(0))
	require.False(t, SignInNeedsCaptcha(SignInCaptchaAfterFailures-1))
	require.True(t, SignInNeedsCaptcha(SignInCaptchaAfterFailures))
}
