package policy

import (
	"sort"
	"strings"

	"labsim/sim/catalog"
)

// fakeCatalog is a small catalog.Actions for tests, with the lookups
// case-insensitive as the interface requires. Facts are from the Service
// Authorization Reference pages of IAM, S3, EC2 and STS.
type fakeCatalog struct {
	services map[string]*catalog.Service
}

func (f *fakeCatalog) Service(prefix string) (*catalog.Service, bool) {
	s, ok := f.services[strings.ToLower(prefix)]
	return s, ok
}

func (f *fakeCatalog) Prefixes() []string {
	out := make([]string, 0, len(f.services))
	for _, s := range f.services {
		out = append(out, s.Prefix)
	}
	sort.Strings(out)
	return out
}

func (f *fakeCatalog) Action(prefix, name string) (catalog.Action, bool) {
	s, ok := f.Service(prefix)
	if !ok {
		return catalog.Action{}, false
	}
	for _, a := range s.Actions {
		if strings.EqualFold(a.Name, name) {
			return a, true
		}
	}
	return catalog.Action{}, false
}

func (f *fakeCatalog) ConditionKey(name string) (catalog.ConditionKey, bool) {
	if k, ok := catalog.GlobalConditionKey(name); ok {
		return k, true
	}
	prefix, _, _ := strings.Cut(name, ":")
	s, ok := f.Service(prefix)
	if !ok {
		return catalog.ConditionKey{}, false
	}
	for _, k := range s.ConditionKeys {
		if strings.EqualFold(k.Name, name) {
			return k, true
		}
		if i := strings.Index(k.Name, "${"); i >= 0 && len(name) > i && strings.EqualFold(k.Name[:i], name[:i]) {
			return k, true
		}
	}
	return catalog.ConditionKey{}, false
}

func actionsOf(level catalog.AccessLevel, names ...string) []catalog.Action {
	out := make([]catalog.Action, len(names))
	for i, n := range names {
		out[i] = catalog.Action{Name: n, Level: level}
	}
	return out
}

func newFakeCatalog() *fakeCatalog {
	svcs := []*catalog.Service{
		{
			Prefix: "iam", Name: "AWS Identity and Access Management (IAM)",
			Actions: append(append(actionsOf(catalog.Read,
				"GenerateCredentialReport", "GetAccountPasswordPolicy", "GetAccountSummary",
				"GetCredentialReport", "GetRole", "GetUser", "GetUserPolicy"),
				actionsOf(catalog.List, "ListAccessKeys", "ListMFADevices", "ListRoles", "ListUsers", "ListVirtualMFADevices")...),
				actionsOf(catalog.Write, "ChangePassword", "CreateAccessKey", "CreateServiceLinkedRole", "CreateUser",
					"CreateVirtualMFADevice", "DeactivateMFADevice", "DeleteUser", "EnableMFADevice", "PassRole",
					"ResyncMFADevice")...),
			ResourceTypes: []catalog.ResourceType{
				{Name: "mfa", ARN: "arn:${Partition}:iam::${Account}:mfa/${MfaTokenIdWithPath}"},
				{Name: "policy", ARN: "arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath}"},
				{Name: "role", ARN: "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"},
				{Name: "user", ARN: "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}"},
			},
			ConditionKeys: []catalog.ConditionKey{
				{Name: "iam:AWSServiceName", Type: "String"},
				{Name: "iam:PassedToService", Type: "String"},
				{Name: "iam:PermissionsBoundary", Type: "ARN"},
				{Name: "iam:ResourceTag/${TagKey}", Type: "String"},
			},
		},
		{
			Prefix: "s3", Name: "Amazon S3",
			Actions: append(append(actionsOf(catalog.Read, "GetBucketLocation", "GetObject", "GetObjectAcl", "GetObjectVersion"),
				actionsOf(catalog.List, "ListAllMyBuckets", "ListBucket")...),
				actionsOf(catalog.Write, "DeleteObject", "PutObject")...),
			ResourceTypes: []catalog.ResourceType{
				{Name: "accesspoint", ARN: "arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}"},
				{Name: "bucket", ARN: "arn:${Partition}:s3:::${BucketName}"},
				{Name: "object", ARN: "arn:${Partition}:s3:::${BucketName}/${ObjectName}"},
			},
			ConditionKeys: []catalog.ConditionKey{
				{Name: "s3:ExistingObjectTag/<key>", Type: "String"},
				{Name: "s3:prefix", Type: "String"},
				{Name: "s3:max-keys", Type: "Numeric"},
			},
		},
		{
			Prefix: "ec2", Name: "Amazon EC2",
			Actions: append(actionsOf(catalog.List, "DescribeInstances", "DescribeVolumes"),
				actionsOf(catalog.Write, "RunInstances", "StartInstances", "StopInstances")...),
			ResourceTypes: []catalog.ResourceType{
				{Name: "instance", ARN: "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}"},
				{Name: "volume", ARN: "arn:${Partition}:ec2:${Region}:${Account}:volume/${VolumeId}"},
			},
			ConditionKeys: []catalog.ConditionKey{
				{Name: "ec2:InstanceType", Type: "String"},
				{Name: "ec2:ResourceTag/${TagKey}", Type: "String"},
				{Name: "ec2:Attribute", Type: "ArrayOfString"},
			},
		},
		{
			Prefix: "sts", Name: "AWS Security Token Service",
			Actions:       actionsOf(catalog.Write, "AssumeRole", "GetSessionToken"),
			ResourceTypes: []catalog.ResourceType{{Name: "role", ARN: "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"}},
		},
	}
	f := &fakeCatalog{services: make(map[string]*catalog.Service)}
	for _, s := range svcs {
		f.services[s.Prefix] = s
	}
	return f
}
