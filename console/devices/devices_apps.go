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

// messagesApp lists the text messages, newest first.
func messagesApp(m core.Model, c i18n.Catalog) ui.Node {
	var items []ui.Node
	for i := len(m.World.Devices.Phone) - 1; i >= 0; i-- {
		p := m.World.Devices.Phone[i]
		if p.Kind != sim.PhoneSMS {
			continue
		}
		items = append(items, ui.El("li", ui.Class("sms"),
			ui.El("p", ui.Class("sms-head"), ui.El("strong", ui.Data(p.From)), ui.Data(" · "+stamp(p.Time, m.Now))),
			ui.El("p", ui.Class("sms-text"), itemText(c, p)),
			ui.El("p", ui.Class("sms-to"), ui.Text(c.T("devices.sms.to", "number", p.To)))))
	}
	if len(items) == 0 {
		return ui.El("p", ui.Class("empty"), ui.Text(c.T("devices.sms.empty")))
	}
	return ui.El("ul", ui.Class("sms-list"), ui.A("aria-label", c.T("devices.app.messages")), items)
}

// callsApp lists the calls, newest first, with how each ended.
func callsApp(m core.Model, c i18n.Catalog) ui.Node {
	var items []ui.Node
	for i := len(m.World.Devices.Phone) - 1; i >= 0; i-- {
		p := m.World.Devices.Phone[i]
		if p.Kind != sim.PhoneCall {
			continue
		}
		items = append(items, ui.El("li", ui.Class("call-log"),
			ui.El("strong", ui.Data(p.From)), ui.Data(" · "+stamp(p.Time, m.Now)), ui.El("br"),
			ui.Text(c.T("devices.call.status."+p.Args["status"]))))
	}
	if len(items) == 0 {
		return ui.El("p", ui.Class("empty"), ui.Text(c.T("devices.calls.empty")))
	}
	return ui.El("ul", ui.Class("call-list"), ui.A("aria-label", c.T("devices.app.calls")), items)
}
