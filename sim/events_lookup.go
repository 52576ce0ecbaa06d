package sim

import (
	"slices"
	"strings"
)

// LookupEventsAction is the IAM action that reading an account's event
// history needs (CloudTrail's Event history calls it).
const LookupEventsAction = "cloudtrail:LookupEvents"

// EventFilter selects events of one account's history, as CloudTrail's
// lookup attributes do.
type EventFilter struct {
	// AccountID is the account whose events are read (required).
	AccountID string
	// Principal, when set, keeps the events of that principal (its ARN,
	// or Anonymous).
	Principal string
	// Decisions, when set, keeps the events with one of these decisions.
	Decisions []Decision
}

// EventPage is one page of an account's event history, newest first.
type EventPage struct {
	// Events are the page's events, newest first.
	Events []Event
	// Total is the number of events the filter keeps; Page (from 0) and
	// Pages say where this page is (Pages is at least 1).
	Total, Page, Pages int
	// Trimmed reports that the log no longer holds its oldest events (it
	// keeps a bounded part of the history); Since is then the time of the
	// oldest event it still holds.
	Trimmed bool
	Since   Event
}

// eventLog is the log as the world keeps it now, oldest first. Every read
// of the history goes through here: the log may be bounded, so it need not
// start at the account's first event.
func (w World) eventLog() []Event { return w.Events }

// EventOfAccount reports whether an event belongs to an account's
// history: made in the account, or (a failed sign-in, made signed out)
// on one of its resources.
func EventOfAccount(e Event, accountID string) bool {
	if e.AccountID != "" {
		return e.AccountID == accountID
	}
	return accountID != "" && accountOfARN(e.Resource) == accountID
}

// LookupEvents returns a page of size events (size > 0) of an account's
// history that the filter keeps, newest first; a page past the end is
// the last one. It reads; the console authorises the read
// (LookupEventsAction) through the door before showing it.
func (w World) LookupEvents(f EventFilter, page, size int) EventPage {
	log := w.eventLog()
	out := EventPage{Pages: 1}
	if len(log) > 0 && log[0].Seq > 1 {
		out.Trimmed, out.Since = true, log[0]
	}
	var kept []int
	for i := len(log) - 1; i >= 0; i-- {
		e := log[i]
		if !EventOfAccount(e, f.AccountID) || f.Principal != "" && e.Principal != f.Principal ||
			len(f.Decisions) > 0 && !slices.Contains(f.Decisions, e.Decision) {
			continue
		}
		kept = append(kept, i)
	}
	size = max(size, 1)
	out.Total = len(kept)
	out.Pages = max(1, (len(kept)+size-1)/size)
	out.Page = min(max(page, 0), out.Pages-1)
	first := out.Page * size
	for _, i := range kept[first:min(first+size, len(kept))] {
		out.Events = append(out.Events, log[i])
	}
	return out
}

// EventPrincipals lists the principals that appear in an account's
// history, sorted, for a filter's choices.
func (w World) EventPrincipals(accountID string) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range w.eventLog() {
		if EventOfAccount(e, accountID) && !seen[e.Principal] {
			seen[e.Principal] = true
			out = append(out, e.Principal)
		}
	}
	slices.Sort(out)
	return out
}

// PrincipalName is the user name CloudTrail shows for a principal: "root"
// for an account's root user, the user's name for an IAM user, the ARN's
// last part otherwise.
func PrincipalName(principal string) string {
	if strings.HasSuffix(principal, ":root") {
		return "root"
	}
	if i := strings.LastIndexAny(principal, "/:"); i >= 0 {
		return principal[i+1:]
	}
	return principal
}

// EventSource splits an event's action into CloudTrail's event source and
// event name: "iam:ListUsers" is ListUsers from iam.amazonaws.com.
func EventSource(action string) (source, name string) {
	svc, n, ok := strings.Cut(action, ":")
	if !ok {
		return "", action
	}
	return svc + ".amazonaws.com", n
}
