package catalog_test

import (
	"testing"

	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
)

// BenchmarkParseActions measures a cold parse of the whole generated
// catalog, as the browser does once on first use.
func BenchmarkParseActions(b *testing.B) {
	data := actiondata.Raw()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.ParseActions(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecompressActions measures the inflate step alone.
func BenchmarkDecompressActions(b *testing.B) {
	data := actiondata.Raw()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.DecompressActions(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookups measures the case-insensitive lookups.
func BenchmarkLookups(b *testing.B) {
	a, err := actiondata.Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := a.Action("IAM", "listusers"); !ok {
			b.Fatal("iam:ListUsers missing")
		}
		if _, ok := a.ConditionKey("aws:ResourceTag/Team"); !ok {
			b.Fatal("aws:ResourceTag missing")
		}
		if _, ok := a.ConditionKey("s3:prefix"); !ok {
			b.Fatal("s3:prefix missing")
		}
	}
}

// BenchmarkParseActionText measures the parse alone, as in the browser when
// it inflates the file itself (DecompressionStream).
func BenchmarkParseActionText(b *testing.B) {
	text, err := catalog.DecompressActions(actiondata.Raw())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.ParseActionText(text); err != nil {
			b.Fatal(err)
		}
	}
}
