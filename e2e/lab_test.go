//go:build e2e

package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	engine "labsim/sim/lab"
)

// labSteps returns the guide's step states in order ("ok", "now" or
// "pending").
func labSteps(p *Page) []string {
	p.t.Helper()
	return Eval[[]string](p, `[...document.querySelectorAll('#lab-panel .lab-step')].map(e => e.className.replace('lab-step lab-', ''))`)
}

// waitSteps waits until the guide shows the step states.
func waitSteps(p *Page, want ...string) {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for got := labSteps(p); !slices.Equal(got, want); got = labSteps(p) {
		if time.Now().After(deadline) {
			p.t.Fatalf("the guide's steps are %v, want %v; page text:\n%s", got, want, p.Text())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// watchGreens records, in the page, the order in which steps turn green.
func watchGreens(p *Page) {
	p.t.Helper()
	Eval[any](p, `(() => { window.__greens = []; setInterval(() => {
		document.querySelectorAll('#lab-panel .lab-step').forEach((e, i) => {
			if (e.classList.contains('lab-ok') && !window.__greens.includes(i)) window.__greens.push(i);
		}); }, 20); return null; })()`)
}

// progressOf reads the guide's progressbar: value now and maximum.
func progressOf(p *Page) (string, string) {
	p.t.Helper()
	p.Find("progressbar", "Lab progress")
	v := Eval[[]string](p, `(() => { const b = document.querySelector('#lab-panel [role=progressbar]');
		return [b.getAttribute('aria-valuenow'), b.getAttribute('aria-valuemax')]; })()`)
	return v[0], v[1]
}

func TestLabCreateAccountStepsTurnGreenInOrder(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lab=create-account&lang=en")
	p.Find("complementary", "Lab guide")
	waitSteps(p, "now", "pending", "pending")
	if now, max := progressOf(p); now != "0" || max != "3" {
		t.Fatalf("progress %s/%s at the start", now, max)
	}
	if q := Eval[string](p, `location.search`); strings.Contains(q, "lab=") {
		t.Fatalf("the address still opens the lab on reload: %s", q)
	}
	bothLanguages(p, "lab-02-running")
	p.Click("button", "Show hint")
	p.Find("heading", "Step 1 of 3: Sign-up pages 1–4: get a verification code")
	p.WaitText("Hint 1")
	bothLanguages(p, "lab-03-hint")

	watchGreens(p)
	suSignUp(t, p, suEN, "kim@example.com", "Lab-Student-2026", "my-lab", false)
	waitSteps(p, "ok", "ok", "now")
	suSignIn(t, p, suEN, "Lab-Student-2026", "my-lab")
	waitSteps(p, "ok", "ok", "ok")
	if order := Eval[[]int](p, `window.__greens`); !slices.Equal(order, []int{0, 1, 2}) {
		t.Fatalf("the steps turned green in the order %v", order)
	}
	if now, max := progressOf(p); now != "3" || max != "3" {
		t.Fatalf("progress %s/%s at the end", now, max)
	}
	p.WaitText("Lab complete. Well done!")
	p.WaitText("100% (3 of 3)")
	p.Find("button", "Download report (HTML)")
	p.Find("button", "Download report (JSON)")
	bothLanguages(p, "lab-04-complete")

	// The finished attempt is saved with the world and survives a reload.
	p.Reload()
	p.WaitText("Lab complete. Well done!")
	waitSteps(p, "ok", "ok", "ok")
}

func TestLabRootMFAFromALinkPassesWhenTheDeviceIsAssigned(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lab=root-mfa&lang=en")
	p.Find("heading", "Console Home")
	waitSteps(p, "now", "pending", "pending", "pending", "pending")

	// The wizard, with the virtual phone's Authenticator scanning the code.
	openWizardSetup(t, p, false)
	waitSteps(p, "ok", "now", "pending", "pending", "pending")
	p.Click("button", "Show QR code")
	p.Click("button", "Virtual phone")
	p.Click("button", "Authenticator")
	p.Click("button", "Add account")
	p.Click("button", "Scan a QR code")
	const label = "Amazon Web Services: root-account-mfa-device@123456789012"
	p.Find("listitem", label)
	waitSteps(p, "ok", "ok", "now", "pending", "pending")
	read := func() string {
		return strings.ReplaceAll(Eval[string](p, `[...document.querySelectorAll('.auth-entry')]
			.find(e => e.querySelector('.auth-label').textContent === '`+label+`')
			.querySelector('.auth-code').textContent`), " ", "")
	}
	code1 := read()
	deadline := time.Now().Add(35 * time.Second)
	code2 := code1
	for code2 == code1 {
		if time.Now().After(deadline) {
			t.Fatal("the app's code never changed")
		}
		time.Sleep(200 * time.Millisecond)
		code2 = read()
	}
	p.Click("button", "Virtual phone")
	if labSteps(p)[2] == "ok" {
		t.Fatal("the MFA step passed before the device was assigned")
	}
	p.Type("textbox", "MFA code 1", code1)
	p.Type("textbox", "MFA code 2", code2)
	p.Click("button", "Assign MFA")
	p.WaitText("You have successfully assigned virtual MFA.")
	waitSteps(p, "ok", "ok", "ok", "now", "pending")
	if now, max := progressOf(p); now != "3" || max != "5" {
		t.Fatalf("progress %s/%s after the device", now, max)
	}
}

func TestLabCloudConceptsScoresAWrongFirstAnswer(t *testing.T) {
	labs, err := engine.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	l := engine.Find(labs, "cloud-concepts")
	p := NewPage(t)
	p.Open("/?world=demo&lang=en")
	p.Click("button", "Lab guide")
	p.Find("complementary", "Lab guide")
	p.Find("button", "Start lab: Create an AWS account")
	bothLanguages(p, "lab-01-list")
	p.Click("button", "Start lab: Cloud and AWS concepts check")
	p.WaitText("This lab starts from your current work: nothing is replaced.")
	bothLanguages(p, "lab-01-confirm")
	p.Click("button", "Start lab")
	p.Find("progressbar", "Lab progress")
	for i, s := range l.Steps {
		q := s.Quiz()
		p.Find("heading", fmt.Sprintf("Step %d of %d: %s", i+1, len(l.Steps), s.Title.En))
		choice := func(id string) string { return q.Choice(id).Text.En.Plain() }
		if i == 0 {
			wrong := q.Choices[0].ID
			if wrong == q.Answer {
				wrong = q.Choices[1].ID
			}
			p.Click("button", choice(wrong))
			p.WaitText("Not quite.")
			p.WaitText(q.Choice(wrong).Why.En.Plain())
			bothLanguages(p, "lab-05-quiz-wrong")
		}
		p.Click("button", choice(q.Answer))
		if i == 0 {
			p.WaitText("Correct.")
		}
	}
	n := len(l.Steps)
	p.WaitText("Lab complete. Well done!")
	p.WaitText(fmt.Sprintf("%d%% (%d of %d)", (n-1)*100/n, n-1, n))
	p.WaitText("Passed (passing score 70)")
	if now, max := progressOf(p); now != fmt.Sprint(n) || max != fmt.Sprint(n) {
		t.Fatalf("progress %s/%s at the end", now, max)
	}
	bothLanguages(p, "lab-06-quiz-complete")
}
