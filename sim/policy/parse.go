package policy

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Parser limits, so that no input exhausts the stack or memory.
const (
	// MaxDepth is the deepest nesting of arrays and objects Parse accepts.
	MaxDepth = 64
	// MaxInput is the largest policy text, in bytes, Parse accepts.
	MaxInput = 1 << 20
)

// SyntaxError is a JSON syntax error (or a jsonParser limit) at a position of
// the policy text.
type SyntaxError struct {
	Pos Pos
	Msg string
}

// Error reports the position and the problem.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// Parse parses a policy text into its JSON tree and policy elements. It
// returns a *SyntaxError when the text is not JSON (or exceeds MaxInput or
// MaxDepth). Any JSON value yields a Document; elements that are absent or
// misplaced are left nil for validation to report.
func Parse(text string) (*Document, error) {
	if len(text) > MaxInput {
		return nil, &SyntaxError{Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("policy text is larger than %d bytes", MaxInput)}
	}
	p := jsonParser{s: text, line: 1, col: 1}
	root, err := p.document()
	if err != nil {
		return nil, err
	}
	doc := buildDocument(root)
	// Every character of a text that parses was seen by the parser, which
	// counted the white space and the extra bytes of multi-byte ones: the
	// same count as NonWhitespaceSize(text), without another pass.
	doc.Size = len(text) - p.spaces - p.extra
	// Outside strings a text that parses holds only JSON's tokens and
	// white space, and inside them no control characters: all in IAM's
	// set. Only characters above U+00FF are not.
	doc.src, doc.iamChars = text, !p.wide
	return doc, nil
}

// NonWhitespaceSize counts the characters of text that are not white space,
// the way IAM measures a policy against its size quotas.
func NonWhitespaceSize(text string) int {
	n := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			n += int(byteClass[c] & classNonSpace)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// jsonParser is a strict RFC 8259 JSON parser that records positions.
type jsonParser struct {
	s     string
	off   int
	line  int
	col   int
	depth int
	// values, itemSlab and memberSlab hand out the parts of the tree;
	// items and members collect the children of the open containers,
	// and each container copies its own into an exact-size slice of a
	// slab when it closes, so that no slice grows element by element.
	values     slab[Value]
	itemSlab   slab[*Value]
	memberSlab slab[Member]
	items      []*Value
	members    []Member
	// spaces counts the white-space characters (unicode.IsSpace) parsed,
	// and extra the bytes of multi-byte characters after their first;
	// wide is set once a character above U+00FF has been parsed.
	spaces, extra int
	wide          bool
}

// Guesses of how many bytes of policy text each part takes, which size
// the slabs from the text left to parse (pretty-printed policies take
// some 28 bytes a value, 50 a member and 60 an array item; compact ones
// less).
const (
	bytesPerValue  = 28
	bytesPerMember = 50
	bytesPerItem   = 64
)

func (p *jsonParser) pos() Pos { return Pos{Line: p.line, Column: p.col, Offset: p.off} }

func (p *jsonParser) errorf(at Pos, format string, args ...any) error {
	return &SyntaxError{Pos: at, Msg: fmt.Sprintf(format, args...)}
}

// newValue hands out Values from a slab to keep allocations few.
func (p *jsonParser) newValue(k Kind) *Value {
	if len(p.values.free) == 0 {
		p.values.hint((len(p.s) - p.off) / bytesPerValue)
	}
	v := p.values.one()
	v.Kind = k
	return v
}

// closeItems returns the items of the array that began at base as an
// exact-size slice, and pops them. (The stack is not cleared: it only
// ever points into the document being built.)
func (p *jsonParser) closeItems(base int) []*Value {
	n := len(p.items) - base
	if len(p.itemSlab.free) < n {
		p.itemSlab.hint((len(p.s) - p.off) / bytesPerItem)
	}
	out := p.itemSlab.copyOf(p.items[base:])
	p.items = p.items[:base]
	return out
}

// closeMembers is closeItems for the members of an object.
func (p *jsonParser) closeMembers(base int) []Member {
	n := len(p.members) - base
	if len(p.memberSlab.free) < n {
		p.memberSlab.hint((len(p.s) - p.off) / bytesPerMember)
	}
	out := p.memberSlab.copyOf(p.members[base:])
	p.members = p.members[:base]
	return out
}

// advanceASCII moves past n bytes known to be ASCII and not line breaks.
func (p *jsonParser) advanceASCII(n int) {
	p.off += n
	p.col += n
}

// skipSpace moves past JSON white space, counting lines. A line ends at LF,
// at CR LF, or at a lone CR. It is small enough to be inlined where there
// is no white space to skip.
func (p *jsonParser) skipSpace() {
	if p.off < len(p.s) && p.s[p.off] > ' ' {
		return
	}
	p.skipSpaceRun()
}

// skipSpaceRun is skipSpace's loop.
func (p *jsonParser) skipSpaceRun() {
	start := p.off // white space is ASCII: a byte is a character
	for p.off < len(p.s) {
		switch p.s[p.off] {
		case ' ', '\t':
			p.off++
			p.col++
		case '\n':
			p.off++
			p.line++
			p.col = 1
		case '\r':
			p.off++
			if p.off < len(p.s) && p.s[p.off] == '\n' {
				p.off++
			}
			p.line++
			p.col = 1
		default:
			p.spaces += p.off - start
			return
		}
	}
	p.spaces += p.off - start
}

func (p *jsonParser) document() (*Value, error) {
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.off < len(p.s) {
		return nil, p.errorf(p.pos(), "unexpected %s after the top-level value", p.describe())
	}
	return v, nil
}

// describe names the character at the current offset for an error message.
func (p *jsonParser) describe() string {
	if p.off >= len(p.s) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.off:])
	if r == utf8.RuneError {
		return "invalid UTF-8"
	}
	if r < 0x20 || r == 0x7f {
		return fmt.Sprintf("character U+%04X", r)
	}
	return fmt.Sprintf("character %q", r)
}

func (p *jsonParser) value() (*Value, error) {
	if p.off >= len(p.s) {
		return nil, p.errorf(p.pos(), "unexpected end of input, expected a value")
	}
	switch c := p.s[p.off]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		start := p.pos()
		text, err := p.str()
		if err != nil {
			return nil, err
		}
		v := p.newValue(String)
		v.Text = text
		v.Span = Span{Start: start, End: p.pos()}
		return v, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", Bool)
	case c == 'f':
		return p.literal("false", Bool)
	case c == 'n':
		return p.literal("null", Null)
	default:
		return nil, p.errorf(p.pos(), "unexpected %s, expected a value", p.describe())
	}
}

func (p *jsonParser) literal(word string, k Kind) (*Value, error) {
	start := p.pos()
	if len(p.s)-p.off < len(word) || p.s[p.off:p.off+len(word)] != word {
		return nil, p.errorf(start, "unexpected %s, expected a value", p.describe())
	}
	p.advanceASCII(len(word))
	if p.off < len(p.s) && jsonWordByte(p.s[p.off]) {
		return nil, p.errorf(p.pos(), "unexpected %s after %s", p.describe(), word)
	}
	v := p.newValue(k)
	if k == Bool {
		v.Text = word
	}
	v.Span = Span{Start: start, End: p.pos()}
	return v, nil
}

func jsonWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func jsonDigit(c byte) bool { return c >= '0' && c <= '9' }

func (p *jsonParser) number() (*Value, error) {
	start := p.pos()
	i := p.off
	s := p.s
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && jsonDigit(s[i]) {
			i++
		}
	default:
		p.advanceASCII(i - p.off)
		return nil, p.errorf(p.pos(), "unexpected %s in number", p.describe())
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || !jsonDigit(s[i]) {
			p.advanceASCII(i - p.off)
			return nil, p.errorf(p.pos(), "unexpected %s in number, expected a digit", p.describe())
		}
		for i < len(s) && jsonDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || !jsonDigit(s[i]) {
			p.advanceASCII(i - p.off)
			return nil, p.errorf(p.pos(), "unexpected %s in number, expected a digit", p.describe())
		}
		for i < len(s) && jsonDigit(s[i]) {
			i++
		}
	}
	text := s[p.off:i]
	p.advanceASCII(i - p.off)
	if p.off < len(s) && (jsonWordByte(s[p.off]) || s[p.off] == '.') {
		return nil, p.errorf(p.pos(), "unexpected %s after number", p.describe())
	}
	v := p.newValue(Number)
	v.Text = text
	v.Span = Span{Start: start, End: p.pos()}
	return v, nil
}

// str parses a string literal at the current offset and returns its
// decoded text. Strings without escapes share memory with the input.
func (p *jsonParser) str() (string, error) {
	start := p.pos()
	p.advanceASCII(1) // opening quote
	s := p.s
	// Fast path: no escapes.
	i := p.off
	cols := 0
	for i < len(s) {
		j := i
		for j < len(s) && byteClass[s[j]]&classPlain != 0 {
			j++
		}
		cols += j - i // ASCII: a byte is a character
		if i = j; i >= len(s) {
			break
		}
		c := s[i]
		if c == '"' {
			text := s[p.off:i]
			p.off = i + 1
			p.col += cols + 1
			return text, nil
		}
		if c == ' ' {
			p.spaces++
			i++
			cols++
			continue
		}
		if c == '\\' || c < 0x20 {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			p.off = i
			p.col += cols
			return "", p.errorf(p.pos(), "invalid UTF-8 in string")
		}
		p.countRune(r, size)
		i += size
		cols++
	}
	// Slow path: decode escapes from the beginning of the string.
	buf := make([]byte, 0, i-p.off+16)
	buf = append(buf, s[p.off:i]...)
	p.off = i
	p.col += cols
	for {
		if p.off >= len(s) {
			return "", p.errorf(start, "unterminated string")
		}
		c := s[p.off]
		switch {
		case c == '"':
			p.advanceASCII(1)
			return string(buf), nil
		case c < 0x20:
			return "", p.errorf(p.pos(), "control character U+%04X in string; escape it", c)
		case c == '\\':
			escPos := p.pos()
			if p.off+1 >= len(s) {
				return "", p.errorf(start, "unterminated string")
			}
			e := s[p.off+1]
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, n, ok := jsonUnicodeEscape(s[p.off:])
				if !ok {
					return "", p.errorf(escPos, "invalid \\u escape in string")
				}
				buf = utf8.AppendRune(buf, r)
				p.advanceASCII(n)
				continue
			default:
				return "", p.errorf(escPos, "invalid escape \\%s in string", string(rune(e)))
			}
			p.advanceASCII(2)
		case c < utf8.RuneSelf:
			if c == ' ' {
				p.spaces++
			}
			buf = append(buf, c)
			p.advanceASCII(1)
		default:
			r, size := utf8.DecodeRuneInString(s[p.off:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf(p.pos(), "invalid UTF-8 in string")
			}
			p.countRune(r, size)
			buf = append(buf, s[p.off:p.off+size]...)
			p.off += size
			p.col++
		}
	}
}

// countRune counts a multi-byte character of a string for the size and
// for IAM's character set.
func (p *jsonParser) countRune(r rune, size int) {
	p.extra += size - 1
	if unicode.IsSpace(r) {
		p.spaces++
	}
	if r > 0xFF {
		p.wide = true
	}
}

// jsonUnicodeEscape decodes \uXXXX (and a following low surrogate) at the
// start of s. A lone surrogate decodes to U+FFFD, as encoding/json does.
func jsonUnicodeEscape(s string) (r rune, n int, ok bool) {
	r1, ok := jsonHex4(s)
	if !ok {
		return 0, 0, false
	}
	if r1 < 0xD800 || r1 > 0xDFFF {
		return r1, 6, true
	}
	if r1 <= 0xDBFF && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
		if r2, ok2 := jsonHex4(s[6:]); ok2 && r2 >= 0xDC00 && r2 <= 0xDFFF {
			return (r1-0xD800)<<10 + (r2 - 0xDC00) + 0x10000, 12, true
		}
	}
	return utf8.RuneError, 6, true
}

// jsonHex4 reads the four hex digits of a \u escape at the start of s.
func jsonHex4(s string) (rune, bool) {
	if len(s) < 6 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[2:6]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorf(p.pos(), "nesting deeper than %d levels", MaxDepth)
	}
	return nil
}

func (p *jsonParser) array() (*Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	v := p.newValue(Array)
	v.Span.Start = p.pos()
	p.advanceASCII(1)
	p.skipSpace()
	if p.off < len(p.s) && p.s[p.off] == ']' {
		p.advanceASCII(1)
		v.Span.End = p.pos()
		p.depth--
		return v, nil
	}
	base := len(p.items)
	for {
		item, err := p.value()
		if err != nil {
			return nil, err
		}
		p.items = append(p.items, item)
		p.skipSpace()
		if p.off >= len(p.s) {
			return nil, p.errorf(p.pos(), "unexpected end of input, expected ',' or ']'")
		}
		switch p.s[p.off] {
		case ',':
			p.advanceASCII(1)
			p.skipSpace()
		case ']':
			p.advanceASCII(1)
			v.Span.End = p.pos()
			p.depth--
			v.Items = p.closeItems(base)
			return v, nil
		default:
			return nil, p.errorf(p.pos(), "unexpected %s, expected ',' or ']'", p.describe())
		}
	}
}

func (p *jsonParser) object() (*Value, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	v := p.newValue(Object)
	v.Span.Start = p.pos()
	p.advanceASCII(1)
	p.skipSpace()
	if p.off < len(p.s) && p.s[p.off] == '}' {
		p.advanceASCII(1)
		v.Span.End = p.pos()
		p.depth--
		return v, nil
	}
	base := len(p.members)
	for {
		if p.off >= len(p.s) {
			return nil, p.errorf(p.pos(), "unexpected end of input, expected a string key")
		}
		if p.s[p.off] != '"' {
			return nil, p.errorf(p.pos(), "unexpected %s, expected a string key", p.describe())
		}
		keyStart := p.pos()
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		keySpan := Span{Start: keyStart, End: p.pos()}
		p.skipSpace()
		if p.off >= len(p.s) || p.s[p.off] != ':' {
			return nil, p.errorf(p.pos(), "unexpected %s, expected ':' after the key", p.describe())
		}
		p.advanceASCII(1)
		p.skipSpace()
		val, err := p.value()
		if err != nil {
			return nil, err
		}
		p.members = append(p.members, Member{Key: key, KeySpan: keySpan, Value: val})
		p.skipSpace()
		if p.off >= len(p.s) {
			return nil, p.errorf(p.pos(), "unexpected end of input, expected ',' or '}'")
		}
		switch p.s[p.off] {
		case ',':
			p.advanceASCII(1)
			p.skipSpace()
		case '}':
			p.advanceASCII(1)
			v.Span.End = p.pos()
			p.depth--
			v.Members = p.closeMembers(base)
			return v, nil
		default:
			return nil, p.errorf(p.pos(), "unexpected %s, expected ',' or '}'", p.describe())
		}
	}
}
