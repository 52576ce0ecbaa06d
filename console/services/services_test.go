package services_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"labsim/console"
	"labsim/console/core"
	"labsim/console/services"
	"labsim/console/ui"
	ct "labsim/internal/consoletest"
	"labsim/sim"
	"labsim/sim/ec2"
)

// delegation boots the prepared world delegation-done (signed out) and
// signs in directly as who: "root", "luna" (no MFA) or "luna-mfa".
func delegation(t *testing.T, who, lang string) console.Model {
	t.Helper()
	m := ct.StartCheap(t, map[string]string{"world": "delegation-done", "lang": lang})
	require.False(t, m.Session.SignedIn(), "delegation-done starts signed out")
	acct := m.World.Accounts[sim.DemoAccountID]
	switch who {
	case "root":
		m.Session = sim.RootSession(acct, ct.T0, false)
	default:
		u, ok := acct.IAM.User(sim.LunaName)
		require.True(t, ok)
		m.Session = sim.UserSession(acct, u, ct.T0.Add(-2*60e9), who == "luna-mfa")
	}
	return m
}

func open(m console.Model, hash string) console.Model {
	return ct.Send(m, console.Navigate{Now: ct.T0, Hash: hash})
}

// column returns the cells of a column of the tables named heading.
func column(t *testing.T, m console.Model, heading, col string) []string {
	t.Helper()
	v := console.View(m)
	var out []string
	for _, tbl := range ui.FindAll(v, "table", "") {
		if !strings.HasPrefix(ui.Name(v, tbl), heading+" (") {
			continue
		}
		idx := -1
		i := 0
		tbl.Walk(func(n ui.Node) bool {
			if n.Tag == "th" {
				if strings.TrimSpace(n.TextContent()) == col {
					idx = i
				}
				i++
			}
			return true
		})
		require.GreaterOrEqual(t, idx, 0, "no column %q", col)
		for _, tr := range tags(tbl, "tr") {
			cells := tags(tr, "td")
			if len(cells) > idx {
				out = append(out, cells[idx].TextContent())
			}
		}
	}
	return out
}

// tags lists the elements with a tag under n, outermost first.
func tags(n ui.Node, tag string) []ui.Node {
	var out []ui.Node
	for _, k := range n.Kids {
		if k.Tag == tag {
			out = append(out, k)
			continue
		}
		out = append(out, tags(k, tag)...)
	}
	return out
}

func TestVPCPagesShowTheDefaultNetworkOfTheRegion(t *testing.T) {
	tests := []struct {
		region string
		azs    []string
	}{
		{"ap-northeast-2", []string{"ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d"}},
		{"us-east-2", []string{"us-east-2a", "us-east-2b", "us-east-2c"}},
		{"eu-west-1", nil}, // no zone data in the catalog
	}
	for _, tc := range tests {
		t.Run(tc.region, func(t *testing.T) {
			m := delegation(t, "root", "en")
			m = open(m, "#/vpc")
			m = ct.Click(m, "region", tc.region)
			n, ok := ec2.Default(sim.DemoAccountID, tc.region)
			require.True(t, ok)
			ct.Find(t, m, "heading", "Your VPCs")
			require.Equal(t, []string{n.VPC.ID}, column(t, m, "Your VPCs", "VPC ID"))
			require.Equal(t, []string{"172.31.0.0/16"}, column(t, m, "Your VPCs", "IPv4 CIDR"))
			require.Equal(t, []string{"Yes"}, column(t, m, "Your VPCs", "Default VPC"))

			m = open(m, "#/vpc/subnets")
			require.Equal(t, tc.azs, nilIfEmpty(column(t, m, "Subnets", "Availability Zone")))
			if tc.azs == nil {
				require.True(t, ct.Shows(m, "The simulator has no Availability Zone data for this region"))
			} else {
				require.Equal(t, "172.31.0.0/20", column(t, m, "Subnets", "IPv4 CIDR")[0])
				require.Equal(t, "4091", column(t, m, "Subnets", "Available IPv4 addresses")[0])
			}

			m = open(m, "#/vpc/route-tables")
			require.Equal(t, []string{"172.31.0.0/16", "0.0.0.0/0"}, column(t, m, "Routes", "Destination"))
			require.Equal(t, []string{"local", n.InternetGateway.ID}, column(t, m, "Routes", "Target"))
			m = open(m, "#/vpc/internet-gateways")
			require.Equal(t, []string{n.InternetGateway.ID}, column(t, m, "Internet gateways", "Internet gateway ID"))
			m = open(m, "#/vpc/network-acls")
			require.Equal(t, []string{"100", "*"}, column(t, m, "Inbound rules", "Rule number"))
			require.Equal(t, []string{"Allow", "Deny"}, column(t, m, "Inbound rules", "Allow/Deny"))
			m = open(m, "#/vpc/security-groups")
			require.Equal(t, []string{"default"}, column(t, m, "Security groups", "Security group name"))
			require.Equal(t, []string{n.SecurityGroup.ID + " / default"}, column(t, m, "Inbound rules", "Source"))
			ct.CheckPseudo(t, ct.Pseudo(m))
		})
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestServicePagesAreAuthorisedAndLogged checks each page for root and
// Luna: with MFA from the campus she sees VPC and EC2 and is denied S3
// with AWS's exact message; without MFA the guardrails deny everything
// explicitly. Every page load is an event.
func TestServicePagesAreAuthorisedAndLogged(t *testing.T) {
	luna := "arn:aws:iam::" + sim.DemoAccountID + ":user/Luna"
	implicit := func(action string) string {
		return "User: " + luna + " is not authorized to perform: " + action + " because no identity-based policy allows the " + action + " action"
	}
	explicit := func(action string) string {
		return "User: " + luna + " is not authorized to perform: " + action + " with an explicit deny in an identity-based policy"
	}
	pages := []struct{ hash, action, heading string }{
		{"#/vpc", "ec2:DescribeVpcs", "Your VPCs"},
		{"#/vpc/subnets", "ec2:DescribeSubnets", "Subnets"},
		{"#/vpc/route-tables", "ec2:DescribeRouteTables", "Route tables"},
		{"#/vpc/internet-gateways", "ec2:DescribeInternetGateways", "Internet gateways"},
		{"#/vpc/network-acls", "ec2:DescribeNetworkAcls", "Network ACLs"},
		{"#/vpc/security-groups", "ec2:DescribeSecurityGroups", "Security groups"},
		{"#/ec2", "ec2:DescribeInstances", "Instances"},
		{"#/s3", "s3:ListAllMyBuckets", "Buckets"},
	}
	for _, p := range pages {
		for _, who := range []string{"root", "luna-mfa", "luna"} {
			t.Run(p.hash+"/"+who, func(t *testing.T) {
				m := delegation(t, who, "en")
				before := len(m.World.Events)
				m = open(m, p.hash)
				require.Equal(t, p.action, services.PageAction(core.ParseRoute(p.hash)))
				require.Len(t, m.World.Events, before+1, "the page load is an event")
				ev := ct.LastEvent(m)
				require.Equal(t, p.action, ev.Action)
				require.Equal(t, "*", ev.Resource)
				ct.Find(t, m, "heading", p.heading)
				var want sim.Decision
				switch {
				case who == "root":
					want = sim.Allowed
				case who == "luna":
					want = sim.ExplicitlyDenied
				case p.action == "s3:ListAllMyBuckets":
					want = sim.ImplicitlyDenied
				default:
					want = sim.Allowed
				}
				require.Equal(t, want, ev.Decision)
				_, denied := ui.Find(console.View(m), "heading", "Access denied")
				require.Equal(t, want != sim.Allowed, denied)
				switch want {
				case sim.ImplicitlyDenied:
					require.True(t, ct.Shows(m, implicit(p.action)), "exact message")
				case sim.ExplicitlyDenied:
					require.True(t, ct.Shows(m, explicit(p.action)), "exact message")
				}
			})
		}
	}
}

// TestDeniedPageExplainsWhy opens the Why? of a denied page in both
// languages: the message stays in English, the explanation is in the
// student's language and names the deciding statement and key.
func TestDeniedPageExplainsWhy(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			m := delegation(t, "luna", lang)
			m = open(m, "#/vpc")
			v := console.View(m)
			msg := "User: arn:aws:iam::" + sim.DemoAccountID + ":user/Luna is not authorized to perform: ec2:DescribeVpcs with an explicit deny in an identity-based policy"
			require.True(t, ui.ContainsText(v, msg))
			why := "Why?"
			if lang == "ko" {
				why = "왜 그런가요?"
			}
			btn := ct.Find(t, m, "button", why)
			require.Equal(t, "false", ct.AttrOf(btn, "aria-expanded"))
			require.False(t, ct.Shows(m, "DenyAllExceptListedIfNoMFA"))
			m, _ = ct.PressAt(t, m, ct.T0, "button", why)
			require.Equal(t, "true", ct.AttrOf(ct.Find(t, m, "button", why), "aria-expanded"))
			for _, s := range []string{"DenyAllExceptListedIfNoMFA", "aws:MultiFactorAuthPresent", "BoolIfExists", "AmazonVPCFullAccess", "NetworkAdminGuardrails", "ec2:DescribeVpcs"} {
				require.True(t, ct.Shows(m, s), s)
			}
			rule := "An explicit deny in any policy overrides every Allow"
			if lang == "ko" {
				rule = "명시적 거부는 모든 Allow보다 우선"
			}
			require.True(t, ct.Shows(m, rule))
			// Another page starts folded.
			m = open(m, "#/vpc/subnets")
			require.Equal(t, "false", ct.AttrOf(ct.Find(t, m, "button", why), "aria-expanded"))
			if lang == "en" {
				ct.CheckPseudo(t, ct.Pseudo(m))
			}
		})
	}
}

// TestServicesMenuOpensTheConsoles checks the menu's links.
func TestServicesMenuOpensTheConsoles(t *testing.T) {
	m := delegation(t, "root", "en")
	m = ct.Click(m, "menu", "services")
	v := console.View(m)
	for name, href := range map[string]string{"VPC": "#/vpc", "EC2": "#/ec2", "S3": "#/s3", "IAM Policy Simulator": "#/policysim"} {
		found := false
		for _, l := range ui.FindAll(v, "link", "") {
			if h, _ := l.Attr("href"); h == href && strings.Contains(l.TextContent(), name) {
				found = true
			}
		}
		require.True(t, found, "%s → %s", name, href)
	}
}
