package mfa

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func TestNewSecret(t *testing.T) {
	tests := []struct {
		name string
		r    io.Reader
		want Secret
	}{
		{"zeros", bytes.NewReader(make([]byte, 40)), Secret(strings.Repeat("A", 64))},
		{"0xff", bytes.NewReader(bytes.Repeat([]byte{0xff}, 41)), Secret(strings.Repeat("7", 64))},
		{"chacha8", mrand.NewChaCha8([32]byte{1}), ""},
		{"crypto", rand.Reader, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSecret(tt.r)
			require.NoError(t, err)
			require.Len(t, s.Base32(), SecretLen)
			require.NoError(t, s.Validate())
			raw, err := s.Bytes()
			require.NoError(t, err)
			require.Len(t, raw, SecretBytes)
			if tt.want != "" {
				require.Equal(t, tt.want, s)
			}
		})
	}
}

func TestNewSecretDeterministic(t *testing.T) {
	a, err := NewSecret(mrand.NewChaCha8([32]byte{7}))
	require.NoError(t, err)
	b, err := NewSecret(mrand.NewChaCha8([32]byte{7}))
	require.NoError(t, err)
	require.Equal(t, a, b)
}

func TestNewSecretShortReader(t *testing.T) {
	_, err := NewSecret(bytes.NewReader(make([]byte, 39)))
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

func TestDemoSecret(t *testing.T) {
	require.Len(t, string(DemoSecret), SecretLen)
	require.NoError(t, DemoSecret.Validate())
	raw, err := DemoSecret.Bytes()
	require.NoError(t, err)
	require.Len(t, raw, SecretBytes)
}

func TestParseSecret(t *testing.T) {
	demo := string(DemoSecret)
	grouped := func(s string, n int, sep string) string {
		var parts []string
		for i := 0; i < len(s); i += n {
			parts = append(parts, s[i:min(i+n, len(s))])
		}
		return strings.Join(parts, sep)
	}
	tests := []struct {
		name       string
		in         string
		want       Secret
		constraint string
	}{
		{"canonical", demo, DemoSecret, ""},
		{"lower case", strings.ToLower(demo), DemoSecret, ""},
		{"groups of four", grouped(strings.ToLower(demo), 4, " "), DemoSecret, ""},
		{"tabs and newlines", " " + grouped(demo, 8, "\t") + "\r\n", DemoSecret, ""},
		{"padding", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGE======", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGE", ""},
		{"rfc secret", "gezdgnbvgy3tqojqgezdgnbvgy3tqojq", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", ""},
		{"empty", "", "", "required"},
		{"only spaces", "   \t", "", "required"},
		{"digit one", strings.Replace(demo, "L", "1", 1), "", "characters"},
		{"digit zero", "0" + demo[1:], "", "characters"},
		{"digit eight", demo[:63] + "8", "", "characters"},
		{"hyphen", grouped(demo, 4, "-"), "", "characters"},
		{"hangul", demo[:60] + "가나", "", "characters"},
		{"too short", demo[:15], "", "length"},
		{"bad base32 length", demo[:17], "", "length"},
		{"too long", strings.Repeat("A", MaxTypedSecretLen+8), "", "length"},
		{"one character missing", demo[:63], Secret(demo[:63]), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSecret(tt.in)
			if tt.constraint != "" {
				requireAWSErr(t, err, awserr.ValidationError, map[string]string{"field": FieldSecret, "constraint": tt.constraint})
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			require.NoError(t, got.Validate())
		})
	}
}

func TestSecretValidateCanonical(t *testing.T) {
	require.NoError(t, DemoSecret.Validate())
	requireAWSErr(t, Secret(strings.ToLower(string(DemoSecret))).Validate(), awserr.ValidationError, map[string]string{"constraint": "characters"})
	requireAWSErr(t, Secret("").Validate(), awserr.ValidationError, map[string]string{"constraint": "required"})
	_, err := Code("", testNow)
	require.Error(t, err)
}

func TestSecretRedacted(t *testing.T) {
	d := Device{Name: "n", Secret: DemoSecret}
	for _, f := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(f, d)
		require.NotContains(t, out, string(DemoSecret[:20]), f)
	}
	require.Equal(t, "Secret(64 chars, ****QRST)", DemoSecret.String())
	require.Equal(t, "Secret(****)", Secret("AB").String())
	require.Equal(t, string(DemoSecret), DemoSecret.Base32())
}

func TestSecretJSON(t *testing.T) {
	b, err := json.Marshal(DemoSecret)
	require.NoError(t, err)
	require.Equal(t, `"`+string(DemoSecret)+`"`, string(b))

	var s Secret
	require.NoError(t, json.Unmarshal([]byte(`"`+strings.ToLower(string(DemoSecret))+`"`), &s))
	require.Equal(t, DemoSecret, s)
	require.NoError(t, json.Unmarshal([]byte(`""`), &s))
	require.Equal(t, Secret(""), s)
	err = json.Unmarshal([]byte(`"NOT-BASE32!"`), &s)
	require.Equal(t, awserr.ValidationError, awserr.Code(err))
}

func TestSecretBytesMatchesStdlib(t *testing.T) {
	raw, err := DemoSecret.Bytes()
	require.NoError(t, err)
	want, err := base32.StdEncoding.DecodeString(string(DemoSecret))
	require.NoError(t, err)
	require.Equal(t, want, raw)
}

func FuzzParseSecret(f *testing.F) {
	f.Add(string(DemoSecret))
	f.Add("abcd efgh ijkl mnop")
	f.Add("=====")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseSecret(in)
		if err != nil {
			require.Equal(t, awserr.ValidationError, awserr.Code(err))
			return
		}
		require.NoError(t, s.Validate())
		again, err := ParseSecret(string(s))
		require.NoError(t, err)
		require.Equal(t, s, again)
		_, err = Code(s, testNow)
		require.NoError(t, err)
	})
}
