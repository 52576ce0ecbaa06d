package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

// visitSizes is the raw, gzip and brotli bytes of one file or of a visit.
type visitSizes [3]int64

// siteVisit is what a browser downloads on a first visit of a built site.
type siteVisit struct {
	label string
	dir   string
	files []string
	sizes []visitSizes
	total visitSizes
}

// firstVisitFiles lists the files a browser downloads on a first visit of
// the site in dir, in order: index.html, the scripts and stylesheets it
// names (local ones; data: URLs are part of index.html), then the binary
// the page script fetches for the landing page: entry.wasm, the
// first-visit binary, when the page has one (data-entry-size), else
// main.wasm. Files loaded later (main.wasm at the hand-over, the IAM
// action catalog on first use) are not among them.
func firstVisitFiles(dir string) ([]string, error) {
	html, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return nil, err
	}
	files := []string{"index.html"}
	seen := map[string]bool{"index.html": true}
	doc := string(html)
	for _, attr := range []string{` href="`, ` src="`} {
		rest := doc
		for {
			i := strings.Index(rest, attr)
			if i < 0 {
				break
			}
			rest = rest[i+len(attr):]
			j := strings.IndexByte(rest, '"')
			if j < 0 {
				break
			}
			ref := rest[:j]
			if ref == "" || strings.Contains(ref, ":") || strings.HasPrefix(ref, "#") || seen[ref] {
				continue
			}
			seen[ref] = true
			files = append(files, ref)
		}
	}
	binary := "main.wasm"
	if hasEntry(doc) {
		binary = "entry.wasm"
	}
	if _, err := os.Stat(filepath.Join(dir, binary)); err == nil && !seen[binary] {
		files = append(files, binary)
	}
	return files, nil
}

// hasEntry reports whether a page loads the first-visit binary on a first
// visit: its data-entry-size is set and not "0" (assets/app.js).
func hasEntry(page string) bool {
	i := strings.Index(page, ` data-entry-size="`)
	if i < 0 {
		return false
	}
	v := page[i+len(` data-entry-size="`):]
	j := strings.IndexByte(v, '"')
	return j > 0 && v[:j] != "0"
}

// measureVisit reads the sizes of a site's first visit from its .gz and
// .br copies (written by labsim compress).
func measureVisit(label, dir string) (siteVisit, error) {
	v := siteVisit{label: label, dir: dir}
	files, err := firstVisitFiles(dir)
	if err != nil {
		return v, err
	}
	v.files = files
	for _, name := range files {
		var row visitSizes
		for i, ext := range []string{"", ".gz", ".br"} {
			st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)+ext))
			if err != nil {
				return v, err
			}
			row[i] = st.Size()
			v.total[i] += row[i]
		}
		v.sizes = append(v.sizes, row)
	}
	return v, nil
}

// runSize prints the raw, gzip and brotli sizes of a built site's first
// visit, and side by side with it those of the dependency floor (-floor)
// and of an earlier build (-base), with the ratios.
func runSize(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("size", flag.ContinueOnError)
	fs.SetOutput(stderr)
	floor := fs.String("floor", "", "built dependency floor to compare with (tools/floor)")
	base := fs.String("base", "", "earlier build of the site to compare with")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: labsim size [-floor DIR] [-base DIR] DIR")
		return 2
	}
	sites := []struct{ label, dir string }{{"labsim", fs.Arg(0)}, {"floor", *floor}, {"before", *base}}
	var visits []siteVisit
	for _, s := range sites {
		if s.dir == "" {
			continue
		}
		v, err := measureVisit(s.label, s.dir)
		if err != nil {
			fmt.Fprintf(stderr, "labsim size: %s: %v (run make build first)\n", s.label, err)
			return 1
		}
		visits = append(visits, v)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, v := range visits {
		fmt.Fprintf(tw, "%s (%s)\traw\tgzip\tbrotli\t\n", v.label, v.dir)
		for i, name := range v.files {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", name, v.sizes[i][0], v.sizes[i][1], v.sizes[i][2])
		}
		fmt.Fprintf(tw, "first visit\t%d\t%d\t%d\t\n", v.total[0], v.total[1], v.total[2])
		if len(v.files) > 0 && v.files[len(v.files)-1] == "entry.wasm" {
			handoffRow(tw, v.dir)
		}
	}
	for _, v := range visits[1:] {
		fmt.Fprintf(tw, "ratio labsim/%s\t%s\t%s\t%s\t\n", v.label,
			ratio(visits[0].total[0], v.total[0]), ratio(visits[0].total[1], v.total[1]), ratio(visits[0].total[2], v.total[2]))
	}
	singleFileRow(tw, fs.Arg(0))
	if err := tw.Flush(); err != nil {
		return 1
	}
	return 0
}

// handoffRow prints the full console's binary, which a site with a
// first-visit binary loads when the student signs in (the hand-over).
func handoffRow(w io.Writer, dir string) {
	var row visitSizes
	for i, ext := range []string{"", ".gz", ".br"} {
		st, err := os.Stat(filepath.Join(dir, "main.wasm"+ext))
		if err != nil {
			return
		}
		row[i] = st.Size()
	}
	fmt.Fprintf(w, "then, at the hand-over: main.wasm\t%d\t%d\t%d\t\n", row[0], row[1], row[2])
}

// ratio formats a/b with two decimals and a times sign.
func ratio(a, b int64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}
