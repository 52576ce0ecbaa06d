package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"labsim/internal/pack"
)

// labList is a repeatable --lab flag.
type labList []string

func (l *labList) String() string { return strings.Join(*l, ",") }

func (l *labList) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*l = append(*l, id)
		}
	}
	return nil
}

// runPack builds a SCORM 1.2 or 2004 zip, or a single HTML file, from a
// built site.
func runPack(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scorm12 := fs.Bool("scorm12", false, "build a SCORM 1.2 zip")
	scorm2004 := fs.Bool("scorm2004", false, "build a SCORM 2004 (4th edition) zip")
	single := fs.Bool("single", false, "build one self-contained HTML file that runs from file://")
	var labs labList
	fs.Var(&labs, "lab", "a lab to include (repeat, or separate with commas; default: every lab)")
	labsDir := fs.String("labs", "", "a directory of instructor lab files (*.json) to include")
	key := fs.String("key", "", "the key completion codes are signed with (labsim verify --key); none: no codes")
	dir := fs.String("dir", "dist", "the built site (make build)")
	namespace := fs.String("namespace", "", "the package's storage namespace (default: from the kind, the labs and the key)")
	out := fs.String("o", "", "the file to write (.zip for SCORM, .html for --single)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(status int, format string, a ...any) int {
		fmt.Fprintf(stderr, "labsim pack: "+format+"\n", a...)
		return status
	}
	kinds := 0
	for _, b := range []bool{*scorm12, *scorm2004, *single} {
		if b {
			kinds++
		}
	}
	if kinds == 0 && *labsDir != "" {
		switch {
		case fs.NArg() > 0:
			return fail(2, "unexpected argument %q", fs.Arg(0))
		case *out != "" || *key != "" || *namespace != "" || len(labs) > 0:
			return fail(2, "without --scorm12, --scorm2004 or --single, pack --labs DIR only adds labs to the built site (--dir); -o, --key, --namespace and --lab do not apply")
		}
		return installLabs(*dir, *labsDir, stdout, fail)
	}
	switch {
	case kinds != 1:
		return fail(2, "choose one of --scorm12, --scorm2004, --single (or --labs DIR alone, to add labs to the built site)")
	case fs.NArg() > 0:
		return fail(2, "unexpected argument %q", fs.Arg(0))
	case *out == "":
		return fail(2, "-o FILE is required")
	case *single && len(labs) > 0:
		return fail(2, "--lab does not apply to --single: a single file carries every lab of the build")
	}
	if *namespace != "" && !pack.ValidDeployment(*namespace) {
		return fail(2, "--namespace %q: use 1 to 64 lowercase letters, digits, '-' and '.'", *namespace)
	}
	var labFiles []pack.LabFile
	if *labsDir != "" {
		var err error
		if labFiles, err = pack.ReadLabDir(*labsDir); err != nil {
			return fail(1, "%v", err)
		}
	}
	all, err := pack.AllLabs(labFiles)
	if err != nil {
		return fail(1, "%v", err)
	}
	selected, err := pack.SelectLabs(all, labs)
	if err != nil {
		return fail(2, "%v", err)
	}
	site, err := pack.ReadSite(*dir)
	if err != nil {
		return fail(1, "%v", err)
	}
	var buf bytes.Buffer
	var what, deployment string
	switch {
	case *single:
		deployment = *namespace
		if deployment == "" {
			deployment = pack.DeploymentID("single", selected, *key)
		}
		if err := pack.BuildSingle(&buf, site, pack.SingleOptions{LabFiles: labFiles, Key: *key, Deployment: deployment}); err != nil {
			return fail(1, "%v", err)
		}
		what = "single HTML file"
	default:
		v, name := pack.SCORM12, "SCORM 1.2"
		if *scorm2004 {
			v, name = pack.SCORM2004, "SCORM 2004 4th Edition"
		}
		deployment = *namespace
		if deployment == "" {
			deployment = pack.DeploymentID(v.Kind(), selected, *key)
		}
		if err := pack.BuildSCORM(&buf, site, pack.SCORMOptions{Version: v, Labs: selected, LabFiles: labFiles,
			Key: *key, Deployment: deployment}); err != nil {
			return fail(1, "%v", err)
		}
		what = name + " package"
	}
	if err := writeAtomic(*out, buf.Bytes()); err != nil {
		return fail(1, "%v", err)
	}
	ids := make([]string, len(selected))
	for i, l := range selected {
		ids[i] = l.ID
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes): %s, labs %s, storage namespace %q", *out, buf.Len(), what,
		strings.Join(ids, ", "), deployment)
	if *key == "" {
		fmt.Fprint(stdout, ", no completion codes (no --key)")
	}
	fmt.Fprintln(stdout)
	return 0
}

// installLabs adds an instructor's lab files to the built site in place,
// refreshing index.html's precompressed copies when it has them.
func installLabs(dir, labsDir string, stdout io.Writer, fail func(int, string, ...any) int) int {
	files, err := pack.ReadLabDir(labsDir)
	if err != nil {
		return fail(1, "%v", err)
	}
	wrote, err := pack.InstallLabs(dir, files)
	if err != nil {
		return fail(1, "%v", err)
	}
	page := filepath.Join(dir, "index.html")
	if _, err := os.Stat(page + ".br"); err == nil {
		data, err := os.ReadFile(page)
		if err != nil {
			return fail(1, "%v", err)
		}
		gz, br, err := compressBoth(data)
		if err == nil {
			err = os.WriteFile(page+".gz", gz, 0o644)
		}
		if err == nil {
			err = os.WriteFile(page+".br", br, 0o644)
		}
		if err != nil {
			return fail(1, "%v", err)
		}
	}
	ids := make([]string, len(files))
	for i, f := range files {
		ids[i] = f.Info.ID
	}
	fmt.Fprintf(stdout, "added %d lab file(s) to %s (%s): %s\n", len(files), dir, strings.Join(ids, ", "),
		strings.Join(wrote, " "))
	return 0
}

// writeAtomic writes a file through a temporary file in the same folder,
// so that a failed pack never leaves half a package.
func writeAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
