package policy

import (
	"testing"

	"labsim/sim/catalog/actiondata"
)

func BenchmarkTmpPhase(b *testing.B) {
	text := benchPolicy(b)
	doc, _ := Parse(text)
	cat, _ := actiondata.Load()
	v := NewValidator(cat)
	c, _ := Compile(doc)
	req := Request{Principal: "arn:aws:iam::123456789012:user/Luna", Action: "s3:GetObject",
		Resource: "arn:aws:s3:::lab-bucket/notes.txt", Context: map[string][]string{"aws:username": {"Luna"}}}
	var ev Evaluator
	for _, bc := range []struct {
		name string
		f    func()
	}{
		{"Parse", func() { Parse(text) }},
		{"CheckIAM", func() { CheckIAM(doc, text, ManagedPolicy) }},
		{"Validate", func() { v.Validate(doc, ManagedPolicy) }},
		{"Compile", func() { Compile(doc) }},
		{"Authorize", func() { ev.Authorize([]*Compiled{c}, req) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bc.f()
			}
		})
	}
}
