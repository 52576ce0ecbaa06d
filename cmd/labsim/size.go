package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
)

// firstVisit lists the files a browser downloads on a first visit, in
// order. The IAM action catalog is not among them: it loads on first use.
var firstVisit = []string{"index.html", "styles.css", "wasm_exec.js", "app.js", "main.wasm"}

// runSize prints the raw, gzip and brotli sizes of main.wasm and of a
// first visit, from a built and compressed site directory.
func runSize(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: labsim size DIR")
		return 2
	}
	dir := args[0]
	size := func(name string) (int64, error) {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return 0, err
		}
		return st.Size(), nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\traw\tgzip\tbrotli\t")
	var total [3]int64
	for _, name := range firstVisit {
		var row [3]int64
		for i, ext := range []string{"", ".gz", ".br"} {
			n, err := size(name + ext)
			if err != nil {
				fmt.Fprintf(stderr, "labsim size: %v (run make build first)\n", err)
				return 1
			}
			row[i] = n
			total[i] += n
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", name, row[0], row[1], row[2])
	}
	fmt.Fprintf(tw, "first visit\t%d\t%d\t%d\t\n", total[0], total[1], total[2])
	singleFileRow(tw, dir)
	if err := tw.Flush(); err != nil {
		return 1
	}
	return 0
}
