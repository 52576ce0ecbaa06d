package policy

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseValues(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind Kind
		text string
	}{
		{"string", `"abc"`, String, "abc"},
		{"escapes", `"a\"b\\c\/d\n\t\u00e9"`, String, "a\"b\\c/d\n\té"},
		{"surrogate pair", `"\ud83d\ude00"`, String, "😀"},
		{"lone surrogate becomes U+FFFD", `"\ud800x"`, String, "\uFFFDx"},
		{"integer", `-12`, Number, "-12"},
		{"fraction exponent", `1.5e+10`, Number, "1.5e+10"},
		{"zero", `0`, Number, "0"},
		{"true", `true`, Bool, "true"},
		{"false", ` false `, Bool, "false"},
		{"null", `null`, Null, ""},
		{"empty array", `[]`, Array, ""},
		{"empty object", `{}`, Object, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.in)
			require.NoError(t, err)
			require.Equal(t, tt.kind, doc.Root.Kind)
			require.Equal(t, tt.text, doc.Root.Text)
		})
	}
}

func TestParseSyntaxErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		offset    int
		msg       string
	}{
		{"empty", ``, 1, 1, 0, "unexpected end of input"},
		{"only space", "  \n ", 2, 2, 4, "unexpected end of input"},
		{"trailing comma object", `{"a":1,}`, 1, 8, 7, "expected a string key"},
		{"trailing comma array", `[1,]`, 1, 4, 3, "expected a value"},
		{"missing colon", `{"a" 1}`, 1, 6, 5, "expected ':'"},
		{"single quotes", `{'a':1}`, 1, 2, 1, "expected a string key"},
		{"unterminated string", `{"a":"xyz`, 1, 6, 5, "unterminated string"},
		{"control char in string", "\"a\tb\"", 1, 3, 2, "control character"},
		{"bad escape", `"\x"`, 1, 2, 1, "invalid escape"},
		{"bad unicode escape", `"\u12g4"`, 1, 2, 1, "invalid \\u escape"},
		{"leading zero", `01`, 1, 2, 1, "after number"},
		{"bare minus", `-`, 1, 2, 1, "in number"},
		{"dot without digits", `1.`, 1, 3, 2, "expected a digit"},
		{"exponent without digits", `1e`, 1, 3, 2, "expected a digit"},
		{"truex", `truex`, 1, 5, 4, "after true"},
		{"tru", `tru`, 1, 1, 0, "expected a value"},
		{"two values", `{} {}`, 1, 4, 3, "after the top-level value"},
		{"comment", `{/*x*/}`, 1, 2, 1, "expected a string key"},
		{"missing close", `{"a":[1,2}`, 1, 10, 9, "expected ',' or ']'"},
		{"columns count runes", `["é", x]`, 1, 7, 7, "expected a value"},
		{"second line", "{\n  \"a\": }", 2, 8, 9, "expected a value"},
		{"CRLF counts one line", "{\r\n\"a\":x}", 2, 5, 7, "expected a value"},
		{"lone CR ends a line", "{\r\"a\":x}", 2, 5, 6, "expected a value"},
		{"invalid UTF-8", "\"a\xffb\"", 1, 3, 2, "invalid UTF-8"},
		{"BOM is not JSON", "\uFEFF{}", 1, 1, 0, "expected a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.in)
			var se *SyntaxError
			require.True(t, errors.As(err, &se), "want *SyntaxError, got %v", err)
			require.Equal(t, Pos{Line: tt.line, Column: tt.col, Offset: tt.offset}, se.Pos, se.Msg)
			require.Contains(t, se.Msg, tt.msg)
		})
	}
}

func TestParseLimits(t *testing.T) {
	// Decision (doc.go): nesting deeper than MaxDepth is a syntax error.
	deep := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	_, err := Parse(deep)
	require.NoError(t, err)
	tooDeep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	_, err = Parse(tooDeep)
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	require.Contains(t, se.Msg, "nesting")
	require.Equal(t, MaxDepth, se.Pos.Offset)

	huge := `"` + strings.Repeat("a", MaxInput) + `"`
	_, err = Parse(huge)
	require.ErrorAs(t, err, &se)
	require.Contains(t, se.Msg, "larger than")
}

func TestParseSpans(t *testing.T) {
	text := "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Sid\": \"é1\", \"Effect\": \"Allow\"}\n}"
	doc, err := Parse(text)
	require.NoError(t, err)
	require.Equal(t, Span{Start: Pos{1, 1, 0}, End: Pos{4, 2, len(text)}}, doc.Root.Span)
	v := doc.Version
	require.Equal(t, "2012-10-17", v.Text)
	require.Equal(t, Pos{2, 14, 15}, v.Span.Start)
	require.Equal(t, Pos{2, 26, 27}, v.Span.End)
	require.Equal(t, `"2012-10-17"`, text[v.Span.Start.Offset:v.Span.End.Offset])
	require.Equal(t, Span{Start: Pos{2, 3, 4}, End: Pos{2, 12, 13}}, doc.Root.Members[0].KeySpan)

	require.Len(t, doc.Statements, 1)
	st := doc.Statements[0]
	require.Equal(t, "é1", st.Sid.Text)
	// "é" is one column but two bytes: the Effect key starts after it.
	require.Equal(t, `"Effect"`, text[st.Node.Members[1].KeySpan.Start.Offset:st.Node.Members[1].KeySpan.End.Offset])
	require.Equal(t, 3, st.Effect.Span.Start.Line)
	require.Equal(t, 40, st.Effect.Span.Start.Column)
	require.Equal(t, Pos{3, 47, st.Effect.Span.End.Offset}, st.Effect.Span.End)
}

func TestParseDocumentElements(t *testing.T) {
	text := `{"Version":"2012-10-17","Id":"x","Statement":[
	  {"Sid":"A","Effect":"Allow","Action":["s3:Get*"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},
	  "not an object",
	  {"Effect":"Deny","NotAction":"iam:*","NotResource":"*","Principal":"*","NotPrincipal":{"AWS":"*"}}]}`
	doc, err := Parse(text)
	require.NoError(t, err)
	require.Equal(t, "x", doc.ID.Text)
	require.Equal(t, Array, doc.Statement.Kind)
	require.Len(t, doc.Statements, 2)
	a, b := doc.Statements[0], doc.Statements[1]
	require.Equal(t, 0, a.Index)
	require.Equal(t, 2, b.Index, "Index is the array position, non-objects skipped")
	require.Equal(t, "A", a.Sid.Text)
	require.Equal(t, Array, a.Action.Kind)
	require.Equal(t, "*", a.Resource.Text)
	require.Equal(t, Object, a.Condition.Kind)
	require.Nil(t, a.NotAction)
	require.Equal(t, "Deny", b.Effect.Text)
	require.Equal(t, "iam:*", b.NotAction.Text)
	require.Equal(t, "*", b.NotResource.Text)
	require.Equal(t, "*", b.Principal.Text)
	require.Equal(t, Object, b.NotPrincipal.Kind)
}

func TestParseNonObjectRoot(t *testing.T) {
	doc, err := Parse(`[1,2]`)
	require.NoError(t, err)
	require.Equal(t, Array, doc.Root.Kind)
	require.Nil(t, doc.Statement)
	require.Empty(t, doc.Statements)
}

func TestParseDuplicateKeysKeptLastWins(t *testing.T) {
	// Decision (doc.go): duplicate keys are kept in the tree in order; the
	// policy elements take the last one, as JSON readers that overwrite do
	// (terraform-provider-aws#33570 warns that duplicated Condition keys are
	// overwritten).
	doc, err := Parse(`{"Statement":{"Effect":"Allow","Effect":"Deny","Condition":{"Bool":{},"Bool":{"a":"b"}}}}`)
	require.NoError(t, err)
	st := doc.Statements[0]
	require.Len(t, st.Node.Members, 3)
	require.Equal(t, "Deny", st.Effect.Text)
	require.Equal(t, "Allow", st.Node.Get("Effect").Text)
	eff := st.Condition.Effective()
	require.Len(t, eff, 1)
	require.Len(t, eff[0].Value.Members, 1)
}

func TestParseStatementObject(t *testing.T) {
	doc, err := Parse(`{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`)
	require.NoError(t, err)
	require.Len(t, doc.Statements, 1)
	require.Equal(t, 0, doc.Statements[0].Index)
}

func TestSize(t *testing.T) {
	// IUG reference_iam-quotas: white space does not count toward the size.
	doc, err := Parse("{ \"Version\" :\t\"2012-10-17\",\r\n \"Id\": \"a b\" }")
	require.NoError(t, err)
	require.Equal(t, len(`{"Version":"2012-10-17","Id":"ab"}`), doc.Size)
	require.Equal(t, 3, NonWhitespaceSize("é\u00a0ü x"), "characters, not bytes; NBSP is white space")
}

func TestStringsHelper(t *testing.T) {
	doc, err := Parse(`{"a":"x","b":["y","z"],"c":["y",1],"d":1}`)
	require.NoError(t, err)
	r := doc.Root
	s, ok := stringList(r.Get("a"))
	require.True(t, ok)
	require.Len(t, s, 1)
	s, ok = stringList(r.Get("b"))
	require.True(t, ok)
	require.Len(t, s, 2)
	_, ok = stringList(r.Get("c"))
	require.False(t, ok)
	_, ok = stringList(r.Get("d"))
	require.False(t, ok)
	_, ok = stringList(r.Get("missing"))
	require.False(t, ok)
}
