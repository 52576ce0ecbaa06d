package devices_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/devices"
	"labsim/sim/mfa"
)

// readWithNetURL is how the authenticator read otpauth URIs before it
// read them itself: the reference its own reader must agree with.
func readWithNetURL(uri string) (issuer, account string, secret mfa.Secret, ok bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "otpauth" || u.Host != "totp" {
		return "", "", "", false
	}
	label := strings.TrimPrefix(u.Path, "/")
	if i := strings.Index(label, ":"); i >= 0 {
		issuer, account = label[:i], strings.TrimSpace(label[i+1:])
	} else {
		account = label
	}
	q := u.Query()
	if v := q.Get("issuer"); v != "" {
		issuer = v
	}
	secret, err = mfa.ParseSecret(q.Get("secret"))
	return issuer, account, secret, err == nil
}

var uriSeeds = []string{
	mfa.URI("a b,c", "alias", mfa.DemoSecret),
	"otpauth://totp/Amazon%20Web%20Services:root@example.com?secret=" + mfa.DemoSecret.Base32() + "&issuer=Amazon%20Web%20Services",
	"OTPAUTH://totp/x?secret=" + mfa.DemoSecret.Base32(),
	"otpauth://totp/x?issuer=a&issuer=b&secret=" + mfa.DemoSecret.Base32() + "#frag",
	"otpauth://totp/x?secret=" + mfa.DemoSecret.Base32() + ";y=1",
	"otpauth://totp/x%zz?secret=" + mfa.DemoSecret.Base32(),
	"otpauth://hotp/x?secret=" + mfa.DemoSecret.Base32(),
	"otpauth://totp?secret=" + mfa.DemoSecret.Base32(),
	"https://example.com",
	"otpauth://user@totp/x?secret=" + mfa.DemoSecret.Base32(),
	"otpauth://totp:443/x?secret=" + mfa.DemoSecret.Base32(),
}

func TestTOTPParseURIReadsAsNetURL(t *testing.T) {
	for _, uri := range uriSeeds {
		checkAgainstNetURL(t, uri)
	}
}

func FuzzTOTPParseURI(f *testing.F) {
	for _, s := range uriSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, uri string) { checkAgainstNetURL(t, uri) })
}

// checkAgainstNetURL requires the same reading as net/url's for every URI
// both accept, and acceptance of every URI net/url reads as an
// otpauth://totp URI with a valid secret, except those with a user or a
// port before "totp", which no authenticator meets.
func checkAgainstNetURL(t *testing.T, uri string) {
	issuer, account, secret, ok := readWithNetURL(uri)
	gi, ga, gs, err := devices.TOTPParseURI(uri)
	if !ok {
		return // refusing what net/url accepts badly is allowed either way
	}
	if err != nil {
		u, _ := url.Parse(uri)
		require.True(t, u.User != nil || u.Port() != "" || strings.Contains(u.Host, ":"), "%s: %v", uri, err)
		return
	}
	require.Equal(t, []string{issuer, account, secret.Base32()}, []string{gi, ga, gs.Base32()}, uri)
}
