//go:build entry

package sim

// validateIAM in the first-visit binary (build tag entry) leaves the
// account's IAM to the full console: this binary has no IAM operation and
// no IAM page, so it never reads or changes that part of the world; it only
// carries it, as decoded, into its saves, and the full console checks it
// when it reads them. Linking IAM's checks would link the policy parser.
func (a Account) validateIAM() error { return nil }
