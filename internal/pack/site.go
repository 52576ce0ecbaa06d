package pack

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"labsim/sim/lab"
)

// DeploymentAttr is the attribute of index.html that names the deployment,
// which namespaces the page's storage keys (console.StorageKeyFor) so that
// packages sharing an origin (an LMS, or every file:// page in Chromium)
// do not share saves. A plain build says "site".
const DeploymentAttr = "data-deployment"

// CompletionKeyAttr is the attribute of index.html that carries the key
// the page signs completion codes with (see sim/completion). A build
// without it makes no codes.
const CompletionKeyAttr = "data-completion-key"

// SCORMAttr is the attribute of a SCORM package's index.html that names
// its edition ("1.2" or "2004"): the page looks for the LMS's API only
// when it is set (or the URL has ?scorm=).
const SCORMAttr = "data-scorm"

// RequiredFiles returns the files of a built site that the page cannot
// start without.
func RequiredFiles() []string {
	return []string{"index.html", "main.wasm", "wasm_exec.js", "app.js", "styles.css"}
}

// Site is a built site read into memory, ready to be packed.
type Site struct {
	// Files maps slash-separated paths to contents, index.html included.
	Files map[string][]byte
}

// ReadSite reads a built site directory (make build's dist/): every file
// except dotfiles, dot-directories and the precompressed .br and .gz
// copies, which a package does not need.
func ReadSite(dir string) (*Site, error) {
	s := &Site{Files: map[string][]byte{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s.Files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read site %s: %w", dir, err)
	}
	for _, f := range RequiredFiles() {
		if _, ok := s.Files[f]; !ok {
			return nil, fmt.Errorf("read site %s: %s is missing (run make build first)", dir, f)
		}
	}
	return s, nil
}

// Names returns the site's paths, index.html first, then sorted.
func (s *Site) Names() []string {
	names := make([]string, 0, len(s.Files))
	for n := range s.Files {
		if n != "index.html" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return append([]string{"index.html"}, names...)
}

// LabsAttr is the attribute of <html> that tells the page it carries
// instructors' labs: its value is the folder (LabsDir) whose index.json
// lists them. The page reads them at start (wasm/labs.go).
const LabsAttr = "data-labs"

// AddLabs places instructors' lab files under labs/ with an index.json
// that lists their file names in order, and marks index.html (LabsAttr)
// so that the page loads them at start.
func (s *Site) AddLabs(files []LabFile) error {
	if len(files) == 0 {
		return nil
	}
	page, err := SetHTMLAttr(s.Files["index.html"], LabsAttr, LabsDir)
	if err != nil {
		return err
	}
	s.Files["index.html"] = page
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
		s.Files[path.Join(LabsDir, f.Name)] = f.Data
	}
	index, err := json.Marshal(names)
	if err != nil {
		return fmt.Errorf("labs index: %w", err)
	}
	s.Files[path.Join(LabsDir, "index.json")] = index
	return nil
}

// InstallLabs adds instructors' lab files to a built site directory in
// place (labsim pack --labs DIR, make build LABS=DIR): labs/ is replaced
// by the files and their index.json, and index.html is marked (LabsAttr).
// It returns the paths it wrote, index.html last.
func InstallLabs(dir string, files []LabFile) ([]string, error) {
	site, err := ReadSite(dir)
	if err != nil {
		return nil, err
	}
	labs := &Site{Files: map[string][]byte{"index.html": site.Files["index.html"]}}
	if err := labs.AddLabs(files); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(filepath.Join(dir, LabsDir)); err != nil {
		return nil, fmt.Errorf("labs: %w", err)
	}
	if err := os.Mkdir(filepath.Join(dir, LabsDir), 0o755); err != nil {
		return nil, fmt.Errorf("labs: %w", err)
	}
	var wrote []string
	for _, name := range labs.Names()[1:] {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.WriteFile(p, labs.Files[name], 0o644); err != nil {
			return nil, fmt.Errorf("labs: %w", err)
		}
		wrote = append(wrote, p)
	}
	p := filepath.Join(dir, "index.html")
	if err := os.WriteFile(p, labs.Files["index.html"], 0o644); err != nil {
		return nil, fmt.Errorf("labs: %w", err)
	}
	return append(wrote, p), nil
}

// EntryAttr is the attribute of index.html that gives the first-visit
// binary's raw size (entry.wasm, README "Size and speed"); "0" or absent
// means the page always loads main.wasm.
const EntryAttr = "data-entry-size"

// Configure writes the deployment id and, when key is not empty, the
// completion key into index.html. A package is opened from an LMS or a
// file, never as the site, so it leaves out the first-visit binary: the
// page loads main.wasm at once.
func (s *Site) Configure(deployment, key string) error {
	page, err := SetHTMLAttr(s.Files["index.html"], DeploymentAttr, deployment)
	if err != nil {
		return err
	}
	if page, err = SetHTMLAttr(page, EntryAttr, "0"); err != nil {
		return err
	}
	delete(s.Files, "entry.wasm")
	if key != "" {
		if page, err = SetHTMLAttr(page, CompletionKeyAttr, key); err != nil {
			return err
		}
	}
	s.Files["index.html"] = page
	return nil
}

// SetHTMLAttr sets an attribute in a page: where the attribute already
// appears (name="…"), its first value is replaced; otherwise it is added
// to the <html> element.
func SetHTMLAttr(page []byte, name, value string) ([]byte, error) {
	quoted := []byte(name + `="` + html.EscapeString(value) + `"`)
	if i := attrIndex(page, name); i >= 0 {
		end := bytes.IndexByte(page[i+len(name)+2:], '"')
		if end < 0 {
			return nil, fmt.Errorf("index.html: unterminated %s attribute", name)
		}
		end += i + len(name) + 2 + 1
		return concat(page[:i], quoted, page[end:]), nil
	}
	lower := bytes.ToLower(page)
	i := bytes.Index(lower, []byte("<html"))
	if i < 0 {
		return nil, errors.New("index.html has no <html> element")
	}
	i += len("<html")
	return concat(page[:i], []byte(" "), quoted, page[i:]), nil
}

// attrIndex finds name="…" preceded by white space, or returns -1.
func attrIndex(page []byte, name string) int {
	needle := []byte(name + `="`)
	for off := 0; ; {
		i := bytes.Index(page[off:], needle)
		if i < 0 {
			return -1
		}
		i += off
		if i > 0 && (page[i-1] == ' ' || page[i-1] == '\n' || page[i-1] == '\t' || page[i-1] == '\r') {
			return i
		}
		off = i + 1
	}
}

func concat(parts ...[]byte) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		b.Write(p)
	}
	return b.Bytes()
}

// ValidDeployment reports whether id can name a deployment: 1 to 64
// lowercase ASCII letters, digits, '-' and '.', the ids the page accepts
// (console.ValidDeployment; the page uses the site's storage for any
// other).
func ValidDeployment(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// DeploymentID names a package's storage namespace from its kind
// ("scorm12", "scorm2004", "single"), its labs and its key: packages of
// different labs, or for classes with different keys, never share saves.
// The id is always valid (ValidDeployment): lab ids joined by '.', or a
// hash of them when they are long.
func DeploymentID(kind string, labs []LabInfo, key string) string {
	ids := make([]string, len(labs))
	for i, l := range labs {
		ids[i] = l.ID
	}
	name := strings.Join(ids, ".")
	if name == strings.Join(lab.BuiltinIDs(), ".") {
		name = "all"
	}
	if len(name) > 40 || !ValidDeployment(name) {
		sum := sha256.Sum256([]byte(strings.Join(ids, "\n")))
		name = fmt.Sprintf("%d-labs-%s", len(ids), hex.EncodeToString(sum[:4]))
	}
	id := kind + "-" + name
	if key != "" {
		sum := sha256.Sum256([]byte("labsim deployment key\x00" + key))
		id += "-" + hex.EncodeToString(sum[:3])
	}
	return id
}
