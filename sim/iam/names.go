package iam

import "strings"

// Name and size rules (IAM User Guide, "IAM and AWS STS quotas"; API
// reference of CreateUser, CreateGroup, CreatePolicy, CreateAccountAlias).
const (
	MaxUserNameLen        = 64
	MaxGroupNameLen       = 128
	MaxPolicyNameLen      = 128
	MaxPathLen            = 512
	MaxDescriptionLen     = 1000
	MinAliasLen           = 3
	MaxAliasLen           = 63
	MaxTagKeyLen          = 128
	MaxTagValueLen        = 256
	MaxTagsPerEntity      = 50
	MaxPasswordLen        = 128
	MaxManagedPerIdentity = 10
	MaxGroupsPerUser      = 10
	MaxAccessKeysPerUser  = 2
	MaxMFADevicesPerUser  = 8
	MaxPolicyVersions     = 5
	MaxUsers              = 5000
	MaxGroups             = 300
	MaxCustomerPolicies   = 1500
	// Inline policy sizes for all of an entity's inline policies together,
	// in characters that are not white space.
	UserInlineSizeQuota  = 2048
	GroupInlineSizeQuota = 5120
	RoleInlineSizeQuota  = 10240
	// ManagedPolicySizeQuota is the size of one managed policy version.
	ManagedPolicySizeQuota = 6144
)

// Parameter names IAM's API uses in validation messages.
const (
	FieldUserName        = "userName"
	FieldGroupName       = "groupName"
	FieldPolicyName      = "policyName"
	FieldPath            = "path"
	FieldDescription     = "description"
	FieldAccountAlias    = "accountAlias"
	FieldPassword        = "password"
	FieldTagKey          = "tags.member.key"
	FieldTagValue        = "tags.member.value"
	FieldMinLength       = "minimumPasswordLength"
	FieldMaxAge          = "maxPasswordAge"
	FieldReusePrevention = "passwordReusePrevention"
	FieldStatus          = "status"
	FieldVersionID       = "versionId"
)

// namePattern is the API's pattern for user, group and policy names.
const namePattern = `[\w+=,.@-]+`

// isNameByte reports whether c may appear in an IAM name: letters, digits
// and + = , . @ _ -.
func isNameByte(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("+=,.@_-", c) >= 0
}

// checkName checks a name of 1..max name characters.
func checkName(field, name string, max int) error {
	if len(name) < 1 || len(name) > max {
		return validation(field, "length", name, "min", "1", "max", itoa(max))
	}
	for i := 0; i < len(name); i++ {
		if !isNameByte(name[i]) {
			return validation(field, "pattern", name, "pattern", namePattern)
		}
	}
	return nil
}

// ValidateUserName checks a user name: 1–64 letters, digits and
// + = , . @ _ -.
func ValidateUserName(name string) error { return checkName(FieldUserName, name, MaxUserNameLen) }

// ValidateGroupName checks a group name: 1–128 of the user name
// characters.
func ValidateGroupName(name string) error { return checkName(FieldGroupName, name, MaxGroupNameLen) }

// ValidatePolicyName checks a managed or inline policy name: 1–128 of the
// user name characters.
func ValidatePolicyName(name string) error {
	return checkName(FieldPolicyName, name, MaxPolicyNameLen)
}

// ValidatePath checks an IAM path: "/" or 1–512 characters that begin and
// end with "/", of U+0021–U+007E, without "*" and without empty segments.
func ValidatePath(path string) error {
	if len(path) < 1 || len(path) > MaxPathLen {
		return validation(FieldPath, "length", path, "min", "1", "max", itoa(MaxPathLen))
	}
	ok := path[0] == '/' && path[len(path)-1] == '/' && !strings.Contains(path, "//")
	for i := 0; ok && i < len(path); i++ {
		ok = path[i] >= 0x21 && path[i] <= 0x7e && path[i] != '*'
	}
	if !ok {
		return validation(FieldPath, "pattern", path, "pattern", `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`)
	}
	return nil
}

// ValidateDescription checks a managed policy description: at most 1,000
// characters.
func ValidateDescription(d string) error {
	if n := len([]rune(d)); n > MaxDescriptionLen {
		return validation(FieldDescription, "length", d, "min", "0", "max", itoa(MaxDescriptionLen))
	}
	return nil
}

// ValidateAlias checks an account alias: 3–63 lower-case letters, digits
// and single hyphens, starting and ending with a letter or digit, and not
// a 12-digit number (which would read as an account ID).
func ValidateAlias(alias string) error {
	if len(alias) < MinAliasLen || len(alias) > MaxAliasLen {
		return validation(FieldAccountAlias, "length", alias, "min", itoa(MinAliasLen), "max", itoa(MaxAliasLen))
	}
	ok := alias[0] != '-' && alias[len(alias)-1] != '-' && !strings.Contains(alias, "--")
	digits := true
	for i := 0; i < len(alias); i++ {
		c := alias[i]
		isDigit := c >= '0' && c <= '9'
		digits = digits && isDigit
		if !isDigit && (c < 'a' || c > 'z') && c != '-' {
			ok = false
		}
	}
	if !ok {
		return validation(FieldAccountAlias, "pattern", alias, "pattern", `^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`)
	}
	if digits && len(alias) == 12 {
		return validation(FieldAccountAlias, "accountId", alias)
	}
	return nil
}

// foldEqual compares two ASCII names ignoring case, as IAM compares names.
func foldEqual(a, b string) bool { return strings.EqualFold(a, b) }
