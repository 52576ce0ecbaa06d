package console

import (
	"encoding/json"
	"maps"

	"labsim/console/core"
	"labsim/sim"
)

// Form fields are per tab: a tab shows what was typed in it, whatever
// another tab types into the same field. The shared document holds every
// tab's typing, merged (persist_merge.go), so that a new tab finds it; what
// a tab typed itself is also kept in the tab's own storage (sessionStorage,
// which a reload keeps and a new tab does not share), and wins in that tab
// over what another tab typed. A duplicated tab starts with a copy, which
// is what the student sees in it. The tab's own state is also where a tab
// with a session of its own (a "private window") would keep it.

// tabState is what the browser keeps for one tab (SaveTab, Init.Tab).
type tabState struct {
	// Fields holds the values typed in this tab.
	Fields map[string]string `json:"fields,omitempty"`
	// Private marks a private window, whose Session is its own.
	Private bool        `json:"private,omitempty"`
	Session sim.Session `json:"session,omitzero"`
}

// SaveTab writes the tab's own state into the tab's storage.
type SaveTab struct{ Data string }

// IsEffect marks SaveTab as an effect.
func (SaveTab) IsEffect() {}

// loadTab reads the tab's own state at start-up: what it typed wins over
// what the shared document holds.
func (m Model) loadTab(data string) Model {
	var t tabState
	if data != "" && json.Unmarshal([]byte(data), &t) == nil && len(t.Fields) > 0 {
		f := maps.Clone(m.UI.Fields)
		if f == nil {
			f = map[string]string{}
		}
		own := map[string]string{}
		for k, v := range t.Fields {
			if len(k) <= 200 && len(v) <= core.MaxFieldLen && !isSecretField(k) {
				f[k], own[k] = v, v
			}
		}
		m.UI.Fields, m.persist.own = f, own
		m.persist.lastTab = data
	}
	m.persist.prevFields = m.UI.Fields
	return m
}

// trackTab records the fields this update typed (not those a merge
// brought from another tab) and asks for the tab's state to be saved when
// it changed.
func (m Model) trackTab(effects []Effect) (Model, []Effect) {
	if m.persist.merged {
		m.persist.merged = false
	} else if !sameFields(m.UI.Fields, m.persist.prevFields) {
		own := map[string]string{}
		for k, v := range m.persist.own {
			if _, ok := m.UI.Fields[k]; ok {
				own[k] = v
			}
		}
		for k, v := range m.UI.Fields {
			if old, ok := m.persist.prevFields[k]; !ok || old != v {
				own[k] = v
			}
		}
		m.persist.own = own
	}
	m.persist.prevFields = m.UI.Fields
	t := tabState{Fields: m.persist.own}
	if m.persist.private {
		t.Private, t.Session = true, m.Session
	}
	data, err := json.Marshal(t)
	if err != nil || string(data) == m.persist.lastTab || m.persist.lastTab == "" && len(m.persist.own) == 0 && !t.Private {
		return m, effects
	}
	m.persist.lastTab = string(data)
	return m, append(effects, SaveTab{Data: string(data)})
}

// withOwnFields puts this tab's typing over merged fields.
func (m Model) withOwnFields(fields map[string]string) map[string]string {
	if len(m.persist.own) == 0 {
		return fields
	}
	f := maps.Clone(fields)
	if f == nil {
		f = map[string]string{}
	}
	maps.Copy(f, m.persist.own)
	return f
}

func sameFields(a, b map[string]string) bool { return maps.Equal(a, b) }
