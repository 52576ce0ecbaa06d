package signup_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim/account"
)

// TestSignUpForwardPastAChangedPhone: once "Change the phone number" is
// pressed on page 4, page 5 is out of reach until the new number is
// verified, and a Complete that arrives anyway lands on page 4 with a
// visible, focusable problem.
func TestSignUpForwardPastAChangedPhone(t *testing.T) {
	tests := []struct {
		name string
		to5  func(t *testing.T) Model
		// again sends a new code or call after the change, or nothing.
		again func(t *testing.T, m Model) Model
	}{
		{"sms", func(t *testing.T) Model { return suToStep(t, 5) }, nil},
		{"voice", suToStep5ByVoice, nil},
		{"sms, then a voice call not answered", func(t *testing.T) Model { return suToStep(t, 5) },
			func(t *testing.T, m Model) Model {
				m = suCheck(t, m, "radio", "Voice call", true)
				m = suType(t, m, "textbox", "Type the characters as shown above", m.Field(fieldSUCaptchaText))
				return suSubmit(t, m, "Call me now (step 4 of 5)")
			}},
		{"voice, then a text not typed", suToStep5ByVoice,
			func(t *testing.T, m Model) Model {
				m = suCheck(t, m, "radio", "Text message (SMS)", true)
				m = suType(t, m, "textbox", "Type the characters as shown above", m.Field(fieldSUCaptchaText))
				return suSubmit(t, m, "Send SMS (step 4 of 5)")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.to5(t)
			// Back to page 4 (the browser's back button) and change the number.
			m = send(m, Navigate{Now: t0, Hash: "#/signup/4"})
			m = suPress(t, m, "button", "Change the phone number")
			if tt.again != nil {
				m = tt.again(t, m)
			}
			// Forward: page 5 is not shown, and the address bar says 4.
			m = send(m, Navigate{Now: t0, Hash: "#/signup/5"})
			require.Equal(t, "#/signup/4", m.UI.Route)
			find(t, m, "heading", "Confirm your identity")
			_, complete := ui.Find(View(m), "button", "Complete sign up")
			require.False(t, complete, "Complete sign up is not offered")
			require.Equal(t, "Sign up for AWS – Confirm your identity | labsim", Title(m))

			// A Complete that arrives anyway (a form still on screen).
			m, fx := suDeliver(m, Submit{Now: t0, Form: "signup.step5", Values: map[string]string{fieldSUPlan: account.PlanBasic}})
			require.Empty(t, m.World.Accounts, "no account without a verified phone")
			require.Equal(t, "#/signup/4", m.UI.Route)
			box, ok := ui.ByID(View(m), core.AuthID(fieldSUCode)+"-error")
			require.True(t, ok, "the problem is shown:\n%s", ui.HTML(View(m)))
			require.Equal(t, "alert", suAttr(box, "role"))
			require.Contains(t, box.TextContent(), "Verify your phone number before you complete the sign-up")
			focus := effectsOf[Focus](fx)
			require.NotEmpty(t, focus)
			want := core.AuthID(fieldSUCode) + "-error"
			if _, ok := suItem(m.Model, fieldSUSMSItem); ok {
				want = core.AuthID(fieldSUCode) // the code box, with the error next to it
			}
			require.Equal(t, want, focus[len(focus)-1].ID)
			requireFocusInView(t, m, fx)
			checkPseudo(t, suInLang(m, i18n.Pseudo))
		})
	}
}

// TestSignUpStep4ProblemsAreFocusable: every problem page 4 reports moves
// focus to something on the page.
func TestSignUpStep4ProblemsAreFocusable(t *testing.T) {
	m := suToStep(t, 4)
	m = suCheck(t, m, "radio", "Voice call", true)
	m = suType(t, m, "textbox", "Type the characters as shown above", m.Field(fieldSUCaptchaText))
	m, fx := suSubmitFx(t, m, "Call me now (step 4 of 5)")
	requireFocusInView(t, m, fx)
	// Continue before the call is answered.
	m, fx = suDeliver(m, Click{Now: t0, Action: "signup.voice.continue"})
	require.Equal(t, "#/signup/4", m.UI.Route)
	require.Equal(t, []Focus{{ID: core.AuthID(fieldSUCode) + "-error"}}, effectsOf[Focus](fx))
	requireFocusInView(t, m, fx)
	require.True(t, suText(m, "Answer the call on the virtual phone and enter the PIN shown on this page first."))
	checkPseudo(t, suInLang(m, i18n.Pseudo))
}

func TestSignUpCaptchaImageMustBeAPNGDataURL(t *testing.T) {
	base := suToStep(t, 4)
	good := base.Field(fieldSUCaptchaImage)
	require.True(t, core.IsPNGDataURL(good))
	tests := []struct {
		name, src string
		shown     bool
	}{
		{"drawn", good, true},
		{"javascript", "javascript:alert(1)", false},
		{"another type", "data:image/svg+xml;base64,PHN2Zz4=", false},
		{"remote", "https://example.com/x.png", false},
		{"prefix only", "data:image/png;base64,", false},
		{"not base64", `data:image/png;base64,AAAA" onerror="x`, false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := withFields(base, fieldSUCaptchaImage, tt.src)
			img, ok := ui.ByID(View(m), "signup-captcha-img")
			require.Equal(t, tt.shown, ok)
			if ok {
				require.Equal(t, tt.src, suAttr(img, "src"))
				return
			}
			// The characters show as text instead.
			text, ok := ui.ByID(View(m), "signup-captcha-text")
			require.True(t, ok)
			require.Contains(t, text.TextContent(), spaced(m.Field(fieldSUCaptchaText)))
			checkPseudo(t, suInLang(m, i18n.Pseudo))
		})
	}
}
