package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// writeSite writes files with .gz and .br copies of the given sizes.
func writeSite(t *testing.T, files map[string]string, wasm int) string {
	t.Helper()
	dir := t.TempDir()
	files["main.wasm"] = strings.Repeat("w", wasm)
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
		for ext, n := range map[string]int{".gz": len(body) / 2, ".br": len(body) / 4} {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name+ext), []byte(strings.Repeat("x", n)), 0o644))
		}
	}
	return dir
}

func TestSizeListsTheFirstVisitAndRatios(t *testing.T) {
	index := `<link rel="icon" href="data:,"><link rel="stylesheet" href="styles.css">` +
		`<script src="wasm_exec.js" defer></script><script src="app.js" defer></script>`
	site := writeSite(t, map[string]string{"index.html": index, "styles.css": "cccccccc", "wasm_exec.js": "eeee", "app.js": "aaaa"}, 4000)
	floorIndex := `<script src="wasm_exec.js"></script><script src="app.js"></script>`
	floor := writeSite(t, map[string]string{"index.html": floorIndex, "wasm_exec.js": "eeee", "app.js": "aa"}, 2000)

	files, err := firstVisitFiles(site)
	require.NoError(t, err)
	require.Equal(t, []string{"index.html", "styles.css", "wasm_exec.js", "app.js", "main.wasm"}, files)

	var out, errOut bytes.Buffer
	require.Equal(t, 0, runSize([]string{"-floor", floor, site}, &out, &errOut), errOut.String())
	lines := strings.Split(out.String(), "\n")
	raw := int64(len(index) + 8 + 4 + 4 + 4000)
	floorRaw := int64(len(floorIndex) + 4 + 2 + 2000)
	require.Contains(t, out.String(), "styles.css")
	require.Regexp(t, `first visit +`+itoa(raw)+` `, out.String())
	require.Regexp(t, `first visit +`+itoa(floorRaw)+` `, out.String())
	require.Contains(t, lines[len(lines)-2], "ratio labsim/floor")
	require.Contains(t, lines[len(lines)-2], ratio(raw, floorRaw))
}

func TestSizeReportsAMissingBuild(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 1, runSize([]string{filepath.Join(t.TempDir(), "nope")}, &out, &errOut))
	require.Contains(t, errOut.String(), "make build")
	require.Equal(t, 2, runSize(nil, &out, &errOut))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestSizeCountsTheFirstVisitBinaryNotTheFullConsole(t *testing.T) {
	index := `<html data-wasm-size="4000" data-entry-size="1000"><script src="app.js"></script>`
	site := writeSite(t, map[string]string{"index.html": index, "app.js": "aaaa", "entry.wasm": strings.Repeat("e", 1000)}, 4000)
	files, err := firstVisitFiles(site)
	require.NoError(t, err)
	require.Equal(t, []string{"index.html", "app.js", "entry.wasm"}, files)

	var out, errOut bytes.Buffer
	require.Equal(t, 0, runSize([]string{site}, &out, &errOut), errOut.String())
	require.Regexp(t, `first visit +`+itoa(int64(len(index)+4+1000))+` `, out.String())
	require.Regexp(t, `then, at the hand-over: main.wasm +4000 +2000 +1000`, out.String())

	// A package (data-entry-size="0") loads main.wasm at once.
	packed := writeSite(t, map[string]string{"index.html": `<html data-entry-size="0"><script src="app.js"></script>`, "app.js": "a"}, 10)
	files, err = firstVisitFiles(packed)
	require.NoError(t, err)
	require.Equal(t, []string{"index.html", "app.js", "main.wasm"}, files)
}
