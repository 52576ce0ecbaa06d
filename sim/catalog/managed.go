package catalog

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// ManagedPolicy is an AWS managed policy as the IAM console shows it.
type ManagedPolicy struct {
	Name       string // e.g. "AdministratorAccess"
	ARN        string // e.g. "arn:aws:iam::aws:policy/AdministratorAccess"
	Path       string // "/" or "/job-function/"
	VersionID  string // default version, e.g. "v1"
	CreateDate string // creation of that version, RFC 3339 in UTC
	// Document is the policy text pretty-printed with 4-space indentation
	// in AWS's key order, exactly as the console shows it.
	Document    string
	Description string // AWS's description of the policy
	JobFunction bool   // an "AWS managed - job function" policy
}

// managedCache holds the embedded policies, parsed once on first use and
// never changed afterwards. It is a zero value until then, so that a
// binary that never asks for a managed policy (the first-visit binary)
// links neither the parser nor the files.
var managedCache struct {
	once sync.Once
	list []ManagedPolicy
	err  error
}

// managedPolicies returns the parsed policies, parsing them on first use.
func managedPolicies() ([]ManagedPolicy, error) {
	managedCache.once.Do(func() { managedCache.list, managedCache.err = loadManagedPolicies() })
	return managedCache.list, managedCache.err
}

// ManagedPolicies returns the AWS managed policies the simulator knows,
// sorted by name.
func ManagedPolicies() []ManagedPolicy {
	list, err := managedPolicies()
	if err != nil {
		// The files are embedded and checked by the tests.
		panic(err)
	}
	return slices.Clone(list)
}

// LookupManagedPolicy returns the managed policy with the given ARN or name.
// Names also match without regard to case, as IAM names do.
func LookupManagedPolicy(arnOrName string) (ManagedPolicy, bool) {
	list, err := managedPolicies()
	if err != nil {
		panic(err)
	}
	for _, p := range list {
		if p.ARN == arnOrName || p.Name == arnOrName {
			return p, true
		}
	}
	for _, p := range list {
		if strings.EqualFold(p.Name, arnOrName) {
			return p, true
		}
	}
	return ManagedPolicy{}, false
}

// loadManagedPolicies parses every embedded file.
func loadManagedPolicies() ([]ManagedPolicy, error) {
	files := managedFiles()
	list := make([]ManagedPolicy, 0, len(files))
	for name, text := range files {
		p, err := parseManagedPolicy(text)
		if err != nil {
			return nil, fmt.Errorf("managed policy %s: %w", name, err)
		}
		if p.Name != name {
			return nil, fmt.Errorf("managed policy file %s.json holds %s", name, p.Name)
		}
		list = append(list, p)
	}
	slices.SortFunc(list, func(a, b ManagedPolicy) int { return strings.Compare(a.Name, b.Name) })
	return list, nil
}

// parseManagedPolicy reads one reference file: {PolicyName, Arn, VersionId,
// CreateDate, Document}.
func parseManagedPolicy(text string) (ManagedPolicy, error) {
	root, err := parseJSONTree(text)
	if err != nil {
		return ManagedPolicy{}, err
	}
	if root.kind != '{' {
		return ManagedPolicy{}, fmt.Errorf("not a JSON object")
	}
	p := ManagedPolicy{
		Name:       root.member("PolicyName").unquoted(),
		ARN:        root.member("Arn").unquoted(),
		VersionID:  root.member("VersionId").unquoted(),
		CreateDate: root.member("CreateDate").unquoted(),
	}
	doc := root.member("Document")
	if p.Name == "" || p.VersionID == "" || doc == nil || doc.kind != '{' {
		return p, fmt.Errorf("missing PolicyName, VersionId or Document")
	}
	const arnPrefix = "arn:aws:iam::aws:policy"
	if !strings.HasPrefix(p.ARN, arnPrefix+"/") || !strings.HasSuffix(p.ARN, "/"+p.Name) {
		return p, fmt.Errorf("ARN %q does not name %s", p.ARN, p.Name)
	}
	p.Path = strings.TrimSuffix(strings.TrimPrefix(p.ARN, arnPrefix), p.Name)
	p.JobFunction = p.Path == "/job-function/"
	p.Description = managedDescriptions[p.Name]
	orderKeys(p.Name, doc)
	var b strings.Builder
	doc.indent(&b, "    ", 0)
	p.Document = b.String()
	return p, nil
}
