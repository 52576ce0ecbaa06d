package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// digestOf computes a digest from the canonical text itself.
func digestOf(weight int, canonical []byte) stmtDigest {
	d := stmtDigest{weight: weight}
	for _, c := range canonical {
		d.addByte(c)
	}
	return d
}

// checkDigests requires every statement's digest to be the one of its
// canonical text, which redundantStatements relies on.
func checkDigests(t *testing.T, text string) {
	doc, err := Parse(text)
	if err != nil {
		return
	}
	var sc validateScratch
	for _, s := range doc.Statements {
		sc.keyBuf = sc.keyBuf[:0]
		sc.canonicalStatement(s)
		require.Equal(t, digestOf(statementWeight(s), sc.keyBuf), statementDigest(s), "%s", sc.keyBuf)
	}
}

func TestStatementDigest(t *testing.T) {
	texts := []string{
		st(`"Sid":"A","Effect":"Allow","Action":["s3:b","s3:a","s3:a"],"Resource":"*","Condition":{"StringEquals":{"k":["x\"y",1,true,null]},"Null":{"n":"true"}}`),
		st(`"Effect":"Allow","Effect":"Deny","Action":"s3:a","Resource":[["nested",[]],{"a":{"b":"c"},"a":"d"}]`),
		`{"Statement":[{"Sid":"1"},{"Sid":"2"},{"":""}]}`,
	}
	for _, doc := range managedPolicyDocs(t) {
		texts = append(texts, doc)
	}
	for _, text := range texts {
		checkDigests(t, text)
	}
}

func FuzzStatementDigest(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkDigests(t, text)
	})
}
