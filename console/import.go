package console

import (
	"errors"
	"fmt"
	"labsim/console/core"
	"maps"
	"slices"

	"labsim/sim"
	"labsim/sim/catalog"
)

// DecodeImport reads an exported document for import. Besides what Decode
// checks, it applies the rules of the console's forms and operations, so
// that a file edited by hand cannot load what the console could never have
// made: no object may repeat a key, the world must pass sim.World.Validate
// (quotas, one account per email, names, serials, password hash costs),
// the region must exist, and typed field values keep their bound.
// Secret fields (never saved by labsim) are dropped, and so is the
// signed-in session: the student signs in again.
func DecodeImport(data string) (Saved, error) {
	if err := checkDuplicateKeys([]byte(data)); err != nil {
		return Saved{}, fmt.Errorf("import: %w", err)
	}
	s, err := Decode(data)
	if err != nil {
		return Saved{}, fmt.Errorf("import: %w", err)
	}
	if err := s.World.Validate(); err != nil {
		return Saved{}, fmt.Errorf("import: %w", err)
	}
	if s.UI.Region != "" {
		if _, ok := catalog.LookupRegion(s.UI.Region); !ok {
			return Saved{}, fmt.Errorf("import: unknown region %q", s.UI.Region)
		}
	}
	fields := map[string]string{}
	for _, k := range slices.Sorted(maps.Keys(s.UI.Fields)) {
		v := s.UI.Fields[k]
		if len(k) > 200 || len(v) > core.MaxFieldLen {
			return Saved{}, fmt.Errorf("import: field %.40q: %w", k, errFieldTooLong)
		}
		if !isSecretField(k) {
			fields[k] = v
		}
	}
	s.UI.Fields = fields
	if len(fields) == 0 {
		s.UI.Fields = nil
	}
	s.Session = sim.Session{}
	return s, nil
}

// errFieldTooLong reports a typed value over core.MaxFieldLen.
var errFieldTooLong = errors.New("field too long")
