package policy

import (
	"errors"
	"testing"
)

// fuzzSeeds adds the AWS managed policy documents, the documents of the
// table tests and malformed inputs.
func fuzzSeeds(f *testing.F) {
	for _, doc := range managedPolicyDocs(f) {
		f.Add(doc)
	}
	for _, c := range iamRefusalCases {
		f.Add(c.doc)
	}
	for _, c := range iamAcceptedCases {
		f.Add(c.doc)
	}
	for _, s := range []string{
		"", "{", "}", "[", `"`, `"\u`, `"\ud800\u`, "\xff", "{\"a\":", `[1,[2,[3]]]`, `{"a":{"b":{"c":[]}}}`,
		`-`, `1e`, `1.`, `01`, `tru`, "\uFEFF{}", "{\r\n\"a\"\r:1}",
		st(`"Effect":"Allow","Action":["s3:Get*","s3:GetObject"],"Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/${aws:username}"]`),
		cond(`"ForAllValues:StringLike":{"aws:TagKeys":["a*","${aws:username"]},"IpAddress":{"aws:SourceIp":["10.0.0.1/8","::1"]}`),
		cond(`"DateLessThan":{"aws:CurrentTime":["2024-01-01T00:00:00+09:00","1700000000","x"]},"Null":{"aws:x":"true"}`),
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:iam::*:role/${}"}]}`,
	} {
		f.Add(s)
	}
}

// checkSpans fails when a span lies outside the text.
func checkSpans(t *testing.T, text string, s Span) {
	if s.Start.Offset < 0 || s.Start.Offset > s.End.Offset || s.End.Offset > len(text) || s.Start.Line < 1 || s.Start.Column < 1 {
		t.Fatalf("bad span %+v for text of %d bytes", s, len(text))
	}
}

func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := Parse(text)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			checkSpans(t, text, Span{Start: se.Pos, End: se.Pos})
			return
		}
		checkSpans(t, text, doc.Root.Span)
		if doc.Root.Span.Start.Offset > doc.Root.Span.End.Offset {
			t.Fatal("root span reversed")
		}
		if m := CheckIAM(doc, text, ManagedPolicy); m != nil {
			checkSpans(t, text, m.Span)
		}
	})
}

func FuzzValidate(f *testing.F) {
	fuzzSeeds(f)
	v := NewValidator(newFakeCatalog())
	f.Fuzz(func(t *testing.T, text string) {
		for _, fd := range v.ValidateText(text, UserInlinePolicy) {
			checkSpans(t, text, fd.Span)
			if fd.Type == "" || fd.Message(LangEnglish) == "" || fd.Message(LangKorean) == "" {
				t.Fatalf("finding without type or message: %+v", fd)
			}
		}
		if m := CheckIAM(nil, text, GroupInlinePolicy); m != nil {
			checkSpans(t, text, m.Span)
		}
	})
}
