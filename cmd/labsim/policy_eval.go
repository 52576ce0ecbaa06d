package main

import (
	"fmt"
	"io"
)

// runPolicyEval is replaced by the policy engine's evaluator.
func runPolicyEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "labsim policy eval: not built yet")
	return 2
}
