package lab

import (
	"labsim/console/ui"
	engine "labsim/sim/lab"
)

// Doc renders the lab markup (paragraphs, lists, emphasis, strong and
// code) as ui nodes. Every piece of text is a data node, so escaping is
// by construction: nothing in a lab file becomes markup.
func Doc(d engine.Doc) []ui.Node {
	out := make([]ui.Node, 0, len(d))
	for _, b := range d {
		switch b.Kind {
		case engine.Bullets, engine.Numbered:
			tag := "ul"
			if b.Kind == engine.Numbered {
				tag = "ol"
			}
			list := ui.Node{Tag: tag, Kids: make([]ui.Node, 0, len(b.Items))}
			for _, item := range b.Items {
				list.Kids = append(list.Kids, ui.Node{Tag: "li", Kids: spans(item)})
			}
			out = append(out, list)
		default:
			for _, item := range b.Items {
				out = append(out, ui.Node{Tag: "p", Kids: spans(item)})
			}
		}
	}
	return out
}

// Inline renders the lab markup as phrasing content (for a button): the
// blocks' items one after the other, separated by a space.
func Inline(d engine.Doc) []ui.Node {
	var out []ui.Node
	for _, b := range d {
		for _, item := range b.Items {
			if len(out) > 0 {
				out = append(out, ui.Data(" "))
			}
			out = append(out, spans(item)...)
		}
	}
	return out
}

// spans renders a run of styled text.
func spans(item []engine.Span) []ui.Node {
	out := make([]ui.Node, 0, len(item))
	for _, s := range item {
		n := ui.Data(s.Text)
		if s.Style&engine.Code != 0 {
			n = ui.Node{Tag: "code", Kids: []ui.Node{n}}
		}
		if s.Style&engine.Em != 0 {
			n = ui.Node{Tag: "em", Kids: []ui.Node{n}}
		}
		if s.Style&engine.Strong != 0 {
			n = ui.Node{Tag: "strong", Kids: []ui.Node{n}}
		}
		out = append(out, n)
	}
	return out
}
