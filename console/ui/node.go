// Package ui is the console's view vocabulary: a tree of nodes rendered to
// HTML with escaping by construction, and queries over the tree by role,
// accessible name and text, so that tests find controls the way a student
// (or a screen reader) does.
package ui

import "strings"

// Node is an element or a text node. A text node has an empty Tag.
type Node struct {
	Tag   string
	Attrs []Attr
	Kids  []Node
	// Text is the content of a text node.
	Text string
	// Verbatim marks a text node whose content is data (a name the student
	// typed, an ARN, a service name) rather than a catalog string.
	Verbatim bool
}

// Attr is one attribute of an element.
type Attr struct {
	Key, Val string
}

// Text returns a text node holding a translated (catalog) string.
func Text(s string) Node { return Node{Text: s} }

// Data returns a text node holding data that is shown as it is: user input,
// identifiers, service names, numbers.
func Data(s string) Node { return Node{Text: s, Verbatim: true} }

// A returns an attribute.
func A(key, val string) Attr { return Attr{Key: key, Val: val} }

// Class returns a class attribute.
func Class(names ...string) Attr { return Attr{Key: "class", Val: strings.Join(names, " ")} }

// ID returns an id attribute.
func ID(id string) Attr { return Attr{Key: "id", Val: id} }

// If returns part when cond holds and nothing otherwise.
func If(cond bool, part any) any {
	if cond {
		return part
	}
	return nil
}

// El builds an element. Each part may be an Attr, a []Attr, a Node, a
// []Node, or nil (ignored). Strings are not accepted: text must say whether
// it is catalog text (Text) or data (Data).
func El(tag string, parts ...any) Node {
	n := Node{Tag: tag}
	for _, p := range parts {
		switch v := p.(type) {
		case nil:
		case Attr:
			n.Attrs = append(n.Attrs, v)
		case []Attr:
			n.Attrs = append(n.Attrs, v...)
		case Node:
			n.Kids = append(n.Kids, v)
		case []Node:
			n.Kids = append(n.Kids, v...)
		default:
			panic("ui.El: unsupported part type")
		}
	}
	return n
}

// Attr returns the value of the named attribute and whether it is present.
func (n Node) Attr(key string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// Has reports whether the node has the named attribute.
func (n Node) Has(key string) bool {
	_, ok := n.Attr(key)
	return ok
}

// TextContent returns the concatenated text of the node and its
// descendants, like the DOM's textContent.
func (n Node) TextContent() string {
	var b strings.Builder
	n.appendText(&b)
	return b.String()
}

func (n Node) appendText(b *strings.Builder) {
	if n.Tag == "" {
		b.WriteString(n.Text)
		return
	}
	for _, k := range n.Kids {
		k.appendText(b)
	}
}

// Walk calls fn for n and each descendant in document order until fn
// returns false.
func (n Node) Walk(fn func(Node) bool) bool {
	if !fn(n) {
		return false
	}
	for _, k := range n.Kids {
		if !k.Walk(fn) {
			return false
		}
	}
	return true
}
