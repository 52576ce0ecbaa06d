package account

// MaxAccountNameLength is the longest AWS account name, in characters.
const MaxAccountNameLength = 50

var accountNameRule = textRule{
	field: FieldAccountName, required: true,
	max: MaxAccountNameLength, tooLong: CodeAccountNameTooLong,
}

// Step1Input is the first sign-up page of the textbook's flow: email
// address, password, confirmation and AWS account name.
type Step1Input struct {
	Email           string
	Password        string
	ConfirmPassword string
	AccountName     string
}

// ValidateAccountName checks the AWS account name: required, no control
// characters, at most MaxAccountNameLength characters. Any script is allowed.
func ValidateAccountName(name string) []Problem {
	return accountNameRule.appendCheck(nil, name)
}

// ValidateEmailAndName checks the first page of the newer flow (root user
// email address and AWS account name, before the email code is sent).
// taken receives the normalized address and may be nil.
func ValidateEmailAndName(email, accountName string, taken func(normalized string) bool) []Problem {
	problems := ValidateEmail(email, taken)
	return accountNameRule.appendCheck(problems, accountName)
}

// ValidateStep1 checks the whole first page of the textbook's flow, in page
// order: email, password, confirm password, account name. emailTaken
// receives the normalized address and may be nil.
func ValidateStep1(in Step1Input, emailTaken func(normalized string) bool) []Problem {
	problems := ValidateEmail(in.Email, emailTaken)
	problems = append(problems, ValidatePassword(in.Password, in.ConfirmPassword, in.Email, in.AccountName)...)
	return accountNameRule.appendCheck(problems, in.AccountName)
}
