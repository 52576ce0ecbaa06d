package mfa

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/awserr"
)

func TestCheckPair(t *testing.T) {
	n := Step(testNow)
	c := func(k int64) string { return codeAtOffset(t, k) }
	tests := []struct {
		name         string
		code1, code2 string
		wantStep     int64
		reason       string
	}{
		{"consecutive now", c(-1), c(0), n, ""},
		{"second code one step old", c(-2), c(-1), n - 1, ""},
		{"second code two steps old", c(-3), c(-2), n - 2, ""},
		{"second code one step ahead", c(0), c(1), n + 1, ""},
		{"stale: three steps old", c(-4), c(-3), 0, ReasonStale},
		{"stale: ten minutes old", c(-21), c(-20), 0, ReasonStale},
		{"future: two steps ahead", c(1), c(2), 0, ReasonFuture},
		{"same code twice", c(0), c(0), 0, ReasonSameCode},
		{"not consecutive: gap", c(-2), c(0), 0, ReasonNotConsecutive},
		{"not consecutive: swapped", c(0), c(-1), 0, ReasonNotConsecutive},
		{"wrong first code", "000000", c(0), 0, ReasonWrong},
		{"wrong second code", c(-1), "000000", 0, ReasonWrong},
		{"beyond explanation radius", c(-31), c(-30), 0, ReasonWrong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			step, err := CheckPair(DemoSecret, tt.code1, tt.code2, testNow)
			if tt.reason != "" {
				requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": tt.reason})
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantStep, step)
		})
	}
}

func TestCheckPairFormat(t *testing.T) {
	good := codeAtOffset(t, 0)
	tests := []struct {
		name         string
		code1, code2 string
		field        string
		constraint   string
	}{
		{"code 1 empty", "", good, FieldCode1, "length"},
		{"code 1 five digits", "12345", good, FieldCode1, "length"},
		{"code 1 seven digits", "1234567", good, FieldCode1, "length"},
		{"code 1 letter", "12a456", good, FieldCode1, "pattern"},
		{"code 1 inner space", "123 45", good, FieldCode1, "pattern"},
		{"code 1 leading space", " 12345", good, FieldCode1, "pattern"},
		{"code 1 full-width digits", "１２３４５６", good, FieldCode1, "pattern"},
		{"code 2 empty", good, "", FieldCode2, "length"},
		{"code 2 spaced", good, "123 456", FieldCode2, "length"},
		{"code 2 sign", good, "-12345", FieldCode2, "pattern"},
		{"both bad reports code 1", "x", "y", FieldCode1, "length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CheckPair(DemoSecret, tt.code1, tt.code2, testNow)
			requireAWSErr(t, err, awserr.ValidationError, map[string]string{
				"field": tt.field, "constraint": tt.constraint, "value": map[string]string{FieldCode1: tt.code1, FieldCode2: tt.code2}[tt.field],
			})
		})
	}
}

func TestCheckPairBadSecret(t *testing.T) {
	_, err := CheckPair("not a secret", "123456", "654321", testNow)
	require.Equal(t, awserr.ValidationError, awserr.Code(err))
}

func TestCheckPairAcrossStepBoundary(t *testing.T) {
	// The student reads code 1 at the end of a step and code 2 right after
	// the boundary, then submits 50 s later.
	start := StepStart(Step(testNow))
	c1, err := Code(DemoSecret, start.Add(-time.Second))
	require.NoError(t, err)
	c2, err := Code(DemoSecret, start)
	require.NoError(t, err)
	step, err := CheckPair(DemoSecret, c1, c2, start.Add(50*time.Second))
	require.NoError(t, err)
	require.Equal(t, Step(start), step)
	_, err = CheckPair(DemoSecret, c1, c2, start.Add(90*time.Second))
	requireAWSErr(t, err, awserr.InvalidAuthenticationCode, map[string]string{"reason": ReasonStale})
}

func TestClosestFirst(t *testing.T) {
	require.Equal(t, []int64{0, -1, 1, -2}, closestFirst(2, 1))
	require.Equal(t, []int64{0, -1, 1}, closestFirst(1, 1))
	require.Equal(t, []int64{0}, closestFirst(0, 0))
	require.Equal(t, []int64{0, 1, 2}, closestFirst(0, 2))
}
