package sim

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"labsim/sim/account"
	"labsim/sim/awserr"
)

// SignUpAction is the event action of a sign-up. AWS records no CloudTrail
// event for creating an account through the sign-up pages; the simulator
// names it after the sign-up service so that lab checks can find it.
const SignUpAction = "signup:CreateAccount"

// Welcome email: sender and catalog keys (the console's devices catalog
// holds the text in both languages).
const (
	AWSMailFrom         = "no-reply-aws@amazon.com"
	WelcomeSubjectKey   = "mail.welcome.subject"
	WelcomeBodyKey      = "mail.welcome.body"
	maxAccountIDRetries = 100
)

// SignUp creates an AWS account as the five sign-up pages do: a random
// 12-digit account ID, the root user's email address and password (kept
// only as a salted hash), the contact information, a summary of the card
// (brand and last four digits, never the number) and the support plan.
// It then mails the welcome message, which names the account ID, to the
// virtual inbox. Anyone may sign up while signed out; several accounts can
// exist side by side, each with its own email address.
type SignUp struct {
	// AccountID is the new account's ID. Leave it empty to have Apply draw
	// one; callers that want the event to name the account draw it first
	// with World.UnusedAccountID.
	AccountID   string
	Email       string
	AccountName string
	// Password is the root password in clear; Apply checks the password
	// rules and hashes it (cost env.PasswordCost, salt from env.Entropy).
	// When it is empty, PasswordHash must hold a hash made earlier (the
	// console hashes on page 1 so that a reload, which forgets typed
	// passwords, does not lose it).
	Password     string
	PasswordHash account.PasswordHash
	Contact      Contact
	Card         account.CardSummary
	SupportPlan  string
}

// Action implements Op.
func (SignUp) Action() string { return SignUpAction }

// Resource implements Op: the new root user's ARN when the ID is known.
func (o SignUp) Resource(w World, s Session) string {
	if o.AccountID == "" {
		return "*"
	}
	return account.RootARN(o.AccountID)
}

// Unauthenticated implements Unauthenticated: signing up needs no session.
func (SignUp) Unauthenticated() {}

// Detail implements Detailer: the new account's ID and support plan.
func (o SignUp) Detail(w World) map[string]string {
	id := o.AccountID
	if a, ok := w.AccountByEmail(account.Clean(o.Email)); ok {
		id = a.ID
	}
	return map[string]string{"accountId": id, "supportPlan": o.SupportPlan}
}

// Apply implements Op. Every rule of every page is checked again, so a
// world can never hold an account that the pages would have refused; a
// failed rule is an awserr.ValidationError naming the field and problem.
func (o SignUp) Apply(w *World, s Session, env Env) error {
	taken := func(n string) bool { _, ok := w.AccountByEmail(n); return ok }
	var problems []account.Problem
	if o.Password != "" {
		problems = account.ValidateStep1(account.Step1Input{Email: o.Email, Password: o.Password,
			ConfirmPassword: o.Password, AccountName: o.AccountName}, taken)
	} else {
		problems = account.ValidateEmailAndName(o.Email, o.AccountName, taken)
		if o.PasswordHash.IsZero() {
			problems = append(problems, account.Problem{Field: account.FieldPassword, Code: account.CodeRequired})
		}
	}
	problems = append(problems, account.ValidateContact(o.Contact.input())...)
	if o.Card.Brand == "" || len(o.Card.Last4) != 4 {
		problems = append(problems, account.Problem{Field: account.FieldCardNumber, Code: account.CodeRequired})
	}
	problems = append(problems, account.ValidateSupportPlan(o.SupportPlan)...)
	if len(problems) > 0 {
		return problemError(problems[0])
	}
	id := o.AccountID
	switch {
	case id == "":
		id = w.UnusedAccountID(env.Rand)
		if id == "" {
			return awserr.New(awserr.LimitExceeded, "field", "AccountId")
		}
	case !account.ValidAccountID(id):
		return awserr.New(awserr.ValidationError, "field", "AccountId", "problem", "invalid")
	default:
		if _, used := w.Accounts[id]; used {
			return awserr.New(awserr.EntityAlreadyExists, "kind", "Account", "name", id)
		}
	}
	hash := o.PasswordHash
	if o.Password != "" {
		var err error
		if hash, err = account.NewPasswordHash(o.Password, env.Entropy, env.PasswordCost); err != nil {
			return fmt.Errorf("sign up: hash root password: %w", err)
		}
	}
	acct := Account{
		ID:           id,
		Name:         account.Clean(o.AccountName),
		Email:        account.NormalizeEmail(o.Email),
		CreatedAt:    env.Now.UTC().Truncate(time.Second),
		RootPassword: hash,
		Contact:      o.Contact.cleaned(),
		Card:         o.Card,
		SupportPlan:  o.SupportPlan,
	}
	w.Accounts[id] = acct
	sendEmail(w, acct.Email, WelcomeSubjectKey, WelcomeBodyKey,
		map[string]string{"accountId": id, "accountName": acct.Name, "email": acct.Email}, env)
	return nil
}

// UnusedAccountID draws a random 12-digit account ID that no account of
// the world uses, or "" in the practically impossible case that every draw
// collides.
func (w World) UnusedAccountID(r *rand.Rand) string {
	for range maxAccountIDRetries {
		id := account.NewAccountID(r)
		if _, used := w.Accounts[id]; !used {
			return id
		}
	}
	return ""
}

// problemError turns a validation problem into a domain error that names
// the field, the problem code and its parameters.
func problemError(p account.Problem) error {
	kv := []string{"field", p.Field, "problem", p.Code}
	for k, v := range p.Params {
		kv = append(kv, k, v)
	}
	return awserr.New(awserr.ValidationError, kv...)
}

// ProblemOf recovers the validation problem carried by an error from
// SignUp or ResetRootPassword.
func ProblemOf(err error) (account.Problem, bool) {
	e, ok := awserr.As(err)
	if !ok || e.Code != awserr.ValidationError || e.Params["problem"] == "" {
		return account.Problem{}, false
	}
	p := account.Problem{Field: e.Params["field"], Code: e.Params["problem"]}
	for k, v := range e.Params {
		if k != "field" && k != "problem" {
			if p.Params == nil {
				p.Params = map[string]string{}
			}
			p.Params[k] = v
		}
	}
	return p, true
}

// input returns the contact as the sign-up validator sees it; an account
// that exists has agreed to the customer agreement.
func (c Contact) input() account.ContactInput {
	return account.ContactInput{Usage: c.Usage, OrganizationName: c.OrganizationName,
		FullName: c.FullName, Phone: c.Phone, Address: c.Address, Agreed: true}
}

// cleaned returns the contact with surrounding white space removed, and no
// organization name for personal accounts.
func (c Contact) cleaned() Contact {
	out := Contact{Usage: c.Usage, FullName: account.Clean(c.FullName), Phone: account.Clean(c.Phone),
		Address: account.Address{
			Country: account.Clean(c.Address.Country), Line1: account.Clean(c.Address.Line1),
			Line2: account.Clean(c.Address.Line2), City: account.Clean(c.Address.City),
			StateOrRegion: account.Clean(c.Address.StateOrRegion), PostalCode: account.Clean(c.Address.PostalCode),
		}}
	if c.Usage == account.UsageBusiness {
		out.OrganizationName = account.Clean(c.OrganizationName)
	}
	return out
}

// nextEmailID returns the ID for a new email in the inbox.
func nextEmailID(d Devices) int {
	n := 0
	for _, e := range d.Inbox {
		n = max(n, e.ID)
	}
	return n + 1
}

// nextPhoneID returns the ID for a new phone item.
func nextPhoneID(d Devices) int {
	n := 0
	for _, p := range d.Phone {
		n = max(n, p.ID)
	}
	return n + 1
}

// itoa is strconv.Itoa, short for event details.
func itoa(n int) string { return strconv.Itoa(n) }
