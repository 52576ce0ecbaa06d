package ui

import "strings"

// Source writes a template in the notation MustParse reads, with one
// element per line; Parse(Source(t)) gives t back with text on elements
// moved into their children (which renders the same).
func Source(t Tpl) string {
	var b strings.Builder
	source(&b, t, 0)
	return b.String()
}

func source(b *strings.Builder, t Tpl, depth int) {
	indent := strings.Repeat("\t", depth)
	texts := func() {
		if t.T != "" {
			b.WriteString("{t " + t.T)
			for i := 0; i+1 < len(t.Args); i += 2 {
				b.WriteString(" " + t.Args[i] + "=" + t.Args[i+1])
			}
			b.WriteString("}")
		}
		if t.D != "" {
			b.WriteString("{d " + t.D + "}")
		}
		if t.Lit != "" {
			b.WriteString(`{"` + t.Lit + `"}`)
		}
		if t.Slot != "" {
			b.WriteString("{slot " + t.Slot + "}")
		}
	}
	tag := t.Tag
	if tag == "" {
		if t.If == "" && t.Each == "" && len(t.Kids) == 0 {
			b.WriteString(indent)
			texts()
			b.WriteString("\n")
			return
		}
		tag = "_"
	}
	b.WriteString(indent + "<" + tag)
	if t.If != "" {
		b.WriteString(` if="` + t.If + `"`)
	}
	if t.Each != "" {
		b.WriteString(` each="` + t.Each + `"`)
	}
	for _, a := range t.Attrs {
		b.WriteString(" " + a.Key)
		if a.Val != "" || a.Key != "novalidate" {
			b.WriteString(`="` + a.Val + `"`)
		}
	}
	if voidTags[tag] {
		b.WriteString(">\n")
		return
	}
	b.WriteString(">")
	if len(t.Kids) == 0 {
		texts()
		b.WriteString("</" + tag + ">\n")
		return
	}
	if t.T != "" || t.D != "" || t.Lit != "" || t.Slot != "" {
		b.WriteString("\n" + indent + "\t")
		texts()
	}
	b.WriteString("\n")
	for _, k := range t.Kids {
		source(b, k, depth+1)
	}
	b.WriteString(indent + "</" + tag + ">\n")
}
