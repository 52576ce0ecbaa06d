package iam_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
)

// TestIAMFieldErrorsClearAsTheFieldBecomesValid: the Create user and
// Create user group names and the custom password lose their error while
// the student types a valid value; an invalid value keeps it.
func TestIAMFieldErrorsClearAsTheFieldBecomesValid(t *testing.T) {
	m := goTo(demo(t, "en"), "#/iam/users/create")
	m, _ = submitForm(t, m, "iam.cu.details", "iam.cu.name", "Super User", "iam.cu.console", "true", "iam.cu.kind", "iam", "iam.cu.pwtype", "custom", "iam.cu.password", "short")
	require.Contains(t, errorOf(t, m, "textbox", "User name"), "Valid characters")
	m = typeIn(m, "iam.cu.name", "Super Use")
	require.Contains(t, errorOf(t, m, "textbox", "User name"), "Valid characters")
	m = typeIn(m, "iam.cu.name", "SuperUser")
	require.NotContains(t, errorOf(t, m, "textbox", "User name"), "Valid characters")
	require.Contains(t, errorOf(t, m, "textbox", "Password"), "too short", "the other field keeps its error")
	m = typeIn(m, "iam.cu.password", "Super-Pass-2026")
	require.NotContains(t, errorOf(t, m, "textbox", "Password"), "too short")

	g := goTo(demo(t, "en"), "#/iam/groups/create")
	g, _ = submitForm(t, g, "iam.cg", "iam.cg.name", "Dev Ops")
	require.Equal(t, "true", ct.AttrOf(ct.Find(t, g, "textbox", "User group name"), "aria-invalid"))
	g = typeIn(g, "iam.cg.name", "DevOps")
	require.NotEqual(t, "true", ct.AttrOf(ct.Find(t, g, "textbox", "User group name"), "aria-invalid"))
}

// TestCopySigninURLShowsCopied: the copy button says "Copied" in a status
// region after copying, and not after the browser refused.
func TestCopySigninURLShowsCopied(t *testing.T) {
	m := goTo(demo(t, "en"), "#/iam")
	require.False(t, ct.Shows(m, "✓ Copied"))
	m, fx := ct.PressAt(t, m, ct.T1, "button", "Copy sign-in URL")
	require.Len(t, ct.EffectsOf[console.Copy](fx), 1)
	require.True(t, ct.Shows(m, "✓ Copied"))
	m = ct.Send(m, console.EffectFailed{Now: ct.T1, Effect: "copy", Text: "x"})
	require.False(t, ct.Shows(m, "✓ Copied"))
}

// TestRootKeyTurnsTheRecommendationRed: while the root user has an access
// key, the dashboard's recommendation says so in red.
func TestRootKeyTurnsTheRecommendationRed(t *testing.T) {
	m := demo(t, "en")
	w, err := m.World.Do(m.Session, sim.CreateRootAccessKey{}, m.Env())
	require.NoError(t, err)
	m.World = w
	m = goTo(m, "#/iam")
	require.True(t, ct.Shows(m, "Root user has active access keys"))
	require.False(t, ct.Shows(m, "Root user has no active access keys"))
	found := false
	console.View(m).Walk(func(n ui.Node) bool {
		if c, _ := n.Attr("class"); c == "reco reco-todo reco-danger" {
			found = true
		}
		return true
	})
	require.True(t, found)
}
