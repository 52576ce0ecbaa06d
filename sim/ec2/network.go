// Package ec2 is the simulated network of the VPC and EC2 consoles: the
// default VPC that every account has in every region, with one default
// subnet per availability zone, its main route table, internet gateway,
// default network ACL, default security group and DHCP option set.
//
// The default network is read-only in this simulator and is derived, not
// stored: its resource IDs come from a hash of the account, region and
// resource, so they are the same on every reload and in every export
// without adding anything to the saved world.
package ec2

import (
	"hash/fnv"
	"strconv"

	"labsim/sim/catalog"
)

// DefaultVPCCIDR is the IPv4 range of every default VPC.
const DefaultVPCCIDR = "172.31.0.0/16"

// Network is the default network of one account in one region.
type Network struct {
	Region    string
	AccountID string
	VPC       VPC
	// ZonesKnown is false for regions without zone data in the catalog:
	// then Subnets is empty and the console says so.
	ZonesKnown      bool
	Subnets         []Subnet
	RouteTable      RouteTable
	InternetGateway InternetGateway
	NetworkACL      NetworkACL
	SecurityGroup   SecurityGroup
	DHCPOptionsID   string
}

// VPC is a virtual private cloud.
type VPC struct {
	ID, CIDR, State, Tenancy string
	IsDefault                bool
}

// Subnet is a default subnet: a /20 of the VPC in one availability zone.
type Subnet struct {
	ID, AZ, AZID, CIDR string
	// AvailableIPs is the subnet's size less the five addresses AWS
	// reserves in every subnet.
	AvailableIPs  int
	DefaultForAZ  bool
	MapPublicIPv4 bool
}

// Route is one route of a route table.
type Route struct {
	Destination, Target, State string
}

// RouteTable is the VPC's main route table.
type RouteTable struct {
	ID     string
	Main   bool
	Routes []Route
}

// InternetGateway is the gateway attached to the default VPC.
type InternetGateway struct {
	ID, State string
}

// ACLEntry is one numbered rule of a network ACL. RuleNumber 0 stands for
// the final catch-all rule the console shows as "*".
type ACLEntry struct {
	RuleNumber int
	Egress     bool
	Protocol   string // "-1" for all
	CIDR       string
	Action     string // "allow" or "deny"
}

// NetworkACL is the VPC's default network ACL.
type NetworkACL struct {
	ID      string
	Default bool
	Entries []ACLEntry
}

// SGRule is one rule of a security group: a source or destination that is
// either an address range or another security group.
type SGRule struct {
	Egress        bool
	Protocol      string // "-1" for all
	CIDR          string
	SourceGroupID string
}

// SecurityGroup is the VPC's default security group.
type SecurityGroup struct {
	ID, Name, Description string
	Rules                 []SGRule
}

// Default returns the default network of an account in a region, or false
// when the region is not a commercial region of the catalog.
func Default(accountID, region string) (Network, bool) {
	if _, ok := catalog.LookupRegion(region); !ok {
		return Network{}, false
	}
	id := func(prefix, what string) string { return prefix + "-" + derive(accountID, region, what) }
	n := Network{
		Region:          region,
		AccountID:       accountID,
		VPC:             VPC{ID: id("vpc", "vpc"), CIDR: DefaultVPCCIDR, State: "available", Tenancy: "default", IsDefault: true},
		InternetGateway: InternetGateway{ID: id("igw", "igw"), State: "attached"},
		DHCPOptionsID:   id("dopt", "dopt"),
	}
	n.RouteTable = RouteTable{ID: id("rtb", "rtb"), Main: true, Routes: []Route{
		{Destination: DefaultVPCCIDR, Target: "local", State: "active"},
		{Destination: "0.0.0.0/0", Target: n.InternetGateway.ID, State: "active"},
	}}
	n.NetworkACL = NetworkACL{ID: id("acl", "acl"), Default: true, Entries: []ACLEntry{
		{RuleNumber: 100, Protocol: "-1", CIDR: "0.0.0.0/0", Action: "allow"},
		{RuleNumber: 0, Protocol: "-1", CIDR: "0.0.0.0/0", Action: "deny"},
		{RuleNumber: 100, Egress: true, Protocol: "-1", CIDR: "0.0.0.0/0", Action: "allow"},
		{RuleNumber: 0, Egress: true, Protocol: "-1", CIDR: "0.0.0.0/0", Action: "deny"},
	}}
	sg := id("sg", "sg")
	n.SecurityGroup = SecurityGroup{ID: sg, Name: "default", Description: "default VPC security group", Rules: []SGRule{
		{Protocol: "-1", SourceGroupID: sg},
		{Egress: true, Protocol: "-1", CIDR: "0.0.0.0/0"},
	}}
	zones, known := catalog.AvailabilityZones(region)
	n.ZonesKnown = known
	for i, z := range zones {
		n.Subnets = append(n.Subnets, Subnet{
			ID:            id("subnet", "subnet/"+z.Name),
			AZ:            z.Name,
			AZID:          z.ID,
			CIDR:          "172.31." + strconv.Itoa(16*i) + ".0/20",
			AvailableIPs:  4096 - 5,
			DefaultForAZ:  true,
			MapPublicIPv4: true,
		})
	}
	return n, true
}

// ARN returns the ARN of an EC2 resource of the network, for example
// ARN("vpc/vpc-0123…").
func (n Network) ARN(resource string) string {
	return "arn:aws:ec2:" + n.Region + ":" + n.AccountID + ":" + resource
}

// derive returns 17 lower-case hexadecimal digits, the length of current
// EC2 resource IDs, from the account, region and resource name.
func derive(parts ...string) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	s := strconv.FormatUint(h.Sum64(), 16)
	for len(s) < 16 {
		s = "0" + s
	}
	return "0" + s
}
