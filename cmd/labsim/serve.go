package main

import (
	"fmt"
	"io"
)

// runServe is replaced by the static file server.
func runServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "labsim serve: not built yet")
	return 2
}
