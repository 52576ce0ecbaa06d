package pack

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// SCORMVersion is the SCORM edition a package is built for.
type SCORMVersion int

// The SCORM editions labsim packs for.
const (
	// SCORM12 is SCORM 1.2, the edition every LMS supports.
	SCORM12 SCORMVersion = iota + 1
	// SCORM2004 is SCORM 2004 4th Edition.
	SCORM2004
)

// Kind returns the short name of the edition, used in deployment ids.
func (v SCORMVersion) Kind() string {
	if v == SCORM2004 {
		return "scorm2004"
	}
	return "scorm12"
}

// ManifestName is the name of the manifest at the root of a package.
const ManifestName = "imsmanifest.xml"

// Manifest describes a SCORM package.
type Manifest struct {
	// Version is the SCORM edition.
	Version SCORMVersion
	// Identifier is the manifest's identifier, unique per package.
	Identifier string
	// Title is the organization's title shown by the LMS.
	Title string
	// Labs are the package's labs: one SCO each, launched as
	// index.html?lab=ID.
	Labs []LabInfo
	// Files are the package's files (slash-separated, relative to the
	// manifest), listed in a shared asset resource that every SCO depends
	// on.
	Files []string
}

// SCORM namespaces and schema versions.
const (
	ns12CP      = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	ns12ADLCP   = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
	ns2004CP    = "http://www.imsglobal.org/xsd/imscp_v1p1"
	ns2004ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
	nsIMSSS     = "http://www.imsglobal.org/xsd/imsss"
	nsXSI       = "http://www.w3.org/2001/XMLSchema-instance"
	schema12    = "1.2"
	schema2004  = "2004 4th Edition"
)

// XML writes the manifest. SCORM 1.2 items carry adlcp:masteryscore, the
// lab's passing score; SCORM 2004 items carry the same threshold as the
// primary objective's minimum normalised measure, satisfied by the score,
// and delivery controls saying that the lab sets its own completion and
// success.
func (m Manifest) XML() ([]byte, error) {
	if len(m.Labs) == 0 {
		return nil, fmt.Errorf("manifest: no labs")
	}
	if m.Version != SCORM12 && m.Version != SCORM2004 {
		return nil, fmt.Errorf("manifest: unknown SCORM version %d", m.Version)
	}
	var b bytes.Buffer
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	is12 := m.Version == SCORM12
	scormType := `adlcp:scormType`
	if is12 {
		scormType = `adlcp:scormtype`
	}
	w(xml.Header)
	if is12 {
		w(`<manifest identifier="`, esc(xmlID(m.Identifier)), `" version="1.0"`,
			"\n  xmlns=\"", ns12CP, `"`,
			"\n  xmlns:adlcp=\"", ns12ADLCP, `"`,
			"\n  xmlns:xsi=\"", nsXSI, `"`,
			"\n  xsi:schemaLocation=\"", ns12CP, " imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd ",
			ns12ADLCP, " adlcp_rootv1p2.xsd\">\n")
		w("  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>", schema12, "</schemaversion>\n  </metadata>\n")
	} else {
		w(`<manifest identifier="`, esc(xmlID(m.Identifier)), `" version="1.0"`,
			"\n  xmlns=\"", ns2004CP, `"`,
			"\n  xmlns:adlcp=\"", ns2004ADLCP, `"`,
			"\n  xmlns:imsss=\"", nsIMSSS, `"`,
			"\n  xmlns:xsi=\"", nsXSI, `"`,
			"\n  xsi:schemaLocation=\"", ns2004CP, " imscp_v1p1.xsd ", ns2004ADLCP, " adlcp_v1p3.xsd ", nsIMSSS, " imsss_v1p0.xsd\">\n")
		w("  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>", schema2004, "</schemaversion>\n  </metadata>\n")
	}
	w(`  <organizations default="ORG">`, "\n", `    <organization identifier="ORG">`, "\n")
	w("      <title>", esc(m.Title), "</title>\n")
	for _, l := range m.Labs {
		if l.PassingScore < 0 || l.PassingScore > 100 {
			return nil, fmt.Errorf("manifest: lab %s: passing score %d is outside 0–100", l.ID, l.PassingScore)
		}
		w(`      <item identifier="ITEM-`, esc(xmlID(l.ID)), `" identifierref="RES-`, esc(xmlID(l.ID)), `" isvisible="true">`, "\n")
		w("        <title>", esc(l.Title), "</title>\n")
		if is12 {
			w("        <adlcp:masteryscore>", strconv.Itoa(l.PassingScore), "</adlcp:masteryscore>\n")
		} else {
			w("        <imsss:sequencing>\n          <imsss:objectives>\n",
				`            <imsss:primaryObjective objectiveID="PASS" satisfiedByMeasure="true">`, "\n",
				"              <imsss:minNormalizedMeasure>", strconv.FormatFloat(float64(l.PassingScore)/100, 'f', -1, 64), "</imsss:minNormalizedMeasure>\n",
				"            </imsss:primaryObjective>\n          </imsss:objectives>\n",
				// The lab reports its own completion and success: without
				// this an LMS marks an attempt completed when it ends.
				`          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>`, "\n",
				"        </imsss:sequencing>\n")
		}
		w("      </item>\n")
	}
	w("    </organization>\n  </organizations>\n  <resources>\n")
	for _, l := range m.Labs {
		w(`    <resource identifier="RES-`, esc(xmlID(l.ID)), `" type="webcontent" `, scormType, `="sco" href="`,
			esc(hrefOf("index.html")+"?lab="+url.QueryEscape(l.ID)), `">`, "\n")
		w(`      <file href="index.html"/>`, "\n", `      <dependency identifierref="RES-SITE"/>`, "\n", "    </resource>\n")
	}
	w(`    <resource identifier="RES-SITE" type="webcontent" `, scormType, `="asset">`, "\n")
	for _, f := range m.Files {
		w(`      <file href="`, esc(hrefOf(f)), `"/>`, "\n")
	}
	w("    </resource>\n  </resources>\n</manifest>\n")
	return b.Bytes(), nil
}

// xmlID turns a lab id into a valid XML identifier part: letters, digits,
// '-', '_' and '.'; anything else becomes '_'.
func xmlID(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, s)
}

// hrefOf escapes a slash-separated path for an href.
func hrefOf(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// zipTime is the modification time written into packages, so that the
// same inputs make the same zip.
var zipTime = time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)

// SCORMOptions configures BuildSCORM.
type SCORMOptions struct {
	// Version is the SCORM edition.
	Version SCORMVersion
	// Labs are the labs to include (one SCO each).
	Labs []LabInfo
	// LabFiles are instructors' lab files to ship.
	LabFiles []LabFile
	// Key is the completion code key; empty for none.
	Key string
	// Deployment overrides the storage namespace; empty derives it from
	// the edition, the labs and the key (DeploymentID).
	Deployment string
}

// BuildSCORM writes a SCORM package of a built site as a zip: the
// manifest at the root and every file the page loads, with index.html
// carrying the package's own storage namespace.
func BuildSCORM(out io.Writer, site *Site, opts SCORMOptions) error {
	if len(opts.Labs) == 0 {
		return fmt.Errorf("scorm: no labs")
	}
	s := &Site{Files: map[string][]byte{}}
	for k, v := range site.Files {
		s.Files[k] = v
	}
	if _, clash := s.Files[ManifestName]; clash {
		return fmt.Errorf("scorm: the site already has an %s", ManifestName)
	}
	if err := s.AddLabs(opts.LabFiles); err != nil {
		return err
	}
	deployment := opts.Deployment
	if deployment == "" {
		deployment = DeploymentID(opts.Version.Kind(), opts.Labs, opts.Key)
	}
	if err := s.Configure(deployment, opts.Key); err != nil {
		return err
	}
	edition := "1.2"
	if opts.Version == SCORM2004 {
		edition = "2004"
	}
	page, err := SetHTMLAttr(s.Files["index.html"], SCORMAttr, edition)
	if err != nil {
		return err
	}
	s.Files["index.html"] = page
	names := s.Names()
	title := "labsim: " + opts.Labs[0].Title
	if len(opts.Labs) > 1 {
		title = "labsim: AWS console labs"
	}
	manifest, err := Manifest{Version: opts.Version, Identifier: "labsim." + deployment, Title: title,
		Labs: opts.Labs, Files: names}.XML()
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	add := func(name string, data []byte) error {
		method := zip.Deflate
		if strings.HasSuffix(name, ".dat") {
			method = zip.Store // already deflated
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: zipTime})
		if err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		if _, err := f.Write(data); err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		return nil
	}
	if err := add(ManifestName, manifest); err != nil {
		return err
	}
	for _, n := range names {
		if err := add(n, s.Files[n]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	return nil
}
