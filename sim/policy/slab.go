package policy

// slab hands out small slices of T carved from larger allocations, so that
// building a tree of many small parts (a parsed document, a compiled
// policy) allocates a few times instead of once per part. Allocations are
// costly in WebAssembly, where the browser build runs on every keystroke.
//
// Every slice it returns has its capacity equal to its length, so that an
// append to it can never write into a neighbour. The parts share the
// memory of their slab: it is freed when none of them is referenced.
type slab[T any] struct {
	free []T
	next int // length of the next allocation
}

// slabMin and slabMax bound the length of one allocation of a slab: the
// first is slabMin long and each next one twice as long, up to slabMax.
const (
	slabMin = 8
	slabMax = 1024
)

// take returns n zero values of T (nil when n is 0).
func (s *slab[T]) take(n int) []T {
	if n <= 0 {
		return nil
	}
	if len(s.free) < n {
		size := max(s.next, slabMin)
		s.next = min(2*size, slabMax)
		s.free = make([]T, max(n, size))
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// one returns a pointer to a new zero T.
func (s *slab[T]) one() *T { return &s.take(1)[0] }

// hint sets the length of the next allocation, for a caller that knows
// roughly how much it will take.
func (s *slab[T]) hint(n int) { s.next = min(max(n, slabMin), slabMax) }

// copyOf returns a copy of src carved from the slab (nil when src is
// empty).
func (s *slab[T]) copyOf(src []T) []T {
	out := s.take(len(src))
	copy(out, src)
	return out
}
