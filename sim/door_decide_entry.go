//go:build entry

package sim

// decideStep is the door's decision on one API call in the first-visit
// binary (build tag entry), which has no IAM user sign-in and so does not
// link the policy engine: the root user is allowed within its own account,
// as World.Authorize allows it, and every other caller is implicitly
// denied. A world with an IAM user signed in is handed to the full console
// before any operation runs (README, "Size and speed").
func (w World) decideStep(s Session, action, resource string, env Env) Decision {
	if !s.Root {
		return ImplicitlyDenied
	}
	if acct := accountOfARN(resource); acct != "" && acct != "aws" && acct != s.AccountID {
		return ImplicitlyDenied
	}
	return Allowed
}
