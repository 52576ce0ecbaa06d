package lab

import (
	"embed"
	"fmt"
)

//go:embed builtin/*.json
var builtinFiles embed.FS

// BuiltinIDs are the IDs of the built-in labs in menu order. They are
// fixed: other parts of the product and instructors' links use them.
func BuiltinIDs() []string {
	return []string{"create-account", "root-mfa", "iam-delegation", "cloud-concepts"}
}

// Builtin parses the built-in labs, in menu order. They are validated by
// the tests and by `labsim lab validate` in make test, so an error here is
// a bug of the build.
func Builtin() ([]*Lab, error) {
	ids := BuiltinIDs()
	labs := make([]*Lab, 0, len(ids))
	for _, id := range ids {
		name := "builtin/" + id + ".json"
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("built-in lab %s: %w", id, err)
		}
		l, err := Parse(name, data)
		if err != nil {
			return nil, fmt.Errorf("built-in lab %s: %w", id, err)
		}
		if l.ID != id {
			return nil, fmt.Errorf("built-in lab %s: the file's id is %q", id, l.ID)
		}
		labs = append(labs, l)
	}
	return labs, nil
}

// Find returns the lab with that ID, or nil.
func Find(labs []*Lab, id string) *Lab {
	for _, l := range labs {
		if l.ID == id {
			return l
		}
	}
	return nil
}
