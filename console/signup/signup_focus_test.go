package signup_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
	"labsim/sim"
)

// focusStep is one thing a student does in a focus tour: press a button,
// submit the form that holds a button, type into a control, or open an
// address.
type focusStep struct {
	do, role, name, value string
}

// focusTour performs the steps and checks after each that every Focus
// effect names an element of the new view that can take focus.
func focusTour(t *testing.T, m Model, steps []focusStep) Model {
	t.Helper()
	for i, s := range steps {
		var fx []Effect
		switch s.do {
		case "press":
			n := find(t, m, s.role, s.name)
			action, _ := n.Attr("data-action")
			arg, _ := n.Attr("data-arg")
			m, fx = suDeliver(m, Click{Now: m.Now, Action: action, Arg: arg})
		case "submit":
			m, fx = suSubmitFx(t, m, s.name)
		case "type":
			m = suType(t, m, s.role, s.name, s.value)
		case "open":
			m, fx = suDeliver(m, Navigate{Now: m.Now, Hash: s.value})
		case "click":
			m, fx = suDeliver(m, Click{Now: m.Now, Action: s.name, Arg: s.value})
		default:
			t.Fatalf("step %d: unknown %q", i, s.do)
		}
		t.Logf("step %d %s %q: %v", i, s.do, s.name, effectsOf[Focus](fx))
		requireFocusInView(t, m, fx)
	}
	return m
}

// TestFocusEffectsNameElementsOnScreen tours the sign-up, sign-in,
// devices, MFA sign-in and authenticator screens, checking every Focus
// effect they return.
func TestFocusEffectsNameElementsOnScreen(t *testing.T) {
	t.Run("sign-up with every page's errors", func(t *testing.T) {
		m := suToStep(t, 1)
		m = focusTour(t, m, []focusStep{
			{do: "submit", name: "Continue (step 1 of 5)"},
		})
		m = suFill1(t, m, "kim@example.com")
		m = focusTour(t, m, []focusStep{
			{do: "submit", name: "Continue (step 1 of 5)"},
			{do: "submit", name: "Continue (step 2 of 5)"},
		})
		m = suFill2(t, m)
		m = focusTour(t, m, []focusStep{
			{do: "submit", name: "Continue (step 2 of 5)"},
			{do: "submit", name: "Verify and Continue (step 3 of 5)"},
		})
		m = suFill3(t, m)
		m = focusTour(t, m, []focusStep{
			{do: "submit", name: "Verify and Continue (step 3 of 5)"},
			{do: "press", role: "button", name: "Cancel"},
			{do: "submit", name: "Verify and Continue (step 3 of 5)"},
			{do: "press", role: "button", name: "Confirm"},
			{do: "press", role: "button", name: "Refresh the security check"},
			{do: "submit", name: "Send SMS (step 4 of 5)"},
		})
		m = suType(t, m, "textbox", "Type the characters as shown above", m.Field(fieldSUCaptchaText))
		m = focusTour(t, m, []focusStep{
			{do: "submit", name: "Send SMS (step 4 of 5)"},
			{do: "submit", name: "Continue (step 4 of 5)"},
			{do: "type", role: "textbox", name: "Verification code", value: "000000x"},
			{do: "submit", name: "Continue (step 4 of 5)"},
			{do: "press", role: "button", name: "Send a new code"},
			{do: "press", role: "button", name: "Open the virtual phone"},
			{do: "press", role: "button", name: "Messages"},
			{do: "press", role: "button", name: "Change the phone number"},
			{do: "open", value: "#/signup/5"},
		})
		m = suType(t, m, "textbox", "Type the characters as shown above", m.Field(fieldSUCaptchaText))
		m = focusTour(t, m, []focusStep{{do: "submit", name: "Send SMS (step 4 of 5)"}})
		sms, _ := m.World.Devices.LastPhoneItem()
		m = suType(t, m, "textbox", "Verification code", sms.Args["code"])
		m = focusTour(t, m, []focusStep{
			{do: "submit", name: "Continue (step 4 of 5)"},
			{do: "submit", name: "Complete sign up"},
		})
		require.Len(t, m.World.Accounts, 1)
	})
	t.Run("sign-in, password reset and the MFA page", func(t *testing.T) {
		m, _ := start(t, map[string]string{"world": "root-mfa", "lang": "en"}, "")
		m.PasswordCost = 1000
		m = focusTour(t, m, []focusStep{
			{do: "open", value: "#/signin"},
			{do: "submit", name: "Next"},
			{do: "type", role: "textbox", name: "Root user email address", value: sim.DemoEmail},
			{do: "submit", name: "Next"},
			{do: "submit", name: "Sign in"},
			{do: "type", role: "textbox", name: "Password", value: "Wrong-Passw0rd"},
			{do: "submit", name: "Sign in"},
			{do: "type", role: "textbox", name: "Password", value: sim.DemoPassword},
			{do: "submit", name: "Sign in"},
			{do: "submit", name: "Submit"},
			{do: "type", role: "textbox", name: "MFA code", value: "12345x"},
			{do: "submit", name: "Submit"},
			{do: "open", value: "#/signin-mfa/alternative"},
			{do: "press", role: "button", name: "Send verification email"},
			{do: "submit", name: "Verify email address"},
			{do: "open", value: "#/signin-mfa"},
			{do: "press", role: "button", name: "Cancel"},
			{do: "open", value: "#/signin/forgot"},
			{do: "submit", name: "Send email"},
			{do: "press", role: "button", name: "Use another email address"},
		})
		_ = m
	})
	t.Run("alternative factors and the virtual phone", func(t *testing.T) {
		m := toSigninMFA(t, mfaT1)
		m = focusTour(t, m, []focusStep{
			{do: "open", value: "#/signin-mfa/alternative"},
			{do: "press", role: "button", name: "Send verification email"},
		})
		mail := m.World.Devices.Inbox[len(m.World.Devices.Inbox)-1]
		m = suType(t, m, "textbox", "Email verification code", mail.Args["code"])
		m = focusTour(t, m, []focusStep{
			{do: "submit", name: "Verify email address"},
			{do: "press", role: "button", name: "Call me now"},
			{do: "click", name: "devices.open", value: "phone"},
			{do: "press", role: "button", name: "Decline"},
			{do: "press", role: "button", name: "Call me now"},
			{do: "press", role: "button", name: "Answer"},
			{do: "press", role: "button", name: "Hang up"},
			{do: "press", role: "button", name: "Call me now"},
			{do: "press", role: "button", name: "Answer"},
		})
		call, _ := m.World.Devices.PhoneItem(m.Drawer.Call)
		var digits []focusStep
		for _, d := range call.Args["pin"] {
			digits = append(digits, focusStep{do: "press", role: "button", name: string(d)})
		}
		m = focusTour(t, m, digits)
		m = focusTour(t, m, []focusStep{
			{do: "press", role: "button", name: "Close the call screen"},
			{do: "press", role: "button", name: "Messages"},
			{do: "press", role: "button", name: "Home"},
			{do: "click", name: "devices.tab", value: "inbox"},
			{do: "click", name: "devices.email", value: strconv.Itoa(mail.ID)},
			{do: "click", name: "devices.back"},
			{do: "click", name: "devices.close"},
		})
		// The factors run out while "Signing in…" shows.
		m, fx := Update(m, Click{Now: m.Now, Action: "signinmfa.altSignin"})
		next := effectsOf[Next](fx)
		require.Len(t, next, 1)
		later := next[0].Msg.(Click)
		later.Now = later.Now.Add(sim.RecoveryCodeTTL + time.Minute)
		m, fx = Update(m, later)
		require.Equal(t, []Focus{{ID: "signinmfa-alt-error"}}, effectsOf[Focus](fx))
		requireFocusInView(t, m, fx)
		require.False(t, m.Session.SignedIn())
		_, shown := ui.ByID(View(m), "signinmfa-alt-error")
		require.True(t, shown)
	})
}
