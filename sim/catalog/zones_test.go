package catalog

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAvailabilityZones(t *testing.T) {
	seoul, ok := AvailabilityZones("ap-northeast-2")
	require.True(t, ok)
	require.Equal(t, []AvailabilityZone{
		{"ap-northeast-2a", "apne2-az1"}, {"ap-northeast-2b", "apne2-az2"},
		{"ap-northeast-2c", "apne2-az3"}, {"ap-northeast-2d", "apne2-az4"},
	}, seoul, "the textbook's four Seoul zones")
	_, ok = AvailabilityZones("af-south-1")
	require.False(t, ok, "no invented zones")
	for region, zs := range zones {
		_, known := LookupRegion(region)
		require.True(t, known, region)
		require.GreaterOrEqual(t, len(zs), 3, "%s: a region has at least three zones", region)
		for _, z := range zs {
			require.True(t, strings.HasPrefix(z.Name, region), z.Name)
			require.Len(t, z.Name, len(region)+1, z.Name)
		}
	}
	seoul[0].Name = "changed"
	again, _ := AvailabilityZones("ap-northeast-2")
	require.Equal(t, "ap-northeast-2a", again[0].Name, "callers get a copy")
}
