package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestManagedPoliciesList(t *testing.T) {
	list := ManagedPolicies()
	require.Len(t, list, 18)
	require.True(t, slices.IsSortedFunc(list, func(a, b ManagedPolicy) int { return strings.Compare(a.Name, b.Name) }))
	for _, p := range list {
		require.NotEmpty(t, p.Description, p.Name)
		require.NotEmpty(t, p.CreateDate, p.Name)
		require.True(t, strings.HasPrefix(p.VersionID, "v"), p.Name)
		require.Equal(t, "arn:aws:iam::aws:policy"+p.Path+p.Name, p.ARN)
		require.Equal(t, p.Path == "/job-function/", p.JobFunction, p.Name)
		require.True(t, json.Valid([]byte(p.Document)), p.Name)
		require.NotContains(t, p.Document, "\t", p.Name)
	}
	require.Len(t, managedDescriptions, len(list), "a description for every policy and no more")
	list[0].Name = "changed"
	require.NotEqual(t, "changed", ManagedPolicies()[0].Name, "ManagedPolicies must return a copy")
}

func TestManagedPolicyDocumentsKeepContent(t *testing.T) {
	files, err := filepath.Glob("managed/*.json")
	require.NoError(t, err)
	require.Len(t, files, 18)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var src struct {
			PolicyName string
			Document   any
		}
		require.NoError(t, json.Unmarshal(b, &src))
		p, ok := LookupManagedPolicy(src.PolicyName)
		require.True(t, ok, src.PolicyName)
		var got any
		require.NoError(t, json.Unmarshal([]byte(p.Document), &got))
		require.Equal(t, src.Document, got, "%s: same content after re-indenting", src.PolicyName)
	}
}

func TestManagedPolicyDocumentText(t *testing.T) {
	admin, ok := LookupManagedPolicy("AdministratorAccess")
	require.True(t, ok)
	require.Equal(t, `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "*",
            "Resource": "*"
        }
    ]
}`, admin.Document)

	power, _ := LookupManagedPolicy("PowerUserAccess")
	require.True(t, strings.HasPrefix(power.Document, `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "NotAction": [
                "iam:*",
                "organizations:*",
                "account:*"
            ],
            "Resource": "*"
        },`), power.Document)

	tests := []struct {
		policy, first string // first member of the first statement
	}{
		{"AmazonEC2FullAccess", `"Action": "ec2:*"`},
		{"SystemAdministrator", `"Action": [`},
		{"ReadOnlyAccess", `"Sid": "ReadOnlyActionsGroup1"`},
		{"ViewOnlyAccess", `"Sid": "GeneralViewOnlyAccessStatement"`},
		{"IAMFullAccess", `"Effect": "Allow"`},
		{"Billing", `"Sid": "VisualEditor0"`},
	}
	for _, tt := range tests {
		p, ok := LookupManagedPolicy(tt.policy)
		require.True(t, ok, tt.policy)
		i := strings.Index(p.Document, "{\n            ")
		require.GreaterOrEqual(t, i, 0, tt.policy)
		rest := p.Document[i+len("{\n            "):]
		require.True(t, strings.HasPrefix(rest, tt.first), "%s starts %q", tt.policy, rest[:min(40, len(rest))])
	}
	sys, _ := LookupManagedPolicy("SystemAdministrator")
	require.True(t, strings.HasPrefix(sys.Document, "{\n    \"Statement\": ["))
	require.True(t, strings.HasSuffix(sys.Document, "    ],\n    \"Version\": \"2012-10-17\"\n}"))
	ec2, _ := LookupManagedPolicy("AmazonEC2FullAccess")
	require.Contains(t, ec2.Document, "{\n            \"Effect\": \"Allow\",\n            \"Action\": \"iam:CreateServiceLinkedRole\",\n            \"Resource\": \"*\",\n            \"Condition\": {")
}

func TestLookupManagedPolicy(t *testing.T) {
	tests := []struct {
		query, want string
		ok          bool
	}{
		{"AdministratorAccess", "AdministratorAccess", true},
		{"arn:aws:iam::aws:policy/AdministratorAccess", "AdministratorAccess", true},
		{"administratoraccess", "AdministratorAccess", true},
		{"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "ViewOnlyAccess", true},
		{"ViewOnlyAccess", "ViewOnlyAccess", true},
		{"arn:aws:iam::aws:policy/ViewOnlyAccess", "", false},
		{"arn:aws:iam::aws:policy/administratoraccess", "", false},
		{"NoSuchPolicy", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		p, ok := LookupManagedPolicy(tt.query)
		require.Equal(t, tt.ok, ok, tt.query)
		require.Equal(t, tt.want, p.Name, tt.query)
	}
	jobs := map[string]bool{}
	for _, p := range ManagedPolicies() {
		if p.JobFunction {
			jobs[p.Name] = true
		}
	}
	require.Equal(t, map[string]bool{
		"ViewOnlyAccess": true, "NetworkAdministrator": true, "SystemAdministrator": true,
		"DatabaseAdministrator": true, "Billing": true,
	}, jobs)
	admin, _ := LookupManagedPolicy("AdministratorAccess")
	require.Equal(t, "Provides full access to AWS services and resources.", admin.Description)
	require.Equal(t, "/", admin.Path)
	require.Equal(t, "v1", admin.VersionID)
	require.Equal(t, "2015-02-06T18:39:46Z", admin.CreateDate)
}

func TestParseManagedPolicyRejects(t *testing.T) {
	tests := []struct{ name, text string }{
		{"not json", "nope"},
		{"array", "[]"},
		{"no document", `{"PolicyName":"X","Arn":"arn:aws:iam::aws:policy/X","VersionId":"v1"}`},
		{"document not object", `{"PolicyName":"X","Arn":"arn:aws:iam::aws:policy/X","VersionId":"v1","Document":[]}`},
		{"arn of another policy", `{"PolicyName":"X","Arn":"arn:aws:iam::aws:policy/Y","VersionId":"v1","Document":{}}`},
		{"customer arn", `{"PolicyName":"X","Arn":"arn:aws:iam::123456789012:policy/X","VersionId":"v1","Document":{}}`},
	}
	for _, tt := range tests {
		_, err := parseManagedPolicy(tt.text)
		require.Error(t, err, tt.name)
	}
	p, err := parseManagedPolicy(`{"PolicyName":"X","Arn":"arn:aws:iam::aws:policy/service-role/X","VersionId":"v1","Document":{"Statement":{"Resource":"*","Action":"s3:*","Effect":"Allow"},"Version":"2012-10-17"}}`)
	require.NoError(t, err)
	require.Equal(t, "/service-role/", p.Path)
	require.False(t, p.JobFunction)
	require.Equal(t, `{
    "Version": "2012-10-17",
    "Statement": {
        "Effect": "Allow",
        "Action": "s3:*",
        "Resource": "*"
    }
}`, p.Document)
}

func TestJSONTree(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"scalars", `[1, -2.5e3, true, false, null, "a\"b"]`, "[\n  1,\n  -2.5e3,\n  true,\n  false,\n  null,\n  \"a\\\"b\"\n]"},
		{"order kept", `{"b":1,"a":{"z":[],"y":{}}}`, "{\n  \"b\": 1,\n  \"a\": {\n    \"z\": [],\n    \"y\": {}\n  }\n}"},
		{"white space", " \n\t{ \"k\" : \"v\" }\r\n", "{\n  \"k\": \"v\"\n}"},
		{"empty string", `""`, `""`},
	}
	for _, tt := range tests {
		n, err := parseJSONTree(tt.in)
		require.NoError(t, err, tt.name)
		var b strings.Builder
		n.indent(&b, "  ", 0)
		require.Equal(t, tt.want, b.String(), tt.name)
	}
	bad := []string{
		"", "{", "[", `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a":1 "b":2}`,
		`"unterminated`, "\"ctl\x01\"", `tru`, `1x`, `{} {}`, `{1:2}`,
		strings.Repeat("[", maxJSONDepth+2) + strings.Repeat("]", maxJSONDepth+2),
	}
	for _, in := range bad {
		_, err := parseJSONTree(in)
		require.Error(t, err, "%q", in)
	}
}

func TestReorder(t *testing.T) {
	n, err := parseJSONTree(`{"Resource":"*","X":1,"Action":"a","Sid":"s","Effect":"Allow","Y":2}`)
	require.NoError(t, err)
	n.reorder(statementKeyOrder)
	var keys []string
	for _, m := range n.members {
		keys = append(keys, m.key)
	}
	require.Equal(t, []string{"Sid", "Effect", "Action", "Resource", "X", "Y"}, keys)
}

func TestEveryManagedFileEmbedded(t *testing.T) {
	files, err := filepath.Glob("managed/*.json")
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	var embedded []string
	for name, text := range managedFiles() {
		embedded = append(embedded, name)
		b, err := os.ReadFile(filepath.Join("managed", name+".json"))
		require.NoError(t, err)
		require.Equal(t, string(b), text, name)
	}
	slices.Sort(embedded)
	require.Equal(t, names, embedded, "list every managed/*.json file in managed_files.go")
}

func FuzzJSONTree(f *testing.F) {
	f.Add(managedAdministratorAccess)
	f.Add(`{"a":[1,{"b":null}],"c":"\u00e9\""}`)
	f.Fuzz(func(t *testing.T, in string) {
		n, err := parseJSONTree(in)
		if err != nil {
			return
		}
		var b strings.Builder
		n.indent(&b, "    ", 0)
		again, err := parseJSONTree(b.String())
		require.NoError(t, err)
		var b2 strings.Builder
		again.indent(&b2, "    ", 0)
		require.Equal(t, b.String(), b2.String())
	})
}
