package ec2

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDefaultNetworkSeoul(t *testing.T) {
	n, ok := Default("123456789012", "ap-northeast-2")
	require.True(t, ok)
	require.True(t, n.ZonesKnown)
	require.Equal(t, "172.31.0.0/16", n.VPC.CIDR)
	require.True(t, n.VPC.IsDefault)
	require.Len(t, n.Subnets, 4, "one default subnet per Seoul zone")
	want := []string{"172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20", "172.31.48.0/20"}
	for i, s := range n.Subnets {
		require.Equal(t, want[i], s.CIDR)
		require.Equal(t, "ap-northeast-2"+string(rune('a'+i)), s.AZ)
		require.Equal(t, 4091, s.AvailableIPs)
		require.True(t, strings.HasPrefix(s.ID, "subnet-0"))
		require.Len(t, s.ID, len("subnet-")+17)
	}
	require.Equal(t, n.InternetGateway.ID, n.RouteTable.Routes[1].Target)
	require.Equal(t, n.SecurityGroup.ID, n.SecurityGroup.Rules[0].SourceGroupID)
	require.Equal(t, "arn:aws:ec2:ap-northeast-2:123456789012:vpc/"+n.VPC.ID, n.ARN("vpc/"+n.VPC.ID))
}

func TestDefaultNetworkIsStableAndDistinct(t *testing.T) {
	a, _ := Default("123456789012", "ap-northeast-2")
	b, _ := Default("123456789012", "ap-northeast-2")
	require.Equal(t, a, b, "the same IDs on every call")
	c, _ := Default("123456789012", "us-east-1")
	d, _ := Default("210987654321", "ap-northeast-2")
	require.NotEqual(t, a.VPC.ID, c.VPC.ID)
	require.NotEqual(t, a.VPC.ID, d.VPC.ID)
	ids := map[string]bool{}
	for _, id := range []string{a.VPC.ID, a.RouteTable.ID, a.InternetGateway.ID, a.NetworkACL.ID, a.SecurityGroup.ID, a.DHCPOptionsID} {
		require.False(t, ids[id], id)
		ids[id] = true
	}
}

func TestDefaultNetworkWithoutZoneData(t *testing.T) {
	n, ok := Default("123456789012", "af-south-1")
	require.True(t, ok)
	require.False(t, n.ZonesKnown)
	require.Empty(t, n.Subnets, "no invented zones or subnets")
	_, ok = Default("123456789012", "xx-nowhere-1")
	require.False(t, ok)
}
