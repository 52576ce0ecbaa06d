package layout

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestConsoleAreasNeverImportEachOther keeps the console's arrows pointing
// down: an area (console/<area>/...) imports only console/core, console/ui
// and console/i18n of the console, the shared packages import no area and
// not the console itself, and the console shell is imported by no console
// package.
func TestConsoleAreasNeverImportEachOther(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./console/...")
	cmd.Dir = repoRoot(t)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	shared := map[string]bool{"core": true, "ui": true, "i18n": true}
	area := func(path string) string { // "" for the shell
		rest, _ := strings.CutPrefix(path, "labsim/console")
		rest = strings.TrimPrefix(rest, "/")
		first, _, _ := strings.Cut(rest, "/")
		return first
	}
	areas := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := area(fields[0])
		if pkg != "" && !shared[pkg] {
			areas++
		}
		for _, imp := range fields[1:] {
			if imp != "labsim/console" && !strings.HasPrefix(imp, "labsim/console/") {
				continue
			}
			dep := area(imp)
			switch {
			case pkg == "":
				// The shell composes everything.
			case shared[pkg]:
				require.True(t, shared[dep], "%s (shared) imports %s", fields[0], imp)
			default:
				require.True(t, shared[dep] || dep == pkg, "area %s imports %s: share through console/core instead", fields[0], imp)
			}
		}
	}
	require.GreaterOrEqual(t, areas, 5, "the console's areas are packages")
}
