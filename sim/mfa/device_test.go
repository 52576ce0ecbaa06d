package mfa

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

const testAccount = "123456789012"

// assigned returns a device assigned at testNow with codes of steps n-1, n.
func assigned(t *testing.T) Device {
	t.Helper()
	d, err := Assign(DefaultRootDeviceName, testAccount, DemoSecret, codeAtOffset(t, -1), codeAtOffset(t, 0), testNow)
	require.NoError(t, err)
	return d
}

func TestAssign(t *testing.T) {
	d := assigned(t)
	require.Equal(t, Device{
		Name:         "root-account-mfa-device",
		Serial:       "arn:aws:iam::123456789012:mfa/root-account-mfa-device",
		Secret:       DemoSecret,
		EnabledAt:    time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC),
		LastUsedStep: Step(testNow),
	}, d)
	require.NoError(t, d.Validate())
}

func TestAssignEnabledAtUTCSeconds(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	now := testNow.In(seoul).Add(123 * time.Millisecond)
	d, err := Assign("dev", testAccount, DemoSecret, codeAtOffset(t, -1), codeAtOffset(t, 0), now)
	require.NoError(t, err)
	require.Equal(t, testNow, d.EnabledAt)
	require.Equal(t, time.UTC, d.EnabledAt.Location())
}

func TestAssignErrors(t *testing.T) {
	c1, c2 := codeAtOffset(t, -1), codeAtOffset(t, 0)
	tests := []struct {
		name, device, account, code1, code2 string
		code                                string
		params                              map[string]string
	}{
		{"empty name", "", testAccount, c1, c2, awserr.ValidationError, map[string]string{"field": FieldDeviceName, "constraint": "length"}},
		{"long name", strings.Repeat("a", MaxNameLen+1), testAccount, c1, c2, awserr.ValidationError, map[string]string{"field": FieldDeviceName, "constraint": "length"}},
		{"space in name", "my device", testAccount, c1, c2, awserr.ValidationError, map[string]string{"field": FieldDeviceName, "constraint": "pattern"}},
		{"slash in name", "a/b", testAccount, c1, c2, awserr.ValidationError, map[string]string{"field": FieldDeviceName, "constraint": "pattern"}},
		{"hangul name", "내폰", testAccount, c1, c2, awserr.ValidationError, map[string]string{"field": FieldDeviceName, "constraint": "pattern"}},
		{"short account", "dev", "12345", c1, c2, awserr.ValidationError, map[string]string{"field": FieldAccountID}},
		{"alias as account", "dev", "my-alias", c1, c2, awserr.ValidationError, map[string]string{"field": FieldAccountID}},
		{"bad code format", "dev", testAccount, "12345", c2, awserr.ValidationError, map[string]string{"field": FieldCode1}},
		{"same code twice", "dev", testAccount, c2, c2, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonSameCode}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Assign(tt.device, tt.account, DemoSecret, tt.code1, tt.code2, testNow)
			requireAWSErr(t, err, tt.code, tt.params)
			require.Equal(t, Device{}, d)
		})
	}
}

func TestValidateName(t *testing.T) {
	for _, ok := range []string{"a", "root-account-mfa-device", "A_b+c=d,e.f@g-h", strings.Repeat("x", MaxNameLen)} {
		require.NoError(t, ValidateName(ok), ok)
	}
	for _, bad := range []string{"", " ", "a b", "a:b", "a/b", "a*b", "é", strings.Repeat("x", MaxNameLen+1)} {
		require.Error(t, ValidateName(bad), bad)
	}
	// The longest name still gives a serial within the API's 256 characters.
	require.Len(t, SerialNumber(testAccount, strings.Repeat("x", MaxNameLen)), 256)
}

func TestAssignedCodesCannotSignIn(t *testing.T) {
	d := assigned(t)
	// Both codes typed in the wizard are refused at sign-in, even a little later.
	for _, k := range []int64{-1, 0} {
		_, err := d.CheckSignIn(codeAtOffset(t, k), testNow.Add(15*time.Second))
		requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonReplayed})
	}
	// The next code is fine once it exists.
	step, err := d.CheckSignIn(codeAtOffset(t, 1), testNow.Add(30*time.Second))
	require.NoError(t, err)
	require.Equal(t, Step(testNow)+1, step)
}

func TestSignIn(t *testing.T) {
	base := assigned(t)
	base.LastUsedStep = Step(testNow) - 5 // assigned a while ago
	c := func(k int64) string { return codeAtOffset(t, k) }
	tests := []struct {
		name     string
		code     string
		wantStep int64
		reason   string
	}{
		{"current code", c(0), Step(testNow), ""},
		{"drift one step behind", c(-1), Step(testNow) - 1, ""},
		{"drift one step ahead", c(1), Step(testNow) + 1, ""},
		{"stale: two steps old", c(-2), 0, ReasonStale},
		{"future: two steps ahead", c(2), 0, ReasonFuture},
		{"code of the last used step, outside the window", c(-5), 0, ReasonStale},
		{"wrong", "000000", 0, ReasonWrong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := base.SignIn(tt.code, testNow)
			if tt.reason != "" {
				requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": tt.reason})
				require.Equal(t, base, d, "a refused sign-in changes nothing")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantStep, d.LastUsedStep)
			require.Equal(t, Step(testNow)-5, base.LastUsedStep, "the receiver is not changed")
		})
	}
}

func TestSignInReplay(t *testing.T) {
	d := assigned(t)
	d.LastUsedStep = Step(testNow) - 5
	d, err := d.SignIn(codeAtOffset(t, 0), testNow)
	require.NoError(t, err)

	// The same code again, within the same step and in the next one.
	for _, later := range []time.Duration{0, 5 * time.Second, 30 * time.Second} {
		_, err = d.SignIn(codeAtOffset(t, 0), testNow.Add(later))
		requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonReplayed})
	}
	// An older code that is still inside the drift window is also used up.
	_, err = d.SignIn(codeAtOffset(t, -1), testNow)
	requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonReplayed})

	// After signing in with a code one step ahead, the current code is refused.
	d2, err := d.SignIn(codeAtOffset(t, 1), testNow)
	require.NoError(t, err)
	_, err = d2.SignIn(codeAtOffset(t, 0), testNow)
	requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonReplayed})
}

func TestSignInFormat(t *testing.T) {
	d := assigned(t)
	_, err := d.SignIn("12345", testNow)
	requireAWSErr(t, err, awserr.ValidationError, map[string]string{"field": FieldCode, "constraint": "length"})
	_, err = d.SignIn("abcdef", testNow)
	requireAWSErr(t, err, awserr.ValidationError, map[string]string{"field": FieldCode, "constraint": "pattern"})
}

func TestResync(t *testing.T) {
	base := assigned(t)
	base.LastUsedStep = Step(testNow) - 30
	c := func(k int64) string { return codeAtOffset(t, k) }
	tests := []struct {
		name         string
		code1, code2 string
		wantStep     int64
		reason       string
	}{
		{"now", c(-1), c(0), Step(testNow), ""},
		{"ten steps behind", c(-11), c(-10), Step(testNow) - 10, ""},
		{"ten steps ahead", c(9), c(10), Step(testNow) + 10, ""},
		{"eleven steps behind", c(-12), c(-11), 0, ReasonStale},
		{"eleven steps ahead", c(10), c(11), 0, ReasonFuture},
		{"same code", c(0), c(0), 0, ReasonSameCode},
		{"not consecutive", c(-3), c(0), 0, ReasonNotConsecutive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := base.Resync(tt.code1, tt.code2, testNow)
			if tt.reason != "" {
				requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": tt.reason})
				require.Equal(t, base, d)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantStep, d.LastUsedStep)
		})
	}
}

func TestResyncReplay(t *testing.T) {
	d := assigned(t) // steps n-1 and n are used
	_, err := d.Resync(codeAtOffset(t, -1), codeAtOffset(t, 0), testNow)
	requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonReplayed})
	// A pair that starts at the used step is refused too.
	_, err = d.Resync(codeAtOffset(t, 0), codeAtOffset(t, 1), testNow)
	requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonReplayed})
	d, err = d.Resync(codeAtOffset(t, 1), codeAtOffset(t, 2), testNow.Add(60*time.Second))
	require.NoError(t, err)
	require.Equal(t, Step(testNow)+2, d.LastUsedStep)
}

func TestDeviceJSONRoundTrip(t *testing.T) {
	for _, d := range []Device{assigned(t), {}} {
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var back Device
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, d, back)
	}
	b, err := json.Marshal(assigned(t))
	require.NoError(t, err)
	require.JSONEq(t, `{"name":"root-account-mfa-device","serial":"arn:aws:iam::123456789012:mfa/root-account-mfa-device",`+
		`"secret":"`+string(DemoSecret)+`","enabledAt":"2026-03-01T12:00:10Z","lastUsedStep":`+
		jsonInt(Step(testNow))+`}`, string(b))
}

func jsonInt(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestDeviceValidate(t *testing.T) {
	good := assigned(t)
	require.NoError(t, good.Validate())
	tests := []struct {
		name   string
		change func(*Device)
	}{
		{"serial of another name", func(d *Device) { d.Serial = SerialNumber(testAccount, "other") }},
		{"serial with alias", func(d *Device) { d.Serial = SerialNumber("my-alias", d.Name) }},
		{"empty serial", func(d *Device) { d.Serial = "" }},
		{"bad name", func(d *Device) { d.Name = "a b"; d.Serial = SerialNumber(testAccount, "a b") }},
		{"lower-case secret", func(d *Device) { d.Secret = Secret(strings.ToLower(string(d.Secret))) }},
		{"no secret", func(d *Device) { d.Secret = "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good
			tt.change(&d)
			require.Equal(t, awserr.ValidationError, awserr.Code(d.Validate()))
		})
	}
}
