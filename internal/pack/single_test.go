package pack

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var (
	blockRE  = regexp.MustCompile(`<script type="application/octet-stream" data-labsim-file="([^"]+)" data-encoding="(gzip|identity)">([^<]*)</script>`)
	scriptRE = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	styleRE  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	cspRE    = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)
	refRE    = regexp.MustCompile(`(?i)\s(src|href)\s*=\s*["']?([^"'\s>]*)`)
	fetchRE  = regexp.MustCompile(`fetch\('([^']+)'\)`)
)

func buildSingle(t *testing.T, dir string, opts SingleOptions) string {
	t.Helper()
	site, err := ReadSite(dir)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, BuildSingle(&b, site, opts))
	return b.String()
}

// blocks decodes the page's data blocks.
func blocks(t *testing.T, page string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, m := range blockRE.FindAllStringSubmatch(page, -1) {
		data, err := base64.StdEncoding.DecodeString(m[3])
		require.NoError(t, err, m[1])
		if m[2] == "gzip" {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			require.NoError(t, err)
			data, err = io.ReadAll(zr)
			require.NoError(t, err)
		}
		require.NotContains(t, out, m[1])
		out[m[1]] = data
	}
	return out
}

func TestSingleFileHasEverythingAndReferencesNothing(t *testing.T) {
	dir := testSiteDir(t)
	labDir := t.TempDir()
	writeLab(t, labDir, "s3.json", labJSON(t, "s3-basics", "S3 basics", 100))
	labFiles, err := ReadLabDir(labDir)
	require.NoError(t, err)
	page := buildSingle(t, dir, SingleOptions{LabFiles: labFiles, Key: "k", Deployment: "single-all-abc"})

	// No reference to another file: only data: URLs.
	for _, m := range refRE.FindAllStringSubmatch(markup(page), -1) {
		require.True(t, strings.HasPrefix(m[2], "data:"), "the single file refers to %s=%q", m[1], m[2])
	}
	require.Contains(t, markup(page), `href="data:,"`, "the check sees the markup's attributes")
	// Every file of the build is there, byte for byte.
	got := blocks(t, page)
	for _, name := range []string{"main.wasm", "iam-actions.dat", "i18n/en.json", "labs/s3.json", "labs/index.json"} {
		require.Contains(t, got, name)
	}
	require.Equal(t, "\x00asm-pretend", string(got["main.wasm"]))
	require.Equal(t, `{"hello":"Hello"}`, string(got["i18n/en.json"]))
	require.Equal(t, `["s3.json"]`, string(got["labs/index.json"]))
	require.Contains(t, page, ` data-labs="labs"`, "the page is told to read the labs")
	require.NotContains(t, got, "index.html")
	require.NotContains(t, got, "app.js", "scripts are inlined as scripts, not data")
	require.Len(t, got, 5)
	styles := styleRE.FindAllStringSubmatch(page, -1)
	require.Len(t, styles, 1)
	require.Equal(t, "body{color:#0f141a}", styles[0][1])
	scripts := scriptRE.FindAllStringSubmatch(page, -1)
	require.Len(t, scripts, 3)
	require.Contains(t, scripts[0][1], "labsimSingleFile", "the loader runs first")
	require.Equal(t, "var Go = function(){};", scripts[1][1])
	require.Equal(t, "fetch('main.wasm');", scripts[2][1])
	// Every file a script fetches is inlined.
	for _, s := range scripts[1:] {
		for _, m := range fetchRE.FindAllStringSubmatch(s[1], -1) {
			require.Contains(t, got, m[1], "a script fetches %s", m[1])
		}
	}
	// The blocks come before the scripts, which come at the end of the body.
	locs := blockRE.FindAllStringIndex(page, -1)
	require.Less(t, locs[len(locs)-1][1], strings.Index(page, "<script>"))
	require.Less(t, strings.LastIndex(page, "<script>"), strings.Index(page, "</body>"))
	require.Less(t, strings.Index(page, `<div id="root">`), strings.Index(page, "<script"))

	// The CSP allows exactly these inline scripts and styles, and no network.
	csp := cspRE.FindStringSubmatch(page)
	require.NotNil(t, csp, "the page carries a CSP")
	require.Equal(t, 1, strings.Count(page, "Content-Security-Policy"))
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	var sh []string
	for _, s := range scripts {
		sh = append(sh, hash(s[1]))
	}
	require.Equal(t, SinglePolicy(sh, []string{hash(styles[0][1])}), csp[1])
	require.Contains(t, csp[1], "connect-src 'none'")
	require.Contains(t, csp[1], "'wasm-unsafe-eval'")
	require.NotContains(t, csp[1], "unsafe-inline")

	require.Contains(t, page, `data-deployment="single-all-abc"`)
	require.Contains(t, page, `data-completion-key="k"`)
	require.Contains(t, page, `data-wasm-size="12"`)
}

func TestSingleFileRefusesWhatItCannotCarry(t *testing.T) {
	for name, index := range map[string]string{
		"inline script": `<html><head><script>alert(1)</script></head><body></body></html>`,
		"missing css":   `<html><head><link rel="stylesheet" href="other.css"></head><body></body></html>`,
		"missing js":    `<html><head><script src="other.js"></script></head><body></body></html>`,
		"manifest link": `<html><head><link rel="manifest" href="app.webmanifest"></head><body></body></html>`,
		"no body":       `<html><head></head></html>`,
	} {
		dir := testSiteDir(t)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(index), 0o644))
		site, err := ReadSite(dir)
		require.NoError(t, err)
		require.Error(t, BuildSingle(io.Discard, site, SingleOptions{Deployment: "d"}), name)
	}
}

func TestSingleFilePreloadsGoAndScriptsAreEscaped(t *testing.T) {
	dir := testSiteDir(t)
	index := `<!doctype html><html><head><meta charset="utf-8">` +
		`<link rel="preload" href="main.wasm" as="fetch" crossorigin><link rel=stylesheet href=./styles.css?v=2>` +
		`<script src="app.js" defer></script><script type="module" src="wasm_exec.js"></script></head><body><p>x</p></body></html>`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(index), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.js"), []byte("var s = '</SCRIPT><!-- x';"), 0o644))
	page := buildSingle(t, dir, SingleOptions{Deployment: "d"})
	require.NotContains(t, page, "preload")
	require.Contains(t, page, `<script>var s = '<\/SCRIPT><\!-- x';</script>`)
	require.Contains(t, page, `<script type="module">var Go = function(){};</script>`, "a module stays a module")
	require.Contains(t, page, "<style>body{color:#0f141a}</style>")
	require.Contains(t, page, `<meta http-equiv="Content-Security-Policy"`, "a CSP is added when index.html has none")
	for _, m := range refRE.FindAllStringSubmatch(markup(page), -1) {
		require.True(t, strings.HasPrefix(m[2], "data:"), "%s=%q", m[1], m[2])
	}
}

func TestPackBlockCompressesOnlyWhenItHelps(t *testing.T) {
	data, enc, err := packBlock(bytes.Repeat([]byte("policy "), 1000))
	require.NoError(t, err)
	require.Equal(t, "gzip", enc)
	require.Less(t, len(data), 700)
	_, enc, err = packBlock(sha256Chain(4096))
	require.NoError(t, err)
	require.Equal(t, "identity", enc)
}

// sha256Chain returns n incompressible bytes.
func sha256Chain(n int) []byte {
	var out []byte
	sum := sha256.Sum256(nil)
	for len(out) < n {
		sum = sha256.Sum256(sum[:])
		out = append(out, sum[:]...)
	}
	return out[:n]
}

// markup returns the page without the contents of its script and style
// elements.
func markup(page string) string {
	page = regexp.MustCompile(`(?s)(<script[^>]*>).*?(</script>)`).ReplaceAllString(page, "$1$2")
	return regexp.MustCompile(`(?s)(<style[^>]*>).*?(</style>)`).ReplaceAllString(page, "$1$2")
}
