package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func validContact() ContactInput {
	return ContactInput{
		Usage:    UsagePersonal,
		FullName: "Hong Gildong",
		Phone:    "+82 10-1234-5678",
		Address: Address{
			Country: "KR", Line1: "123 Teheran-ro", Line2: "Apt 4B", City: "Gangnam-gu, Seoul",
			StateOrRegion: "", PostalCode: "06234",
		},
		Agreed: true,
	}
}

func TestValidateContact(t *testing.T) {
	tests := []struct {
		name string
		edit func(*ContactInput)
		want []string
	}{
		{"valid personal", func(*ContactInput) {}, []string{}},
		{"valid korean full name", func(in *ContactInput) { in.FullName = "홍길동" }, []string{}},
		{"valid business", func(in *ContactInput) { in.Usage, in.OrganizationName = UsageBusiness, "Example Corp" }, []string{}},
		{"valid US with state", func(in *ContactInput) {
			in.Phone = "+1 (222) 333-4444"
			in.Address = Address{Country: "US", Line1: "410 Terry Ave N", City: "Seattle", StateOrRegion: "WA", PostalCode: "98109-5210"}
		}, []string{}},
		{"personal ignores organization", func(in *ContactInput) { in.OrganizationName = rep("x", 80) }, []string{}},
		{"latin diacritics allowed", func(in *ContactInput) {
			in.Address = Address{Country: "FR", Line1: "12 Rue de l’Église", City: "Besançon", PostalCode: "25000"}
		}, []string{}},
		{"everything empty", func(in *ContactInput) { *in = ContactInput{} }, []string{
			"usage:required", "fullName:required", "phone:required", "country:required",
			"addressLine1:required", "city:required", "postalCode:required", "agreement:agreement.required"}},
		{"unknown usage", func(in *ContactInput) { in.Usage = "hobby" }, []string{"usage:choice.invalid"}},
		{"business without organization", func(in *ContactInput) { in.Usage = UsageBusiness }, []string{"organizationName:required"}},
		{"organization 51", func(in *ContactInput) { in.Usage, in.OrganizationName = UsageBusiness, rep("o", 51) },
			[]string{"organizationName:organizationName.tooLong"}},
		{"full name 50", func(in *ContactInput) { in.FullName = rep("n", 50) }, []string{}},
		{"full name 51", func(in *ContactInput) { in.FullName = rep("n", 51) }, []string{"fullName:fullName.tooLong"}},
		{"full name control", func(in *ContactInput) { in.FullName = "Hong\nGildong" }, []string{"fullName:invalidChar"}},
		{"not agreed", func(in *ContactInput) { in.Agreed = false }, []string{"agreement:agreement.required"}},
		{"bad phone", func(in *ContactInput) { in.Phone = "010-1234-5678" }, []string{"phone:phone.invalid"}},
		{"unknown country", func(in *ContactInput) { in.Address.Country = "ZZ" }, []string{"country:country.unknown"}},
		{"lower-case country accepted", func(in *ContactInput) { in.Address.Country = "kr" }, []string{}},
		{"hangul address", func(in *ContactInput) { in.Address.Line1 = "테헤란로 123" }, []string{"addressLine1:latinOnly"}},
		{"hangul city", func(in *ContactInput) { in.Address.City = "서울" }, []string{"city:latinOnly"}},
		{"full-width digits in line 2", func(in *ContactInput) { in.Address.Line2 = "Apt ４" }, []string{"addressLine2:latinOnly"}},
		{"line 1 60", func(in *ContactInput) { in.Address.Line1 = rep("a", 60) }, []string{}},
		{"line 1 61", func(in *ContactInput) { in.Address.Line1 = rep("a", 61) }, []string{"addressLine1:address.tooLong"}},
		{"line 2 61", func(in *ContactInput) { in.Address.Line2 = rep("a", 61) }, []string{"addressLine2:address.tooLong"}},
		{"city 51", func(in *ContactInput) { in.Address.City = rep("c", 51) }, []string{"city:city.tooLong"}},
		{"state 51", func(in *ContactInput) { in.Address.StateOrRegion = rep("s", 51) }, []string{"stateOrRegion:state.tooLong"}},
		{"postal 20", func(in *ContactInput) { in.Address.PostalCode = rep("1", 20) }, []string{}},
		{"postal 21", func(in *ContactInput) { in.Address.PostalCode = rep("1", 21) }, []string{"postalCode:postal.tooLong"}},
		{"postal with slash", func(in *ContactInput) { in.Address.PostalCode = "123/45" }, []string{"postalCode:postal.invalid"}},
		{"postal with accent", func(in *ContactInput) { in.Address.PostalCode = "é123" }, []string{"postalCode:postal.invalid"}},
		{"postal hangul", func(in *ContactInput) { in.Address.PostalCode = "우편" }, []string{"postalCode:latinOnly"}},
		{"postal spaces only", func(in *ContactInput) { in.Address.PostalCode = "  " }, []string{"postalCode:required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validContact()
			tt.edit(&in)
			require.Equal(t, tt.want, codes(ValidateContact(in)))
		})
	}
}

func TestStateRequired(t *testing.T) {
	for _, c := range []string{"US", "CA", "GB", "DE", "JP", "IN", "BR", "us", " jp "} {
		require.True(t, StateRequired(c), c)
		a := Address{Country: c, Line1: "1 Main St", City: "Town", PostalCode: "12345"}
		require.Equal(t, []string{"stateOrRegion:required"}, codes(ValidateAddress(a)), c)
		a.StateOrRegion = "Region"
		require.Empty(t, ValidateAddress(a), c)
	}
	for _, c := range []string{"KR", "FR", "AU", ""} {
		require.False(t, StateRequired(c), c)
	}
}

func TestTooLongParams(t *testing.T) {
	a := Address{Country: "KR", Line1: rep("a", 61), City: rep("c", 51), StateOrRegion: rep("s", 51), PostalCode: rep("1", 21)}
	ps := ValidateAddress(a)
	require.Len(t, ps, 4)
	for i, max := range []string{"60", "50", "50", "20"} {
		require.Equal(t, map[string]string{"max": max}, ps[i].Params, ps[i].Field)
	}
	p, _ := ForField(ValidateAddress(Address{Country: "KR", Line1: "서울", City: "c", PostalCode: "1"}), FieldAddressLine1)
	require.Equal(t, map[string]string{"char": "서"}, p.Params)
}

func TestValidateContactPhone(t *testing.T) {
	tests := []struct {
		phone, code, reason string
	}{
		{"+82 10-1234-5678", "", ""},
		{"+82 010-1234-5678", "", ""},
		{"+1 222-333-4444", "", ""},
		{"+1 (222) 333-4444", "", ""},
		{"+44 20 7946 0958", "", ""},
		{"+7 912 345 6789", "", ""},
		{"+8210", CodePhoneInvalid, PhoneReasonLength},
		{"+82 1234", "", ""},
		{"", CodeRequired, ""},
		{"  ", CodeRequired, ""},
		{"010-1234-5678", CodePhoneInvalid, PhoneReasonPlus},
		{"+82 10.1234.5678", CodePhoneInvalid, PhoneReasonChars},
		{"+82 10-1234-567a", CodePhoneInvalid, PhoneReasonChars},
		{"+82 +10 1234", CodePhoneInvalid, PhoneReasonChars},
		{"+", CodePhoneInvalid, PhoneReasonLength},
		{"+ - ()", CodePhoneInvalid, PhoneReasonLength},
		{"+1234567890123456", CodePhoneInvalid, PhoneReasonLength},
		{"+82 10 1234 5678 9999", CodePhoneTooLong, ""},
		{"+999 1234 5678", CodePhoneCallingCode, ""},
		{"+0 1234 5678", CodePhoneCallingCode, ""},
	}
	for _, tt := range tests {
		t.Run(tt.phone, func(t *testing.T) {
			got := ValidateContactPhone(tt.phone)
			if tt.code == "" {
				require.Empty(t, got)
				return
			}
			p := requireOne(t, got, FieldPhone, tt.code)
			if tt.reason != "" {
				require.Equal(t, tt.reason, p.Params["reason"])
			}
		})
	}
}

func TestSplitPhone(t *testing.T) {
	tests := []struct{ in, cc, national string }{
		{"+82 10-1234-5678", "82", "1012345678"},
		{"+1 (222) 333-4444", "1", "2223334444"},
		{"+358 40 123 4567", "358", "401234567"},
		{"+44 20 7946 0958", "44", "2079460958"},
	}
	for _, tt := range tests {
		cc, n, ok := SplitPhone(tt.in)
		require.True(t, ok, tt.in)
		require.Equal(t, tt.cc, cc)
		require.Equal(t, tt.national, n)
	}
	for _, bad := range []string{"82 10", "+999 1", "+82 x"} {
		_, _, ok := SplitPhone(bad)
		require.False(t, ok, bad)
	}
}

func TestHasFieldAndForField(t *testing.T) {
	ps := []Problem{problem(FieldEmail, CodeRequired), problem(FieldCity, CodeCityTooLong, "max", "50")}
	require.True(t, HasField(ps, FieldCity))
	require.False(t, HasField(ps, FieldPhone))
	p, ok := ForField(ps, FieldCity)
	require.True(t, ok)
	require.Equal(t, "50", p.Params["max"])
	_, ok = ForField(ps, FieldPhone)
	require.False(t, ok)
}
