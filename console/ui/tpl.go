package ui

import "strings"

// Pages as data. A page is a static tree of Tpl values (a package-level
// composite literal: the compiler lays it out as data, ~70 bytes of wasm
// per element, where the same page written as nested El calls costs about
// 1.3 KB of code per element) read by one renderer, Render. The page's Go
// code only computes a small view-model, a Vals, whose values fill the
// tree's holes:
//
//	Tpl.T    "key"    catalog text (Text); "$x": the key is hole x's text;
//	                  "=x": hole x's text, translated by the page
//	Tpl.Args name, value pairs for the catalog text's {name} arguments
//	Tpl.D    "x"      data text (Data) from hole x
//	Tpl.Lit  "…"      literal data text, such as " · "
//	Tpl.If   "x"      render the node only when hole x is on ("!x": off)
//	Tpl.Each "x"      render the node once per item of hole x's list
//	Tpl.Slot "x"      the nodes of hole x, computed in Go (a component)
//
// and attribute values:
//
//	"literal"  as written
//	"$x"       hole x's text (omitted when the page has no hole x)
//	"?x"       present (with hole x's text, often "") only when x is on
//	"?x:lit"   present with the literal value only when x is on
//	"%key"     catalog text
//
// Holes are only ever text or the presence of an attribute, so escaping by
// construction stays: nothing from a Vals becomes markup.
type Tpl struct {
	Tag   string
	Attrs []Attr
	// T, D and Lit give an element its first text child, or make a node
	// with no Tag a text node.
	T    string
	Args []string
	D    string
	Lit  string
	Kids []Tpl
	If   string
	Each string
	Slot string
}

// V is one value of a view-model: the hole K's text S, condition B, list
// of item scopes L or nodes N.
type V struct {
	K string
	S string
	B bool
	L []Vals
	N []Node
}

// Vals is a page's view-model: the values of its holes.
type Vals []V

// Catalog translates catalog keys; i18n.Catalog is one.
type Catalog interface {
	T(key string, args ...string) string
}

// scope is the chain of view-models a node sees: a list item's values
// first, then the page's.
type scope struct {
	v  Vals
	up *scope
}

func (s *scope) get(k string) (V, bool) {
	for ; s != nil; s = s.up {
		for i := range s.v {
			if s.v[i].K == k {
				return s.v[i], true
			}
		}
	}
	return V{}, false
}

func (s *scope) on(cond string) bool {
	neg := len(cond) > 0 && cond[0] == '!'
	if neg {
		cond = cond[1:]
	}
	v, _ := s.get(cond)
	return v.B != neg
}

func (s *scope) text(k string) string {
	v, _ := s.get(k)
	return v.S
}

// Render renders templates with a view-model, in document order.
func Render(c Catalog, v Vals, ts ...Tpl) []Node {
	sc := &scope{v: v}
	var out []Node
	for i := range ts {
		out = ts[i].render(c, sc, out)
	}
	return out
}

// Root renders one template that gives one element, such as a page.
func (t Tpl) Root(c Catalog, v Vals) Node {
	out := t.render(c, &scope{v: v}, nil)
	if len(out) == 0 {
		return Node{}
	}
	return out[0]
}

func (t *Tpl) render(c Catalog, s *scope, out []Node) []Node {
	if t.If != "" && !s.on(t.If) {
		return out
	}
	if t.Each != "" {
		list, _ := s.get(t.Each)
		one := *t
		one.Each = ""
		for _, item := range list.L {
			out = one.render(c, &scope{v: item, up: s}, out)
		}
		return out
	}
	if t.Slot != "" {
		v, _ := s.get(t.Slot)
		return append(out, v.N...)
	}
	if t.Tag == "" {
		// Text, or a group of nodes without an element of its own.
		out = t.texts(c, s, out)
		for i := range t.Kids {
			out = t.Kids[i].render(c, s, out)
		}
		return out
	}
	n := Node{Tag: t.Tag}
	for _, a := range t.Attrs {
		if len(a.Val) > 0 {
			switch a.Val[0] {
			case '$':
				v, ok := s.get(a.Val[1:])
				if !ok {
					continue
				}
				a.Val = v.S
			case '?':
				name, lit, hasLit := strings.Cut(a.Val[1:], ":")
				v, _ := s.get(name)
				if !v.B {
					continue
				}
				a.Val = v.S
				if hasLit {
					a.Val = lit
				}
			case '%':
				a.Val = c.T(a.Val[1:])
			}
		}
		n.Attrs = append(n.Attrs, a)
	}
	n.Kids = t.texts(c, s, nil)
	for i := range t.Kids {
		n.Kids = t.Kids[i].render(c, s, n.Kids)
	}
	return append(out, n)
}

// texts appends the node's own text children: catalog text, then data,
// then literal data.
func (t *Tpl) texts(c Catalog, s *scope, out []Node) []Node {
	switch {
	case t.T == "":
	case t.T[0] == '=':
		// Catalog text the page translated itself (arguments the template
		// cannot name, such as an email's).
		out = append(out, Text(s.text(t.T[1:])))
	default:
		key := t.T
		if key[0] == '$' {
			key = s.text(key[1:])
		}
		var args []string
		if len(t.Args) > 0 {
			args = make([]string, len(t.Args))
			for i, a := range t.Args {
				if i%2 == 1 && len(a) > 0 && a[0] == '$' {
					a = s.text(a[1:])
				}
				args[i] = a
			}
		}
		out = append(out, Text(c.T(key, args...)))
	}
	if t.D != "" {
		out = append(out, Data(s.text(t.D)))
	}
	if t.Lit != "" {
		out = append(out, Data(t.Lit))
	}
	return out
}
