package mfa

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

// testNow is a fixed instant 10 s into a time step.
var testNow = time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC)

// codeAtOffset returns DemoSecret's code k steps from testNow's step.
func codeAtOffset(t testing.TB, k int64) string {
	t.Helper()
	c, err := CodeAt(DemoSecret, Step(testNow)+k)
	require.NoError(t, err)
	return c
}

// requireAWSErr asserts err carries the code and the given parameters.
func requireAWSErr(t *testing.T, err error, code string, params map[string]string) {
	t.Helper()
	require.Error(t, err)
	e, ok := awserr.As(err)
	require.True(t, ok, "not an awserr: %v", err)
	require.Equal(t, code, e.Code, "error %v", err)
	for k, v := range params {
		require.Equal(t, v, e.Param(k), "param %s of %v", k, err)
	}
}
