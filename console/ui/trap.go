package ui

// TrapTab keeps Tab inside a modal dialog. n is the number of focusable
// elements in the dialog, at is the index of the focused one among them
// (-1 when focus is on something else, such as the dialog's heading or
// an element outside the dialog) and shift reports Shift+Tab. It returns
// the index to focus instead of letting the browser move focus, and false
// when the browser's own move stays inside the dialog.
func TrapTab(n, at int, shift bool) (int, bool) {
	switch {
	case n <= 0:
		// Nothing to move to: focus stays where it is (the heading).
		return -1, true
	case at < 0 || at >= n:
		// From the heading Tab reaches the first control by itself, but
		// Shift+Tab would leave the dialog; from outside, focus comes back.
		if shift {
			return n - 1, true
		}
		return 0, at >= n
	case shift && at == 0:
		return n - 1, true
	case !shift && at == n-1:
		return 0, true
	}
	return 0, false
}
