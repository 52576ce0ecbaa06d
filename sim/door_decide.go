//go:build !entry

package sim

// decideStep is the door's decision on one API call: World.Authorize, the
// policy engine's evaluation for an IAM user.
func (w World) decideStep(s Session, action, resource string, env Env) Decision {
	return w.Authorize(s, action, resource, env).Decision
}
