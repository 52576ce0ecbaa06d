package console_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFocusNeverDropsToBody: after Show QR code, Show secret key, choosing
// a region and closing the lab guide, focus goes to an element of the new
// view (the code, the key, the region button, the guide button).
func TestFocusNeverDropsToBody(t *testing.T) {
	setup, _ := toSetup(t)
	in := demoModel(t)
	cases := []struct {
		name  string
		run   func() (Model, []Effect)
		focus string
	}{
		{"Show QR code", func() (Model, []Effect) { return mfaPress(t, setup, mfaT1, "button", "Show QR code") }, "mfa-qr"},
		{"Show secret key", func() (Model, []Effect) { return mfaPress(t, setup, mfaT1, "button", "Show secret key") }, "mfa-key"},
		{"choose a region", func() (Model, []Effect) {
			return Update(click(in, "menu", "region"), Click{Now: t0, Action: "region", Arg: "eu-west-1"})
		}, "menu-btn-region"},
		{"close the lab guide", func() (Model, []Effect) {
			return Update(click(in, "guide", ""), Click{Now: t0, Action: "guide"})
		}, "guide-btn"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, fx := c.run()
			f := effectsOf[Focus](fx)
			require.NotEmpty(t, f, "no focus effect")
			require.Equal(t, c.focus, f[len(f)-1].ID)
			requireFocusInView(t, m, fx)
		})
	}
}
