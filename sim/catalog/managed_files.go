package catalog

import _ "embed" // the managed policy files

// The managed policy files, one string each (an embed.FS would pull io/fs
// and more of package time into the browser build).

//go:embed managed/AdministratorAccess.json
var managedAdministratorAccess string

//go:embed managed/AmazonEC2FullAccess.json
var managedAmazonEC2FullAccess string

//go:embed managed/AmazonEC2ReadOnlyAccess.json
var managedAmazonEC2ReadOnlyAccess string

//go:embed managed/AmazonS3FullAccess.json
var managedAmazonS3FullAccess string

//go:embed managed/AmazonS3ReadOnlyAccess.json
var managedAmazonS3ReadOnlyAccess string

//go:embed managed/AmazonVPCFullAccess.json
var managedAmazonVPCFullAccess string

//go:embed managed/AmazonVPCReadOnlyAccess.json
var managedAmazonVPCReadOnlyAccess string

//go:embed managed/Billing.json
var managedBilling string

//go:embed managed/DatabaseAdministrator.json
var managedDatabaseAdministrator string

//go:embed managed/IAMFullAccess.json
var managedIAMFullAccess string

//go:embed managed/IAMReadOnlyAccess.json
var managedIAMReadOnlyAccess string

//go:embed managed/IAMUserChangePassword.json
var managedIAMUserChangePassword string

//go:embed managed/NetworkAdministrator.json
var managedNetworkAdministrator string

//go:embed managed/PowerUserAccess.json
var managedPowerUserAccess string

//go:embed managed/ReadOnlyAccess.json
var managedReadOnlyAccess string

//go:embed managed/SecurityAudit.json
var managedSecurityAudit string

//go:embed managed/SystemAdministrator.json
var managedSystemAdministrator string

//go:embed managed/ViewOnlyAccess.json
var managedViewOnlyAccess string

// managedFiles lists the embedded files by policy name.
func managedFiles() map[string]string {
	return map[string]string{
		"AdministratorAccess":     managedAdministratorAccess,
		"AmazonEC2FullAccess":     managedAmazonEC2FullAccess,
		"AmazonEC2ReadOnlyAccess": managedAmazonEC2ReadOnlyAccess,
		"AmazonS3FullAccess":      managedAmazonS3FullAccess,
		"AmazonS3ReadOnlyAccess":  managedAmazonS3ReadOnlyAccess,
		"AmazonVPCFullAccess":     managedAmazonVPCFullAccess,
		"AmazonVPCReadOnlyAccess": managedAmazonVPCReadOnlyAccess,
		"Billing":                 managedBilling,
		"DatabaseAdministrator":   managedDatabaseAdministrator,
		"IAMFullAccess":           managedIAMFullAccess,
		"IAMReadOnlyAccess":       managedIAMReadOnlyAccess,
		"IAMUserChangePassword":   managedIAMUserChangePassword,
		"NetworkAdministrator":    managedNetworkAdministrator,
		"PowerUserAccess":         managedPowerUserAccess,
		"ReadOnlyAccess":          managedReadOnlyAccess,
		"SecurityAudit":           managedSecurityAudit,
		"SystemAdministrator":     managedSystemAdministrator,
		"ViewOnlyAccess":          managedViewOnlyAccess,
	}
}
