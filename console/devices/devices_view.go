package devices

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// navButton opens one tab of the drawer. Its name stays "Virtual phone" /
// "Inbox"; the unread count is its description.
var navButton = ui.Lazy(`
<span each="tabs" class="devices-nav">
	<button id="$id" type="button" class="nav-btn devices-btn" data-action="devices.open" data-arg="$tab" aria-label="$label" aria-expanded="$expanded" aria-controls="devices-drawer" aria-describedby="$countID">
		<span class="$icon" aria-hidden="true"></span>
		<span class="devices-label" aria-hidden="true">{t $key}</span>
		<span if="unread" class="badge" aria-hidden="true">{d count}</span>
	</button>
	<span id="$countID" class="visually-hidden">{t devices.unread count=$count}</span>
</span>
`)

// devicesNavItems are the top-bar buttons that open the drawer, with a
// badge for unread items.
func devicesNavItems(m core.Model, c i18n.Catalog) []ui.Node {
	phone, inbox := m.World.Devices.Unread()
	tab := func(tab string, unread int) ui.Vals {
		id := "devices-btn-" + tab
		return ui.Vals{{K: "id", S: id}, {K: "tab", S: tab}, {K: "label", S: c.T("devices." + tab)},
			{K: "expanded", S: core.BoolAttr(m.Drawer.Tab == tab)}, {K: "countID", S: id + "-count"},
			{K: "icon", S: "devices-icon icon-" + tab}, {K: "key", S: "devices." + tab},
			{K: "unread", B: unread > 0}, {K: "count", S: strconv.Itoa(unread)}}
	}
	return ui.Render(c, ui.Vals{{K: "tabs", L: []ui.Vals{tab("phone", phone), tab("inbox", inbox)}}}, *navButton.Tpl())
}

// drawer is the side drawer with the virtual phone and the inbox.
var drawer = ui.Lazy(`
<aside id="devices-drawer" class="drawer" aria-labelledby="devices-title">
	<div class="drawer-head">
		<h2 id="devices-title" tabindex="-1">{t devices.title}</h2>
		<button type="button" class="drawer-close" data-action="devices.close" aria-label="%devices.close">
			<span aria-hidden="true">{"×"}</span>
		</button>
	</div>
	<p class="drawer-note">{t devices.note}</p>
	<div class="seg" role="group" aria-label="%devices.title">
		<button type="button" data-action="devices.tab" data-arg="phone" class="seg-btn" aria-pressed="$phone">{t devices.phone}</button>
		<button type="button" data-action="devices.tab" data-arg="inbox" class="seg-btn" aria-pressed="$inbox">{t devices.inbox}</button>
		<button type="button" data-action="devices.tab" data-arg="network" class="seg-btn" aria-pressed="$network">{t devices.network}</button>
	</div>
	{slot body}
</aside>
`)

// devicesDrawer is the side drawer with the virtual phone and the inbox.
func devicesDrawer(m core.Model, c i18n.Catalog) ui.Node {
	if m.Drawer.Tab == "" {
		return ui.Node{}
	}
	var body ui.Node
	switch m.Drawer.Tab {
	case "phone":
		body = phoneView(m, c)
	case "network":
		body = networkView(m, c)
	default:
		body = inboxView(m, c)
	}
	return drawer.Root(c, ui.Vals{{K: "phone", S: core.BoolAttr(m.Drawer.Tab == "phone")},
		{K: "inbox", S: core.BoolAttr(m.Drawer.Tab == "inbox")}, {K: "network", S: core.BoolAttr(m.Drawer.Tab == "network")},
		{K: "body", N: []ui.Node{body}}})
}

// stamp writes an item's time: the time of day for today, else the date
// too.
func stamp(t, now time.Time) string {
	lt, ln := t.Local(), now.Local()
	if lt.YearDay() == ln.YearDay() && lt.Year() == ln.Year() {
		return lt.Format("15:04")
	}
	return lt.Format("2006-01-02 15:04")
}

// studentTyped names the message arguments a student typed (names), which
// argsOf isolates.
var studentTyped = map[string]bool{"accountName": true, "userName": true, "fullName": true, "accountAlias": true}

// argsOf flattens an item's catalog arguments for Catalog.T.
func argsOf(args map[string]string) []string {
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		v := args[k]
		if studentTyped[k] {
			// First-strong isolate … pop directional isolate: the <bdi> of
			// plain text, so that a name cannot reorder the sentence
			// around it.
			v = "\u2068" + v + "\u2069"
		}
		out = append(out, k, v)
	}
	return out
}

// itemText is a phone item's text in the student's language.
func itemText(c i18n.Catalog, p sim.PhoneItem) ui.Node {
	if p.TextKey != "" {
		return ui.Text(c.T(p.TextKey, argsOf(p.Args)...))
	}
	return ui.Data(p.Text)
}

// phone is the virtual phone: a ringing or answered call takes the
// screen; otherwise the open app or the home screen.
var phone = ui.Lazy(`
<div class="phone" role="region" aria-label="%devices.phone">
	<div class="phone-status" aria-hidden="true">
		{d clock}
		<span class="phone-signal"></span>
	</div>
	<div class="phone-screen">
		<div if="callDone" class="call">
			<p class="call-from">{d from}</p>
			<p id="call-result" tabindex="-1" role="status">{t $result}</p>
			<button type="button" data-action="devices.hangup" class="btn btn-normal">{t devices.call.close}</button>
		</div>
		<div if="inCall" class="call in-call">
			<p class="call-from">{d from}</p>
			<p class="call-voice">
				<_ if="textKey">{t =text}</_>
				<_ if="!textKey">{d text}</_>
			</p>
			<p id="keypad-display" class="keypad-display" tabindex="-1" aria-live="polite" aria-label="$typedLabel">{d typed}</p>
			<div class="keypad" role="group" aria-label="%devices.keypad">
				<button type="button" class="key" data-action="devices.key" data-arg="1">{"1"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="2">{"2"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="3">{"3"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="4">{"4"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="5">{"5"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="6">{"6"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="7">{"7"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="8">{"8"}</button>
				<button type="button" class="key" data-action="devices.key" data-arg="9">{"9"}</button>
				<span></span>
				<button type="button" class="key" data-action="devices.key" data-arg="0">{"0"}</button>
				<button type="button" class="key key-del" data-action="devices.keyDelete" aria-label="%devices.keypad.delete">
					<span aria-hidden="true">{"⌫"}</span>
				</button>
			</div>
			<button type="button" data-action="devices.decline" data-arg="$callID" class="btn call-decline">{t devices.call.hangup}</button>
		</div>
		<div if="ringing" class="call ringing" role="alert">
			<p class="call-kind">{t devices.call.incoming}</p>
			<p class="call-from">{d from}</p>
			<div class="call-actions">
				<button type="button" data-action="devices.decline" data-arg="$callID" class="btn call-decline">{t devices.call.decline}</button>
				<button type="button" data-action="devices.answer" data-arg="$callID" class="btn call-answer">{t devices.call.answer}</button>
			</div>
		</div>
		<div if="app" class="app">
			<div class="app-head">
				<button type="button" data-action="devices.home" class="btn btn-link app-home">{t devices.home}</button>
				<h3 id="phone-app-title" tabindex="-1">{t $appTitle}</h3>
			</div>
			{slot appView}
		</div>
		<div if="home" class="home-screen">
			<section if="notes" aria-label="%devices.notifications">
				<ul class="notifications">
					<li each="notes"><button type="button" class="notification" data-action="devices.app" data-arg="messages">
						<span class="note-head">
							<strong>{d from}</strong>
							{d when}
						</span>
						<span class="note-text">
							<_ if="textKey">{t =text}</_>
							<_ if="!textKey">{d text}</_>
						</span>
					</button></li>
				</ul>
			</section>
			<ul class="app-grid" aria-label="%devices.apps">
				<li each="apps">
					<button id="$btnID" type="button" class="app-btn" data-action="devices.app" data-arg="$app" aria-label="$title">
						<span class="$icon" aria-hidden="true">
							<span if="unread" class="badge" aria-hidden="true">{d unread}</span>
						</span>
						<span class="app-name">{t $titleKey}</span>
					</button>
				</li>
			</ul>
		</div>
	</div>
</div>
`)

// itemVals is a phone item's sender and text in the student's language.
func itemVals(c i18n.Catalog, p sim.PhoneItem) ui.Vals {
	if p.TextKey != "" {
		return ui.Vals{{K: "from", S: p.From}, {K: "textKey", B: true}, {K: "text", S: c.T(p.TextKey, argsOf(p.Args)...)}}
	}
	return ui.Vals{{K: "from", S: p.From}, {K: "text", S: p.Text}}
}

// phoneView computes the phone's view-model.
func phoneView(m core.Model, c i18n.Catalog) ui.Node {
	v := ui.Vals{{K: "clock", S: m.Now.Local().Format("15:04")}}
	ring, ringing := m.World.Devices.RingingCall()
	answered, _ := m.World.Devices.PhoneItem(m.Drawer.Call)
	app, appOK := phoneAppOf(m, c)
	switch {
	case m.Drawer.Call != 0 && answered.ID != 0:
		v = append(v, itemVals(c, answered)...)
		v = append(v, ui.V{K: "callID", S: strconv.Itoa(answered.ID)})
		switch answered.Args["status"] {
		case sim.CallRinging:
			v = append(v, ui.V{K: "inCall", B: true}, ui.V{K: "typed", S: strings.Repeat("•", len(m.Drawer.Keypad))},
				ui.V{K: "typedLabel", S: c.T("devices.keypad.typed", "count", strconv.Itoa(len(m.Drawer.Keypad)))})
		case sim.CallFailed:
			v = append(v, ui.V{K: "callDone", B: true}, ui.V{K: "result", S: "devices.call.failed"})
		case sim.CallDeclined:
			v = append(v, ui.V{K: "callDone", B: true}, ui.V{K: "result", S: "devices.call.ended"})
		default:
			v = append(v, ui.V{K: "callDone", B: true}, ui.V{K: "result", S: "devices.call.verified"})
		}
	case ringing:
		v = append(v, ui.V{K: "ringing", B: true}, ui.V{K: "from", S: ring.From}, ui.V{K: "callID", S: strconv.Itoa(ring.ID)})
	case appOK:
		v = append(v, ui.V{K: "app", B: true}, ui.V{K: "appTitle", S: app.TitleKey}, ui.V{K: "appView", N: []ui.Node{app.View(m, c)}})
	default:
		v = append(v, homeScreen(m, c)...)
	}
	return phone.Root(c, v)
}

// phoneAppOf returns the open app, if any.
func phoneAppOf(m core.Model, c i18n.Catalog) (phoneApp, bool) {
	if m.Drawer.App == "" {
		return phoneApp{}, false
	}
	for _, a := range phoneApps(m, c) {
		if a.ID == m.Drawer.App {
			return a, true
		}
	}
	return phoneApp{}, false
}

// homeScreen is the view-model of the home screen.
func homeScreen(m core.Model, c i18n.Catalog) ui.Vals {
	var notes []ui.Vals
	for i := len(m.World.Devices.Phone) - 1; i >= 0 && len(notes) < 3; i-- {
		p := m.World.Devices.Phone[i]
		if p.Read || p.Kind != sim.PhoneSMS {
			continue
		}
		notes = append(notes, append(itemVals(c, p), ui.V{K: "when", S: " · " + stamp(p.Time, m.Now)}))
	}
	var apps []ui.Vals
	for _, a := range phoneApps(m, c) {
		n := appUnread(m, a.ID)
		apps = append(apps, ui.Vals{{K: "btnID", S: appButtonID(a.ID)}, {K: "app", S: a.ID}, {K: "title", S: c.T(a.TitleKey)},
			{K: "titleKey", S: a.TitleKey}, {K: "icon", S: "app-icon app-" + a.ID}, {K: "unread", B: n > 0, S: strconv.Itoa(n)}})
	}
	return ui.Vals{{K: "home", B: true}, {K: "notes", B: len(notes) > 0, L: notes}, {K: "apps", L: apps}}
}

// appButtonID is the id of an app's button on the home screen, where
// focus returns when the app is closed.
func appButtonID(app string) string { return "app-btn-" + app }

// mailButtonID is the id of an email's button in the inbox, where focus
// returns from the open email.
func mailButtonID(id int) string { return "mail-btn-" + strconv.Itoa(id) }

// appUnread counts what an app has unread.
func appUnread(m core.Model, app string) int {
	n := 0
	for _, p := range m.World.Devices.Phone {
		switch {
		case p.Read:
		case app == "messages" && p.Kind == sim.PhoneSMS,
			app == "calls" && p.Kind == sim.PhoneCall && p.Args["status"] != sim.CallRinging:
			n++
		}
	}
	return n
}

// inbox is the list of emails or the open email; an in-page link in an
// email's arguments (a reset link) becomes a link.
var inbox = ui.Lazy(`
<div class="inbox">
	<p if="empty" class="empty">{t devices.inbox.empty}</p>
	<h3 if="list">{t devices.inbox}</h3>
	<ul if="list" class="mail-list">
		<li each="mails">
			<button id="$btnID" type="button" class="$class" data-action="devices.email" data-arg="$id" aria-labelledby="$subjectID" aria-describedby="$metaID">
				<span id="$subjectID" class="mail-subject">{t =subject}</span>
				<span id="$metaID" class="mail-meta">
					<span if="unread" class="visually-hidden">{t devices.inbox.unread}{" "}</span>
					{d meta}
				</span>
			</button>
		</li>
	</ul>
</div>
`)

// email is one open email.
var email = ui.Lazy(`
<article class="email" aria-labelledby="email-title">
	<button type="button" data-action="devices.back" class="btn btn-link">{t devices.inbox.back}</button>
	<h3 id="email-title" tabindex="-1">{t =subject}</h3>
	<dl class="kv mail-head">
		<dt>{t devices.mail.from}</dt>
		<dd>{d from}</dd>
		<dt>{t devices.mail.to}</dt>
		<dd>{d to}</dd>
		<dt>{t devices.mail.date}</dt>
		<dd>{d date}</dd>
	</dl>
	<div class="mail-body">{t =body}</div>
	<p if="link">
		<a class="btn btn-primary" href="$link">{t $linkKey}</a>
	</p>
</article>
`)

// inboxView is the list of emails or the open email.
func inboxView(m core.Model, c i18n.Catalog) ui.Node {
	if e, ok := m.World.Devices.Email(m.Drawer.Email); ok {
		args := argsOf(e.Args)
		v := ui.Vals{{K: "subject", S: c.T(e.SubjectKey, args...)}, {K: "from", S: e.From}, {K: "to", S: e.To},
			{K: "date", S: stamp(e.Time, m.Now)}, {K: "body", S: c.T(e.BodyKey, args...)}}
		if l := e.Args["link"]; strings.HasPrefix(l, "#/") {
			key := e.BodyKey + ".link"
			if !c.Has(key) {
				key = "devices.mail.link"
			}
			v = append(v, ui.V{K: "link", B: true, S: l}, ui.V{K: "linkKey", S: key})
		}
		return email.Root(c, v)
	}
	all := m.World.Devices.Inbox
	var mails []ui.Vals
	for i := len(all) - 1; i >= 0; i-- {
		e := all[i]
		id := "mail-" + strconv.Itoa(e.ID)
		class := "mail-item"
		if !e.Read {
			class = "mail-item unread"
		}
		mails = append(mails, ui.Vals{{K: "btnID", S: mailButtonID(e.ID)}, {K: "class", S: class}, {K: "id", S: strconv.Itoa(e.ID)},
			{K: "subjectID", S: id + "-subject"}, {K: "metaID", S: id + "-meta"}, {K: "subject", S: c.T(e.SubjectKey, argsOf(e.Args)...)},
			{K: "unread", B: !e.Read}, {K: "meta", S: e.From + " · " + stamp(e.Time, m.Now)}})
	}
	return inbox.Root(c, ui.Vals{{K: "empty", B: len(all) == 0}, {K: "list", B: len(all) > 0}, {K: "mails", L: mails}})
}
