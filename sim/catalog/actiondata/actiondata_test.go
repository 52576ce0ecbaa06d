package actiondata_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
	"labsim/tools/catalog-gen/gen"
)

func TestLoadRealCatalog(t *testing.T) {
	a, err := actiondata.Load()
	require.NoError(t, err)
	require.Greater(t, len(a.Prefixes()), 400)
	require.Greater(t, catalog.CountActions(a), 20000)
	tests := []struct {
		prefix, name string
		level        catalog.AccessLevel
	}{
		{"iam", "ListUsers", catalog.List},
		{"iam", "GetUser", catalog.Read},
		{"iam", "CreateUser", catalog.Write},
		{"iam", "AttachUserPolicy", catalog.PermissionsManagement},
		{"iam", "TagUser", catalog.Tagging},
		{"iam", "CreateVirtualMFADevice", catalog.Write},
		{"iam", "ChangePassword", catalog.Write},
		{"sts", "GetSessionToken", catalog.Read},
		{"s3", "GetObject", catalog.Read},
		{"s3", "ListAllMyBuckets", catalog.List},
		{"ec2", "RunInstances", catalog.Write},
		{"ec2", "DescribeInstances", catalog.List},
		{"apigateway", "GET", catalog.Read},
	}
	for _, tt := range tests {
		got, ok := a.Action(tt.prefix, strings.ToLower(tt.name))
		require.True(t, ok, "%s:%s", tt.prefix, tt.name)
		require.Equal(t, tt.name, got.Name)
		require.Equal(t, tt.level, got.Level, "%s:%s", tt.prefix, tt.name)
	}
	iam, ok := a.Service("IAM")
	require.True(t, ok)
	require.Equal(t, "AWS Identity and Access Management (IAM)", iam.Name)
	var userARN string
	for _, r := range iam.ResourceTypes {
		if r.Name == "user" {
			userARN = r.ARN
		}
	}
	require.Equal(t, "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}", userARN)
	for name, typ := range map[string]string{
		"iam:PassedToService":            "String",
		"s3:prefix":                      "String",
		"ec2:ResourceTag/Name":           "String",
		"aws:SourceIp":                   "IPAddress",
		"aws:ResourceTag/Team":           "String",
		"saml:aud":                       "String",
		"iam:PolicyARN":                  "ARN",
		"aws:MultiFactorAuthAge":         "Numeric",
		"sts:TransitiveTagKeys":          "ArrayOfString",
		"ec2:Attribute/${AttributeName}": "String",
		"s3:ExistingObjectTag/Team":      "String",
	} {
		k, ok := a.ConditionKey(name)
		require.True(t, ok, name)
		require.Equal(t, typ, k.Type, name)
	}
	for _, p := range a.Prefixes() {
		s, ok := a.Service(p)
		require.True(t, ok)
		for i := 1; i < len(s.Actions); i++ {
			require.Negative(t, catalog.CompareNames(s.Actions[i-1].Name, s.Actions[i].Name), "%s actions sorted", p)
		}
		for _, k := range s.ConditionKeys {
			require.False(t, strings.HasPrefix(strings.ToLower(k.Name), "aws:"), "aws: keys are global, not in %s", p)
		}
	}
}

func TestRaw(t *testing.T) {
	b := actiondata.Raw()
	require.NotEmpty(t, b)
	b[0] ^= 0xff
	require.NotEqual(t, b[0], actiondata.Raw()[0], "Raw must return a copy")
	_, err := os.Stat(filepath.Join(repoRoot(t), filepath.FromSlash(actiondata.SourcePath)))
	require.NoError(t, err)
}

// TestGeneratedDataIsCurrent regenerates the catalog from the installed npm
// package and compares it with the committed file, so that a changed
// generator or a new package version without `go generate` is caught. It
// compares the text, not the compressed bytes, which a new Go release may
// lay out differently.
func TestGeneratedDataIsCurrent(t *testing.T) {
	nodeModules := filepath.Join(repoRoot(t), "tools", "catalog-gen", "node_modules")
	text, err := gen.Generate(nodeModules)
	if errors.Is(err, gen.ErrNotInstalled) {
		t.Skip("npm package not installed; run `npm ci --prefix tools/catalog-gen` to check the generated catalog")
	}
	require.NoError(t, err)
	committed, err := catalog.DecompressActions(actiondata.Raw())
	require.NoError(t, err)
	if string(committed) != string(text) {
		t.Fatalf("sim/catalog/actiondata/actions.dat is stale: run `go generate ./sim/catalog/...` (generated %d bytes of text, committed %d)", len(text), len(committed))
	}
}

// repoRoot finds the folder holding go.mod above the test's folder.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, parent, dir, "go.mod not found")
		dir = parent
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := actiondata.Load(); err != nil {
			b.Fatal(err)
		}
	}
}
