// Package catalog holds the simulator's facts about AWS: services, actions,
// resource types and condition keys (generated from a public dataset), the
// AWS managed policies, and regions.
package catalog

// AccessLevel is the access level AWS assigns to an action.
type AccessLevel string

// The access levels of the service authorization reference.
const (
	List                  AccessLevel = "List"
	Read                  AccessLevel = "Read"
	Write                 AccessLevel = "Write"
	PermissionsManagement AccessLevel = "Permissions management"
	Tagging               AccessLevel = "Tagging"
)

// Action is one action of a service.
type Action struct {
	Name  string // as AWS spells it, e.g. "ListUsers"
	Level AccessLevel
}

// ResourceType is a resource type of a service with its ARN format, e.g.
// "user" with "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}".
type ResourceType struct {
	Name string
	ARN  string
}

// ConditionKey is a condition key with its type as the service
// authorization reference names it: String, ARN, Numeric, Date, Bool, IPAddress,
// Binary, ArrayOfString, ArrayOfARN, …
type ConditionKey struct {
	Name string
	Type string
}

// Service is one AWS service: its action prefix, its actions sorted by name,
// its resource types and its service-specific condition keys.
type Service struct {
	Prefix        string
	Name          string
	Actions       []Action
	ResourceTypes []ResourceType
	ConditionKeys []ConditionKey
}

// Actions answers questions about services and actions. Lookups of
// prefixes, action names and condition keys are case-insensitive, as IAM's
// are.
type Actions interface {
	// Service returns the service with the given action prefix.
	Service(prefix string) (*Service, bool)
	// Prefixes returns every service prefix, sorted.
	Prefixes() []string
	// Action returns the action prefix:name.
	Action(prefix, name string) (Action, bool)
	// ConditionKey returns a global (aws:…) or service condition key.
	ConditionKey(name string) (ConditionKey, bool)
}
