package layout

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	return root
}

// TestSimAndConsoleAreFreeOfSyscallJS keeps the simulated world and the UI
// testable natively: only wasm/ talks to the browser.
func TestSimAndConsoleAreFreeOfSyscallJS(t *testing.T) {
	// Natively nothing may reach syscall/js at all. For js/wasm the standard
	// library itself uses it, so there no non-standard package among the
	// dependencies may import it (or safejs) directly.
	for _, goos := range []string{"", "js"} {
		cmd := exec.Command("go", "list", "-deps", "-f",
			`{{if not .Standard}}{{.ImportPath}} {{join .Imports " "}}{{end}}{{if eq .ImportPath "syscall/js"}}syscall/js{{end}}`,
			"./sim/...", "./console/...")
		cmd.Dir = repoRoot(t)
		cmd.Env = os.Environ()
		if goos == "js" {
			cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm")
		}
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			fields := strings.Fields(line)
			if len(fields) == 0 {
				continue
			}
			if goos == "" {
				require.NotEqual(t, "syscall/js", fields[0], "sim/ or console/ depends on syscall/js")
			}
			for _, imp := range fields[1:] {
				require.NotEqual(t, "syscall/js", imp, "%s imports syscall/js (GOOS=%q)", fields[0], goos)
				require.NotEqual(t, "github.com/hack-pad/safejs", imp, "%s imports safejs (GOOS=%q)", fields[0], goos)
			}
		}
	}
}

// TestWasmFilesAreTaggedForTheBrowser keeps native builds and vets of ./...
// free of browser-only code.
func TestWasmFilesAreTaggedForTheBrowser(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot(t), "wasm", "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.Regexp(t, `^//go:build js && wasm( && !?entry)?\n`, string(data), "%s lacks //go:build js && wasm", f)
	}
}

// TestBrowserBuildLeavesOutHeavyPackages guards the WebAssembly size: the
// packages DESIGN.md names as megabytes must not creep into main.wasm, nor
// the embedded action catalog, which the page loads only when needed.
func TestBrowserBuildLeavesOutHeavyPackages(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./wasm")
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	for _, dep := range strings.Fields(string(out)) {
		for _, heavy := range []string{"net/http", "html/template", "text/template", "regexp", "labsim/sim/catalog/actiondata"} {
			require.NotEqual(t, heavy, dep, "the browser build imports %s", heavy)
		}
		require.False(t, strings.HasPrefix(dep, "golang.org/x/text"), "the browser build imports %s", dep)
	}
}

// TestFirstVisitBinaryLinksNoSignedInConsole guards the first-visit
// binary (build tag entry, README "Size and speed"): the linker's
// dependency graph of its build must reach none of the signed-in
// console's code (the policy engine, IAM, MFA, labs, the LMS bridge, the
// managed policies), only, at most, the initialisers of packages the
// shared types import.
func TestFirstVisitBinaryLinksNoSignedInConsole(t *testing.T) {
	if testing.Short() {
		t.Skip("links the first-visit binary")
	}
	cmd := exec.Command("go", "build", "-tags", "entry", "-ldflags=-dumpdep", "-o", os.DevNull, "./wasm")
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out[:min(len(out), 2000)]))
	heavy := []string{"labsim/sim.World.Authorize", "labsim/sim/policy.Parse", "labsim/sim/policy.Compile",
		"labsim/sim/iam.Account.Validate", "labsim/sim.Prepared", "labsim/sim/catalog.loadManagedPolicies",
		"labsim/console/iam", "labsim/console/mfa.", "labsim/console/lab.", "labsim/console/signin.",
		"labsim/console/policysim.", "labsim/console/services.", "labsim/console/cloudtrail.",
		"labsim/internal/scorm.", "labsim/sim/lab.Parse"}
	reached := 0
	for _, line := range strings.Split(string(out), "\n") {
		_, to, ok := strings.Cut(line, " -> ")
		if !ok || strings.Contains(to, ".arginfo") || strings.Contains(to, ".stkobj") {
			continue // metadata the linker lists, not code
		}
		reached++
		for _, h := range heavy {
			require.False(t, strings.HasPrefix(to, h), "the first-visit binary links %s (%s)", to, line)
		}
	}
	require.Greater(t, reached, 1000, "the linker printed its dependency graph")
}
