//go:build !entry

package console

import (
	"labsim/console/i18n"
	"labsim/console/lab"
	"labsim/console/ui"
	"labsim/sim"
	"labsim/sim/mfa"
)

// signedInParts are the page's parts for a signed-in student: the console's
// top bar, the page and the lab guide beside it.
func signedInParts(m Model, c i18n.Catalog, r Route) ui.Vals {
	return ui.Vals{{K: "header", N: []ui.Node{topNav(m, c, r)}}, {K: "page", N: []ui.Node{consolePage(m, c, r)}},
		{K: "layout", S: "layout " + lab.PanelClass(m.Model)}, {K: "guide", N: []ui.Node{lab.Panel(m.Model, c)}}}
}

// withLab docks the lab guide beside a signed-out page while it is open.
func withLab(m Model, c i18n.Catalog, main ui.Node) ui.Node {
	if !m.UI.GuideOpen {
		return main
	}
	return ui.El("div", ui.Class("site-layout", lab.PanelClass(m.Model)), main, lab.Panel(m.Model, c))
}

// consolePage is the page a signed-in student sees.
func consolePage(m Model, c i18n.Catalog, r Route) ui.Node {
	switch r.Page {
	case "home":
		return homePage(m, c)
	case "services":
		if s, ok := ServiceByID(r.Arg); ok {
			return servicePage(c, s)
		}
	case "simulator":
		return simulatorPage(m, c)
	}
	if a, ok := areaForRoute(r); ok && a.View != nil {
		if n, denied := deniedView(m, c, a, r); denied {
			return n
		}
		if box, denied := opDeniedView(m, c); denied {
			return ui.El("div", ui.Class("op-denied"), box, a.View(m.Model, c, r))
		}
		return a.View(m.Model, c, r)
	}
	return notFoundPage(c)
}

// simulatorTplPage holds the saved data tools: storage status, prepared
// worlds, work kept aside, export, import and reset.
var simulatorTplPage = ui.Lazy(`
<section class="page">
	<h1 id="page-title" tabindex="-1">{t simulator.title}</h1>
	<div class="container">
		<h2>{t simulator.storage}</h2>
		<p>{t $storage}</p>
		<p if="lms">{t simulator.storage.lms}</p>
	</div>
	<div class="container">
		<h2>{t simulator.worlds}</h2>
		<p>{t simulator.worldsIntro}</p>
		<ul class="worlds">
			<li each="worlds" class="world">
				<div><strong>{d title}</strong>{" "}<code class="world-id">{d name}</code><p>{t $desc secret=$secret}</p></div>
				<button if="!confirming" type="button" data-action="world" data-arg="$name" id="$id" class="btn btn-normal" aria-label="$label">{t simulator.load}</button>
				<_ if="confirming">{slot confirm}</_>
			</li>
		</ul>
	</div>
	{slot aside}
	<div class="container">
		<h2>{t simulator.export}</h2>
		<p>{t simulator.exportNote}</p>
		<button type="button" data-action="export" class="btn btn-normal">{t simulator.exportButton}</button>
	</div>
	<div class="container">
		<h2>{t simulator.import}</h2>
		<p>{t simulator.importNote}</p>
		<label for="import-file" class="field-label">{t simulator.importFile}</label>
		<input id="import-file" type="file" accept=".json,application/json" data-import="true" aria-invalid="?importError:true" aria-describedby="?importError:import-error">
		<p if="importError" id="import-error" class="field-error" role="alert">{d importError}</p>
		{slot importConfirm}
	</div>
	<div class="container">
		<h2>{t simulator.reset}</h2>
		<p>{t simulator.resetNote}</p>
		<button if="!resetting" type="button" data-action="reset" id="reset-button" class="btn btn-danger">{t simulator.resetButton}</button>
		<_ if="resetting">{slot resetConfirm}</_>
	</div>
</section>`)

// notifyWorld adds the notice that a prepared world was loaded: a notice
// of its own per world ("notice.world.loaded.fresh"), so that it follows
// the language, else the generic one naming the world by its id.
func (m *Model) notifyWorld(kind, key, name string) {
	if k := key + "." + name; key == "notice.world.loaded" && m.Catalog().Has(k) {
		m.notify(kind, k)
		return
	}
	m.notify(kind, key, "name", name)
}

// worldTitle is a prepared world's name in the catalog's language.
func worldTitle(c i18n.Catalog, name string) string {
	if k := "world.title." + name; c.Has(k) {
		return c.T(k)
	}
	return name
}

// simulatorPage computes the Simulator page's view-model.
func simulatorPage(m Model, c i18n.Catalog) ui.Node {
	storageKey := "simulator.storage.local"
	if m.Storage.Mode == "memory" {
		storageKey = "simulator.storage.memory." + m.Storage.Reason
	}
	var worlds []ui.Vals
	for _, p := range sim.PreparedWorlds() {
		confirming := m.Confirm == "world:"+p.Name
		title := worldTitle(c, p.Name)
		w := ui.Vals{{K: "name", S: p.Name}, {K: "title", S: title}, {K: "desc", S: "world." + p.Name}, {K: "confirming", B: confirming},
			{K: "id", S: "world-" + p.Name}, {K: "label", S: c.T("simulator.loadWorld", "name", p.Name)}, {K: "secret", S: string(mfa.DemoSecret)}}
		if confirming {
			w = append(w, ui.V{K: "confirm", N: []ui.Node{confirmBox(c, "simulator.confirmWorld", "world", p.Name, title)}})
		}
		worlds = append(worlds, w)
	}
	v := ui.Vals{{K: "storage", S: storageKey}, {K: "lms", B: m.Storage.LMS}, {K: "worlds", L: worlds}, {K: "aside", N: []ui.Node{asideSection(m, c)}},
		{K: "importError", B: m.ImportError != "", S: m.ImportError},
		{K: "importConfirm", N: []ui.Node{importConfirm(m, c)}}, {K: "resetting", B: m.Confirm == "reset"}}
	if m.Confirm == "reset" {
		v = append(v, ui.V{K: "resetConfirm", N: []ui.Node{confirmBox(c, "simulator.confirmReset", "reset", "", "")}})
	}
	return simulatorTplPage.Root(c, v)
}
