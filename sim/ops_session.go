package sim

// SignOut ends the console session. Signing out is always allowed and is
// logged like AWS's console sign-out.
type SignOut struct{}

// Action implements Op.
func (SignOut) Action() string { return "signin:ConsoleLogout" }

// Resource implements Op.
func (SignOut) Resource(w World, s Session) string { return s.Principal }

// Apply implements Op; the caller clears its session on success.
func (SignOut) Apply(w *World, s Session, env Env) error { return nil }

// Unauthenticated implements Unauthenticated: signing out needs no
// permission.
func (SignOut) Unauthenticated() {}
