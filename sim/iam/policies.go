package iam

import (
	"slices"
	"strings"

	"labsim/sim/awserr"
	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// CheckDocument checks a policy text as IAM accepts an identity policy of
// type t and returns its size in characters that are not white space.
// Refusals carry IAM's message from sim/policy: MalformedPolicyDocument,
// ValidationError (characters) or LimitExceeded (size; quota PolicySize,
// UserPolicySize or GroupPolicySize).
func CheckDocument(text string, t policy.PolicyType) (int, error) {
	doc, err := policy.Parse(text)
	if err != nil {
		doc = nil
	}
	if m := policy.CheckIAM(doc, text, t); m != nil {
		e := m.AWSError()
		if m.Code == awserr.LimitExceeded {
			e.Params["quota"] = sizeQuotaName(t)
			e.Params["limit"] = itoa(t.SizeQuota())
		}
		return 0, e
	}
	return doc.Size, nil
}

func sizeQuotaName(t policy.PolicyType) string {
	switch t {
	case policy.UserInlinePolicy:
		return "UserPolicySize"
	case policy.GroupInlinePolicy:
		return "GroupPolicySize"
	}
	return "PolicySize"
}

// IsAWSManagedARN reports whether arn names an AWS managed policy.
func IsAWSManagedARN(arn string) bool { return strings.HasPrefix(arn, "arn:aws:iam::aws:policy/") }

// attachable checks that arn names an AWS managed policy of the catalog or
// one of the account's customer managed policies.
func (a Account) attachable(arn string) error {
	if IsAWSManagedARN(arn) {
		if p, ok := catalog.LookupManagedPolicy(arn); ok && p.ARN == arn {
			return nil
		}
		return noSuch(KindAttachment, arn)
	}
	if a.policyIndex(arn) < 0 {
		return noSuch(KindAttachment, arn)
	}
	return nil
}

// attach adds arn to a list of attachments with the per-identity quota.
func (a Account) attach(list []string, arn, quota string) ([]string, error) {
	if err := a.attachable(arn); err != nil {
		return nil, err
	}
	if slices.Contains(list, arn) {
		return list, nil
	}
	if len(list) >= MaxManagedPerIdentity {
		return nil, limit(quota, MaxManagedPerIdentity)
	}
	return append(list, arn), nil
}

// detach removes arn from a list of attachments.
func detach(list []string, arn string) ([]string, error) {
	i := slices.Index(list, arn)
	if i < 0 {
		return nil, noSuch(KindAttachment, arn)
	}
	list = slices.Delete(list, i, i+1)
	if len(list) == 0 {
		list = nil
	}
	return list, nil
}

// AttachUserPolicy attaches a managed policy to a user (at most 10).
func (a *Account) AttachUserPolicy(userName, arn string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	list, err := a.attach(u.Attached, arn, "PoliciesPerUser")
	if err != nil {
		return err
	}
	u.Attached = list
	return nil
}

// DetachUserPolicy detaches a managed policy from a user.
func (a *Account) DetachUserPolicy(userName, arn string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	list, err := detach(u.Attached, arn)
	if err != nil {
		return err
	}
	u.Attached = list
	return nil
}

// AttachGroupPolicy attaches a managed policy to a group (at most 10).
func (a *Account) AttachGroupPolicy(groupName, arn string) error {
	g, err := a.group(groupName)
	if err != nil {
		return err
	}
	list, err := a.attach(g.Attached, arn, "PoliciesPerGroup")
	if err != nil {
		return err
	}
	g.Attached = list
	return nil
}

// DetachGroupPolicy detaches a managed policy from a group.
func (a *Account) DetachGroupPolicy(groupName, arn string) error {
	g, err := a.group(groupName)
	if err != nil {
		return err
	}
	list, err := detach(g.Attached, arn)
	if err != nil {
		return err
	}
	g.Attached = list
	return nil
}

// putInline adds or replaces an inline policy, checking the document and
// the aggregate size quota of the entity's inline policies.
func putInline(list []InlinePolicy, entity, name, doc string, t policy.PolicyType) ([]InlinePolicy, error) {
	if err := ValidatePolicyName(name); err != nil {
		return nil, err
	}
	size, err := CheckDocument(doc, t)
	if err != nil {
		if e, ok := awserr.As(err); ok && e.Code == awserr.LimitExceeded {
			e.Params["name"] = entity
		}
		return nil, err
	}
	total := size
	i := slices.IndexFunc(list, func(p InlinePolicy) bool { return p.Name == name })
	for j, p := range list {
		if j != i {
			total += p.Size
		}
	}
	if total > t.SizeQuota() {
		return nil, awserr.New(awserr.LimitExceeded, "quota", sizeQuotaName(t), "limit", itoa(t.SizeQuota()), "name", entity)
	}
	p := InlinePolicy{Name: name, Document: doc, Size: size}
	list = slices.Clone(list)
	if i >= 0 {
		list[i] = p
	} else {
		list = append(list, p)
	}
	return list, nil
}

// deleteInline removes an inline policy by its exact name.
func deleteInline(list []InlinePolicy, kind, name string) ([]InlinePolicy, error) {
	i := slices.IndexFunc(list, func(p InlinePolicy) bool { return p.Name == name })
	if i < 0 {
		return nil, noSuch(kind, name)
	}
	list = slices.Delete(list, i, i+1)
	if len(list) == 0 {
		list = nil
	}
	return list, nil
}

// PutUserPolicy adds or replaces a user's inline policy. All of a user's
// inline policies together may hold 2,048 characters (white space not
// counted).
func (a *Account) PutUserPolicy(userName, policyName, doc string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	list, err := putInline(u.Inline, u.Name, policyName, doc, policy.UserInlinePolicy)
	if err != nil {
		return err
	}
	u.Inline = list
	return nil
}

// DeleteUserPolicy deletes a user's inline policy.
func (a *Account) DeleteUserPolicy(userName, policyName string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	list, err := deleteInline(u.Inline, KindUserPolicy, policyName)
	if err != nil {
		return err
	}
	u.Inline = list
	return nil
}

// PutGroupPolicy adds or replaces a group's inline policy (5,120
// characters for all of them together).
func (a *Account) PutGroupPolicy(groupName, policyName, doc string) error {
	g, err := a.group(groupName)
	if err != nil {
		return err
	}
	list, err := putInline(g.Inline, g.Name, policyName, doc, policy.GroupInlinePolicy)
	if err != nil {
		return err
	}
	g.Inline = list
	return nil
}

// DeleteGroupPolicy deletes a group's inline policy.
func (a *Account) DeleteGroupPolicy(groupName, policyName string) error {
	g, err := a.group(groupName)
	if err != nil {
		return err
	}
	list, err := deleteInline(g.Inline, KindGroupPolicy, policyName)
	if err != nil {
		return err
	}
	g.Inline = list
	return nil
}

// versionID returns "v<n>".
func versionID(n int) string { return "v" + itoa(n) }

// CreatePolicy adds a customer managed policy with version v1 as its
// default. The document must be accepted by IAM and hold at most 6,144
// characters (white space not counted); the description at most 1,000.
func (a *Account) CreatePolicy(e Env, name, path, description, doc string, tags []Tag) (ManagedPolicy, error) {
	if err := ValidatePolicyName(name); err != nil {
		return ManagedPolicy{}, err
	}
	path = pathOrRoot(path)
	if err := ValidatePath(path); err != nil {
		return ManagedPolicy{}, err
	}
	if err := ValidateDescription(description); err != nil {
		return ManagedPolicy{}, err
	}
	if err := checkTags(nil, tags); err != nil {
		return ManagedPolicy{}, err
	}
	if _, taken := a.PolicyByName(name); taken {
		return ManagedPolicy{}, exists(KindPolicy, name)
	}
	if len(a.Policies) >= MaxCustomerPolicies {
		return ManagedPolicy{}, limit("Policies", MaxCustomerPolicies)
	}
	if _, err := CheckDocument(doc, policy.ManagedPolicy); err != nil {
		return ManagedPolicy{}, err
	}
	now := e.now()
	p := ManagedPolicy{
		Name: name, Path: path, ARN: PolicyARN(e.AccountID, path, name), ID: NewID(e.Rand, PolicyIDPrefix),
		Description: description, CreatedAt: now, UpdatedAt: now, DefaultVersion: versionID(1),
		Versions: []PolicyVersion{{ID: versionID(1), Document: doc, CreatedAt: now}}, NextVersion: 2,
		Tags: mergeTags(nil, tags),
	}
	a.Policies = append(a.Policies, p)
	return p, nil
}

// policy returns a pointer to the customer managed policy with the ARN.
func (a *Account) policy(arn string) (*ManagedPolicy, error) {
	i := a.policyIndex(arn)
	if i < 0 {
		return nil, noSuch(KindPolicy, arn)
	}
	return &a.Policies[i], nil
}

// CreatePolicyVersion adds a version (at most 5 per policy), made the
// default when setDefault.
func (a *Account) CreatePolicyVersion(e Env, arn, doc string, setDefault bool) (PolicyVersion, error) {
	p, err := a.policy(arn)
	if err != nil {
		return PolicyVersion{}, err
	}
	if len(p.Versions) >= MaxPolicyVersions {
		return PolicyVersion{}, limit("VersionsPerPolicy", MaxPolicyVersions)
	}
	if _, err := CheckDocument(doc, policy.ManagedPolicy); err != nil {
		return PolicyVersion{}, err
	}
	v := PolicyVersion{ID: versionID(p.NextVersion), Document: doc, CreatedAt: e.now()}
	p.NextVersion++
	p.Versions = append(p.Versions, v)
	if setDefault {
		p.DefaultVersion = v.ID
	}
	p.UpdatedAt = v.CreatedAt
	return v, nil
}

// versionIndex finds a version of a policy.
func versionIndex(p *ManagedPolicy, id string) (int, error) {
	i := slices.IndexFunc(p.Versions, func(v PolicyVersion) bool { return v.ID == id })
	if i < 0 {
		return -1, awserr.New(awserr.NoSuchEntity, "kind", KindPolicyVersion, "name", id, "policy", p.ARN)
	}
	return i, nil
}

// SetDefaultPolicyVersion makes a version the policy's default.
func (a *Account) SetDefaultPolicyVersion(e Env, arn, versionID string) error {
	p, err := a.policy(arn)
	if err != nil {
		return err
	}
	if _, err := versionIndex(p, versionID); err != nil {
		return err
	}
	p.DefaultVersion = versionID
	p.UpdatedAt = e.now()
	return nil
}

// DeletePolicyVersion deletes a version that is not the default.
func (a *Account) DeletePolicyVersion(arn, versionID string) error {
	p, err := a.policy(arn)
	if err != nil {
		return err
	}
	i, err := versionIndex(p, versionID)
	if err != nil {
		return err
	}
	if p.DefaultVersion == versionID {
		return conflict(KindPolicyVersion, versionID, ConflictDefaultVersion)
	}
	p.Versions = slices.Delete(p.Versions, i, i+1)
	return nil
}

// DeletePolicy deletes a customer managed policy that is attached to no
// one and has only its default version; IAM's API refuses otherwise with
// DeleteConflict.
func (a *Account) DeletePolicy(arn string) error {
	i := a.policyIndex(arn)
	if i < 0 {
		return noSuch(KindPolicy, arn)
	}
	p := a.Policies[i]
	if a.AttachmentCount(arn) > 0 {
		return conflict(KindPolicy, p.Name, ConflictAttachments)
	}
	if len(p.Versions) > 1 {
		return conflict(KindPolicy, p.Name, ConflictVersions)
	}
	a.Policies = slices.Delete(a.Policies, i, i+1)
	return nil
}

// PurgePolicy detaches a customer managed policy from every user and group
// and deletes its other versions, as the console does before deleting a
// policy. DeletePolicy then succeeds.
func (a *Account) PurgePolicy(arn string) error {
	p, err := a.policy(arn)
	if err != nil {
		return err
	}
	p.Versions = slices.DeleteFunc(p.Versions, func(v PolicyVersion) bool { return v.ID != p.DefaultVersion })
	for i := range a.Users {
		a.Users[i].Attached, _ = detachIfPresent(a.Users[i].Attached, arn)
	}
	for i := range a.Groups {
		a.Groups[i].Attached, _ = detachIfPresent(a.Groups[i].Attached, arn)
	}
	return nil
}

func detachIfPresent(list []string, arn string) ([]string, bool) {
	if !slices.Contains(list, arn) {
		return list, false
	}
	l, _ := detach(list, arn)
	return l, true
}
