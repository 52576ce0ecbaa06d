package core

// IAMState is the transient (never saved) state of the IAM pages: field
// errors of the last submit, the open dialog, and a secret shown once.
// Its map is replaced, never changed in place.
type IAMState struct {
	// Errors are field errors by field name: a catalog key followed by
	// its name, value argument pairs. They show while the route is
	// ErrRoute.
	Errors   map[string][]string
	ErrRoute string
	// Dialog names the open dialog ("alias", "deleteAlias", "deleteUser",
	// "deleteGroup", "createGroup", …), "" for none.
	Dialog string
	// Secret is what the console shows only once.
	Secret IAMSecret
	// Copied is the text the last copy button put on the clipboard, for
	// the button's "Copied" feedback ("" once a copy failed).
	Copied string
}

// IAMSecret is a console password or an access key's secret, shown once on
// the page that created it and forgotten when the student leaves it.
type IAMSecret struct {
	// User is the IAM user it belongs to.
	User string
	// Password is the user's new console password.
	Password string
	// KeyID and KeySecret are a new access key.
	KeyID, KeySecret string
	// Shown is whether the student pressed Show.
	Shown bool
}
