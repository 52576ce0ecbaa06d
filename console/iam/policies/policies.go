// Package policies is the IAM console's policy pages: the list of AWS
// managed and customer managed policies, a policy's details (the policy
// summary, its JSON, the entities it is attached to, its versions), Create
// policy and Edit with the live JSON editor, and inline policies of users
// and groups with the same editor. Its actions and fields are named
// "policies.…".
//
// Routes (Page "iam"):
//
//	#/iam/policies                          the list
//	#/iam/policies/create[/review]          Create policy: editor, then name
//	#/iam/policies/aws/<Name>[/<tab>]       an AWS managed policy
//	#/iam/policies/customer/<Name>[/<tab>]  a customer managed policy
//	    tabs: json, entities, versions, versions/<id>, edit, edit/review
//	#/iam/inline/user/<Name>[/review]       Create inline policy for a user
//	#/iam/inline/group/<Name>[/review]      … for a group
package policies

import (
	"strings"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/awserr"
	"labsim/sim/catalog"
	"labsim/sim/iam"
	"labsim/sim/policy"
)

// Hash fragments of the policy pages, for links from other areas.
const (
	HashList   = "#/iam/policies"
	HashCreate = "#/iam/policies/create"
)

// InlineHash is the page that creates an inline policy for a user (kind
// "user") or a group ("group"): the target of "Add permissions → Create
// inline policy".
func InlineHash(kind, name string) string { return "#/iam/inline/" + kind + "/" + name }

// DetailsHash is a policy's details page: AWS managed policies by name
// under aws/, customer managed ones under customer/.
func DetailsHash(arn string) string {
	name := arn[strings.LastIndexByte(arn, '/')+1:]
	if iam.IsAWSManagedARN(arn) {
		return "#/iam/policies/aws/" + name
	}
	return "#/iam/policies/customer/" + name
}

// Area is the policy pages.
func Area() core.Area {
	return core.Area{
		Pages:  []string{"iam/policies", "iam/inline"},
		Prefix: "policies",
		View:   view,
		Title:  title,
		Click:  click,
		Submit: submit,
		Input:  input,
		Enter:  enter,
	}
}

// where is a parsed policy route.
type where struct {
	// page is "list", "create", "details", "edit" or "inline".
	page string
	// review is the second step of create, edit and inline.
	review bool
	// kind is "aws" or "customer" (details, edit), "user" or "group"
	// (inline).
	kind, name string
	// tab is the details tab: "summary", "json", "entities", "versions".
	tab string
	// version is the version shown (versions/<id>).
	version string
}

func parseWhere(r core.Route) where {
	parts := strings.Split(r.Rest, "/")
	if r.Arg == "inline" {
		w := where{page: "inline"}
		if len(parts) >= 2 {
			w.kind, w.name = parts[0], parts[1]
			w.review = len(parts) > 2 && parts[2] == "review"
		}
		return w
	}
	switch {
	case r.Rest == "":
		return where{page: "list"}
	case parts[0] == "create":
		return where{page: "create", review: len(parts) > 1 && parts[1] == "review"}
	case (parts[0] == "aws" || parts[0] == "customer") && len(parts) > 1:
		w := where{page: "details", kind: parts[0], name: parts[1], tab: "summary"}
		if len(parts) > 2 {
			w.tab = parts[2]
		}
		if w.tab == "edit" {
			w.page, w.tab = "edit", ""
			w.review = len(parts) > 3 && parts[3] == "review"
		}
		if w.tab == "versions" && len(parts) > 3 {
			w.version = parts[3]
		}
		return w
	}
	return where{page: "missing"}
}

// hash is the route of a place.
func (w where) hash() string {
	switch w.page {
	case "list":
		return HashList
	case "create":
		if w.review {
			return HashCreate + "/review"
		}
		return HashCreate
	case "inline":
		h := InlineHash(w.kind, w.name)
		if w.review {
			h += "/review"
		}
		return h
	case "edit":
		h := "#/iam/policies/customer/" + w.name + "/edit"
		if w.review {
			h += "/review"
		}
		return h
	}
	h := "#/iam/policies/" + w.kind + "/" + w.name
	if w.tab != "" && w.tab != "summary" {
		h += "/" + w.tab
	}
	if w.version != "" {
		h += "/" + w.version
	}
	return h
}

// entry is one policy of the list or a details page: AWS managed (from
// the catalog) or customer managed (from the account).
type entry struct {
	Name, ARN, Path, Description string
	// Type is "aws", "job" (AWS managed - job function) or "customer".
	Type     string
	Document string
	Default  string
	Created  string
	Customer iam.ManagedPolicy
	// Attached counts the users and groups the policy is attached to.
	Attached int
}

// entries lists every policy of the account: AWS managed first (by name),
// then customer managed (by name), as the console's list sorts by name.
func entries(m core.Model) []entry {
	acct := m.World.IAMAccount(m.Session.AccountID)
	var out []entry
	for _, p := range catalog.ManagedPolicies() {
		t := "aws"
		if p.JobFunction {
			t = "job"
		}
		out = append(out, entry{Name: p.Name, ARN: p.ARN, Path: p.Path, Description: p.Description, Type: t,
			Document: p.Document, Default: p.VersionID, Created: p.CreateDate, Attached: acct.AttachmentCount(p.ARN)})
	}
	for _, p := range acct.Policies {
		out = append(out, customerEntry(acct, p))
	}
	sortEntries(out)
	return out
}

func customerEntry(acct iam.Account, p iam.ManagedPolicy) entry {
	return entry{Name: p.Name, ARN: p.ARN, Path: p.Path, Description: p.Description, Type: "customer",
		Document: p.Default().Document, Default: p.DefaultVersion, Created: p.CreatedAt.UTC().Format("2006-01-02 15:04 UTC"),
		Customer: p, Attached: acct.AttachmentCount(p.ARN)}
}

// sortEntries sorts by name ignoring case, AWS managed before customer
// managed of the same name.
func sortEntries(es []entry) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && entryLess(es[j], es[j-1]); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

func entryLess(a, b entry) bool {
	la, lb := strings.ToLower(a.Name), strings.ToLower(b.Name)
	if la != lb {
		return la < lb
	}
	return a.Type != "customer" && b.Type == "customer"
}

// lookup finds the policy of a details or edit route.
func lookup(m core.Model, w where) (entry, bool) {
	acct := m.World.IAMAccount(m.Session.AccountID)
	if w.kind == "customer" {
		p, ok := acct.PolicyByName(w.name)
		if !ok {
			return entry{}, false
		}
		return customerEntry(acct, p), true
	}
	p, ok := catalog.LookupManagedPolicy(w.name)
	if !ok || p.Name != w.name && !strings.EqualFold(p.Name, w.name) {
		return entry{}, false
	}
	t := "aws"
	if p.JobFunction {
		t = "job"
	}
	return entry{Name: p.Name, ARN: p.ARN, Path: p.Path, Description: p.Description, Type: t,
		Document: p.Document, Default: p.VersionID, Created: p.CreateDate, Attached: acct.AttachmentCount(p.ARN)}, true
}

// title is the browser tab's title.
func title(m core.Model, c i18n.Catalog, r core.Route) string {
	w := parseWhere(r)
	switch w.page {
	case "list":
		return c.T("policies.list.title")
	case "create":
		return c.T("policies.create.title")
	case "inline":
		return c.T("policies.inline.title")
	case "details", "edit":
		return w.name
	}
	return c.T("notfound.title")
}

// enter prepares a policy page: the action catalog for the summary and
// the editor's checks, and the editor's text.
func enter(m core.Model, r core.Route) (core.Model, []core.Effect) {
	var fx []core.Effect
	if m.CatalogState == "" {
		m.CatalogState = "loading"
		fx = append(fx, core.LoadCatalog{})
	}
	w := parseWhere(r)
	m = authorizeRead(m, w)
	if key, text, t, ok := editorFor(m, w); ok {
		if m.Field(fieldDocFor) != key {
			m = m.SetFields(fieldDoc, text, fieldDocFor, key, fieldPanelTab, "", fieldMode, "", fieldNote, "")
			m = clearWork(m)
		}
		m = checkEditor(m, m.Field(fieldDoc), t)
	}
	return m, fx
}

// input runs the live check on every change of the editor's text.
func input(m core.Model, field, value string) (core.Model, []core.Effect) {
	if field == fieldSearch || field == fieldType {
		return m.SetFields(fieldPageNo, ""), nil
	}
	if field != fieldDoc {
		return m, nil
	}
	w := parseWhere(m.Route())
	_, _, t, ok := editorFor(m, w)
	if !ok {
		return m, nil
	}
	m = checkEditor(m, m.Field(fieldDoc), t)
	if m.CatalogState == "" {
		m.CatalogState = "loading"
		return m, []core.Effect{core.LoadCatalog{}}
	}
	return m, nil
}

// authorizeRead asks the door whether the identity may read what the
// page shows (the console's own API calls for it), and keeps the refusal
// for the page. Root is always allowed; the reads are logged as events.
func authorizeRead(m core.Model, w where) core.Model {
	m.Policy.Denied, m.Policy.DeniedRoute = "", ""
	var read sim.Read
	switch w.page {
	case "list":
		read = sim.Read{ActionName: "iam:ListPolicies", ResourceARN: "*"}
	case "details", "edit":
		e, ok := lookup(m, w)
		if !ok {
			return m
		}
		read = sim.Read{ActionName: "iam:GetPolicy", ResourceARN: e.ARN, Also: []sim.Step{{Action: "iam:GetPolicyVersion", Resource: e.ARN}}}
		switch w.tab {
		case "entities":
			read.Also = append(read.Also, sim.Step{Action: "iam:ListEntitiesForPolicy", Resource: e.ARN})
		case "versions":
			read.Also = append(read.Also, sim.Step{Action: "iam:ListPolicyVersions", Resource: e.ARN})
		}
	default:
		return m
	}
	world, err := m.World.Do(m.Session, read, m.Env())
	m.World = world
	if err != nil {
		m.Policy.Denied, m.Policy.DeniedRoute = refusal(err), m.UI.Route
	}
	return m
}

var deniedTpl = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "$title"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "alert alert-error"}, {Key: "role", Val: "alert"}}, Kids: []ui.Tpl{
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "alert-title"}}, T: "policies.denied"},
		{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "mono-wrap"}}, D: "msg"},
	}},
}}

// view renders a policy page.
func view(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	w := parseWhere(r)
	if m.Policy.Denied != "" && m.Policy.DeniedRoute == m.UI.Route {
		t := "policies.list.title"
		if w.page != "list" {
			t = "policies.details.title"
		}
		return layout(c, w, deniedTpl.Root(c, ui.Vals{{K: "title", S: t}, {K: "msg", S: m.Policy.Denied}}))
	}
	var body ui.Node
	switch w.page {
	case "list":
		body = listView(m, c)
	case "details":
		body = detailsView(m, c, w)
	case "create", "edit", "inline":
		body = editorView(m, c, w)
	default:
		body = missingView(c)
	}
	return layout(c, w, body)
}

// nav is the IAM left navigation (a copy of console/iam's until the two
// are unified: one data table).
var nav = ui.Tpl{Tag: "nav", Attrs: []ui.Attr{{Key: "class", Val: "side-nav"}, {Key: "aria-labelledby", Val: "pol-nav-title"}}, Kids: []ui.Tpl{
	{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "pol-nav-title"}}, T: "iam.dash.nav"},
	{Tag: "ul", Kids: []ui.Tpl{
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam"}}, T: "iam.dash.navDashboard"}}},
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/groups"}}, T: "policies.nav.groups"}}},
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/users"}}, T: "policies.nav.users"}}},
		{Tag: "li", Kids: []ui.Tpl{{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: "#/iam/policies"}, {Key: "aria-current", Val: "?onPolicies:page"}}, T: "policies.nav.policies"}}},
	}},
}}

var layoutTpl = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "iam-layout"}}, Kids: []ui.Tpl{
	{Slot: "nav"},
	{Tag: "section", Attrs: []ui.Attr{{Key: "class", Val: "page pol-page"}}, Kids: []ui.Tpl{{Slot: "body"}}},
}}

func layout(c i18n.Catalog, w where, body ui.Node) ui.Node {
	n := nav.Root(c, ui.Vals{{K: "onPolicies", B: w.page != "inline"}})
	return layoutTpl.Root(c, ui.Vals{{K: "nav", N: []ui.Node{n}}, {K: "body", N: []ui.Node{body}}})
}

var missingTpl = ui.Tpl{Tag: "div", Kids: []ui.Tpl{
	{Tag: "h1", Attrs: []ui.Attr{{Key: "id", Val: "page-title"}, {Key: "tabindex", Val: "-1"}}, T: "policies.missing.title"},
	{Tag: "p", T: "policies.missing.body"},
	{Tag: "a", Attrs: []ui.Attr{{Key: "href", Val: HashList}}, T: "policies.list.title"},
}}

func missingView(c i18n.Catalog) ui.Node { return missingTpl.Root(c, nil) }

// do runs an operation through the door; a refusal is kept for the page
// to show (IAM's own message, as the console shows it).
func do(m core.Model, op sim.Op) (core.Model, error) {
	w, err := m.World.Do(m.Session, op, m.Env())
	m.World = w
	if err != nil {
		m.Policy.ErrText = refusal(err)
		m.Policy.ErrRoute = m.UI.Route
	}
	return m, err
}

// refusal is the message shown for a refused operation: AWS's
// access-denied sentence (in English, as in every console language), or
// IAM's message.
func refusal(err error) string {
	if e, ok := awserr.As(err); ok && e.Code == awserr.AccessDenied {
		d := policy.ImplicitlyDenied
		if e.Param("decision") == policy.ExplicitlyDenied.String() {
			d = policy.ExplicitlyDenied
		}
		return policy.DeniedMessage(e.Param("principal"), e.Param("action"), e.Param("resource"), d)
	}
	msg := iam.APIMessage(err)
	if msg == "" {
		msg = err.Error()
	}
	return msg
}

// errText is the refusal to show on the current page, if any.
func errText(m core.Model) string {
	if m.Policy.ErrRoute == m.UI.Route {
		return m.Policy.ErrText
	}
	return ""
}

// clearErr forgets the last refusal.
func clearErr(m core.Model) core.Model {
	m.Policy.ErrText, m.Policy.ErrRoute, m.Policy.Errors = "", "", nil
	return m
}

// policyTypeOf is the editor's policy type of a place.
func policyTypeOf(w where) policy.PolicyType {
	if w.page == "inline" {
		if w.kind == "group" {
			return policy.GroupInlinePolicy
		}
		return policy.UserInlinePolicy
	}
	return policy.ManagedPolicy
}
