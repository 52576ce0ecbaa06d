package signin

// What the external tests (package signin_test) use directly.
var (
	ExpFieldSIEmail            = fieldSIEmail
	ExpFieldSIIAMPass          = fieldSIIAMPass
	ExpFieldSIPassword         = fieldSIPassword
	ExpFieldSigninMFACode      = fieldSigninMFACode
	ExpFieldSigninMFAEmailCode = fieldSigninMFAEmailCode
	ExpHashSigninPassword      = hashSigninPassword
	ExpSecretSIVerified        = secretSIVerified
)
