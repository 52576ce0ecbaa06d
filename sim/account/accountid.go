package account

import "math/rand/v2"

// AccountIDLength is the number of digits of an AWS account ID.
const AccountIDLength = 12

// NewAccountID returns a random 12-digit account ID drawn from r. The first
// digit is never 0, so the ID survives tools that read it as a number;
// ValidAccountID still accepts a leading 0, as real IDs may have one.
func NewAccountID(r *rand.Rand) string {
	b := make([]byte, AccountIDLength)
	b[0] = byte('1' + r.IntN(9))
	for i := 1; i < len(b); i++ {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// ValidAccountID reports whether id is exactly 12 ASCII digits.
func ValidAccountID(id string) bool { return len(id) == AccountIDLength && allDigits(id) }

// RootARN returns the ARN of the account's root user,
// "arn:aws:iam::123456789012:root".
func RootARN(accountID string) string { return "arn:aws:iam::" + accountID + ":root" }
