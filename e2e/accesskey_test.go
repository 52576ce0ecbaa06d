//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestIAMAccessKeyWizard creates an access key for an IAM user through
// AWS's three steps, by visible labels only, as the root user of the demo
// world: the use case with its alternatives and the confirmation, the
// description tag, then Retrieve access keys with Show, Download .csv file
// (the file's content checked) and Done; Done without the file asks first.
// Each step is photographed in both languages.
func TestIAMAccessKeyWizard(t *testing.T) {
	p := NewPage(t)
	p.Open("/?world=demo&lang=en#/iam/users")
	p.Find("heading", "Users (0)")
	p.Click("button", "Create user")
	p.Type("textbox", "User name", "Luna")
	p.Click("button", "Next")
	p.Find("heading", "Set permissions")
	p.Click("button", "Next")
	p.Find("heading", "Review and create")
	p.Click("button", "Create user")
	p.Find("heading", "Luna")
	p.Click("tab", "Security credentials")
	p.Find("heading", "Access keys (0)")
	p.Click("button", "Create access key")

	// Step 1.
	p.Find("heading", "Access key best practices & alternatives")
	p.WaitText("AWS CloudShell")
	p.Click("radio", "Application running on an AWS compute service")
	p.WaitText("an instance profile for Amazon EC2")
	p.Click("button", "Next")
	p.WaitText("Confirm that you understand the recommendation to continue.")
	p.Click("checkbox", "I understand the above recommendation and want to proceed to create an access key.")
	bothLanguages(p, "access-key-1-use-case")
	p.Click("button", "Next")

	// Step 2: a refused character is named, then a valid description.
	p.Find("heading", "Set description tag - optional")
	p.Type("textbox", "Description tag value", "Luna's build job")
	p.Click("button", "Create access key")
	p.WaitText("Tags cannot contain “'”")
	if v := p.Value("textbox", "Description tag value"); v != "Luna's build job" {
		t.Fatalf("the description became %q", v)
	}
	// Typing over the selected text replaces it, as a student would.
	p.Focus("textbox", "Description tag value")
	Eval[any](p, `document.activeElement.select()`)
	p.Type("textbox", "Description tag value", "Luna build job on EC2")
	bothLanguages(p, "access-key-2-description")
	p.Click("button", "Create access key")

	// Step 3: the secret once; the .csv file holds the key and the secret.
	p.Find("heading", "Retrieve access keys")
	p.WaitText("This is the only time the secret access key can be viewed or downloaded.")
	id := Eval[string](p, `document.getElementById('iam-ak-id').textContent`)
	if !strings.HasPrefix(id, "AKIA") || len(id) != 20 {
		t.Fatalf("access key ID %q", id)
	}
	if Eval[bool](p, `document.getElementById('iam-ak-secret') !== null`) {
		t.Fatal("the secret shows before Show")
	}
	p.Click("button", "Show the secret access key")
	secret := Eval[string](p, `document.getElementById('iam-ak-secret').textContent`)
	if len(secret) != 40 {
		t.Fatalf("secret access key %q", secret)
	}
	bothLanguages(p, "access-key-3-retrieve")

	// Done without the file asks; Cancel keeps the page.
	p.Click("button", "Done")
	p.Find("dialog", "Leave without downloading the access key of Luna?")
	bothLanguages(p, "access-key-4-leave")
	p.Click("button", "Cancel")
	p.WaitText(secret)

	Eval[any](p, `(() => { window.__csv = ''; const orig = URL.createObjectURL;
		URL.createObjectURL = b => { b.text().then(t => { window.__csv = t; }); return orig.call(URL, b); }; })()`)
	p.Click("button", "Download .csv file")
	deadline := time.Now().Add(5 * time.Second)
	for Eval[string](p, `window.__csv`) == "" {
		if time.Now().After(deadline) {
			t.Fatal("no .csv file was offered")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got, want := Eval[string](p, `window.__csv`), "Access key ID,Secret access key\n"+id+","+secret+"\n"; got != want {
		t.Fatalf(".csv file %q, want %q", got, want)
	}
	// With the file, Done leaves at once, and the secret is gone.
	p.Click("button", "Done")
	p.Find("heading", "Access keys (1)")
	p.WaitText("Luna build job on EC2")
	if strings.Contains(p.Text(), secret) {
		t.Fatal("the secret is still on the page")
	}
	if Eval[bool](p, `JSON.stringify(localStorage).includes(`+jsString(secret)+`)`) {
		t.Fatal("the secret was saved")
	}
	bothLanguages(p, "access-key-5-credentials")
}
