package signup_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/core"
	"labsim/sim"
	"labsim/sim/account"
)

func TestSignUpHappyPathInEnglish(t *testing.T) {
	m := suStart(t, map[string]string{"lang": "en"})
	m = send(m, Navigate{Now: t0, Hash: "#/signup"})
	find(t, m, "heading", "Sign up for AWS")
	find(t, m, "heading", "Free Tier offers")
	require.True(t, suText(m, "Always free"))
	require.True(t, suText(m, "12 months free"))
	require.True(t, suText(m, "Trials"))
	find(t, m, "link", "Sign in to an existing AWS account")

	// Page 1: the checklist and "Matches" follow the typing.
	m = suFill1(t, m, "kim@example.com")
	require.True(t, suText(m, "Matches"))
	m, fx := suSubmitFx(t, m, "Continue (step 1 of 5)")
	require.Equal(t, "#/signup/2", m.UI.Route)
	require.Contains(t, effectsOf[SetURL](fx), SetURL{Query: "?lang=en", Hash: "#/signup/2", Push: true})
	require.Contains(t, effectsOf[Focus](fx), Focus{ID: "page-title"})
	require.NotEmpty(t, m.Field(fieldSUHash), "the password is kept as a hash for reloads")
	require.NotContains(t, m.Field(fieldSUHash), suPass)

	m = suSubmit(t, suFill2(t, m), "Continue (step 2 of 5)")
	require.Equal(t, "#/signup/3", m.UI.Route)
	find(t, m, "heading", "Billing information")
	require.True(t, suText(m, "This is a simulator: never enter a real card"))
	require.True(t, suText(m, account.TestCardNumber))

	m = suFill3(t, m)
	require.True(t, suText(m, "Card type: Visa"), "the brand is detected while typing")
	m = suSubmit(t, m, "Verify and Continue (step 3 of 5)")
	require.Equal(t, "#/signup/3/bank", m.UI.Route)
	find(t, m, "heading", "Approve the verification charge")
	require.True(t, suText(m, "1.00 USD"))
	require.True(t, suText(m, "Visa •••• 1111"))
	m = suPress(t, m, "button", "Confirm")
	require.Equal(t, "#/signup/4", m.UI.Route)
	require.Equal(t, "visa", m.Field(fieldSUCardBrand))
	require.Equal(t, "1111", m.Field(fieldSUCardLast4))

	// Page 4 starts with the contact phone.
	find(t, m, "heading", "Confirm your identity")
	require.Equal(t, "10-1234-5678", suAttr(find(t, m, "textbox", "Mobile phone number"), "value"))
	img := find(t, m, "img", "Security check: six distorted letters and digits")
	require.True(t, strings.HasPrefix(suAttr(img, "src"), "data:image/png;base64,"))
	m = suPress(t, m, "button", "Show the characters as text")
	require.True(t, suText(m, spaced(m.Field(fieldSUCaptchaText))))
	m = suType(t, m, "textbox", "Type the characters as shown above", strings.ToLower(m.Field(fieldSUCaptchaText)))
	m = suSubmit(t, m, "Send SMS (step 4 of 5)")
	sms, ok := m.World.Devices.LastPhoneItem()
	require.True(t, ok)
	require.Equal(t, "+821012345678", sms.To)
	require.Equal(t, "devices:SendSMS", suLastEvent(m).Action)
	require.True(t, suText(m, "We sent a verification code to +821012345678."))

	// The code is read from the virtual phone.
	m = suPress(t, m, "button", "Virtual phone")
	m = suPress(t, m, "button", "Messages")
	require.True(t, suText(m, "Your Amazon Web Services verification code is "+sms.Args["code"]))
	m = suType(t, m, "textbox", "Verification code", sms.Args["code"])
	m = suSubmit(t, m, "Continue (step 4 of 5)")
	require.Equal(t, "#/signup/5", m.UI.Route)

	find(t, m, "heading", "Select a support plan")
	require.Equal(t, "true", core.BoolAttr(find(t, m, "radio", "Basic support - Free").Has("checked")))
	require.True(t, suText(m, "Need Enterprise level support?"))
	require.True(t, suText(m, "From $15,000 a month"))
	m = suCheck(t, m, "radio", "Developer support - From $29/month", true)
	m = suSubmit(t, m, "Complete sign up")
	require.Equal(t, "#/signup/done", m.UI.Route)
	find(t, m, "heading", "Congratulations")
	find(t, m, "link", "Go to the AWS Management Console")
	find(t, m, "link", "Sign up for another account")

	require.Len(t, m.World.Accounts, 1)
	var acct sim.Account
	for _, a := range m.World.Accounts {
		acct = a
	}
	require.Equal(t, "kim@example.com", acct.Email)
	require.Equal(t, "my-lab", acct.Name)
	require.Equal(t, "developer", acct.SupportPlan)
	require.Equal(t, account.CardSummary{Brand: "visa", Last4: "1111"}, acct.Card)
	require.Equal(t, "KR", acct.Contact.Address.Country)
	require.True(t, acct.RootPassword.Verify(suPass))
	require.True(t, suText(m, core.DashedID(acct.ID)))
	ev := suLastEvent(m)
	require.Equal(t, sim.SignUpAction, ev.Action)
	require.Equal(t, acct.ID, ev.AccountID)

	mail := m.World.Devices.Inbox[len(m.World.Devices.Inbox)-1]
	require.Equal(t, acct.ID, mail.Args["accountId"])
	for k := range m.UI.Fields {
		require.False(t, strings.HasPrefix(k, "signup.") && k != fieldSUDoneAccount && k != fieldSUDoneEmail,
			"sign-up field %s is cleared after sign-up", k)
	}
	for k := range m.Secrets {
		require.False(t, strings.HasPrefix(k, "signup."), "secret %s is forgotten after sign-up", k)
	}
	// The inbox shows the welcome email with the account ID.
	m = suPress(t, m, "button", "Open the inbox")
	m = suPress(t, m, "button", "Welcome to Amazon Web Services")
	require.True(t, suText(m, "Account ID: "+acct.ID))

	// Go to the console: the sign-in page knows the email.
	m = send(m, Navigate{Now: t0, Hash: "#/signin"})
	require.Equal(t, "kim@example.com", suAttr(find(t, m, "textbox", "Root user email address"), "value"))
}
