package lab_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/core"
	"labsim/console/lab"
	"labsim/console/ui"
	"labsim/internal/consoletest"
	engine "labsim/sim/lab"
)

// exampleLab is the README's instructor example (examples/labs).
func exampleLab(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "labs", "ops-group.json"))
	require.NoError(t, err)
	return string(data)
}

// startWithInstructorLabs boots as the browser does for a build that
// carries instructor's labs.
func startWithInstructorLabs(t *testing.T, query map[string]string) console.Model {
	t.Helper()
	m, _ := console.Update(console.Model{}, console.Init{Now: t0, Seed: [32]byte{7}, Query: query,
		BrowserLang: "en-US", Storage: console.StorageStatus{Mode: "local"}, InstructorLabs: true})
	return m
}

func ids(labs []*engine.Lab) []string {
	out := make([]string, len(labs))
	for i, l := range labs {
		out[i] = l.ID
	}
	return out
}

func TestAddInstructorValidatesEachFileAndKeepsTheBuiltinLabs(t *testing.T) {
	example := exampleLab(t)
	builtin := engine.BuiltinIDs()
	other := strings.Replace(example, `"id": "ops-group"`, `"id": "ops-group-2"`, 1)
	tests := []struct {
		name     string
		files    []core.LabFile
		listErr  string
		labs     []string // after the built-in ones
		problems []string // each a prefix of one problem, in order
	}{
		{name: "one good file", files: []core.LabFile{{Name: "ops-group.json", Data: example}}, labs: []string{"ops-group"}},
		{name: "two good files in order", files: []core.LabFile{{Name: "b.json", Data: other}, {Name: "a.json", Data: example}},
			labs: []string{"ops-group-2", "ops-group"}},
		{name: "not JSON", files: []core.LabFile{{Name: "broken.json", Data: "{\n  \"id\": \"x\",\n  oops\n}"}},
			problems: []string{"labs/broken.json:3:3: not JSON"}},
		{name: "unknown check kind, with step and field", files: []core.LabFile{{Name: "kind.json",
			Data: strings.Replace(example, `"kind": "group_exists"`, `"kind": "group_made"`, 1)}},
			problems: []string{`labs/kind.json:20:18: step "create-group", checks[0].kind: unknown check kind "group_made" (one of: account_created,`,
				`labs/kind.json:21:43: step "create-group", checks[1].to: IAM group "Ops" is neither in the start world nor created`,
				`labs/kind.json:31:59: step "add-user", checks[1].group: IAM group "Ops" is neither`}},
		{name: "a missing language", files: []core.LabFile{{Name: "lang.json",
			Data: strings.Replace(example, `"title": {"ko": "운영 그룹 만들기", "en": "Create an operations group"}`, `"title": {"en": "Create an operations group"}`, 1)}},
			problems: []string{`labs/lang.json:4:12: title.ko: missing`}},
		{name: "a built-in lab's id", files: []core.LabFile{{Name: "dup.json", Data: strings.Replace(example, `"id": "ops-group"`, `"id": "root-mfa"`, 1)}},
			problems: []string{`labs/dup.json:2:9: id: lab id "root-mfa" is already used by a built-in lab`}},
		{name: "an earlier file's id; the good files stay", files: []core.LabFile{{Name: "a.json", Data: example}, {Name: "b.json", Data: example}, {Name: "c.json", Data: other}},
			labs: []string{"ops-group", "ops-group-2"}, problems: []string{`labs/b.json:2:9: id: lab id "ops-group" is already used by labs/a.json`}},
		{name: "a file that could not be read", files: []core.LabFile{{Name: "gone.json", Err: "HTTP 404"}, {Name: "ops-group.json", Data: example}},
			labs: []string{"ops-group"}, problems: []string{"labs/gone.json: HTTP 404"}},
		{name: "a name that is not a lab file's", files: []core.LabFile{{Name: "../secret.json"}, {Name: "notes.txt"}},
			problems: []string{`labs/index.json: "../secret.json" is not a lab file name`, `labs/index.json: "notes.txt" is not a lab file name`}},
		{name: "no index", listErr: "HTTP 404", problems: []string{"labs/index.json: HTTP 404"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := consoletest.Demo(t)
			m.Model = lab.AddInstructor(m.Model, tc.files, tc.listErr)
			require.Equal(t, append(append([]string{}, builtin...), tc.labs...), ids(m.Lab.Labs))
			require.Len(t, m.Lab.Instructor.Problems, len(tc.problems), "%q", m.Lab.Instructor.Problems)
			for i, p := range tc.problems {
				require.True(t, strings.HasPrefix(m.Lab.Instructor.Problems[i], p), "problem %d: %q, want %q…", i, m.Lab.Instructor.Problems[i], p)
			}
			require.False(t, m.Lab.Instructor.Pending)
		})
	}
}

func TestAddInstructorBoundsFilesAndProblems(t *testing.T) {
	m := consoletest.Demo(t)
	var files []core.LabFile
	for i := 0; i < lab.MaxInstructorFiles+1; i++ {
		files = append(files, core.LabFile{Name: "f" + strconv.Itoa(i) + ".json", Data: "{"})
	}
	m.Model = lab.AddInstructor(m.Model, files, "")
	require.Len(t, m.Lab.Instructor.Problems, 20)
	require.Contains(t, m.Lab.Instructor.Problems[0], "51 lab files; a build offers at most 50")
	require.Equal(t, engine.BuiltinIDs(), ids(m.Lab.Labs))
}

func TestFileName(t *testing.T) {
	for name, ok := range map[string]bool{
		"ops-group.json": true, "Week 3.json": false, "week_3.json": true, ".hidden.json": false, "index.json": false,
		"a/b.json": false, `a\b.json`: false, "..json": false, ".json": false, "lab.JSON": false, "lab.json.txt": false,
		"é.json": false, "a%2f.json": false, "a?.json": false, strings.Repeat("a", 96) + ".json": false,
	} {
		require.Equal(t, ok, lab.FileName(name), name)
	}
}

func TestParseIndex(t *testing.T) {
	names, err := lab.ParseIndex([]byte(`["a.json", "b.json"]`))
	require.NoError(t, err)
	require.Equal(t, []string{"a.json", "b.json"}, names)
	for _, bad := range []string{``, `{}`, `[1]`, `"a.json"`} {
		_, err := lab.ParseIndex([]byte(bad))
		require.Error(t, err, bad)
	}
}

func TestInstructorLabsInTheGuideAndFromALink(t *testing.T) {
	// A link to an instructor's lab waits for the files instead of saying
	// the lab does not exist.
	m := startWithInstructorLabs(t, map[string]string{"lab": "ops-group", "lang": "en"})
	require.True(t, m.UI.GuideOpen)
	require.Nil(t, m.UI.Lab.Attempt)
	require.Empty(t, m.Notices)
	require.True(t, ui.ContainsText(view(m), "Loading your instructor's labs…"))

	bad := strings.Replace(exampleLab(t), `"to": "group/Ops"`, `"to": "group/Opz"`, 1)
	m, _ = console.Update(m, console.InstructorLabs{Now: t0.Add(time.Second), Files: []console.LabFile{
		{Name: "ops-group.json", Data: exampleLab(t)}, {Name: "broken.json", Data: strings.Replace(bad, "ops-group", "ops-broken", 1)}}})
	require.NotNil(t, m.UI.Lab.Attempt)
	require.Equal(t, "ops-group", m.UI.Lab.Attempt.Lab)
	require.True(t, m.Session.SignedIn(), "the lab starts in the demo world")
	require.True(t, ui.ContainsText(view(m), "Step 1 of 3: Create the Ops group"))

	// The list shows the instructor's lab beside the built-in ones, and
	// why the broken file is not offered.
	m = consoletest.Click(m, "lab.list", "")
	v := view(m)
	for _, s := range []string{"Create an AWS account", "Cloud and AWS concepts check", "Create an operations group", "From your instructor",
		"Some of your instructor's lab files could not be offered:",
		`labs/broken.json:21:43: step "create-group", checks[1].to: IAM group "Opz" is neither in the start world nor created by this or an earlier step`} {
		require.True(t, ui.ContainsText(v, s), "the guide lacks %q", s)
	}
	require.False(t, ui.ContainsText(v, "Loading your instructor's labs…"))
	require.True(t, ui.ContainsText(v, "Some of your instructor's lab files could not be offered. The lab guide lists why."))

	// The same in Korean: the lab's own Korean fields.
	m.UI.Lang = "ko"
	v = view(m)
	for _, s := range []string{"운영 그룹 만들기", "강사 제공 실습", "강사가 추가한 실습 파일 중 일부를 제공할 수 없습니다:"} {
		require.True(t, ui.ContainsText(v, s), "the Korean guide lacks %q", s)
	}
}

func TestInstructorLabLinkToAnUnknownLabWarnsOnceTheFilesAreRead(t *testing.T) {
	m := startWithInstructorLabs(t, map[string]string{"lab": "no-such-lab", "lang": "en"})
	require.Empty(t, m.Notices)
	m, _ = console.Update(m, console.InstructorLabs{Now: t0, Err: "HTTP 404"})
	require.True(t, ui.ContainsText(view(m), "There is no lab “no-such-lab”. Choose one from the lab guide."))
	require.Nil(t, m.UI.Lab.Attempt)
	// The built-in labs still start.
	m = consoletest.Press(t, m, "button", "Start lab: Create an AWS account")
	m = consoletest.Press(t, m, "button", "Start lab")
	require.Equal(t, "create-account", m.UI.Lab.Attempt.Lab)
}

func TestASavedInstructorLabAttemptResumesOnceTheFilesAreRead(t *testing.T) {
	m := startWithInstructorLabs(t, map[string]string{"lab": "ops-group", "lang": "en"})
	m, _ = console.Update(m, console.InstructorLabs{Now: t0, Files: []console.LabFile{{Name: "ops-group.json", Data: exampleLab(t)}}})
	saved := effectSave(t, m)

	// A reload: the attempt is kept while the files are read, without
	// saying it cannot go on, then resumes.
	r, _ := console.Update(console.Model{}, console.Init{Now: t0.Add(time.Minute), Seed: [32]byte{7}, Saved: saved,
		BrowserLang: "en-US", Storage: console.StorageStatus{Mode: "local"}, InstructorLabs: true})
	require.NotNil(t, r.UI.Lab.Attempt)
	require.False(t, ui.ContainsText(view(r), "cannot go on"))
	r, _ = console.Update(r, console.InstructorLabs{Now: t0.Add(time.Minute), Files: []console.LabFile{{Name: "ops-group.json", Data: exampleLab(t)}}})
	require.True(t, ui.ContainsText(view(r), "Step 1 of 3: Create the Ops group"))
}

// effectSave is the document the model saves now.
func effectSave(t *testing.T, m console.Model) string {
	t.Helper()
	_, fx := console.Update(m, console.Navigate{Now: t0, Hash: "#/iam"})
	saves := consoletest.EffectsOf[console.Save](fx)
	require.NotEmpty(t, saves)
	return saves[len(saves)-1].Data
}

func TestLMSStartLabCommandForAnInstructorLabWaitsForTheFiles(t *testing.T) {
	m := startWithInstructorLabs(t, map[string]string{"lang": "en"})
	// The LMS asks before the page has read the files.
	m, _ = console.Update(m, console.HostCommand{Now: t0, Command: console.CommandStartLab, Arg: "ops-group"})
	require.Nil(t, m.UI.Lab.Attempt)
	require.Empty(t, m.Notices, "no lab is called unknown while the files are read")
	m, _ = console.Update(m, console.InstructorLabs{Now: t0, Files: []console.LabFile{{Name: "ops-group.json", Data: exampleLab(t)}}})
	require.NotNil(t, m.UI.Lab.Attempt, "the lab opens once its file is in")
	require.Equal(t, "ops-group", m.UI.Lab.Attempt.Lab)
	// With the files read, an unknown lab is still ignored.
	before := m.UI.Lab.Attempt
	m, _ = console.Update(m, console.HostCommand{Now: t0, Command: console.CommandStartLab, Arg: "no-such-lab"})
	require.Equal(t, before, m.UI.Lab.Attempt)
}
