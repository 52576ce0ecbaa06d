package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// logOf is a world whose log holds events with these principals and
// decisions, in the demo account unless the principal is of another.
func logOf(firstSeq int, evs ...Event) World {
	w := World{}
	for i, e := range evs {
		e.Seq = firstSeq + i
		e.Time = time.Date(2026, 12, 2, 1, 0, i, 0, time.UTC)
		w.Events = append(w.Events, e)
	}
	return w
}

const (
	tRoot  = "arn:aws:iam::123456789012:root"
	tLuna  = "arn:aws:iam::123456789012:user/Luna"
	tOther = "arn:aws:iam::210987654321:root"
)

func TestLookupEvents(t *testing.T) {
	w := logOf(1,
		Event{AccountID: DemoAccountID, Principal: tRoot, Action: "iam:CreateUser", Decision: Allowed},
		Event{AccountID: DemoAccountID, Principal: tLuna, Action: "iam:ListUsers", Decision: ExplicitlyDenied, ErrorCode: "AccessDenied"},
		// A failed sign-in, made signed out, on one of the account's users.
		Event{Principal: Anonymous, Action: ConsoleLoginAction, Resource: tLuna, Decision: Allowed, ErrorCode: "AuthenticationFailed"},
		Event{AccountID: "210987654321", Principal: tOther, Action: "iam:ListUsers", Decision: Allowed},
		Event{AccountID: DemoAccountID, Principal: tLuna, Action: "iam:ListUsers", Decision: ImplicitlyDenied, ErrorCode: "AccessDenied"},
		// Signed out, on nothing of any account (a sign-up).
		Event{Principal: Anonymous, Action: "signup:CreateAccount", Resource: "*", Decision: Allowed},
	)
	seqs := func(p EventPage) []int {
		var out []int
		for _, e := range p.Events {
			out = append(out, e.Seq)
		}
		return out
	}
	for _, tc := range []struct {
		name        string
		f           EventFilter
		page, size  int
		want        []int
		total, pgs  int
		wantPageIdx int
	}{
		{"the account's events, newest first", EventFilter{AccountID: DemoAccountID}, 0, 10, []int{5, 3, 2, 1}, 4, 1, 0},
		{"another account sees only its own", EventFilter{AccountID: "210987654321"}, 0, 10, []int{4}, 1, 1, 0},
		{"no account, nothing", EventFilter{}, 0, 10, nil, 0, 1, 0},
		{"by principal", EventFilter{AccountID: DemoAccountID, Principal: tLuna}, 0, 10, []int{5, 2}, 2, 1, 0},
		{"denied", EventFilter{AccountID: DemoAccountID, Decisions: []Decision{ImplicitlyDenied, ExplicitlyDenied}}, 0, 10, []int{5, 2}, 2, 1, 0},
		{"explicit only", EventFilter{AccountID: DemoAccountID, Decisions: []Decision{ExplicitlyDenied}}, 0, 10, []int{2}, 1, 1, 0},
		{"first page of two", EventFilter{AccountID: DemoAccountID}, 0, 3, []int{5, 3, 2}, 4, 2, 0},
		{"second page", EventFilter{AccountID: DemoAccountID}, 1, 3, []int{1}, 4, 2, 1},
		{"a page past the end is the last", EventFilter{AccountID: DemoAccountID}, 7, 3, []int{1}, 4, 2, 1},
		{"a negative page is the first", EventFilter{AccountID: DemoAccountID}, -1, 3, []int{5, 3, 2}, 4, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := w.LookupEvents(tc.f, tc.page, tc.size)
			require.Equal(t, tc.want, seqs(p))
			require.Equal(t, tc.total, p.Total)
			require.Equal(t, tc.pgs, p.Pages)
			require.Equal(t, tc.wantPageIdx, p.Page)
			require.False(t, p.Trimmed)
		})
	}
	require.Equal(t, []string{Anonymous, tRoot, tLuna}, w.EventPrincipals(DemoAccountID))
}

func TestLookupEventsSaysWhenOlderEventsWereTrimmed(t *testing.T) {
	w := logOf(41, Event{AccountID: DemoAccountID, Principal: tLuna, Action: "iam:ListUsers", Decision: Allowed},
		Event{AccountID: DemoAccountID, Principal: tLuna, Action: "iam:GetUser", Decision: Allowed})
	p := w.LookupEvents(EventFilter{AccountID: DemoAccountID, Principal: tRoot}, 0, 50)
	require.True(t, p.Trimmed)
	require.Equal(t, 41, p.Since.Seq)
	require.Empty(t, p.Events)
	require.Equal(t, 1, p.Pages)
	require.False(t, World{}.LookupEvents(EventFilter{AccountID: DemoAccountID}, 0, 50).Trimmed)
}

func TestPrincipalNameAndEventSource(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{tRoot, "root"}, {tLuna, "Luna"}, {"arn:aws:iam::123456789012:user/team/a/Bo", "Bo"}, {Anonymous, Anonymous},
	} {
		require.Equal(t, tc.want, PrincipalName(tc.in), tc.in)
	}
	src, name := EventSource("iam:ListUsers")
	require.Equal(t, "iam.amazonaws.com", src)
	require.Equal(t, "ListUsers", name)
	src, name = EventSource("odd")
	require.Equal(t, "", src)
	require.Equal(t, "odd", name)
}
