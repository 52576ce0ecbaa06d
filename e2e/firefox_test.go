//go:build e2e

package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestFirefoxSmoke drives Firefox ESR (Debian's firefox-esr) over WebDriver
// BiDi with puppeteer-core (e2e/firefox/smoke.mjs) through the landing
// page, root sign-in with MFA (a code computed by the script's own RFC 6238
// implementation) and the IAM dashboard. Without Firefox or puppeteer-core
// it skips with a message, except under CI=true, where it fails.
func TestFirefoxSmoke(t *testing.T) {
	firefox, err := exec.LookPath("firefox-esr")
	if err != nil {
		firefox, err = exec.LookPath("firefox")
	}
	_, nodeErr := exec.LookPath("node")
	_, pupErr := os.Stat(filepath.Join("node_modules", "puppeteer-core", "package.json"))
	if err != nil || nodeErr != nil || pupErr != nil {
		msg := "Firefox ESR, node or puppeteer-core (npm ci --prefix e2e) is missing: the Firefox smoke test did not run"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	srv := newServer(t)
	shots, err := filepath.Abs("screenshots")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join("firefox", "smoke.mjs"), srv.URL, firefox, shots)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // a fresh Firefox profile home
	out, err := cmd.CombinedOutput()
	t.Logf("firefox smoke:\n%s", out)
	if err != nil {
		t.Fatalf("the Firefox smoke test failed: %v", err)
	}
}
