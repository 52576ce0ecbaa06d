package account

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// codes returns "field:code" for each problem, for compact assertions.
func codes(problems []Problem) []string {
	out := []string{}
	for _, p := range problems {
		out = append(out, p.Field+":"+p.Code)
	}
	return out
}

// requireOne asserts that problems holds exactly one problem, with the
// given field and code, and returns it.
func requireOne(t *testing.T, problems []Problem, field, code string) Problem {
	t.Helper()
	require.Len(t, problems, 1, "problems: %v", codes(problems))
	require.Equal(t, field+":"+code, problems[0].Field+":"+problems[0].Code)
	return problems[0]
}

func testRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed+1)) }

func rep(s string, n int) string { return strings.Repeat(s, n) }
