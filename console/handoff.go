package console

// Handoff asks the page to leave the rest of the visit to the full
// console: the first-visit binary (build tag entry) serves the landing
// page, the sign-up and the pages they link to, and hands over when the
// student goes anywhere else (sign-in, a lab, the simulator page). The
// world is saved before; the full console reads it from the same storage
// and shows the page the address names (README, "Size and speed").
type Handoff struct{}

// IsEffect marks Handoff as an effect.
func (Handoff) IsEffect() {}
