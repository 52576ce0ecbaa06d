package devices

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// phoneApp is one app on the virtual phone's home screen. Its View renders
// the app's screen below the phone's Home button and the app's title; its
// controls use their own area's action prefix.
type phoneApp struct {
	ID, TitleKey string
	View         func(core.Model, i18n.Catalog) ui.Node
}

// phoneApps lists the virtual phone's apps in home-screen order. Other
// areas add their apps here (the MFA area's Authenticator).
func phoneApps(m core.Model, c i18n.Catalog) []phoneApp {
	return []phoneApp{
		{ID: "messages", TitleKey: "devices.app.messages", View: messagesApp},
		{ID: "calls", TitleKey: "devices.app.calls", View: callsApp},
		{ID: "authenticator", TitleKey: "auth.title", View: authenticatorApp}, // MFA area
	}
}

// appsTpl is the Messages and Calls apps: the texts and calls, newest
// first, or a note that there are none.
var appsTpl = ui.Lazy(`
<_>
	<p if="empty" class="empty">{t $emptyKey}</p>
	<ul if="sms" class="sms-list" aria-label="%devices.app.messages">
		<li each="items" class="sms">
			<p class="sms-head"><strong>{d from}</strong>{d when}</p>
			<p class="sms-text"><_ if="textKey">{t =text}</_><_ if="!textKey">{d text}</_></p>
			<p class="sms-to">{t devices.sms.to number=$to}</p>
		</li>
	</ul>
	<ul if="calls" class="call-list" aria-label="%devices.app.calls">
		<li each="items" class="call-log"><strong>{d from}</strong>{d when}<br>{t $status}</li>
	</ul>
</_>`)

// phoneList renders the phone's items of one kind, newest first.
func phoneList(m core.Model, c i18n.Catalog, kind, listKey, emptyKey string) ui.Node {
	var items []ui.Vals
	for i := len(m.World.Devices.Phone) - 1; i >= 0; i-- {
		p := m.World.Devices.Phone[i]
		if p.Kind != kind {
			continue
		}
		items = append(items, append(itemVals(c, p), ui.V{K: "when", S: " · " + stamp(p.Time, m.Now)}, ui.V{K: "to", S: p.To},
			ui.V{K: "status", S: "devices.call.status." + p.Args["status"]}))
	}
	return appsTpl.Root(c, ui.Vals{{K: "empty", B: len(items) == 0}, {K: "emptyKey", S: emptyKey},
		{K: listKey, B: len(items) > 0}, {K: "items", L: items}})
}

// messagesApp lists the text messages, newest first.
func messagesApp(m core.Model, c i18n.Catalog) ui.Node {
	return phoneList(m, c, sim.PhoneSMS, "sms", "devices.sms.empty")
}

// callsApp lists the calls, newest first, with how each ended.
func callsApp(m core.Model, c i18n.Catalog) ui.Node {
	return phoneList(m, c, sim.PhoneCall, "calls", "devices.calls.empty")
}
