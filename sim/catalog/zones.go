package catalog

// AvailabilityZone is one zone of a region as an account sees it: the
// name (which AWS maps to a physical zone per account in older regions)
// and the zone ID, which names the same physical zone in every account.
type AvailabilityZone struct {
	Name string // e.g. "ap-northeast-2a"
	ID   string // e.g. "apne2-az1"
}

// zones lists the availability zones that a new account sees, for the
// regions whose zones are known well enough to show. Seoul's four zones
// are the textbook's (and the reference's); the others are the zones AWS
// documents as available to new accounts. Regions missing here have no
// zone data in this simulator: the console says so instead of inventing
// names.
var zones = map[string][]AvailabilityZone{
	"ap-northeast-2": {{"ap-northeast-2a", "apne2-az1"}, {"ap-northeast-2b", "apne2-az2"}, {"ap-northeast-2c", "apne2-az3"}, {"ap-northeast-2d", "apne2-az4"}},
	"us-east-1":      {{"us-east-1a", "use1-az1"}, {"us-east-1b", "use1-az2"}, {"us-east-1c", "use1-az3"}, {"us-east-1d", "use1-az4"}, {"us-east-1e", "use1-az5"}, {"us-east-1f", "use1-az6"}},
	"us-east-2":      {{"us-east-2a", "use2-az1"}, {"us-east-2b", "use2-az2"}, {"us-east-2c", "use2-az3"}},
	"us-west-2":      {{"us-west-2a", "usw2-az1"}, {"us-west-2b", "usw2-az2"}, {"us-west-2c", "usw2-az3"}, {"us-west-2d", "usw2-az4"}},
	"ap-northeast-1": {{"ap-northeast-1a", "apne1-az4"}, {"ap-northeast-1c", "apne1-az1"}, {"ap-northeast-1d", "apne1-az2"}},
}

// AvailabilityZones returns the zones of a region and whether this
// simulator has zone data for it.
func AvailabilityZones(region string) ([]AvailabilityZone, bool) {
	z, ok := zones[region]
	if !ok {
		return nil, false
	}
	return append([]AvailabilityZone(nil), z...), true
}
