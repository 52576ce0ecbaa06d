//go:build !entry

package console

// servicesKey handles the top bar's navigation keys: the unified
// search's first (searchKey: Alt+S focuses it), then the Services menu's:
// in its filter Down goes to the first service and Enter opens it; on a
// service Down and Up move through the list (Up from the first returns to
// the field). It reports whether it handled the key.
func (m Model) servicesKey(key, target string) (Model, []Effect, bool) {
	if next, fx, ok := m.searchKey(key, target); ok {
		return next, fx, true
	}
	if m.Menu != "services" || target == "" {
		return m, nil, false
	}
	var ids []string
	var first Service
	for _, cat := range Categories {
		for _, s := range Services {
			if s.Category == cat && s.Matches(m.Filter) {
				if len(ids) == 0 {
					first = s
				}
				ids = append(ids, "svc-"+s.ID)
			}
		}
	}
	at := -1 // the search field
	for i, id := range ids {
		if id == target {
			at = i
		}
	}
	if at < 0 && target != "services-filter" {
		return m, nil, false
	}
	switch key {
	case "Enter":
		if at >= 0 || len(ids) == 0 {
			return m, nil, true
		}
		m.Menu, m.Filter = "", ""
		next, fx := m.navigate(serviceHref(first))
		return next, append(fx, next.urlEffect(true), Focus{ID: "page-title"}), true
	case "ArrowDown":
		if at+1 < len(ids) {
			return m, []Effect{Focus{ID: ids[at+1]}}, true
		}
		return m, nil, true
	case "ArrowUp":
		if at > 0 {
			return m, []Effect{Focus{ID: ids[at-1]}}, true
		}
		return m, []Effect{Focus{ID: "services-filter"}}, true
	}
	return m, nil, false
}
