package catalog

import (
	"strings"
	"sync"
)

// globalKeys are the IAM global condition keys (prefix aws:), written by
// hand from the IAM User Guide's "AWS global condition context keys"
// because the generated dataset lists only the three tag keys. Types are
// those the guide gives; aws:EpochTime accepts Date and Numeric operators.
var globalKeys = []ConditionKey{
	// Properties of the principal.
	{"aws:PrincipalArn", "ARN"},
	{"aws:PrincipalAccount", "String"},
	{"aws:PrincipalOrgPaths", "ArrayOfString"},
	{"aws:PrincipalOrgID", "String"},
	{"aws:PrincipalTag/${TagKey}", "String"},
	{"aws:PrincipalIsAWSService", "Bool"},
	{"aws:PrincipalServiceName", "String"},
	{"aws:PrincipalServiceNamesList", "ArrayOfString"},
	{"aws:PrincipalType", "String"},
	{"aws:userid", "String"},
	{"aws:username", "String"},
	// Properties of a role session.
	{"aws:AssumedRoot", "Bool"},
	{"aws:FederatedProvider", "String"},
	{"aws:TokenIssueTime", "Date"},
	{"aws:MultiFactorAuthAge", "Numeric"},
	{"aws:MultiFactorAuthPresent", "Bool"},
	{"aws:ChatbotSourceArn", "ARN"},
	{"aws:Ec2InstanceSourceVpc", "String"},
	{"aws:Ec2InstanceSourcePrivateIPv4", "IPAddress"},
	{"aws:SourceIdentity", "String"},
	// Properties of the network.
	{"aws:SourceIp", "IPAddress"},
	{"aws:SourceVpc", "String"},
	{"aws:SourceVpcArn", "ARN"},
	{"aws:SourceVpce", "String"},
	{"aws:VpceAccount", "String"},
	{"aws:VpceOrgID", "String"},
	{"aws:VpceOrgPaths", "ArrayOfString"},
	{"aws:VpcSourceIp", "IPAddress"},
	// Properties of the resource.
	{"aws:ResourceAccount", "String"},
	{"aws:ResourceOrgID", "String"},
	{"aws:ResourceOrgPaths", "ArrayOfString"},
	{"aws:ResourceTag/${TagKey}", "String"},
	// Properties of the request.
	{"aws:CalledVia", "ArrayOfString"},
	{"aws:CalledViaFirst", "String"},
	{"aws:CalledViaLast", "String"},
	{"aws:ViaAWSService", "Bool"},
	{"aws:CurrentTime", "Date"},
	{"aws:EpochTime", "Date|Numeric"},
	{"aws:referer", "String"},
	{"aws:RequestedRegion", "String"},
	{"aws:RequestTag/${TagKey}", "String"},
	{"aws:TagKeys", "ArrayOfString"},
	{"aws:SecureTransport", "Bool"},
	{"aws:SourceAccount", "String"},
	{"aws:SourceArn", "ARN"},
	{"aws:SourceOrgID", "String"},
	{"aws:SourceOrgPaths", "ArrayOfString"},
	{"aws:UserAgent", "String"},
}

// globalIndex returns the index of globalKeys by lower-case name (keys
// without templates) and the template keys. Both are built on first use,
// not at start-up, and never changed.
func globalIndex() (map[string]ConditionKey, []templateKey) {
	globalCache.once.Do(func() { globalCache.index, globalCache.templates = buildGlobalIndex() })
	return globalCache.index, globalCache.templates
}

// globalCache holds globalIndex's result; a zero value until first use,
// so that a binary that never looks up a condition key links none of it.
var globalCache struct {
	once      sync.Once
	index     map[string]ConditionKey
	templates []templateKey
}

// buildGlobalIndex builds globalIndex's index and templates.
func buildGlobalIndex() (map[string]ConditionKey, []templateKey) {
	index := make(map[string]ConditionKey, len(globalKeys))
	var templates []templateKey
	for _, k := range globalKeys {
		low := strings.ToLower(k.Name)
		index[low] = k
		if isTemplate(low) {
			templates = append(templates, templateKey{low: low, key: k})
		}
	}
	return index, templates
}

// GlobalConditionKeys returns the global aws: condition keys. They are
// available before the action catalog has loaded.
func GlobalConditionKeys() []ConditionKey {
	return append([]ConditionKey(nil), globalKeys...)
}

// GlobalConditionKey returns the global condition key with the given name,
// ignoring case; aws:PrincipalTag/Team matches aws:PrincipalTag/${TagKey}.
func GlobalConditionKey(name string) (ConditionKey, bool) {
	var buf [128]byte
	low := appendLower(buf[:0], name)
	index, templates := globalIndex()
	if k, ok := index[string(low)]; ok {
		return k, true
	}
	return matchTemplates(templates, string(low))
}

// HasType reports whether the key accepts values of type t (String, ARN,
// Numeric, Date, Bool, IPAddress, Binary, ArrayOfString, …). A key with
// several types, such as aws:EpochTime ("Date|Numeric"), lists them
// separated by "|".
func (k ConditionKey) HasType(t string) bool {
	for _, have := range strings.Split(k.Type, "|") {
		if have == t {
			return true
		}
	}
	return false
}
