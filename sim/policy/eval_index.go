package policy

import "slices"

// stmtLists holds indexes into Compiled.stmts, in statement order.
type stmtLists struct {
	deny, allow []int32
}

// serviceIndex finds, for the service prefix of a request's action, the
// statements of one policy that can match it: those naming that service
// in Action, plus those that can match any service (NotAction, "*", a
// wildcard in the service part). It is a small open-addressing table
// keyed by a hash computed once per request, so that a user with many
// policies pays one probe per policy instead of one test per statement.
type serviceIndex struct {
	slots []serviceSlot // length a power of two, or empty
	rest  stmtLists     // for services not in the table
}

type serviceSlot struct {
	used  bool
	hash  uint64
	svc   string
	lists stmtLists
}

// serviceHash is FNV-1a over a service prefix with ASCII letters
// lower-cased, so that "IAM" and "iam" hash alike.
func serviceHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// buildServiceIndex indexes the statements of a policy.
func buildServiceIndex(stmts []compiledStatement) serviceIndex {
	var services []string
	var seen map[string]bool // once there are many services
	anyService := func(st *compiledStatement) bool {
		return st.notAction || st.actions.any || len(st.actions.others) > 0
	}
	for i := range stmts {
		if anyService(&stmts[i]) {
			continue
		}
		for _, g := range stmts[i].actions.groups {
			switch {
			case seen != nil && seen[g.svc]:
			case seen == nil && slices.Contains(services, g.svc):
			default:
				services = append(services, g.svc)
				if seen != nil {
					seen[g.svc] = true
				} else if len(services) > 32 {
					seen = make(map[string]bool, 2*len(services))
					for _, s := range services {
						seen[s] = true
					}
				}
			}
		}
	}
	add := func(l *stmtLists, i int) {
		if stmts[i].deny {
			l.deny = append(l.deny, int32(i))
		} else {
			l.allow = append(l.allow, int32(i))
		}
	}
	var idx serviceIndex
	for i := range stmts {
		if anyService(&stmts[i]) {
			add(&idx.rest, i)
		}
	}
	if len(services) == 0 {
		return idx
	}
	size := 1
	for size < 2*len(services) {
		size *= 2
	}
	idx.slots = make([]serviceSlot, size)
	mask := uint64(size - 1)
	for _, svc := range services {
		var l stmtLists
		for i := range stmts {
			st := &stmts[i]
			if anyService(st) {
				add(&l, i)
				continue
			}
			for _, g := range st.actions.groups {
				if g.svc == svc {
					add(&l, i)
					break
				}
			}
		}
		h := serviceHash(svc)
		j := h & mask
		for idx.slots[j].used {
			j = (j + 1) & mask
		}
		idx.slots[j] = serviceSlot{used: true, hash: h, svc: svc, lists: l}
	}
	return idx
}

// lookup returns the statements to test for a service prefix (any case)
// whose serviceHash is h.
func (x *serviceIndex) lookup(svc string, h uint64) *stmtLists {
	if len(x.slots) == 0 {
		return &x.rest
	}
	mask := uint64(len(x.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := &x.slots[j]
		if !s.used {
			return &x.rest
		}
		if s.hash == h && asciiEqualFold(s.svc, svc) {
			return &s.lists
		}
	}
}
