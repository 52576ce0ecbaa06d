// Command labsim is the native side of the simulator: it serves the built
// site, validates and evaluates IAM policies, and validates lab files for
// instructors and scripts.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage: labsim <command> [arguments]

commands:
  serve [-addr 127.0.0.1:8080] [-dir dist] [-frame-ancestors "*"]
                                              serve the built simulator
  compress DIR                                write .gz and .br copies for serving
  size [-floor DIR] [-base DIR] DIR           first-visit raw, gzip and brotli sizes, with ratios
  budget -empty WASM -floor WASM MAIN.wasm    where main.wasm's bytes go (builds with names)
  policy validate [--json] [--type managed|user-inline|group-inline] FILE|-
  policy eval --cases FILE|-
  pack --scorm12|--scorm2004 [--lab ID ...] [--labs DIR] [--key K] [--dir dist] -o FILE.zip
                                              build a SCORM package for an LMS
  pack --single [--labs DIR] [--key K] [--dir dist] -o FILE.html
                                              build one HTML file that runs from file://
  pack --labs DIR [--dir dist]                add an instructor's lab files to the built site
  verify --key K [--name NAME] [--lab ID] [--labs DIR] CODE...
  verify --key K [--lab ID] [--labs DIR] --csv FILE
                                              check students' completion codes
  lab validate FILE...                        check lab files (FILE:LINE:COL: message)
  lab list                                    list the built-in labs
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "compress":
		return runCompress(args[1:], stdout, stderr)
	case "size":
		return runSize(args[1:], stdout, stderr)
	case "budget":
		return runBudget(args[1:], stdout, stderr)
	case "policy":
		return runPolicy(args[1:], stdin, stdout, stderr)
	case "pack":
		return runPack(args[1:], stdout, stderr)
	case "verify":
		return runVerify(args[1:], stdout, stderr)
	case "lab":
		return runLab(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "labsim: unknown command %q\n%s", args[0], usage)
		return 2
	}
}

// runPolicy dispatches the policy subcommands.
func runPolicy(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "validate":
		return runPolicyValidate(args[1:], stdin, stdout, stderr)
	case "eval":
		return runPolicyEval(args[1:], stdin, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "labsim policy: unknown subcommand %q\n%s", args[0], usage)
		return 2
	}
}
