package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEveryPageOfTheConsoleParses parses every template the console
// declares with Lazy (they are parsed on first use, so a mistake would
// otherwise show only when its page is first shown).
func TestEveryPageOfTheConsoleParses(t *testing.T) {
	n := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rest := string(data)
		for {
			i := strings.Index(rest, "Lazy(`")
			if i < 0 {
				break
			}
			rest = rest[i+len("Lazy(`"):]
			j := strings.IndexByte(rest, '`')
			require.GreaterOrEqual(t, j, 0, path)
			_, perr := Parse(rest[:j])
			require.NoError(t, perr, "%s: %.60q", path, rest[:j])
			rest = rest[j+1:]
			n++
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, n, 50, "the console's pages are templates")
}
