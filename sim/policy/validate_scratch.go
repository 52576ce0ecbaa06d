package policy

import "slices"

// validateScratch is the memory a validation works in: buffers that
// would otherwise be allocated for every statement or element. A
// Validator keeps the scratch of its last validation for the next one,
// so that validating on every keystroke allocates little besides the
// findings.
type validateScratch struct {
	// actionMemo, arnMemo and keyMemo remember what the catalog says
	// about action texts, ARNs and condition keys: the parts kept for the
	// next validations on purpose (each bounded, emptied when full).
	actionMemo map[string]actionLookup
	arnMemo    map[arnMemoKey]*arnMemo
	keyMemo    map[string]conditionKey

	glob  globScratch
	order []int32 // markDuplicates' sort order
	ids   []int32 // the entries a duplicate search looks at
	dup   []bool  // a duplicate search's result

	// actionElement and redundantActions: per Action entry, then lists.
	shapes  []actionShape
	unknown []bool // its service is known, its name is not
	acts    []actionEntry
	red     []bool  // it is redundant
	usable  []int32 // the entries taking part, in order
	wild    []int32 // wildcard entries with a literal service, by service
	anySvc  []int32 // entries whose service is a wildcard
	others  []string

	// matchingTemplates: the ARN's resource field as runes.
	res []rune

	// redundantStatements.
	digests     []stmtDigest
	keyBuf      []byte
	keys        []byteSpan // per statement: its canonical text in keyBuf
	spans       []byteSpan // canonicalValue's array items
	memberOrder []int32    // canonicalValue's object members, sorted
}

// byteSpan is the range [start, end) of a buffer.
type byteSpan struct{ start, end int }

// bools returns b resized to n and cleared.
func bools(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// pairwiseMax is the number of items up to which the duplicate searches
// compare every pair instead of sorting.
const pairwiseMax = 16

// markLaterDuplicates sets dup[i] for each index i of ids (in increasing
// order) whose item equals the item of an earlier index of ids. Items are
// compared by eq, and ordered by cmp, a total order that agrees with eq.
func (sc *validateScratch) markLaterDuplicates(dup []bool, ids []int32, eq func(i, j int32) bool, cmp func(i, j int32) int) {
	sc.markDuplicates(dup, ids, false, eq, cmp)
}

// markDuplicates is markLaterDuplicates that, with firsts, also marks the
// first index of each group of equal items.
func (sc *validateScratch) markDuplicates(dup []bool, ids []int32, firsts bool, eq func(i, j int32) bool, cmp func(i, j int32) int) {
	if len(ids) < 2 {
		return
	}
	if len(ids) <= pairwiseMax {
		for k := 1; k < len(ids); k++ {
			for _, i := range ids[:k] {
				if eq(i, ids[k]) {
					dup[ids[k]] = true
					if !firsts {
						break
					}
					dup[i] = true
				}
			}
		}
		return
	}
	sc.order = append(sc.order[:0], ids...)
	slices.SortFunc(sc.order, func(a, b int32) int {
		if c := cmp(a, b); c != 0 {
			return c
		}
		return int(a - b)
	})
	for k := 1; k < len(sc.order); k++ {
		if i, j := sc.order[k-1], sc.order[k]; eq(i, j) {
			dup[j] = true
			if firsts {
				dup[i] = true
			}
		}
	}
}
