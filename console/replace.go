package console

import (
	"slices"
	"strings"

	"labsim/console/i18n"
	"labsim/console/ui"
)

// MaxAside bounds the documents kept aside: when a new one would make more,
// the oldest is deleted, with a notice, so that copies cannot fill the
// browser's storage.
const MaxAside = 10

// confirmImport is Model.Confirm while an import waits for confirmation;
// it starts with "aside." so that Confirm and Cancel reach asideClick.
const confirmImport = "aside.import:"

// pendingImport is a checked import waiting for the student's confirmation.
type pendingImport struct {
	Name string
	Data string
}

// keepAside keeps the current work aside before something replaces it (an
// import, a prepared world, a reset). Nothing is kept when there is
// nothing to lose: no account and no event.
func (m *Model) keepAside(reason string) []Effect {
	if len(m.World.Accounts) == 0 && len(m.World.Events) == 0 {
		return nil
	}
	data, err := m.Encode(m.Revision)
	if err != nil {
		return nil
	}
	return []Effect{m.setAside(reason, data)}
}

// trimAside deletes the oldest documents kept aside beyond MaxAside,
// saying which.
func (m Model) trimAside(fx []Effect) (Model, []Effect) {
	if len(m.Aside) <= MaxAside {
		return m, fx
	}
	byAge := slices.Clone(m.Aside)
	slices.SortStableFunc(byAge, func(a, b Aside) int {
		_, ta := a.reasonAndTime()
		_, tb := b.reasonAndTime()
		if c := ta.Compare(tb); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	c := m.Catalog()
	for _, old := range byAge[:len(byAge)-MaxAside] {
		m.dropAside(old.Key)
		fx = append(fx, RemoveKey{Key: old.Key})
		reason, at := old.reasonAndTime()
		reasonKey := "aside.reason." + reason
		if !c.Has(reasonKey) {
			reasonKey = "aside.reason.other"
		}
		m.notify("warning", "notice.aside.dropped", "max", "10", "name", c.T(reasonKey)+" ("+at.Local().Format("2006-01-02 15:04")+")")
	}
	return m, fx
}

// importFile checks an exported document and asks for confirmation before
// it replaces the current work.
func (m Model) importFile(f ImportFile) (Model, []Effect) {
	c := m.Catalog()
	m.persist.pending = nil
	switch {
	case f.Size > MaxImportBytes || len(f.Text) > MaxImportBytes:
		m.ImportError = c.T("import.tooLarge", "max", "2 MB")
		return m, nil
	case !strings.HasSuffix(strings.ToLower(f.Name), ".json"):
		m.ImportError = c.T("import.notJSON")
		return m, nil
	}
	if _, err := DecodeImport(f.Text); err != nil {
		m.ImportError = c.T("import.invalid")
		return m, nil
	}
	m.ImportError = ""
	m.persist.pending = &pendingImport{Name: f.Name, Data: f.Text}
	m.Confirm = confirmImport
	return m, []Effect{Focus{ID: "confirm-text"}}
}

// confirmedImport replaces the current work by the pending import,
// keeping the current work aside first.
func (m Model) confirmedImport() (Model, []Effect) {
	p := m.persist.pending
	m.persist.pending, m.Confirm = nil, ""
	if p == nil {
		return m, nil
	}
	s, err := DecodeImport(p.Data)
	if err != nil {
		m.ImportError = m.Catalog().T("import.invalid")
		return m, nil
	}
	fx := m.keepAside("before-import")
	rev, lang, prev := m.Revision, m.UI.Lang, m.UI
	if err := m.apply(s); err != nil {
		m.ImportError = m.Catalog().T("import.invalid")
		return m, nil
	}
	m.Revision = max(rev, s.Revision)
	m.UI.Lang = lang
	m.keepLab(prev, labImport)
	m.Secrets = nil
	m.notify("success", "notice.imported.kept", "name", p.Name)
	m, nav := m.navigate(m.UI.Route)
	return m, append(append(fx, nav...), m.urlEffect(false))
}

// importConfirm asks whether to replace the current work by the import.
func importConfirm(m Model, c i18n.Catalog) ui.Node {
	if m.Confirm != confirmImport || m.persist.pending == nil {
		return ui.Node{}
	}
	return confirmBox(c, "simulator.confirmImport", "aside.import", "", m.persist.pending.Name)
}
