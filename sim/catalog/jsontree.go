package catalog

import (
	"errors"
	"fmt"
	"strings"
)

// jsonNode is a JSON value that keeps the order of object members and the
// exact source text of scalars, so that a document can be re-indented
// without reordering or re-encoding anything (encoding/json into a map
// would sort the keys).
type jsonNode struct {
	kind    byte // '{', '[', or 's' for any scalar (string, number, literal)
	raw     string
	members []jsonMember
	elems   []*jsonNode
}

// jsonMember is one member of an object; key is the decoded-as-written key
// text without its quotes.
type jsonMember struct {
	key   string
	value *jsonNode
}

// maxJSONDepth bounds nesting; IAM policies need about five levels.
const maxJSONDepth = 32

// parseJSONTree parses one JSON value that fills s (apart from white space).
func parseJSONTree(s string) (*jsonNode, error) {
	p := jsonParser{s: s}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, p.errorf("unexpected text after the value")
	}
	return n, nil
}

// jsonParser is a small recursive-descent JSON parser over a string.
type jsonParser struct {
	s string
	i int
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return fmt.Errorf("json at offset %d: %s", p.i, fmt.Sprintf(format, args...))
}

// space skips JSON white space.
func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value parses any value.
func (p *jsonParser) value(depth int) (*jsonNode, error) {
	if depth > maxJSONDepth {
		return nil, p.errorf("nested deeper than %d", maxJSONDepth)
	}
	p.space()
	if p.i >= len(p.s) {
		return nil, p.errorf("unexpected end")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		raw, err := p.str()
		if err != nil {
			return nil, err
		}
		return &jsonNode{kind: 's', raw: raw}, nil
	default:
		return p.literal()
	}
}

// object parses {…} keeping member order.
func (p *jsonParser) object(depth int) (*jsonNode, error) {
	n := &jsonNode{kind: '{'}
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return n, nil
	}
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.errorf("expected a member name")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.errorf("expected ':'")
		}
		p.i++
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.members = append(n.members, jsonMember{key: key[1 : len(key)-1], value: v})
		p.space()
		if p.i >= len(p.s) {
			return nil, p.errorf("unterminated object")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return n, nil
		default:
			return nil, p.errorf("expected ',' or '}'")
		}
	}
}

// array parses […].
func (p *jsonParser) array(depth int) (*jsonNode, error) {
	n := &jsonNode{kind: '['}
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return n, nil
	}
	for {
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, v)
		p.space()
		if p.i >= len(p.s) {
			return nil, p.errorf("unterminated array")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return n, nil
		default:
			return nil, p.errorf("expected ',' or ']'")
		}
	}
}

// str returns the raw text of a string, quotes included.
func (p *jsonParser) str() (string, error) {
	start := p.i
	p.i++
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == '\\':
			p.i += 2
		case c == '"':
			p.i++
			return p.s[start:p.i], nil
		case c < 0x20:
			return "", p.errorf("control character in string")
		default:
			p.i++
		}
	}
	return "", errors.New("json: unterminated string")
}

// literal returns a number, true, false or null as written.
func (p *jsonParser) literal() (*jsonNode, error) {
	start := p.i
	for p.i < len(p.s) && strings.IndexByte(",]} \t\r\n", p.s[p.i]) < 0 {
		p.i++
	}
	raw := p.s[start:p.i]
	if raw == "" {
		return nil, p.errorf("expected a value")
	}
	if raw != "true" && raw != "false" && raw != "null" && strings.Trim(raw, "0123456789+-.eE") != "" {
		return nil, p.errorf("bad literal %q", raw)
	}
	return &jsonNode{kind: 's', raw: raw}, nil
}

// member returns the value of the member named key, or nil.
func (n *jsonNode) member(key string) *jsonNode {
	for _, m := range n.members {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// unquoted returns a string scalar's text without its quotes (escapes are
// left as written), or "" for anything else.
func (n *jsonNode) unquoted() string {
	if n == nil || n.kind != 's' || len(n.raw) < 2 || n.raw[0] != '"' {
		return ""
	}
	return n.raw[1 : len(n.raw)-1]
}

// reorder moves the members named in order to the front, in that order;
// the others follow in their original order.
func (n *jsonNode) reorder(order []string) {
	if n.kind != '{' || len(order) == 0 {
		return
	}
	out := make([]jsonMember, 0, len(n.members))
	for _, k := range order {
		for _, m := range n.members {
			if m.key == k {
				out = append(out, m)
			}
		}
	}
	for _, m := range n.members {
		listed := false
		for _, k := range order {
			listed = listed || m.key == k
		}
		if !listed {
			out = append(out, m)
		}
	}
	n.members = out
}

// indent writes n as the AWS console shows a policy: every member and
// element on its own line, indented by indent per level, "key": value.
func (n *jsonNode) indent(b *strings.Builder, indent string, level int) {
	switch n.kind {
	case '{':
		if len(n.members) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range n.members {
			writeIndent(b, indent, level+1)
			b.WriteByte('"')
			b.WriteString(m.key)
			b.WriteString(`": `)
			m.value.indent(b, indent, level+1)
			if i < len(n.members)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		writeIndent(b, indent, level)
		b.WriteByte('}')
	case '[':
		if len(n.elems) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range n.elems {
			writeIndent(b, indent, level+1)
			e.indent(b, indent, level+1)
			if i < len(n.elems)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		writeIndent(b, indent, level)
		b.WriteByte(']')
	default:
		b.WriteString(n.raw)
	}
}

// writeIndent writes level copies of indent.
func writeIndent(b *strings.Builder, indent string, level int) {
	for range level {
		b.WriteString(indent)
	}
}
