package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestServeRefusesBadArguments(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>hi</p>"), 0o644))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-dir", dir, "-frame-ancestors", "'self'; script-src *"}, "not allowed in a CSP source list"},
		{[]string{"-dir", dir, "extra"}, "unexpected argument"},
		{[]string{"-dir", t.TempDir()}, "has no index.html"},
	} {
		var out, errb bytes.Buffer
		require.Equal(t, 2, run(append([]string{"serve"}, tc.args...), nil, &out, &errb), tc.args)
		require.Contains(t, errb.String(), tc.want)
	}
}
