package lab

import (
	"strings"
	"unicode/utf8"
)

// The lab markup is a small, safe rich-text format for instructions, hints
// and quiz text. Nothing in it is HTML: every character is text unless it
// is one of these marks.
//
//   - Blocks are separated by a blank line. A block is a paragraph, a
//     bulleted list (each item starts with "- ") or a numbered list (each
//     item starts with a number and ". ", e.g. "1. "). An item's lines that
//     do not start a new item continue it.
//   - Inside a block: *emphasis*, **strong** (for the console's own labels,
//     e.g. **Services → IAM → Users**) and `code` (taken literally).
//   - A backslash before *, ` or \ writes that character.
//   - Something that looks like an HTML tag (<b>, </p>, <!--) is an error,
//     so that an author learns at once that tags are not rendered.

// Style is a set of inline styles.
type Style uint8

// The inline styles.
const (
	Em Style = 1 << iota
	Strong
	Code
)

// Span is a run of text in one style.
type Span struct {
	Text  string `json:"text"`
	Style Style  `json:"style,omitempty"`
}

// BlockKind is the kind of a block of rich text.
type BlockKind uint8

// The block kinds.
const (
	Paragraph BlockKind = iota
	Bullets
	Numbered
)

// Block is a paragraph (one item) or a list (one item per entry).
type Block struct {
	Kind  BlockKind `json:"kind"`
	Items [][]Span  `json:"items"`
}

// Doc is a parsed piece of rich text.
type Doc []Block

// RichError is a markup problem at a byte offset of the source.
type RichError struct {
	Offset int
	Msg    string
}

// Error implements error.
func (e *RichError) Error() string { return e.Msg }

// ParseRich parses the lab markup.
func ParseRich(src string) (Doc, error) {
	var doc Doc
	lines := splitLines(src)
	for i := 0; i < len(lines); {
		if isBlank(lines[i].text) {
			i++
			continue
		}
		j := i
		for j < len(lines) && !isBlank(lines[j].text) {
			j++
		}
		b, err := parseBlock(lines[i:j])
		if err != nil {
			return nil, err
		}
		doc = append(doc, b)
		i = j
	}
	return doc, nil
}

type line struct {
	text string
	off  int
}

func splitLines(s string) []line {
	var out []line
	off := 0
	for {
		n := strings.IndexByte(s[off:], '\n')
		if n < 0 {
			out = append(out, line{strings.TrimSuffix(s[off:], "\r"), off})
			return out
		}
		out = append(out, line{strings.TrimSuffix(s[off:off+n], "\r"), off})
		off += n + 1
	}
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// itemMarker returns the kind of list item a line starts and the length of
// its marker, or Paragraph and 0.
func itemMarker(s string) (BlockKind, int) {
	if strings.HasPrefix(s, "- ") {
		return Bullets, 2
	}
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && strings.HasPrefix(s[n:], ". ") {
		return Numbered, n + 2
	}
	return Paragraph, 0
}

type piece struct {
	text string
	off  int
}

func parseBlock(lines []line) (Block, error) {
	first := strings.TrimLeft(lines[0].text, " \t")
	kind, _ := itemMarker(first)
	b := Block{Kind: kind}
	var item []piece
	flush := func() error {
		if len(item) == 0 {
			return nil
		}
		spans, err := parseInline(item)
		if err != nil {
			return err
		}
		b.Items = append(b.Items, spans)
		item = nil
		return nil
	}
	for _, l := range lines {
		trimmed := strings.TrimLeft(l.text, " \t")
		off := l.off + len(l.text) - len(trimmed)
		k, n := itemMarker(trimmed)
		switch {
		case kind == Paragraph && k != Paragraph:
			return b, &RichError{off, "a list item inside a paragraph: leave a blank line before the list"}
		case kind != Paragraph && k != Paragraph && k != kind:
			return b, &RichError{off, "a list mixes \"- \" items and numbered items: separate them with a blank line"}
		case k != Paragraph:
			if err := flush(); err != nil {
				return b, err
			}
			trimmed, off = trimmed[n:], off+n
		}
		item = append(item, piece{strings.TrimRight(trimmed, " \t"), off})
	}
	return b, flush()
}

// parseInline parses the marks of one paragraph or item; its lines are
// joined by a space.
func parseInline(pieces []piece) ([]Span, error) {
	var spans []Span
	var cur strings.Builder
	style := Style(0)
	emAt, strongAt := 0, 0
	emit := func() {
		if cur.Len() > 0 {
			spans = append(spans, Span{Text: cur.String(), Style: style})
			cur.Reset()
		}
	}
	for pi, p := range pieces {
		if pi > 0 {
			cur.WriteByte(' ')
		}
		s := p.text
		for i := 0; i < len(s); {
			c := s[i]
			switch {
			case c == '\\' && i+1 < len(s) && strings.IndexByte("*`\\", s[i+1]) >= 0:
				cur.WriteByte(s[i+1])
				i += 2
			case c == '`':
				end := strings.IndexByte(s[i+1:], '`')
				if end < 0 {
					return nil, &RichError{p.off + i, "`code` is not closed on the same line"}
				}
				if end == 0 {
					return nil, &RichError{p.off + i, "empty `code`"}
				}
				emit()
				spans = append(spans, Span{Text: s[i+1 : i+1+end], Style: style | Code})
				i += end + 2
			case c == '*' && strings.HasPrefix(s[i:], "**"):
				emit()
				style ^= Strong
				strongAt = p.off + i
				i += 2
			case c == '*':
				emit()
				style ^= Em
				emAt = p.off + i
				i++
			case c == '<' && i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!'):
				return nil, &RichError{p.off + i, "HTML tags are not allowed: write *emphasis*, **strong** or `code`"}
			default:
				_, size := utf8.DecodeRuneInString(s[i:])
				cur.WriteString(s[i : i+size])
				i += size
			}
		}
	}
	switch {
	case style&Strong != 0:
		return nil, &RichError{strongAt, "**strong** is not closed"}
	case style&Em != 0:
		return nil, &RichError{emAt, "*emphasis* is not closed"}
	}
	emit()
	return spans, nil
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Plain returns the document's text without marks, blocks separated by a
// blank line and list items by a line break.
func (d Doc) Plain() string {
	var b strings.Builder
	for i, bl := range d {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, item := range bl.Items {
			if j > 0 {
				b.WriteByte('\n')
			}
			if bl.Kind == Bullets {
				b.WriteString("- ")
			}
			for _, s := range item {
				b.WriteString(s.Text)
			}
		}
	}
	return b.String()
}

// AppendHTML writes the document as HTML (p, ul, ol, li, em, strong,
// code), escaping every piece of text.
func (d Doc) AppendHTML(b *strings.Builder) {
	for _, bl := range d {
		switch bl.Kind {
		case Bullets:
			b.WriteString("<ul>")
		case Numbered:
			b.WriteString("<ol>")
		}
		for _, item := range bl.Items {
			if bl.Kind == Paragraph {
				b.WriteString("<p>")
			} else {
				b.WriteString("<li>")
			}
			for _, s := range item {
				appendSpanHTML(b, s)
			}
			if bl.Kind == Paragraph {
				b.WriteString("</p>")
			} else {
				b.WriteString("</li>")
			}
		}
		switch bl.Kind {
		case Bullets:
			b.WriteString("</ul>")
		case Numbered:
			b.WriteString("</ol>")
		}
	}
}

func appendSpanHTML(b *strings.Builder, s Span) {
	if s.Style&Strong != 0 {
		b.WriteString("<strong>")
	}
	if s.Style&Em != 0 {
		b.WriteString("<em>")
	}
	if s.Style&Code != 0 {
		b.WriteString("<code>")
	}
	escapeHTML(b, s.Text)
	if s.Style&Code != 0 {
		b.WriteString("</code>")
	}
	if s.Style&Em != 0 {
		b.WriteString("</em>")
	}
	if s.Style&Strong != 0 {
		b.WriteString("</strong>")
	}
}

// escapeHTML writes s with the five characters that matter in HTML text
// and attribute values escaped.
func escapeHTML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
