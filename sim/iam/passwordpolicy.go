package iam

import (
	"math/rand/v2"
	"strings"
	"time"

	"labsim/sim/account"
	"labsim/sim/awserr"
)

// PasswordPolicy is the account password policy. Its zero value (Custom
// false) is IAM's default policy: 8 to 128 characters with at least three
// of upper-case letters, lower-case letters, numbers and symbols, not the
// account name or email address, never expiring, and users may not change
// their own password unless a policy allows iam:ChangePassword.
type PasswordPolicy struct {
	// Custom is set once an administrator saves a custom policy.
	Custom             bool `json:"custom,omitempty"`
	MinLength          int  `json:"minLength,omitempty"`
	RequireUppercase   bool `json:"requireUppercase,omitempty"`
	RequireLowercase   bool `json:"requireLowercase,omitempty"`
	RequireNumbers     bool `json:"requireNumbers,omitempty"`
	RequireSymbols     bool `json:"requireSymbols,omitempty"`
	AllowUsersToChange bool `json:"allowUsersToChange,omitempty"`
	// MaxAgeDays is the password lifetime in days; 0 never expires.
	MaxAgeDays int `json:"maxAgeDays,omitempty"`
	// ReusePrevention is how many previous passwords may not be reused;
	// 0 allows reuse.
	ReusePrevention int `json:"reusePrevention,omitempty"`
	// HardExpiry is "Password expiration requires administrator reset".
	HardExpiry bool `json:"hardExpiry,omitempty"`
}

// Limits of the password policy's settings (UpdateAccountPasswordPolicy).
const (
	DefaultMinPasswordLength = 8
	MinPasswordLengthLow     = 6
	MaxAgeDaysLimit          = 1095
	MaxReusePrevention       = 24
)

// PasswordSymbols are the characters IAM counts as non-alphanumeric.
const PasswordSymbols = "!@#$%^&*()_+-=[]{}|'"

// PasswordRule names one requirement a password failed, as listed by
// PasswordPolicyViolation's "rules" parameter.
type PasswordRule string

// The password rules.
const (
	RuleMinLength      PasswordRule = "minLength"
	RuleMaxLength      PasswordRule = "maxLength"
	RuleCharacters     PasswordRule = "characters" // outside printable ASCII
	RuleUppercase      PasswordRule = "uppercase"
	RuleLowercase      PasswordRule = "lowercase"
	RuleNumbers        PasswordRule = "numbers"
	RuleSymbols        PasswordRule = "symbols"
	RuleThreeKinds     PasswordRule = "threeKinds" // default policy: 3 of the 4 kinds
	RuleNotAccountName PasswordRule = "notAccountName"
	RuleNotEmail       PasswordRule = "notEmail"
	RuleReused         PasswordRule = "reused"
)

// Validate checks a custom policy's settings: minimum length 6–128,
// expiry 0 (never) or 1–1095 days, reuse prevention 0 (off) or 1–24.
func (p PasswordPolicy) Validate() error {
	if !p.Custom {
		return nil
	}
	if p.MinLength < MinPasswordLengthLow || p.MinLength > MaxPasswordLen {
		return validation(FieldMinLength, "range", itoa(p.MinLength), "min", itoa(MinPasswordLengthLow), "max", itoa(MaxPasswordLen))
	}
	if p.MaxAgeDays < 0 || p.MaxAgeDays > MaxAgeDaysLimit {
		return validation(FieldMaxAge, "range", itoa(p.MaxAgeDays), "min", "1", "max", itoa(MaxAgeDaysLimit))
	}
	if p.ReusePrevention < 0 || p.ReusePrevention > MaxReusePrevention {
		return validation(FieldReusePrevention, "range", itoa(p.ReusePrevention), "min", "1", "max", itoa(MaxReusePrevention))
	}
	return nil
}

// MinimumLength returns the policy's minimum password length.
func (p PasswordPolicy) MinimumLength() int {
	if !p.Custom || p.MinLength == 0 {
		return DefaultMinPasswordLength
	}
	return p.MinLength
}

// Check returns the rules pw fails under the policy, in a fixed order;
// none means the password is allowed. accountName and email are the root
// user's, which the default policy refuses as passwords.
func (p PasswordPolicy) Check(pw, accountName, email string) []PasswordRule {
	var failed []PasswordRule
	if len(pw) < p.MinimumLength() {
		failed = append(failed, RuleMinLength)
	}
	if len(pw) > MaxPasswordLen {
		failed = append(failed, RuleMaxLength)
	}
	var upper, lower, digit, symbol, bad bool
	for i := 0; i < len(pw); i++ {
		c := pw[i]
		switch {
		case c < 0x20 || c > 0x7e:
			bad = true
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		case strings.IndexByte(PasswordSymbols, c) >= 0:
			symbol = true
		}
	}
	if bad {
		failed = append(failed, RuleCharacters)
	}
	if p.Custom {
		for _, r := range []struct {
			need, have bool
			rule       PasswordRule
		}{{p.RequireUppercase, upper, RuleUppercase}, {p.RequireLowercase, lower, RuleLowercase},
			{p.RequireNumbers, digit, RuleNumbers}, {p.RequireSymbols, symbol, RuleSymbols}} {
			if r.need && !r.have {
				failed = append(failed, r.rule)
			}
		}
		return failed
	}
	kinds := 0
	for _, k := range []bool{upper, lower, digit, symbol} {
		if k {
			kinds++
		}
	}
	if kinds < 3 {
		failed = append(failed, RuleThreeKinds)
	}
	if accountName != "" && strings.EqualFold(pw, accountName) {
		failed = append(failed, RuleNotAccountName)
	}
	if email != "" && strings.EqualFold(pw, email) {
		failed = append(failed, RuleNotEmail)
	}
	return failed
}

// violation returns PasswordPolicyViolation for failed rules, or nil.
func violation(failed []PasswordRule) error {
	if len(failed) == 0 {
		return nil
	}
	names := make([]string, len(failed))
	for i, r := range failed {
		names[i] = string(r)
	}
	return awserr.New(PasswordPolicyViolation, "rules", strings.Join(names, ","))
}

// Expired reports whether a password set at changedAt has expired at now.
func (p PasswordPolicy) Expired(changedAt, now time.Time) bool {
	return p.Custom && p.MaxAgeDays > 0 && !now.Before(changedAt.Add(time.Duration(p.MaxAgeDays)*24*time.Hour))
}

// UsersMayChangeOwn reports whether the policy lets every IAM user change
// their own password without a policy allowing iam:ChangePassword.
func (p PasswordPolicy) UsersMayChangeOwn() bool { return p.Custom && p.AllowUsersToChange }

// GeneratePassword returns a password of max(16, minimum length)
// characters holding every kind of character, so that any policy accepts
// it, drawn from r (the console's "Autogenerated password").
func (p PasswordPolicy) GeneratePassword(r *rand.Rand) string {
	n := max(16, p.MinimumLength())
	kinds := []string{"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#$%^&*()_+-=[]{}|"}
	all := strings.Join(kinds, "")
	b := make([]byte, n)
	for i := range b {
		set := all
		if i < len(kinds) {
			set = kinds[i]
		}
		b[i] = set[r.IntN(len(set))]
	}
	r.Shuffle(n, func(i, j int) { b[i], b[j] = b[j], b[i] })
	return string(b)
}

// checkNewPassword checks pw against the policy and, with reuse
// prevention, the login profile's current and earlier passwords.
func (a Account) checkNewPassword(e Env, pw string, l LoginProfile) error {
	p := a.PasswordPolicy
	failed := p.Check(pw, e.AccountName, e.Email)
	if len(failed) == 0 && p.Custom && p.ReusePrevention > 0 && l.Enabled() {
		prev := append([]account.PasswordHash{l.Password}, l.History...)
		for i, h := range prev {
			if i >= p.ReusePrevention {
				break
			}
			if h.Verify(pw) {
				failed = append(failed, RuleReused)
				break
			}
		}
	}
	return violation(failed)
}

// UpdatePasswordPolicy sets a custom password policy.
func (a *Account) UpdatePasswordPolicy(p PasswordPolicy) error {
	p.Custom = true
	if p.MinLength == 0 {
		p.MinLength = MinPasswordLengthLow
	}
	if err := p.Validate(); err != nil {
		return err
	}
	a.PasswordPolicy = p
	return nil
}

// DeletePasswordPolicy returns to IAM's default policy; without a custom
// policy it is NoSuchEntity.
func (a *Account) DeletePasswordPolicy(accountID string) error {
	if !a.PasswordPolicy.Custom {
		return noSuch(KindPasswordPolicy, accountID)
	}
	a.PasswordPolicy = PasswordPolicy{}
	return nil
}
