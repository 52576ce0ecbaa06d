package devices

import (
	"labsim/console/core"
	"labsim/sim"
	"labsim/sim/account"
)

// Area is the virtual phone and inbox: two top-bar buttons on every
// page, signed in or out, and the drawer they open.
func Area() core.Area {
	return core.Area{Prefix: "devices", Click: devicesClick, Submit: networkSubmit, NavItems: devicesNavItems, Overlay: devicesDrawer, Escape: devicesEscape}
}

// devicesEscape closes the drawer and returns focus to its button.
func devicesEscape(m core.Model) (core.Model, []core.Effect, bool) {
	if m.Drawer.Tab == "" {
		return m, nil, false
	}
	m, fx := devicesClick(m, "devices.close", "")
	return m, fx, true
}

// devicesClick handles the drawer's controls.
func devicesClick(m core.Model, action, arg string) (core.Model, []core.Effect) {
	d := m.Drawer
	switch action {
	case "devices.open":
		if arg != "phone" && arg != "inbox" {
			return m, nil
		}
		if d.Tab == arg {
			m.Drawer = core.DrawerState{}
			return m, []core.Effect{core.Focus{ID: "devices-btn-" + arg}}
		}
		m.Drawer.Tab = arg
		return m, []core.Effect{core.Focus{ID: "devices-title"}}
	case "devices.close":
		m.Drawer = core.DrawerState{}
		if d.Tab == "network" {
			return m, []core.Effect{core.Focus{ID: "devices-btn-phone"}}
		}
		if d.Tab != "" {
			return m, []core.Effect{core.Focus{ID: "devices-btn-" + d.Tab}}
		}
	case "devices.tab":
		if arg == "phone" || arg == "inbox" || arg == "network" {
			m.Drawer.Tab = arg
		}
	case "devices.app":
		m.Drawer.App = arg
		return markAppRead(m, arg), []core.Effect{core.Focus{ID: "phone-app-title"}}
	case "devices.home":
		app := m.Drawer.App
		m.Drawer.App = ""
		if app != "" {
			return m, []core.Effect{core.Focus{ID: appButtonID(app)}}
		}
	case "devices.email":
		id := atoiOr(arg, 0)
		if e, ok := m.World.Devices.Email(id); ok {
			m.Drawer.Email = id
			if !e.Read {
				m = devicesDo(m, sim.MarkRead{Inbox: []int{id}})
			}
			return m, []core.Effect{core.Focus{ID: "email-title"}}
		}
	case "devices.back":
		id := m.Drawer.Email
		m.Drawer.Email = 0
		if _, ok := m.World.Devices.Email(id); ok {
			return m, []core.Effect{core.Focus{ID: mailButtonID(id)}}
		}
	case "devices.answer":
		if c, ok := m.World.Devices.RingingCall(); ok && c.ID == atoiOr(arg, 0) {
			m.Drawer.Call, m.Drawer.Keypad = c.ID, ""
			return m, []core.Effect{core.Focus{ID: "keypad-display"}}
		}
	case "devices.decline":
		if c, ok := m.World.Devices.RingingCall(); ok && c.ID == atoiOr(arg, 0) {
			m = devicesDo(m, sim.AnswerCall{ItemID: c.ID, Decline: true})
			m.Drawer.Call, m.Drawer.Keypad = 0, ""
			return m, []core.Effect{core.Focus{ID: "devices-title"}}
		}
	case "devices.key":
		if len(arg) != 1 || arg[0] < '0' || arg[0] > '9' || m.Drawer.Call == 0 {
			return m, nil
		}
		m.Drawer.Keypad += arg
		if len(m.Drawer.Keypad) >= account.VoicePINDigits {
			m = devicesDo(m, sim.AnswerCall{ItemID: m.Drawer.Call, Digits: m.Drawer.Keypad})
			m.Drawer.Keypad = ""
			return m, []core.Effect{core.Focus{ID: "call-result"}}
		}
	case "devices.keyDelete":
		if k := m.Drawer.Keypad; k != "" {
			m.Drawer.Keypad = k[:len(k)-1]
		}
	case "devices.hangup":
		m.Drawer.Call, m.Drawer.Keypad = 0, ""
		return m, []core.Effect{core.Focus{ID: "devices-title"}}
	}
	return m, nil
}

// devicesDo applies a device operation; a failure changes nothing but the
// log.
func devicesDo(m core.Model, op sim.Op) core.Model {
	w, _ := m.World.Do(m.Session, op, m.Env())
	m.World = w
	return m
}

// markAppRead marks what an app shows as read: texts for Messages, ended
// calls for Phone.
func markAppRead(m core.Model, app string) core.Model {
	var ids []int
	for _, p := range m.World.Devices.Phone {
		if p.Read {
			continue
		}
		switch {
		case app == "messages" && p.Kind == sim.PhoneSMS,
			app == "calls" && p.Kind == sim.PhoneCall && p.Args["status"] != sim.CallRinging:
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 {
		return m
	}
	return devicesDo(m, sim.MarkRead{Phone: ids})
}

// atoiOr parses a decimal number, or returns def.
func atoiOr(s string, def int) int {
	n := 0
	if s == "" || len(s) > 9 {
		return def
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return def
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
