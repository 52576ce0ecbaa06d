package policy

import (
	"sort"
	"strings"
)

// FindingType is the impact of a finding, as Access Analyzer names it.
type FindingType string

// The finding types of Access Analyzer's ValidatePolicy.
const (
	FindingError           FindingType = "ERROR"
	FindingSecurityWarning FindingType = "SECURITY_WARNING"
	FindingWarning         FindingType = "WARNING"
	FindingSuggestion      FindingType = "SUGGESTION"
)

// Languages of finding messages.
const (
	LangEnglish = "en"
	LangKorean  = "ko"
)

// Finding is one Access Analyzer-style policy check result: its type, the
// issue code, the parameters its message needs, and the span of the
// element it is about.
type Finding struct {
	Type   FindingType
	Code   string
	Params map[string]string
	Span   Span
}

// Title returns the check's title in the language ("en" or "ko"; anything
// else is English), e.g. "Missing version".
func (f Finding) Title(lang string) string {
	m, ok := findingMessages[f.Code]
	if !ok {
		return f.Code
	}
	if lang == LangKorean {
		return m.titleKO
	}
	return m.titleEN
}

// Details returns the finding's details with its parameters filled in, as
// Access Analyzer's findingDetails.
func (f Finding) Details(lang string) string {
	m, ok := findingMessages[f.Code]
	if !ok {
		return f.Code
	}
	t := m.detailsEN
	if lang == LangKorean {
		t = m.detailsKO
	}
	return renderTemplate(t, f.Params)
}

// Message returns the console's "<Title>: <details>" text.
func (f Finding) Message(lang string) string {
	return f.Title(lang) + ": " + f.Details(lang)
}

// LearnMoreURL returns the IAM User Guide anchor that explains the check,
// or "" for the simulator's own checks.
func (f Finding) LearnMoreURL() string {
	m, ok := findingMessages[f.Code]
	if !ok || m.own {
		return ""
	}
	kind := map[FindingType]string{
		FindingError:           "error",
		FindingSecurityWarning: "security-warning",
		FindingWarning:         "general-warning",
		FindingSuggestion:      "suggestion",
	}[m.typ]
	slug := strings.ToLower(strings.ReplaceAll(m.titleEN, " ", "-"))
	return "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-" + kind + "-" + slug
}

// FindingCodes returns every issue code Validate can report, sorted.
func FindingCodes() []string {
	out := make([]string, 0, len(findingMessages))
	for c := range findingMessages {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// FindingTypeOf returns the type of an issue code ("" if unknown).
func FindingTypeOf(code string) FindingType {
	return findingMessages[code].typ
}

// renderTemplate fills {name} placeholders from params. A segment between
// "[[" and "]]" is kept only when every placeholder in it has a non-empty
// value.
func renderTemplate(t string, params map[string]string) string {
	var b strings.Builder
	b.Grow(len(t) + 32)
	for {
		i := strings.Index(t, "[[")
		if i < 0 {
			fillPlaceholders(&b, t, params)
			return b.String()
		}
		fillPlaceholders(&b, t[:i], params)
		rest := t[i+2:]
		j := strings.Index(rest, "]]")
		if j < 0 {
			fillPlaceholders(&b, rest, params)
			return b.String()
		}
		seg := rest[:j]
		if placeholdersFilled(seg, params) {
			fillPlaceholders(&b, seg, params)
		}
		t = rest[j+2:]
	}
}

func fillPlaceholders(b *strings.Builder, t string, params map[string]string) {
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return
		}
		name := t[i+1 : i+j]
		if !isPlaceholderName(name) {
			b.WriteString(t[:i+1])
			t = t[i+1:]
			continue
		}
		b.WriteString(t[:i])
		b.WriteString(params[name])
		t = t[i+j+1:]
	}
}

func placeholdersFilled(t string, params map[string]string) bool {
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			return true
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return true
		}
		if name := t[i+1 : i+j]; isPlaceholderName(name) && params[name] == "" {
			return false
		}
		t = t[i+j+1:]
	}
}

func isPlaceholderName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
