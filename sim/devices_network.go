package sim

import (
	"net/netip"

	"labsim/sim/awserr"
)

// SetSourceIP changes the simulated public address of the student's
// computer (the virtual devices drawer's "Simulated network"), which is
// aws:SourceIp of every later request, so that IP conditions can be
// tried. The address must be an IPv4 or IPv6 address; it is stored in its
// canonical form. A device setting, not an AWS call: anyone may make it,
// and it is logged.
type SetSourceIP struct{ IP string }

// SetSourceIPAction is the action SetSourceIP is logged as.
const SetSourceIPAction = "devices:SetSourceIp"

// Action implements Op.
func (SetSourceIP) Action() string { return SetSourceIPAction }

// Resource implements Op.
func (SetSourceIP) Resource(w World, s Session) string { return "*" }

// Unauthenticated implements Unauthenticated.
func (SetSourceIP) Unauthenticated() {}

// Detail implements Detailer.
func (o SetSourceIP) Detail(w World) map[string]string { return map[string]string{"sourceIp": o.IP} }

// Apply implements Op.
func (o SetSourceIP) Apply(w *World, s Session, env Env) error {
	a, err := ParseSourceIP(o.IP)
	if err != nil {
		return err
	}
	w.SourceIP = a
	return nil
}

// ParseSourceIP checks a typed address: an IPv4 or IPv6 address without
// a zone, returned in canonical form (an IPv4-mapped IPv6 address becomes
// IPv4), or an InvalidInput error.
func ParseSourceIP(s string) (string, error) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return "", awserr.New(awserr.InvalidInput, "field", "sourceIp", "reason", "address")
	}
	return a.Unmap().String(), nil
}
