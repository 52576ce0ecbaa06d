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
		{[]string{"--labs", "../../examples/labs", "-dir", dist, "-o", out}, 2, "pack --labs DIR only adds labs to the built site"},
		{[]string{"--labs", "../../examples/labs", "--key", "k", "-dir", dist}, 2, "pack --labs DIR only adds labs to the built site"},
		{[]string{"--labs", t.TempDir(), "-dir", dist}, 1, "no lab files"},
		{[]string{"--labs", "../../examples/labs", "-dir", t.TempDir()}, 1, "run make build first"},
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

func TestPackLabsAddsThemToTheBuiltSite(t *testing.T) {
	dist := builtSite(t)
	require.NoError(t, os.MkdirAll(filepath.Join(dist, "labs"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dist, "labs", "old.json"), []byte("{}"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dist, "index.html.br"), []byte("stale"), 0o644))
	status, stdout, errOut := runCLI("pack", "--labs", "../../examples/labs", "-dir", dist)
	require.Equal(t, 0, status, errOut)
	require.Contains(t, stdout, "added 1 lab file(s) to "+dist+" (ops-group)")
	example, err := os.ReadFile("../../examples/labs/ops-group.json")
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(dist, "labs", "ops-group.json"))
	require.NoError(t, err)
	require.Equal(t, example, got)
	index, err := os.ReadFile(filepath.Join(dist, "labs", "index.json"))
	require.NoError(t, err)
	require.Equal(t, `["ops-group.json"]`, string(index))
	_, err = os.Stat(filepath.Join(dist, "labs", "old.json"))
	require.True(t, os.IsNotExist(err), "labs/ of an earlier build goes")
	page, err := os.ReadFile(filepath.Join(dist, "index.html"))
	require.NoError(t, err)
	require.Contains(t, string(page), `<html data-labs="labs" lang="ko"`)
	br, err := os.ReadFile(filepath.Join(dist, "index.html.br"))
	require.NoError(t, err)
	require.NotEqual(t, "stale", string(br), "the precompressed page is refreshed")

	// Again: the same result, the attribute once.
	status, _, errOut = runCLI("pack", "--labs", "../../examples/labs", "-dir", dist)
	require.Equal(t, 0, status, errOut)
	page2, err := os.ReadFile(filepath.Join(dist, "index.html"))
	require.NoError(t, err)
	require.Equal(t, string(page), string(page2))

	// A broken lab file is refused with its place, and nothing changes.
	bad := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(bad, "bad.json"), []byte(`{"id": "Bad"}`), 0o644))
	status, _, errOut = runCLI("pack", "--labs", bad, "-dir", dist)
	require.Equal(t, 1, status)
	require.Contains(t, errOut, "bad.json:1:8: id:")
	got, err = os.ReadFile(filepath.Join(dist, "labs", "ops-group.json"))
	require.NoError(t, err)
	require.Equal(t, example, got)
}

// TestREADMEExampleLabIsTheExampleFile keeps the README's instructor
// example and examples/labs/ops-group.json the same, and valid.
func TestREADMEExampleLabIsTheExampleFile(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	example, err := os.ReadFile("../../examples/labs/ops-group.json")
	require.NoError(t, err)
	require.Contains(t, string(readme), "```json\n"+string(example)+"```\n")
	status, stdout, errOut := runCLI("lab", "validate", "../../examples/labs/ops-group.json")
	require.Equal(t, 0, status, errOut)
	require.Contains(t, stdout, `ok: lab "ops-group" version 1, 3 steps`)
}
