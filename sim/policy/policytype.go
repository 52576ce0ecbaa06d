package policy

import "fmt"

// PolicyType is the kind of identity policy a document is written for; it
// decides the size quota.
type PolicyType uint8

// The identity policy types the simulator validates.
const (
	// ManagedPolicy is a customer managed policy (quota 6,144 characters).
	ManagedPolicy PolicyType = iota
	// UserInlinePolicy is an inline policy of a user (quota 2,048
	// characters for all of the user's inline policies together).
	UserInlinePolicy
	// GroupInlinePolicy is an inline policy of a group (quota 5,120
	// characters for all of the group's inline policies together).
	GroupInlinePolicy
)

// Size quotas in non-white-space characters (IUG reference_iam-quotas).
const (
	ManagedPolicySizeQuota     = 6144
	UserInlinePolicySizeQuota  = 2048
	GroupInlinePolicySizeQuota = 5120
)

// String returns the CLI name of the type: managed, user-inline or
// group-inline.
func (t PolicyType) String() string {
	switch t {
	case UserInlinePolicy:
		return "user-inline"
	case GroupInlinePolicy:
		return "group-inline"
	default:
		return "managed"
	}
}

// SizeQuota returns the number of non-white-space characters IAM allows
// for the type.
func (t PolicyType) SizeQuota() int {
	switch t {
	case UserInlinePolicy:
		return UserInlinePolicySizeQuota
	case GroupInlinePolicy:
		return GroupInlinePolicySizeQuota
	default:
		return ManagedPolicySizeQuota
	}
}

// ParsePolicyType reads a CLI name as String returns it.
func ParsePolicyType(s string) (PolicyType, error) {
	switch s {
	case "managed":
		return ManagedPolicy, nil
	case "user-inline":
		return UserInlinePolicy, nil
	case "group-inline":
		return GroupInlinePolicy, nil
	}
	return ManagedPolicy, fmt.Errorf("unknown policy type %q (want managed, user-inline or group-inline)", s)
}
