package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"labsim/sim/completion"
)

const classKey = "seoul-workshop-2026"

func mustCode(t *testing.T, key, lab, name string, score int) string {
	t.Helper()
	code, err := completion.Encode([]byte(key), completion.Result{Lab: lab, Version: 2, Score: score,
		Passed: score >= 70, Date: time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC), Name: name})
	require.NoError(t, err)
	return code
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	status := run(args, nil, &out, &errb)
	return status, out.String(), errb.String()
}

// rowOf returns the output line that holds s.
func rowOf(t *testing.T, out, s string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	t.Fatalf("no line with %q in:\n%s", s, out)
	return ""
}

func TestVerifyCodes(t *testing.T) {
	good := mustCode(t, classKey, "root-mfa", "Kim Min-jun", 100)
	tampered := []byte(good)
	if tampered[3] == 'A' {
		tampered[3] = 'B'
	} else {
		tampered[3] = 'A'
	}
	for name, tc := range []struct {
		args   []string
		status int
		want   []string
	}{
		0: {[]string{"--name", "kim  min-jun", good}, 0, []string{"yes", "root-mfa", "2026-12-02", "matches", "1 of 1 codes genuine"}},
		1: {[]string{good}, 0, []string{"yes", "root-mfa", " 100 ", "-"}},
		2: {[]string{"--name", "Lee Seo-yeon", good}, 1, []string{"DOES NOT MATCH", "1 with another name"}},
		3: {[]string{"--lab", "create-account", good}, 1, []string{"NOT create-account (root-mfa)", "1 for another lab"}},
		4: {[]string{"--lab", "root-mfa", strings.ToLower(good)}, 0, []string{good, "yes", "root-mfa"}},
		5: {[]string{string(tampered)}, 1, []string{"NO: mistyped, altered, or made with another key", "0 of 1"}},
		6: {[]string{"hello"}, 1, []string{"NO: not a completion code"}},
	} {
		status, out, errOut := runCLI(append([]string{"verify", "--key", classKey}, tc.args...)...)
		require.Equal(t, tc.status, status, "case %d: %s%s", name, out, errOut)
		for _, w := range tc.want {
			require.Contains(t, out, w, "case %d", name)
		}
	}
	// Another class's key.
	status, out, _ := runCLI("verify", "--key", "another-class", good)
	require.Equal(t, 1, status)
	require.Contains(t, out, "made with another key")
}

func TestVerifyUsage(t *testing.T) {
	for _, args := range [][]string{
		{"verify", "ABCD"},
		{"verify", "--key", "k"},
		{"verify", "--key", "k", "--csv", "x.csv", "ABCD"},
		{"verify", "--key", "k", "--csv", "x.csv", "--name", "n"},
		{"verify", "--key", "k", "--csv", filepath.Join(t.TempDir(), "missing.csv")},
	} {
		status, _, errOut := runCLI(args...)
		require.Equal(t, 2, status, args)
		require.Contains(t, errOut, "labsim verify:", args)
	}
}

func TestVerifyCSVWithMixedResults(t *testing.T) {
	kim := mustCode(t, classKey, "root-mfa", "Kim Min-jun", 100)
	lee := mustCode(t, classKey, "cloud-concepts", "이서연", 60)
	park := mustCode(t, classKey, "root-mfa", "Park Ji-ho", 100)
	other := mustCode(t, "another-class", "root-mfa", "Choi Yuna", 100)
	csvText := "\uFEFFStudent,Completion code,Email\n" +
		"Kim Min-jun," + kim + ",kim@example.edu\n" +
		"이서연, " + strings.ToLower(lee) + ",lee@example.edu\n" +
		"Jung Woo," + park + ",jung@example.edu\n" + // Park's code pasted by Jung
		"Park Ji-ho," + park + ",park@example.edu\n" +
		"Choi Yuna," + other + ",choi@example.edu\n" +
		"Han Bo-ra,,han@example.edu\n" +
		"\"Oh, Se-ri\",not-a-code,oh@example.edu\n"
	file := filepath.Join(t.TempDir(), "class.csv")
	require.NoError(t, os.WriteFile(file, []byte(csvText), 0o644))
	status, out, errOut := runCLI("verify", "--key", classKey, "--csv", file)
	require.Equal(t, 1, status, errOut)
	require.Contains(t, rowOf(t, out, "Kim Min-jun"), "matches")
	require.Contains(t, rowOf(t, out, "Kim Min-jun"), "root-mfa")
	lr := rowOf(t, out, "이서연")
	require.Contains(t, lr, "cloud-concepts")
	require.Contains(t, lr, " no ") // failed: 60 %
	require.Contains(t, lr, "matches")
	require.Contains(t, rowOf(t, out, "Jung Woo"), "DOES NOT MATCH")
	require.Contains(t, rowOf(t, out, "Jung Woo"), "(same code as Park Ji-ho)")
	require.Contains(t, rowOf(t, out, "Choi Yuna"), "made with another key")
	require.Contains(t, rowOf(t, out, "Han Bo-ra"), "NO: no code")
	require.Contains(t, rowOf(t, out, "Oh, Se-ri"), "not a completion code")
	require.Contains(t, rowOf(t, out, "Park Ji-ho  "), "matches (same code as Jung Woo)")
	require.Contains(t, out, "4 of 7 codes genuine; 1 with another name; 2 given by more than one student")

	// Without a header: name, code.
	require.NoError(t, os.WriteFile(file, []byte("Kim Min-jun,"+kim+"\n\nPark Ji-ho,"+park+"\n"), 0o644))
	status, out, errOut = runCLI("verify", "--key", classKey, "--lab", "root-mfa", "--csv", file)
	require.Equal(t, 0, status, out+errOut)
	require.Contains(t, out, "2 of 2 codes genuine")
}

func TestVerifyNamesInstructorLabs(t *testing.T) {
	dir := t.TempDir()
	builtin, err := os.ReadFile(filepath.Join("..", "..", "sim", "lab", "builtin", "cloud-concepts.json"))
	require.NoError(t, err)
	mine := strings.Replace(string(builtin), `"id": "cloud-concepts"`, `"id": "s3-basics"`, 1)
	require.NotEqual(t, string(builtin), mine)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s3.json"), []byte(mine), 0o644))
	code := mustCode(t, classKey, "s3-basics", "Kim", 90)
	_, out, _ := runCLI("verify", "--key", classKey, code)
	require.Contains(t, out, "unknown lab (tag")
	status, out, errOut := runCLI("verify", "--key", classKey, "--labs", dir, code)
	require.Equal(t, 0, status, errOut)
	require.Contains(t, rowOf(t, out, code), "s3-basics")
}
