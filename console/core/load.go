package core

import "labsim/sim"

// PageEnv is the environment of a page's requests: the model's clock and
// the region selected in the top bar (aws:RequestedRegion of regional
// services).
func (m Model) PageEnv() sim.Env {
	return sim.Env{Now: m.Now, Region: m.UI.Region}
}

// AuthorizePage decides whether the signed-in principal may make a page's
// request now, without logging it: views call it on every render, so a
// policy changed in another tab shows at once.
func (m Model) AuthorizePage(action, resource string) sim.AuthResult {
	return m.World.Authorize(m.Session, action, resource, m.PageEnv())
}

// ReadPage makes a page's read request through the door (sim.Read of
// action on resource, then the further calls): authorised and logged as
// AWS's CloudTrail logs read-only calls, changing nothing else. Areas call
// it from Load.
func (m Model) ReadPage(action, resource string, also ...sim.Step) Model {
	env := m.Env()
	env.Region = m.UI.Region
	w, _ := m.World.Do(m.Session, sim.Read{ActionName: action, ResourceARN: resource, Also: also}, env)
	m.World = w
	return m
}

// NeedCatalog asks for the IAM action catalog the first time a page needs
// it (LoadCatalog; CatalogLoaded delivers it); pages work with
// m.Actions == nil until it arrives.
func (m Model) NeedCatalog() (Model, []Effect) {
	if m.CatalogState != "" {
		return m, nil
	}
	m.CatalogState = "loading"
	return m, []Effect{LoadCatalog{}}
}
