package policy

// DeniedMessage builds AWS's access-denied message for an identity-based
// policy decision, e.g.
//
//	User: arn:aws:iam::123456789012:user/Luna is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ because no identity-based policy allows the iam:ListUsers action
//
// or, for ExplicitlyDenied, "… with an explicit deny in an identity-based
// policy". The " on resource: …" part is left out when resource is "".
// It returns "" for Allowed. The message stays in English in every
// console language, as in AWS.
func DeniedMessage(principalARN, action, resource string, d Decision) string {
	var tail string
	switch d {
	case Allowed:
		return ""
	case ExplicitlyDenied:
		tail = " with an explicit deny in an identity-based policy"
	default:
		tail = " because no identity-based policy allows the " + action + " action"
	}
	msg := "User: " + principalARN + " is not authorized to perform: " + action
	if resource != "" {
		msg += " on resource: " + resource
	}
	return msg + tail
}
