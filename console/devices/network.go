package devices

import (
	"labsim/console/core"
	"labsim/console/i18n"
	"labsim/console/ui"
	"labsim/sim"
)

// fieldNetworkIP is the Simulated network's address field.
const fieldNetworkIP = "devices.network.ip"

// network is the drawer's Simulated network: the public address of the
// student's computer, aws:SourceIp of every request.
var network = ui.Lazy(`
<section class="network" aria-labelledby="network-title">
	<h3 id="network-title" tabindex="-1">{t devices.network.title}</h3>
	<p>{t devices.network.intro}</p>
	<dl class="kv"><dt>{t devices.network.current}</dt><dd class="mono" id="network-current">{d current}</dd></dl>
	<p if="saved" role="status" class="alert alert-success">{t devices.network.saved ip=$current}</p>
	<form data-form="devices.network" novalidate aria-labelledby="network-title">
		{slot field}
		<div class="form-actions"><button type="submit" class="btn btn-primary">{t devices.network.save}</button></div>
	</form>
</section>
`)

// networkView renders the Simulated network tab.
func networkView(m core.Model, c i18n.Catalog) ui.Node {
	cur := m.World.SourceIP
	if cur == "" {
		cur = sim.DefaultSourceIP
	}
	val := m.Field(fieldNetworkIP)
	if val == "" && m.Field("devices.network.typed") == "" {
		val = cur
	}
	f := ui.Field{ID: "devices-network-ip", Name: fieldNetworkIP, Kind: "text", Value: val,
		Label: c.T("devices.network.ip"), Hint: c.T("devices.network.hint"), SpellCheck: "false", AutoCapitalize: "off"}
	if m.Field("devices.network.error") == "true" {
		f.Error = c.T("devices.network.invalid")
	}
	return network.Root(c, ui.Vals{{K: "current", S: cur}, {K: "saved", B: m.Field("devices.network.saved") == "true"},
		{K: "field", N: []ui.Node{f.Render(c)}}})
}

// networkSubmit stores a new address through the door
// (devices:SetSourceIp); a typed address that is not IPv4 or IPv6 is
// refused next to the field and kept.
func networkSubmit(m core.Model, form string) (core.Model, []core.Effect) {
	if form != "devices.network" {
		return m, nil
	}
	w, err := m.World.Do(m.Session, sim.SetSourceIP{IP: m.Field(fieldNetworkIP)}, m.Env())
	if err != nil {
		m = m.SetFields("devices.network.error", "true", "devices.network.saved", "", "devices.network.typed", "true")
		return m, []core.Effect{core.Focus{ID: "devices-network-ip"}}
	}
	m.World = w
	m = m.SetFields("devices.network.error", "", "devices.network.saved", "true", fieldNetworkIP, w.SourceIP, "devices.network.typed", "")
	return m, []core.Effect{core.Focus{ID: "network-title"}}
}
