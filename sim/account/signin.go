package account

import "labsim/sim/awserr"

// CodeAuthenticationFailed is the domain error code of a refused root
// sign-in; the console shows "Authentication failed" / "Your authentication
// information is incorrect. Please try again."
const CodeAuthenticationFailed = "AuthenticationFailed"

// SignInCaptchaAfterFailures is how many failed root sign-ins in a row make
// the sign-in page ask for the security check before the next try.
const SignInCaptchaAfterFailures = 3

// RootCredentials is what is kept of a root user's sign-in secret: the
// normalized email address and the password hash.
type RootCredentials struct {
	Email    string       `json:"email"`
	Password PasswordHash `json:"password"`
}

// NewRootCredentials returns credentials for email (stored normalized) and
// an already computed password hash.
func NewRootCredentials(email string, hash PasswordHash) RootCredentials {
	return RootCredentials{Email: NormalizeEmail(email), Password: hash}
}

// ValidateSignInEmail checks the email typed on the root sign-in page:
// required and well formed. Whether an account uses it is not revealed.
func ValidateSignInEmail(email string) []Problem { return ValidateEmail(email, nil) }

// Authenticate checks a root sign-in. It returns nil on success and an
// *awserr.Error with CodeAuthenticationFailed when the email (compared
// ignoring case) or the password is wrong; the two cases are
// indistinguishable to the caller.
func (c RootCredentials) Authenticate(email, password string) error {
	passwordOK := c.Password.Verify(password) // always spend the hashing time
	if !passwordOK || c.Email == "" || NormalizeEmail(email) != c.Email {
		return awserr.New(CodeAuthenticationFailed)
	}
	return nil
}

// SignInNeedsCaptcha reports whether the root sign-in page shows the
// security check after the given number of consecutive failures.
func SignInNeedsCaptcha(consecutiveFailures int) bool {
	return consecutiveFailures >= SignInCaptchaAfterFailures
}
