package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// builtSite writes a small stand-in for dist/.
func builtSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html":      "<!doctype html>\n<html lang=\"ko\" data-wasm-size=\"4\">\n<head>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"styles.css\">\n<script src=\"wasm_exec.js\" defer></script>\n<script src=\"app.js\" defer></script>\n</head>\n<body><div id=\"root\"></div></body>\n</html>\n",
		"main.wasm":       "\x00asm",
		"wasm_exec.js":    "var Go = function () {};",
		"app.js":          "fetch('main.wasm');",
		"styles.css":      "body { color: #0f141a }",
		"iam-actions.dat": "catalog",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	return dir
}

func TestPackSCORM(t *testing.T) {
	dist := builtSite(t)
	out := filepath.Join(t.TempDir(), "lab2.zip")
	status, stdout, errOut := runCLI("pack", "--scorm12", "--lab", "root-mfa", "--key", "k", "-dir", dist, "-o", out)
	require.Equal(t, 0, status, errOut)
	require.Contains(t, stdout, "SCORM 1.2 package, labs root-mfa")
	zr, err := zip.OpenReader(out)
	require.NoError(t, err)
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	require.ElementsMatch(t, []string{"imsmanifest.xml", "index.html", "main.wasm", "wasm_exec.js", "app.js", "styles.css", "iam-actions.dat"}, names)

	status, stdout, errOut = runCLI("pack", "--scorm2004", "-dir", dist, "-o", out)
	require.Equal(t, 0, status, errOut)
	require.Contains(t, stdout, "SCORM 2004 4th Edition package, labs create-account, root-mfa, iam-delegation, cloud-concepts")
	require.Contains(t, stdout, `storage namespace "scorm2004-all"`)
	require.Contains(t, stdout, "no completion codes")
}

func TestPackRefuses(t *testing.T) {
	dist := builtSite(t)
	out := filepath.Join(t.TempDir(), "x.zip")
	for _, tc := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"-dir", dist, "-o", out}, 2, "choose one of"},
		{[]string{"--scorm12", "--scorm2004", "-dir", dist, "-o", out}, 2, "choose one of"},
		{[]string{"--scorm12", "-dir", dist}, 2, "-o FILE is required"},
		{[]string{"--scorm12", "--lab", "nope", "-dir", dist, "-o", out}, 2, `unknown lab "nope"`},
		{[]string{"--scorm12", "--namespace", "a b", "-dir", dist, "-o", out}, 2, "--namespace"},
		{[]string{"--scorm12", "-dir", t.TempDir(), "-o", out}, 1, "run make build first"},
		{[]string{"--scorm12", "--labs", t.TempDir(), "-dir", dist, "-o", out}, 1, "no lab files"},
	} {
		status, _, errOut := runCLI(append([]string{"pack"}, tc.args...)...)
		require.Equal(t, tc.status, status, tc.args)
		require.Contains(t, errOut, tc.want, tc.args)
	}
	_, err := os.Stat(out)
	require.True(t, os.IsNotExist(err), "a refused pack writes nothing")
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		require.False(t, strings.HasPrefix(e.Name(), "."), "no temporary file is left: %s", e.Name())
	}
}

func TestPackSingle(t *testing.T) {
	dist := builtSite(t)
	out := filepath.Join(t.TempDir(), "workshop.html")
	status, stdout, errOut := runCLI("pack", "--single", "--key", "class-7", "-dir", dist, "-o", out)
	require.Equal(t, 0, status, errOut)
	require.Contains(t, stdout, "single HTML file")
	require.Contains(t, stdout, `storage namespace "single-all-`)
	page, err := os.ReadFile(out)
	require.NoError(t, err)
	for _, want := range []string{`data-labsim-file="main.wasm"`, `data-labsim-file="iam-actions.dat"`,
		"<style>body { color: #0f141a }</style>", "<script>var Go = function () {};</script>",
		`data-completion-key="class-7"`, `<link rel="icon" href="data:,">`} {
		require.Contains(t, string(page), want)
	}
	require.NotContains(t, string(page), `src="`)
	require.NotContains(t, string(page), `href="styles.css"`)

	status, _, errOut = runCLI("pack", "--single", "--lab", "root-mfa", "-dir", dist, "-o", out)
	require.Equal(t, 2, status)
	require.Contains(t, errOut, "--lab does not apply to --single")
}
