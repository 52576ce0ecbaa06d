package policies_test

import (
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/i18n"
	"labsim/console/iam/policies"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/catalog"
	"labsim/sim/catalog/actiondata"
	"labsim/sim/policy"
)

var loadActions = sync.OnceValues(actiondata.Load)

func actions(t *testing.T) catalog.Actions {
	t.Helper()
	a, err := loadActions()
	require.NoError(t, err)
	return a
}

// demo is the signed-in demo world with the catalog loaded, on a page.
func demo(t *testing.T, hash string) console.Model {
	t.Helper()
	m := ct.Demo(t)
	m = ct.Send(m, console.CatalogLoaded{Now: ct.T0, Actions: actions(t)})
	return ct.Send(m, console.Navigate{Now: ct.T0, Hash: hash})
}

func typeDoc(m console.Model, text string) console.Model {
	return ct.Send(m, console.Input{Now: ct.T0, Field: "policies.doc", Value: text})
}

func guardrails(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../../../shared/reference/scenario/NetworkAdminGuardrails.json")
	if err != nil {
		b, err = os.ReadFile("/work/shared/reference/scenario/NetworkAdminGuardrails.json")
	}
	require.NoError(t, err)
	return string(b)
}

func TestListFiltersSearchesAndPages(t *testing.T) {
	m := demo(t, "#/iam/policies")
	ct.Find(t, m, "heading", "Policies (18)")
	ct.Find(t, m, "link", "AdministratorAccess")
	ct.Find(t, m, "button", "Next page")
	require.True(t, ct.Shows(m, "Page 1 of 2"))
	m = ct.Send(m, console.Input{Now: ct.T0, Field: "policies.type", Value: "job"})
	ct.Find(t, m, "link", "DatabaseAdministrator")
	_, admin := ui.Find(console.View(m), "link", "AdministratorAccess")
	require.False(t, admin, "job function filter hides AdministratorAccess")
	m = ct.Send(m, console.Input{Now: ct.T0, Field: "policies.type", Value: ""})
	m = ct.Send(m, console.Input{Now: ct.T0, Field: "policies.q", Value: "vpc"})
	ct.Find(t, m, "link", "AmazonVPCFullAccess")
	require.True(t, ct.Shows(m, "Page 1 of 1"))
	ct.CheckPseudo(t, ct.Pseudo(m))
}

func TestSummaryAccessLevelsFromCatalog(t *testing.T) {
	acts := actions(t)
	sum := func(text string) []policies.Row {
		doc, err := policy.Parse(text)
		require.NoError(t, err)
		return policies.Summarize(doc, acts)
	}
	en := i18n.For(i18n.EN)
	admin, _ := catalog.LookupManagedPolicy("AdministratorAccess")
	rows := sum(admin.Document)
	require.Len(t, rows, 1)
	require.True(t, rows[0].AllServices)
	require.Equal(t, "Full access", policies.LevelText(en, rows[0]))

	// AmazonVPCFullAccess: EC2 with some actions of some levels, which
	// the catalog decides.
	vpc, _ := catalog.LookupManagedPolicy("AmazonVPCFullAccess")
	var ec2 policies.Row
	for _, r := range sum(vpc.Document) {
		if r.Prefix == "ec2" {
			ec2 = r
		}
	}
	require.Equal(t, "Allow", ec2.Effect)
	svc, _ := acts.Service("ec2")
	require.Equal(t, svc.Name, ec2.Service)
	require.NotEmpty(t, ec2.Limited, "EC2 is limited: not every EC2 action")
	require.Contains(t, ec2.Limited, catalog.Write)

	// NetworkAdminGuardrails: IAM limited (Read, Write, …) allowed; the
	// Deny NotAction leaves every other service fully denied.
	rows = sum(guardrails(t))
	var allowIAM, denyOthers, denyAll bool
	for _, r := range rows {
		if r.Effect == "Allow" && r.Prefix == "iam" {
			allowIAM = true
			require.Empty(t, r.Full)
			levels := map[catalog.AccessLevel]bool{}
			for _, l := range r.Limited {
				levels[l] = true
			}
			// Compare with the catalog: the levels of the granted actions.
			want := map[catalog.AccessLevel]bool{}
			for _, n := range []string{"GetAccountPasswordPolicy", "ListVirtualMFADevices", "GetUser", "ChangePassword", "ListMFADevices",
				"CreateVirtualMFADevice", "EnableMFADevice", "ResyncMFADevice", "DeleteVirtualMFADevice"} {
				a, ok := acts.Action("iam", n)
				require.True(t, ok, n)
				want[a.Level] = true
			}
			require.Equal(t, want, levels)
			require.Contains(t, r.Resources, "arn:aws:iam::*:user/${aws:username}")
		}
		if r.Effect == "Deny" && r.Others {
			denyOthers = true
			require.Equal(t, []string{"BoolIfExists aws:MultiFactorAuthPresent: false"}, r.Conditions)
		}
		if r.Effect == "Deny" && r.AllServices {
			denyAll = true
			require.Equal(t, []string{"NotIpAddress aws:SourceIp: 203.0.113.0/24"}, r.Conditions)
		}
	}
	require.True(t, allowIAM && denyOthers && denyAll, "%+v", rows)
}

func TestDetailsSummaryAndJSONInKorean(t *testing.T) {
	m := demo(t, "#/iam/policies/aws/AdministratorAccess")
	ct.Find(t, m, "heading", "AdministratorAccess")
	ct.Find(t, m, "link", "Policy summary")
	require.True(t, ct.Shows(m, "All services"))
	require.True(t, ct.Shows(m, "Full access"))
	m = ct.Click(m, "lang", "ko")
	ct.Find(t, m, "link", "정책 요약")
	ct.Find(t, m, "link", "{}JSON")
	m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: "#/iam/policies/aws/AdministratorAccess/json"})
	require.True(t, ct.Shows(m, `"Action": "*"`))
	ct.CheckPseudo(t, ct.Pseudo(m))
}

func TestCreatePolicyBlockedThenCreated(t *testing.T) {
	m := demo(t, "#/iam/policies/create")
	ct.Find(t, m, "heading", "Create policy")
	ct.Find(t, m, "tab", "JSON")
	bad := strings.Replace(guardrails(t), `"Effect": "Allow"`, `"Effect": "Alow"`, 1)
	m = typeDoc(m, bad)
	ct.Find(t, m, "tab", "Errors (1)")
	pos := ct.Find(t, m, "button", "Ln 6, Col 17")
	require.True(t, ct.Shows(m, "The effect Alow is not valid"), "finding message shown")
	m2, fx := ct.PressAt(t, m, ct.T0, "button", "Ln 6, Col 17")
	sel := ct.EffectsOf[console.SetSelection](fx)
	require.Len(t, sel, 1)
	off := strings.Index(bad, `"Alow"`)
	require.Equal(t, console.SetSelection{ID: "policy-doc", Start: off, End: off}, sel[0])
	_ = pos
	// Next is blocked.
	m2, _ = ct.PressAt(t, m2, ct.T0, "button", "Next")
	require.Equal(t, "#/iam/policies/create", m2.UI.Route)
	require.True(t, ct.Shows(m2, "Fix the errors in the policy before you continue"))
	// Corrected: Next leads to the review.
	m2 = typeDoc(m2, guardrails(t))
	ct.Find(t, m2, "tab", "Errors (0)")
	m2, _ = ct.PressAt(t, m2, ct.T0, "button", "Next")
	require.Equal(t, "#/iam/policies/create/review", m2.UI.Route)
	ct.Find(t, m2, "heading", "Permissions defined in this policy")
	// A bad name is refused next to the field.
	m3, _ := ct.SubmitAt(m2, ct.T0, "policies.create", map[string]string{"policies.name": "bad name!"})
	require.Equal(t, "#/iam/policies/create/review", m3.UI.Route)
	require.Contains(t, ct.Description(t, m3, "textbox", "Policy name"), "Use only letters")
	m3, _ = ct.SubmitAt(m2, ct.T0, "policies.create", map[string]string{"policies.name": "NetworkAdminGuardrails", "policies.desc": "Guardrails"})
	require.Equal(t, "#/iam/policies", m3.UI.Route)
	p, ok := m3.World.CustomerPolicy("123456789012", "NetworkAdminGuardrails")
	require.True(t, ok)
	require.Equal(t, guardrails(t), p.Default().Document)
	m3 = ct.Send(m3, console.Input{Now: ct.T0, Field: "policies.type", Value: "customer"})
	ct.Find(t, m3, "link", "NetworkAdminGuardrails")
	ct.CheckPseudo(t, ct.Pseudo(m2))
}

// created returns the demo world with a customer policy made through the
// pages.
func created(t *testing.T) console.Model {
	m := demo(t, "#/iam/policies/create")
	m = typeDoc(m, guardrails(t))
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
	m, _ = ct.SubmitAt(m, ct.T0, "policies.create", map[string]string{"policies.name": "NetworkAdminGuardrails"})
	_, ok := m.World.CustomerPolicy("123456789012", "NetworkAdminGuardrails")
	require.True(t, ok)
	return m
}

func TestEditVersionsAndQuota(t *testing.T) {
	m := created(t)
	edit := func(m console.Model, n int, values map[string]string) console.Model {
		m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: "#/iam/policies/customer/NetworkAdminGuardrails/edit"})
		m = typeDoc(m, strings.Replace(guardrails(t), "203.0.113.0/24", "203.0.113.0/2"+string(rune('0'+n)), 1))
		m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
		m, _ = ct.SubmitAt(m, ct.T0, "policies.save", values)
		return m
	}
	for i := 2; i <= 5; i++ {
		m = edit(m, i, nil)
	}
	p, _ := m.World.CustomerPolicy("123456789012", "NetworkAdminGuardrails")
	require.Len(t, p.Versions, 5)
	require.Equal(t, "v5", p.DefaultVersion)
	ct.Find(t, m, "heading", "Policy versions (5)")
	// The sixth edit asks which version to delete first.
	m6 := edit(m, 6, nil)
	require.True(t, strings.HasSuffix(m6.UI.Route, "/edit/review"))
	require.True(t, ct.Shows(m6, "Choose the version to delete."))
	m6, _ = ct.SubmitAt(m6, ct.T0, "policies.save", map[string]string{"policies.dropVersion": "v1"})
	p, _ = m6.World.CustomerPolicy("123456789012", "NetworkAdminGuardrails")
	require.Len(t, p.Versions, 5)
	require.Equal(t, "v6", p.DefaultVersion)
	require.Equal(t, "v2", p.Versions[0].ID)
	// Set an older version as default, delete a non-default one.
	m6, _ = ct.PressAt(t, m6, ct.T0, "button", "Set version v3 as default")
	p, _ = m6.World.CustomerPolicy("123456789012", "NetworkAdminGuardrails")
	require.Equal(t, "v3", p.DefaultVersion)
	m6, _ = ct.PressAt(t, m6, ct.T0, "button", "Delete version v6")
	p, _ = m6.World.CustomerPolicy("123456789012", "NetworkAdminGuardrails")
	require.Len(t, p.Versions, 4)
	_, still := ui.Find(console.View(m6), "button", "Delete version v3")
	require.False(t, still, "the default version cannot be deleted")
	// View any version.
	m6 = ct.Send(m6, console.Navigate{Now: ct.T0, Hash: "#/iam/policies/customer/NetworkAdminGuardrails/versions/v2"})
	ct.Find(t, m6, "heading", "Version v2")
	ct.CheckPseudo(t, ct.Pseudo(m6))
}

func TestAttachDetachAndDelete(t *testing.T) {
	m := created(t)
	m = withGroup(t, m, "NetworkAdmin")
	m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: "#/iam/policies/customer/NetworkAdminGuardrails/entities"})
	target := "group:NetworkAdmin"
	m = ct.Send(m, console.Input{Now: ct.T0, Field: "policies.attachTo", Value: target})
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Attach")
	require.Equal(t, 1, m.World.IAMAccount("123456789012").AttachmentCount("arn:aws:iam::123456789012:policy/NetworkAdminGuardrails"))
	ct.Find(t, m, "heading", "Entities attached (1)")
	name := target[strings.IndexByte(target, ':')+1:]
	m2, _ := ct.PressAt(t, m, ct.T0, "button", "Detach from "+name)
	require.Equal(t, 0, m2.World.IAMAccount("123456789012").AttachmentCount("arn:aws:iam::123456789012:policy/NetworkAdminGuardrails"))
	// Delete detaches first, after the typed name matches.
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Delete")
	m = ct.Send(m, console.Input{Now: ct.T0, Field: "policies.deleteName", Value: "wrong"})
	m = ct.Click(m, "policies.deleteDo", "")
	require.True(t, ct.Shows(m, "Enter the policy name exactly as shown."))
	m = ct.Send(m, console.Input{Now: ct.T0, Field: "policies.deleteName", Value: "NetworkAdminGuardrails"})
	m = ct.Click(m, "policies.deleteDo", "")
	_, ok := m.World.CustomerPolicy("123456789012", "NetworkAdminGuardrails")
	require.False(t, ok)
	require.Equal(t, "#/iam/policies", m.UI.Route)
}

func TestInlinePolicyLimits(t *testing.T) {
	user := "Luna"
	m := withUser(t, demo(t, "#/iam/policies"), user)
	m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: policies.InlineHash("user", user)})
	ct.Find(t, m, "heading", "Create inline policy for "+user)
	require.True(t, ct.Shows(m, "of 2,048 characters"))
	// Over the user quota: IAM refuses, Next is blocked.
	big := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::` + strings.Repeat("a", 2100) + `"]}]}`
	m = typeDoc(m, big)
	require.True(t, ct.Shows(m, "LimitExceeded"))
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
	require.False(t, strings.HasSuffix(m.UI.Route, "/review"))
	m = typeDoc(m, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`)
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
	require.True(t, strings.HasSuffix(m.UI.Route, "/review"))
	m2, _ := ct.SubmitAt(m, ct.T0, "policies.inline", map[string]string{"policies.name": "a/b"})
	require.True(t, ct.Shows(m2, "Use printable ASCII characters"))
	m2, _ = ct.SubmitAt(m, ct.T0, "policies.inline", map[string]string{"policies.name": "ListBuckets"})
	u, _ := m2.World.IAMUser("123456789012", user)
	require.Len(t, u.Inline, 1)
}

func TestGroupInlinePolicyQuotaAndNoAnalyzer(t *testing.T) {
	m := withGroup(t, demo(t, "#/iam/policies"), "NetworkAdmin")
	m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: policies.InlineHash("group", "NetworkAdmin")})
	ct.Find(t, m, "heading", "Create inline policy for NetworkAdmin")
	require.True(t, ct.Shows(m, "of 5,120 characters"))
	require.True(t, ct.Shows(m, "Access Analyzer does not check inline policies of groups"))
	// IAM's own refusal still blocks Next.
	m = typeDoc(m, strings.Replace(guardrails(t), `"Effect": "Allow"`, `"Effect": "allow"`, 1))
	require.True(t, ct.Shows(m, "MalformedPolicyDocument"))
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
	require.False(t, strings.HasSuffix(m.UI.Route, "/review"))
	m = typeDoc(m, guardrails(t))
	m, _ = ct.PressAt(t, m, ct.T0, "button", "Next")
	m, _ = ct.SubmitAt(m, ct.T0, "policies.inline", map[string]string{"policies.name": "Guardrails"})
	g, _ := m.World.IAMGroup("123456789012", "NetworkAdmin")
	require.Len(t, g.Inline, 1)
	require.Equal(t, "#/iam/groups/NetworkAdmin", m.UI.Route)
}

func TestPageLoadsAreAuthorised(t *testing.T) {
	m := withUser(t, demo(t, "#/iam/policies"), "Luna")
	u, _ := m.World.IAMUser("123456789012", "Luna")
	m.Session = sim.Session{AccountID: "123456789012", Principal: u.ARN, UserName: "Luna", SignedInAt: ct.T0}
	m = ct.Send(m, console.Navigate{Now: ct.T0, Hash: "#/iam/policies/aws/AdministratorAccess"})
	require.True(t, ct.Shows(m, "You don't have permission to view this page."))
	require.True(t, ct.Shows(m, "User: "+u.ARN+" is not authorized to perform: iam:GetPolicy on resource: arn:aws:iam::aws:policy/AdministratorAccess because no identity-based policy allows the iam:GetPolicy action"))
	_, shown := ui.Find(console.View(m), "link", "{}JSON")
	require.False(t, shown)
	ev := ct.LastEvent(m)
	require.Equal(t, "iam:GetPolicy", ev.Action)
	ct.CheckPseudo(t, ct.Pseudo(m))
}

func withGroup(t *testing.T, m console.Model, name string) console.Model {
	w, err := m.World.Do(m.Session, sim.CreateGroup{Name: name, Path: "/"}, m.Env())
	require.NoError(t, err)
	m.World = w
	return m
}

func withUser(t *testing.T, m console.Model, name string) console.Model {
	w, err := m.World.Do(m.Session, sim.CreateUser{Name: name, Path: "/"}, m.Env())
	require.NoError(t, err)
	m.World = w
	return m
}

func TestIndent(t *testing.T) {
	u := func(s string) []uint16 { return utf16.Encode([]rune(s)) }
	for _, tc := range []struct {
		name       string
		text       string
		start, end int
		outdent    bool
		from, to   int
		repl       string
		selS, selE int
	}{
		{"caret inserts", "ab", 1, 1, false, 1, 1, "    ", 5, 5},
		{"lines indent", "a\nb\nc", 0, 3, false, 0, 3, "    a\n    b", 4, 11},
		{"outdent line", "      x", 7, 7, true, 0, 7, "  x", 3, 3},
		{"outdent none", "x", 1, 1, true, 0, 1, "x", 1, 1},
		{"outdent tab", "\tx\n\ty", 0, 5, true, 0, 5, "x\ny", 0, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to, repl, s, e := policies.Indent(u(tc.text), tc.start, tc.end, tc.outdent, "    ")
			require.Equal(t, []any{tc.from, tc.to, tc.repl, tc.selS, tc.selE}, []any{from, to, repl, s, e})
		})
	}
}

func TestUTF16Offset(t *testing.T) {
	require.Equal(t, 2, policies.UTF16Offset("a한b", len("a한")))
	require.Equal(t, 3, policies.UTF16Offset("😀b", len("😀b")))
	require.Equal(t, 0, policies.UTF16Offset("x", -1))
}
