package policy

import "strings"

// Policy variable syntax as the validator sees it: ${name} or
// ${name, 'default'}; ${*}, ${?} and ${$} stand for the literal characters.

// hasPolicyVar reports whether s holds "${".
func hasPolicyVar(s string) bool { return indexPolicyVar(s) >= 0 }

// indexPolicyVar is strings.Index(s, "${"), quicker where strings.Index
// has no assembly help (WebAssembly).
func indexPolicyVar(s string) int {
	for at := 0; ; {
		i := strings.IndexByte(s[at:], '$')
		if i < 0 || at+i+1 >= len(s) {
			return -1
		}
		if at += i; s[at+1] == '{' {
			return at
		}
		at++
	}
}

// policyVarIssue returns the issue code of the first malformed variable in
// s, or "".
func policyVarIssue(s string) string {
	for {
		i := indexPolicyVar(s)
		if i < 0 {
			return ""
		}
		rest := s[i+2:]
		j := strings.IndexByte(rest, '}')
		if j < 0 {
			return CodeMissingBraceInVariable
		}
		inner := rest[:j]
		s = rest[j+1:]
		if strings.TrimSpace(inner) == "" {
			return CodeEmptyVariable
		}
		name, def, hasDef := strings.Cut(inner, ",")
		if strings.ContainsAny(strings.TrimSpace(name), " \t") {
			return CodeUnsupportedSpaceInVariable
		}
		if hasDef {
			d := strings.TrimSpace(def)
			if len(d) < 2 || d[0] != '\'' || d[len(d)-1] != '\'' {
				return CodeMissingQuoteInVariable
			}
		}
	}
}

// firstPolicyVar returns the first "${…}" of s (to the end of s when the
// brace is missing).
func firstPolicyVar(s string) string {
	i := indexPolicyVar(s)
	if i < 0 {
		return ""
	}
	if j := strings.IndexByte(s[i:], '}'); j >= 0 {
		return s[i : i+j+1]
	}
	return s[i:]
}

// forEachLiteral calls f with each stretch of s outside ${…} variables.
func forEachLiteral(s string, f func(string) bool) bool {
	for {
		i := indexPolicyVar(s)
		if i < 0 {
			return f(s)
		}
		if !f(s[:i]) {
			return false
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return true
		}
		s = s[i+j+1:]
	}
}

// wildcardOutsideVars reports whether s has '*' or '?' outside variables
// (so that ${*} and ${?} do not count).
func wildcardOutsideVars(s string) bool {
	found := false
	forEachLiteral(s, func(lit string) bool {
		if hasWildcard(lit) {
			found = true
			return false
		}
		return true
	})
	return found
}
