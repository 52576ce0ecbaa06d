package pack

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// parsed manifest, namespace-aware.
type xManifest struct {
	XMLName       xml.Name `xml:"manifest"`
	Identifier    string   `xml:"identifier,attr"`
	SchemaLoc     string   `xml:"http://www.w3.org/2001/XMLSchema-instance schemaLocation,attr"`
	Schema        string   `xml:"metadata>schema"`
	SchemaVersion string   `xml:"metadata>schemaversion"`
	Orgs          struct {
		Default string `xml:"default,attr"`
		Org     []struct {
			Identifier string  `xml:"identifier,attr"`
			Title      string  `xml:"title"`
			Items      []xItem `xml:"item"`
		} `xml:"organization"`
	} `xml:"organizations"`
	Resources []xResource `xml:"resources>resource"`
}

type xItem struct {
	Identifier string   `xml:"identifier,attr"`
	Ref        string   `xml:"identifierref,attr"`
	Title      string   `xml:"title"`
	Mastery    []string `xml:"http://www.adlnet.org/xsd/adlcp_rootv1p2 masteryscore"`
	PrimaryObj []xObj   `xml:"http://www.imsglobal.org/xsd/imsss sequencing>objectives>primaryObjective"`
	Delivery   []struct {
		Completion string `xml:"completionSetByContent,attr"`
		Objective  string `xml:"objectiveSetByContent,attr"`
	} `xml:"http://www.imsglobal.org/xsd/imsss sequencing>deliveryControls"`
	AllChildNames []xAny `xml:",any"`
}

type xObj struct {
	ByMeasure string `xml:"satisfiedByMeasure,attr"`
	Min       string `xml:"http://www.imsglobal.org/xsd/imsss minNormalizedMeasure"`
}

type xAny struct{ XMLName xml.Name }

type xResource struct {
	Identifier string     `xml:"identifier,attr"`
	Type       string     `xml:"type,attr"`
	Href       string     `xml:"href,attr"`
	Attrs      []xml.Attr `xml:",any,attr"`
	Files      []struct {
		Href string `xml:"href,attr"`
	} `xml:"file"`
	Deps []struct {
		Ref string `xml:"identifierref,attr"`
	} `xml:"dependency"`
}

func (r xResource) attr(space, local string) string {
	for _, a := range r.Attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func TestManifestPerVersion(t *testing.T) {
	labs := builtin(t)
	files := []string{"index.html", "app.js", "main.wasm", "labs/my lab.json"}
	for _, tc := range []struct {
		v                        SCORMVersion
		ns, adlcp, typeAttr, ver string
	}{
		{SCORM12, ns12CP, ns12ADLCP, "scormtype", "1.2"},
		{SCORM2004, ns2004CP, ns2004ADLCP, "scormType", "2004 4th Edition"},
	} {
		raw, err := Manifest{Version: tc.v, Identifier: "labsim.test", Title: "Labs & <more>", Labs: labs, Files: files}.XML()
		require.NoError(t, err)
		var m xManifest
		require.NoError(t, xml.Unmarshal(raw, &m), string(raw))
		require.Equal(t, tc.ns, m.XMLName.Space)
		require.Equal(t, "ADL SCORM", m.Schema)
		require.Equal(t, tc.ver, m.SchemaVersion)
		require.Contains(t, m.SchemaLoc, tc.ns)
		require.Contains(t, m.SchemaLoc, tc.adlcp)
		require.Len(t, m.Orgs.Org, 1)
		org := m.Orgs.Org[0]
		require.Equal(t, m.Orgs.Default, org.Identifier, "the default organization exists")
		require.Equal(t, "Labs & <more>", org.Title)
		require.Len(t, org.Items, len(labs))

		res := map[string]xResource{}
		for _, r := range m.Resources {
			require.NotContains(t, res, r.Identifier, "identifiers are unique")
			res[r.Identifier] = r
			require.Equal(t, "webcontent", r.Type)
		}
		ids := map[string]bool{}
		for i, it := range org.Items {
			lab := labs[i]
			require.False(t, ids[it.Identifier])
			ids[it.Identifier] = true
			require.Equal(t, lab.Title, it.Title)
			r, ok := res[it.Ref]
			require.True(t, ok, "item %s refers to resource %s", it.Identifier, it.Ref)
			require.Equal(t, "sco", r.attr(tc.adlcp, tc.typeAttr), "SCO type attribute %s", tc.typeAttr)
			require.Equal(t, "index.html?lab="+lab.ID, r.Href)
			require.Equal(t, "index.html", r.Files[0].Href)
			require.Equal(t, "RES-SITE", r.Deps[0].Ref)
			if tc.v == SCORM12 {
				require.Equal(t, []string{strconv.Itoa(lab.PassingScore)}, it.Mastery)
				require.Empty(t, it.PrimaryObj)
				require.Empty(t, it.Delivery)
			} else {
				require.Len(t, it.Delivery, 1)
				require.Equal(t, "true", it.Delivery[0].Completion, "the lab, not the LMS, says when it is complete")
				require.Equal(t, "true", it.Delivery[0].Objective)
				require.Empty(t, it.Mastery)
				require.Len(t, it.PrimaryObj, 1)
				require.Equal(t, "true", it.PrimaryObj[0].ByMeasure)
				want := map[int]string{100: "1", 70: "0.7"}[lab.PassingScore]
				require.Equal(t, want, it.PrimaryObj[0].Min)
			}
		}
		asset := res["RES-SITE"]
		require.Equal(t, "asset", asset.attr(tc.adlcp, tc.typeAttr))
		var hrefs []string
		for _, f := range asset.Files {
			hrefs = append(hrefs, f.Href)
		}
		require.Equal(t, []string{"index.html", "app.js", "main.wasm", "labs/my%20lab.json"}, hrefs)
		// The wrong edition's spelling is absent.
		other := map[string]string{"scormtype": "scormType", "scormType": "scormtype"}[tc.typeAttr]
		require.NotContains(t, string(raw), "adlcp:"+other+"=")
	}
}

func TestManifestRefusesNonsense(t *testing.T) {
	_, err := Manifest{Version: SCORM12, Identifier: "x"}.XML()
	require.Error(t, err)
	_, err = Manifest{Version: 7, Identifier: "x", Labs: builtin(t)}.XML()
	require.Error(t, err)
	_, err = Manifest{Version: SCORM12, Identifier: "x", Labs: []LabInfo{{ID: "a", Title: "A", PassingScore: 120}}}.XML()
	require.Error(t, err)
}

// testSiteDir writes a small built site.
func testSiteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html":      `<!doctype html>` + "\n" + `<html lang="ko" data-wasm-size="12">` + "\n<head><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"styles.css\">\n<script src=\"wasm_exec.js\" defer></script>\n<script src=\"app.js\" defer></script></head><body><div id=\"root\"></div></body></html>",
		"main.wasm":       "\x00asm-pretend",
		"main.wasm.gz":    "gz",
		"main.wasm.br":    "br",
		"wasm_exec.js":    "var Go = function(){};",
		"app.js":          "fetch('main.wasm');",
		"styles.css":      "body{color:#0f141a}",
		"iam-actions.dat": "deflated",
		"i18n/en.json":    `{"hello":"Hello"}`,
		".DS_Store":       "junk",
		".git/HEAD":       "junk",
	} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, []byte(body), 0o644))
	}
	return dir
}

func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		out[f.Name] = b
	}
	return out
}

func TestBuildSCORMZip(t *testing.T) {
	site, err := ReadSite(testSiteDir(t))
	require.NoError(t, err)
	labDir := t.TempDir()
	writeLab(t, labDir, "s3.json", labJSON(t, "s3-basics", "S3 basics", 80))
	labFiles, err := ReadLabDir(labDir)
	require.NoError(t, err)
	for _, v := range []SCORMVersion{SCORM12, SCORM2004} {
		all, err := AllLabs(labFiles)
		require.NoError(t, err)
		labs, err := SelectLabs(all, []string{"root-mfa", "s3-basics"})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, BuildSCORM(&buf, site, SCORMOptions{Version: v, Labs: labs, LabFiles: labFiles, Key: "k1"}))
		files := unzip(t, buf.Bytes())
		for _, want := range []string{ManifestName, "index.html", "main.wasm", "wasm_exec.js", "app.js", "styles.css",
			"iam-actions.dat", "i18n/en.json", "labs/s3.json", "labs/index.json"} {
			require.Contains(t, files, want, v.Kind())
		}
		for name := range files {
			require.False(t, strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") || strings.Contains(name, ".git") || strings.Contains(name, ".DS_Store"), name)
		}
		require.Equal(t, "\x00asm-pretend", string(files["main.wasm"]))
		require.Equal(t, `["s3.json"]`, string(files["labs/index.json"]))
		page := string(files["index.html"])
		require.Contains(t, page, ` data-deployment="`+v.Kind()+`-root-mfa.s3-basics-`)
		require.Contains(t, page, `data-completion-key="k1"`)
		require.Contains(t, page, ` data-labs="labs"`, "the page is told to read the labs")
		require.Contains(t, page, `data-wasm-size="12"`)
		edition := map[SCORMVersion]string{SCORM12: "1.2", SCORM2004: "2004"}[v]
		require.Contains(t, page, SCORMAttr+`="`+edition+`"`, "the page knows it is a SCO")
		// The manifest lists every file of the zip, and only those.
		var m xManifest
		require.NoError(t, xml.Unmarshal(files[ManifestName], &m))
		listed := map[string]bool{}
		for _, r := range m.Resources {
			for _, f := range r.Files {
				listed[strings.ReplaceAll(f.Href, "%20", " ")] = true
			}
		}
		for name := range files {
			if name != ManifestName {
				require.True(t, listed[name], "%s is in the zip but not in the manifest", name)
			}
		}
		for name := range listed {
			require.Contains(t, files, name, "the manifest lists %s but the zip lacks it", name)
		}
		require.Len(t, m.Orgs.Org[0].Items, 2)
		// The same inputs make the same zip.
		var again bytes.Buffer
		require.NoError(t, BuildSCORM(&again, site, SCORMOptions{Version: v, Labs: labs, LabFiles: labFiles, Key: "k1"}))
		require.Equal(t, buf.Bytes(), again.Bytes())
	}
	// The site given is not changed.
	require.NotContains(t, string(site.Files["index.html"]), "data-deployment")
}

func TestReadSiteNeedsABuild(t *testing.T) {
	dir := testSiteDir(t)
	require.NoError(t, os.Remove(filepath.Join(dir, "main.wasm")))
	_, err := ReadSite(dir)
	require.ErrorContains(t, err, "main.wasm is missing (run make build first)")
}

func TestSetHTMLAttr(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<html lang="ko">`, `<html data-deployment="x&amp;y" lang="ko">`},
		{`<HTML>`, `<HTML data-deployment="x&amp;y">`},
		{`<html lang="ko"><body data-deployment="site">`, `<html lang="ko"><body data-deployment="x&amp;y">`},
		{`<html x-data-deployment="a" data-deployment="">`, `<html x-data-deployment="a" data-deployment="x&amp;y">`},
	} {
		got, err := SetHTMLAttr([]byte(tc.in), DeploymentAttr, "x&y")
		require.NoError(t, err)
		require.Equal(t, tc.want, string(got))
	}
	_, err := SetHTMLAttr([]byte(`<p>no html</p>`), DeploymentAttr, "x")
	require.Error(t, err)
}

func TestDeploymentIDs(t *testing.T) {
	all := builtin(t)
	require.Equal(t, "scorm12-all", DeploymentID("scorm12", all, ""))
	require.Equal(t, "single-root-mfa", DeploymentID("single", all[1:2], ""))
	require.Equal(t, "scorm12-root-mfa.cloud-concepts", DeploymentID("scorm12", []LabInfo{all[1], all[3]}, ""))
	a := DeploymentID("single", all[1:2], "class-a")
	b := DeploymentID("single", all[1:2], "class-b")
	require.NotEqual(t, a, b, "two classes' files on one stick do not share saves")
	require.True(t, strings.HasPrefix(a, "single-root-mfa-"))
	many := append(append([]LabInfo{}, all...), LabInfo{ID: "a-very-long-instructor-lab-id"})
	require.Regexp(t, `^scorm2004-5-labs-[0-9a-f]{8}$`, DeploymentID("scorm2004", many, ""))
	odd := DeploymentID("scorm12", []LabInfo{{ID: "Lab_One"}}, "k")
	require.Regexp(t, `^scorm12-1-labs-[0-9a-f]{8}-[0-9a-f]{6}$`, odd)
	for _, id := range []string{a, b, odd, DeploymentID("scorm2004", many, "a key")} {
		require.True(t, ValidDeployment(id), id)
		require.LessOrEqual(t, len(id), 64)
	}
}

func TestValidDeployment(t *testing.T) {
	for id, ok := range map[string]bool{
		"site": true, "scorm12-all": true, "single-root-mfa.cloud-concepts-0a1b2c": true,
		"": false, "Scorm": false, "a+b": false, "a_b": false, "a b": false, strings.Repeat("a", 65): false, strings.Repeat("a", 64): true,
	} {
		require.Equal(t, ok, ValidDeployment(id), id)
	}
}
