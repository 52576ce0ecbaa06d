package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func testSite(t *testing.T) string {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html": "<p>hi</p>", "main.wasm": "RAW", "main.wasm.br": "BR", "main.wasm.gz": "GZ",
		"app.js": "js", "iam-actions.dat": "dat",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
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
