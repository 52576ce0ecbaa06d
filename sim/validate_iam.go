//go:build !entry

package sim

// validateIAM checks the account's IAM by IAM's own rules (iam.Account.Validate).
func (a Account) validateIAM() error { return a.IAM.Validate(a.ID) }
