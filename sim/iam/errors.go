package iam

import (
	"strings"

	"labsim/sim/awserr"
)

// Error codes IAM uses that sim/awserr does not name.
const (
	// PasswordPolicyViolation refuses a password that the account password
	// policy does not allow.
	PasswordPolicyViolation = "PasswordPolicyViolation"
	// InvalidUserType refuses an operation on the wrong kind of principal,
	// e.g. ChangePassword for the root user.
	InvalidUserType = "InvalidUserType"
	// EntityTemporarilyUnmodifiable refuses changing a password that the
	// account policy says only an administrator may reset.
	EntityTemporarilyUnmodifiable = "EntityTemporarilyUnmodifiable"
)

// Kinds of entity named by the "kind" parameter.
const (
	KindUser           = "User"
	KindGroup          = "Group"
	KindPolicy         = "Policy"
	KindPolicyVersion  = "PolicyVersion"
	KindLoginProfile   = "LoginProfile"
	KindAccessKey      = "AccessKey"
	KindMFADevice      = "MFADevice"
	KindUserPolicy     = "UserPolicy"
	KindGroupPolicy    = "GroupPolicy"
	KindAccountAlias   = "AccountAlias"
	KindPasswordPolicy = "PasswordPolicy"
	KindMembership     = "Membership"
	KindAttachment     = "Attachment"
)

// Reasons of a DeleteConflict.
const (
	ConflictLoginProfile   = "loginProfile" // the user still has a console password
	ConflictAccessKeys     = "accessKeys"   // the user still has access keys
	ConflictMFADevices     = "mfaDevices"   // the user still has MFA devices
	ConflictGroups         = "groups"       // the user is still in groups
	ConflictMembers        = "members"      // the group still has users
	ConflictAttached       = "attachedPolicies"
	ConflictInline         = "inlinePolicies" // the user or group still has inline policies
	ConflictAttachments    = "attachments"    // the managed policy is still attached
	ConflictVersions       = "versions"       // the managed policy still has non-default versions
	ConflictDefaultVersion = "defaultVersion" // the version to delete is the default
)

func validation(field, constraint, value string, kv ...string) *awserr.Error {
	return awserr.New(awserr.ValidationError, append([]string{"field", field, "constraint", constraint, "value", value}, kv...)...)
}

func noSuch(kind, name string) *awserr.Error {
	return awserr.New(awserr.NoSuchEntity, "kind", kind, "name", name)
}

func exists(kind, name string) *awserr.Error {
	return awserr.New(awserr.EntityAlreadyExists, "kind", kind, "name", name)
}

func limit(quota string, n int) *awserr.Error {
	return awserr.New(awserr.LimitExceeded, "quota", quota, "limit", itoa(n))
}

func conflict(kind, name, reason string) *awserr.Error {
	return awserr.New(awserr.DeleteConflict, "kind", kind, "name", name, "reason", reason)
}

// itoa formats a non-negative int without strconv's size in hot paths.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// APIMessage returns the message the IAM API (and so the AWS CLI) gives
// for an error of this package, e.g. "User with name Luna already
// exists.". Errors it does not know give their code; nil gives "".
func APIMessage(err error) string {
	if err == nil {
		return ""
	}
	e, ok := awserr.As(err)
	if !ok {
		return err.Error()
	}
	p := e.Param
	kind, name := p("kind"), p("name")
	switch e.Code {
	case awserr.EntityAlreadyExists:
		switch kind {
		case KindUser:
			return "User with name " + name + " already exists."
		case KindGroup:
			return "Group with name " + name + " already exists."
		case KindPolicy:
			return "A policy called " + name + " already exists. Duplicate names are not allowed."
		case KindLoginProfile:
			return "Login Profile for user " + name + " already exists."
		case KindMFADevice:
			return "MFADevice entity at the same path and name already exists."
		case KindAccountAlias:
			return "The account alias " + name + " already exists."
		}
	case awserr.NoSuchEntity:
		switch kind {
		case KindUser:
			return "The user with name " + name + " cannot be found."
		case KindGroup:
			return "The group with name " + name + " cannot be found."
		case KindPolicy, KindAttachment:
			return "Policy " + name + " does not exist or is not attachable."
		case KindPolicyVersion:
			return "Policy " + p("policy") + " version " + name + " does not exist or is not attachable."
		case KindLoginProfile:
			return "Login Profile for User " + name + " cannot be found."
		case KindAccessKey:
			return "The Access Key with id " + name + " cannot be found."
		case KindUserPolicy:
			return "The user policy with name " + name + " cannot be found."
		case KindGroupPolicy:
			return "The group policy with name " + name + " cannot be found."
		case KindMFADevice:
			return "MFA device with serial number " + name + " cannot be found."
		case KindMembership:
			return "The user with name " + name + " is not in group " + p("group") + "."
		case KindPasswordPolicy:
			return "The Password Policy with domain name " + name + " cannot be found."
		}
	case awserr.LimitExceeded:
		switch q := p("quota"); q {
		case "UserPolicySize":
			return "Maximum policy size of " + p("limit") + " bytes exceeded for user " + name
		case "GroupPolicySize":
			return "Maximum policy size of " + p("limit") + " bytes exceeded for group " + name
		case "VersionsPerPolicy":
			return "A managed policy can have up to " + p("limit") + " versions. Before you create a new version, you must delete an existing version."
		default:
			return "Cannot exceed quota for " + q + ": " + p("limit")
		}
	case awserr.DeleteConflict:
		switch p("reason") {
		case ConflictLoginProfile:
			return "Cannot delete entity, must delete login profile first."
		case ConflictAccessKeys:
			return "Cannot delete entity, must delete access keys first."
		case ConflictMFADevices:
			return "Cannot delete entity, must delete MFA device first."
		case ConflictGroups:
			return "Cannot delete entity, must remove users from group first."
		case ConflictMembers:
			return "Cannot delete entity, must remove users from group first."
		case ConflictAttached, ConflictAttachments:
			return "Cannot delete entity, must detach all policies first."
		case ConflictInline:
			return "Cannot delete entity, must delete policies first."
		case ConflictVersions:
			return "Cannot delete a policy attached to entities or with non-default versions."
		case ConflictDefaultVersion:
			return "Cannot delete the default version of a policy."
		}
	case awserr.ValidationError:
		field, value := p("field"), p("value")
		switch p("constraint") {
		case "length":
			return "1 validation error detected: Value '" + value + "' at '" + field + "' failed to satisfy constraint: Member must have length between " + p("min") + " and " + p("max")
		case "pattern":
			return "1 validation error detected: Value '" + value + "' at '" + field + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + p("pattern")
		case "range":
			return "1 validation error detected: Value '" + value + "' at '" + field + "' failed to satisfy constraint: Member must have value between " + p("min") + " and " + p("max")
		case "reserved":
			return "The value '" + value + "' at '" + field + "' is reserved by AWS."
		case "accountId":
			return "The account alias cannot be a 12-digit number."
		}
	case awserr.MalformedPolicyDocument:
		return p("message")
	case PasswordPolicyViolation:
		return "Password does not conform to the account password policy."
	case InvalidUserType:
		return "This operation is not supported for the root user."
	case EntityTemporarilyUnmodifiable:
		return "Your password has expired and must be reset by an administrator."
	case awserr.InvalidInput:
		switch p("reason") {
		case "oldPassword":
			return "The old password is incorrect."
		case "samePassword":
			return "The new password must differ from the old password."
		case "duplicateTagKey":
			return "Duplicate tag keys found. Please note that Tag keys are case insensitive."
		}
	}
	if m := p("message"); m != "" {
		return m
	}
	return strings.TrimSpace(e.Code)
}

// awserrMembership is NoSuchEntity for a user who is not in a group.
func awserrMembership(user, group string) *awserr.Error {
	return awserr.New(awserr.NoSuchEntity, "kind", KindMembership, "name", user, "group", group)
}
