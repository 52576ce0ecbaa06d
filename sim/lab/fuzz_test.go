package lab

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParseLab feeds the lab parser arbitrary files: it must never panic,
// must report every problem with a position inside the file, and what it
// accepts must be a complete lab.
func FuzzParseLab(f *testing.F) {
	for _, id := range BuiltinIDs() {
		data, err := builtinFiles.ReadFile("builtin/" + id + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(labFile("fresh", okStep)))
	f.Add([]byte(labFile("keep", `{"id": "q", "title": {"ko": "가", "en": "A"}, "checks": [`+quizCheck("a")+`]}`)))
	f.Add([]byte(`{"id": "x", "steps": [{"checks": [{"kind": "event", "source_ip_outside": "1.2.3.4/40"}]}]}`))
	f.Add([]byte(`{"instructions": {"ko": "**a *b` + "`c`" + ` \\* <b>", "en": "1. a\n- b"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("f.json", data)
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error of type %T: %v", err, err)
			}
			lines := strings.Count(string(data), "\n") + 1
			for _, e := range errs {
				if e.Line < 1 || e.Column < 1 || e.Line > lines || e.Msg == "" {
					t.Fatalf("bad position or message: %q", e.Error())
				}
			}
			return
		}
		if l.ID == "" || len(l.Steps) == 0 || l.Title.Ko == "" || l.Title.En == "" || l.Start.World == "" {
			t.Fatalf("accepted an incomplete lab: %+v", l)
		}
		for _, s := range l.Steps {
			if s.ID == "" || len(s.Checks) == 0 {
				t.Fatalf("accepted an incomplete step: %+v", s)
			}
			for _, c := range s.Checks {
				if c.Kind == "" {
					t.Fatalf("accepted a check without kind")
				}
				_ = c.Describe("en")
			}
		}
	})
}

func FuzzParseRich(f *testing.F) {
	f.Add("Go to **Services → IAM → Users**.\n\n- one\n- two `x`\n\n1. a\n2. *b*")
	f.Add("<b>")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := ParseRich(src)
		if err != nil {
			var re *RichError
			if !errors.As(err, &re) || re.Offset < 0 || re.Offset > len(src) {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		var b strings.Builder
		doc.AppendHTML(&b)
		html := b.String()
		// Only the markup's own tags appear; text never makes a tag.
		for i := 0; i < len(html); i++ {
			if html[i] != '<' {
				continue
			}
			ok := false
			for _, tag := range []string{"<p>", "</p>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
				"<em>", "</em>", "<strong>", "</strong>", "<code>", "</code>"} {
				ok = ok || strings.HasPrefix(html[i:], tag)
			}
			if !ok {
				t.Fatalf("unexpected markup at %d in %q", i, html)
			}
		}
	})
}
