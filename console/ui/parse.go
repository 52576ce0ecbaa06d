package ui

import (
	"errors"
	"strconv"
	"strings"
	"sync"
)

// MustParse parses a page written in the template notation below and
// panics on a mistake (templates are constants of the program, parsed once
// at package initialisation; a test parses every one). Written as text, a
// page costs its characters in the binary, which brotli packs far better
// than a tree of Go values full of pointers.
//
//	<tag attr="value" …>…</tag>   an element; void elements (input, img)
//	                              have no end tag; <tag …/> is empty
//	if="x" / if="!x"              on an element: Tpl.If
//	each="x"                      on an element: Tpl.Each
//	<_ if="x">…</_>               a group without an element of its own
//	{t key name=$x name=literal}  catalog text with arguments (Tpl.T)
//	{t $x} / {t =x}               catalog key from a hole / text translated
//	                              by the page
//	{d x}                         data from hole x (Tpl.D)
//	{"literal"}                   literal data text (Tpl.Lit)
//	{slot x}                      nodes computed in Go (Tpl.Slot)
//
// Attribute values follow Tpl's rules ("$x", "?x", "?x:lit", "%key").
// White space between tags is layout and ignored; any other text outside
// braces is a mistake.
func MustParse(src string) Tpl {
	t, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return t
}

// Parse parses one template that must hold exactly one top-level node.
func Parse(src string) (Tpl, error) {
	p := parser{src: src}
	kids, err := p.nodes("")
	if err != nil {
		return Tpl{}, err
	}
	if len(kids) != 1 {
		return Tpl{}, p.fail("want one top-level node, have " + strconv.Itoa(len(kids)))
	}
	return kids[0], nil
}

type parser struct {
	src string
	pos int
}

func (p *parser) fail(msg string) error {
	return errors.New("ui: template at byte " + strconv.Itoa(p.pos) + ": " + msg)
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
		p.pos++
	}
}

// nodes parses nodes until the end tag of end ("" for the end of input).
func (p *parser) nodes(end string) ([]Tpl, error) {
	var out []Tpl
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			if end != "" {
				return nil, p.fail("missing </" + end + ">")
			}
			return out, nil
		}
		switch {
		case strings.HasPrefix(p.src[p.pos:], "</"):
			rest := p.src[p.pos+2:]
			i := strings.IndexByte(rest, '>')
			if i < 0 || rest[:i] != end {
				return nil, p.fail("unexpected end tag")
			}
			p.pos += 2 + i + 1
			return out, nil
		case p.src[p.pos] == '<':
			t, err := p.element()
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		case p.src[p.pos] == '{':
			t, err := p.hole()
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		default:
			return nil, p.fail("text outside braces")
		}
	}
}

func (p *parser) element() (Tpl, error) {
	p.pos++ // <
	start := p.pos
	for p.pos < len(p.src) && strings.IndexByte(" \t\r\n/>", p.src[p.pos]) < 0 {
		p.pos++
	}
	t := Tpl{Tag: p.src[start:p.pos]}
	if t.Tag == "" {
		return t, p.fail("empty tag")
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return t, p.fail("unterminated <" + t.Tag)
		}
		if strings.HasPrefix(p.src[p.pos:], "/>") {
			p.pos += 2
			return p.finish(t), nil
		}
		if p.src[p.pos] == '>' {
			p.pos++
			break
		}
		start := p.pos
		for p.pos < len(p.src) && strings.IndexByte(" \t\r\n=/>", p.src[p.pos]) < 0 {
			p.pos++
		}
		key, val := p.src[start:p.pos], ""
		if key == "" {
			return t, p.fail("bad attribute")
		}
		if strings.HasPrefix(p.src[p.pos:], `="`) {
			p.pos += 2
			i := strings.IndexByte(p.src[p.pos:], '"')
			if i < 0 {
				return t, p.fail("unterminated attribute value")
			}
			val = p.src[p.pos : p.pos+i]
			p.pos += i + 1
		}
		switch key {
		case "if":
			t.If = val
		case "each":
			t.Each = val
		default:
			t.Attrs = append(t.Attrs, Attr{Key: key, Val: val})
		}
	}
	if voidTags[t.Tag] {
		return p.finish(t), nil
	}
	kids, err := p.nodes(t.Tag)
	if err != nil {
		return t, err
	}
	t.Kids = kids
	return p.finish(t), nil
}

// finish turns the group pseudo-element into a node without a tag.
func (p *parser) finish(t Tpl) Tpl {
	if t.Tag == "_" {
		t.Tag = ""
	}
	return t
}

func (p *parser) hole() (Tpl, error) {
	i := strings.IndexByte(p.src[p.pos:], '}')
	if i < 0 {
		return Tpl{}, p.fail("unterminated {")
	}
	body := p.src[p.pos+1 : p.pos+i]
	p.pos += i + 1
	if strings.HasPrefix(body, `"`) {
		if len(body) < 2 || !strings.HasSuffix(body, `"`) {
			return Tpl{}, p.fail("bad literal")
		}
		return Tpl{Lit: body[1 : len(body)-1]}, nil
	}
	f := strings.Fields(body)
	if len(f) < 2 {
		return Tpl{}, p.fail("bad hole {" + body + "}")
	}
	switch f[0] {
	case "t":
		t := Tpl{T: f[1]}
		for _, a := range f[2:] {
			k, v, ok := strings.Cut(a, "=")
			if !ok {
				return Tpl{}, p.fail("bad argument " + a)
			}
			t.Args = append(t.Args, k, v)
		}
		return t, nil
	case "d":
		return Tpl{D: f[1]}, nil
	case "slot":
		return Tpl{Slot: f[1]}, nil
	}
	return Tpl{}, p.fail("unknown hole {" + body + "}")
}

// Page is a template parsed the first time it is rendered, so that
// start-up parses only what the first page shows (parsing a mid-sized
// template takes tenths of a millisecond under WebAssembly). Declare pages
// with Lazy; every page is rendered by the console's tests.
type Page struct {
	src  string
	once sync.Once
	tpl  Tpl
}

// Lazy returns the page written as src in MustParse's notation.
func Lazy(src string) *Page { return &Page{src: src} }

// Tpl returns the parsed template, parsing it on first use; a mistake in
// the notation panics there.
func (p *Page) Tpl() *Tpl {
	p.once.Do(func() { p.tpl = MustParse(p.src) })
	return &p.tpl
}

// Root renders the page's one top-level node with a view-model.
func (p *Page) Root(c Catalog, v Vals) Node { return p.Tpl().Root(c, v) }
