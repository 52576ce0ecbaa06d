package mfa_test

import (
	"testing"

	"labsim/console"
	"labsim/console/ui"
	"labsim/internal/consoletest"
	"labsim/sim"
)

// The console's names and the shared test harness, under the names these
// tests used inside the console package.
type (
	Model         = console.Model
	Effect        = console.Effect
	Click         = console.Click
	Submit        = console.Submit
	Navigate      = console.Navigate
	Key           = console.Key
	Focus         = console.Focus
	Next          = console.Next
	Tick          = console.Tick
	Crashed       = console.Crashed
	Save          = console.Save
	Download      = console.Download
	Init          = console.Init
	StorageStatus = console.StorageStatus
	Input         = console.Input
	Copy          = console.Copy
	SetURL        = console.SetURL
	EffectFailed  = console.EffectFailed
)

var (
	t0     = consoletest.T0
	View   = console.View
	Update = console.Update
	Decode = console.Decode
	Title  = console.Title
)

func start(t *testing.T, q map[string]string, saved string) (Model, []Effect) {
	return consoletest.Start(t, q, saved)
}
func demoModel(t *testing.T) Model            { return consoletest.Demo(t) }
func send(m Model, msg console.Msg) Model     { return consoletest.Send(m, msg) }
func click(m Model, action, arg string) Model { return consoletest.Click(m, action, arg) }
func find(t *testing.T, m Model, role, name string) ui.Node {
	return consoletest.Find(t, m, role, name)
}
func press(t *testing.T, m Model, role, name string) Model {
	return consoletest.Press(t, m, role, name)
}
func effectsOf[T Effect](fx []Effect) []T             { return consoletest.EffectsOf[T](fx) }
func effectsWithout[T Effect](fx []Effect) []Effect   { return consoletest.EffectsWithout[T](fx) }
func checkPseudo(t *testing.T, m Model)               { t.Helper(); consoletest.CheckPseudo(t, m) }
func suLastEvent(m Model) sim.Event                   { return consoletest.LastEvent(m) }
func suStart(t *testing.T, q map[string]string) Model { return consoletest.StartCheap(t, q) }
func suPress(t *testing.T, m Model, role, name string) Model {
	return consoletest.PressDeliver(t, m, role, name)
}
func suAttr(n ui.Node, key string) string { return consoletest.AttrOf(n, key) }
func suText(m Model, s string) bool       { return consoletest.Shows(m, s) }
func requireFocusInView(t *testing.T, m Model, fx []Effect) {
	t.Helper()
	consoletest.RequireFocusInView(t, m, fx)
}
func suDescription(t *testing.T, m Model, role, name string) string {
	return consoletest.Description(t, m, role, name)
}
