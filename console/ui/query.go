package ui

import "strings"

// Role returns the ARIA role of an element: its role attribute, else the
// implicit role of its tag ("" for none).
func Role(n Node) string {
	if r, ok := n.Attr("role"); ok {
		return r
	}
	switch n.Tag {
	case "button":
		return "button"
	case "a":
		if n.Has("href") {
			return "link"
		}
	case "input":
		t, _ := n.Attr("type")
		switch t {
		case "checkbox":
			return "checkbox"
		case "radio":
			return "radio"
		case "search":
			return "searchbox"
		case "range":
			return "slider"
		case "submit", "button", "reset":
			return "button"
		case "file":
			return "button"
		case "hidden":
			return ""
		}
		return "textbox"
	case "textarea":
		return "textbox"
	case "select":
		return "combobox"
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return "heading"
	case "aside":
		return "complementary"
	case "header":
		return "banner"
	case "nav":
		return "navigation"
	case "main":
		return "main"
	case "ul", "ol":
		return "list"
	case "li":
		return "listitem"
	case "table":
		return "table"
	case "img":
		return "img"
	case "dialog":
		return "dialog"
	case "form":
		return "form"
	}
	return ""
}

// Name computes an element's accessible name within root: aria-label, then
// aria-labelledby, then a <label for> (or an enclosing label), then alt, then
// its text content for roles named from content. White space is collapsed.
func Name(root, n Node) string {
	if v, ok := n.Attr("aria-label"); ok {
		return collapse(v)
	}
	if ids, ok := n.Attr("aria-labelledby"); ok {
		var parts []string
		for _, id := range strings.Fields(ids) {
			if el, ok := ByID(root, id); ok {
				parts = append(parts, el.TextContent())
			}
		}
		return collapse(strings.Join(parts, " "))
	}
	if id, ok := n.Attr("id"); ok {
		var found string
		root.Walk(func(x Node) bool {
			if x.Tag == "label" {
				if f, _ := x.Attr("for"); f == id {
					found = x.TextContent()
					return false
				}
			}
			return true
		})
		if found != "" {
			return collapse(found)
		}
	}
	if alt, ok := n.Attr("alt"); ok {
		return collapse(alt)
	}
	switch Role(n) {
	case "button", "link", "heading", "tab", "menuitem", "menuitemradio", "option", "listitem", "cell", "columnheader":
		return collapse(n.TextContent())
	}
	if v, ok := n.Attr("title"); ok {
		return collapse(v)
	}
	return ""
}

// ByID returns the element with the given id.
func ByID(root Node, id string) (Node, bool) {
	var out Node
	found := false
	root.Walk(func(x Node) bool {
		if v, ok := x.Attr("id"); ok && v == id && x.Tag != "" {
			out, found = x, true
			return false
		}
		return true
	})
	return out, found
}

// FindAll returns every element with the role whose accessible name equals
// name (any name when name is "").
func FindAll(root Node, role, name string) []Node {
	var out []Node
	root.Walk(func(x Node) bool {
		if x.Tag != "" && Role(x) == role && (name == "" || Name(root, x) == collapse(name)) {
			out = append(out, x)
		}
		return true
	})
	return out
}

// Find returns the first element with the role and accessible name.
func Find(root Node, role, name string) (Node, bool) {
	all := FindAll(root, role, name)
	if len(all) == 0 {
		return Node{}, false
	}
	return all[0], true
}

// ContainsText reports whether the visible text of root contains s
// (white space collapsed).
func ContainsText(root Node, s string) bool {
	return strings.Contains(collapse(root.TextContent()), collapse(s))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
