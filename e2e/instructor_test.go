//go:build e2e

package e2e

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"labsim/internal/pack"
	labsite "labsim/internal/site"
)

// exampleLabs is the instructor's example lab folder (README).
var exampleLabs = filepath.Join("..", "examples", "labs")

// brokenLab is an instructor's lab file with a mistake: a check names a
// group no step creates. `labsim pack` would refuse it; a file changed
// after packing reaches the page, which must refuse it too.
const brokenLab = `{
  "id": "broken-lab", "version": 1,
  "title": {"ko": "고장 난 실습", "en": "A broken lab"},
  "description": {"ko": "설명", "en": "Description"},
  "minutes": 5, "passing_score": 100, "start": {"world": "demo"},
  "steps": [{"id": "one", "title": {"ko": "하나", "en": "One"},
    "instructions": {"ko": "그룹을 확인합니다.", "en": "Check the group."},
    "checks": [{"kind": "user_in_group", "user": "Kim", "group": "Nobody"}]}]
}`

// siteWithLabs copies dist/ (without its precompressed copies) into a
// temporary folder, adds the example lab with `labsim pack --labs`, as
// `make build LABS=examples/labs` does, then slips in a broken lab file
// after packing, and serves the folder.
func siteWithLabs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir(distDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(distDir, p)
		if d.IsDir() {
			if rel == pack.LabsDir {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cli := filepath.Join("..", "bin", "labsim")
	out, err := exec.Command(cli, "pack", "--labs", exampleLabs, "-dir", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("labsim pack --labs: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "labs", "broken.json"), []byte(brokenLab), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "labs", "index.json"), []byte(`["ops-group.json", "broken.json"]`), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(labsite.Handler(dir))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestInstructorLabFromABuildIsOfferedAndPlayed builds a site with the
// README's example lab, sees it listed beside the built-in labs (and the
// broken file refused with its place), opens it with ?lab=, and plays it
// to the end through the IAM console by visible labels.
func TestInstructorLabFromABuildIsOfferedAndPlayed(t *testing.T) {
	p := NewPageOn(t, siteWithLabs(t))
	p.Open("/?lang=en")
	p.Click("button", "Lab guide")
	p.Find("complementary", "Lab guide")
	p.Find("button", "Start lab: Create an operations group")
	p.Find("button", "Start lab: Create an AWS account")
	p.WaitText("From your instructor")
	p.WaitText("Some of your instructor's lab files could not be offered:")
	p.WaitText(`labs/broken.json:8:50: step "one", checks[0].user: IAM user "Kim" is neither in the start world nor created by this or an earlier step`)
	p.WaitText("Some of your instructor's lab files could not be offered. The lab guide lists why.")
	if strings.Contains(p.Text(), "A broken lab") {
		t.Fatal("the broken lab is offered")
	}
	bothLanguages(p, "instructor-01-list")
	for _, lang := range []struct{ code, button string }{{"ko", "한국어"}, {"en", "English"}} {
		p.Click("button", lang.button)
		p.waitLang(lang.code)
		showInstructorCard(p)
		viewportShot(p, "instructor-01-list-card-"+lang.code)
	}

	// A link opens it directly, in the lab's own start world.
	p.Open("/?lab=ops-group&lang=en")
	p.Find("heading", "Console Home")
	p.Find("heading", "Step 1 of 3: Create the Ops group")
	waitSteps(p, "now", "pending", "pending")
	p.WaitText("Some of your instructor's lab files could not be offered. The lab guide lists why.")
	p.Click("button", "Dismiss")
	p.Click("button", "Show hint")
	p.WaitText("Search the policies for \"EC2\".")
	bothLanguages(p, "instructor-02-running-hint")

	p.Click("button", "Services")
	p.Click("link", "IAM Manage access to AWS resources")
	p.Find("heading", "IAM dashboard")
	p.Click("link", "User groups")
	p.Click("button", "Create group")
	p.Find("heading", "Create user group")
	p.Type("textbox", "User group name", "Ops")
	p.Type("searchbox", "Search policies", "EC2Read")
	p.Click("checkbox", "AmazonEC2ReadOnlyAccess")
	p.Click("button", "Create user group")
	p.WaitText("User group Ops created.")
	waitSteps(p, "ok", "now", "pending")

	p.Click("link", "Users")
	p.Click("button", "Create user")
	p.Find("heading", "Specify user details")
	p.Type("textbox", "User name", "Kim")
	p.Click("checkbox", "Provide user access to the AWS Management Console - optional")
	p.Click("button", "Next")
	p.Find("heading", "Set permissions")
	p.Click("checkbox", "Ops")
	p.Click("button", "Next")
	p.Find("heading", "Review and create")
	p.Click("button", "Create user")
	p.Find("heading", "Retrieve password")
	waitSteps(p, "ok", "ok", "now")

	p.Find("heading", "Step 3 of 3: Check")
	p.Click("button", "No")
	p.WaitText("Right: what no policy allows is implicitly denied.")
	waitSteps(p, "ok", "ok", "ok")
	p.WaitText("Lab complete. Well done!")
	p.WaitText("100% (3 of 3)")
	bothLanguages(p, "instructor-03-complete")

	// It survives a reload: the files are read again and the attempt
	// resumes.
	p.Reload()
	p.WaitText("Lab complete. Well done!")
	waitSteps(p, "ok", "ok", "ok")
}

// TestSingleFileOffersInstructorLabs packs a single file with the example
// lab and opens it from file://: the lab is listed and starts from a link.
func TestSingleFileOffersInstructorLabs(t *testing.T) {
	site, err := pack.ReadSite(distDir)
	if err != nil {
		t.Fatal(err)
	}
	files, err := pack.ReadLabDir(exampleLabs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "workshop.html")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := pack.BuildSingle(f, site, pack.SingleOptions{LabFiles: files, Deployment: "single-e2e-instructor"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	p := NewPageOn(t, "file://"+filepath.ToSlash(dir))
	p.Open("/workshop.html?lab=ops-group&lang=ko")
	p.Find("complementary", "실습 가이드")
	p.Find("heading", "3단계 중 1단계: Ops 그룹 만들기")
	waitSteps(p, "now", "pending", "pending")
	p.Click("button", "전체 실습")
	p.Find("button", "실습 다시 시작: 운영 그룹 만들기")
	p.WaitText("강사 제공 실습")
	p.Find("button", "실습 시작: AWS 계정 만들기")
	top(p)
	showInstructorCard(p)
	viewportShot(p, "instructor-04-single-file-list-ko")
}

// showInstructorCard scrolls the guide to the instructor's lab card.
func showInstructorCard(p *Page) {
	p.t.Helper()
	top(p)
	Eval[any](p, `(() => { const card = document.querySelector('#lab-panel .lab-from').closest('li');
		for (let e = card.parentElement; e; e = e.parentElement) {
			const o = getComputedStyle(e).overflowY;
			if ((o === 'auto' || o === 'scroll') && e.scrollHeight > e.clientHeight) {
				e.scrollTop += card.getBoundingClientRect().top - e.getBoundingClientRect().top - 8; return null; }
		} return null; })()`)
}

// viewportShot photographs what the window shows (a full-page screenshot
// resizes the page, which resets the guide's own scrolling).
func viewportShot(p *Page, name string) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join("screenshots", name+".png"), buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
}
