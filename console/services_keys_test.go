package console_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestServicesMenuKeyboard: the Services menu opens on its filter; Down
// and Up move between the field and the services; Enter in the field
// opens the first match, with the address pushed; Escape closes the menu.
// (Alt+S goes to the unified search: TestUnifiedSearchKeyboard.)
func TestServicesMenuKeyboard(t *testing.T) {
	m := demoModel(t)
	m, fx := Update(m, Click{Now: t0, Action: "menu", Arg: "services"})
	require.Equal(t, "services", m.Menu)
	require.Equal(t, []Focus{{ID: "services-filter"}}, effectsOf[Focus](fx))
	requireFocusInView(t, m, fx)

	m = send(m, Input{Now: t0, Field: "services.filter", Value: "iam"})
	_, fx = Update(m, Key{Now: t0, Key: "ArrowDown", Target: "services-filter"})
	require.Equal(t, []Focus{{ID: "svc-iam"}}, effectsOf[Focus](fx))
	requireFocusInView(t, m, fx)
	_, fx = Update(m, Key{Now: t0, Key: "ArrowUp", Target: "svc-iam"})
	require.Equal(t, []Focus{{ID: "services-filter"}}, effectsOf[Focus](fx))

	all := send(m, Input{Now: t0, Field: "services.filter", Value: ""})
	_, fx = Update(all, Key{Now: t0, Key: "ArrowDown", Target: "services-filter"})
	first := effectsOf[Focus](fx)[0].ID
	_, fx = Update(all, Key{Now: t0, Key: "ArrowDown", Target: first})
	require.NotEqual(t, first, effectsOf[Focus](fx)[0].ID, "Down moves on")

	iam, fx := Update(m, Key{Now: t0, Key: "Enter", Target: "services-filter"})
	require.Equal(t, "", iam.Menu)
	require.Equal(t, "#/iam", iam.UI.Route)
	urls := effectsOf[SetURL](fx)
	require.NotEmpty(t, urls)
	require.True(t, urls[len(urls)-1].Push)
	requireFocusInView(t, iam, fx)

	closed, fx := Update(m, Key{Now: t0, Key: "Escape"})
	require.Equal(t, "", closed.Menu)
	require.Equal(t, []Focus{{ID: "menu-btn-services"}}, effectsOf[Focus](fx))

}
