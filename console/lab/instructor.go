package lab

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"labsim/console/core"
	engine "labsim/sim/lab"
)

// Limits of the instructor's labs a page takes.
const (
	// MaxInstructorFiles is the most lab files a build can offer.
	MaxInstructorFiles = 50
	// maxFileName bounds a lab file's name, in bytes.
	maxFileName = 100
	// maxProblems bounds the problems the guide lists.
	maxProblems = 20
)

// InstructorDir is the folder beside the page that holds the instructor's
// lab files, with index.json listing their names (internal/pack writes it).
const InstructorDir = "labs"

// FileName reports whether name can name an instructor's lab file in
// labs/index.json: a plain file name ending in .json, no folders, no
// dotfile, printable ASCII without quotes or backslashes.
func FileName(name string) bool {
	if len(name) <= len(".json") || len(name) > maxFileName || !strings.HasSuffix(name, ".json") ||
		name[0] == '.' || name == "index.json" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7f || c == '/' || c == '\\' || c == '"' || c == '%' || c == '?' || c == '#' {
			return false
		}
	}
	return true
}

// AddInstructor takes the instructor's lab files the page read at start:
// each is validated by the lab engine as `labsim lab validate` does (and
// its id must differ from every lab before it); valid labs join the list
// after the built-in ones, and every problem is kept for the guide to
// show, naming the file and the place. The built-in labs are offered
// whatever the files hold.
func AddInstructor(m core.Model, files []core.LabFile, listErr string) core.Model {
	m, labs := Labs(m)
	labs = slices.Clone(labs)
	var problems []string
	add := func(lines ...string) {
		for _, l := range lines {
			if len(problems) < maxProblems {
				problems = append(problems, l)
			}
		}
	}
	if listErr != "" {
		add(InstructorDir + "/index.json: " + listErr)
	}
	if len(files) > MaxInstructorFiles {
		add(InstructorDir + "/index.json: " + strconv.Itoa(len(files)) + " lab files; a build offers at most " +
			strconv.Itoa(MaxInstructorFiles) + ", the first ones")
		files = files[:MaxInstructorFiles]
	}
	for _, f := range files {
		if !FileName(f.Name) {
			add(InstructorDir + "/index.json: " + strconv.Quote(f.Name) + " is not a lab file name (a plain name ending in .json)")
			continue
		}
		path := InstructorDir + "/" + f.Name
		if f.Err != "" {
			add(path + ": " + f.Err)
			continue
		}
		l, err := engine.ParseAmong(path, []byte(f.Data), labs)
		if err != nil {
			add(strings.Split(err.Error(), "\n")...)
			continue
		}
		labs = append(labs, l)
	}
	if m.Lab.Err == "" {
		m.Lab.Labs = labs
	}
	m.Lab.Instructor.Pending = false
	m.Lab.Instructor.Problems = problems
	return m
}

// Instructor reports whether the lab is one of the instructor's (not
// built in).
func Instructor(l *engine.Lab) bool {
	return !slices.Contains(engine.BuiltinIDs(), l.ID)
}

// ParseIndex reads labs/index.json: a JSON array of lab file names.
func ParseIndex(data []byte) ([]string, error) {
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return nil, errors.New("not a JSON list of lab file names: " + err.Error())
	}
	return names, nil
}
