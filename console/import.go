package console

import (
	"fmt"

	"labsim/sim"
)

// DecodeImport reads an exported document for import: a saved document
// (Decode) whose signed-in session is dropped, so that the student signs in
// again.
func DecodeImport(data string) (Saved, error) {
	s, err := Decode(data)
	if err != nil {
		return Saved{}, fmt.Errorf("import: %w", err)
	}
	s.Session = sim.Session{}
	return s, nil
}
