package mfa

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func FuzzCheckPair(f *testing.F) {
	f.Add("123456", "654321")
	f.Add("", "")
	f.Add("１２３４５６", "12345\x00")
	f.Fuzz(func(t *testing.T, code1, code2 string) {
		step, err := CheckPair(DemoSecret, code1, code2, testNow)
		if err == nil {
			// Only a genuine consecutive pair inside the window passes.
			require.GreaterOrEqual(t, step, Step(testNow)-AssignPast)
			require.LessOrEqual(t, step, Step(testNow)+AssignAhead)
			c1, _ := CodeAt(DemoSecret, step-1)
			c2, _ := CodeAt(DemoSecret, step)
			require.Equal(t, c1, code1)
			require.Equal(t, c2, code2)
			return
		}
		code := awserr.Code(err)
		require.Contains(t, []string{awserr.ValidationError, awserr.InvalidAuthenticationCode}, code)
	})
}
