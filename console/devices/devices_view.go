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

// navButton opens one tab of the drawer. Its name stays "Virtual phone" /
// "Inbox"; the unread count is its description.
var navButton = ui.Tpl{Each: "tabs", Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "devices-nav"}}, Kids: []ui.Tpl{
	{Tag: "button", Attrs: []ui.Attr{{Key: "id", Val: "$id"}, {Key: "type", Val: "button"}, {Key: "class", Val: "nav-btn devices-btn"},
		{Key: "data-action", Val: "devices.open"}, {Key: "data-arg", Val: "$tab"}, {Key: "aria-label", Val: "$label"},
		{Key: "aria-expanded", Val: "$expanded"}, {Key: "aria-controls", Val: "devices-drawer"}, {Key: "aria-describedby", Val: "$countID"}}, Kids: []ui.Tpl{
		{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "$icon"}, {Key: "aria-hidden", Val: "true"}}},
		{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "devices-label"}, {Key: "aria-hidden", Val: "true"}}, T: "$key"},
		{If: "unread", Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "badge"}, {Key: "aria-hidden", Val: "true"}}, D: "count"},
	}},
	{Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "$countID"}, {Key: "class", Val: "visually-hidden"}}, T: "devices.unread", Args: []string{"count", "$count"}},
}}

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
	return ui.Render(c, ui.Vals{{K: "tabs", L: []ui.Vals{tab("phone", phone), tab("inbox", inbox)}}}, navButton)
}

// drawer is the side drawer with the virtual phone and the inbox.
var drawer = ui.Tpl{Tag: "aside", Attrs: []ui.Attr{{Key: "id", Val: "devices-drawer"}, {Key: "class", Val: "drawer"}, {Key: "aria-labelledby", Val: "devices-title"}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "drawer-head"}}, Kids: []ui.Tpl{
		{Tag: "h2", Attrs: []ui.Attr{{Key: "id", Val: "devices-title"}, {Key: "tabindex", Val: "-1"}}, T: "devices.title"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "drawer-close"}, {Key: "data-action", Val: "devices.close"}, {Key: "aria-label", Val: "%devices.close"}}, Kids: []ui.Tpl{
			{Tag: "span", Attrs: []ui.Attr{{Key: "aria-hidden", Val: "true"}}, Lit: "×"},
		}},
	}},
	{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "drawer-note"}}, T: "devices.note"},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "seg"}, {Key: "role", Val: "group"}, {Key: "aria-label", Val: "%devices.title"}}, Kids: []ui.Tpl{
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.tab"}, {Key: "data-arg", Val: "phone"}, {Key: "class", Val: "seg-btn"}, {Key: "aria-pressed", Val: "$phone"}}, T: "devices.phone"},
		{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.tab"}, {Key: "data-arg", Val: "inbox"}, {Key: "class", Val: "seg-btn"}, {Key: "aria-pressed", Val: "$inbox"}}, T: "devices.inbox"},
	}},
	{Slot: "body"},
}}

// devicesDrawer is the side drawer with the virtual phone and the inbox.
func devicesDrawer(m core.Model, c i18n.Catalog) ui.Node {
	if m.Drawer.Tab == "" {
		return ui.Node{}
	}
	var body ui.Node
	if m.Drawer.Tab == "phone" {
		body = phoneView(m, c)
	} else {
		body = inboxView(m, c)
	}
	return drawer.Root(c, ui.Vals{{K: "phone", S: core.BoolAttr(m.Drawer.Tab == "phone")},
		{K: "inbox", S: core.BoolAttr(m.Drawer.Tab == "inbox")}, {K: "body", N: []ui.Node{body}}})
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

// phone is the virtual phone: a ringing or answered call takes the
// screen; otherwise the open app or the home screen.
var phone = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "phone"}, {Key: "role", Val: "region"}, {Key: "aria-label", Val: "%devices.phone"}}, Kids: []ui.Tpl{
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "phone-status"}, {Key: "aria-hidden", Val: "true"}}, D: "clock", Kids: []ui.Tpl{
		{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "phone-signal"}}},
	}},
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "phone-screen"}}, Kids: []ui.Tpl{
		// An answered call that has ended.
		{If: "callDone", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "call"}}, Kids: []ui.Tpl{
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "call-from"}}, D: "from"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "call-result"}, {Key: "tabindex", Val: "-1"}, {Key: "role", Val: "status"}}, T: "$result"},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.hangup"}, {Key: "class", Val: "btn btn-normal"}}, T: "devices.call.close"},
		}},
		// An answered call: the keypad while the voice waits for the PIN.
		{If: "inCall", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "call in-call"}}, Kids: []ui.Tpl{
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "call-from"}}, D: "from"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "call-voice"}}, Kids: []ui.Tpl{{If: "textKey", T: "=text"}, {If: "!textKey", D: "text"}}},
			{Tag: "p", Attrs: []ui.Attr{{Key: "id", Val: "keypad-display"}, {Key: "class", Val: "keypad-display"}, {Key: "tabindex", Val: "-1"}, {Key: "aria-live", Val: "polite"},
				{Key: "aria-label", Val: "$typedLabel"}}, D: "typed"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "keypad"}, {Key: "role", Val: "group"}, {Key: "aria-label", Val: "%devices.keypad"}}, Kids: []ui.Tpl{
				keypadKey("1"), keypadKey("2"), keypadKey("3"), keypadKey("4"), keypadKey("5"), keypadKey("6"),
				keypadKey("7"), keypadKey("8"), keypadKey("9"),
				{Tag: "span"},
				keypadKey("0"),
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "key key-del"}, {Key: "data-action", Val: "devices.keyDelete"},
					{Key: "aria-label", Val: "%devices.keypad.delete"}}, Kids: []ui.Tpl{{Tag: "span", Attrs: []ui.Attr{{Key: "aria-hidden", Val: "true"}}, Lit: "⌫"}}},
			}},
			{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.decline"}, {Key: "data-arg", Val: "$callID"}, {Key: "class", Val: "btn call-decline"}}, T: "devices.call.hangup"},
		}},
		// The ringing screen.
		{If: "ringing", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "call ringing"}, {Key: "role", Val: "alert"}}, Kids: []ui.Tpl{
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "call-kind"}}, T: "devices.call.incoming"},
			{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "call-from"}}, D: "from"},
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "call-actions"}}, Kids: []ui.Tpl{
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.decline"}, {Key: "data-arg", Val: "$callID"}, {Key: "class", Val: "btn call-decline"}}, T: "devices.call.decline"},
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.answer"}, {Key: "data-arg", Val: "$callID"}, {Key: "class", Val: "btn call-answer"}}, T: "devices.call.answer"},
			}},
		}},
		// The open app with a Home button.
		{If: "app", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "app"}}, Kids: []ui.Tpl{
			{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "app-head"}}, Kids: []ui.Tpl{
				{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.home"}, {Key: "class", Val: "btn btn-link app-home"}}, T: "devices.home"},
				{Tag: "h3", Attrs: []ui.Attr{{Key: "id", Val: "phone-app-title"}, {Key: "tabindex", Val: "-1"}}, T: "$appTitle"},
			}},
			{Slot: "appView"},
		}},
		// The home screen: the latest unread texts as notifications, and
		// the apps.
		{If: "home", Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "home-screen"}}, Kids: []ui.Tpl{
			{If: "notes", Tag: "section", Attrs: []ui.Attr{{Key: "aria-label", Val: "%devices.notifications"}}, Kids: []ui.Tpl{
				{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "notifications"}}, Kids: []ui.Tpl{
					{Each: "notes", Tag: "li", Attrs: []ui.Attr{{Key: "class", Val: "notification"}}, Kids: []ui.Tpl{
						{Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "note-head"}}, Kids: []ui.Tpl{{Tag: "strong", D: "from"}, {D: "when"}}},
						{Tag: "p", Kids: []ui.Tpl{{If: "textKey", T: "=text"}, {If: "!textKey", D: "text"}}},
					}},
				}},
			}},
			{Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "app-grid"}, {Key: "aria-label", Val: "%devices.apps"}}, Kids: []ui.Tpl{
				{Each: "apps", Tag: "li", Kids: []ui.Tpl{
					{Tag: "button", Attrs: []ui.Attr{{Key: "id", Val: "$btnID"}, {Key: "type", Val: "button"}, {Key: "class", Val: "app-btn"},
						{Key: "data-action", Val: "devices.app"}, {Key: "data-arg", Val: "$app"}, {Key: "aria-label", Val: "$title"}}, Kids: []ui.Tpl{
						{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "$icon"}, {Key: "aria-hidden", Val: "true"}}, Kids: []ui.Tpl{
							{If: "unread", Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "badge"}, {Key: "aria-hidden", Val: "true"}}, D: "unread"},
						}},
						{Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "app-name"}}, T: "$titleKey"},
					}},
				}},
			}},
		}},
	}},
}}

// keypadKey is one digit of the call's keypad.
func keypadKey(d string) ui.Tpl {
	return ui.Tpl{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "class", Val: "key"}, {Key: "data-action", Val: "devices.key"}, {Key: "data-arg", Val: d}}, Lit: d}
}

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
var inbox = ui.Tpl{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "inbox"}}, Kids: []ui.Tpl{
	{If: "empty", Tag: "p", Attrs: []ui.Attr{{Key: "class", Val: "empty"}}, T: "devices.inbox.empty"},
	{If: "list", Tag: "h3", T: "devices.inbox"},
	{If: "list", Tag: "ul", Attrs: []ui.Attr{{Key: "class", Val: "mail-list"}}, Kids: []ui.Tpl{
		// The subject names the button; sender, time and "unread"
		// describe it.
		{Each: "mails", Tag: "li", Kids: []ui.Tpl{
			{Tag: "button", Attrs: []ui.Attr{{Key: "id", Val: "$btnID"}, {Key: "type", Val: "button"}, {Key: "class", Val: "$class"},
				{Key: "data-action", Val: "devices.email"}, {Key: "data-arg", Val: "$id"},
				{Key: "aria-labelledby", Val: "$subjectID"}, {Key: "aria-describedby", Val: "$metaID"}}, Kids: []ui.Tpl{
				{Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "$subjectID"}, {Key: "class", Val: "mail-subject"}}, T: "=subject"},
				{Tag: "span", Attrs: []ui.Attr{{Key: "id", Val: "$metaID"}, {Key: "class", Val: "mail-meta"}}, Kids: []ui.Tpl{
					{If: "unread", Tag: "span", Attrs: []ui.Attr{{Key: "class", Val: "visually-hidden"}}, T: "devices.inbox.unread", Lit: " "},
					{D: "meta"},
				}},
			}},
		}},
	}},
}}

// email is one open email.
var email = ui.Tpl{Tag: "article", Attrs: []ui.Attr{{Key: "class", Val: "email"}, {Key: "aria-labelledby", Val: "email-title"}}, Kids: []ui.Tpl{
	{Tag: "button", Attrs: []ui.Attr{{Key: "type", Val: "button"}, {Key: "data-action", Val: "devices.back"}, {Key: "class", Val: "btn btn-link"}}, T: "devices.inbox.back"},
	{Tag: "h3", Attrs: []ui.Attr{{Key: "id", Val: "email-title"}, {Key: "tabindex", Val: "-1"}}, T: "=subject"},
	{Tag: "dl", Attrs: []ui.Attr{{Key: "class", Val: "kv mail-head"}}, Kids: []ui.Tpl{
		{Tag: "dt", T: "devices.mail.from"}, {Tag: "dd", D: "from"},
		{Tag: "dt", T: "devices.mail.to"}, {Tag: "dd", D: "to"},
		{Tag: "dt", T: "devices.mail.date"}, {Tag: "dd", D: "date"},
	}},
	// Line breaks of the text show through white-space: pre-line.
	{Tag: "div", Attrs: []ui.Attr{{Key: "class", Val: "mail-body"}}, T: "=body"},
	{If: "link", Tag: "p", Kids: []ui.Tpl{
		{Tag: "a", Attrs: []ui.Attr{{Key: "class", Val: "btn btn-primary"}, {Key: "href", Val: "$link"}}, T: "$linkKey"},
	}},
}}

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
