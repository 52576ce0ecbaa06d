package console

import (
	"testing"

	"labsim/console/ui"
)

// BenchmarkKeystrokeUpdateView is what one keystroke costs the console:
// Update with the typed value, View and the HTML the browser applies,
// on the MFA setup step (a QR code, two code fields) of the demo account.
func BenchmarkKeystrokeUpdateView(b *testing.B) {
	m, _ := Update(Model{}, Init{Now: t0, Seed: [32]byte{7}, Query: map[string]string{"world": "demo", "lang": "en"},
		Storage: StorageStatus{Mode: "local"}})
	m, _ = Update(m, Navigate{Now: t0, Hash: "#/security-credentials/mfa"})
	m, _ = Update(m, Submit{Now: t0, Form: "mfa.type", Values: map[string]string{"mfa.type": "virtual"}})
	m, _ = Update(m, Click{Now: t0, Action: "mfa.showQR"})
	values := []string{"1", "12", "123", "1234", "12345", "123456"}
	i := 0
	for b.Loop() {
		next, _ := Update(m, Input{Now: t0, Field: "mfa.code1", Value: values[i%len(values)]})
		_ = ui.HTML(View(next))
		i++
	}
}
