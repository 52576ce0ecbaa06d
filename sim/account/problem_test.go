package account

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestProblemCodesComplete checks ProblemCodes against every Code* constant
// declared in problem.go.
func TestProblemCodesComplete(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "problem.go", nil, 0)
	require.NoError(t, err)
	var declared []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if strings.HasPrefix(name.Name, "Code") {
					v, err := strconv.Unquote(vs.Values[i].(*ast.BasicLit).Value)
					require.NoError(t, err)
					declared = append(declared, v)
				}
			}
		}
	}
	require.ElementsMatch(t, declared, ProblemCodes())
	seen := map[string]bool{}
	for _, c := range ProblemCodes() {
		require.False(t, seen[c], "duplicate code %s", c)
		seen[c] = true
	}
}
