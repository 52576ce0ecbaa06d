package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func labRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"lab"}, args...), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

const goodLab = `{
  "id": "my-lab",
  "version": 2,
  "title": {"ko": "내 실습", "en": "My lab"},
  "description": {"ko": "설명", "en": "About"},
  "minutes": 5,
  "passing_score": 100,
  "start": {"world": "demo"},
  "steps": [
    {
      "id": "create-group",
      "title": {"ko": "그룹 만들기", "en": "Create a group"},
      "instructions": {"ko": "**서비스 → IAM → 사용자 그룹**", "en": "**Services → IAM → User groups**"},
      "checks": [{"kind": "group_exists", "name": "Ops"}]
    }
  ]
}
`

func writeLab(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
	return p
}

func TestLabValidate(t *testing.T) {
	dir := t.TempDir()
	good := writeLab(t, dir, "good.json", goodLab)
	bad := writeLab(t, dir, "bad.json", strings.Replace(strings.Replace(goodLab, `"en": "My lab"`, `"en": "My lab", "fr": "x"`, 1),
		`"name": "Ops"}`, `"name": "Ops"}, {"kind": "user_in_group", "user": "Luna", "group": "Ops"}`, 1))
	dup := writeLab(t, dir, "dup.json", goodLab)

	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  []string
		stderr  []string
		noError bool
	}{
		{"valid", []string{"validate", good}, 0, []string{good + `: ok: lab "my-lab" version 2, 1 steps`}, nil, true},
		{"problems", []string{"validate", good, bad}, 1, []string{good + ": ok"}, []string{
			bad + `:4:43: title.fr: unknown field "fr" (allowed here: ko, en)`,
			bad + `:14:93: step "create-group", checks[1].user: IAM user "Luna" is neither in the start world nor created by this or an earlier step (a user_exists check creates it)`,
		}, false},
		{"duplicate ids", []string{"validate", good, dup}, 1, nil, []string{dup + `:1:1: id: "my-lab" is also the id of ` + good}, false},
		{"unreadable", []string{"validate", filepath.Join(dir, "missing.json")}, 1, nil, []string{"missing.json: cannot read: no such file or directory"}, false},
		{"no files", []string{"validate"}, 2, nil, []string{"usage: labsim lab validate"}, false},
		{"option", []string{"validate", "--json", good}, 2, nil, []string{`unknown option "--json"`}, false},
		{"unknown subcommand", []string{"check"}, 2, nil, []string{`unknown subcommand "check"`}, false},
		{"no subcommand", nil, 2, nil, []string{"usage: labsim lab"}, false},
		{"list", []string{"list"}, 0, []string{"create-account   task", "root-mfa", "iam-delegation", "cloud-concepts   quiz", "Protect the root user with MFA / 루트 사용자 MFA 적용하기"}, nil, true},
		{"list with argument", []string{"list", "x"}, 2, nil, []string{`unexpected argument "x"`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := labRun(t, tt.args...)
			require.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
			for _, w := range tt.stdout {
				require.Contains(t, out, w)
			}
			for _, w := range tt.stderr {
				require.Contains(t, errOut, w)
			}
			if tt.noError {
				require.Empty(t, errOut)
			}
		})
	}
}

// TestLabValidateBuiltins is what make test runs through the binary.
func TestLabValidateBuiltins(t *testing.T) {
	files, err := filepath.Glob("../../sim/lab/builtin/*.json")
	require.NoError(t, err)
	require.Len(t, files, 4)
	code, out, errOut := labRun(t, append([]string{"validate"}, files...)...)
	require.Equal(t, 0, code, errOut)
	require.Equal(t, 4, strings.Count(out, ": ok: "))
}

// TestLabValidateReadmeExample keeps the README's example lab valid.
func TestLabValidateReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	s := string(readme)
	at := strings.Index(s, "### Writing a lab")
	require.GreaterOrEqual(t, at, 0)
	start := strings.Index(s[at:], "```json\n")
	require.GreaterOrEqual(t, start, 0)
	body := s[at+start+len("```json\n"):]
	body = body[:strings.Index(body, "```")]
	p := writeLab(t, t.TempDir(), "ops-group.json", body)
	code, out, errOut := labRun(t, "validate", p)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, `lab "ops-group" version 1, 3 steps`)
}
