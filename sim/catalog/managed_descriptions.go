package catalog

// managedDescriptions are AWS's descriptions of the managed policies, as the
// IAM console and the AWS Managed Policy Reference show them.
var managedDescriptions = map[string]string{
	"AdministratorAccess":     "Provides full access to AWS services and resources.",
	"AmazonEC2FullAccess":     "Provides full access to Amazon EC2 via the AWS Management Console.",
	"AmazonEC2ReadOnlyAccess": "Provides read only access to Amazon EC2 via the AWS Management Console.",
	"AmazonS3FullAccess":      "Provides full access to all buckets via the AWS Management Console.",
	"AmazonS3ReadOnlyAccess":  "Provides read only access to all buckets via the AWS Management Console.",
	"AmazonVPCFullAccess":     "Provides full access to Amazon VPC via the AWS Management Console.",
	"AmazonVPCReadOnlyAccess": "Provides read only access to Amazon VPC via the AWS Management Console.",
	"Billing":                 "Grants permissions for billing and cost management. This includes viewing account usage and viewing and modifying budgets and payment methods.",
	"DatabaseAdministrator":   "Grants full access permissions to AWS services and actions required to set up and configure AWS database services.",
	"IAMFullAccess":           "Provides full access to IAM via the AWS Management Console.",
	"IAMReadOnlyAccess":       "Provides read only access to IAM via the AWS Management Console.",
	"IAMUserChangePassword":   "Provides the ability for an IAM user to change their own password.",
	"NetworkAdministrator":    "Grants full access permissions to AWS services and actions required to set up and configure AWS network resources.",
	"PowerUserAccess":         "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
	"ReadOnlyAccess":          "Provides read-only access to AWS services and resources.",
	"SecurityAudit":           "The security audit template grants access to read security configuration metadata. It is useful for software that audits the configuration of an AWS account.",
	"SystemAdministrator":     "Grants full access permissions necessary for resources required for application and development operations.",
	"ViewOnlyAccess":          "This policy grants permissions to view resources and basic metadata across all AWS services.",
}
