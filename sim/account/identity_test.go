package account

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func validIdentity() IdentityInput {
	return IdentityInput{
		Method: MethodSMS, PhoneCountry: "KR", MobileNumber: "010-1234-5678",
		Captcha: Captcha{Text: "75V6Yd"}, CaptchaAnswer: "75v6yd",
	}
}

func TestValidateIdentity(t *testing.T) {
	tests := []struct {
		name string
		edit func(*IdentityInput)
		want []string
	}{
		{"valid sms", func(*IdentityInput) {}, []string{}},
		{"valid voice", func(in *IdentityInput) { in.Method = MethodVoice }, []string{}},
		{"number without trunk zero", func(in *IdentityInput) { in.MobileNumber = "10 1234 5678" }, []string{}},
		{"US number", func(in *IdentityInput) { in.PhoneCountry, in.MobileNumber = "US", "(222) 333-4444" }, []string{}},
		{"lower-case country", func(in *IdentityInput) { in.PhoneCountry = "kr" }, []string{}},
		{"everything empty", func(in *IdentityInput) { *in = IdentityInput{} }, []string{
			"contactMethod:required", "phoneCountry:required", "mobileNumber:required", "captcha:required"}},
		{"unknown method", func(in *IdentityInput) { in.Method = "email" }, []string{"contactMethod:choice.invalid"}},
		{"unknown country", func(in *IdentityInput) { in.PhoneCountry = "ZZ" }, []string{"phoneCountry:country.unknown"}},
		{"country without calling code", func(in *IdentityInput) { in.PhoneCountry = "AQ" }, []string{"phoneCountry:country.unknown"}},
		{"letters in number", func(in *IdentityInput) { in.MobileNumber = "010-1234-abcd" }, []string{"mobileNumber:phone.invalid"}},
		{"plus in number", func(in *IdentityInput) { in.MobileNumber = "+82 10 1234 5678" }, []string{"mobileNumber:phone.invalid"}},
		{"too short", func(in *IdentityInput) { in.MobileNumber = "0123" }, []string{"mobileNumber:phone.invalid"}},
		{"only zero", func(in *IdentityInput) { in.MobileNumber = "0" }, []string{"mobileNumber:phone.invalid"}},
		{"four digits", func(in *IdentityInput) { in.MobileNumber = "1234" }, []string{}},
		{"too long with calling code", func(in *IdentityInput) { in.MobileNumber = "1234567890123" + "4" }, []string{"mobileNumber:phone.invalid"}},
		{"13 digits fit with 82", func(in *IdentityInput) { in.MobileNumber = "1234567890123" }, []string{}},
		{"wrong captcha", func(in *IdentityInput) { in.CaptchaAnswer = "75V6Yx" }, []string{"captcha:captcha.mismatch"}},
		{"captcha blank", func(in *IdentityInput) { in.CaptchaAnswer = "   " }, []string{"captcha:required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validIdentity()
			tt.edit(&in)
			require.Equal(t, tt.want, codes(ValidateIdentity(in)))
		})
	}
}

func TestMobileReasons(t *testing.T) {
	tests := []struct{ number, reason string }{
		{"010-abc", PhoneReasonChars},
		{"+8210", PhoneReasonChars},
		{"0", PhoneReasonLength},
		{"0 - 0", PhoneReasonLength},
		{"123", PhoneReasonLength},
	}
	for _, tt := range tests {
		in := validIdentity()
		in.MobileNumber = tt.number
		p := requireOne(t, ValidateIdentity(in), FieldMobileNumber, CodePhoneInvalid)
		require.Equal(t, tt.reason, p.Params["reason"], tt.number)
	}
}

func TestMobileE164(t *testing.T) {
	tests := []struct{ country, number, want string }{
		{"KR", "010-1234-5678", "+821012345678"},
		{"kr", "10 1234 5678", "+821012345678"},
		{"US", "(222) 333-4444", "+12223334444"},
		{"ZZ", "010", ""},
		{"AQ", "1234", ""},
		{"KR", "abc", ""},
		{"KR", "", ""},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, MobileE164(tt.country, tt.number), tt.country+" "+tt.number)
	}
}
