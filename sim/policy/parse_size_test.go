package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Parse counts a document's size while it parses; it must agree with
// NonWhitespaceSize.
func TestParseSizeAgrees(t *testing.T) {
	texts := []string{
		"{}", " {\r\n\t\"a\" : [ 1 , true , null ] } ",
		`{"a b":"c d","é":"\u00e9 \u0020x"}`,
		"{\"s\":\"a\u00a0b\u2003c\u3000d\u0085e\"}", // Unicode white space
		"{\"k\":\"한국어 😀\"}",
		st(`"Effect":"Allow","Action":"s3:*","Resource":"*"`),
	}
	for _, doc := range managedPolicyDocs(t) {
		texts = append(texts, doc)
	}
	for _, text := range texts {
		doc, err := Parse(text)
		require.NoError(t, err, text)
		require.Equal(t, NonWhitespaceSize(text), doc.Size, text)
	}
}

func FuzzParseSize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		if doc, err := Parse(text); err == nil && doc.Size != NonWhitespaceSize(text) {
			t.Fatalf("size %d, NonWhitespaceSize %d", doc.Size, NonWhitespaceSize(text))
		}
	})
}
