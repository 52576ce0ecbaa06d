package policy

// Pos locates a point in a policy text: Line and Column are 1-based and
// counted in characters (runes); Offset is the 0-based byte offset.
type Pos struct {
	Line   int
	Column int
	Offset int
}

// Span is the half-open range [Start, End) of text an element occupies.
type Span struct {
	Start Pos
	End   Pos
}

// Kind is the JSON type of a Value.
type Kind uint8

// The JSON kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// Value is a parsed JSON value with its position. Object members keep their
// order and duplicates, so that validation can report duplicate keys that
// encoding/json would silently drop.
type Value struct {
	Kind Kind
	// Text is the decoded string for String, the literal text for Number,
	// and "true" or "false" for Bool.
	Text    string
	Items   []*Value // Array elements
	Members []Member // Object members, in document order
	Span    Span
}

// Member is one key of a JSON object with its value.
type Member struct {
	Key     string
	KeySpan Span
	Value   *Value
}

// Get returns the value of the first member whose key equals key exactly,
// or nil.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i := range v.Members {
		if v.Members[i].Key == key {
			return v.Members[i].Value
		}
	}
	return nil
}

// Document is a policy document as written: the JSON tree and the policy
// elements found in it. Elements that are absent are nil. A Document is
// produced by Parse even for policies IAM would reject, as long as the text
// is JSON; validation reports what is wrong with it.
type Document struct {
	Root      *Value
	Version   *Value
	ID        *Value
	Statement *Value // the Statement element: an object or an array
	// Statements holds each statement object in order (one when Statement
	// is an object). Non-object entries are skipped here; validation
	// reports them.
	Statements []*Statement
	// Size is the number of characters that are not white space, the way
	// IAM counts policy size against its quotas.
	Size int
	// src is the text Parse read. iamChars is set by Parse when every
	// character of src is in IAM's PolicyDocument character set, which
	// the parser finds out as it reads; CheckIAM then need not look again.
	src      string
	iamChars bool
}

// Statement is one statement object with its elements.
type Statement struct {
	Index        int // position in the Statement array, 0-based
	Node         *Value
	Sid          *Value
	Effect       *Value
	Principal    *Value
	NotPrincipal *Value
	Action       *Value // string or array of strings
	NotAction    *Value
	Resource     *Value
	NotResource  *Value
	Condition    *Value // object: operator → object: key → string or array
}
