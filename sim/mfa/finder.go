package mfa

// A scanner finds a QR symbol by its three finder patterns: a dark square
// ring around a dark 3x3 centre, so that a line through the centre crosses
// dark, light, dark, light and dark runs in the ratio 1:1:3:1:1. The data
// area of a symbol can by chance hold a smaller look-alike. ZXing (the
// decoder of many phone apps) scans rows from the top; once it has confirmed
// the two upper finders it skips to the middle of the symbol, and if it
// then confirms a look-alike of the same module size before reaching the
// real bottom-left finder, it stops and tries the wrong three corners. The
// symbol then does not scan at all. go-qrcode's mask choice does not look
// for look-alikes: about 2 in 100 of its otpauth symbols failed to decode
// with gozxing at 3, 4 or 6 pixels per module (300 random secrets).
//
// falseFinders flags such look-alikes at module resolution, erring on the
// safe side (it flags about a third of all symbols, including every one
// that failed), so that QR can choose another encoding.

// falseFinders counts the modules outside the three real finder patterns
// that could be taken for a finder centre: the row through the module
// crosses runs of exactly 1, 1, 3, 1 and 1 modules (so the estimated module
// size equals the real finders'), and the column through it passes ZXing's
// cross-check (1:1:3:1:1 within half a module per run, no run wider than
// the row's centre run, totals within 40%).
func falseFinders(m Matrix) int {
	n := m.Size()
	count := 0
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if m.Dark(x, y) && !inRealFinder(n, x, y) && finderCentre(m, x, y) {
				count++
			}
		}
	}
	return count
}

// inRealFinder reports whether (x, y) lies in one of the three 7x7 finder
// patterns of an n-module symbol.
func inRealFinder(n, x, y int) bool {
	left, top := x < 7, y < 7
	right, bottom := x >= n-7, y >= n-7
	return (left && top) || (right && top) || (left && bottom)
}

// finderCentre reports whether dark module (x, y) looks like a finder
// centre; see falseFinders.
func finderCentre(m Matrix, x, y int) bool {
	h, ok := runsThrough(m, x, y, 1, 0)
	if !ok || h != [5]int{1, 1, 3, 1, 1} {
		return false
	}
	v, ok := runsThrough(m, x, y, 0, 1)
	if !ok || !ratioFits(v) {
		return false
	}
	if v[0] > h[2] || v[1] > h[2] || v[3] >= h[2] || v[4] >= h[2] {
		return false
	}
	ht, vt := sum5(h), sum5(v)
	return 5*abs(vt-ht) < 2*ht
}

// runsThrough measures, along direction (dx, dy), the dark run containing
// (x, y) and the light and dark runs on either side: [a, b, centre, d, e].
// It reports false when one of the outer runs is missing.
func runsThrough(m Matrix, x, y, dx, dy int) ([5]int, bool) {
	limit := m.Size() + 2*QuietZone
	// run counts modules of one colour from offset from in direction sign.
	run := func(from, sign int, dark bool) int {
		k := 0
		for from+k < limit && m.Dark(x+sign*dx*(from+k), y+sign*dy*(from+k)) == dark {
			k++
		}
		return k
	}
	back := run(0, -1, true) // includes (x, y)
	fwd := run(1, 1, true)
	b := run(back, -1, false)
	a := run(back+b, -1, true)
	d := run(fwd+1, 1, false)
	e := run(fwd+1+d, 1, true)
	r := [5]int{a, b, back + fwd, d, e}
	return r, a > 0 && b > 0 && d > 0 && e > 0
}

// ratioFits is ZXing's 1:1:3:1:1 test: with a module of a seventh of the
// total, each run lies within half a module of its ideal width (one and a
// half for the centre run). It does not depend on scale, so module counts
// can stand for pixels.
func ratioFits(r [5]int) bool {
	module := float64(sum5(r)) / 7
	tol := module / 2
	near := func(w int, ideal, tol float64) bool {
		diff := float64(w) - ideal
		return diff < tol && -diff < tol
	}
	return near(r[0], module, tol) && near(r[1], module, tol) && near(r[2], 3*module, 3*tol) &&
		near(r[3], module, tol) && near(r[4], module, tol)
}

// sum5 adds the five runs.
func sum5(r [5]int) int { return r[0] + r[1] + r[2] + r[3] + r[4] }

// abs returns the absolute value of n.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
