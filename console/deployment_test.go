package console

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStorageKeysAreNamespacedByDeployment(t *testing.T) {
	for _, tc := range []struct{ id, key string }{
		{"site", "labsim:state"},
		{"", "labsim:state"},
		{"scorm-lab1", "labsim@scorm-lab1:state"},
		{"single.v2", "labsim@single.v2:state"},
		{"Bad ID", "labsim:state"},
		{strings.Repeat("a", 65), "labsim:state"},
	} {
		require.Equal(t, tc.key, StorageKeyFor(tc.id), tc.id)
	}
	// No deployment's keys start with another's key and ':'.
	ids := []string{"site", "state", "a", "a-b", "state:x"}
	for _, x := range ids {
		for _, y := range ids {
			if StorageKeyFor(x) != StorageKeyFor(y) {
				require.False(t, strings.HasPrefix(StorageKeyFor(x), StorageKeyFor(y)+":"), "%s vs %s", x, y)
			}
		}
	}
}

func TestWorkKeptAsideUsesTheDeploymentsKey(t *testing.T) {
	m, fx := Update(Model{}, Init{Now: t0, Deployment: "scorm-lab1", Saved: "{broken", Query: map[string]string{"lang": "en"}})
	aside := effectsOf[SetAside](fx)
	require.Len(t, aside, 1)
	require.True(t, strings.HasPrefix(aside[0].Key, "labsim@scorm-lab1:state:unreadable:"), aside[0].Key)
	reason, at := m.Aside[0].reasonAndTime()
	require.Equal(t, "unreadable", reason)
	require.Equal(t, t0, at)
	_, at = Aside{Key: "labsim:state:before-world:1764320400-2"}.reasonAndTime()
	require.False(t, at.IsZero(), "a second copy in the same second still has its time")
}
