package console

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"labsim/console/i18n"
	"labsim/console/ui"
)

// Aside is a saved document kept aside in browser storage under its own
// key: unreadable when the simulator started, or replaced by a prepared
// world or by a restore. The Simulator page lists them so that nothing a
// student saved is ever out of reach.
type Aside struct {
	Key  string
	Size int
}

// asideKey names a new document kept aside for a reason at a time: the
// storage key, ':', the reason, ':', the time in Unix seconds.
func asideKey(storageKey, reason string, now time.Time) string {
	return fmt.Sprintf("%s:%s:%d", storageKey, reason, now.Unix())
}

// reasonAndTime reads the reason and time back from a key (its last two
// parts).
func (a Aside) reasonAndTime() (string, time.Time) {
	i := strings.LastIndexByte(a.Key, ':')
	j := strings.LastIndexByte(a.Key[:max(i, 0)], ':')
	if i < 0 || j < 0 {
		return "", time.Time{}
	}
	reason, unix := a.Key[j+1:i], a.Key[i+1:]
	unix, _, _ = strings.Cut(unix, "-") // a second copy in the same second
	sec, err := strconv.ParseInt(unix, 10, 64)
	if err != nil {
		return reason, time.Time{}
	}
	return reason, time.Unix(sec, 0).UTC()
}

// setAside keeps data aside under a new key and remembers it for the
// Simulator page.
func (m *Model) setAside(reason, data string) Effect {
	key := asideKey(m.storageKey(), reason, m.Now)
	for n := 2; slices.ContainsFunc(m.Aside, func(a Aside) bool { return a.Key == key }); n++ {
		key = asideKey(m.storageKey(), reason, m.Now) + "-" + strconv.Itoa(n)
	}
	m.Aside = append(slices.Clone(m.Aside), Aside{Key: key, Size: len(data)})
	return SetAside{Key: key, Data: data}
}

// dropAside forgets a key.
func (m *Model) dropAside(key string) {
	m.Aside = slices.DeleteFunc(slices.Clone(m.Aside), func(a Aside) bool { return a.Key == key })
}

// asideClick handles Restore and Delete of a document kept aside; both ask
// for confirmation first.
func (m Model) asideClick(action, key string) (Model, []Effect) {
	if action == "aside.import" {
		if m.Confirm != confirmImport {
			return m, nil
		}
		return m.confirmedImport()
	}
	if !slices.ContainsFunc(m.Aside, func(a Aside) bool { return a.Key == key }) {
		return m, nil
	}
	if m.Confirm != action+":"+key {
		m.Confirm = action + ":" + key
		return m, []Effect{Focus{ID: "confirm-text"}}
	}
	m.Confirm = ""
	if action == "aside.delete" {
		m.dropAside(key)
		m.notify("success", "notice.aside.deleted")
		return m, []Effect{RemoveKey{Key: key}, Focus{ID: "page-title"}}
	}
	return m, []Effect{LoadAside{Key: key}}
}

// asideLoaded restores a document kept aside, keeping the current state
// aside in its turn, so that a restore can itself be undone.
func (m Model) asideLoaded(msg AsideLoaded) (Model, []Effect) {
	s, err := Decode(msg.Data)
	if msg.Err != "" || err != nil {
		m.notify("warning", "notice.aside.unreadable")
		return m, nil
	}
	current, err := m.Encode(m.Revision)
	if err != nil {
		return m, nil
	}
	keep := m.setAside("before-restore", current)
	rev, lang, prev := m.Revision, m.UI.Lang, m.UI
	if err := m.apply(s); err != nil {
		m.notify("warning", "notice.aside.unreadable")
		return m, nil
	}
	m.Revision, m.UI.Lang, m.Secrets = max(rev, s.Revision), lang, nil
	m.keepLab(prev, labRestore)
	m.dropAside(msg.Key)
	m.notify("success", "notice.aside.restored")
	m, fx := m.navigate("#/simulator")
	return m, append([]Effect{keep, RemoveKey{Key: msg.Key}}, fx...)
}

// asideSection lists the documents kept aside on the Simulator page.
func asideSection(m Model, c i18n.Catalog) ui.Node {
	if len(m.Aside) == 0 {
		return ui.Node{}
	}
	var items []ui.Node
	for _, a := range m.Aside {
		reason, at := a.reasonAndTime()
		reasonKey := "aside.reason." + reason
		if !c.Has(reasonKey) {
			reasonKey = "aside.reason.other"
		}
		when := "—"
		if !at.IsZero() {
			when = at.Local().Format("2006-01-02 15:04")
		}
		label := c.T(reasonKey) + " (" + when + ")"
		confirming := strings.HasSuffix(m.Confirm, ":"+a.Key)
		var controls ui.Node
		if confirming {
			action := strings.TrimSuffix(m.Confirm, ":"+a.Key)
			key := "aside.confirmRestore"
			if action == "aside.delete" {
				key = "aside.confirmDelete"
			}
			controls = confirmBox(c, key, action, a.Key, label)
		} else {
			controls = ui.El("div", ui.Class("aside-actions"),
				button(c, "aside.restore", "aside.restore", a.Key, ui.Class("btn", "btn-normal"),
					ui.A("aria-label", c.T("aside.restoreLabel", "name", label))),
				button(c, "aside.delete", "aside.delete", a.Key, ui.Class("btn", "btn-link"),
					ui.A("aria-label", c.T("aside.deleteLabel", "name", label))))
		}
		items = append(items, ui.El("li", ui.Class("world"),
			ui.El("div", ui.El("strong", ui.Text(c.T(reasonKey)), ui.Data(" ("+when+")")),
				ui.El("p", ui.Text(c.T("aside.size", "kb", strconv.Itoa((a.Size+1023)/1024))))),
			controls))
	}
	return ui.El("div", ui.Class("container"),
		ui.El("h2", ui.Text(c.T("aside.title"))),
		ui.El("p", ui.Text(c.T("aside.intro"))),
		ui.El("ul", ui.Class("worlds"), items))
}
