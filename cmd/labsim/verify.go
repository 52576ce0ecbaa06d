package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"labsim/internal/pack"
	"labsim/sim/completion"
)

// codeEntry is one code to verify, with the name it should carry.
type codeEntry struct {
	name    string // the student's name; "" when not given
	code    string
	hasName bool
}

// runVerify checks completion codes against the pack key and prints, per
// code, whether it is genuine and what it says. The status is 0 when every
// code is genuine and matches its name (and the expected lab), 1 when one
// does not, 2 for a usage error.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	key := fs.String("key", "", "the key the package was built with (labsim pack --key)")
	name := fs.String("name", "", "the student's name, to check against the codes")
	csvFile := fs.String("csv", "", "a CSV file of names and codes (columns name,code; a header row is optional)")
	labID := fs.String("lab", "", "the lab the codes must be for")
	labsDir := fs.String("labs", "", "a directory of instructor lab files, to name their codes")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "labsim verify: "+format+"\n", a...)
		return 2
	}
	if *key == "" {
		return fail("--key is required (the key given to labsim pack)")
	}
	var entries []codeEntry
	switch {
	case *csvFile != "" && fs.NArg() > 0:
		return fail("give codes or --csv, not both")
	case *csvFile != "":
		if *name != "" {
			return fail("--name cannot be used with --csv (the file has the names)")
		}
		var err error
		if entries, err = readCodeCSV(*csvFile); err != nil {
			return fail("%v", err)
		}
	case fs.NArg() > 0:
		for _, c := range fs.Args() {
			entries = append(entries, codeEntry{code: c, name: *name, hasName: *name != ""})
		}
	default:
		return fail("no codes: usage: labsim verify --key K [--name NAME] [--lab ID] CODE... | --csv FILE")
	}
	var files []pack.LabFile
	if *labsDir != "" {
		var err error
		if files, err = pack.ReadLabDir(*labsDir); err != nil {
			return fail("%v", err)
		}
	}
	labs, err := pack.AllLabs(files)
	if err != nil {
		return fail("%v", err)
	}
	if *labID != "" {
		if _, ok := pack.FindLab(labs, *labID); !ok {
			fmt.Fprintf(stderr, "labsim verify: note: %q is not a built-in lab (add --labs DIR for an instructor's lab)\n", *labID)
		}
	}
	rows, ok := verifyCodes([]byte(*key), entries, labs, *labID)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	header := "code\tgenuine\tlab\tversion\tscore\tpassed\tdate\tworld replaced\tname"
	if *csvFile != "" {
		header = "student\t" + header
	}
	fmt.Fprintln(tw, header)
	for i, r := range rows {
		if *csvFile != "" {
			fmt.Fprint(tw, entries[i].name+"\t")
		}
		fmt.Fprintln(tw, strings.Join(r.cells(), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return 1
	}
	fmt.Fprintln(stdout, summary(rows))
	if !ok {
		return 1
	}
	return 0
}

// verified is the outcome for one code.
type verified struct {
	code     string
	problem  string // why the code does not verify; "" when genuine
	claim    completion.Claim
	lab      string // the lab's id, or a note when unknown or unexpected
	labOK    bool
	nameNote string // "matches", "DOES NOT MATCH" or "-"
	nameOK   bool
	dup      bool // another entry with another name gave the same code
}

// describe names an entry for a message: the student, or the row.
func describe(e codeEntry, i int) string {
	if e.name != "" {
		return e.name
	}
	return "code " + strconv.Itoa(i+1)
}

func (v verified) cells() []string {
	code := completion.Canonical(v.code)
	if code == "" {
		code = v.code
	}
	if v.problem != "" {
		return []string{code, "NO: " + v.problem, "", "", "", "", "", "", ""}
	}
	c := v.claim
	return []string{code, "yes", v.lab, strconv.Itoa(c.Version), strconv.Itoa(c.Score), yesNo(c.Passed),
		c.Date.Format(time.DateOnly), yesNo(c.Replaced), v.nameNote}
}

// verifyCodes checks each entry; ok reports whether all were genuine, for
// the expected lab, and matched their names.
func verifyCodes(key []byte, entries []codeEntry, labs []pack.LabInfo, wantLab string) ([]verified, bool) {
	allOK := true
	out := make([]verified, len(entries))
	byCode := map[string][]int{} // canonical code → the entries with it
	for i, e := range entries {
		if c := completion.Canonical(e.code); c != "" {
			byCode[c] = append(byCode[c], i)
		}
	}
	for i, e := range entries {
		v := verified{code: strings.TrimSpace(e.code), nameNote: "-", nameOK: true, labOK: true}
		claim, err := completion.Verify(key, e.code)
		switch {
		case strings.TrimSpace(e.code) == "":
			v.problem = "no code"
		case errors.Is(err, completion.ErrMalformed):
			v.problem = "not a completion code"
		case errors.Is(err, completion.ErrNotGenuine):
			v.problem = "mistyped, altered, or made with another key"
		case err != nil:
			v.problem = err.Error()
		}
		if v.problem != "" {
			allOK = false
			out[i] = v
			continue
		}
		v.claim = claim
		v.lab = labName(claim, labs, wantLab)
		if wantLab != "" && !claim.LabIs(wantLab) {
			v.lab = "NOT " + wantLab + " (" + v.lab + ")"
			v.labOK = false
		}
		if e.hasName {
			v.nameOK = claim.NameMatches(key, e.name)
			v.nameNote = "matches"
			if !v.nameOK {
				v.nameNote = "DOES NOT MATCH"
			}
		}
		var others []string
		for _, j := range byCode[completion.Canonical(e.code)] {
			if j != i && entries[j].name != e.name {
				others = append(others, describe(entries[j], j))
			}
		}
		if len(others) > 0 {
			v.nameNote += " (same code as " + strings.Join(others, ", ") + ")"
			v.dup = true
		}
		allOK = allOK && v.labOK && v.nameOK
		out[i] = v
	}
	return out, allOK
}

// labName names the lab of a claim among the known labs.
func labName(c completion.Claim, labs []pack.LabInfo, wantLab string) string {
	var ids []string
	if wantLab != "" && c.LabIs(wantLab) {
		return wantLab
	}
	for _, l := range labs {
		if c.LabIs(l.ID) {
			ids = append(ids, l.ID)
		}
	}
	switch len(ids) {
	case 0:
		return "unknown lab (tag " + strconv.FormatUint(uint64(c.LabTag), 16) + ")"
	case 1:
		return ids[0]
	default:
		return strings.Join(ids, " or ")
	}
}

func summary(rows []verified) string {
	var genuine, badName, badLab, dups int
	for _, r := range rows {
		if r.dup {
			dups++
		}
		if r.problem == "" {
			genuine++
			if !r.nameOK {
				badName++
			}
			if !r.labOK {
				badLab++
			}
		}
	}
	s := fmt.Sprintf("%d of %d codes genuine", genuine, len(rows))
	if badName > 0 {
		s += fmt.Sprintf("; %d with another name", badName)
	}
	if badLab > 0 {
		s += fmt.Sprintf("; %d for another lab", badLab)
	}
	if dups > 0 {
		s += fmt.Sprintf("; %d given by more than one student", dups)
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// readCodeCSV reads a class's names and codes. With a header row, the
// columns are found by name (name/student/이름 and code/코드); without one,
// the first column is the name and the second the code.
func readCodeCSV(file string) ([]codeEntry, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("csv: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	records, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("csv %s: %w", file, err)
	}
	nameCol, codeCol := 0, 1
	if len(records) > 0 {
		head := records[0]
		if len(head) > 0 {
			head[0] = strings.TrimPrefix(head[0], "\uFEFF")
		}
		hn, hc := -1, -1
		for i, cell := range head {
			switch strings.ToLower(strings.TrimSpace(cell)) {
			case "name", "student", "이름", "학생":
				hn = i
			case "code", "completion code", "코드", "완료 코드":
				hc = i
			}
		}
		if hc >= 0 {
			codeCol, nameCol = hc, hn
			records = records[1:]
		}
	}
	var out []codeEntry
	for _, rec := range records {
		if len(rec) == 0 || (len(rec) == 1 && strings.TrimSpace(rec[0]) == "") {
			continue
		}
		var e codeEntry
		if codeCol < len(rec) {
			e.code = rec[codeCol]
		}
		if nameCol >= 0 && nameCol < len(rec) {
			e.name = strings.TrimSpace(rec[nameCol])
			e.hasName = e.name != ""
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("csv %s: no codes", file)
	}
	return out, nil
}
