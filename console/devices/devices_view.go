package devices

import (
	"labsim/console/core"
	"slices"
	"strconv"
	"strings"
	"time"

	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// devicesNavItems are the top-bar buttons that open the drawer, with a
// badge for unread items.
func devicesNavItems(m core.Model, c i18n.Catalog) []ui.Node {
	phone, inbox := m.World.Devices.Unread()
	return []ui.Node{
		devicesButton(m, c, "phone", phone),
		devicesButton(m, c, "inbox", inbox),
	}
}

// devicesButton opens one tab of the drawer. Its name stays "Virtual
// phone" / "Inbox"; the unread count is its description.
func devicesButton(m core.Model, c i18n.Catalog, tab string, unread int) ui.Node {
	id := "devices-btn-" + tab
	var badge ui.Node
	if unread > 0 {
		badge = ui.El("span", ui.Class("badge"), ui.A("aria-hidden", "true"), ui.Data(strconv.Itoa(unread)))
	}
	return ui.El("span", ui.Class("devices-nav"),
		ui.El("button", ui.ID(id), ui.A("type", "button"), ui.Class("nav-btn", "devices-btn"),
			ui.A("data-action", "devices.open"), ui.A("data-arg", tab),
			ui.A("aria-label", c.T("devices."+tab)),
			ui.A("aria-expanded", core.BoolAttr(m.Drawer.Tab == tab)), ui.A("aria-controls", "devices-drawer"),
			ui.A("aria-describedby", id+"-count"),
			ui.El("span", ui.Class("devices-icon", "icon-"+tab), ui.A("aria-hidden", "true")),
			ui.El("span", ui.Class("devices-label"), ui.A("aria-hidden", "true"), ui.Text(c.T("devices."+tab))),
			badge),
		ui.El("span", ui.ID(id+"-count"), ui.Class("visually-hidden"), ui.Text(c.T("devices.unread", "count", strconv.Itoa(unread)))))
}

// devicesDrawer is the side drawer with the virtual phone and the inbox.
func devicesDrawer(m core.Model, c i18n.Catalog) ui.Node {
	if m.Drawer.Tab == "" {
		return ui.Node{}
	}
	tab := func(name string) ui.Node {
		return core.Button(c, "devices."+name, "devices.tab", name, ui.Class("seg-btn"), ui.A("aria-pressed", core.BoolAttr(m.Drawer.Tab == name)))
	}
	var body ui.Node
	if m.Drawer.Tab == "phone" {
		body = phoneView(m, c)
	} else {
		body = inboxView(m, c)
	}
	return ui.El("aside", ui.ID("devices-drawer"), ui.Class("drawer"), ui.A("aria-labelledby", "devices-title"),
		ui.El("div", ui.Class("drawer-head"),
			ui.El("h2", ui.ID("devices-title"), ui.A("tabindex", "-1"), ui.Text(c.T("devices.title"))),
			ui.El("button", ui.A("type", "button"), ui.Class("drawer-close"), ui.A("data-action", "devices.close"),
				ui.A("aria-label", c.T("devices.close")), ui.El("span", ui.A("aria-hidden", "true"), ui.Data("×")))),
		ui.El("p", ui.Class("drawer-note"), ui.Text(c.T("devices.note"))),
		ui.El("div", ui.Class("seg"), ui.A("role", "group"), ui.A("aria-label", c.T("devices.title")), tab("phone"), tab("inbox")),
		body)
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

// argsOf flattens an item's catalog arguments for Catalog.T.
func argsOf(args map[string]string) []string {
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		out = append(out, k, args[k])
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

// phoneView is the virtual phone: a ringing or answered call takes the
// screen; otherwise the open app or the home screen.
func phoneView(m core.Model, c i18n.Catalog) ui.Node {
	var screen ui.Node
	ring, ringing := m.World.Devices.RingingCall()
	answered, _ := m.World.Devices.PhoneItem(m.Drawer.Call)
	switch {
	case m.Drawer.Call != 0 && answered.ID != 0:
		screen = callScreen(m, c, answered)
	case ringing:
		screen = incomingCall(c, ring)
	case m.Drawer.App != "":
		screen = openApp(m, c)
	default:
		screen = homeScreen(m, c)
	}
	return ui.El("div", ui.Class("phone"), ui.A("role", "region"), ui.A("aria-label", c.T("devices.phone")),
		ui.El("div", ui.Class("phone-status"), ui.A("aria-hidden", "true"),
			ui.Data(m.Now.Local().Format("15:04")), ui.El("span", ui.Class("phone-signal"))),
		ui.El("div", ui.Class("phone-screen"), screen))
}

// homeScreen shows the latest unread texts as notifications and the apps.
func homeScreen(m core.Model, c i18n.Catalog) ui.Node {
	var notes []ui.Node
	for i := len(m.World.Devices.Phone) - 1; i >= 0 && len(notes) < 3; i-- {
		p := m.World.Devices.Phone[i]
		if p.Read || p.Kind != sim.PhoneSMS {
			continue
		}
		notes = append(notes, ui.El("li", ui.Class("notification"),
			ui.El("p", ui.Class("note-head"), ui.El("strong", ui.Data(p.From)), ui.Data(" · "+stamp(p.Time, m.Now))),
			ui.El("p", itemText(c, p))))
	}
	var apps []ui.Node
	for _, a := range phoneApps(m, c) {
		var badge ui.Node
		if n := appUnread(m, a.ID); n > 0 {
			badge = ui.El("span", ui.Class("badge"), ui.A("aria-hidden", "true"), ui.Data(strconv.Itoa(n)))
		}
		apps = append(apps, ui.El("li", ui.El("button", ui.ID(appButtonID(a.ID)), ui.A("type", "button"), ui.Class("app-btn"),
			ui.A("data-action", "devices.app"), ui.A("data-arg", a.ID), ui.A("aria-label", c.T(a.TitleKey)),
			ui.El("span", ui.Class("app-icon", "app-"+a.ID), ui.A("aria-hidden", "true"), badge),
			ui.El("span", ui.Class("app-name"), ui.Text(c.T(a.TitleKey))))))
	}
	return ui.El("div", ui.Class("home-screen"),
		ui.If(len(notes) > 0, ui.El("section", ui.A("aria-label", c.T("devices.notifications")),
			ui.El("ul", ui.Class("notifications"), notes))),
		ui.El("ul", ui.Class("app-grid"), ui.A("aria-label", c.T("devices.apps")), apps))
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

// openApp renders the open app with a Home button.
func openApp(m core.Model, c i18n.Catalog) ui.Node {
	for _, a := range phoneApps(m, c) {
		if a.ID == m.Drawer.App {
			return ui.El("div", ui.Class("app"),
				ui.El("div", ui.Class("app-head"),
					core.Button(c, "devices.home", "devices.home", "", ui.Class("btn", "btn-link", "app-home")),
					ui.El("h3", ui.ID("phone-app-title"), ui.A("tabindex", "-1"), ui.Text(c.T(a.TitleKey)))),
				a.View(m, c))
		}
	}
	return homeScreen(m, c)
}

// incomingCall is the ringing screen.
func incomingCall(c i18n.Catalog, p sim.PhoneItem) ui.Node {
	id := strconv.Itoa(p.ID)
	return ui.El("div", ui.Class("call", "ringing"), ui.A("role", "alert"),
		ui.El("p", ui.Class("call-kind"), ui.Text(c.T("devices.call.incoming"))),
		ui.El("p", ui.Class("call-from"), ui.Data(p.From)),
		ui.El("div", ui.Class("call-actions"),
			core.Button(c, "devices.call.decline", "devices.decline", id, ui.Class("btn", "call-decline")),
			core.Button(c, "devices.call.answer", "devices.answer", id, ui.Class("btn", "call-answer"))))
}

// callScreen is an answered call: the keypad while the voice waits for the
// PIN, then the outcome.
func callScreen(m core.Model, c i18n.Catalog, p sim.PhoneItem) ui.Node {
	status := p.Args["status"]
	if status != sim.CallRinging {
		key := "devices.call.verified"
		switch status {
		case sim.CallFailed:
			key = "devices.call.failed"
		case sim.CallDeclined:
			key = "devices.call.ended"
		}
		return ui.El("div", ui.Class("call"),
			ui.El("p", ui.Class("call-from"), ui.Data(p.From)),
			ui.El("p", ui.ID("call-result"), ui.A("tabindex", "-1"), ui.A("role", "status"), ui.Text(c.T(key))),
			core.Button(c, "devices.call.close", "devices.hangup", "", ui.Class("btn", "btn-normal")))
	}
	var keys []ui.Node
	for _, k := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "del"} {
		switch k {
		case "":
			keys = append(keys, ui.El("span"))
		case "del":
			keys = append(keys, ui.El("button", ui.A("type", "button"), ui.Class("key", "key-del"), ui.A("data-action", "devices.keyDelete"),
				ui.A("aria-label", c.T("devices.keypad.delete")), ui.El("span", ui.A("aria-hidden", "true"), ui.Data("⌫"))))
		default:
			keys = append(keys, ui.El("button", ui.A("type", "button"), ui.Class("key"), ui.A("data-action", "devices.key"),
				ui.A("data-arg", k), ui.Data(k)))
		}
	}
	typed := strings.Repeat("•", len(m.Drawer.Keypad))
	return ui.El("div", ui.Class("call", "in-call"),
		ui.El("p", ui.Class("call-from"), ui.Data(p.From)),
		ui.El("p", ui.Class("call-voice"), itemText(c, p)),
		ui.El("p", ui.ID("keypad-display"), ui.Class("keypad-display"), ui.A("tabindex", "-1"), ui.A("aria-live", "polite"),
			ui.A("aria-label", c.T("devices.keypad.typed", "count", strconv.Itoa(len(m.Drawer.Keypad)))),
			ui.Data(typed)),
		ui.El("div", ui.Class("keypad"), ui.A("role", "group"), ui.A("aria-label", c.T("devices.keypad")), keys),
		core.Button(c, "devices.call.hangup", "devices.decline", strconv.Itoa(p.ID), ui.Class("btn", "call-decline")))
}

// inboxView is the list of emails or the open email.
func inboxView(m core.Model, c i18n.Catalog) ui.Node {
	if e, ok := m.World.Devices.Email(m.Drawer.Email); ok {
		return emailView(m, c, e)
	}
	inbox := m.World.Devices.Inbox
	if len(inbox) == 0 {
		return ui.El("div", ui.Class("inbox"), ui.El("p", ui.Class("empty"), ui.Text(c.T("devices.inbox.empty"))))
	}
	var items []ui.Node
	for i := len(inbox) - 1; i >= 0; i-- {
		e := inbox[i]
		cls := []string{"mail-item"}
		id := "mail-" + strconv.Itoa(e.ID)
		var unread ui.Node
		if !e.Read {
			cls = append(cls, "unread")
			unread = ui.El("span", ui.Class("visually-hidden"), ui.Text(c.T("devices.inbox.unread")), ui.Data(" "))
		}
		// The subject names the button; sender, time and "unread" describe it.
		items = append(items, ui.El("li", ui.El("button", ui.ID(mailButtonID(e.ID)), ui.A("type", "button"), ui.Class(cls...),
			ui.A("data-action", "devices.email"), ui.A("data-arg", strconv.Itoa(e.ID)),
			ui.A("aria-labelledby", id+"-subject"), ui.A("aria-describedby", id+"-meta"),
			ui.El("span", ui.ID(id+"-subject"), ui.Class("mail-subject"), ui.Text(c.T(e.SubjectKey, argsOf(e.Args)...))),
			ui.El("span", ui.ID(id+"-meta"), ui.Class("mail-meta"), unread, ui.Data(e.From+" · "+stamp(e.Time, m.Now))))))
	}
	return ui.El("div", ui.Class("inbox"),
		ui.El("h3", ui.Text(c.T("devices.inbox"))),
		ui.El("ul", ui.Class("mail-list"), items))
}

// emailView shows one email; an in-page link in its arguments (a reset
// link) becomes a link.
func emailView(m core.Model, c i18n.Catalog, e sim.Email) ui.Node {
	var link ui.Node
	if l := e.Args["link"]; strings.HasPrefix(l, "#/") {
		key := e.BodyKey + ".link"
		if !c.Has(key) {
			key = "devices.mail.link"
		}
		link = ui.El("p", ui.El("a", ui.Class("btn", "btn-primary"), ui.A("href", l), ui.Text(c.T(key))))
	}
	return ui.El("article", ui.Class("email"), ui.A("aria-labelledby", "email-title"),
		core.Button(c, "devices.inbox.back", "devices.back", "", ui.Class("btn", "btn-link")),
		ui.El("h3", ui.ID("email-title"), ui.A("tabindex", "-1"), ui.Text(c.T(e.SubjectKey, argsOf(e.Args)...))),
		ui.El("dl", ui.Class("kv", "mail-head"),
			ui.El("dt", ui.Text(c.T("devices.mail.from"))), ui.El("dd", ui.Data(e.From)),
			ui.El("dt", ui.Text(c.T("devices.mail.to"))), ui.El("dd", ui.Data(e.To)),
			ui.El("dt", ui.Text(c.T("devices.mail.date"))), ui.El("dd", ui.Data(stamp(e.Time, m.Now)))),
		// Line breaks of the text show through white-space: pre-line.
		ui.El("div", ui.Class("mail-body"), ui.Text(c.T(e.BodyKey, argsOf(e.Args)...))),
		link)
}
