package sim

import (
	"fmt"
	"time"

	"labsim/sim/awserr"
)

// Op is one operation on the world, named and authorised like an AWS API
// action.
type Op interface {
	// Action is the IAM action the operation needs, e.g. "iam:CreateUser".
	Action() string
	// Resource is the ARN the action is authorised against, or "*".
	Resource(w World, s Session) string
	// Apply changes w, which is a private copy: an error discards it.
	Apply(w *World, s Session, env Env) error
}

// Unauthenticated marks operations that anyone may call while signed out,
// such as creating an account or signing in; they are still logged.
type Unauthenticated interface {
	Unauthenticated()
}

// Decision is the outcome of authorisation as the event log records it.
type Decision string

// The decisions an event can record.
const (
	Allowed          Decision = "Allowed"
	ImplicitlyDenied Decision = "ImplicitlyDenied"
	ExplicitlyDenied Decision = "ExplicitlyDenied"
)

// Event is one entry of the world's log: who tried what, on which resource,
// whether it was allowed, whether it succeeded, when, and from where.
type Event struct {
	Seq       int       `json:"seq"`
	Time      time.Time `json:"time"`
	AccountID string    `json:"accountId,omitempty"`
	Principal string    `json:"principal"`
	Action    string    `json:"action"`
	Resource  string    `json:"resource"`
	Decision  Decision  `json:"decision"`
	// ErrorCode is set when the operation was allowed but failed, or was
	// denied (AccessDenied).
	ErrorCode string `json:"errorCode,omitempty"`
	SourceIP  string `json:"sourceIp"`
	// Detail holds operation-specific facts worth checking later, e.g.
	// "mfa": "true" for a sign-in with MFA. Never secrets.
	Detail map[string]string `json:"detail,omitempty"`
}

// Detailer is implemented by operations that add facts to their event.
type Detailer interface {
	Detail(w World) map[string]string
}

// Do is the one door through which the world changes. It authorises op for
// the session's principal (the root user is always allowed), applies it to
// a copy of w, and returns the copy with an event appended. When the
// operation is denied or fails, it returns w unchanged except for the
// appended event, together with the error.
func (w World) Do(s Session, op Op, env Env) (World, error) {
	action := op.Action()
	resource := op.Resource(w, s)
	ev := Event{
		Time:      env.Now.UTC(),
		AccountID: s.AccountID,
		Principal: s.Who(),
		Action:    action,
		Resource:  resource,
		SourceIP:  w.SourceIP,
	}
	decision, action, resource := w.authorize(s, op, action, resource, env)
	ev.Decision = decision
	if decision != Allowed {
		// A denied step of a compound operation is logged as that call.
		ev.Action, ev.Resource = action, resource
		err := awserr.New(awserr.AccessDenied,
			"principal", s.Who(), "action", action, "resource", resource, "decision", string(decision),
			"policyType", "identity-based")
		ev.ErrorCode = awserr.AccessDenied
		return w.withEvent(ev, env.KeepEventsFrom), err
	}
	next := w.Clone()
	if err := applySafely(op, &next, s, env); err != nil {
		ev.ErrorCode = awserr.Code(err)
		if ev.ErrorCode == "" {
			ev.ErrorCode = awserr.Internal
		}
		return w.withEvent(ev, env.KeepEventsFrom), err
	}
	if d, ok := op.(Detailer); ok {
		ev.Detail = d.Detail(next)
	}
	if ev.AccountID == "" {
		ev.AccountID = accountOfARN(resource)
	}
	return next.withEvent(ev, env.KeepEventsFrom), nil
}

// applySafely turns a panic inside an operation into an error, so that a
// bug in one operation can never leave a half-changed world behind.
func applySafely(op Op, w *World, s Session, env Env) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s panicked: %v: %w", op.Action(), r, awserr.New(awserr.Internal))
		}
	}()
	return op.Apply(w, s, env)
}

// Step is one API call of a compound operation: its IAM action and the
// resource it is authorised against.
type Step struct {
	Action   string
	Resource string
}

// MultiStep is implemented by console operations that AWS's console
// performs as several API calls (create a user with a password, groups and
// policies; delete a user with everything it has). Every step is
// authorised before anything changes; the first denied step denies the
// whole operation and is what the event and the error name.
type MultiStep interface {
	Steps(w World, s Session) []Step
}

// authorize decides whether the session's principal may perform the
// operation: signed-out callers may only call unauthenticated operations;
// the root user of an account is always allowed within it; an IAM user's
// request is evaluated by World.Authorize against their policies, for
// every step of a MultiStep operation. It returns the decision and, when
// denied, the action and resource that were denied.
func (w World) authorize(s Session, op Op, action, resource string, env Env) (Decision, string, string) {
	if _, ok := op.(Unauthenticated); ok {
		return Allowed, action, resource
	}
	steps := []Step{{action, resource}}
	if m, ok := op.(MultiStep); ok {
		steps = append(steps, m.Steps(w, s)...)
	}
	for _, st := range steps {
		if d := w.decideStep(s, st.Action, st.Resource, env); d != Allowed {
			return d, st.Action, st.Resource
		}
	}
	return Allowed, action, resource
}

// accountOfARN extracts the account ID field of an ARN, or "".
func accountOfARN(arn string) string {
	field := 0
	start := 0
	for i := 0; i < len(arn); i++ {
		if arn[i] == ':' {
			if field == 4 {
				return arn[start:i]
			}
			field++
			start = i + 1
		}
	}
	return ""
}
