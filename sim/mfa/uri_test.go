package mfa

import (
	"net/url"
	"testing"

	"github.com/pquerna/otp"
	"github.com/stretchr/testify/require"
)

func TestURIExact(t *testing.T) {
	tests := []struct {
		device, account, want string
	}{
		{"root-account-mfa-device", "123456789012",
			"otpauth://totp/Amazon%20Web%20Services:root-account-mfa-device@123456789012?secret=" + string(DemoSecret) + "&issuer=Amazon%20Web%20Services"},
		{"fvogtMFADevice", "linux240b",
			"otpauth://totp/Amazon%20Web%20Services:fvogtMFADevice@linux240b?secret=" + string(DemoSecret) + "&issuer=Amazon%20Web%20Services"},
		{"a+b=c,d.e@f-g_h", "my-alias",
			"otpauth://totp/Amazon%20Web%20Services:a+b=c%2Cd.e@f-g_h@my-alias?secret=" + string(DemoSecret) + "&issuer=Amazon%20Web%20Services"},
		// Names the console refuses still escape safely.
		{"my phone", "123456789012",
			"otpauth://totp/Amazon%20Web%20Services:my%20phone@123456789012?secret=" + string(DemoSecret) + "&issuer=Amazon%20Web%20Services"},
		{"a/b?c#d%e;f:g", "123456789012",
			"otpauth://totp/Amazon%20Web%20Services:a%2Fb%3Fc%23d%25e%3Bf:g@123456789012?secret=" + string(DemoSecret) + "&issuer=Amazon%20Web%20Services"},
		{"내폰", "123456789012",
			"otpauth://totp/Amazon%20Web%20Services:%EB%82%B4%ED%8F%B0@123456789012?secret=" + string(DemoSecret) + "&issuer=Amazon%20Web%20Services"},
	}
	for _, tt := range tests {
		t.Run(tt.device, func(t *testing.T) {
			got := URI(tt.device, tt.account, DemoSecret)
			require.Equal(t, tt.want, got)

			// Any URI parser recovers the label, the secret and the issuer.
			u, err := url.Parse(got)
			require.NoError(t, err)
			require.Equal(t, "otpauth", u.Scheme)
			require.Equal(t, "totp", u.Host)
			require.Equal(t, "/Amazon Web Services:"+tt.device+"@"+tt.account, u.Path)
			require.Equal(t, string(DemoSecret), u.Query().Get("secret"))
			require.Equal(t, Issuer, u.Query().Get("issuer"))
			require.Len(t, u.Query(), 2, "no algorithm, digits or period")

			// So does the OTP library authenticator apps are modelled on.
			k, err := otp.NewKeyFromURL(got)
			require.NoError(t, err)
			require.Equal(t, "totp", k.Type())
			require.Equal(t, Issuer, k.Issuer())
			require.Equal(t, string(DemoSecret), k.Secret())
			require.Equal(t, otp.AlgorithmSHA1, k.Algorithm())
			require.Equal(t, otp.DigitsSix, k.Digits())
			require.EqualValues(t, Period, k.Period())
		})
	}
}

func TestDeviceURIUsesAliasWhenGiven(t *testing.T) {
	d := assigned(t)
	require.Equal(t, URI(d.Name, "my-alias", d.Secret), d.URI("my-alias"))
	require.Contains(t, d.URI("123456789012"), ":root-account-mfa-device@123456789012?")
}

func TestURIKeepsIAMNameCharacters(t *testing.T) {
	// Letters, digits and "+=.@-_" stay literal; ',' is escaped as in a
	// URL path segment.
	for _, c := range "abcXYZ019+=.@-_" {
		require.Contains(t, URI("x"+string(c)+"y", "1", "A"), ":x"+string(c)+"y@1?")
	}
	require.Contains(t, URI("x,y", "1", "A"), ":x%2Cy@1?")
}
