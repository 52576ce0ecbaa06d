package policy

import "strings"

// policyVariable is one ${...} reference read from a policy text.
type policyVariable struct {
	key    string // the context key, as written
	def    string // the default value, when hasDef
	hasDef bool
	// literal is "*", "?" or "$" for ${*}, ${?} and ${$}; the reference
	// then stands for that character and key is empty.
	literal string
}

// parseVariable reads a policy variable at the start of s, which begins
// with "${". It returns the variable, the number of bytes it spans and
// whether s starts with a well-formed variable. Forms:
//
//	${key}            the value of context key "key"
//	${key, 'text'}    the same, or text when the key is missing
//	${*} ${?} ${$}    a literal '*', '?' or '$'
//
// A key is a run of characters other than white space and { } $ , '.
// Anything else (no closing brace, an empty key, a default without
// quotes) is not a variable, and the caller keeps the text literally.
func parseVariable(s string) (policyVariable, int, bool) {
	if !strings.HasPrefix(s, "${") {
		return policyVariable{}, 0, false
	}
	if len(s) >= 4 && s[3] == '}' {
		switch s[2] {
		case '*', '?', '$':
			return policyVariable{literal: s[2:3]}, 4, true
		}
	}
	i := 2
	for i < len(s) && isVariableKeyByte(s[i]) {
		i++
	}
	v := policyVariable{key: s[2:i]}
	if v.key == "" {
		return policyVariable{}, 0, false
	}
	i = skipBlanks(s, i)
	if i < len(s) && s[i] == ',' {
		i = skipBlanks(s, i+1)
		if i >= len(s) || s[i] != '\'' {
			return policyVariable{}, 0, false
		}
		end := strings.IndexByte(s[i+1:], '\'')
		if end < 0 {
			return policyVariable{}, 0, false
		}
		v.def, v.hasDef = s[i+1:i+1+end], true
		i = skipBlanks(s, i+2+end)
	}
	if i >= len(s) || s[i] != '}' {
		return policyVariable{}, 0, false
	}
	return v, i + 1, true
}

func isVariableKeyByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '{', '}', '$', ',', '\'':
		return false
	}
	return true
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// resolveVariable returns the value a variable element stands for in a
// request: the single value of its context key, else its default. A key
// that is missing, or that holds no value or several values, without a
// default, resolves to nothing (ok is false).
func resolveVariable(ctx map[string][]string, e *globElem) (string, bool) {
	if vals, ok := contextLookup(ctx, e.text); ok && len(vals) == 1 {
		return vals[0], true
	}
	if e.hasDef {
		return e.def, true
	}
	return "", false
}

// contextLookup finds a context key, ignoring ASCII case. The key spelled
// exactly as asked wins; otherwise, among keys that differ only in case,
// the lexically smallest one is taken, so that the result never depends on
// map iteration order. A key with an empty list of values is returned as
// found (callers treat it as absent).
func contextLookup(ctx map[string][]string, key string) ([]string, bool) {
	if v, ok := ctx[key]; ok {
		return v, true
	}
	var best string
	var bestVals []string
	found := false
	for k, v := range ctx {
		if asciiEqualFold(k, key) && (!found || k < best) {
			best, bestVals, found = k, v, true
		}
	}
	return bestVals, found
}
