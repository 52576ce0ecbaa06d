package signup_test

import (
	"testing"

	"labsim/console/ui"
	"labsim/sim/account"
)

// BenchmarkSignUpStep2View renders the contact page (about 250 countries)
// to HTML, as every keystroke does.
func BenchmarkSignUpStep2View(b *testing.B) {
	t := &testing.T{}
	m := suToStep(t, 2)
	b.ReportAllocs()
	for b.Loop() {
		_ = ui.HTML(View(m))
	}
}

// BenchmarkSignUpStep4View renders the identity page with its captcha.
func BenchmarkSignUpStep4View(b *testing.B) {
	t := &testing.T{}
	m := suToStep(t, 4)
	b.ReportAllocs()
	for b.Loop() {
		_ = ui.HTML(View(m))
	}
}

// BenchmarkRootPasswordHash is the production hash cost (600,000
// PBKDF2-HMAC-SHA-256 iterations), paid once per sign-in.
func BenchmarkRootPasswordHash(b *testing.B) {
	h, err := account.NewPasswordHash("Lab-Student-2026", zeroReader{}, account.DefaultIterations)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		_ = h.Verify("Lab-Student-2026")
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 7
	}
	return len(p), nil
}
