package console

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim"
)

// claimer names the registry entry that renders a route: "page/arg" or
// "page" of an area, or a shell page; "" when nothing claims it.
func claimer(r Route) string {
	if r.Arg != "" {
		if _, ok := areaForPage(r.Page + "/" + r.Arg); ok {
			return r.Page + "/" + r.Arg
		}
	}
	if _, ok := areaForPage(r.Page); ok {
		return r.Page
	}
	if slices.Contains(shellPages, r.Page) {
		return r.Page
	}
	return ""
}

func TestEveryPageOfTheRegistryHasARepresentativeRoute(t *testing.T) {
	covered := map[string]bool{}
	for _, h := range Routes() {
		c := claimer(ParseRoute(h))
		require.NotEmpty(t, c, "route %s is claimed by no area or shell page", h)
		covered[c] = true
	}
	want := append([]string(nil), shellPages...)
	for _, a := range areas() {
		want = append(want, a.Pages...)
	}
	for _, p := range want {
		require.True(t, covered[p], "page %q of the registry has no representative route in console.Routes()", p)
	}
	require.Len(t, want, len(covered), "Routes() covers a page the registry does not list")
}

// TestEveryRepresentativeRouteShowsItsPage opens every route of the list in
// the prepared world delegation-done, signed out for public routes and as
// the root user for the others: none is the not-found page, and a
// console route stays where it is.
func TestEveryRepresentativeRouteShowsItsPage(t *testing.T) {
	out, _ := start(t, map[string]string{"world": "delegation-done", "lang": "en"}, "")
	require.False(t, out.Session.SignedIn())
	in := out
	acct, ok := in.World.Accounts[sim.DemoAccountID]
	require.True(t, ok)
	in.Session = sim.RootSession(acct, t0, false)
	notFound := "Page not found | " + in.Catalog().T("app.name")
	seen := map[string]bool{}
	for _, h := range Routes() {
		require.False(t, seen[h], "route %s listed twice", h)
		seen[h] = true
		m := in
		if PublicRoute(h) {
			m = out
		}
		m = send(m, Navigate{Now: t0, Hash: h})
		require.NotEqual(t, notFound, Title(m), "route %s shows the not-found page", h)
	}
}
