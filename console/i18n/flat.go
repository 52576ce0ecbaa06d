package i18n

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// parseFlat decodes a JSON object whose values are all strings, such as a
// message file, without reflection: a small hand-written scanner is much
// faster to start under WebAssembly than encoding/json's first decode.
// It accepts exactly the JSON grammar for such an object (RFC 8259) and
// rejects a key that appears twice, invalid UTF-8 and anything else.
func parseFlat(data []byte) (map[string]string, error) {
	out := map[string]string{}
	if err := parseFlatInto(string(data), out); err != nil {
		return nil, err
	}
	return out, nil
}

// parseFlatInto is parseFlat adding to a map, where a key already present
// is an error too. Strings without escapes are slices of text, so
// decoding allocates little more than the map.
func parseFlatInto(text string, out map[string]string) error {
	p := flatParser{data: text}
	p.space()
	if !p.eat('{') {
		return p.fail("expected {")
	}
	p.space()
	if p.eat('}') {
		return p.end()
	}
	for {
		p.space()
		key, err := p.str()
		if err != nil {
			return err
		}
		p.space()
		if !p.eat(':') {
			return p.fail("expected : after key " + strconv.Quote(key))
		}
		p.space()
		val, err := p.str()
		if err != nil {
			return err
		}
		if _, dup := out[key]; dup {
			return p.fail("key " + strconv.Quote(key) + " defined twice")
		}
		out[key] = val
		p.space()
		if p.eat(',') {
			continue
		}
		if p.eat('}') {
			return p.end()
		}
		return p.fail("expected , or }")
	}
}

// flatParser is parseFlat's position in its input.
type flatParser struct {
	data string
	pos  int
}

// errSyntax marks every parseFlat error.
var errSyntax = errors.New("syntax error")

func (p *flatParser) fail(what string) error {
	return fmt.Errorf("%w at offset %d: %s", errSyntax, p.pos, what)
}

// space skips JSON whitespace.
func (p *flatParser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// eat consumes c if it comes next.
func (p *flatParser) eat(c byte) bool {
	if p.pos < len(p.data) && p.data[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

// end checks that only whitespace follows the object.
func (p *flatParser) end() error {
	p.space()
	if p.pos != len(p.data) {
		return p.fail("data after the object")
	}
	return nil
}

// str reads a JSON string.
func (p *flatParser) str() (string, error) {
	if !p.eat('"') {
		return "", p.fail("expected a string")
	}
	start := p.pos
	// The common case, no escapes: one slice of the input.
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := p.data[start:p.pos]
			p.pos++
			if !utf8.ValidString(s) {
				return "", p.fail("invalid UTF-8")
			}
			return s, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", p.fail("control character in string")
		}
		p.pos++
	}
	buf := append([]byte(nil), p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			if !utf8.Valid(buf) {
				return "", p.fail("invalid UTF-8")
			}
			return string(buf), nil
		case c < 0x20:
			return "", p.fail("control character in string")
		case c != '\\':
			buf = append(buf, c)
			p.pos++
			continue
		}
		if p.pos+1 >= len(p.data) {
			break
		}
		e := p.data[p.pos+1]
		p.pos += 2
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
			r, ok := p.hex4()
			if !ok {
				return "", p.fail("bad \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// A valid pair is one character; a lone half becomes
				// U+FFFD, as encoding/json does.
				save := p.pos
				if p.eat('\\') && p.eat('u') {
					if r2, ok := p.hex4(); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							buf = utf8.AppendRune(buf, d)
							continue
						}
					}
				}
				p.pos = save
				r = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", p.fail("bad escape")
		}
	}
	return "", p.fail("unterminated string")
}

// hex4 reads the four hex digits of a \u escape.
func (p *flatParser) hex4() (rune, bool) {
	if p.pos+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.pos : p.pos+4] {
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
	p.pos += 4
	return r, true
}
