package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func testSite(t *testing.T) string {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html": "<p>hi</p>", "main.wasm": "RAW", "main.wasm.br": "BR", "main.wasm.gz": "GZ",
		"app.js": "js", "iam-actions.dat": "dat",
		".hidden": "secret", ".git/config": "secret", "sub/.env": "secret", "sub/ok.txt": "ok",
	} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, []byte(body), 0o644))
	}
	return dir
}

func get(t *testing.T, h http.Handler, path, accept string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServesWasmWithItsTypeAndPrecompressedCopies(t *testing.T) {
	h := Handler(testSite(t))
	for accept, want := range map[string][2]string{
		"":             {"RAW", ""},
		"gzip":         {"GZ", "gzip"},
		"gzip, br":     {"BR", "br"},
		"br;q=0, gzip": {"GZ", "gzip"},
		"identity":     {"RAW", ""},
		"BR":           {"BR", "br"},
	} {
		rec := get(t, h, "/main.wasm", accept)
		require.Equal(t, http.StatusOK, rec.Code, accept)
		require.Equal(t, want[0], rec.Body.String(), accept)
		require.Equal(t, want[1], rec.Header().Get("Content-Encoding"), accept)
		require.Equal(t, "application/wasm", rec.Header().Get("Content-Type"), accept)
		require.Equal(t, "Accept-Encoding", rec.Header().Get("Vary"))
	}
}

func TestHeadersForEmbedding(t *testing.T) {
	h := Handler(testSite(t))
	rec := get(t, h, "/", "")
	require.Equal(t, "<p>hi</p>", rec.Body.String())
	require.Contains(t, rec.Header().Get("Content-Security-Policy"), "script-src 'self' 'wasm-unsafe-eval'")
	require.Contains(t, rec.Header().Get("Content-Security-Policy"), "; frame-ancestors *", "embedding is allowed by default")
	require.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"), "sandboxed frames fetch main.wasm cross-origin")
	require.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
	require.Equal(t, "application/octet-stream", get(t, h, "/iam-actions.dat", "").Header().Get("Content-Type"))
}

func TestRefusesWhatIsNotThere(t *testing.T) {
	h := Handler(testSite(t))
	require.Equal(t, http.StatusNotFound, get(t, h, "/nope.js", "").Code)
	require.Equal(t, http.StatusNotFound, get(t, h, "/../../etc/passwd", "").Code)
	req := httptest.NewRequest(http.MethodPost, "/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}

func TestFrameAncestorsOption(t *testing.T) {
	dir := testSite(t)
	for _, tc := range []struct {
		ancestors string
		want      string // the policy's tail
		absent    bool
	}{
		{ancestors: "*", want: "; frame-ancestors *"},
		{ancestors: "'self'", want: "; frame-ancestors 'self'"},
		{ancestors: "'self' https://lms.example.edu", want: "; frame-ancestors 'self' https://lms.example.edu"},
		{ancestors: "", absent: true},
		{ancestors: "   ", absent: true},
	} {
		rec := get(t, NewHandler(dir, Options{FrameAncestors: tc.ancestors}), "/main.wasm", "")
		require.Equal(t, http.StatusOK, rec.Code)
		csp := rec.Header().Get("Content-Security-Policy")
		require.True(t, strings.HasPrefix(csp, ContentSecurityPolicy), csp)
		if tc.absent {
			require.NotContains(t, csp, "frame-ancestors", tc.ancestors)
		} else {
			require.True(t, strings.HasSuffix(csp, tc.want), "%q: %s", tc.ancestors, csp)
		}
	}
}

func TestValidFrameAncestors(t *testing.T) {
	for list, ok := range map[string]bool{
		"*": true, "'self'": true, "'none'": true, "'self' https://a.example https://*.b.example:8443": true,
		"'self'; script-src *": false, "a, b": false, "a\nb": false, "'self'\r\nX-Evil: 1": false, "ü.example": false,
	} {
		err := ValidFrameAncestors(list)
		require.Equal(t, ok, err == nil, "%q: %v", list, err)
	}
}

func TestRefusesDotfilesAndDotDirectories(t *testing.T) {
	h := Handler(testSite(t))
	for _, p := range []string{"/.hidden", "/.git/config", "/.git/", "/sub/.env", "/sub/../.hidden", "/%2ehidden", "/x/..%2f.hidden"} {
		rec := get(t, h, p, "")
		require.Equal(t, http.StatusNotFound, rec.Code, p)
		require.NotContains(t, rec.Body.String(), "secret", p)
	}
	require.Equal(t, "ok", get(t, h, "/sub/ok.txt", "").Body.String())
}
