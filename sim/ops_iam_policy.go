package sim

import (
	"labsim/sim/iam"
)

// AttachUserPolicy attaches an AWS managed or customer managed policy to a
// user (iam:AttachUserPolicy on the user).
type AttachUserPolicy struct{ UserName, PolicyARN string }

// Action implements Op.
func (AttachUserPolicy) Action() string { return "iam:AttachUserPolicy" }

// Resource implements Op.
func (o AttachUserPolicy) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o AttachUserPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.AttachUserPolicy(o.UserName, o.PolicyARN) })
}

// Detail implements Detailer.
func (o AttachUserPolicy) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "policyArn": o.PolicyARN}
}

// DetachUserPolicy detaches a managed policy from a user
// (iam:DetachUserPolicy).
type DetachUserPolicy struct{ UserName, PolicyARN string }

// Action implements Op.
func (DetachUserPolicy) Action() string { return "iam:DetachUserPolicy" }

// Resource implements Op.
func (o DetachUserPolicy) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o DetachUserPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DetachUserPolicy(o.UserName, o.PolicyARN) })
}

// Detail implements Detailer.
func (o DetachUserPolicy) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "policyArn": o.PolicyARN}
}

// AttachGroupPolicy attaches a managed policy to a group
// (iam:AttachGroupPolicy on the group).
type AttachGroupPolicy struct{ GroupName, PolicyARN string }

// Action implements Op.
func (AttachGroupPolicy) Action() string { return "iam:AttachGroupPolicy" }

// Resource implements Op.
func (o AttachGroupPolicy) Resource(w World, s Session) string {
	return w.groupARN(s.AccountID, o.GroupName)
}

// Apply implements Op.
func (o AttachGroupPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.AttachGroupPolicy(o.GroupName, o.PolicyARN) })
}

// Detail implements Detailer.
func (o AttachGroupPolicy) Detail(w World) map[string]string {
	return map[string]string{"groupName": o.GroupName, "policyArn": o.PolicyARN}
}

// DetachGroupPolicy detaches a managed policy from a group
// (iam:DetachGroupPolicy).
type DetachGroupPolicy struct{ GroupName, PolicyARN string }

// Action implements Op.
func (DetachGroupPolicy) Action() string { return "iam:DetachGroupPolicy" }

// Resource implements Op.
func (o DetachGroupPolicy) Resource(w World, s Session) string {
	return w.groupARN(s.AccountID, o.GroupName)
}

// Apply implements Op.
func (o DetachGroupPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DetachGroupPolicy(o.GroupName, o.PolicyARN) })
}

// Detail implements Detailer.
func (o DetachGroupPolicy) Detail(w World) map[string]string {
	return map[string]string{"groupName": o.GroupName, "policyArn": o.PolicyARN}
}

// PutUserPolicy adds or replaces a user's inline policy
// (iam:PutUserPolicy). The document is checked as IAM does
// (MalformedPolicyDocument with the engine's message) and all of the
// user's inline policies may hold 2,048 characters.
type PutUserPolicy struct{ UserName, PolicyName, Document string }

// Action implements Op.
func (PutUserPolicy) Action() string { return "iam:PutUserPolicy" }

// Resource implements Op.
func (o PutUserPolicy) Resource(w World, s Session) string { return w.userARN(s.AccountID, o.UserName) }

// Apply implements Op.
func (o PutUserPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.PutUserPolicy(o.UserName, o.PolicyName, o.Document)
	})
}

// Detail implements Detailer.
func (o PutUserPolicy) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "policyName": o.PolicyName}
}

// DeleteUserPolicy deletes a user's inline policy (iam:DeleteUserPolicy).
type DeleteUserPolicy struct{ UserName, PolicyName string }

// Action implements Op.
func (DeleteUserPolicy) Action() string { return "iam:DeleteUserPolicy" }

// Resource implements Op.
func (o DeleteUserPolicy) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o DeleteUserPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeleteUserPolicy(o.UserName, o.PolicyName) })
}

// Detail implements Detailer.
func (o DeleteUserPolicy) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName, "policyName": o.PolicyName}
}

// PutGroupPolicy adds or replaces a group's inline policy
// (iam:PutGroupPolicy; 5,120 characters for all of them).
type PutGroupPolicy struct{ GroupName, PolicyName, Document string }

// Action implements Op.
func (PutGroupPolicy) Action() string { return "iam:PutGroupPolicy" }

// Resource implements Op.
func (o PutGroupPolicy) Resource(w World, s Session) string {
	return w.groupARN(s.AccountID, o.GroupName)
}

// Apply implements Op.
func (o PutGroupPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.PutGroupPolicy(o.GroupName, o.PolicyName, o.Document)
	})
}

// Detail implements Detailer.
func (o PutGroupPolicy) Detail(w World) map[string]string {
	return map[string]string{"groupName": o.GroupName, "policyName": o.PolicyName}
}

// DeleteGroupPolicy deletes a group's inline policy
// (iam:DeleteGroupPolicy).
type DeleteGroupPolicy struct{ GroupName, PolicyName string }

// Action implements Op.
func (DeleteGroupPolicy) Action() string { return "iam:DeleteGroupPolicy" }

// Resource implements Op.
func (o DeleteGroupPolicy) Resource(w World, s Session) string {
	return w.groupARN(s.AccountID, o.GroupName)
}

// Apply implements Op.
func (o DeleteGroupPolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeleteGroupPolicy(o.GroupName, o.PolicyName) })
}

// Detail implements Detailer.
func (o DeleteGroupPolicy) Detail(w World) map[string]string {
	return map[string]string{"groupName": o.GroupName, "policyName": o.PolicyName}
}

// CreatePolicy creates a customer managed policy (iam:CreatePolicy on the
// new policy's ARN) with version v1 as its default.
type CreatePolicy struct {
	Name, Path, Description, Document string
	Tags                              []iam.Tag
}

// Action implements Op.
func (CreatePolicy) Action() string { return "iam:CreatePolicy" }

// Resource implements Op.
func (o CreatePolicy) Resource(w World, s Session) string {
	return iam.PolicyARN(s.AccountID, o.Path, o.Name)
}

// Apply implements Op.
func (o CreatePolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		_, err := a.CreatePolicy(e, o.Name, o.Path, o.Description, o.Document, o.Tags)
		return err
	})
}

// Detail implements Detailer.
func (o CreatePolicy) Detail(w World) map[string]string {
	return map[string]string{"policyName": o.Name}
}

// CreatePolicyVersion adds a version to a customer managed policy
// (iam:CreatePolicyVersion), the default when SetAsDefault.
type CreatePolicyVersion struct {
	PolicyARN, Document string
	SetAsDefault        bool
}

// Action implements Op.
func (CreatePolicyVersion) Action() string { return "iam:CreatePolicyVersion" }

// Resource implements Op.
func (o CreatePolicyVersion) Resource(w World, s Session) string { return o.PolicyARN }

// Apply implements Op.
func (o CreatePolicyVersion) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		_, err := a.CreatePolicyVersion(e, o.PolicyARN, o.Document, o.SetAsDefault)
		return err
	})
}

// Detail implements Detailer: the new version's ID.
func (o CreatePolicyVersion) Detail(w World) map[string]string {
	d := map[string]string{"policyArn": o.PolicyARN, "setAsDefault": boolText(o.SetAsDefault)}
	if p, ok := w.Accounts[accountOfARN(o.PolicyARN)].IAM.Policy(o.PolicyARN); ok && len(p.Versions) > 0 {
		d["versionId"] = p.Versions[len(p.Versions)-1].ID
	}
	return d
}

// SetDefaultPolicyVersion makes a version the default
// (iam:SetDefaultPolicyVersion).
type SetDefaultPolicyVersion struct{ PolicyARN, VersionID string }

// Action implements Op.
func (SetDefaultPolicyVersion) Action() string { return "iam:SetDefaultPolicyVersion" }

// Resource implements Op.
func (o SetDefaultPolicyVersion) Resource(w World, s Session) string { return o.PolicyARN }

// Apply implements Op.
func (o SetDefaultPolicyVersion) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.SetDefaultPolicyVersion(e, o.PolicyARN, o.VersionID)
	})
}

// Detail implements Detailer.
func (o SetDefaultPolicyVersion) Detail(w World) map[string]string {
	return map[string]string{"policyArn": o.PolicyARN, "versionId": o.VersionID}
}

// DeletePolicyVersion deletes a version that is not the default
// (iam:DeletePolicyVersion).
type DeletePolicyVersion struct{ PolicyARN, VersionID string }

// Action implements Op.
func (DeletePolicyVersion) Action() string { return "iam:DeletePolicyVersion" }

// Resource implements Op.
func (o DeletePolicyVersion) Resource(w World, s Session) string { return o.PolicyARN }

// Apply implements Op.
func (o DeletePolicyVersion) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error {
		return a.DeletePolicyVersion(o.PolicyARN, o.VersionID)
	})
}

// Detail implements Detailer.
func (o DeletePolicyVersion) Detail(w World) map[string]string {
	return map[string]string{"policyArn": o.PolicyARN, "versionId": o.VersionID}
}

// DeletePolicy deletes a customer managed policy that is attached to no
// one and has no other versions (iam:DeletePolicy); the console's delete
// is ConsoleDeletePolicy.
type DeletePolicy struct{ PolicyARN string }

// Action implements Op.
func (DeletePolicy) Action() string { return "iam:DeletePolicy" }

// Resource implements Op.
func (o DeletePolicy) Resource(w World, s Session) string { return o.PolicyARN }

// Apply implements Op.
func (o DeletePolicy) Apply(w *World, s Session, env Env) error {
	return changeIAM(w, s, env, func(a *iam.Account, e iam.Env) error { return a.DeletePolicy(o.PolicyARN) })
}

// Detail implements Detailer.
func (o DeletePolicy) Detail(w World) map[string]string {
	return map[string]string{"policyArn": o.PolicyARN}
}
