package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestValidateEmailFormat(t *testing.T) {
	long := rep("a", 64) + "@" + rep("b", 63) + "." + rep("c", 63) + "." + rep("d", 57) + ".com" // 254
	tests := []struct {
		name, email string
		code        string // "" = valid
		reason      string
	}{
		{"simple", "user@example.com", "", ""},
		{"subdomain and plus", "first.last+aws@mail.example.co.kr", "", ""},
		{"surrounding spaces trimmed", "  user@example.com \t", "", ""},
		{"upper case", "User@Example.COM", "", ""},
		{"hyphen and digits in domain", "a@my-host1.example.io", "", ""},
		{"punycode tld", "a@example.xn--3e0b707e", "", ""},
		{"allowed local symbols", "a!#$*+/=?^_`{}~-b@example.com", "", ""},
		{"exactly 254", long, "", ""},
		{"empty", "", CodeRequired, ""},
		{"only spaces", "   ", CodeRequired, ""},
		{"255 characters", "a" + long, CodeEmailTooLong, ""},
		{"non-ascii local", "사용자@example.com", CodeEmailInvalid, EmailReasonASCII},
		{"non-ascii domain", "user@예시.kr", CodeEmailInvalid, EmailReasonASCII},
		{"inner space", "us er@example.com", CodeEmailInvalid, EmailReasonSpace},
		{"no at", "user.example.com", CodeEmailInvalid, EmailReasonAt},
		{"two ats", "a@b@example.com", CodeEmailInvalid, EmailReasonAt},
		{"empty local", "@example.com", CodeEmailInvalid, EmailReasonLocal},
		{"local 65", rep("a", 65) + "@example.com", CodeEmailInvalid, EmailReasonLocal},
		{"quote in local", `"a"@example.com`, CodeEmailInvalid, EmailReasonLocal},
		{"comma in local", "a,b@example.com", CodeEmailInvalid, EmailReasonLocal},
		{"percent in local", "a%b@example.com", CodeEmailInvalid, EmailReasonLocal},
		{"angle in local", "a<b@example.com", CodeEmailInvalid, EmailReasonLocal},
		{"leading dot local", ".user@example.com", CodeEmailInvalid, EmailReasonDots},
		{"trailing dot local", "user.@example.com", CodeEmailInvalid, EmailReasonDots},
		{"double dot local", "us..er@example.com", CodeEmailInvalid, EmailReasonDots},
		{"empty domain", "user@", CodeEmailInvalid, EmailReasonDomain},
		{"domain without dot", "user@localhost", CodeEmailInvalid, EmailReasonDomain},
		{"leading dot domain", "user@.example.com", CodeEmailInvalid, EmailReasonDots},
		{"trailing dot domain", "user@example.com.", CodeEmailInvalid, EmailReasonDots},
		{"double dot domain", "user@example..com", CodeEmailInvalid, EmailReasonDots},
		{"underscore in domain", "user@exa_mple.com", CodeEmailInvalid, EmailReasonDomain},
		{"label starts with hyphen", "user@-example.com", CodeEmailInvalid, EmailReasonDomain},
		{"label ends with hyphen", "user@example-.com", CodeEmailInvalid, EmailReasonDomain},
		{"label of 64", "user@" + rep("a", 64) + ".com", CodeEmailInvalid, EmailReasonDomain},
		{"ip-like domain", "user@127.0.0.1", CodeEmailInvalid, EmailReasonTLD},
		{"one-letter tld", "user@example.c", CodeEmailInvalid, EmailReasonTLD},
		{"numeric tld", "user@example.123", CodeEmailInvalid, EmailReasonTLD},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ValidateEmail(tt.email, nil)
			if tt.code == "" {
				require.Empty(t, got)
				require.True(t, ValidEmail(tt.email))
				return
			}
			p := requireOne(t, got, FieldEmail, tt.code)
			if tt.reason != "" {
				require.Equal(t, tt.reason, p.Params["reason"])
			}
			require.False(t, ValidEmail(tt.email))
			if tt.code == CodeEmailTooLong {
				require.Equal(t, "254", p.Params["max"])
			}
		})
	}
}

// TestValidateEmailNamesBaselineCharacters: control and bidirectional
// characters are named, not mistaken for spaces or non-English letters,
// and a value of only invisible characters is empty.
func TestValidateEmailNamesBaselineCharacters(t *testing.T) {
	tests := []struct{ name, email, code, char string }{
		{"tab inside", "user@exa\tmple.com", CodeInvalidChar, "U+0009"},
		{"control char", "user\x01@example.com", CodeInvalidChar, "U+0001"},
		{"nul", "user\x00@example.com", CodeInvalidChar, "U+0000"},
		{"DEL", "user\x7f@example.com", CodeInvalidChar, "U+007F"},
		{"right-to-left override", "abc\u202Eexe.txt@example.com", CodeInvalidChar, "U+202E"},
		{"isolate", "a\u2066b@example.com", CodeInvalidChar, "U+2066"},
		{"zero width only", "\u200B\uFEFF", CodeRequired, ""},
		{"space inside", "us er@example.com", CodeEmailInvalid, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := requireOne(t, ValidateEmail(tt.email, nil), FieldEmail, tt.code)
			require.Equal(t, tt.char, p.Params["char"])
		})
	}
}

func TestValidateEmailTaken(t *testing.T) {
	used := map[string]bool{"taken@example.com": true}
	var asked []string
	taken := func(n string) bool { asked = append(asked, n); return used[n] }
	tests := []struct {
		email string
		want  []string
	}{
		{"taken@example.com", []string{"email:" + CodeEmailTaken}},
		{"TAKEN@Example.Com", []string{"email:" + CodeEmailTaken}},
		{"  Taken@example.com  ", []string{"email:" + CodeEmailTaken}},
		{"free@example.com", []string{}},
		{"taken@example.co", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.email, func(t *testing.T) {
			require.Equal(t, tt.want, codes(ValidateEmail(tt.email, taken)))
		})
	}
	require.Contains(t, asked, "taken@example.com", "taken receives the normalized address")
	asked = nil
	ValidateEmail("bad address", taken)
	require.Empty(t, asked, "taken is not asked about malformed addresses")
}

func TestNormalizeAndSameEmail(t *testing.T) {
	require.Equal(t, "user@example.com", NormalizeEmail("  User@Example.COM "))
	require.True(t, SameEmail("A@B.com", "a@b.COM"))
	require.False(t, SameEmail("a@b.com", "a@c.com"))
}

func FuzzValidateEmail(f *testing.F) {
	for _, s := range []string{"user@example.com", "a@b", "@@", "사용자@예시.kr", ".a@b.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps := ValidateEmail(s, nil)
		require.LessOrEqual(t, len(ps), 1)
		require.Equal(t, len(ps) == 0, ValidEmail(s))
		if len(ps) == 0 {
			require.NotContains(t, NormalizeEmail(s), " ")
		}
	})
}
