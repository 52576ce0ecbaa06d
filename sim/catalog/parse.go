package catalog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ParseActions decompresses and parses an action catalog data file
// (actiondata/actions.dat, format in format.go) into an Actions whose
// lookups are case-insensitive. The global aws: condition keys of
// GlobalConditionKeys are added to the file's service keys.
func ParseActions(data []byte) (Actions, error) {
	text, err := DecompressActions(data)
	if err != nil {
		return nil, err
	}
	return ParseActionText(text)
}

// ParseActionText parses catalog text that is already decompressed. The
// browser can inflate actions.dat with its own DecompressionStream
// ("deflate-raw"), which is much faster than Go's inflater in WebAssembly,
// and pass the text here.
func ParseActionText(text []byte) (Actions, error) {
	if len(text) > maxActionText {
		return nil, fmt.Errorf("action catalog: larger than %d bytes", maxActionText)
	}
	return parseActionText(string(text))
}

// parseActionText parses the plain catalog text.
func parseActionText(text string) (*actionCatalog, error) {
	p := &parser{text: text}
	if err := p.header(); err != nil {
		return nil, err
	}
	c := &actionCatalog{source: p.source, version: p.version}
	if err := p.services(c); err != nil {
		return nil, err
	}
	c.index()
	return c, nil
}

// parser walks the catalog text line by line. Every name it returns is a
// substring of text, so parsing allocates only the slices.
type parser struct {
	text            string
	pos, line       int
	source, version string
	counts          [4]int // services, actions, resources, keys
}

// next returns the offsets of the next line without its newline, or ok =
// false at the end of the text.
func (p *parser) next() (start, end int, ok bool) {
	if p.pos >= len(p.text) {
		return 0, 0, false
	}
	start = p.pos
	i := strings.IndexByte(p.text[start:], '\n')
	if i < 0 {
		end = len(p.text)
		p.pos = end
	} else {
		end = start + i
		p.pos = end + 1
	}
	p.line++
	return start, end, true
}

// errorf reports a problem at the current line.
func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("action catalog line %d: %s", p.line, fmt.Sprintf(format, args...))
}

// header reads the magic line and the metadata up to the first service.
func (p *parser) header() error {
	s, e, ok := p.next()
	if !ok || p.text[s:e] != dataMagic {
		return errors.New("action catalog: not a labsim-actions 1 file")
	}
	for p.pos < len(p.text) && p.text[p.pos] != '@' {
		s, e, _ = p.next()
		fields := strings.Split(p.text[s:e], "\t")
		switch fields[0] {
		case metaSource:
			if len(fields) != 3 {
				return p.errorf("source needs a name and a version")
			}
			p.source, p.version = fields[1], fields[2]
		case metaCounts:
			if len(fields) != 5 {
				return p.errorf("counts needs four numbers")
			}
			for i := range p.counts {
				n, err := strconv.Atoi(fields[i+1])
				// Every record takes at least two bytes, so a larger count
				// is a corrupt (or hostile) file asking for a huge slice.
				if err != nil || n < 0 || n > len(p.text)/2 {
					return p.errorf("bad count %q", fields[i+1])
				}
				p.counts[i] = n
			}
		}
	}
	return nil
}

// services reads every service block into c.
func (p *parser) services(c *actionCatalog) error {
	c.services = make([]Service, 0, p.counts[0])
	actions := make([]Action, 0, p.counts[1])
	resources := make([]ResourceType, 0, p.counts[2])
	keys := make([]ConditionKey, 0, p.counts[3])
	for {
		s, e, ok := p.next()
		if !ok {
			break
		}
		if p.text[s] != '@' {
			return p.errorf("expected a service line")
		}
		svc, n, err := p.serviceLine(s, e)
		if err != nil {
			return err
		}
		if k := len(c.services); k > 0 && foldCompare(c.services[k-1].Prefix, svc.Prefix) >= 0 {
			return p.errorf("service %q out of order", svc.Prefix)
		}
		a0, r0, k0 := len(actions), len(resources), len(keys)
		for i := 0; i < n[0]; i++ {
			a, err := p.actionLine()
			if err != nil {
				return err
			}
			// The lookups binary-search on the lower-case names, so they
			// must be strictly ascending.
			if i > 0 && foldCompare(actions[len(actions)-1].Name, a.Name) >= 0 {
				return p.errorf("action %s:%s out of order or repeated", svc.Prefix, a.Name)
			}
			actions = append(actions, a)
		}
		for i := 0; i < n[1]; i++ {
			name, value, err := p.pairLine('=')
			if err != nil {
				return err
			}
			resources = append(resources, ResourceType{Name: name, ARN: value})
		}
		for i := 0; i < n[2]; i++ {
			name, value, err := p.pairLine('?')
			if err != nil {
				return err
			}
			keys = append(keys, ConditionKey{Name: name, Type: value})
		}
		svc.Actions = tail(actions, a0)
		svc.ResourceTypes = tail(resources, r0)
		svc.ConditionKeys = tail(keys, k0)
		c.services = append(c.services, svc)
	}
	return nil
}

// serviceLine parses "@prefix<TAB>actions<TAB>resources<TAB>keys<TAB>Name".
func (p *parser) serviceLine(s, e int) (Service, [3]int, error) {
	var n [3]int
	f := splitTabs(p.text[s+1:e], 5)
	if len(f) != 5 || f[0] == "" || f[4] == "" {
		return Service{}, n, p.errorf("bad service line")
	}
	for i := range n {
		v, err := strconv.Atoi(f[i+1])
		if err != nil || v < 0 || v > maxActionText {
			return Service{}, n, p.errorf("bad count %q", f[i+1])
		}
		n[i] = v
	}
	return Service{Prefix: f[0], Name: f[4]}, n, nil
}

// actionLine parses "Name<TAB>L".
func (p *parser) actionLine() (Action, error) {
	s, e, ok := p.next()
	if !ok {
		return Action{}, p.errorf("missing action line")
	}
	if e-s < 3 || p.text[e-2] != '\t' {
		return Action{}, p.errorf("bad action line")
	}
	c := p.text[s]
	if c == '@' || c == '=' || c == '?' {
		return Action{}, p.errorf("fewer actions than counted")
	}
	level, ok := levelFromLetter(p.text[e-1])
	if !ok {
		return Action{}, p.errorf("unknown access level %q", p.text[e-1:e])
	}
	return Action{Name: p.text[s : e-2], Level: level}, nil
}

// pairLine parses "<marker>name<TAB>value".
func (p *parser) pairLine(marker byte) (string, string, error) {
	s, e, ok := p.next()
	if !ok || p.text[s] != marker {
		return "", "", p.errorf("expected a %q line", marker)
	}
	line := p.text[s+1 : e]
	i := strings.IndexByte(line, '\t')
	if i <= 0 || i == len(line)-1 {
		return "", "", p.errorf("bad %q line", marker)
	}
	return line[:i], line[i+1:], nil
}

// tail returns s[from:] with no spare capacity, or nil when it is empty.
func tail[T any](s []T, from int) []T {
	if from == len(s) {
		return nil
	}
	return s[from:len(s):len(s)]
}

// splitTabs splits s at its first n-1 tabs without allocating more than
// the result.
func splitTabs(s string, n int) []string {
	return strings.SplitN(s, "\t", n)
}
