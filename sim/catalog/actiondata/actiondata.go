// Package actiondata embeds the generated action catalog for the native
// command and tests. The browser build must not import it: the site loads
// the same file (actions.dat, copied from this folder by the build) over
// HTTP the first time a policy needs it, and parses it with
// catalog.ParseActions.
package actiondata

import (
	_ "embed"
	"fmt"

	"labsim/sim/catalog"
)

//go:generate go run labsim/tools/catalog-gen -npm ../../../tools/catalog-gen/node_modules -out actions.dat

// FileName is the name of the data file in this folder and on the site.
const FileName = "actions.dat"

// SourcePath is the data file's path from the repository root, for the
// build to copy into the site.
const SourcePath = "sim/catalog/actiondata/" + FileName

//go:embed actions.dat
var raw []byte

// Raw returns a copy of the compressed data file.
func Raw() []byte {
	return append([]byte(nil), raw...)
}

// Load parses the embedded catalog.
func Load() (catalog.Actions, error) {
	a, err := catalog.ParseActions(raw)
	if err != nil {
		return nil, fmt.Errorf("load embedded action catalog: %w", err)
	}
	return a, nil
}
