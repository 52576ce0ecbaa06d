package sim

import "sort"

// MaxEvents is how many of the newest events the log keeps when no lab
// attempt pins older ones (Env.KeepEventsFrom). Lab checks never need a
// trimmed event: an attempt pins every event since it began. What is left
// is for people reading the log, such as the root user looking for the
// denials an IAM user just met: the newest 150 events are three of
// CloudTrail's 50-event pages of Event history, about the last hundred
// pages a signed-in user opened (each IAM page logs one read). The bound
// also keeps the page steady over a long session: every change saves the
// whole world, and every event copies the log, so an unbounded log grew
// the saved work by about 230 bytes and the page's memory with every page
// opened (make soak: 14-18% WebAssembly memory growth between navigations
// 500 and 1,000; with 150 the log is full by navigation 400 and the growth
// is 0%).
const MaxEvents = 150

// withEvent returns w with ev appended as the newest event, numbered one
// after the newest (sequence numbers are consecutive from 1 and never
// reused), and the oldest events removed while there are more than
// MaxEvents, except those numbered keepFrom or later (keepFrom > 0).
// The events slice is new: w's is never written.
func (w World) withEvent(ev Event, keepFrom int) World {
	n := len(w.Events)
	ev.Seq = 1
	if n > 0 {
		ev.Seq = w.Events[n-1].Seq + 1
	}
	drop := max(0, n+1-MaxEvents)
	if keepFrom > 0 {
		// Events are in sequence order: those before keepFrom may go.
		drop = min(drop, sort.Search(n, func(i int) bool { return w.Events[i].Seq >= keepFrom }))
	}
	events := make([]Event, n-drop, n-drop+1)
	copy(events, w.Events[drop:])
	w.Events = append(events, ev)
	return w
}

// EventsTrimmed returns how many of the oldest events were removed from the
// log to keep it within MaxEvents, so that a page listing the log can say
// that older events were removed. Sequence numbers are consecutive from 1
// and only the oldest events are ever removed, so it is the oldest kept
// event's number less one (0 for an empty log).
func (w World) EventsTrimmed() int {
	if len(w.Events) == 0 {
		return 0
	}
	return max(0, w.Events[0].Seq-1)
}
