package mfa

import (
	"encoding/base32"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
	"github.com/stretchr/testify/require"
)

// rfcSecret is the SHA1 key of RFC 6238 Appendix B, base32-encoded.
var rfcSecret = Secret(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte("12345678901234567890")))

// rfcVectors are RFC 6238 Appendix B's SHA1 rows: Unix time and 8-digit TOTP.
var rfcVectors = []struct {
	unix int64
	step int64
	code string
}{
	{59, 0x1, "94287082"},
	{1111111109, 0x23523EC, "07081804"},
	{1111111111, 0x23523ED, "14050471"},
	{1234567890, 0x273EF07, "89005924"},
	{2000000000, 0x3F940AA, "69279037"},
	{20000000000, 0x27BC86AA, "65353130"},
}

func TestRFC6238SHA1(t *testing.T) {
	require.Equal(t, Secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), rfcSecret)
	for _, v := range rfcVectors {
		t.Run(v.code, func(t *testing.T) {
			at := time.Unix(v.unix, 0).UTC()
			require.Equal(t, v.step, Step(at))

			// The algorithm with 8 digits, through the library we use.
			got8, err := totp.GenerateCodeCustom(string(rfcSecret), at, totp.ValidateOpts{
				Period: Period, Digits: otp.DigitsEight, Algorithm: otp.AlgorithmSHA1,
			})
			require.NoError(t, err)
			require.Equal(t, v.code, got8)

			// AWS's 6 digits are the last six of the same truncated value.
			got6, err := Code(rfcSecret, at)
			require.NoError(t, err)
			require.Equal(t, v.code[2:], got6)
			byStep, err := CodeAt(rfcSecret, v.step)
			require.NoError(t, err)
			require.Equal(t, got6, byStep)
		})
	}
}

func TestCodeMatchesTOTPLibrary(t *testing.T) {
	for _, at := range []time.Time{testNow, testNow.Add(29 * time.Second), time.Unix(0, 0)} {
		want, err := totp.GenerateCode(string(DemoSecret), at)
		require.NoError(t, err)
		got, err := Code(DemoSecret, at)
		require.NoError(t, err)
		require.Equal(t, want, got)
		require.Len(t, got, Digits)
	}
}

func TestStep(t *testing.T) {
	tests := []struct {
		unix int64
		want int64
	}{
		{0, 0}, {29, 0}, {30, 1}, {59, 1}, {60, 2},
		{-1, -1}, {-30, -1}, {-31, -2},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, Step(time.Unix(tt.unix, 999_999_999)), "unix %d", tt.unix)
	}
	require.Equal(t, time.Unix(1111111110, 0).UTC(), StepStart(Step(time.Unix(1111111111, 0))))
	// Time zones do not change the step.
	seoul := time.FixedZone("KST", 9*3600)
	require.Equal(t, Step(testNow), Step(testNow.In(seoul)))
}

func TestCodeBefore1970(t *testing.T) {
	_, err := CodeAt(DemoSecret, -1)
	require.Error(t, err)
}

func TestCodeChangesEveryStep(t *testing.T) {
	c0 := codeAtOffset(t, 0)
	same, err := Code(DemoSecret, StepStart(Step(testNow)).Add(29*time.Second))
	require.NoError(t, err)
	require.Equal(t, c0, same)
	next, err := Code(DemoSecret, StepStart(Step(testNow)).Add(30*time.Second))
	require.NoError(t, err)
	require.Equal(t, codeAtOffset(t, 1), next)
}
