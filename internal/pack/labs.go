// Package pack builds the packages an instructor hands out: SCORM 1.2 and
// SCORM 2004 zips for an LMS (imsmanifest.xml plus the built site) and a
// single self-contained HTML file for a room with no network.
package pack

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// ===== INTEGRATION POINT (sim/lab) ==========================================
// BuiltinLabs and parseLabInfo are the only places that know lab metadata.
// When sim/lab lands, BuiltinLabs should return its embedded labs and
// parseLabInfo should use its lab file parser (and validation).

// BuiltinLabs returns the labs built into the simulator, in the textbook's
// order.
func BuiltinLabs() []LabInfo {
	return []LabInfo{
		{ID: "create-account", Title: "Create an AWS account", PassingScore: 100},
		{ID: "root-mfa", Title: "Protect the root user with MFA", PassingScore: 100},
		{ID: "iam-delegation", Title: "Delegate with IAM users, groups and policies", PassingScore: 100},
		{ID: "cloud-concepts", Title: "Cloud concepts quiz", PassingScore: 70},
	}
}

// parseLabInfo reads the id, the English title and the passing score of an
// instructor's lab file (JSON). The title may be a string or an object of
// languages; the passing score defaults to 100.
func parseLabInfo(data []byte) (LabInfo, error) {
	var raw struct {
		ID           string          `json:"id"`
		Title        json.RawMessage `json:"title"`
		PassingScore *int            `json:"passingScore"`
		PassingSnake *int            `json:"passing_score"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return LabInfo{}, fmt.Errorf("not a lab file: %w", err)
	}
	info := LabInfo{ID: strings.TrimSpace(raw.ID), PassingScore: 100}
	if info.ID == "" {
		return LabInfo{}, errors.New("the lab has no id")
	}
	var title string
	var titles map[string]string
	if json.Unmarshal(raw.Title, &title) == nil {
		info.Title = title
	} else if json.Unmarshal(raw.Title, &titles) == nil {
		info.Title = titles["en"]
		if info.Title == "" {
			info.Title = titles["ko"]
		}
	}
	if info.Title == "" {
		info.Title = info.ID
	}
	for _, p := range []*int{raw.PassingScore, raw.PassingSnake} {
		if p != nil {
			info.PassingScore = *p
		}
	}
	if info.PassingScore < 0 || info.PassingScore > 100 {
		return LabInfo{}, fmt.Errorf("lab %s: passing score %d is outside 0–100", info.ID, info.PassingScore)
	}
	return info, nil
}

// ===== end of INTEGRATION POINT =============================================

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
	for _, l := range BuiltinLabs() {
		seen[l.ID] = "the built-in labs"
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
		info, err := parseLabInfo(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m, err)
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
func AllLabs(files []LabFile) []LabInfo {
	labs := BuiltinLabs()
	for _, f := range files {
		labs = append(labs, f.Info)
	}
	return labs
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
