// Package pack builds the packages an instructor hands out: SCORM 1.2 and
// SCORM 2004 zips for an LMS (imsmanifest.xml plus the built site) and a
// single self-contained HTML file for a room with no network.
package pack

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"labsim/sim/lab"
)

// LabInfo is what packaging needs to know of a lab.
type LabInfo struct {
	// ID is the lab's id, for example "root-mfa".
	ID string
	// Title is the lab's English title, shown in the LMS's course outline.
	Title string
	// PassingScore is the score in percent from which the lab is passed.
	PassingScore int
}

// BuiltinLabs returns the labs built into the simulator (sim/lab), in
// menu order.
func BuiltinLabs() ([]LabInfo, error) {
	labs, err := lab.Builtin()
	if err != nil {
		return nil, err
	}
	out := make([]LabInfo, len(labs))
	for i, l := range labs {
		out[i] = infoOf(l)
	}
	return out, nil
}

// infoOf is what packaging needs of a parsed lab.
func infoOf(l *lab.Lab) LabInfo {
	return LabInfo{ID: l.ID, Title: l.Title.En, PassingScore: l.PassingScore}
}

// parseLabInfo parses and validates an instructor's lab file with sim/lab,
// as labsim lab validate does.
func parseLabInfo(name string, data []byte) (LabInfo, error) {
	l, err := lab.Parse(name, data)
	if err != nil {
		return LabInfo{}, err
	}
	return infoOf(l), nil
}

// LabFile is an instructor's lab file to ship in a package.
type LabFile struct {
	// Name is the file's base name, for example "s3-basics.json".
	Name string
	// Data is the file's content.
	Data []byte
	// Info is what the file says about the lab.
	Info LabInfo
}

// LabsDir is the folder of a package that holds instructors' lab files,
// with an index.json listing their names.
const LabsDir = "labs"

// ReadLabDir reads the instructor lab files (*.json) of a directory. Their
// ids must differ from each other and from the built-in labs.
func ReadLabDir(dir string) ([]LabFile, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("labs %s: %w", dir, err)
	}
	if len(matches) == 0 {
		return nil, fmt.Errorf("labs %s: no lab files (*.json)", dir)
	}
	sort.Strings(matches)
	seen := map[string]string{}
	for _, id := range lab.BuiltinIDs() {
		seen[id] = "the built-in labs"
	}
	var out []LabFile
	for _, m := range matches {
		name := filepath.Base(m)
		if strings.HasPrefix(name, ".") || name == "index.json" {
			continue
		}
		data, err := os.ReadFile(m)
		if err != nil {
			return nil, fmt.Errorf("labs: %w", err)
		}
		info, err := parseLabInfo(m, data)
		if err != nil {
			return nil, err // sim/lab names the file, line and column
		}
		if prev, dup := seen[info.ID]; dup {
			return nil, fmt.Errorf("%s: lab id %q is already used by %s", m, info.ID, prev)
		}
		seen[info.ID] = m
		out = append(out, LabFile{Name: name, Data: data, Info: info})
	}
	return out, nil
}

// AllLabs returns the built-in labs followed by the instructor's.
func AllLabs(files []LabFile) ([]LabInfo, error) {
	labs, err := BuiltinLabs()
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		labs = append(labs, f.Info)
	}
	return labs, nil
}

// FindLab returns the lab with the id among labs.
func FindLab(labs []LabInfo, id string) (LabInfo, bool) {
	for _, l := range labs {
		if l.ID == id {
			return l, true
		}
	}
	return LabInfo{}, false
}

// SelectLabs returns the labs with the ids, in the order given, or all labs
// when ids is empty; an unknown id is an error that lists the known ones.
func SelectLabs(labs []LabInfo, ids []string) ([]LabInfo, error) {
	if len(ids) == 0 {
		return labs, nil
	}
	var out []LabInfo
	seen := map[string]bool{}
	for _, id := range ids {
		l, ok := FindLab(labs, id)
		if !ok {
			known := make([]string, len(labs))
			for i, k := range labs {
				known[i] = k.ID
			}
			return nil, fmt.Errorf("unknown lab %q (known: %s)", id, strings.Join(known, ", "))
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, l)
		}
	}
	return out, nil
}
