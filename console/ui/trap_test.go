package ui_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console/ui"
)

func TestTrapTab(t *testing.T) {
	for _, tc := range []struct {
		name      string
		n, at     int
		shift     bool
		want      int
		intercept bool
	}{
		{"tab in the middle moves natively", 3, 1, false, 0, false},
		{"shift+tab in the middle moves natively", 3, 1, true, 0, false},
		{"tab on the last wraps to the first", 3, 2, false, 0, true},
		{"shift+tab on the first wraps to the last", 3, 0, true, 2, true},
		{"tab from the heading reaches the first natively", 3, -1, false, 0, false},
		{"shift+tab from the heading goes to the last", 3, -1, true, 2, true},
		{"one control: tab stays on it", 1, 0, false, 0, true},
		{"one control: shift+tab stays on it", 1, 0, true, 0, true},
		{"no control: focus stays", 0, -1, false, -1, true},
		{"no control, shift: focus stays", 0, -1, true, -1, true},
		{"focus outside the dialog comes back to the first", 3, 5, false, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, intercept := ui.TrapTab(tc.n, tc.at, tc.shift)
			require.Equal(t, tc.intercept, intercept)
			if intercept {
				require.Equal(t, tc.want, got)
			}
		})
	}
}
