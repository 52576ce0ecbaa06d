package pack

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/completion"
)

func TestBuiltinLabsHaveDistinctCodeTags(t *testing.T) {
	seen := map[uint16]string{}
	for _, l := range BuiltinLabs() {
		tag := completion.LabTag(l.ID)
		require.NotContains(t, seen, tag, "%s and %s share a completion tag", l.ID, seen[tag])
		seen[tag] = l.ID
		require.NotEmpty(t, l.Title)
		require.True(t, l.PassingScore > 0 && l.PassingScore <= 100)
	}
	require.Len(t, seen, 4)
}

func writeLab(t *testing.T, dir, name, body string) {
	t.Helper()
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
}

func TestReadLabDir(t *testing.T) {
	dir := t.TempDir()
	writeLab(t, dir, "b.json", `{"id":"s3-basics","title":{"ko":"S3 기초","en":"S3 basics"},"passingScore":80}`)
	writeLab(t, dir, "a.json", `{"id":"vpc","title":"VPC tour","passing_score":50}`)
	writeLab(t, dir, "c.json", `{"id":"bare"}`)
	writeLab(t, dir, "notes.txt", `not a lab`)
	writeLab(t, dir, ".hidden.json", `{}`)
	files, err := ReadLabDir(dir)
	require.NoError(t, err)
	require.Equal(t, []LabInfo{
		{ID: "vpc", Title: "VPC tour", PassingScore: 50},
		{ID: "s3-basics", Title: "S3 basics", PassingScore: 80},
		{ID: "bare", Title: "bare", PassingScore: 100},
	}, []LabInfo{files[0].Info, files[1].Info, files[2].Info})
	require.Len(t, files, 3)
	require.Equal(t, "a.json", files[0].Name)

	all := AllLabs(files)
	require.Len(t, all, 7)
	got, err := SelectLabs(all, []string{"vpc", "root-mfa", "vpc"})
	require.NoError(t, err)
	require.Equal(t, []string{"vpc", "root-mfa"}, []string{got[0].ID, got[1].ID})
	_, err = SelectLabs(all, []string{"nope"})
	require.ErrorContains(t, err, `unknown lab "nope" (known: create-account, root-mfa`)
}

func TestReadLabDirErrors(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"no id":         {"a.json": `{"title":"x"}`},
		"not json":      {"a.json": `{`},
		"builtin id":    {"a.json": `{"id":"root-mfa"}`},
		"duplicate":     {"a.json": `{"id":"x"}`, "b.json": `{"id":"x"}`},
		"passing score": {"a.json": `{"id":"x","passingScore":101}`},
		"no lab files":  {"readme.txt": "hi"},
	} {
		dir := t.TempDir()
		for n, b := range files {
			writeLab(t, dir, n, b)
		}
		_, err := ReadLabDir(dir)
		require.Error(t, err, name)
	}
}
