// Package site serves a built labsim site: content types, precompressed
// copies, the content security policy and cache headers. The CLI's serve
// command and the browser tests use the same handler.
package site

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ContentSecurityPolicy is the policy sent with every page, without its
// frame-ancestors directive: scripts only from the site itself plus
// WebAssembly compilation, nothing from other origins.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// DefaultFrameAncestors lets any web page embed the simulator in a frame
// (an LMS course page, a school site): the site holds nothing of the
// student's that another page could read through a frame.
const DefaultFrameAncestors = "*"

// Options configures Handler.
type Options struct {
	// FrameAncestors is the source list of the CSP frame-ancestors
	// directive, for example "*", "'self'" or
	// "'self' https://lms.example.edu". Empty leaves the directive out
	// (any page may embed the site, as with "*", and also file:// pages).
	FrameAncestors string
}

// ValidFrameAncestors reports an error when a frame-ancestors source list
// could break out of its directive or header.
func ValidFrameAncestors(list string) error {
	for _, c := range list {
		if c == ';' || c == ',' || c < ' ' || c > '~' {
			return fmt.Errorf("frame ancestors %q: %q is not allowed in a CSP source list", list, c)
		}
	}
	return nil
}

// Policy returns the Content-Security-Policy header value for the options.
func (o Options) Policy() string {
	if fa := strings.TrimSpace(o.FrameAncestors); fa != "" {
		return ContentSecurityPolicy + "; frame-ancestors " + fa
	}
	return ContentSecurityPolicy
}

// Handler serves a built site from dir with the default options (any page
// may embed it); see NewHandler.
func Handler(dir string) http.Handler {
	return NewHandler(dir, Options{FrameAncestors: DefaultFrameAncestors})
}

// NewHandler serves a built site from dir: the right content types
// (application/wasm), precompressed .br or .gz copies when the browser
// accepts them, the content security policy with the allowed frame
// ancestors, and no caching of stale builds. Dotfiles and anything under
// a dot-directory (.git, .env, editor swap files) are never served.
func NewHandler(dir string, opts Options) http.Handler {
	policy := opts.Policy()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if hidden(name) {
			http.NotFound(w, r)
			return
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		info, err := os.Stat(file)
		if err != nil || info.IsDir() {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		ctype := mime.TypeByExtension(path.Ext(name))
		switch path.Ext(name) {
		case ".wasm":
			ctype = "application/wasm"
		case ".dat":
			ctype = "application/octet-stream"
		}
		if ctype != "" {
			h.Set("Content-Type", ctype)
		}
		h.Set("Content-Security-Policy", policy)
		// A page in a sandboxed frame has an opaque origin ("null"), so its
		// fetch of main.wasm and of the action catalog is cross-origin. The
		// site is public and sends no credentials, so any origin may read it.
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		h.Add("Vary", "Accept-Encoding")
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if !acceptsEncoding(accept, enc.token) {
				continue
			}
			if _, err := os.Stat(file + enc.ext); err == nil {
				h.Set("Content-Encoding", enc.token)
				file += enc.ext
				break
			}
		}
		f, err := os.Open(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			http.Error(w, "cannot read file", http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, "", st.ModTime(), f)
	})
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (a q=0 entry refuses it).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(fields[0]), token) {
			continue
		}
		for _, p := range fields[1:] {
			if q := strings.TrimSpace(p); q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
				return false
			}
		}
		return true
	}
	return false
}

// hidden reports whether a cleaned URL path names a dotfile or something
// inside a dot-directory.
func hidden(name string) bool {
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}
