package mfa

import (
	"time"

	"labsim/sim/awserr"
)

// Windows, in time steps relative to the step of "now". AWS documents none
// of them; these are the simulator's choices.
const (
	// AssignPast and AssignAhead bound the step of the second code at
	// assignment: at most two steps old (a student may take up to about a
	// minute to type both codes) or one step ahead.
	AssignPast  = 2
	AssignAhead = 1
	// SignInDrift is the drift accepted either way for a sign-in code.
	SignInDrift = 1
	// ResyncDrift is the drift accepted either way for the second code of a
	// resynchronisation (10 steps = 5 minutes).
	ResyncDrift = 10
	// ExplainRadius is how far either way a refused code is looked for to
	// explain the refusal (10 minutes). It never widens what is accepted.
	ExplainRadius = 20
)

// Reasons carried in the "reason" parameter of an InvalidAuthenticationCode
// error. The console shows AWS's one message for all of them ("Authentication
// code for device is not valid"); the reason is for hints, lab checks and
// the event log.
const (
	// ReasonWrong: the code is not a code of this device near now.
	ReasonWrong = "wrong"
	// ReasonSameCode: both codes of a pair are the same code.
	ReasonSameCode = "same-code"
	// ReasonNotConsecutive: both codes belong to the device but to steps
	// that do not follow each other (or are in the wrong order).
	ReasonNotConsecutive = "not-consecutive"
	// ReasonStale: the code (pair) is real but older than the window.
	ReasonStale = "stale"
	// ReasonFuture: the code (pair) is real but ahead of the window.
	ReasonFuture = "future"
	// ReasonReplayed: the code is inside the window but its step was
	// already used by an assignment, a sign-in or a resync.
	ReasonReplayed = "replayed"
)

// Field names used in the "field" parameter of ValidationError errors.
const (
	FieldCode1      = "AuthenticationCode1"
	FieldCode2      = "AuthenticationCode2"
	FieldCode       = "TokenCode"
	FieldDeviceName = "VirtualMFADeviceName"
	FieldAccountID  = "AccountId"
	FieldSecret     = "Secret"
)

// noneUsed is the last-used step of a device that has used no step.
const noneUsed = -1

// CheckPair checks the two codes typed when a virtual device is assigned
// and returns the step of the second code. Each code must be exactly six
// ASCII digits (else awserr.ValidationError with field FieldCode1 or
// FieldCode2 and constraint "length" or "pattern"). Code 2 must belong to a
// step from AssignPast steps before now to AssignAhead steps after it, and
// code 1 to the step just before code 2's; otherwise the error is
// awserr.InvalidAuthenticationCode with a reason. The caller records the
// returned step as the device's LastUsedStep so that neither code can sign
// in later.
func CheckPair(s Secret, code1, code2 string, now time.Time) (step2 int64, err error) {
	return checkPair(s, code1, code2, now, AssignPast, AssignAhead, noneUsed)
}

// checkPair finds the pair closest to now inside the window; both steps
// must be after lastUsed.
func checkPair(s Secret, code1, code2 string, now time.Time, back, ahead, lastUsed int64) (int64, error) {
	if err := checkFormat(FieldCode1, code1); err != nil {
		return 0, err
	}
	if err := checkFormat(FieldCode2, code2); err != nil {
		return 0, err
	}
	if code1 == code2 {
		return 0, invalidCode(ReasonSameCode)
	}
	center := Step(now)
	radius := max(ExplainRadius, back, ahead)
	t, err := newCodeTable(s, center-radius-1, center+radius)
	if err != nil {
		return 0, err
	}
	isPair := func(st int64) bool { return t.at(st) == code2 && t.at(st-1) == code1 }
	if st, reason := find(center, back, ahead, radius, lastUsed, 1, isPair); reason == "" {
		return st, nil
	} else if reason != ReasonWrong {
		return 0, invalidCode(reason)
	}
	if t.has(code1) && t.has(code2) {
		return 0, invalidCode(ReasonNotConsecutive)
	}
	return 0, invalidCode(ReasonWrong)
}

// checkOne finds the step of a single code within drift steps of now that
// is after lastUsed.
func checkOne(s Secret, code string, now time.Time, drift, lastUsed int64) (int64, error) {
	if err := checkFormat(FieldCode, code); err != nil {
		return 0, err
	}
	center := Step(now)
	radius := max(ExplainRadius, drift)
	t, err := newCodeTable(s, center-radius, center+radius)
	if err != nil {
		return 0, err
	}
	is := func(st int64) bool { return t.at(st) == code }
	st, reason := find(center, drift, drift, radius, lastUsed, 0, is)
	if reason != "" {
		return 0, invalidCode(reason)
	}
	return st, nil
}

// find looks for a step st with match(st), closest to center first. Inside
// [center-back, center+ahead] a match whose earliest step (st-span) is after
// lastUsed is accepted and returned with reason "". Otherwise the reason
// explains the refusal: ReasonReplayed for a match inside the window,
// ReasonStale or ReasonFuture for the nearest match within radius, else
// ReasonWrong.
func find(center, back, ahead, radius, lastUsed, span int64, match func(int64) bool) (int64, string) {
	replayed := false
	for _, off := range closestFirst(back, ahead) {
		st := center + off
		if !match(st) {
			continue
		}
		if st-span <= lastUsed {
			replayed = true
			continue
		}
		return st, ""
	}
	if replayed {
		return 0, ReasonReplayed
	}
	for _, off := range closestFirst(radius, radius) {
		if off >= -back && off <= ahead {
			continue
		}
		if match(center + off) {
			if off < 0 {
				return 0, ReasonStale
			}
			return 0, ReasonFuture
		}
	}
	return 0, ReasonWrong
}

// closestFirst lists the offsets from -back to +ahead ordered by distance
// from 0, the earlier one first on ties: 0, -1, 1, -2, 2, ...
func closestFirst(back, ahead int64) []int64 {
	offs := make([]int64, 0, back+ahead+1)
	offs = append(offs, 0)
	for d := int64(1); d <= max(back, ahead); d++ {
		if d <= back {
			offs = append(offs, -d)
		}
		if d <= ahead {
			offs = append(offs, d)
		}
	}
	return offs
}

// checkFormat requires exactly Digits ASCII digits.
func checkFormat(field, code string) error {
	if len([]rune(code)) != Digits {
		return awserr.New(awserr.ValidationError, "field", field, "constraint", "length", "value", code)
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return awserr.New(awserr.ValidationError, "field", field, "constraint", "pattern", "value", code)
		}
	}
	return nil
}

// invalidCode is the error for a well-formed code that is refused.
func invalidCode(reason string) error {
	return awserr.New(awserr.InvalidAuthenticationCode, "reason", reason)
}
