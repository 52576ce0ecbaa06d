package console

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// errDuplicateKey reports a JSON object with a repeated key.
var errDuplicateKey = errors.New("duplicate key")

// checkDuplicateKeys rejects a JSON document in which any object repeats a
// key. encoding/json keeps the last of repeated keys and matches field
// names without regard to case, so "schema" twice, or "session" and
// "Session", would let a crafted file show one thing to a reader and load
// another: keys are compared the way encoding/json matches them.
func checkDuplicateKeys(data []byte) error {
	type frame struct {
		object  bool
		wantKey bool
		keys    map[string]bool
	}
	var stack []frame
	// consumed records that a value was read in the innermost container.
	consumed := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].wantKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return fmt.Errorf("check keys: %w", io.ErrUnexpectedEOF)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("check keys: %w", err)
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				stack = append(stack, frame{object: true, wantKey: true, keys: map[string]bool{}})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				consumed()
			}
		case string:
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
				k := strings.ToLower(v)
				if stack[n-1].keys[k] {
					return fmt.Errorf("check keys: %q: %w", v, errDuplicateKey)
				}
				stack[n-1].keys[k] = true
				stack[n-1].wantKey = false
				continue
			}
			consumed()
		default:
			consumed()
		}
	}
}
