package iam

import (
	"fmt"
	"slices"
	"unicode"
)

// Validate checks IAM state loaded from a save for what the rules
// guarantee when it is built through them: valid, unique names and paths;
// ARNs and unique IDs that match the account; memberships and attachments
// that name existing groups and policies; the quotas; inline sizes; policy
// versions with their default; a valid password policy and MFA devices.
// A tampered or damaged save fails with the first problem found.
func (a Account) Validate(accountID string) error {
	ids := map[string]bool{}
	uniqueID := func(id, prefix string) error {
		if len(id) != 21 || id[:4] != prefix || ids[id] {
			return fmt.Errorf("iam: unique ID %q: not a new %s… ID", id, prefix)
		}
		ids[id] = true
		return nil
	}
	for i, g := range a.Groups {
		if err := ValidateGroupName(g.Name); err != nil {
			return fmt.Errorf("iam: group %q: %w", g.Name, err)
		}
		if err := ValidatePath(g.Path); err != nil || g.ARN != GroupARN(accountID, g.Path, g.Name) {
			return fmt.Errorf("iam: group %q: path %q or ARN %q does not match", g.Name, g.Path, g.ARN)
		}
		if a.groupIndex(g.Name) != i {
			return fmt.Errorf("iam: group %q: duplicate name", g.Name)
		}
		if err := uniqueID(g.ID, GroupIDPrefix); err != nil {
			return err
		}
		if err := a.validateAttached(g.Attached); err != nil {
			return fmt.Errorf("iam: group %q: %w", g.Name, err)
		}
		if err := validateInline(g.Inline, GroupInlineSizeQuota); err != nil {
			return fmt.Errorf("iam: group %q: %w", g.Name, err)
		}
	}
	for i, u := range a.Users {
		if err := ValidateUserName(u.Name); err != nil {
			return fmt.Errorf("iam: user %q: %w", u.Name, err)
		}
		if err := ValidatePath(u.Path); err != nil || u.ARN != UserARN(accountID, u.Path, u.Name) {
			return fmt.Errorf("iam: user %q: path %q or ARN %q does not match", u.Name, u.Path, u.ARN)
		}
		if a.userIndex(u.Name) != i {
			return fmt.Errorf("iam: user %q: duplicate name", u.Name)
		}
		if err := uniqueID(u.ID, UserIDPrefix); err != nil {
			return err
		}
		if len(u.Groups) > MaxGroupsPerUser || len(u.AccessKeys) > MaxAccessKeysPerUser ||
			len(u.MFA) > MaxMFADevicesPerUser || len(u.Tags) > MaxTagsPerEntity {
			return fmt.Errorf("iam: user %q: over a quota", u.Name)
		}
		for j, g := range u.Groups {
			if gi := a.groupIndex(g); gi < 0 || a.Groups[gi].Name != g || slices.Index(u.Groups, g) != j {
				return fmt.Errorf("iam: user %q: membership of %q", u.Name, g)
			}
		}
		if err := a.validateAttached(u.Attached); err != nil {
			return fmt.Errorf("iam: user %q: %w", u.Name, err)
		}
		if err := validateInline(u.Inline, UserInlineSizeQuota); err != nil {
			return fmt.Errorf("iam: user %q: %w", u.Name, err)
		}
		if err := checkTags(nil, u.Tags); err != nil {
			return fmt.Errorf("iam: user %q: tags: %w", u.Name, err)
		}
		for _, k := range u.AccessKeys {
			if len(k.ID) != 20 || k.ID[:4] != AccessKeyIDPrefix || (k.Status != KeyActive && k.Status != KeyInactive) {
				return fmt.Errorf("iam: user %q: access key %q", u.Name, k.ID)
			}
		}
		for _, d := range u.MFA {
			if err := d.Validate(); err != nil {
				return fmt.Errorf("iam: user %q: MFA device: %w", u.Name, err)
			}
			if owner, _ := a.MFADeviceOwner(d.Serial); owner != u.Name {
				return fmt.Errorf("iam: user %q: MFA device %q is also another user's", u.Name, d.Serial)
			}
		}
	}
	for i, p := range a.Policies {
		if err := ValidatePolicyName(p.Name); err != nil {
			return fmt.Errorf("iam: policy %q: %w", p.Name, err)
		}
		if err := ValidatePath(p.Path); err != nil || p.ARN != PolicyARN(accountID, p.Path, p.Name) {
			return fmt.Errorf("iam: policy %q: path %q or ARN %q does not match", p.Name, p.Path, p.ARN)
		}
		if q, _ := a.PolicyByName(p.Name); q.ARN != p.ARN || a.policyIndex(p.ARN) != i {
			return fmt.Errorf("iam: policy %q: duplicate name", p.Name)
		}
		if err := uniqueID(p.ID, PolicyIDPrefix); err != nil {
			return err
		}
		if len(p.Versions) < 1 || len(p.Versions) > MaxPolicyVersions || p.Default().ID == "" {
			return fmt.Errorf("iam: policy %q: versions", p.Name)
		}
		for _, v := range p.Versions {
			if n := versionNumber(v.ID); n < 1 || n >= p.NextVersion {
				return fmt.Errorf("iam: policy %q: version %q", p.Name, v.ID)
			}
		}
	}
	if err := a.PasswordPolicy.Validate(); err != nil {
		return fmt.Errorf("iam: password policy: %w", err)
	}
	return nil
}

// validateAttached checks attachments: attachable, unique, at most 10.
func (a Account) validateAttached(arns []string) error {
	if len(arns) > MaxManagedPerIdentity {
		return fmt.Errorf("%d attached policies", len(arns))
	}
	for i, arn := range arns {
		if err := a.attachable(arn); err != nil || slices.Index(arns, arn) != i {
			return fmt.Errorf("attached policy %q", arn)
		}
	}
	return nil
}

// validateInline checks inline policy names, recorded sizes and the
// aggregate quota. Documents are not re-parsed: their sizes are
// recomputed by CheckDocument only when saved through the rules, so a
// recorded size that disagrees is refused here.
func validateInline(list []InlinePolicy, quota int) error {
	total := 0
	for i, p := range list {
		if err := ValidatePolicyName(p.Name); err != nil {
			return err
		}
		if slices.IndexFunc(list, func(q InlinePolicy) bool { return q.Name == p.Name }) != i {
			return fmt.Errorf("duplicate inline policy %q", p.Name)
		}
		if p.Size != nonSpaceLen(p.Document) {
			return fmt.Errorf("inline policy %q: size %d does not match", p.Name, p.Size)
		}
		total += p.Size
	}
	if total > quota {
		return fmt.Errorf("inline policies of %d characters, quota %d", total, quota)
	}
	return nil
}

// nonSpaceLen counts the characters that are not white space
// (unicode.IsSpace), as the policy parser's Size does.
func nonSpaceLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// versionNumber reads "v<n>", or returns 0.
func versionNumber(id string) int {
	if len(id) < 2 || id[0] != 'v' {
		return 0
	}
	n := 0
	for _, c := range id[1:] {
		if c < '0' || c > '9' || n > 1<<20 {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
