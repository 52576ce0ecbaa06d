package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"labsim/sim/lab"
)

const labUsage = `usage: labsim lab validate FILE...
       labsim lab list

validate checks lab files (schema, both languages, check kinds and their
fields, references to IAM users, groups and policies, text lengths) and
prints each problem as FILE:LINE:COL: message. Exit status: 0 when every
file is a valid lab, 1 when any is not, 2 for usage errors.
list prints the built-in labs.
`

// runLab dispatches the lab subcommands.
func runLab(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, labUsage)
		return 2
	}
	switch args[0] {
	case "validate":
		return runLabValidate(args[1:], stdout, stderr)
	case "list":
		return runLabList(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, labUsage)
		return 0
	default:
		fmt.Fprintf(stderr, "labsim lab: unknown subcommand %q\n%s", args[0], labUsage)
		return 2
	}
}

// runLabValidate implements "labsim lab validate FILE...": problems go to
// stderr, one a line; each valid file gets an "ok" line on stdout.
func runLabValidate(files []string, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		fmt.Fprint(stderr, labUsage)
		return 2
	}
	status := 0
	seen := map[string]string{}
	for _, name := range files {
		if strings.HasPrefix(name, "-") {
			fmt.Fprintf(stderr, "labsim lab validate: unknown option %q\n%s", name, labUsage)
			return 2
		}
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "%s: cannot read: %v\n", name, errors.Unwrap(err))
			status = 1
			continue
		}
		l, err := lab.Parse(name, data)
		if err != nil {
			var errs lab.Errors
			if errors.As(err, &errs) {
				for _, e := range errs {
					fmt.Fprintln(stderr, e.Error())
				}
			} else {
				fmt.Fprintf(stderr, "%s: %v\n", name, err)
			}
			status = 1
			continue
		}
		if other, dup := seen[l.ID]; dup {
			fmt.Fprintf(stderr, "%s:1:1: id: %q is also the id of %s; every lab of a build needs its own\n", name, l.ID, other)
			status = 1
			continue
		}
		seen[l.ID] = name
		fmt.Fprintf(stdout, "%s: ok: lab %q version %d, %d steps\n", name, l.ID, l.Version, len(l.Steps))
	}
	return status
}

// runLabList implements "labsim lab list".
func runLabList(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "labsim lab list: unexpected argument %q\n%s", args[0], labUsage)
		return 2
	}
	labs, err := lab.Builtin()
	if err != nil {
		fmt.Fprintf(stderr, "labsim lab list: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%-16s %-5s %5s %5s  %s\n", "ID", "KIND", "MIN", "STEPS", "TITLE (en / ko)")
	for _, l := range labs {
		kind := "task"
		if l.Quiz() {
			kind = "quiz"
		}
		fmt.Fprintf(stdout, "%-16s %-5s %5d %5d  %s / %s\n", l.ID, kind, l.Minutes, len(l.Steps), l.Title.En, l.Title.Ko)
	}
	return 0
}
