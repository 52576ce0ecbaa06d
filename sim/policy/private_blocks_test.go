package policy

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPrivateBlocksAreTheDocumentedRanges(t *testing.T) {
	want := []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"}
	require.Len(t, privateBlocks, len(want))
	for i, b := range privateBlocks {
		require.Equal(t, want[i], b.String())
	}
}
