// Package cloudtrail is the console's CloudTrail Event history: the
// world's event log for the signed-in account, newest first, as CloudTrail
// shows an account's management events (time, user name, event name and
// source, resource, the authorisation decision, error code and source IP
// address), filtered by user and decision and shown a page at a time.
// Opening it is a cloudtrail:LookupEvents read through the world's door,
// so the root user always sees it and an IAM user only when a policy
// allows it (otherwise AWS's access-denied message with a Why?). The list
// is computed from the world on every view, so it follows what another
// tab (a private window with another user signed in) does. Its actions
// and fields are named "cloudtrail.…".
package cloudtrail

import (
	"strconv"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// Page is the Event history's route page: "#/cloudtrail".
const Page = "cloudtrail"

// PageSize is how many events one page of the history shows, as many as
// CloudTrail's console shows by default.
const PageSize = 50

// Fields of the page (saved with the other form fields): the filters and
// the page shown (from 0).
const (
	FieldUser     = "cloudtrail.user"
	FieldDecision = "cloudtrail.decision"
	fieldPage     = "cloudtrail.page"
)

// Area is CloudTrail's Event history.
func Area() core.Area {
	return core.Area{
		Pages:  []string{Page},
		Prefix: Page,
		View:   view,
		Title: func(m core.Model, c i18n.Catalog, r core.Route) string {
			return c.T("ct.title") + " | " + c.T("ct.console")
		},
		Load:  load,
		Click: click,
		Input: func(m core.Model, field, value string) (core.Model, []core.Effect) {
			// A new filter starts at the newest events.
			if field == FieldUser || field == FieldDecision {
				m = m.ClearFields(fieldPage)
			}
			return m, nil
		},
	}
}

// PageActions are the IAM actions the page needs, on "*", for the
// enforcement table.
func PageActions() []string { return []string{sim.LookupEventsAction} }

// load makes the page's read through the door (logged as CloudTrail logs
// its own LookupEvents calls).
func load(m core.Model, r core.Route) (core.Model, []core.Effect) {
	return m.ReadPage(sim.LookupEventsAction, "*"), nil
}

func click(m core.Model, action, arg string) (core.Model, []core.Effect) {
	switch action {
	case "cloudtrail.why":
		return m.ToggleWhy(), nil
	case "cloudtrail.page":
		if n, err := strconv.Atoi(arg); err == nil && n >= 0 {
			return m.SetFields(fieldPage, strconv.Itoa(n)), []core.Effect{core.Focus{ID: "ct-events-title"}}
		}
	}
	return m, nil
}

// decisionChoices are the Decision filter's values, their labels and the
// decisions each keeps ("" keeps all).
var decisionChoices = []struct {
	value, label string
	keep         []sim.Decision
}{
	{"", "ct.decision.all", nil},
	{"denied", "ct.decision.denied", []sim.Decision{sim.ImplicitlyDenied, sim.ExplicitlyDenied}},
	{"explicit", "ct.decision.explicit", []sim.Decision{sim.ExplicitlyDenied}},
	{"implicit", "ct.decision.implicit", []sim.Decision{sim.ImplicitlyDenied}},
	{"allowed", "ct.decision.allowed", []sim.Decision{sim.Allowed}},
}

// decisionKey is the catalog key of a decision as the table shows it.
func decisionKey(d sim.Decision) string {
	switch d {
	case sim.ExplicitlyDenied:
		return "ct.decision.explicitOne"
	case sim.ImplicitlyDenied:
		return "ct.decision.implicitOne"
	}
	return "ct.decision.allowedOne"
}

// Filter is the lookup the page's fields ask for, for the signed-in
// account.
func Filter(m core.Model) sim.EventFilter {
	f := sim.EventFilter{AccountID: m.Session.AccountID, Principal: m.Field(FieldUser)}
	for _, d := range decisionChoices {
		if d.value == m.Field(FieldDecision) {
			f.Decisions = d.keep
		}
	}
	return f
}

// timeFormat is how the page shows an event's time (in UTC, so that the
// time is the same in every student's browser).
const timeFormat = "2006-01-02 15:04:05 UTC"

// layout is the page: CloudTrail's navigation, the heading, and the
// access-denied box or the filters, the events and the page navigation.
var layout = ui.Lazy(`
<div class="iam-layout">
	<nav class="side-nav" aria-labelledby="ct-nav-title">
		<h2 id="ct-nav-title">{t ct.console}</h2>
		<ul><li><a href="#/cloudtrail" aria-current="page">{t ct.title}</a></li></ul>
	</nav>
	<section class="page svc-page ct-page">
		<nav class="breadcrumbs" aria-label="%nav.breadcrumbs"><ol>
			<li><a href="#/cloudtrail">{t ct.console}</a></li>
			<li aria-current="page">{t ct.title}</li>
		</ol></nav>
		<h1 id="page-title" tabindex="-1">{t ct.title}</h1>
		{slot denied}
		<_ if="allowed">
			<p class="subtitle">{t ct.intro}</p>
			<p if="trimmed" class="alert alert-info" role="note">{t ct.trimmed since=$since}</p>
			<div class="ct-filters" role="search" aria-label="%ct.filters">
				<div class="form-field">
					<label for="ct-user">{t ct.filter.user}</label>
					<select id="ct-user" name="cloudtrail.user">
						<option value="" selected="?allUsers">{t ct.filter.allUsers}</option>
						<option each="users" value="$value" selected="?selected">{d label}</option>
					</select>
				</div>
				<div class="form-field">
					<label for="ct-decision">{t ct.filter.decision}</label>
					<select id="ct-decision" name="cloudtrail.decision">
						<option each="decisions" value="$value" selected="?selected">{t $label}</option>
					</select>
				</div>
			</div>
			<section class="container" aria-labelledby="ct-events-title">
				<h2 id="ct-events-title" tabindex="-1">{t ct.events} <span class="count">{d count}</span></h2>
				<p if="empty" class="empty-note">{t ct.none}</p>
				<div if="!empty" class="table-wrap" tabindex="0" role="region" aria-labelledby="ct-events-title">
					<table class="table ct-table" aria-labelledby="ct-events-title">
						<thead><tr>
							<th scope="col">{t ct.col.time}</th>
							<th scope="col">{t ct.col.user}</th>
							<th scope="col">{t ct.col.event}</th>
							<th scope="col">{t ct.col.source}</th>
							<th scope="col">{t ct.col.resource}</th>
							<th scope="col">{t ct.col.decision}</th>
							<th scope="col">{t ct.col.error}</th>
							<th scope="col">{t ct.col.ip}</th>
						</tr></thead>
						<tbody>
							<tr each="rows" class="$class">
								<td>{d time}</td>
								<td>{d user}</td>
								<td class="mono">{d event}</td>
								<td class="mono">{d source}</td>
								<td class="mono">{d resource}</td>
								<td>{t $decision}</td>
								<td class="mono">{d error}</td>
								<td class="mono">{d ip}</td>
							</tr>
						</tbody>
					</table>
				</div>
				<nav if="pages" class="pagination" aria-label="%ct.pagination">
					<button type="button" class="btn btn-normal" data-action="cloudtrail.page" data-arg="$prev" disabled="?first">{t ct.prev}</button>
					<span aria-current="page">{t ct.pageOf page=$page pages=$pageCount}</span>
					<button type="button" class="btn btn-normal" data-action="cloudtrail.page" data-arg="$next" disabled="?last">{t ct.next}</button>
				</nav>
			</section>
		</_>
	</section>
</div>`)

// view renders the Event history, or AWS's access-denied message when the
// signed-in principal may not look events up.
func view(m core.Model, c i18n.Catalog, r core.Route) ui.Node {
	if res := m.AuthorizePage(sim.LookupEventsAction, "*"); res.Decision != sim.Allowed {
		return layout.Root(c, ui.Vals{{K: "denied", N: []ui.Node{core.Denied(c, m, res, "cloudtrail.why")}}})
	}
	f := Filter(m)
	page, _ := strconv.Atoi(m.Field(fieldPage))
	p := m.World.LookupEvents(f, page, PageSize)
	users := []ui.Vals{}
	for _, pr := range m.World.EventPrincipals(f.AccountID) {
		label := sim.PrincipalName(pr)
		if pr == sim.Anonymous {
			label = c.T("ct.anonymous")
		}
		users = append(users, ui.Vals{{K: "value", S: pr}, {K: "label", S: label}, {K: "selected", B: pr == f.Principal}})
	}
	decisions := make([]ui.Vals, len(decisionChoices))
	for i, d := range decisionChoices {
		decisions[i] = ui.Vals{{K: "value", S: d.value}, {K: "label", S: d.label}, {K: "selected", B: d.value == m.Field(FieldDecision)}}
	}
	rows := make([]ui.Vals, len(p.Events))
	for i, e := range p.Events {
		src, name := sim.EventSource(e.Action)
		user := sim.PrincipalName(e.Principal)
		if e.Principal == sim.Anonymous {
			user = c.T("ct.anonymous")
		}
		class := ""
		if e.Decision != sim.Allowed {
			class = "ct-denied"
		}
		rows[i] = ui.Vals{{K: "time", S: e.Time.UTC().Format(timeFormat)}, {K: "user", S: user},
			{K: "event", S: name}, {K: "source", S: src}, {K: "resource", S: e.Resource},
			{K: "decision", S: decisionKey(e.Decision)}, {K: "error", S: e.ErrorCode}, {K: "ip", S: e.SourceIP}, {K: "class", S: class}}
	}
	return layout.Root(c, ui.Vals{
		{K: "allowed", B: true},
		{K: "trimmed", B: p.Trimmed}, {K: "since", S: p.Since.Time.UTC().Format(timeFormat)},
		{K: "allUsers", B: f.Principal == ""}, {K: "users", L: users}, {K: "decisions", L: decisions},
		{K: "count", S: " (" + strconv.Itoa(p.Total) + ")"},
		{K: "empty", B: p.Total == 0}, {K: "rows", L: rows},
		{K: "pages", B: p.Pages > 1}, {K: "page", S: strconv.Itoa(p.Page + 1)}, {K: "pageCount", S: strconv.Itoa(p.Pages)},
		{K: "prev", S: strconv.Itoa(p.Page - 1)}, {K: "next", S: strconv.Itoa(p.Page + 1)},
		{K: "first", B: p.Page == 0}, {K: "last", B: p.Page >= p.Pages-1},
	})
}
