package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// managedPolicyDocs returns the AWS managed policy documents kept in
// testdata/managed, by policy name.
func managedPolicyDocs(tb testing.TB) map[string]string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "managed", "*.json"))
	require.NoError(tb, err)
	require.NotEmpty(tb, files)
	out := make(map[string]string, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(tb, err)
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = string(b)
	}
	return out
}
