// Package awserr defines the simulator's domain error: an AWS-style error
// code with named parameters and no display text. The console translates
// codes through its catalogs; the English catalog holds AWS's own wording.
package awserr

import (
	"errors"
	"sort"
	"strings"
)

// Common error codes, named as AWS names them.
const (
	AccessDenied              = "AccessDenied"
	EntityAlreadyExists       = "EntityAlreadyExists"
	NoSuchEntity              = "NoSuchEntity"
	LimitExceeded             = "LimitExceeded"
	MalformedPolicyDocument   = "MalformedPolicyDocument"
	InvalidInput              = "InvalidInput"
	ValidationError           = "ValidationError"
	DeleteConflict            = "DeleteConflict"
	InvalidAuthenticationCode = "InvalidAuthenticationCode"
	NotSignedIn               = "NotSignedIn"
	Internal                  = "InternalFailure"
)

// Error is a domain error: a code as AWS names it and its parameters.
type Error struct {
	Code   string
	Params map[string]string
}

// New returns an Error with the given code and parameters given as
// alternating name, value pairs.
func New(code string, kv ...string) *Error {
	e := &Error{Code: code}
	if len(kv) > 0 {
		e.Params = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			e.Params[kv[i]] = kv[i+1]
		}
	}
	return e
}

// Param returns the named parameter, or "" when it is absent.
func (e *Error) Param(name string) string { return e.Params[name] }

// Error renders the code and parameters in a stable order; it is for logs
// and tests, not for display.
func (e *Error) Error() string {
	if len(e.Params) == 0 {
		return e.Code
	}
	keys := make([]string, 0, len(e.Params))
	for k := range e.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(e.Code)
	for i, k := range keys {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(k)
		b.WriteString("=")
		b.WriteString(e.Params[k])
	}
	return b.String()
}

// Code returns the code of the first *Error in err's chain, or "" if none.
func Code(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// As returns the first *Error in err's chain.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
