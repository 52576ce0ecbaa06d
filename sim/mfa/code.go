package mfa

import (
	"fmt"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
)

// Period is the length of one TOTP time step in seconds.
const Period = 30

// Digits is the number of digits in a code.
const Digits = 6

// hotpOpts are AWS's code parameters: HMAC-SHA1 and 6 digits.
var hotpOpts = hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// Step returns the TOTP time step of t: whole 30-second periods since the
// Unix epoch, rounded down (also before 1970).
func Step(t time.Time) int64 {
	u := t.Unix()
	q := u / Period
	if u%Period < 0 {
		q--
	}
	return q
}

// StepStart returns the first instant of a time step, in UTC.
func StepStart(step int64) time.Time {
	return time.Unix(step*Period, 0).UTC()
}

// Code returns the 6-digit code an authenticator app shows at time t.
func Code(s Secret, t time.Time) (string, error) {
	return CodeAt(s, Step(t))
}

// CodeAt returns the 6-digit code of a time step.
func CodeAt(s Secret, step int64) (string, error) {
	if err := s.Validate(); err != nil {
		return "", fmt.Errorf("mfa: code: %w", err)
	}
	if step < 0 {
		return "", fmt.Errorf("mfa: code for step %d before 1970", step)
	}
	return codeAt(s, step)
}

// codeAt computes the code of a step for a secret already validated.
func codeAt(s Secret, step int64) (string, error) {
	c, err := hotp.GenerateCodeCustom(string(s), uint64(step), hotpOpts)
	if err != nil {
		return "", fmt.Errorf("mfa: code: %w", err)
	}
	return c, nil
}

// codeTable holds the codes of the steps first..first+len(codes)-1; steps
// before 1970 hold "" and so never match a 6-digit code.
type codeTable struct {
	first int64
	codes []string
}

// newCodeTable computes the codes of every step in [lo, hi].
func newCodeTable(s Secret, lo, hi int64) (codeTable, error) {
	if err := s.Validate(); err != nil {
		return codeTable{}, fmt.Errorf("mfa: check code: %w", err)
	}
	t := codeTable{first: lo, codes: make([]string, hi-lo+1)}
	for st := max(lo, 0); st <= hi; st++ {
		c, err := codeAt(s, st)
		if err != nil {
			return codeTable{}, err
		}
		t.codes[st-lo] = c
	}
	return t, nil
}

// at returns the code of a step, or "" outside the table.
func (t codeTable) at(step int64) string {
	i := step - t.first
	if i < 0 || i >= int64(len(t.codes)) {
		return ""
	}
	return t.codes[i]
}

// has reports whether code is the code of some step in the table.
func (t codeTable) has(code string) bool {
	for _, c := range t.codes {
		if c == code {
			return true
		}
	}
	return false
}
