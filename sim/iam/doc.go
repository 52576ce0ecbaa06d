// Package iam is the IAM state of one simulated AWS account and IAM's pure
// rules over it: users with their console password, access keys and MFA
// devices, groups and memberships, customer managed policies with their
// versions, attachments of AWS managed and customer managed policies,
// inline policies, tags and the account password policy.
//
// Every rule fails with a domain error of sim/awserr carrying IAM's code
// (EntityAlreadyExists, LimitExceeded, ValidationError, NoSuchEntity,
// DeleteConflict, MalformedPolicyDocument, PasswordPolicyViolation, …)
// and named parameters, never display text; APIMessage renders the
// wording the IAM API (and so the CLI) uses.
//
// An Account is a value. Its methods that change it take a pointer and
// check everything before changing anything, so a failed call leaves the
// account as it was; the world (package sim) additionally applies every
// operation to a private copy made with Clone.
//
// # Parameters of the errors
//
//	ValidationError          field, constraint ("length", "pattern", "range", "reserved"), value, min, max
//	EntityAlreadyExists      kind (User, Group, Policy, LoginProfile, MFADevice, AccountAlias), name
//	NoSuchEntity             kind (as above, plus AccessKey, PolicyVersion, UserPolicy, GroupPolicy, Membership, Attachment), name
//	LimitExceeded            quota (PoliciesPerUser, PoliciesPerGroup, GroupsPerUser, AccessKeysPerUser,
//	                         VersionsPerPolicy, PolicySize, UserPolicySize, GroupPolicySize, TagsPerUser,
//	                         Users, Groups, Policies, MFADevicesInUse), limit, name (for sizes)
//	DeleteConflict           kind, name, reason (see the Conflict… constants)
//	MalformedPolicyDocument  message (IAM's message from sim/policy)
//	PasswordPolicyViolation  rules (comma-separated PasswordRule names)
package iam
