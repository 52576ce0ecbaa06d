package core

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/account"
)

func TestInputKeepsSecretsOutOfTheSavedFields(t *testing.T) {
	var m Model
	m = m.Input("signup.email", "kim@example.com")
	m = m.Input("signup.password", "Secret-1")
	m = m.Input("mfa.code1", "123456")
	require.Equal(t, "kim@example.com", m.UI.Fields["signup.email"])
	require.NotContains(t, m.UI.Fields, "signup.password")
	require.NotContains(t, m.UI.Fields, "mfa.code1")
	require.Equal(t, "Secret-1", m.Field("signup.password"))
	require.Equal(t, "123456", m.Field("mfa.code1"))

	// A huge paste is cut on a character boundary.
	long := strings.Repeat("가", MaxFieldLen)
	m2 := m.Input("signup.fullName", long)
	require.LessOrEqual(t, len(m2.UI.Fields["signup.fullName"]), MaxFieldLen)
	require.True(t, strings.HasPrefix(long, m2.UI.Fields["signup.fullName"]))
	require.Equal(t, "kim@example.com", m.UI.Fields["signup.email"], "the old model's map is not changed")
}

func TestWithProblemsFocusesTheFirstFieldWithOne(t *testing.T) {
	m := Model{UI: UIState{Route: "#/signup/1"}}
	problems := []account.Problem{{Field: "nobody"}, {Field: account.FieldEmail, Code: account.CodeRequired}}
	fields := map[string]string{account.FieldEmail: "signup.email"}
	got, fx := m.WithProblems(problems, fields, nil)
	require.Equal(t, []Effect{Focus{ID: "signup-email"}}, fx)
	require.Equal(t, "#/signup/1", got.Auth.Route)
	_, fx = m.WithProblems(problems, fields, func(name string, p account.Problem) string { return name + "!" })
	require.Equal(t, []Effect{Focus{ID: "signup.email!"}}, fx)
}

func TestGoToWithoutAShellStillMovesAndFocuses(t *testing.T) {
	m := Model{UI: UIState{Lang: "en", Route: "#/signup/1"}}
	next, fx := m.GoTo("#/signup/2")
	require.Equal(t, "#/signup/2", next.UI.Route)
	require.Equal(t, []Effect{Focus{ID: "page-title"}, SetURL{Query: "?lang=en", Hash: "#/signup/2", Push: true}}, fx)
}
