package sim

import (
	"labsim/sim/awserr"
	"labsim/sim/iam"
)

// Catalog keys of the email that the console's "Email sign-in
// instructions" puts in the virtual inbox.
const (
	IAMSigninMailSubjectKey = "mail.iamSignin.subject"
	IAMSigninMailBodyKey    = "mail.iamSignin.body"
)

// EmailSignInInstructions is the Create user wizard's "Email sign-in
// instructions": an email to the student's virtual inbox (the account's
// root email address) with the account's sign-in URL and the user's name,
// never the password, as AWS's email template has none. It reads the user
// (iam:GetUser) and changes no IAM state.
type EmailSignInInstructions struct{ UserName, URL string }

// Action implements Op.
func (EmailSignInInstructions) Action() string { return "iam:GetUser" }

// Resource implements Op.
func (o EmailSignInInstructions) Resource(w World, s Session) string {
	return w.userARN(s.AccountID, o.UserName)
}

// Apply implements Op.
func (o EmailSignInInstructions) Apply(w *World, s Session, env Env) error {
	acct, err := sessionAccount(w, s)
	if err != nil {
		return err
	}
	u, ok := acct.IAM.User(o.UserName)
	if !ok {
		return awserr.New(awserr.NoSuchEntity, "kind", iam.KindUser, "name", o.UserName)
	}
	sendEmail(w, acct.Email, IAMSigninMailSubjectKey, IAMSigninMailBodyKey,
		map[string]string{"user": u.Name, "url": o.URL, "account": acct.ID}, env)
	return nil
}

// Detail implements Detailer.
func (o EmailSignInInstructions) Detail(w World) map[string]string {
	return map[string]string{"userName": o.UserName}
}
