package console

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Escape closes the Simulator page's confirmations as Cancel does: focus
// goes back to the button that asked.
func TestEscapeClosesAConfirmationAndGivesFocusBack(t *testing.T) {
	m := send(demoModel(t), Navigate{Now: t0, Hash: "#/simulator"})
	for _, c := range []struct{ action, arg, opener string }{
		{"reset", "", "reset-button"},
		{"world", "demo", "world-demo"},
	} {
		asked, _ := Update(m, Click{Now: t0, Action: c.action, Arg: c.arg})
		require.NotEmpty(t, asked.Confirm)
		closed, fx := Update(asked, Key{Now: t0, Key: "Escape"})
		require.Empty(t, closed.Confirm)
		require.Equal(t, []Focus{{ID: c.opener}}, effectsOf[Focus](fx))
	}
}
