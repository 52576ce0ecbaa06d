package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseVariable(t *testing.T) {
	tests := []struct {
		in   string
		want policyVariable
		n    int
		ok   bool
	}{
		// IUG reference_policies_variables examples.
		{"${aws:username}", policyVariable{key: "aws:username"}, 15, true},
		{"${aws:username}/rest", policyVariable{key: "aws:username"}, 15, true},
		{"${aws:PrincipalTag/team, 'company-wide'}", policyVariable{key: "aws:PrincipalTag/team", def: "company-wide", hasDef: true}, 40, true},
		{"${aws:PrincipalTag/team,'x y'}", policyVariable{key: "aws:PrincipalTag/team", def: "x y", hasDef: true}, 30, true},
		{"${k , '' }", policyVariable{key: "k", def: "", hasDef: true}, 10, true},
		{"${*}", policyVariable{literal: "*"}, 4, true},
		{"${?}", policyVariable{literal: "?"}, 4, true},
		{"${$}", policyVariable{literal: "$"}, 4, true},
		{"${}", policyVariable{}, 0, false},
		{"${aws:username", policyVariable{}, 0, false},
		{"${a b}", policyVariable{}, 0, false},
		{"${k, x}", policyVariable{}, 0, false},
		{"${k, 'x}", policyVariable{}, 0, false},
		{"$x", policyVariable{}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, n, ok := parseVariable(tt.in)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, v)
			require.Equal(t, tt.n, n)
		})
	}
}

func TestContextLookup(t *testing.T) {
	ctx := map[string][]string{"aws:SourceIp": {"192.0.2.1"}, "AWS:USERNAME": {"B"}, "aws:username": {"a"}, "Aws:UserName": {"c"}}
	v, ok := contextLookup(ctx, "aws:sourceip")
	require.True(t, ok)
	require.Equal(t, []string{"192.0.2.1"}, v)
	// The exact spelling wins.
	v, _ = contextLookup(ctx, "Aws:UserName")
	require.Equal(t, []string{"c"}, v)
	// Otherwise the lexically smallest of the case variants, every time.
	for range 20 {
		v, _ = contextLookup(ctx, "aws:USERNAME")
		require.Equal(t, []string{"B"}, v)
	}
	_, ok = contextLookup(ctx, "aws:userid")
	require.False(t, ok)
	_, ok = contextLookup(nil, "x")
	require.False(t, ok)
}

func TestResolveVariable(t *testing.T) {
	ctx := map[string][]string{"one": {"1"}, "none": {}, "two": {"1", "2"}}
	tests := []struct {
		name string
		e    globElem
		want string
		ok   bool
	}{
		{"single value", globElem{text: "ONE"}, "1", true},
		{"missing", globElem{text: "absent"}, "", false},
		{"missing with default", globElem{text: "absent", def: "d", hasDef: true}, "d", true},
		{"empty list is missing", globElem{text: "none"}, "", false},
		{"several values are missing", globElem{text: "two"}, "", false},
		{"several values take the default", globElem{text: "two", def: "d", hasDef: true}, "d", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := resolveVariable(ctx, &tt.e)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, v)
		})
	}
}
