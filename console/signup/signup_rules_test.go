package signup_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/account"
)

// suInput is one control to set: a textbox, a select (by option text), a
// checkbox or a radio (value "on"/"off").
type suInput struct{ role, label, value string }

func suApply(t *testing.T, m Model, in []suInput) Model {
	t.Helper()
	for _, i := range in {
		switch i.role {
		case "combobox":
			m = suChoose(t, m, i.label, i.value)
		case "checkbox", "radio":
			m = suCheck(t, m, i.role, i.label, i.value == "on")
		default:
			m = suType(t, m, i.role, i.label, i.value)
		}
	}
	return m
}

// suInvalid is one invalid input: what is typed, the button, and the error
// expected next to which control.
type suInvalid struct {
	name   string
	set    []suInput
	role   string
	label  string
	errMsg string
}

// suCheckInvalid submits each case on a page and checks that the page
// stays, the error is next to its field, and nothing typed is lost.
func suCheckInvalid(t *testing.T, base Model, submitName string, cases []suInvalid) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			m := suApply(t, base, tt.set)
			before := m.UI.Route
			fieldsBefore, secretsBefore := m.UI.Fields, m.Secrets
			m, fx := suSubmitFx(t, m, submitName)
			require.Equal(t, before, m.UI.Route, "the page stays")
			require.Equal(t, tt.errMsg, suErrorOf(t, m, tt.role, tt.label))
			focus := effectsOf[Focus](fx)
			require.NotEmpty(t, focus, "focus moves to the first error")
			_, ok := ui.ByID(View(m), focus[len(focus)-1].ID)
			require.True(t, ok, "focus target %s exists", focus[len(focus)-1].ID)
			for k, v := range fieldsBefore {
				require.Equal(t, v, m.UI.Fields[k], "field %s is kept", k)
			}
			for k, v := range secretsBefore {
				require.Equal(t, v, m.Secrets[k], "secret %s is kept", k)
			}
			checkPseudo(t, suInLang(m, i18n.Pseudo))
		})
	}
}

func TestSignUpPage1Rules(t *testing.T) {
	base := suToStep(t, 1)
	good := []suInput{
		{"textbox", "Email address", "kim@example.com"},
		{"textbox", "Password", suPass},
		{"textbox", "Confirm password", suPass},
		{"textbox", "AWS account name", "my-lab"},
	}
	with := func(extra ...suInput) []suInput { return append(append([]suInput{}, good...), extra...) }
	suCheckInvalid(t, base, "Continue (step 1 of 5)", []suInvalid{
		{"email required", with(suInput{"textbox", "Email address", ""}), "textbox", "Email address", "Enter your email address."},
		{"email without @", with(suInput{"textbox", "Email address", "kim.example.com"}), "textbox", "Email address", "An email address has exactly one @."},
		{"email with space", with(suInput{"textbox", "Email address", "kim lee@example.com"}), "textbox", "Email address", "Remove the spaces from the email address."},
		{"email in Hangul", with(suInput{"textbox", "Email address", "김@example.com"}), "textbox", "Email address", "Use only English letters, numbers and symbols in the email address."},
		{"email double dot", with(suInput{"textbox", "Email address", "kim..lee@example.com"}), "textbox", "Email address", "An email address cannot start or end with a dot or have two dots in a row."},
		{"email without domain dot", with(suInput{"textbox", "Email address", "kim@localhost"}), "textbox", "Email address", "Check the part after the @, for example example.com."},
		{"email numeric tld", with(suInput{"textbox", "Email address", "kim@example.123"}), "textbox", "Email address", "The email address must end with a domain such as .com or .kr."},
		{"email bad local", with(suInput{"textbox", "Email address", "ki<m@example.com"}), "textbox", "Email address", "Check the part before the @: it is empty, too long or has a character that is not allowed."},
		{"email too long", with(suInput{"textbox", "Email address", strings.Repeat("a", 60) + "@" + strings.Repeat("b", 190) + ".com"}), "textbox", "Email address", "An email address has at most 254 characters."},
		{"password required", with(suInput{"textbox", "Password", ""}), "textbox", "Password", "Enter a password."},
		{"password too short", with(suInput{"textbox", "Password", "Ab1!"}, suInput{"textbox", "Confirm password", "Ab1!"}), "textbox", "Password", "The password must have at least 8 characters."},
		{"password too long", with(suInput{"textbox", "Password", "Aa1!" + strings.Repeat("x", 130)}), "textbox", "Password", "The password must have at most 128 characters."},
		{"password two classes", with(suInput{"textbox", "Password", "abcdefgh1"}), "textbox", "Password", "Use at least 3 of the 4 types: uppercase letters, lowercase letters, numbers and symbols. This password uses 2."},
		{"password with Hangul", with(suInput{"textbox", "Password", "Abcdefg1한"}), "textbox", "Password", "The password cannot contain “한”. Use English letters, numbers and keyboard symbols; check that the Korean input mode is off."},
		{"password equals email", with(suInput{"textbox", "Email address", "Kim1@example.com"}, suInput{"textbox", "Password", "kim1@EXAMPLE.com"}), "textbox", "Password", "The password must not be the same as your email address."},
		{"password equals account name", with(suInput{"textbox", "AWS account name", "My-Lab-2026"}, suInput{"textbox", "Password", "my-lab-2026"}), "textbox", "Password", "The password must not be the same as your AWS account name."},
		{"confirm required", with(suInput{"textbox", "Confirm password", ""}), "textbox", "Confirm password", "Type the password again to confirm it."},
		{"confirm mismatch", with(suInput{"textbox", "Confirm password", "Lab-Student-2027"}), "textbox", "Confirm password", "The passwords do not match."},
		{"account name required", with(suInput{"textbox", "AWS account name", "  "}), "textbox", "AWS account name", "Enter a name for your AWS account."},
		{"account name too long", with(suInput{"textbox", "AWS account name", strings.Repeat("가", 51)}), "textbox", "AWS account name", "The account name can have at most 50 characters."},
		{"account name control char", with(suInput{"textbox", "AWS account name", "my\tlab"}), "textbox", "AWS account name", "“U+0009” cannot be used here."},
	})
}

func TestSignUpEmailUsedByAnotherAccountInThisBrowser(t *testing.T) {
	m := suStart(t, map[string]string{"world": "signed-up", "lang": "en"})
	m = send(m, Navigate{Now: t0, Hash: "#/signup/1"})
	m = suFill1(t, m, "STUDENT@example.com")
	m = suSubmit(t, m, "Continue (step 1 of 5)")
	require.Equal(t, "An AWS account in this browser already uses this email address. Use another email address, or sign in to that account.",
		suErrorOf(t, m, "textbox", "Email address"))
	m = suSubmit(t, suType(t, m, "textbox", "Email address", "second@example.com"), "Continue (step 1 of 5)")
	require.Equal(t, "#/signup/2", m.UI.Route, "another address is fine: accounts live side by side")
}

func TestSignUpPasswordChecklistAndMatches(t *testing.T) {
	m := suToStep(t, 1)
	rule := func(m Model, text string) bool {
		for _, li := range suListItems(View(m)) {
			own := ""
			for _, k := range li.Kids {
				if k.Tag != "ul" {
					own += k.TextContent()
				}
			}
			if strings.Contains(own, text) {
				return strings.Contains(own, "Met:") && !strings.Contains(own, "Not met yet:")
			}
		}
		t.Fatalf("no rule %q", text)
		return false
	}
	m = suType(t, m, "textbox", "Email address", "kim@example.com")
	m = suType(t, m, "textbox", "Password", "abc")
	require.False(t, rule(m, "Have 8 to 128 characters"))
	require.True(t, rule(m, "Lowercase letters (a–z)"))
	require.False(t, rule(m, "Use at least 3 of these 4 types:"))
	m = suType(t, m, "textbox", "Password", "abcDEF12")
	require.True(t, rule(m, "Have 8 to 128 characters"))
	require.True(t, rule(m, "Use at least 3 of these 4 types:"))
	require.False(t, rule(m, "Symbols"))
	m = suType(t, m, "textbox", "Password", "abc DEF12")
	require.False(t, rule(m, "Use only English letters"))
	require.False(t, suText(m, "Matches"))
	m = suType(t, m, "textbox", "Password", "abcDEF12")
	m = suType(t, m, "textbox", "Confirm password", "abcDEF1")
	require.False(t, suText(m, "Matches"))
	m = suType(t, m, "textbox", "Confirm password", "abcDEF12")
	require.True(t, suText(m, "Matches"))
	pw := find(t, m, "textbox", "Password")
	require.Contains(t, suAttr(pw, "aria-describedby"), "signup-rules", "the checklist describes the field")
	require.Equal(t, "password", suAttr(pw, "type"))
}

func suListItems(root ui.Node) []ui.Node {
	var out []ui.Node
	root.Walk(func(n ui.Node) bool {
		if n.Tag == "li" {
			out = append(out, n)
		}
		return true
	})
	return out
}

func TestSignUpPage2Rules(t *testing.T) {
	base := suToStep(t, 2)
	find(t, base, "heading", "Contact information")
	good := []suInput{
		{"radio", "Personal - for your own projects", "on"},
		{"textbox", "Full Name", "Kim Minji"},
		{"textbox", "Phone Number", "+82 10-1234-5678"},
		{"combobox", "Country or Region", "South Korea"},
		{"textbox", "Address", "1 Sejong-daero"},
		{"textbox", "City", "Seoul"},
		{"textbox", "Postal Code", "04524"},
		{"checkbox", "I have read and agree to the terms of the AWS Customer Agreement.", "on"},
	}
	with := func(extra ...suInput) []suInput { return append(append([]suInput{}, good...), extra...) }
	agree := "I have read and agree to the terms of the AWS Customer Agreement."
	suCheckInvalid(t, base, "Continue (step 2 of 5)", []suInvalid{
		{"usage required", good[1:], "radio", "Personal - for your own projects", "Choose how you plan to use AWS."},
		{"full name required", with(suInput{"textbox", "Full Name", ""}), "textbox", "Full Name", "Enter your full name."},
		{"full name too long", with(suInput{"textbox", "Full Name", strings.Repeat("김", 51)}), "textbox", "Full Name", "The full name can have at most 50 characters."},
		{"phone required", with(suInput{"textbox", "Phone Number", ""}), "textbox", "Phone Number", "Enter your phone number with the country code."},
		{"phone without plus", with(suInput{"textbox", "Phone Number", "010-1234-5678"}), "textbox", "Phone Number", "Start with + and the country code, for example +82 10-1234-5678."},
		{"phone letters", with(suInput{"textbox", "Phone Number", "+82 10-CALL-ME"}), "textbox", "Phone Number", "Use only numbers, spaces, parentheses and hyphens."},
		{"phone too short", with(suInput{"textbox", "Phone Number", "+82 12"}), "textbox", "Phone Number", "This number has too few or too many digits."},
		{"phone unknown code", with(suInput{"textbox", "Phone Number", "+999 1234567"}), "textbox", "Phone Number", "No country uses this country code. Check the digits after +."},
		{"phone too long", with(suInput{"textbox", "Phone Number", "+82 10 1234 5678 9 0 1 2"}), "textbox", "Phone Number", "The phone number can have at most 20 characters."},
		{"address required", with(suInput{"textbox", "Address", ""}), "textbox", "Address", "Enter your address."},
		{"address in Hangul", with(suInput{"textbox", "Address", "세종대로 1"}), "textbox", "Address", "Enter this in English (Latin letters): “세” cannot be used."},
		{"address too long", with(suInput{"textbox", "Address", strings.Repeat("a", 61)}), "textbox", "Address", "An address line can have at most 60 characters."},
		{"line 2 in Hangul", with(suInput{"textbox", "Apartment, suite, unit, building, floor, etc.", "101동"}), "textbox", "Apartment, suite, unit, building, floor, etc.", "Enter this in English (Latin letters): “동” cannot be used."},
		{"city required", with(suInput{"textbox", "City", ""}), "textbox", "City", "Enter your city."},
		{"city too long", with(suInput{"textbox", "City", strings.Repeat("a", 51)}), "textbox", "City", "The city can have at most 50 characters."},
		{"state required in the US", with(suInput{"combobox", "Country or Region", "United States"}), "textbox", "State, Province, or Region", "Enter your state, province or region."},
		{"state too long", with(suInput{"textbox", "State, Province, or Region", strings.Repeat("a", 51)}), "textbox", "State, Province, or Region", "The state, province or region can have at most 50 characters."},
		{"postal required", with(suInput{"textbox", "Postal Code", ""}), "textbox", "Postal Code", "Enter your postal code."},
		{"postal bad char", with(suInput{"textbox", "Postal Code", "045#24"}), "textbox", "Postal Code", "Use only letters, numbers, spaces and hyphens in the postal code (not “#”)."},
		{"postal too long", with(suInput{"textbox", "Postal Code", strings.Repeat("1", 21)}), "textbox", "Postal Code", "The postal code can have at most 20 characters."},
		{"agreement", with(suInput{"checkbox", agree, "off"}), "checkbox", agree, "To continue, read and agree to the AWS Customer Agreement."},
	})

	// Business adds the organization name.
	m := suApply(t, base, with(suInput{"radio", "Business - for your work, school or organization", "on"}))
	find(t, m, "textbox", "Organization name")
	m = suSubmit(t, m, "Continue (step 2 of 5)")
	require.Equal(t, "Enter your organization's name.", suErrorOf(t, m, "textbox", "Organization name"))
	m = suSubmit(t, suType(t, m, "textbox", "Organization name", strings.Repeat("o", 51)), "Continue (step 2 of 5)")
	require.Equal(t, "The organization name can have at most 50 characters.", suErrorOf(t, m, "textbox", "Organization name"))
	m = suSubmit(t, suType(t, m, "textbox", "Organization name", "Hanbit Univ"), "Continue (step 2 of 5)")
	require.Equal(t, "#/signup/3", m.UI.Route)
}

func TestSignUpPage3Rules(t *testing.T) {
	base := suToStep(t, 3)
	good := []suInput{
		{"textbox", "Credit or Debit card number", account.TestCardNumber},
		{"combobox", "Month", "12"},
		{"combobox", "Year", "2028"},
		{"textbox", "Cardholder's name", "Kim Minji"},
	}
	with := func(extra ...suInput) []suInput { return append(append([]suInput{}, good...), extra...) }
	card := "Credit or Debit card number"
	suCheckInvalid(t, base, "Verify and Continue (step 3 of 5)", []suInvalid{
		{"card required", with(suInput{"textbox", card, ""}), "textbox", card, "Enter the card number (use the test card number above)."},
		{"card letters", with(suInput{"textbox", card, "4111 1111 1111 111x"}), "textbox", card, "Enter the card number as 12 to 19 digits; spaces and hyphens are allowed."},
		{"card too short", with(suInput{"textbox", card, "4111 1111"}), "textbox", card, "Enter the card number as 12 to 19 digits; spaces and hyphens are allowed."},
		{"card unknown brand", with(suInput{"textbox", card, "9111 1111 1111 1111"}), "textbox", card, "This card type is not accepted. Use Visa, Mastercard, American Express, JCB, Discover, Diners Club or UnionPay."},
		{"card wrong length for brand", with(suInput{"textbox", card, "3782 822463 1000"}), "textbox", card, "This American Express card number has the wrong number of digits."},
		{"card Luhn", with(suInput{"textbox", card, "4111 1111 1111 1112"}), "textbox", card, "This card number is not valid. Check the digits."},
		{"month required", with(suInput{"combobox", "Month", "Month"}), "combobox", "Month", "Choose the expiration month."},
		{"year required", with(suInput{"combobox", "Year", "Year"}), "combobox", "Month", "Choose the expiration year."},
		{"expired", with(suInput{"combobox", "Month", "10"}, suInput{"combobox", "Year", "2026"}), "combobox", "Month", "This card has expired. Choose a later expiration date."},
		{"cardholder required", with(suInput{"textbox", "Cardholder's name", ""}), "textbox", "Cardholder's name", "Enter the cardholder's name."},
		{"cardholder in Hangul", with(suInput{"textbox", "Cardholder's name", "김민지"}), "textbox", "Cardholder's name", "Enter this in English (Latin letters): “김” cannot be used."},
		{"cardholder too long", with(suInput{"textbox", "Cardholder's name", strings.Repeat("k", 51)}), "textbox", "Cardholder's name", "The cardholder's name can have at most 50 characters."},
		{"new address city required", with(suInput{"radio", "Use a new address", "on"}, suInput{"textbox", "Address", "1 Main St"}, suInput{"textbox", "Postal Code", "04524"}), "textbox", "City", "Enter your city."},
	})

	// India asks for the CVV, 4 digits for American Express.
	m := suApply(t, base, with(suInput{"radio", "Use a new address", "on"}))
	m = suChoose(t, m, "Country or Region", "India")
	find(t, m, "textbox", "Security code (CVV)")
	m = suApply(t, m, []suInput{{"textbox", "Address", "1 MG Road"}, {"textbox", "City", "Mumbai"},
		{"textbox", "State, Province, or Region", "Maharashtra"}, {"textbox", "Postal Code", "400001"}})
	m = suSubmit(t, m, "Verify and Continue (step 3 of 5)")
	require.Equal(t, "Enter the card's security code.", suErrorOf(t, m, "textbox", "Security code (CVV)"))
	m = suSubmit(t, suType(t, m, "textbox", "Security code (CVV)", "12"), "Verify and Continue (step 3 of 5)")
	require.Equal(t, "Enter the 3-digit security code.", suErrorOf(t, m, "textbox", "Security code (CVV)"))
	require.Equal(t, "password", suAttr(find(t, m, "textbox", "Security code (CVV)"), "type"))
	m = suSubmit(t, suType(t, m, "textbox", "Security code (CVV)", "123"), "Verify and Continue (step 3 of 5)")
	require.Equal(t, "#/signup/3/bank", m.UI.Route)
	require.NotContains(t, m.UI.Fields, fieldSUCVV, "the CVV is a secret")
}

func TestSignUpPage4Rules(t *testing.T) {
	base := suToStep(t, 4)
	capText := base.Field(fieldSUCaptchaText)
	good := []suInput{
		{"combobox", "Country or region code", "South Korea (+82)"},
		{"textbox", "Mobile phone number", "010-1234-5678"},
		{"textbox", "Type the characters as shown above", capText},
	}
	with := func(extra ...suInput) []suInput { return append(append([]suInput{}, good...), extra...) }
	mobile := "Mobile phone number"
	suCheckInvalid(t, base, "Send SMS (step 4 of 5)", []suInvalid{
		{"country required", with(suInput{"combobox", "Country or region code", "Choose a country or region"}), "combobox", "Country or region code", "Choose the country or region code."},
		{"mobile required", with(suInput{"textbox", mobile, ""}), "textbox", mobile, "Enter your mobile phone number."},
		{"mobile letters", with(suInput{"textbox", mobile, "010-CALL"}), "textbox", mobile, "Use only numbers, spaces, parentheses and hyphens."},
		{"mobile too short", with(suInput{"textbox", mobile, "012"}), "textbox", mobile, "Enter the mobile number without the country code, for example 010-1234-5678."},
		{"captcha required", with(suInput{"textbox", "Type the characters as shown above", ""}), "textbox", "Type the characters as shown above", "Type the characters of the security check."},
		{"captcha wrong", with(suInput{"textbox", "Type the characters as shown above", "XXXXXX"}), "textbox", "Type the characters as shown above", "The characters you typed do not match the security check. Try again, or refresh it for new characters."},
	})
	require.Empty(t, base.World.Devices.Phone, "nothing was sent")

	// A refreshed security check has new characters and an empty answer.
	m := suApply(t, base, good)
	m2 := suPress(t, m, "button", "Refresh the security check")
	require.NotEqual(t, capText, m2.Field(fieldSUCaptchaText))
	require.Empty(t, m2.Field(fieldSUCaptcha))
	require.NotEqual(t, m.Field(fieldSUCaptchaImage), m2.Field(fieldSUCaptchaImage))
	// The text alternative toggles.
	m3 := suPress(t, m2, "button", "Show the characters as text")
	require.Equal(t, "true", suAttr(find(t, m3, "button", "Hide the characters"), "aria-pressed"))
	m3 = suPress(t, m3, "button", "Hide the characters")
	require.False(t, suText(m3, "The characters are:"))
}

func TestSignUpSMSWrongCodeAndResend(t *testing.T) {
	m := suToStep(t, 4)
	m = suType(t, m, "textbox", "Type the characters as shown above", m.Field(fieldSUCaptchaText))
	m = suSubmit(t, m, "Send SMS (step 4 of 5)")
	first, _ := m.World.Devices.LastPhoneItem()
	find(t, m, "button", "Open the virtual phone")

	m = suSubmit(t, m, "Continue (step 4 of 5)")
	require.Equal(t, "Enter the verification code from the virtual phone.", suErrorOf(t, m, "textbox", "Verification code"))
	m = suSubmit(t, suType(t, m, "textbox", "Verification code", wrongDigits(first.Args["code"])), "Continue (step 4 of 5)")
	require.Equal(t, "The code is not correct. Check the latest text message on the virtual phone, or send a new code.",
		suErrorOf(t, m, "textbox", "Verification code"))

	m = suPress(t, m, "button", "Send a new code")
	second, _ := m.World.Devices.LastPhoneItem()
	require.NotEqual(t, first.ID, second.ID)
	require.True(t, suText(m, "A new code is on its way to the virtual phone."))
	require.Empty(t, m.Notices, "no banner follows the student to other pages")
	if first.Args["code"] != second.Args["code"] {
		m = suSubmit(t, suType(t, m, "textbox", "Verification code", first.Args["code"]), "Continue (step 4 of 5)")
		require.Equal(t, "#/signup/4", m.UI.Route, "an earlier code no longer works")
	}
	m = suSubmit(t, suType(t, m, "textbox", "Verification code", " "+second.Args["code"]+" "), "Continue (step 4 of 5)")
	require.Equal(t, "#/signup/5", m.UI.Route)
}

func TestSignUpChangePhoneNumber(t *testing.T) {
	m := suToStep(t, 4)
	m = suType(t, m, "textbox", "Type the characters as shown above", m.Field(fieldSUCaptchaText))
	m = suSubmit(t, m, "Send SMS (step 4 of 5)")
	m = suPress(t, m, "button", "Change the phone number")
	find(t, m, "textbox", "Mobile phone number")
	require.Equal(t, "10-1234-5678", suAttr(find(t, m, "textbox", "Mobile phone number"), "value"), "the number typed is kept")
	require.Empty(t, suAttr(find(t, m, "textbox", "Type the characters as shown above"), "value"), "a new security check is needed")
}

func TestSignUpVoiceCall(t *testing.T) {
	start := suToStep(t, 4)
	start = suCheck(t, start, "radio", "Voice call", true)
	find(t, start, "button", "Call me now (step 4 of 5)")
	start = suType(t, start, "textbox", "Type the characters as shown above", start.Field(fieldSUCaptchaText))
	start = suSubmit(t, start, "Call me now (step 4 of 5)")
	call, ok := start.World.Devices.RingingCall()
	require.True(t, ok)
	pin := call.Args["pin"]
	require.True(t, suText(start, pin), "the page shows the PIN")
	require.Equal(t, "devices:PlaceCall", suLastEvent(start).Action)
	// The phone button announces the ringing call.
	require.Equal(t, "1 unread", suDescription(t, start, "button", "Virtual phone"))

	typePIN := func(m Model, digits string) Model {
		m = suPress(t, m, "button", "Virtual phone")
		find(t, m, "alert", "")
		m = suPress(t, m, "button", "Answer")
		for _, d := range digits {
			m = suPress(t, m, "button", string(d))
		}
		return m
	}

	t.Run("right PIN", func(t *testing.T) {
		m := typePIN(start, pin)
		require.True(t, suText(m, "Thank you. Your phone number has been verified. Goodbye."))
		require.True(t, suText(m, "Your phone number has been verified."))
		m = suPress(t, m, "button", "Continue (step 4 of 5)")
		require.Equal(t, "#/signup/5", m.UI.Route)
	})
	t.Run("wrong PIN, then call again", func(t *testing.T) {
		m := typePIN(start, wrongDigits(pin))
		require.True(t, suText(m, "Sorry, that PIN is not correct. Goodbye."))
		require.True(t, suText(m, "The PIN entered on the phone did not match the one on this page."))
		m = suPress(t, m, "button", "Close the call screen")
		m = suPress(t, m, "button", "Call me again")
		again, ok := m.World.Devices.RingingCall()
		require.True(t, ok)
		require.NotEqual(t, call.ID, again.ID)
		m = suPress(t, m, "button", "Answer")
		for _, d := range again.Args["pin"] {
			m = suPress(t, m, "button", string(d))
		}
		m = suPress(t, m, "button", "Continue (step 4 of 5)")
		require.Equal(t, "#/signup/5", m.UI.Route)
	})
	t.Run("declined", func(t *testing.T) {
		m := suPress(t, start, "button", "Virtual phone")
		m = suPress(t, m, "button", "Decline")
		require.True(t, suText(m, "The call ended before the PIN was entered. Call again."))
		find(t, m, "button", "Call me again")
	})
	t.Run("keypad delete", func(t *testing.T) {
		m := suPress(t, start, "button", "Virtual phone")
		m = suPress(t, m, "button", "Answer")
		m = suPress(t, m, "button", "1")
		m = suPress(t, m, "button", "Delete the last digit")
		require.Empty(t, m.Drawer.Keypad)
		find(t, m, "group", "Keypad")
	})
}

func TestSignUpPage5Rules(t *testing.T) {
	base := suToStep(t, 5)
	for _, p := range account.SupportPlans() {
		find(t, base, "radio", p.Heading.EN)
		for _, b := range p.Bullets {
			require.True(t, suText(base, b.EN))
		}
	}
	// A plan that is not offered (a forged form) is refused.
	m, _ := Update(base, Submit{Now: t0, Form: "signup.step5", Values: map[string]string{fieldSUPlan: "enterprise"}})
	require.Equal(t, "Choose one of the options.", suErrorOf(t, m, "radio", "Basic support - Free"))
	m, _ = Update(base, Submit{Now: t0, Form: "signup.step5", Values: map[string]string{fieldSUPlan: ""}})
	require.Equal(t, "Choose a support plan.", suErrorOf(t, m, "radio", "Basic support - Free"))
	require.Empty(t, m.World.Accounts)
}

func wrongDigits(c string) string {
	b := []byte(c)
	b[0] = '0' + (b[0]-'0'+1)%10
	return string(b)
}
