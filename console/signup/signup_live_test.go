package signup_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFieldErrorsClearAsTheFieldBecomesValid: a field's error goes away
// while the student types a valid value, without another submit; other
// fields keep theirs, and fields without an error get none while typing.
func TestFieldErrorsClearAsTheFieldBecomesValid(t *testing.T) {
	m := suStart(t, map[string]string{"lang": "en"})
	m = send(m, Navigate{Now: t0, Hash: "#/signup"})
	m = suSubmit(t, m, "Continue (step 1 of 5)")
	require.NotEmpty(t, suErrorOf(t, m, "textbox", "Confirm password"))
	require.NotEmpty(t, suErrorOf(t, m, "textbox", "Email address"))

	m = suType(t, m, "textbox", "Password", suPass)
	m = suType(t, m, "textbox", "Confirm password", suPass)
	suNoError(t, m, "textbox", "Confirm password")
	suNoError(t, m, "textbox", "Password")
	require.NotEmpty(t, suErrorOf(t, m, "textbox", "Email address"), "an untouched field keeps its error")

	// The typed field's error follows its current problem.
	m = suType(t, m, "textbox", "Email address", "a b@example.com")
	require.Contains(t, suErrorOf(t, m, "textbox", "Email address"), "spaces")
	m = suType(t, m, "textbox", "Email address", "ab@example.com")
	suNoError(t, m, "textbox", "Email address")

	// Page 2: the phone's "+ and country code" goes once it is valid.
	m = suToStep(t, 2)
	m = suSubmit(t, m, "Continue (step 2 of 5)")
	require.NotEmpty(t, suErrorOf(t, m, "textbox", "Phone Number"))
	m = suType(t, m, "textbox", "Phone Number", "010")
	require.NotEmpty(t, suErrorOf(t, m, "textbox", "Phone Number"))
	m = suType(t, m, "textbox", "Phone Number", "+82 10-1234-5678")
	suNoError(t, m, "textbox", "Phone Number")
	require.NotEmpty(t, suErrorOf(t, m, "textbox", "City"))
}
