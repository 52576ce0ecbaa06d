package main

import (
	"fmt"
	"io"
)

// runPolicyValidate is replaced by the policy engine's validator.
func runPolicyValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "labsim policy validate: not built yet")
	return 2
}
