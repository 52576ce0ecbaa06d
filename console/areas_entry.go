//go:build entry

package console

import (
	"labsim/console/core"
	"labsim/console/devices"
	"labsim/console/info"
	"labsim/console/signup"
)

// areas lists the areas of the first-visit binary (build tag entry): the
// sign-up with its virtual phone (and the phone's Authenticator app) and
// inbox, and the information pages it links to, in the full console's
// order (areas_full.go). Any other page hands the page over to the full
// console (Handoff; README, "Size and speed").
func areas() []core.Area {
	return []core.Area{
		devices.AuthenticatorArea(),    // the virtual phone's Authenticator app (auth.…)
		signup.Area(),                  // Sign up for AWS in 5 steps (signup.…)
		devices.Area(),                 // virtual phone and inbox drawer (devices.…)
		{NavItems: core.GuideNavItems}, // the Lab guide button (its click hands over)
		info.Area(),                    // information pages of the sign-up links (#/info/…)
	}
}
