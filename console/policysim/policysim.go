// Package policysim is the console's IAM policy simulator, a page of its
// own as AWS's is: pick a user or a group, services and actions (by access
// level, from the action catalog), a resource ARN and context values (MFA
// present, MFA age, source IP, current time, region), optionally paste a
// policy not attached yet, and see per action whether it is allowed,
// implicitly denied or explicitly denied, with the statement that decided
// it highlighted in its policy. Results are computed from the world on
// every view, so they follow a policy changed in this tab or another;
// each run is an iam:SimulatePrincipalPolicy event in the world's log.
// Its actions and forms are named "policysim.…".
package policysim

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/sim"
	"labsim/sim/catalog"
	"labsim/sim/policy"
)

// Page is the simulator's route page: "#/policysim".
const Page = "policysim"

// Form fields of the simulator (saved with the other form fields).
const (
	FieldSource   = "policysim.source"
	FieldService  = "policysim.service"
	FieldFilter   = "policysim.filter"
	FieldTyped    = "policysim.typed"
	FieldResource = "policysim.resource"
	FieldMFA      = "policysim.mfa"
	FieldMFAAge   = "policysim.mfaAge"
	FieldIP       = "policysim.ip"
	FieldTime     = "policysim.time"
	FieldRegion   = "policysim.region"
	FieldPolicy   = "policysim.policy"
	// FieldAction prefixes a checkbox per action: "policysim.act.ec2:DescribeVpcs".
	FieldAction = "policysim.act."
	fieldRan    = "policysim.ran"
	fieldShown  = "policysim.shown"
)

// Area is the IAM policy simulator.
func Area() core.Area {
	return core.Area{
		Pages:  []string{Page},
		Prefix: "policysim",
		View:   view,
		Title:  func(m core.Model, c i18n.Catalog, r core.Route) string { return c.T("policysim.title") },
		Load:   load,
		Click:  click,
		Submit: submit,
	}
}

// PageActions are the IAM actions the simulator page needs, on "*", for
// the enforcement table: AWS's simulator asks for the context keys and
// simulates.
func PageActions() []string {
	return []string{"iam:GetContextKeysForPrincipalPolicy", "iam:SimulatePrincipalPolicy"}
}

// load makes the page's calls through the door and asks for the action
// catalog.
func load(m core.Model, r core.Route) (core.Model, []core.Effect) {
	acts := PageActions()
	m = m.ReadPage(acts[0], "*", sim.Step{Action: acts[1], Resource: "*"})
	return m.NeedCatalog()
}

// pageAllowed is the page's own authorisation: the first denied call, or
// an allowed result.
func pageAllowed(m core.Model) sim.AuthResult {
	var r sim.AuthResult
	for _, a := range PageActions() {
		if r = m.AuthorizePage(a, "*"); r.Decision != sim.Allowed {
			return r
		}
	}
	return r
}

func click(m core.Model, action, arg string) (core.Model, []core.Effect) {
	switch action {
	case "policysim.why":
		return m.ToggleWhy(), nil
	case "policysim.show":
		return m.SetFields(fieldShown, arg), []core.Effect{core.Focus{ID: "policysim-shown"}}
	case "policysim.clear":
		var names []string
		for k := range m.UI.Fields {
			if strings.HasPrefix(k, FieldAction) {
				names = append(names, k)
			}
		}
		m = m.ClearFields(append(names, FieldTyped, fieldRan, fieldShown)...)
		return m, []core.Effect{core.Focus{ID: "policysim-typed"}}
	}
	return m, nil
}

// submit runs a simulation: the inputs are checked, and a valid run is an
// iam:SimulatePrincipalPolicy event; the results themselves are computed
// by the view.
func submit(m core.Model, form string) (core.Model, []core.Effect) {
	if form != "policysim.run" {
		return m, nil
	}
	m = m.SetFields(fieldRan, "true", fieldShown, "")
	in := read(m)
	if len(in.errs) > 0 {
		return m, []core.Effect{core.Focus{ID: in.errs[0].id}}
	}
	env := m.Env()
	w, err := m.World.Do(m.Session, sim.SimulatePrincipalPolicy{Source: in.source, Actions: in.actions,
		ResourceARN: in.resource, Custom: in.extra != ""}, env)
	m.World = w
	if err != nil {
		m.Notify("error", "policysim.err.run", "detail", sim.AccessDeniedMessage(err))
	}
	return m, []core.Effect{core.Focus{ID: "policysim-results"}}
}

// fieldErr is a problem with one input: the input's id and the message's
// catalog key and arguments.
type fieldErr struct {
	id, key string
	args    []string
}

// input is what the form asks for, checked.
type input struct {
	source   string
	actions  []string
	resource string
	ctx      map[string]string
	env      sim.Env
	extra    string
	errs     []fieldErr
}

// read reads and checks the form's fields.
func read(m core.Model) input {
	in := input{source: m.Field(FieldSource), resource: strings.TrimSpace(m.Field(FieldResource)), ctx: map[string]string{}}
	if in.resource == "" {
		in.resource = "*"
	}
	bad := func(id, key string, args ...string) { in.errs = append(in.errs, fieldErr{id, key, args}) }
	if _, ok := sourceName(m, in.source); !ok {
		bad("policysim-source", "policysim.err.source")
	}
	in.actions = selected(m)
	var unknown []string
	for _, a := range typed(m) {
		if !validAction(m, a) {
			unknown = append(unknown, a)
			continue
		}
		if !slices.ContainsFunc(in.actions, func(b string) bool { return strings.EqualFold(a, b) }) {
			in.actions = append(in.actions, a)
		}
	}
	switch {
	case len(unknown) > 0:
		bad("policysim-typed", "policysim.err.action", "actions", strings.Join(unknown, ", "))
	case len(in.actions) == 0:
		bad("policysim-typed", "policysim.err.noActions")
	}
	if in.resource != "*" && !strings.HasPrefix(in.resource, "arn:") {
		bad("policysim-resource", "policysim.err.resource")
	}
	switch m.Field(FieldMFA) {
	case "true":
		in.ctx["aws:MultiFactorAuthPresent"] = "true"
	case "absent":
		in.ctx["aws:MultiFactorAuthPresent"] = ""
	default:
		in.ctx["aws:MultiFactorAuthPresent"] = "false"
	}
	if age := strings.TrimSpace(m.Field(FieldMFAAge)); age != "" {
		if _, err := strconv.ParseUint(age, 10, 32); err != nil {
			bad("policysim-mfaAge", "policysim.err.mfaAge")
		} else {
			in.ctx["aws:MultiFactorAuthAge"] = age
		}
	}
	ip := strings.TrimSpace(m.Field(FieldIP))
	if ip == "" {
		ip = defaultIP(m)
	}
	if _, err := netip.ParseAddr(ip); err != nil {
		bad("policysim-ip", "policysim.err.ip")
	} else {
		in.ctx["aws:SourceIp"] = ip
	}
	in.env = sim.Env{Now: m.Now, Region: m.Field(FieldRegion)}
	if in.env.Region == "" {
		in.env.Region = defaultRegion(m)
	}
	if ts := strings.TrimSpace(m.Field(FieldTime)); ts != "" {
		t, err := time.Parse(time.RFC3339, ts)
		if err != nil {
			bad("policysim-time", "policysim.err.time")
		} else {
			in.env.Now = t
		}
	}
	if doc := strings.TrimSpace(m.Field(FieldPolicy)); doc != "" {
		if _, err := policy.CompileText(doc); err != nil {
			bad("policysim-policy", "policysim.err.policy", "detail", err.Error())
		} else {
			in.extra = doc
		}
	}
	return in
}

// defaultIP is the simulated computer's address.
func defaultIP(m core.Model) string {
	if m.World.SourceIP != "" {
		return m.World.SourceIP
	}
	return sim.DefaultSourceIP
}

// defaultRegion is the region selected in the top bar.
func defaultRegion(m core.Model) string {
	if m.UI.Region != "" {
		return m.UI.Region
	}
	return catalog.DefaultRegion
}

// selected lists the actions ticked in the catalog lists, sorted.
func selected(m core.Model) []string {
	var out []string
	for k, v := range m.UI.Fields {
		if a, ok := strings.CutPrefix(k, FieldAction); ok && v == "true" {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

// typed lists the actions typed by name.
func typed(m core.Model) []string {
	return strings.FieldsFunc(m.Field(FieldTyped), func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' })
}

// validAction reports whether a typed action is "service:Name" and, once
// the catalog is loaded, one it knows.
func validAction(m core.Model, a string) bool {
	svc, name, ok := strings.Cut(a, ":")
	if !ok || svc == "" || name == "" || strings.ContainsAny(name, ":*?") {
		return false
	}
	if m.Actions == nil {
		return true
	}
	_, known := m.Actions.Action(svc, name)
	return known
}

// sourceName returns the user or group name of an ARN of the account.
func sourceName(m core.Model, arn string) (string, bool) {
	acct, ok := m.Account()
	if !ok || arn == "" {
		return "", false
	}
	for _, u := range acct.IAM.Users {
		if u.ARN == arn {
			return u.Name, true
		}
	}
	for _, g := range acct.IAM.Groups {
		if g.ARN == arn {
			return g.Name, true
		}
	}
	return "", false
}

// Run is one simulated action with its answer.
type Run struct {
	Action     string
	Simulation sim.Simulation
}

// Results simulates each action of the form for its source, from the
// world as it is now; nil when the form has problems. Tests compare them
// with the policy engine.
func Results(m core.Model) []Run {
	in := read(m)
	if len(in.errs) > 0 {
		return nil
	}
	return results(m, in)
}

func results(m core.Model, in input) []Run {
	var extra []string
	if in.extra != "" {
		extra = []string{in.extra}
	}
	out := make([]Run, 0, len(in.actions))
	for _, a := range in.actions {
		s := m.World.SimulatePrincipal(sim.SimulationRequest{AccountID: m.Session.AccountID, Source: in.source,
			Action: a, Resource: in.resource, Context: in.ctx, Extra: extra}, in.env)
		out = append(out, Run{Action: a, Simulation: s})
	}
	return out
}

// DecisionWord is AWS's simulator's word for a decision: "allowed",
// "implicitDeny" or "explicitDeny".
func DecisionWord(d sim.Decision) string {
	switch d {
	case sim.Allowed:
		return "allowed"
	case sim.ExplicitlyDenied:
		return "explicitDeny"
	}
	return "implicitDeny"
}

// Highlight splits a policy text around statement idx (0-based, in the
// Statement array): before, the statement, after. ok is false when the
// text has no such statement.
func Highlight(text string, idx int) (before, stmt, after string, ok bool) {
	doc, err := policy.Parse(text)
	if err != nil || doc == nil {
		return "", "", "", false
	}
	for _, st := range doc.Statements {
		if st.Index != idx || st.Node == nil {
			continue
		}
		a, b := st.Node.Span.Start.Offset, st.Node.Span.End.Offset
		if a < 0 || b > len(text) || a > b {
			return "", "", "", false
		}
		return text[:a], text[a:b], text[b:], true
	}
	return "", "", "", false
}
