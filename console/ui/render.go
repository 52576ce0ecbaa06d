package ui

import "strings"

// voidTags are the HTML elements that have no end tag.
var voidTags = map[string]bool{"input": true, "img": true, "br": true, "hr": true, "meta": true, "link": true}

// urlAttrs are attributes whose values are URLs; they are checked against
// an allow-list so that no view can produce a javascript: link.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true}

// HTML renders the node as HTML. Text is always escaped and attribute
// values are always quoted and escaped. Event-handler attributes (on…) and
// style attributes are dropped, and URL attributes that are not on the
// allow-list are replaced by "#".
func HTML(n Node) string {
	var b strings.Builder
	b.Grow(4096)
	render(&b, n)
	return b.String()
}

func render(b *strings.Builder, n Node) {
	if n.Tag == "" {
		escape(b, n.Text, false)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.Tag)
	for _, a := range n.Attrs {
		if !safeAttrName(a.Key) {
			continue
		}
		val := a.Val
		if urlAttrs[a.Key] && !SafeURL(val) {
			val = "#"
		}
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		escape(b, val, true)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	if voidTags[n.Tag] {
		return
	}
	for _, k := range n.Kids {
		render(b, k)
	}
	b.WriteString("</")
	b.WriteString(n.Tag)
	b.WriteByte('>')
}

// safeAttrName accepts lower-case attribute names made of letters, digits
// and hyphens, except event handlers and inline styles.
func safeAttrName(k string) bool {
	if k == "" || strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// SafeURL reports whether a URL may appear in an href or src: in-page
// fragments, relative paths without a scheme, https links, mailto links and
// inline PNG images.
func SafeURL(u string) bool {
	switch {
	case strings.HasPrefix(u, "#"):
		return true
	case strings.HasPrefix(u, "https://"), strings.HasPrefix(u, "mailto:"):
		return true
	case strings.HasPrefix(u, "data:image/png;base64,"):
		return true
	}
	// A relative URL: no scheme before the first '/', '?' or '#'.
	for _, r := range u {
		switch r {
		case ':':
			return false
		case '/', '?', '#':
			return true
		}
	}
	return true
}

func escape(b *strings.Builder, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			if !attr {
				continue
			}
			rep = "&quot;"
		case '\'':
			if !attr {
				continue
			}
			rep = "&#39;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}
