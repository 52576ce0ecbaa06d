package pack

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/completion"
)

// builtin returns the built-in labs.
func builtin(t *testing.T) []LabInfo {
	t.Helper()
	labs, err := BuiltinLabs()
	require.NoError(t, err)
	return labs
}

func TestBuiltinLabs(t *testing.T) {
	labs := builtin(t)
	require.Equal(t, []LabInfo{
		{ID: "create-account", Title: labs[0].Title, PassingScore: 100},
		{ID: "root-mfa", Title: "Protect the root user with MFA", PassingScore: 100},
		{ID: "iam-delegation", Title: labs[2].Title, PassingScore: 100},
		{ID: "cloud-concepts", Title: "Cloud and AWS concepts check", PassingScore: 70},
	}, labs)
	seen := map[uint16]string{}
	for _, l := range labs {
		require.NotEmpty(t, l.Title)
		tag := completion.LabTag(l.ID)
		require.NotContains(t, seen, tag, "%s and %s share a completion tag", l.ID, seen[tag])
		seen[tag] = l.ID
	}
}

// labJSON is a valid instructor's lab file: the first question of the
// built-in quiz under another id, title and passing score.
func labJSON(t *testing.T, id, title string, passing int) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "sim", "lab", "builtin", "cloud-concepts.json"))
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	doc["id"] = id
	doc["title"] = map[string]string{"ko": title + " (ko)", "en": title}
	doc["passing_score"] = passing
	doc["steps"] = doc["steps"].([]any)[:1]
	out, err := json.Marshal(doc)
	require.NoError(t, err)
	return string(out)
}

func writeLab(t *testing.T, dir, name, body string) {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
}

func TestReadLabDir(t *testing.T) {
	dir := t.TempDir()
	writeLab(t, dir, "b.json", labJSON(t, "s3-basics", "S3 basics", 80))
	writeLab(t, dir, "a.json", labJSON(t, "vpc", "VPC tour", 50))
	writeLab(t, dir, "notes.txt", `not a lab`)
	writeLab(t, dir, ".hidden.json", `{}`)
	files, err := ReadLabDir(dir)
	require.NoError(t, err)
	require.Len(t, files, 2)
	require.Equal(t, []LabInfo{
		{ID: "vpc", Title: "VPC tour", PassingScore: 50},
		{ID: "s3-basics", Title: "S3 basics", PassingScore: 80},
	}, []LabInfo{files[0].Info, files[1].Info})
	require.Equal(t, "a.json", files[0].Name)

	all, err := AllLabs(files)
	require.NoError(t, err)
	require.Len(t, all, 6)
	got, err := SelectLabs(all, []string{"vpc", "root-mfa", "vpc"})
	require.NoError(t, err)
	require.Equal(t, []string{"vpc", "root-mfa"}, []string{got[0].ID, got[1].ID})
	_, err = SelectLabs(all, []string{"nope"})
	require.ErrorContains(t, err, `unknown lab "nope" (known: create-account, root-mfa`)
}

func TestReadLabDirErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"not json":      {map[string]string{"a.json": `{`}, "a.json:"},
		"invalid lab":   {map[string]string{"a.json": `{"id":"x"}`}, "a.json:1:"},
		"builtin id":    {map[string]string{"a.json": labJSON(t, "root-mfa", "Mine", 100)}, `lab id "root-mfa" is already used by the built-in labs`},
		"duplicate":     {map[string]string{"a.json": labJSON(t, "x", "X", 100), "b.json": labJSON(t, "x", "Y", 100)}, `lab id "x" is already used by`},
		"passing score": {map[string]string{"a.json": labJSON(t, "x", "X", 101)}, "passing_score"},
		"no lab files":  {map[string]string{"readme.txt": "hi"}, "no lab files"},
	} {
		dir := t.TempDir()
		for n, b := range tc.files {
			writeLab(t, dir, n, b)
		}
		_, err := ReadLabDir(dir)
		require.ErrorContains(t, err, tc.want, name)
	}
}
