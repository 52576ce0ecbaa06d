package pack

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
)

// singleLoader answers the page's fetches from the inlined files.
//
//go:embed single.js
var singleLoader string

// SingleOptions configures BuildSingle.
type SingleOptions struct {
	// LabFiles are instructors' lab files to inline.
	LabFiles []LabFile
	// Key is the completion code key; empty for none.
	Key string
	// Deployment is the storage namespace (see DeploymentID); required.
	Deployment string
}

// DataBlockAttr is the attribute of an inlined file's
// <script type="application/octet-stream"> block that holds its name.
const DataBlockAttr = "data-labsim-file"

// BuildSingle writes one self-contained HTML page from a built site: the
// stylesheets and scripts inlined, every other file (main.wasm, the action
// catalog, data files, instructor labs) inlined as base64 blocks, gzip
// compressed where that helps, and answered to the page's fetches by a
// small loader (single.js); a content security policy with the hashes of
// the inline scripts and styles and no network access; its own storage
// namespace.
func BuildSingle(out io.Writer, site *Site, opts SingleOptions) error {
	if opts.Deployment == "" {
		return fmt.Errorf("single: no storage namespace")
	}
	s := &Site{Files: map[string][]byte{}}
	for k, v := range site.Files {
		s.Files[k] = v
	}
	if err := s.AddLabs(opts.LabFiles); err != nil {
		return err
	}
	if err := s.Configure(opts.Deployment, opts.Key); err != nil {
		return err
	}
	page := string(s.Files["index.html"])
	inlined := map[string]bool{"index.html": true}

	// Stylesheets become <style> in place; other links to files go.
	var styleHashes, scriptHashes []string
	var err error
	page, err = replaceTags(page, "link", func(tag string) (string, error) {
		href := attr(tag, "href")
		rel := strings.ToLower(attr(tag, "rel"))
		switch {
		case href == "" || strings.HasPrefix(href, "data:"):
			return tag, nil
		case rel == "stylesheet":
			css, ok := s.Files[localName(href)]
			if !ok {
				return "", fmt.Errorf("single: index.html links %s, which the build lacks", href)
			}
			inlined[localName(href)] = true
			text := inlineText(string(css), "style")
			styleHashes = append(styleHashes, cspHash(text))
			return "<style>" + text + "</style>", nil
		case rel == "preload" || rel == "prefetch" || rel == "modulepreload" || rel == "preconnect" || rel == "dns-prefetch":
			return "", nil // everything is already here
		default:
			return "", fmt.Errorf("single: index.html links %s (rel=%q), which a single file cannot carry", href, rel)
		}
	})
	if err != nil {
		return err
	}
	// Scripts with src go, to run in order at the end of the body (where
	// deferred scripts would run: after the document is parsed).
	type inlineScript struct{ text, open string }
	var scripts []inlineScript
	page, err = replaceTags(page, "script", func(tag string) (string, error) {
		src := attr(tag, "src")
		if src == "" {
			return "", fmt.Errorf("single: index.html has an inline script, which its CSP would refuse")
		}
		js, ok := s.Files[localName(src)]
		if !ok {
			return "", fmt.Errorf("single: index.html loads %s, which the build lacks", src)
		}
		inlined[localName(src)] = true
		open := "<script>"
		if strings.EqualFold(attr(tag, "type"), "module") {
			open = `<script type="module">`
		}
		scripts = append(scripts, inlineScript{text: string(js), open: open})
		return "", nil
	})
	if err != nil {
		return err
	}

	var tail strings.Builder
	var names []string
	for n := range s.Files {
		if !inlined[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		data, enc, err := packBlock(s.Files[n])
		if err != nil {
			return fmt.Errorf("single: %s: %w", n, err)
		}
		tail.WriteString(`<script type="application/octet-stream" ` + DataBlockAttr + `="` + htmlAttr(n) +
			`" data-encoding="` + enc + `">`)
		tail.WriteString(base64.StdEncoding.EncodeToString(data))
		tail.WriteString("</script>\n")
	}
	for _, js := range append([]inlineScript{{text: singleLoader, open: "<script>"}}, scripts...) {
		text := inlineText(js.text, "script")
		scriptHashes = append(scriptHashes, cspHash(text))
		tail.WriteString(js.open + text + "</script>\n")
	}
	i := strings.LastIndex(strings.ToLower(page), "</body>")
	if i < 0 {
		return fmt.Errorf("single: index.html has no </body>")
	}
	page = page[:i] + tail.String() + page[i:]
	page, err = setCSP(page, SinglePolicy(scriptHashes, styleHashes))
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, page)
	return err
}

// SinglePolicy is the content security policy a single file carries: its
// own inline scripts and styles (by hash), WebAssembly, data: images, and
// no network at all.
func SinglePolicy(scriptHashes, styleHashes []string) string {
	return "default-src 'none'; script-src " + strings.Join(scriptHashes, " ") + " 'wasm-unsafe-eval'; style-src " +
		strings.Join(styleHashes, " ") + "; img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
}

// packBlock gzips data when that saves at least a tenth.
func packBlock(data []byte) ([]byte, string, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, "", err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, "", err
	}
	if err := zw.Close(); err != nil {
		return nil, "", err
	}
	if b.Len() <= len(data)*9/10 {
		return b.Bytes(), "gzip", nil
	}
	return data, "identity", nil
}

// inlineText makes a script or stylesheet safe inside <script> or <style>:
// "</script" and "<!--" would end or confuse the element, so they are
// written with a backslash ("<\/script", "<\!--"), which JavaScript strings
// and comments, and CSS, read the same.
func inlineText(text, element string) string {
	lower := strings.ToLower(text)
	if !strings.Contains(lower, "</"+element) && !strings.Contains(text, "<!--") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if strings.HasPrefix(lower[i:], "</"+element) {
			b.WriteString(`<\/`)
			i++
			continue
		}
		if strings.HasPrefix(text[i:], "<!--") {
			b.WriteString(`<\`)
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}

func cspHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// tagPattern matches an element's start tag (and, for script, its end tag).
var tagPattern = map[string]*regexp.Regexp{
	"link":   regexp.MustCompile(`(?is)<link\b[^>]*>`),
	"script": regexp.MustCompile(`(?is)<script\b[^>]*>\s*</script\s*>`),
	"meta":   regexp.MustCompile(`(?is)<meta\b[^>]*>`),
}

// replaceTags replaces every element of a kind through fn.
func replaceTags(page, kind string, fn func(tag string) (string, error)) (string, error) {
	var firstErr error
	out := tagPattern[kind].ReplaceAllStringFunc(page, func(tag string) string {
		if firstErr != nil {
			return tag
		}
		r, err := fn(tag)
		if err != nil {
			firstErr = err
			return tag
		}
		return r
	})
	// A script with content (an inline script) does not match the
	// pattern: refuse it rather than leave it to the CSP.
	if kind == "script" && firstErr == nil {
		for _, m := range regexp.MustCompile(`(?is)<script\b([^>]*)>`).FindAllStringSubmatch(out, -1) {
			if !strings.Contains(strings.ToLower(m[1]), "application/octet-stream") {
				return "", fmt.Errorf("single: index.html has an inline script, which its CSP would refuse")
			}
		}
	}
	return out, firstErr
}

var attrPattern = regexp.MustCompile(`(?is)\s([a-z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))`)

// attr returns an attribute's value in a start tag, or "".
func attr(tag, name string) string {
	for _, m := range attrPattern.FindAllStringSubmatch(tag, -1) {
		if strings.EqualFold(m[1], name) {
			return m[3] + m[4] + m[5]
		}
	}
	return ""
}

// localName turns an href of index.html into a site path.
func localName(href string) string {
	href = strings.SplitN(strings.SplitN(href, "#", 2)[0], "?", 2)[0]
	return strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(href, "./")), "/")
}

func htmlAttr(s string) string {
	return strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", `<`, "&lt;", `>`, "&gt;").Replace(s)
}

// setCSP replaces the page's CSP meta tag, or adds one at the start of
// <head>.
func setCSP(page, policy string) (string, error) {
	meta := `<meta http-equiv="Content-Security-Policy" content="` + htmlAttr(policy) + `">`
	found := false
	page, _ = replaceTags(page, "meta", func(tag string) (string, error) {
		if strings.EqualFold(attr(tag, "http-equiv"), "content-security-policy") {
			if found {
				return "", nil
			}
			found = true
			return meta, nil
		}
		return tag, nil
	})
	if found {
		return page, nil
	}
	i := strings.Index(strings.ToLower(page), "<head>")
	if i < 0 {
		return "", fmt.Errorf("single: index.html has no <head>")
	}
	i += len("<head>")
	return page[:i] + "\n" + meta + page[i:], nil
}
