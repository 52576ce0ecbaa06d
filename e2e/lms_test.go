//go:build e2e

package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"labsim/internal/pack"
	"labsim/internal/scorm"
	labsite "labsim/internal/site"
	engine "labsim/sim/lab"
)

// scormPackage packs dist/ as a SCORM package of one lab and unzips it into
// a folder, as an LMS does on upload.
func scormPackage(t *testing.T, v pack.SCORMVersion, labID string) string {
	t.Helper()
	site, err := pack.ReadSite(distDir)
	if err != nil {
		t.Fatal(err)
	}
	all, err := pack.BuiltinLabs()
	if err != nil {
		t.Fatal(err)
	}
	labs, err := pack.SelectLabs(all, []string{labID})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pack.BuildSCORM(&buf, site, pack.SCORMOptions{Version: v, Labs: labs}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lmsHost is the host page of a tiny LMS: the scorm-again runtime as the
// API of the given version, the SCO in a frame on the same origin, and
// every postMessage the SCO sends recorded in window.msgs. ?resume=DATA
// starts the runtime with that suspend_data (and &status=, &raw= as the
// held result) and the SCO's browser storage cleared, as on another
// computer.
const lmsHost = `<!doctype html><html lang="en"><head><title>LMS</title><link rel="icon" href="data:,">
<script src="/scorm-again/SCRIPT"></script>
<script>
window.msgs = [];
window.addEventListener('message', e => { if (e.source === document.getElementById('sco').contentWindow) window.msgs.push(e.data); });
const api = new CTOR({ autocommit: false, logLevel: 5 });
window.NAME = api; window.lms = api;
window.finished = false;
api.on('FINISH', () => { window.finished = true; });
const q = new URLSearchParams(location.search), resume = q.get('resume');
if (resume) {
  localStorage.clear(); sessionStorage.clear();
  const init = { 'cmi.suspend_data': resume, 'STATUS': q.get('status') || 'incomplete' };
  if (q.get('raw')) init['RAW'] = q.get('raw');
  api.loadFromFlattenedJSON(init);
}
window.addEventListener('DOMContentLoaded', () => {
  const f = document.createElement('iframe');
  f.id = 'sco'; f.title = 'lab'; f.width = 1200; f.height = 800;
  f.src = '/sco/index.html?lab=LAB';
  document.body.appendChild(f);
});
</script></head><body><h1>Course</h1></body></html>`

// lmsServer serves the host page at /host.html, scorm-again at
// /scorm-again/ and the unzipped package at /sco/, all on one origin.
func lmsServer(t *testing.T, v pack.SCORMVersion, labID string) *httptest.Server {
	t.Helper()
	dir := scormPackage(t, v, labID)
	r := strings.NewReplacer("SCRIPT", "scorm12.js", "CTOR", "Scorm12API", "NAME", "API", "FINISH", "LMSFinish",
		"STATUS", "cmi.core.lesson_status", "RAW", "cmi.core.score.raw", "LAB", labID)
	if v == pack.SCORM2004 {
		r = strings.NewReplacer("SCRIPT", "scorm2004.js", "CTOR", "Scorm2004API", "NAME", "API_1484_11", "FINISH", "Terminate",
			"STATUS", "cmi.completion_status", "RAW", "cmi.score.raw", "LAB", labID)
	}
	host := r.Replace(lmsHost)
	mux := http.NewServeMux()
	mux.HandleFunc("/host.html", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(host))
	})
	mux.Handle("/scorm-again/", http.StripPrefix("/scorm-again/", http.FileServer(http.Dir(filepath.Join("node_modules", "scorm-again", "dist")))))
	mux.Handle("/sco/", http.StripPrefix("/sco", labsite.Handler(dir)))
	if _, err := os.Stat(filepath.Join("node_modules", "scorm-again", "dist", "scorm12.js")); err != nil {
		t.Fatal("scorm-again is missing: run `npm install --prefix e2e`")
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// quizLab returns a built-in quiz lab.
func quizLab(t *testing.T, id string) *engine.Lab {
	labs, err := engine.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l := engine.Find(labs, id)
	if l == nil || !l.Quiz() {
		t.Fatalf("%s is not a built-in quiz lab", id)
	}
	return l
}

// answerInFrame clicks a choice of a question in the SCO's frame.
func answerInFrame(t *testing.T, p *Page, step, choice string) {
	t.Helper()
	js := `(() => { const f = document.getElementById('sco'); const d = f && f.contentDocument;
		const b = d && d.querySelector('[data-action="lab.answer"][data-arg="` + step + `:` + choice + `"]');
		if (!b) return false; b.click(); return true; })()`
	waitTrue(t, p, js, "the answer "+step+":"+choice+" in the SCO")
}

// waitTrue waits until a JavaScript expression on the host page is true.
func waitTrue(t *testing.T, p *Page, js, what string) {
	t.Helper()
	deadline := time.Now().Add(40 * time.Second)
	for !Eval[bool](p, js) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lastProgress is the SCO's newest labsim:progress message's completed
// count, -1 when none came.
const lastProgress = `(() => { const p = window.msgs.filter(m => m && m.type === 'labsim:progress'); return p.length ? p[p.length-1].completed : -1; })()`

// playQuiz answers questions from to n-1 right; with wrong, the second
// one wrong first (so the score is (total-1)/total once all are answered).
func playQuiz(t *testing.T, p *Page, l *engine.Lab, from, n int, wrong bool) {
	t.Helper()
	for i := from; i < n; i++ {
		q := l.Steps[i].Quiz()
		if i == 1 && wrong {
			for _, c := range q.Choices {
				if c.ID != q.Answer {
					answerInFrame(t, p, l.Steps[i].ID, c.ID)
					break
				}
			}
		}
		answerInFrame(t, p, l.Steps[i].ID, q.Answer)
		waitTrue(t, p, lastProgress+` >= `+strconv.Itoa(i+1), "progress after question "+strconv.Itoa(i+1))
	}
}

func TestSCORMWithScormAgain(t *testing.T) {
	const labID = "cloud-concepts"
	l := quizLab(t, labID)
	total := len(l.Steps)
	// SCORM 1.2 gets one wrong first answer, SCORM 2004 none.
	score12 := (total - 1) * 100 / total
	passed12 := map[bool]string{true: "passed", false: "failed"}[score12 >= l.PassingScore]
	tests := []struct {
		v                 pack.SCORMVersion
		wrong             bool
		score             int
		status, statusKey string
		success, timeKey  string
		timeRE            string
	}{
		{pack.SCORM12, true, score12, passed12, "cmi.core.lesson_status", "", "cmi.core.session_time", `^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$`},
		{pack.SCORM2004, false, 100, "completed", "cmi.completion_status", "passed", "cmi.session_time", `^PT(\d+H)?(\d+M)?(\d+S)?$`},
	}
	for _, tc := range tests {
		score := tc.score
		t.Run(tc.v.Kind(), func(t *testing.T) {
			srv := lmsServer(t, tc.v, labID)
			p := NewPageOn(t, srv.URL)
			goTo(t, p, "/host.html")
			get := func(elem string) string {
				return Eval[string](p, `String(window.lms.getFlattenedCMI()[`+strconv.Quote(elem)+`] ?? '')`)
			}
			waitTrue(t, p, `window.msgs.some(m => m && m.type === 'labsim:ready')`, "labsim:ready")

			// Half the lab, then leave: the LMS has the attempt.
			half := total / 2
			playQuiz(t, p, l, 0, half, tc.wrong)
			waitTrue(t, p, `String(window.lms.getFlattenedCMI()['cmi.suspend_data'] || '').length > 0`, "suspend_data")
			if got := get(tc.statusKey); got != "incomplete" {
				t.Fatalf("%s = %q half way, want incomplete", tc.statusKey, got)
			}
			suspend := get("cmi.suspend_data")
			if len(suspend) > scorm.MaxSuspend12 {
				t.Fatalf("suspend_data has %d characters, more than SCORM 1.2 allows", len(suspend))
			}
			Eval[bool](p, `(document.getElementById('sco').src = 'about:blank', true)`)
			waitTrue(t, p, `window.finished`, "LMSFinish/Terminate when the SCO is left")
			if got := get(tc.timeKey); !regexp.MustCompile(tc.timeRE).MatchString(got) {
				t.Fatalf("%s = %q", tc.timeKey, got)
			}
			exit := "cmi.core.exit"
			if tc.v == pack.SCORM2004 {
				exit = "cmi.exit"
			}
			if got := get(exit); got != "suspend" {
				t.Fatalf("%s = %q, want suspend for an unfinished lab", exit, got)
			}

			// Relaunch on "another computer": no browser storage, the LMS's
			// suspend_data only. The lab resumes where it was.
			goTo(t, p, "/host.html?resume="+urlQuery(suspend))
			waitTrue(t, p, lastProgress+` === `+strconv.Itoa(half), "the lab resumed from suspend_data at question "+strconv.Itoa(half+1))
			frameText := func() string {
				return Eval[string](p, `(() => { const d = document.getElementById('sco').contentDocument; return d && d.body ? d.body.innerText : ''; })()`)
			}
			waitTrue(t, p, `(() => { const d = document.getElementById('sco').contentDocument; return !!d && !!d.body && d.body.innerText.includes('resumed from the learning system'); })()`,
				"the resumed notice")
			p.Screenshot("scorm-" + tc.v.Kind() + "-resumed")

			playQuiz(t, p, l, half, total, tc.wrong)
			waitTrue(t, p, `window.msgs.some(m => m && m.type === 'labsim:complete')`, "labsim:complete")
			waitTrue(t, p, `window.lms.getFlattenedCMI()[`+strconv.Quote(tc.statusKey)+`] === `+strconv.Quote(tc.status), tc.statusKey+" = "+tc.status)
			raw := "cmi.core.score.raw"
			if tc.v == pack.SCORM2004 {
				raw = "cmi.score.raw"
				if got := get("cmi.success_status"); got != tc.success {
					t.Fatalf("cmi.success_status = %q, want %q", got, tc.success)
				}
				if got := get("cmi.score.scaled"); got != scorm.Scaled(score) {
					t.Fatalf("cmi.score.scaled = %q, want %q", got, scorm.Scaled(score))
				}
			}
			if got := get(raw); got != strconv.Itoa(score) {
				t.Fatalf("%s = %q, want %d", raw, got, score)
			}
			if !strings.Contains(frameText(), l.Title.En) {
				t.Fatalf("the SCO should show the lab; text:\n%s", frameText())
			}
			if tc.v != pack.SCORM12 {
				return
			}

			// Relaunched after completion, the SCO is in review: it shows the
			// completed attempt and leaves the result as it is.
			done := get("cmi.suspend_data")
			goTo(t, p, "/host.html?resume="+urlQuery(done)+"&status="+tc.status+"&raw="+strconv.Itoa(score))
			waitTrue(t, p, `(() => { const d = document.getElementById('sco').contentDocument; return !!d && !!d.body && d.body.innerText.includes('already completed this activity'); })()`,
				"the review notice")
			waitTrue(t, p, lastProgress+` === `+strconv.Itoa(total), "the completed attempt shown again")
			Eval[bool](p, `(document.getElementById('sco').src = 'about:blank', true)`)
			waitTrue(t, p, `window.finished`, "LMSFinish after review")
			if got, gotRaw := get(tc.statusKey), get(raw); got != tc.status || gotRaw != strconv.Itoa(score) {
				t.Fatalf("review changed the result to %s %s", got, gotRaw)
			}
			if got := get(exit); got != "" {
				t.Fatalf("%s = %q after a completed lab, want empty", exit, got)
			}
		})
	}
}

// goTo opens a host page (which is not the simulator: Open would wait for
// it).
func goTo(t *testing.T, p *Page, path string) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.Base+path)); err != nil {
		t.Fatalf("navigate %s: %v", path, err)
	}
}

// urlQuery escapes a query value.
func urlQuery(s string) string {
	r := strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", "#", "%23", " ", "%20", "~", "%7E")
	return r.Replace(s)
}

// TestSandboxedFramePostsEvents embeds the site from another origin in
// <iframe sandbox="allow-scripts"> (an opaque origin, no storage): it
// posts labsim:ready and labsim:progress to the parent and obeys the
// parent's labsim:start-lab, but not the same command in another schema;
// it keeps its work in memory, and the quiz played inside it posts a
// labsim:progress per answer and labsim:complete with the score.
func TestSandboxedFramePostsEvents(t *testing.T) {
	sim := newServer(t)
	host := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="en"><head><title>School</title><link rel="icon" href="data:,">
<script>window.msgs = []; window.addEventListener('message', e => { if (e.source === document.getElementById('sim').contentWindow) window.msgs.push(e.data); });</script>
</head><body><iframe id="sim" title="labsim" sandbox="allow-scripts" width="1100" height="700" src="` + sim.URL + `/?lang=en"></iframe></body></html>`))
	}))
	host.Start()
	t.Cleanup(host.Close)
	base := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
	p := NewPageOn(t, base)
	goTo(t, p, "/")
	waitTrue(t, p, `window.msgs.some(m => m && m.type === 'labsim:ready' && m.version === 1)`, "labsim:ready from the sandboxed frame")
	if Eval[bool](p, `window.msgs.some(m => m && m.type === 'labsim:progress')`) {
		t.Fatal("no lab runs yet: no progress expected")
	}
	// A command in the wrong schema is ignored; the documented one starts
	// the lab.
	Eval[bool](p, `(document.getElementById('sim').contentWindow.postMessage({ type: 'labsim:start-lab', lab: 42 }, '*'), true)`)
	Eval[bool](p, `(document.getElementById('sim').contentWindow.postMessage({ type: 'labsim:start-lab', lab: 'cloud-concepts' }, '*'), true)`)
	waitTrue(t, p, `window.msgs.some(m => m && m.type === 'labsim:progress' && m.lab === 'cloud-concepts' && m.completed === 0 && m.total > 0 && m.score === 0 && typeof m.step === 'string')`,
		"labsim:progress for the started lab")
	p.Screenshot("sandboxed-frame-events")

	// Inside the frame (a process of its own: attach to its target), the
	// page keeps its work in memory and the quiz can be played; every
	// answer reaches the parent as labsim:progress, the end as
	// labsim:complete.
	var frame context.Context
	deadline := time.Now().Add(20 * time.Second)
	for frame == nil {
		if time.Now().After(deadline) {
			t.Fatal("no target for the sandboxed frame")
		}
		targets, err := chromedp.Targets(p.ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tg := range targets {
			if tg.Type == "iframe" && strings.HasPrefix(tg.URL, sim.URL) {
				ctx, cancel := chromedp.NewContext(p.ctx, chromedp.WithTargetID(tg.TargetID))
				t.Cleanup(cancel)
				frame = ctx
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	inFrame := func(js string) bool {
		v, err := chromedp.Run(frame, chromedp.Evaluate[bool](js))
		return err == nil && v
	}
	waitFrame := func(js, what string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for !inFrame(js) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting in the frame for %s", what)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFrame(`(() => { try { localStorage.length; return false } catch (e) { return document.body.innerText.includes('kept in memory only') } })()`,
		"the memory-only notice, with localStorage refused")
	l := quizLab(t, "cloud-concepts")
	for i, st := range l.Steps {
		q := st.Quiz()
		waitFrame(`(() => { const b = document.querySelector('[data-action="lab.answer"][data-arg="`+st.ID+`:`+q.Answer+`"]'); if (!b) return false; b.click(); return true; })()`,
			"question "+strconv.Itoa(i+1))
		waitTrue(t, p, lastProgress+` === `+strconv.Itoa(i+1), "labsim:progress after question "+strconv.Itoa(i+1))
	}
	waitTrue(t, p, `window.msgs.some(m => m && m.type === 'labsim:complete' && m.lab === 'cloud-concepts' && m.score === 100 && m.passed === true && m.passingScore === `+strconv.Itoa(l.PassingScore)+`)`,
		"labsim:complete with the score")
	p.expectProblem("request to another origin: " + sim.URL)
}

// TestSCOWithoutLMSKeepsWorking launches the page as a SCO (?scorm=1.2)
// with no LMS around it: a banner says the result will not be recorded,
// and the lab works.
func TestSCOWithoutLMSKeepsWorking(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en&lab=cloud-concepts&scorm=1.2")
	p.WaitText("could not be reached")
	l := quizLab(t, "cloud-concepts")
	q := l.Steps[0].Quiz()
	Eval[bool](p, `(document.querySelector('[data-action="lab.answer"][data-arg="`+l.Steps[0].ID+`:`+q.Answer+`"]').click(), true)`)
	waitTrue(t, p, `!!document.querySelector('#lab-feedback.lab-ok')`, "the right answer's feedback")
	p.expectProblem("no SCORM API found")
}

// TestSCORMLab1ResumesTheWorld plays lab 1 (create-account) as a SCO of
// each SCORM version in the frame of an LMS page that runs scorm-again
// (host and package on one origin): sign-up by visible labels inside the
// frame, then the LMS page is opened on "another computer" from
// suspend_data alone. The account comes
// back (without its password, which the LMS never holds): the page asks
// for a new root password at once, the student sets it and signs in, the
// lab completes, and the LMS reads passed with a score of 100 (2004:
// completed, passed, scaled 1).
func TestSCORMLab1ResumesTheWorld(t *testing.T) {
	const labID = "create-account"
	for _, v := range []pack.SCORMVersion{pack.SCORM12, pack.SCORM2004} {
		t.Run(v.Kind(), func(t *testing.T) {
			srv := lmsServer(t, v, labID)
			p := NewPageOn(t, srv.URL)
			get := func(elem string) string {
				return EvalTop[string](p, `String(window.lms.getFlattenedCMI()[`+strconv.Quote(elem)+`] ?? '')`)
			}
			status, success := "cmi.core.lesson_status", ""
			if v == pack.SCORM2004 {
				status, success = "cmi.completion_status", "cmi.success_status"
			}
			// The LMS page, with the SCO in its frame; the helpers act in
			// the frame.
			openLMS := func(query string) {
				p.InFrame("")
				goTo(t, p, "/host.html"+query)
				waitTrue(t, p, `(() => { const f = document.querySelector('#sco'); return !!f && !!f.contentWindow && f.contentWindow.labsimReady === true; })()`, "the SCO in the LMS's frame")
				p.InFrame("#sco")
			}
			openLMS("")
			waitSteps(p, "now", "pending", "pending")
			suSignUp(t, p, suEN, "kim@example.com", "Lab-Student-2026", "my-lab", false)
			waitSteps(p, "ok", "ok", "now")
			deadline := time.Now().Add(20 * time.Second)
			var suspend string
			for {
				suspend = get("cmi.suspend_data")
				if strings.HasPrefix(suspend, "2~"+labID+"~") && !strings.HasSuffix(suspend, "~") && strings.Contains(suspend, "._") {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("suspend_data with two steps done and the world never came: %q", suspend)
				}
				time.Sleep(100 * time.Millisecond)
			}
			if len(suspend) > scorm.MaxSuspend12 {
				t.Fatalf("suspend_data has %d characters, more than SCORM 1.2 allows", len(suspend))
			}
			t.Logf("suspend_data after sign-up: %d characters", len(suspend))
			if got := get(status); got != "incomplete" {
				t.Fatalf("%s = %q after two steps", status, got)
			}

			// Another computer: the LMS's suspend_data only.
			openLMS("?resume=" + urlQuery(suspend))
			p.WaitText("Your work was resumed from the learning system")
			p.WaitText("Set a new root user password for kim@example.com")
			p.suWaitHeading("Reset password")
			waitSteps(p, "ok", "ok", "now")
			if v == pack.SCORM12 {
				bothLanguages(p, "scorm-lab1-resumed-world")
			}
			const pw = "Lab-Resumed-2026"
			p.Type("textbox", "New password", pw)
			p.Type("textbox", "Confirm new password", pw)
			p.Click("button", "Reset password")
			p.WaitText("Your password has been reset")
			p.Type("textbox", suEN.password, pw)
			p.Click("button", suEN.signInButton)
			p.suWaitHeading(suEN.home)
			p.Find("button", suEN.accountMenu+"my-lab")
			waitSteps(p, "ok", "ok", "ok")
			p.WaitText("Lab complete. Well done!")

			want := map[string]string{status: "passed", "cmi.core.score.raw": "100"}
			if v == pack.SCORM2004 {
				want = map[string]string{status: "completed", success: "passed", "cmi.score.raw": "100", "cmi.score.scaled": "1"}
			}
			for elem, value := range want {
				deadline := time.Now().Add(20 * time.Second)
				for get(elem) != value {
					if time.Now().After(deadline) {
						t.Fatalf("%s = %q, want %q", elem, get(elem), value)
					}
					time.Sleep(100 * time.Millisecond)
				}
			}
		})
	}
}

// cspHandler serves dist/ as labsim serve does but with the given
// Content-Security-Policy in place of the site's own.
func cspHandler(policy string) http.Handler {
	h := labsite.Handler(distDir)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(cspWriter{ResponseWriter: w, policy: policy}, r)
	})
}

// cspWriter replaces the Content-Security-Policy header as the response
// starts.
type cspWriter struct {
	http.ResponseWriter
	policy string
}

func (c cspWriter) WriteHeader(code int) {
	c.Header().Set("Content-Security-Policy", c.policy)
	c.ResponseWriter.WriteHeader(code)
}

func (c cspWriter) Write(b []byte) (int, error) {
	if c.Header().Get("Content-Security-Policy") != c.policy {
		c.Header().Set("Content-Security-Policy", c.policy)
	}
	return c.ResponseWriter.Write(b)
}

// TestStrictCSPWithWasmUnsafeEval serves the site under the strictest
// policy an LMS may send, script-src 'self' 'wasm-unsafe-eval' (and
// default-src 'self'): the page starts, a lab runs, and the browser
// reports no violation. The same page without 'wasm-unsafe-eval' fails to
// start, so the test can tell.
func TestStrictCSPWithWasmUnsafeEval(t *testing.T) {
	const watch = `window.cspViolations = []; document.addEventListener('securitypolicyviolation',
		e => window.cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI));`
	tests := []struct {
		name   string
		policy string
		starts bool
	}{
		{"wasm-unsafe-eval", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:", true},
		{"without", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(cspHandler(tc.policy))
			t.Cleanup(srv.Close)
			resp, err := http.Get(srv.URL + "/")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if got := resp.Header.Get("Content-Security-Policy"); got != tc.policy {
				t.Fatalf("served CSP %q, want %q", got, tc.policy)
			}
			p := NewPageOn(t, srv.URL)
			p.beforeLoad(watch)
			if !tc.starts {
				p.navigate("/?lang=en")
				waitTrue(t, p, `window.cspViolations.some(v => v.startsWith('script-src') && v.includes('wasm'))`, "the browser refusing to compile WebAssembly")
				waitTrue(t, p, `document.body.innerText.includes('The simulator could not be loaded')`, "the page saying it could not start")
				if Eval[bool](p, `window.labsimReady === true`) {
					t.Fatal("the page started without 'wasm-unsafe-eval'")
				}
				p.Screenshot("csp-without-wasm-unsafe-eval")
				p.expectProblem("CompileError")
				return
			}
			p.Open("/?lang=en&lab=cloud-concepts")
			l := quizLab(t, "cloud-concepts")
			q := l.Steps[0].Quiz()
			Eval[bool](p, `(document.querySelector('[data-action="lab.answer"][data-arg="`+l.Steps[0].ID+`:`+q.Answer+`"]').click(), true)`)
			waitTrue(t, p, `!!document.querySelector('#lab-feedback.lab-ok')`, "the right answer's feedback")
			p.Click("link", "Simulator")
			p.WaitText("Where your work is saved")
			if v := Eval[[]string](p, `window.cspViolations`); len(v) > 0 {
				t.Fatalf("CSP violations: %v", v)
			}
		})
	}
}
